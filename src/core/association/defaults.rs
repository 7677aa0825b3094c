//! The associations every workspace starts with, after HubSpot's defaults.
//!
//! Objects are named by their internal names only: a definition whose object is missing from
//! the schema (or switched off) is harmless, since no record of it can exist.

use super::{AssociationDef, AssociationDefs, LabelDef};

/// The activity objects, each linked to the records it is about.
pub const ACTIVITY_OBJECTS: [&str; 5] = ["notes", "calls", "emails", "meetings", "tasks"];

/// Objects an activity can be logged on.
const ACTIVITY_TARGETS: [&str; 4] = ["contacts", "companies", "deals", "tickets"];

/// The definitions of a new workspace.
pub fn default_associations() -> AssociationDefs {
    let mut defs = vec![
        // A contact has at most one primary company; the company lists it as Primary too.
        AssociationDef::new("contacts", "companies").with_label(LabelDef::single("primary", "Primary").max_from_a(1)),
        AssociationDef::new("contacts", "deals"),
        AssociationDef::new("companies", "deals"),
        // A company has at most one parent; it may have any number of children.
        AssociationDef::new("companies", "companies")
            .with_label(LabelDef::paired(("parent", "Parent company"), ("child", "Child company")).max_from_a(1)),
        // A line item is a copy of a product on one deal or one quote.
        AssociationDef { max_a_per_b: Some(1), ..AssociationDef::new("deals", "line_items") },
        AssociationDef { max_b_per_a: Some(1), ..AssociationDef::new("quotes", "deals") },
        AssociationDef { max_a_per_b: Some(1), ..AssociationDef::new("quotes", "line_items") },
        AssociationDef::new("tickets", "contacts"),
        AssociationDef::new("tickets", "companies"),
        AssociationDef::new("tickets", "deals"),
    ];
    for activity in ACTIVITY_OBJECTS {
        defs.extend(ACTIVITY_TARGETS.iter().map(|target| AssociationDef::new(activity, target)));
    }
    AssociationDefs { defs }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::schema::{default_schema, ObjectDef, ObjectKind, Schema};

    /// The default schema plus every object the default definitions name.
    fn full_schema() -> Schema {
        let mut schema = default_schema();
        let template = schema.objects[0].clone();
        for name in ["line_items", "quotes"].iter().chain(ACTIVITY_OBJECTS.iter()) {
            let kind = if ACTIVITY_OBJECTS.contains(name) { ObjectKind::Activity } else { ObjectKind::Standard };
            schema.objects.push(ObjectDef { name: name.to_string(), kind, ..template.clone() });
        }
        schema
    }

    #[test]
    fn every_default_definition_is_valid() {
        let schema = full_schema();
        for def in default_associations().defs {
            assert_eq!(def.validate(&schema), Ok(()), "{}–{}", def.a, def.b);
        }
    }

    #[test]
    fn each_pair_of_objects_has_at_most_one_definition() {
        let defs = default_associations().defs;
        for (i, d) in defs.iter().enumerate() {
            assert!(defs[i + 1..].iter().all(|e| !e.links(&d.a, &d.b)), "{}–{} twice", d.a, d.b);
        }
    }

    #[test]
    fn activities_link_to_contacts_companies_deals_and_tickets() {
        let defs = default_associations();
        for activity in ACTIVITY_OBJECTS {
            for target in ACTIVITY_TARGETS {
                assert!(defs.get(target, activity).is_some(), "{activity}–{target}");
            }
        }
        assert!(defs.get("notes", "calls").is_none());
    }

    #[test]
    fn a_contact_has_one_primary_company_at_most() {
        let defs = default_associations();
        let def = defs.get("companies", "contacts").expect("defined");
        assert_eq!(def.view("contacts", "primary").and_then(|v| v.max), Some(1));
        assert_eq!(def.view("companies", "primary").and_then(|v| v.max), None);
    }
}
