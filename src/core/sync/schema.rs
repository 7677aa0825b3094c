//! Merging two data models: a union, with real conflicts reported rather than guessed.
//!
//! Objects, groups, properties and dropdown options that only one side has are added; for
//! everything both sides have, this side's settings are kept (labels, order, flags). A
//! property that both sides define with a different type is a conflict: this side's
//! definition stays and the conflict is listed for the user, since converting values
//! between types could lose data.

use crate::core::association::AssociationDefs;
use crate::core::schema::{PropertyType, Schema};

/// The same property defined with two different types.
#[derive(Clone, Debug, PartialEq)]
pub struct SchemaConflict {
    pub object: String,
    pub property: String,
    pub ours: PropertyType,
    pub theirs: PropertyType,
}

/// Our schema with what only theirs has added, and the conflicts found.
pub fn merge_schema(ours: &Schema, theirs: &Schema) -> (Schema, Vec<SchemaConflict>) {
    let mut out = ours.clone();
    // A currency chosen on either device wins over one never chosen.
    if out.currency.is_default() {
        out.currency = theirs.currency;
    }
    let mut conflicts = Vec::new();
    for their_object in &theirs.objects {
        let Some(object) = out.objects.iter_mut().find(|o| o.name == their_object.name) else {
            out.objects.push(their_object.clone());
            continue;
        };
        for group in &their_object.groups {
            if !object.groups.iter().any(|g| g.name == group.name) {
                object.groups.push(group.clone());
            }
        }
        for their_property in &their_object.properties {
            let Some(property) = object.properties.iter_mut().find(|p| p.name == their_property.name) else {
                // A property archived here stays archived rather than coming back twice.
                if object.archived.iter().all(|p| p.name != their_property.name) {
                    object.properties.push(their_property.clone());
                }
                continue;
            };
            if std::mem::discriminant(&property.kind) != std::mem::discriminant(&their_property.kind) {
                conflicts.push(SchemaConflict {
                    object: object.name.clone(),
                    property: property.name.clone(),
                    ours: property.kind.clone(),
                    theirs: their_property.kind.clone(),
                });
                continue;
            }
            for option in &their_property.options {
                if !property.options.iter().any(|o| o.value == option.value) {
                    property.options.push(option.clone());
                }
            }
        }
    }
    (out, conflicts)
}

/// Our association definitions plus those for pairs of objects only theirs links.
pub fn merge_association_defs(ours: &AssociationDefs, theirs: &AssociationDefs) -> AssociationDefs {
    let mut out = ours.clone();
    for def in &theirs.defs {
        if out.get(&def.a, &def.b).is_none() {
            out.upsert(def.clone());
        }
    }
    out
}
