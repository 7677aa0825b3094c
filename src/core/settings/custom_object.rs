//! The "Create custom object" dialog as data: labels, names, the primary display property,
//! extra properties (required or searchable) and the objects it associates with.
//!
//! A custom object is several commands (the object, each property, its search list, each
//! association). [`CustomObjectDraft::commands`] plans them all on a copy of the schema
//! first, so a draft with any problem sends nothing and the dialog shows every problem next
//! to its field; a valid draft's commands then cannot be refused by the schema rules.

use crate::core::association::AssociationDef;
use crate::core::command::Command;
use crate::core::schema::edit::FIRST_GROUP;
use crate::core::schema::{plan, ObjectPatch, PropertyDef, PropertyType, Schema, SchemaEdit, SchemaError};

/// One extra property of the new object.
#[derive(Clone, Debug, PartialEq)]
pub struct DraftProperty {
    pub label: String,
    pub name: String,
    pub kind: PropertyType,
    pub required: bool,
    pub searchable: bool,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct CustomObjectDraft {
    pub singular: String,
    pub plural: String,
    /// Internal name, also the URL segment.
    pub name: String,
    pub primary_label: String,
    pub primary_name: String,
    pub properties: Vec<DraftProperty>,
    /// Objects whose records the new object's records may be linked to.
    pub associate_with: Vec<String>,
}

/// The input a problem belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DraftField {
    Singular,
    Plural,
    Name,
    Primary,
    /// The n-th extra property.
    Property(usize),
    /// The n-th associated object.
    Association(usize),
}

