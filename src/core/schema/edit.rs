//! Changes a user makes to the data model: custom objects, property groups and properties.
//!
//! [`plan`] is a pure function from the current schema and one [`SchemaEdit`] to the next
//! schema, or a [`SchemaError`]. It knows nothing of records, so it also returns the
//! [`DataCheck`]s the workspace must pass before the new schema may replace the old one:
//! a stored value that no longer fits is converted when nothing is lost (text to number
//! when it parses, a dropdown choice to a one-item checkbox list…) and the edit is refused,
//! naming the records, when a value cannot be carried over or a unique value would be
//! duplicated.
//!
//! What may change follows HubSpot: internal names never change; standard properties keep
//! their type and uniqueness and cannot be archived; properties Cairn maintains (read-only)
//! only take a new label, description, group or visibility; standard objects stay on.
//! Archiving a property hides it everywhere but keeps every record's values, so restoring it
//! loses nothing.

use super::integrity::{check_name, check_object};
use super::{Currency, EnumOption, ObjectDef, ObjectKind, PropertyDef, PropertyGroup, PropertyType, Schema, SchemaError};

/// The property group a new custom object starts with.
pub const FIRST_GROUP: &str = "information";

/// One change to the schema, as the settings screens request it.
#[derive(Clone, Debug, PartialEq)]
pub enum SchemaEdit {
    /// A custom object with one group, a single-line text primary property and the
    /// properties every record has (owner, dates, record id).
    CreateObject { name: String, singular: String, plural: String, primary_name: String, primary_label: String },
    UpdateObject { object: String, patch: ObjectPatch },
    /// Switches an admin-activated or custom object on or off; its records are kept.
    SetObjectEnabled { object: String, enabled: bool },
    /// Removes a custom object that holds no record, not even in the recycle bin.
    DeleteObject { object: String },
    CreateGroup { object: String, name: String, label: String },
    RenameGroup { object: String, group: String, label: String },
    /// Removes a group that no property, live or archived, belongs to.
    DeleteGroup { object: String, group: String },
    /// Adds a custom property; `property.custom` is set by the edit.
    CreateProperty { object: String, property: PropertyDef },
    UpdateProperty { object: String, property: String, patch: PropertyPatch },
    ArchiveProperty { object: String, property: String },
    RestoreProperty { object: String, property: String },
    /// Chooses the workspace currency; amounts are relabelled, not converted.
    SetCurrency(Currency),
}

/// The object settings to change; `None` keeps the current one.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ObjectPatch {
    pub singular: Option<String>,
    pub plural: Option<String>,
    pub primary_property: Option<String>,
    /// Properties matched by text search, in order; duplicates are dropped.
    pub searchable: Option<Vec<String>>,
}

/// The property settings to change; `None` keeps the current one. When `kind` becomes a
/// type without options and `options` is `None`, the old options are dropped.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PropertyPatch {
    pub label: Option<String>,
    pub description: Option<String>,
    pub group: Option<String>,
    pub kind: Option<PropertyType>,
    pub options: Option<Vec<EnumOption>>,
    pub required: Option<bool>,
    pub unique: Option<bool>,
    pub hidden: Option<bool>,
}

/// A condition on stored records that the new schema needs, checked by the workspace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DataCheck {
    /// Every live record's value of the property passes its new definition, or converts
    /// to a value that does without loss ([`crate::core::validate::convert`]).
    Conforms { object: String, property: String },
    /// No two live records share a value of the property, once converted.
    Distinct { object: String, property: String },
    /// The object holds no record, live or in the recycle bin.
    Empty { object: String },
    /// A new formula property: every live record gets its value, as a write would compute it.
    Recalculate { object: String },
}

/// The schema after an edit and what must hold of the records for it to apply.
#[derive(Clone, Debug, PartialEq)]
pub struct Planned {
    pub schema: Schema,
    pub checks: Vec<DataCheck>,
}

