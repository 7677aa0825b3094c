//! The objects every workspace starts with, using HubSpot's internal property names.

use super::{EnumOption, ObjectDef, ObjectKind, PropertyDef, PropertyGroup, PropertyType, Schema};

use PropertyType as T;

fn prop(name: &str, label: &str, group: &str, kind: PropertyType) -> PropertyDef {
    PropertyDef::new(name, label, group, kind)
}

fn number() -> PropertyType {
    T::Number { decimals: None, min: None, max: None }
}

fn select(name: &str, label: &str, group: &str, options: &[(&str, &str)]) -> PropertyDef {
    let mut def = prop(name, label, group, T::Dropdown);
    def.options = options.iter().map(|(v, l)| EnumOption::new(v, l)).collect();
    def
}

fn lifecycle_stage(group: &str) -> PropertyDef {
    select(
        "lifecyclestage",
        "Lifecycle stage",
        group,
        &[
            ("subscriber", "Subscriber"),
            ("lead", "Lead"),
            ("marketingqualifiedlead", "Marketing qualified lead"),
            ("salesqualifiedlead", "Sales qualified lead"),
            ("opportunity", "Opportunity"),
            ("customer", "Customer"),
            ("evangelist", "Evangelist"),
            ("other", "Other"),
        ],
    )
}

/// Properties every record has, maintained by the core.
pub(super) fn system_properties(group: &str) -> Vec<PropertyDef> {
    let mut created = prop("createdate", "Create date", group, T::DateTime);
    created.read_only = true;
    let mut modified = prop("lastmodifieddate", "Last modified date", group, T::DateTime);
    modified.read_only = true;
    let mut id = prop("hs_object_id", "Record ID", group, T::SingleLineText);
    id.read_only = true;
    vec![prop("hubspot_owner_id", "Owner", group, T::Owner), created, modified, id]
}

fn object(name: &str, singular: &str, plural: &str, primary: &str, searchable: &[&str]) -> ObjectDef {
    ObjectDef {
        name: name.to_string(),
        singular: singular.to_string(),
        plural: plural.to_string(),
        kind: ObjectKind::Standard,
        enabled: true,
        primary_property: primary.to_string(),
        searchable: searchable.iter().map(|s| s.to_string()).collect(),
        groups: Vec::new(),
        properties: Vec::new(),
        archived: Vec::new(),
    }
}

fn group(name: &str, label: &str) -> PropertyGroup {
    PropertyGroup { name: name.to_string(), label: label.to_string() }
}

fn contacts() -> ObjectDef {
    let info = "contactinformation";
    let mut o = object("contacts", "Contact", "Contacts", "firstname", &["firstname", "lastname", "email", "phone", "company"]);
    o.groups = vec![group(info, "Contact information")];
    let mut email = prop("email", "Email", info, T::Email);
    email.unique = true;
    o.properties = vec![
        prop("firstname", "First name", info, T::SingleLineText),
        prop("lastname", "Last name", info, T::SingleLineText),
        email,
        prop("phone", "Phone number", info, T::Phone),
        prop("mobilephone", "Mobile phone number", info, T::Phone),
        prop("jobtitle", "Job title", info, T::SingleLineText),
        prop("company", "Company name", info, T::SingleLineText),
        prop("website", "Website URL", info, T::Url),
        prop("address", "Street address", info, T::SingleLineText),
        prop("city", "City", info, T::SingleLineText),
        prop("state", "State/Region", info, T::SingleLineText),
        prop("zip", "Postal code", info, T::SingleLineText),
        prop("country", "Country/Region", info, T::SingleLineText),
        lifecycle_stage(info),
        select(
            "hs_lead_status",
            "Lead status",
            info,
            &[
                ("NEW", "New"),
                ("OPEN", "Open"),
                ("IN_PROGRESS", "In progress"),
                ("OPEN_DEAL", "Open deal"),
                ("UNQUALIFIED", "Unqualified"),
                ("ATTEMPTED_TO_CONTACT", "Attempted to contact"),
                ("CONNECTED", "Connected"),
                ("BAD_TIMING", "Bad timing"),
            ],
        ),
    ];
    o.properties.extend(system_properties(info));
    o
}

