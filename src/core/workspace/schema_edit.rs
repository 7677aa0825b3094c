//! Runs a schema edit against the workspace: plans it on the schema, checks the records it
//! affects, then swaps the schema in through [`Workspace::put`], which rebuilds the unique
//! index for the new set of unique properties.
//!
//! A schema edit is one [`Change`] of the schema entity, so storage persists it and
//! [`Workspace::revert`] undoes it like any record change. When a property changes type or
//! options, each stored value that no longer fits is converted if that loses nothing
//! ([`convert`]; an owner's email becomes the owner's id), and the converted records join
//! the same commit, their history recording the new value. If any value cannot be carried
//! over, the edit is refused with the list of those records and nothing changes.
//!
//! The commit lists the converted records first and the schema last, so whoever replays it
//! rebuilds the unique index from the converted values.

use std::collections::{BTreeMap, HashMap};

use super::{unique_key, Workspace};
use crate::core::change::{Change, Commit, Entity, EntityKey};
use crate::core::command::{CommandError, Context};
use crate::core::id::RecordId;
use crate::core::owner::resolve;
use crate::core::record::Record;
use crate::core::schema::{plan, DataCheck, PropertyDef, PropertyType, Schema, SchemaEdit, SchemaError};
use crate::core::validate::convert;
use crate::core::value::Value;

/// Records rewritten by conversions, by id, in their new state.
type Rewritten = BTreeMap<RecordId, Record>;

impl Workspace {
    pub(super) fn edit_schema(&mut self, edit: &SchemaEdit, ctx: &Context) -> Result<Commit, CommandError> {
        let planned = plan(&self.schema, edit)?;
        let mut rewritten = Rewritten::new();
        for check in &planned.checks {
            self.verify(&planned.schema, check, &mut rewritten, ctx)?;
        }
        let mut changes: Vec<Change> = rewritten
            .into_iter()
            .map(|(id, after)| Change { key: EntityKey::Record(id.clone()), before: self.record(&id).cloned().map(Entity::Record), after: Some(Entity::Record(after)) })
            .collect();
        if planned.schema != self.schema {
            changes.push(Change { key: EntityKey::Schema, before: Some(Entity::Schema(self.schema.clone())), after: Some(Entity::Schema(planned.schema)) });
        }
        for change in &changes {
            self.put(change.key.clone(), change.after.clone());
        }
        Ok(Commit { changes, subject: None })
    }

    fn verify(&self, schema: &Schema, check: &DataCheck, rewritten: &mut Rewritten, ctx: &Context) -> Result<(), SchemaError> {
        match check {
            DataCheck::Conforms { object, property } => {
                let def = schema.object(object).and_then(|o| o.property(property)).ok_or_else(|| SchemaError::UnknownProperty(property.clone()))?;
                let mut refused = Vec::new();
                for record in self.records_of(object) {
                    let Some(value) = record.get(property) else { continue };
                    match self.carry_over(def, value) {
                        Some(same) if same == *value => {}
                        Some(converted) => {
                            let slot = rewritten.entry(record.id.clone()).or_insert_with(|| record.clone());
                            slot.set(property, Some(converted), ctx.now, ctx.source);
                        }
                        None => refused.push(record.id.clone()),
                    }
                }
                if refused.is_empty() {
                    Ok(())
                } else {
                    Err(SchemaError::ValuesRefused(sorted(refused.into_iter())))
                }
            }
            DataCheck::Distinct { object, property } => {
                let mut holders: HashMap<String, Vec<RecordId>> = HashMap::new();
                for record in self.records_of(object) {
                    // Values as they will be once converted: conversions can make two equal.
                    let record = rewritten.get(&record.id).unwrap_or(record);
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
            DataCheck::Recalculate { object } => {
                let def = schema.object(object).ok_or_else(|| SchemaError::UnknownObject(object.clone()))?;
                for record in self.records_of(object) {
                    let slot = rewritten.get(&record.id).cloned().unwrap_or_else(|| record.clone());
                    let mut next = slot;
                    if crate::core::calculate::refresh(def, &mut next, ctx.now, ctx.source) {
                        rewritten.insert(record.id.clone(), next);
                    }
                }
                Ok(())
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

    /// The value a stored value becomes under a property's new definition, or `None` when
    /// it cannot be carried over. An owner property needs an owner the value names.
    fn carry_over(&self, def: &PropertyDef, value: &Value) -> Option<Value> {
        if def.kind == PropertyType::Owner {
            let owner = value.as_text().and_then(|raw| resolve(&self.owners, raw))?;
            return Some(Value::Text(owner.id.0.clone()));
        }
        convert(def, value)
    }
}

/// Record ids in a stable order, so the UI lists them the same way every time.
fn sorted(ids: impl Iterator<Item = RecordId>) -> Vec<RecordId> {
    let mut ids: Vec<RecordId> = ids.collect();
    ids.sort();
    ids
}

#[cfg(test)]
mod convert_tests;
#[cfg(test)]
mod calculated_tests;
// Property tests need proptest, which is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