/// Applies one edit to a copy of the schema. On error the schema is not touched.
pub fn plan(schema: &Schema, edit: &SchemaEdit) -> Result<Planned, SchemaError> {
    let mut next = schema.clone();
    let checks = match edit {
        SchemaEdit::CreateObject { name, singular, plural, primary_name, primary_label } => {
            check_name(name)?;
            check_name(primary_name)?;
            if next.object(name).is_some() {
                return Err(SchemaError::NameTaken(name.clone()));
            }
            let object = custom_object(name, singular, plural, primary_name, primary_label);
            check_object(&object)?;
            next.objects.push(object);
            Vec::new()
        }
        SchemaEdit::UpdateObject { object, patch } => {
            update_object(object_mut(&mut next, object)?, patch)?;
            Vec::new()
        }
        SchemaEdit::SetObjectEnabled { object, enabled } => {
            let def = object_mut(&mut next, object)?;
            if matches!(def.kind, ObjectKind::Standard | ObjectKind::Activity) {
                return Err(SchemaError::StandardObject(object.clone()));
            }
            def.enabled = *enabled;
            Vec::new()
        }
        SchemaEdit::DeleteObject { object } => {
            if object_mut(&mut next, object)?.kind != ObjectKind::Custom {
                return Err(SchemaError::StandardObject(object.clone()));
            }
            next.objects.retain(|o| &o.name != object);
            vec![DataCheck::Empty { object: object.clone() }]
        }
        SchemaEdit::CreateGroup { object, name, label } => {
            check_name(name)?;
            let def = object_mut(&mut next, object)?;
            def.groups.push(PropertyGroup { name: name.clone(), label: label.trim().to_string() });
            check_object(def)?;
            Vec::new()
        }
        SchemaEdit::RenameGroup { object, group, label } => {
            let def = object_mut(&mut next, object)?;
            let slot = def.groups.iter_mut().find(|g| &g.name == group).ok_or_else(|| SchemaError::UnknownGroup(group.clone()))?;
            slot.label = label.trim().to_string();
            check_object(def)?;
            Vec::new()
        }
        SchemaEdit::DeleteGroup { object, group } => {
            let def = object_mut(&mut next, object)?;
            if def.group(group).is_none() {
                return Err(SchemaError::UnknownGroup(group.clone()));
            }
            if def.properties.iter().chain(&def.archived).any(|p| &p.group == group) {
                return Err(SchemaError::GroupNotEmpty(group.clone()));
            }
            def.groups.retain(|g| &g.name != group);
            check_object(def)?;
            Vec::new()
        }
        SchemaEdit::CreateProperty { object, property } => {
            let def = object_mut(&mut next, object)?;
            create_property(def, property)?;
            let mut checks = checks_for(object, property, true, property.unique);
            if matches!(property.calculation.as_ref().map(|c| &c.rule), Some(super::Rule::Formula(_))) {
                checks.push(DataCheck::Recalculate { object: object.clone() });
            }
            checks
        }
        SchemaEdit::UpdateProperty { object, property, patch } => {
            let def = object_mut(&mut next, object)?;
            let (values_change, becomes_unique) = update_property(def, property, patch)?;
            let updated = def.property(property).ok_or_else(|| SchemaError::UnknownProperty(property.clone()))?;
            checks_for(object, updated, values_change, becomes_unique)
        }
        SchemaEdit::ArchiveProperty { object, property } => {
            archive_property(object_mut(&mut next, object)?, property)?;
            Vec::new()
        }
        SchemaEdit::RestoreProperty { object, property } => {
            let def = object_mut(&mut next, object)?;
            let at = def.archived.iter().position(|p| &p.name == property).ok_or_else(|| SchemaError::UnknownProperty(property.clone()))?;
            let restored = def.archived.remove(at);
            let unique = restored.unique;
            def.properties.push(restored);
            check_object(def)?;
            // Values were frozen while archived, but sync or a merge may have brought others.
            vec![DataCheck::Conforms { object: object.clone(), property: property.clone() }]
                .into_iter()
                .chain(unique.then(|| DataCheck::Distinct { object: object.clone(), property: property.clone() }))
                .collect()
        }
        SchemaEdit::SetCurrency(currency) => {
            next.currency = *currency;
            Vec::new()
        }
    };
    Ok(Planned { schema: next, checks })
}

fn object_mut<'a>(schema: &'a mut Schema, name: &str) -> Result<&'a mut ObjectDef, SchemaError> {
    schema.objects.iter_mut().find(|o| o.name == name).ok_or_else(|| SchemaError::UnknownObject(name.to_string()))
}

fn checks_for(object: &str, property: &PropertyDef, values_change: bool, becomes_unique: bool) -> Vec<DataCheck> {
    let mut checks = Vec::new();
    if values_change {
        checks.push(DataCheck::Conforms { object: object.to_string(), property: property.name.clone() });
    }
    if property.unique && becomes_unique {
        checks.push(DataCheck::Distinct { object: object.to_string(), property: property.name.clone() });
    }
    checks
}