impl CustomObjectDraft {
    /// The commands that create the object as drafted, or every problem by field.
    pub fn commands(&self, schema: &Schema) -> Result<Vec<Command>, Vec<(DraftField, SchemaError)>> {
        let mut problems = Vec::new();
        for (field, text) in [(DraftField::Singular, &self.singular), (DraftField::Plural, &self.plural), (DraftField::Primary, &self.primary_label)] {
            if text.trim().is_empty() {
                problems.push((field, SchemaError::EmptyLabel));
            }
        }
        let create = SchemaEdit::CreateObject {
            name: self.name.clone(),
            singular: self.singular.clone(),
            plural: self.plural.clone(),
            primary_name: self.primary_name.clone(),
            primary_label: self.primary_label.clone(),
        };
        // Missing labels are already reported: plan with stand-ins so that the properties
        // are still checked and every problem shows at once.
        let stand_in = |text: &String| if text.trim().is_empty() { "-".to_string() } else { text.clone() };
        let trial = SchemaEdit::CreateObject {
            name: self.name.clone(),
            singular: stand_in(&self.singular),
            plural: stand_in(&self.plural),
            primary_name: self.primary_name.clone(),
            primary_label: stand_in(&self.primary_label),
        };
        let mut edits = vec![create];
        let mut next = match plan(schema, &trial) {
            Ok(planned) => planned.schema,
            Err(e) => {
                let field = match &e {
                    SchemaError::InvalidName(n) if *n == self.primary_name && *n != self.name => DraftField::Primary,
                    SchemaError::EmptyLabel => DraftField::Singular,
                    _ => DraftField::Name,
                };
                if !problems.iter().any(|(f, _)| *f == field) {
                    problems.push((field, e));
                }
                return Err(problems);
            }
        };
        for (i, p) in self.properties.iter().enumerate() {
            let mut def = PropertyDef::new(&p.name, &p.label, FIRST_GROUP, p.kind.clone());
            def.required = p.required;
            let edit = SchemaEdit::CreateProperty { object: self.name.clone(), property: def };
            match plan(&next, &edit) {
                Ok(planned) => {
                    next = planned.schema;
                    edits.push(edit);
                }
                Err(e) => problems.push((DraftField::Property(i), e)),
            }
        }
        let searchable: Vec<String> =
            std::iter::once(self.primary_name.clone()).chain(self.properties.iter().filter(|p| p.searchable).map(|p| p.name.clone())).collect();
        if searchable.len() > 1 && problems.is_empty() {
            let edit = SchemaEdit::UpdateObject { object: self.name.clone(), patch: ObjectPatch { searchable: Some(searchable), ..Default::default() } };
            match plan(&next, &edit) {
                Ok(planned) => {
                    next = planned.schema;
                    edits.push(edit);
                }
                Err(e) => problems.push((DraftField::Name, e)),
            }
        }
        let mut links = Vec::new();
        for (i, other) in self.associate_with.iter().enumerate() {
            let def = AssociationDef::new(&self.name, other);
            match def.validate(&next) {
                Ok(()) => links.push(def),
                Err(_) => problems.push((DraftField::Association(i), SchemaError::UnknownObject(other.clone()))),
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(edits.into_iter().map(Command::EditSchema).chain(links.into_iter().map(Command::DefineAssociation)).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::workspace::fixtures::Fixture;

    fn roast_batch() -> CustomObjectDraft {
        let prop = |label: &str, name: &str, kind, required, searchable| DraftProperty { label: label.into(), name: name.into(), kind, required, searchable };
        CustomObjectDraft {
            singular: "Roast batch".into(),
            plural: "Roast batches".into(),
            name: "roast_batches".into(),
            primary_label: "Batch code".into(),
            primary_name: "batch_code".into(),
            properties: vec![
                prop("Roast date", "roast_date", PropertyType::Date, true, false),
                prop("Green lot number", "green_lot_number", PropertyType::SingleLineText, false, true),
                prop("Quality score", "quality_score", PropertyType::Number { decimals: Some(1), min: Some(0.0), max: Some(100.0) }, false, false),
            ],
            associate_with: vec!["contacts".into(), "deals".into()],
        }
    }

    #[test]
    fn a_valid_draft_creates_the_object_its_properties_search_and_associations() {
        let mut f = Fixture::new();
        let commands = roast_batch().commands(f.ws.schema()).expect("valid draft");
        for command in commands {
            f.run(command).expect("each command is accepted");
        }
        let def = f.ws.schema().object("roast_batches").expect("created");
        assert_eq!((def.singular.as_str(), def.primary_property.as_str()), ("Roast batch", "batch_code"));
        assert!(def.property("roast_date").is_some_and(|p| p.required && p.kind == PropertyType::Date));
        assert_eq!(def.searchable, vec!["batch_code".to_string(), "green_lot_number".to_string()]);
        let id = f.create("roast_batches", &[("batch_code", "RB-1"), ("roast_date", "2026-11-02"), ("quality_score", "86.5")]);
        let contact = f.create("contacts", &[("email", "a@example.com")]);
        f.associate(&id, &contact, &[]).expect("roast batches link to contacts");
        let refused = f.run(Command::CreateRecord { object: "roast_batches".into(), values: vec![("batch_code".into(), "RB-2".into())] });
        assert!(refused.is_err(), "roast date is required");
    }

    #[test]
    fn every_problem_is_reported_by_field_and_nothing_is_planned() {
        let f = Fixture::new();
        let mut draft = roast_batch();
        draft.plural = "  ".into();
        draft.properties[1].name = "Green lot".into();
        draft.properties[2].name = "roast_date".into();
        let problems = draft.commands(f.ws.schema()).expect_err("refused");
        let fields: Vec<DraftField> = problems.iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, vec![DraftField::Plural, DraftField::Property(1), DraftField::Property(2)]);
        assert!(matches!(problems[2].1, SchemaError::NameTaken(_)));
    }

    #[test]
    fn a_taken_object_name_or_unknown_associated_object_is_refused() {
        let f = Fixture::new();
        let mut draft = roast_batch();
        draft.name = "contacts".into();
        assert_eq!(draft.commands(f.ws.schema()).expect_err("taken")[0], (DraftField::Name, SchemaError::NameTaken("contacts".into())));
        let mut draft = roast_batch();
        draft.associate_with = vec!["contacts".into(), "spaceships".into()];
        assert_eq!(draft.commands(f.ws.schema()).expect_err("unknown")[0].0, DraftField::Association(1));
    }
}