fn companies() -> ObjectDef {
    let info = "companyinformation";
    let mut o = object("companies", "Company", "Companies", "name", &["name", "domain", "city"]);
    o.groups = vec![group(info, "Company information")];
    let mut domain = prop("domain", "Company domain name", info, T::SingleLineText);
    domain.unique = true;
    o.properties = vec![
        prop("name", "Company name", info, T::SingleLineText),
        domain,
        prop("industry", "Industry", info, T::SingleLineText),
        prop("phone", "Phone number", info, T::Phone),
        prop("city", "City", info, T::SingleLineText),
        prop("state", "State/Region", info, T::SingleLineText),
        prop("country", "Country/Region", info, T::SingleLineText),
        prop("numberofemployees", "Number of employees", info, number()),
        prop("annualrevenue", "Annual revenue", info, T::Currency),
        prop("description", "Description", info, T::MultiLineText),
        lifecycle_stage(info),
    ];
    o.properties.extend(system_properties(info));
    o
}

fn deals() -> ObjectDef {
    let info = "dealinformation";
    let mut o = object("deals", "Deal", "Deals", "dealname", &["dealname"]);
    o.groups = vec![group(info, "Deal information")];
    o.properties = vec![
        prop("dealname", "Deal name", info, T::SingleLineText),
        prop("amount", "Amount", info, T::Currency),
        prop("pipeline", "Pipeline", info, T::SingleLineText),
        prop("dealstage", "Deal stage", info, T::SingleLineText),
        prop("closedate", "Close date", info, T::Date),
        select("dealtype", "Deal type", info, &[("newbusiness", "New business"), ("existingbusiness", "Existing business")]),
    ];
    o.properties.extend(system_properties(info));
    o
}

fn tickets() -> ObjectDef {
    let info = "ticketinformation";
    let mut o = object("tickets", "Ticket", "Tickets", "subject", &["subject", "content"]);
    o.groups = vec![group(info, "Ticket information")];
    o.properties = vec![
        prop("subject", "Ticket name", info, T::SingleLineText),
        prop("content", "Ticket description", info, T::MultiLineText),
        prop("hs_pipeline", "Pipeline", info, T::SingleLineText),
        prop("hs_pipeline_stage", "Ticket status", info, T::SingleLineText),
        select("hs_ticket_priority", "Priority", info, &[("LOW", "Low"), ("MEDIUM", "Medium"), ("HIGH", "High"), ("URGENT", "Urgent")]),
        select(
            "hs_ticket_category",
            "Category",
            info,
            &[("PRODUCT_ISSUE", "Product issue"), ("BILLING_ISSUE", "Billing issue"), ("FEATURE_REQUEST", "Feature request"), ("GENERAL_INQUIRY", "General inquiry")],
        ),
    ];
    o.properties.extend(system_properties(info));
    o
}

/// The schema of a new workspace.
pub fn default_schema() -> Schema {
    Schema { objects: vec![contacts(), companies(), deals(), tickets()] }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::schema::is_valid_internal_name;

    #[test]
    fn every_default_property_has_a_valid_name_and_a_known_group() {
        for object in default_schema().objects {
            for p in &object.properties {
                assert!(is_valid_internal_name(&p.name.to_lowercase()), "{}.{}", object.name, p.name);
                assert!(object.groups.iter().any(|g| g.name == p.group), "{}.{}", object.name, p.name);
            }
            assert!(object.property(&object.primary_property).is_some(), "{}", object.name);
        }
    }

    #[test]
    fn contacts_are_unique_by_email_and_companies_by_domain() {
        let schema = default_schema();
        let unique = |o: &str, p: &str| schema.object(o).and_then(|o| o.property(p)).map(|p| p.unique);
        assert_eq!(unique("contacts", "email"), Some(true));
        assert_eq!(unique("companies", "domain"), Some(true));
    }
}
