//! Runs a schema edit against the workspace: plans it on the schema, checks the records it
//! affects, then swaps the schema in through [`Workspace::put`], which rebuilds the unique
//! index for the new set of unique properties.
//!
//! A schema edit is one [`Change`] of the schema entity, so storage persists it and
//! [`Workspace::revert`] undoes it like any record change. Record values are never
//! rewritten here: an edit that would invalidate stored data is refused instead.

use std::collections::HashMap;

use super::{unique_key, Workspace};
use crate::core::change::{Change, Commit, Entity, EntityKey};
use crate::core::command::CommandError;
use crate::core::id::RecordId;
use crate::core::schema::{plan, DataCheck, Schema, SchemaEdit, SchemaError};
use crate::core::validate::conforms;

impl Workspace {
    pub(super) fn edit_schema(&mut self, edit: &SchemaEdit) -> Result<Commit, CommandError> {
        let planned = plan(&self.schema, edit)?;
        for check in &planned.checks {
            self.verify(&planned.schema, check)?;
        }
        if planned.schema == self.schema {
            return Ok(Commit::default());
        }
        let change = Change { key: EntityKey::Schema, before: Some(Entity::Schema(self.schema.clone())), after: Some(Entity::Schema(planned.schema)) };
        self.put(change.key.clone(), change.after.clone());
        Ok(Commit { changes: vec![change], subject: None })
    }

    fn verify(&self, schema: &Schema, check: &DataCheck) -> Result<(), SchemaError> {
        match check {
            DataCheck::Conforms { object, property } => {
                let def = schema.object(object).and_then(|o| o.property(property)).ok_or_else(|| SchemaError::UnknownProperty(property.clone()))?;
                let refused = sorted(self.records_of(object).filter(|r| r.get(property).is_some_and(|v| !conforms(def, v))).map(|r| r.id.clone()));
                if refused.is_empty() {
                    Ok(())
                } else {
                    Err(SchemaError::ValuesRefused(refused))
                }
            }
            DataCheck::Distinct { object, property } => {
                let mut holders: HashMap<String, Vec<RecordId>> = HashMap::new();
                for record in self.records_of(object) {
                    if let Some(key) = record.get(property).and_then(unique_key) {
                        holders.entry(key).or_default().push(record.id.clone());
                    }
                }
                let shared = sorted(holders.into_values().filter(|ids| ids.len() > 1).flatten());
                if shared.is_empty() {
                    Ok(())
                } else {
                    Err(SchemaError::DuplicateValues(shared))
                }
            }
            DataCheck::Empty { object } => {
                let count = self.records_of(object).count() + self.binned().filter(|b| &b.record.object == object).count();
                if count == 0 {
                    Ok(())
                } else {
                    Err(SchemaError::ObjectHasRecords(count))
                }
            }
        }
    }
}

/// Record ids in a stable order, so the UI lists them the same way every time.
fn sorted(ids: impl Iterator<Item = RecordId>) -> Vec<RecordId> {
    let mut ids: Vec<RecordId> = ids.collect();
    ids.sort();
    ids
}

#[cfg(test)]
mod tests;
