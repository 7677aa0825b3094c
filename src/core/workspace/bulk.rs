//! One update applied to many records: what "Edit" on an index page's selection does.
//!
//! Every record is checked before anything is written, so the command is all or nothing:
//! if any record refuses the values, the error lists each refused record with its reason
//! and the workspace is unchanged; otherwise one commit holds every record's change (one
//! storage transaction, one undo).

use std::collections::HashMap;

use super::Workspace;
use crate::core::change::{Change, Commit, Entity, EntityKey};
use crate::core::command::{CommandError, Context, FieldError, FieldProblem, Input};
use crate::core::id::RecordId;
use crate::core::record::Record;

impl Workspace {
    pub(super) fn update_records(&mut self, ids: &[RecordId], values: &[Input], ctx: &Context) -> Result<Commit, CommandError> {
        let mut planned: Vec<Record> = Vec::with_capacity(ids.len());
        let mut refused: Vec<(RecordId, CommandError)> = Vec::new();
        for id in ids {
            if planned.iter().any(|r| &r.id == id) {
                continue;
            }
            let outcome = match self.records.get(id) {
                Some(before) => self.plan_update(before, values, ctx),
                None => Err(CommandError::NotFound(id.clone())),
            };
            match outcome {
                Ok(record) => planned.push(record),
                Err(error) => refused.push((id.clone(), error)),
            }
        }
        refused.extend(self.shared_unique_values(&planned));
        if !refused.is_empty() {
            return Err(CommandError::Refused(refused));
        }
        let mut changes = Vec::with_capacity(planned.len());
        for after in planned {
            let id = after.id.clone();
            let before = self.swap_record(id.clone(), Some(after.clone())).map(Entity::Record);
            changes.push(Change { key: EntityKey::Record(id), before, after: Some(Entity::Record(after)) });
        }
        Ok(Commit { changes, subject: None })
    }

    /// Records of one batch that would share a unique value (two contacts given the same
    /// email): each is checked against the index alone, so the batch checks itself. The
    /// first holder keeps the value; the others are refused.
    fn shared_unique_values(&self, planned: &[Record]) -> Vec<(RecordId, CommandError)> {
        let mut refused = Vec::new();
        let mut holders: HashMap<(String, String), &RecordId> = HashMap::new();
        for record in planned {
            let Some(def) = self.schema.object(&record.object) else { continue };
            for p in def.properties.iter().filter(|p| p.unique) {
                let Some(value) = record.get(&p.name) else { continue };
                let key = (p.name.clone(), value.display());
                match holders.get(&key) {
                    Some(first) => {
                        let problem = FieldProblem::Duplicate((*first).clone());
                        refused.push((record.id.clone(), CommandError::Fields(vec![FieldError { property: p.name.clone(), problem }])));
                    }
                    None => {
                        holders.insert(key, &record.id);
                    }
                }
            }
        }
        refused
    }
}

#[cfg(test)]
mod tests;
