//! The figures of Settings › Data model: records and properties per object, and per
//! property how many records hold a value.

use std::collections::HashMap;

use crate::core::i18n::{object_plural, Lang};
use crate::core::id::RecordId;
use crate::core::record_card::record_name;
use crate::core::schema::{ObjectKind, PropertyDef, PropertyGroup};
use crate::core::workspace::Workspace;

/// One line of the objects table.
#[derive(Clone, Debug, PartialEq)]
pub struct ObjectRow {
    pub name: String,
    pub label: String,
    pub kind: ObjectKind,
    pub enabled: bool,
    /// Live records (the recycle bin is not counted).
    pub records: usize,
    /// Live properties (archived ones are not counted).
    pub properties: usize,
}

/// Every object of the schema in schema order, counted in one pass over the records.
pub fn object_rows(ws: &Workspace, lang: Lang) -> Vec<ObjectRow> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for record in ws.records() {
        *counts.entry(&*record.object).or_default() += 1;
    }
    ws.schema()
        .objects
        .iter()
        .map(|o| ObjectRow {
            name: o.name.clone(),
            label: object_plural(lang, o),
            kind: o.kind,
            enabled: o.enabled,
            records: counts.get(o.name.as_str()).copied().unwrap_or(0),
            properties: o.properties.len(),
        })
        .collect()
}

/// One line of an object's properties table.
#[derive(Clone, Debug, PartialEq)]
pub struct PropertyRow {
    pub def: PropertyDef,
    /// Live records with a value for the property.
    pub filled: usize,
}

/// An object's live properties by group, in the groups' order; a property whose group is
/// unknown is shown under the first group rather than lost.
pub fn property_groups(ws: &Workspace, object: &str) -> Vec<(PropertyGroup, Vec<PropertyRow>)> {
    let Some(def) = ws.schema().object(object) else { return Vec::new() };
    let mut filled = vec![0usize; def.properties.len()];
    for record in ws.records_of(object) {
        for (slot, p) in filled.iter_mut().zip(&def.properties) {
            if record.get(&p.name).is_some() {
                *slot += 1;
            }
        }
    }
    let mut groups: Vec<(PropertyGroup, Vec<PropertyRow>)> = def.groups.iter().map(|g| (g.clone(), Vec::new())).collect();
    for (p, filled) in def.properties.iter().zip(filled) {
        let at = def.groups.iter().position(|g| g.name == p.group).unwrap_or(0);
        if let Some((_, rows)) = groups.get_mut(at) {
            rows.push(PropertyRow { def: p.clone(), filled });
        }
    }
    groups
}

/// A record named by a refused schema edit, ready to be listed as a link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefusedRecord {
    pub id: RecordId,
    pub object: String,
    /// The record's name, or its id when it has none.
    pub name: String,
}

/// The records a refusal names, in its order; ids no longer stored are skipped.
pub fn refused_records(ws: &Workspace, ids: &[RecordId]) -> Vec<RefusedRecord> {
    ids.iter()
        .filter_map(|id| ws.record(id))
        .map(|r| {
            let name = record_name(ws, r);
            RefusedRecord { id: r.id.clone(), object: r.object.to_string(), name: if name.is_empty() { r.id.to_string() } else { name } }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::command::{Command, CommandError};
    use crate::core::schema::{PropertyPatch, PropertyType, SchemaEdit, SchemaError};
    use crate::core::workspace::fixtures::Fixture;

    #[test]
    fn objects_are_listed_with_their_live_record_and_property_counts() {
        let mut f = Fixture::new();
        f.create("contacts", &[("email", "a@example.com")]);
        let binned = f.create("contacts", &[("email", "b@example.com")]);
        f.create("companies", &[("domain", "example.com")]);
        f.run(Command::DeleteRecord { id: binned }).expect("binned");
        let rows = object_rows(&f.ws, Lang::Fr);
        let contacts = rows.iter().find(|r| r.name == "contacts").expect("contacts");
        assert_eq!((contacts.records, contacts.label.as_str()), (1, "Contacts"));
        let companies = rows.iter().find(|r| r.name == "companies").expect("companies");
        assert_eq!((companies.records, companies.label.as_str()), (1, "Entreprises"));
        let def = f.ws.schema().object("contacts").expect("contacts");
        assert_eq!(contacts.properties, def.properties.len());
        assert!(rows.iter().any(|r| r.kind == ObjectKind::AdminActivated && !r.enabled));
    }

    #[test]
    fn properties_come_by_group_with_how_many_records_fill_them() {
        let mut f = Fixture::new();
        f.create("contacts", &[("email", "a@example.com"), ("city", "Lyon")]);
        f.create("contacts", &[("email", "b@example.com")]);
        let groups = property_groups(&f.ws, "contacts");
        let rows: Vec<&PropertyRow> = groups.iter().flat_map(|(_, rows)| rows).collect();
        let filled = |name: &str| rows.iter().find(|r| r.def.name == name).map(|r| r.filled);
        assert_eq!(filled("email"), Some(2));
        assert_eq!(filled("city"), Some(1));
        assert_eq!(filled("phone"), Some(0));
        let def = f.ws.schema().object("contacts").expect("contacts");
        assert_eq!(rows.len(), def.properties.len());
        assert!(groups.iter().all(|(g, rows)| rows.iter().all(|r| r.def.group == g.name)));
    }

    #[test]
    fn a_refused_type_change_names_its_records_by_name() {
        let mut f = Fixture::new();
        let mut score = PropertyDef::new("score", "Score", "contactinformation", PropertyType::SingleLineText);
        score.custom = true;
        f.run(Command::EditSchema(SchemaEdit::CreateProperty { object: "contacts".into(), property: score })).expect("created");
        f.create("contacts", &[("firstname", "Ada"), ("lastname", "Lovelace"), ("score", "high")]);
        f.create("contacts", &[("firstname", "Alan"), ("score", "12")]);
        let patch = PropertyPatch { kind: Some(PropertyType::Number { decimals: None, min: None, max: None }), ..Default::default() };
        let refused = f.run(Command::EditSchema(SchemaEdit::UpdateProperty { object: "contacts".into(), property: "score".into(), patch }));
        let Err(CommandError::Schema(SchemaError::ValuesRefused(ids))) = refused else { panic!("expected a refusal, got {refused:?}") };
        let names: Vec<String> = refused_records(&f.ws, &ids).into_iter().map(|r| r.name).collect();
        assert_eq!(names, vec!["Ada Lovelace".to_string()]);
    }
}