fn custom_object(name: &str, singular: &str, plural: &str, primary_name: &str, primary_label: &str) -> ObjectDef {
    let mut primary = PropertyDef::new(primary_name, primary_label.trim(), FIRST_GROUP, PropertyType::SingleLineText);
    primary.custom = true;
    let mut properties = vec![primary];
    properties.extend(super::defaults::system_properties(FIRST_GROUP));
    ObjectDef {
        name: name.to_string(),
        singular: singular.trim().to_string(),
        plural: plural.trim().to_string(),
        kind: ObjectKind::Custom,
        enabled: true,
        primary_property: primary_name.to_string(),
        searchable: vec![primary_name.to_string()],
        // The singular label stands in for "<object> information": the core writes no prose.
        groups: vec![PropertyGroup { name: FIRST_GROUP.to_string(), label: singular.trim().to_string() }],
        properties,
        archived: Vec::new(),
    }
}

fn update_object(def: &mut ObjectDef, patch: &ObjectPatch) -> Result<(), SchemaError> {
    if let Some(singular) = &patch.singular {
        def.singular = singular.trim().to_string();
    }
    if let Some(plural) = &patch.plural {
        def.plural = plural.trim().to_string();
    }
    if let Some(primary) = &patch.primary_property {
        def.primary_property = primary.clone();
    }
    if let Some(searchable) = &patch.searchable {
        def.searchable.clear();
        for name in searchable {
            if !def.searchable.contains(name) {
                def.searchable.push(name.clone());
            }
        }
    }
    check_object(def)
}

fn create_property(def: &mut ObjectDef, property: &PropertyDef) -> Result<(), SchemaError> {
    check_name(&property.name)?;
    // A calculated property comes with its calculation; it is read-only by nature.
    let calculated = matches!(property.kind, PropertyType::Calculated);
    if calculated && property.calculation.is_none() {
        return Err(SchemaError::Calculated);
    }
    if property.read_only && !calculated {
        return Err(SchemaError::ReadOnlyProperty(property.name.clone()));
    }
    let mut created = property.clone();
    created.custom = true;
    created.read_only = calculated;
    if calculated {
        created.required = false;
        created.unique = false;
    }
    created.label = created.label.trim().to_string();
    def.properties.push(created);
    check_object(def)
}

/// Applies a patch to a live property. Returns whether stored values must be re-checked
/// (type or options changed) and whether the property newly demands unique values.
fn update_property(def: &mut ObjectDef, name: &str, patch: &PropertyPatch) -> Result<(bool, bool), SchemaError> {
    let slot = def.properties.iter_mut().find(|p| p.name == name).ok_or_else(|| SchemaError::UnknownProperty(name.to_string()))?;
    let old = slot.clone();
    let mut new = old.clone();
    let kind_changes = patch.kind.as_ref().is_some_and(|k| *k != old.kind);
    let options_change = patch.options.as_ref().is_some_and(|o| *o != old.options);
    let unique_changes = patch.unique.is_some_and(|u| u != old.unique);
    let required_changes = patch.required.is_some_and(|r| r != old.required);
    if old.read_only && (kind_changes || options_change || unique_changes || required_changes) {
        return Err(SchemaError::ReadOnlyProperty(name.to_string()));
    }
    if !old.custom && (kind_changes || unique_changes) {
        return Err(SchemaError::StandardProperty(name.to_string()));
    }
    if let Some(kind) = &patch.kind {
        if kind_changes && matches!(kind, PropertyType::Calculated) {
            return Err(SchemaError::Calculated);
        }
        new.kind = kind.clone();
    }
    match &patch.options {
        Some(options) => new.options = options.clone(),
        None if !new.kind.is_enumeration() => new.options.clear(),
        None => {}
    }
    if let Some(label) = &patch.label {
        new.label = label.trim().to_string();
    }
    if let Some(description) = &patch.description {
        new.description = description.clone();
    }
    if let Some(group) = &patch.group {
        new.group = group.clone();
    }
    new.required = patch.required.unwrap_or(old.required);
    new.unique = patch.unique.unwrap_or(old.unique);
    new.hidden = patch.hidden.unwrap_or(old.hidden);
    *slot = new;
    check_object(def)?;
    Ok((kind_changes || options_change, unique_changes || kind_changes))
}

fn archive_property(def: &mut ObjectDef, name: &str) -> Result<(), SchemaError> {
    let at = def.properties.iter().position(|p| p.name == name).ok_or_else(|| SchemaError::UnknownProperty(name.to_string()))?;
    if !def.properties[at].custom {
        return Err(SchemaError::StandardProperty(name.to_string()));
    }
    if def.primary_property == name {
        return Err(SchemaError::PrimaryProperty(name.to_string()));
    }
    let archived = def.properties.remove(at);
    def.archived.push(archived);
    // Search only looks at live properties; restoring does not put it back on the list.
    def.searchable.retain(|p| p != name);
    check_object(def)
}

// Property tests need proptest, which is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
