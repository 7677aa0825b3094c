//! The recycle bin: deleting, restoring and purging records together with their links.
//!
//! A deleted record takes its edges into the bin, so no edge ever points at a record that is
//! not live. Restoring brings the edges back whose other end is live again (following merge
//! redirects); an edge whose other end is itself in the bin moves into that record's bin
//! entry, so restoring both, in any order, brings the link back. Binned records older than
//! [`BIN_RETENTION_DAYS`] are purged for good by [`crate::core::command::Command::PurgeBin`].

use std::collections::BTreeMap;

use super::{Workspace, BIN_RETENTION_DAYS};
use crate::core::association::Draft;
use crate::core::change::{Binned, Change, Entity, EntityKey};
use crate::core::command::{CommandError, Context};
use crate::core::id::RecordId;
use crate::core::time::Millis;

impl Workspace {
    pub(super) fn plan_delete(&self, id: &RecordId, ctx: &Context) -> Result<Vec<Change>, CommandError> {
        let record = self.records.get(id).ok_or_else(|| CommandError::NotFound(id.clone()))?;
        let edges: Vec<_> = self.associations.edges_of(id).cloned().collect();
        let mut changes = vec![Change { key: EntityKey::Record(id.clone()), before: Some(Entity::Record(record.clone())), after: None }];
        changes.extend(edges.iter().map(|edge| {
            let (x, y) = edge.key();
            Change { key: EntityKey::Edge(x, y), before: Some(Entity::Edge(edge.clone())), after: None }
        }));
        let binned = Binned { record: record.clone(), deleted_at: ctx.now, edges };
        changes.push(Change { key: EntityKey::Binned(id.clone()), before: None, after: Some(Entity::Binned(binned)) });
        Ok(changes)
    }

    /// Brings a record back with its links. A link that would now break a limit (another
    /// contact became the company's only billing contact meanwhile) comes back without the
    /// clashing label, or not at all if the per-direction limit is reached: the links made
    /// while the record was away take precedence.
    pub(super) fn plan_restore(&self, id: &RecordId) -> Result<Vec<Change>, CommandError> {
        let binned = self.bin.get(id).ok_or_else(|| CommandError::NotFound(id.clone()))?;
        self.check_unique(&binned.record, id)?;
        let mut changes = vec![
            Change { key: EntityKey::Binned(id.clone()), before: Some(Entity::Binned(binned.clone())), after: None },
            Change { key: EntityKey::Record(id.clone()), before: None, after: Some(Entity::Record(binned.record.clone())) },
        ];
        let mut draft = Draft::new(&self.associations);
        // Binned records that take over an edge, by id.
        let mut handed: BTreeMap<&RecordId, Binned> = BTreeMap::new();
        for edge in &binned.edges {
            let Some(def) = self.associations.def(&edge.a_object, &edge.b_object) else { continue };
            let other = edge.other(id).id;
            let target = self.resolve(other);
            if target == id {
                continue;
            }
            let edge = if target == other { edge.clone() } else { edge.repoint(def, other, target) };
            if self.records.contains_key(target) {
                draft.admit_leniently(def, edge);
            } else if let Some(home) = self.bin.get(target) {
                let entry = handed.entry(target).or_insert_with(|| home.clone());
                if !entry.edges.iter().any(|e| e.key() == edge.key()) {
                    entry.edges.push(edge);
                }
            }
        }
        changes.extend(draft.changes());
        changes.extend(handed.into_iter().map(|(other, after)| Change {
            key: EntityKey::Binned(other.clone()),
            before: self.bin.get(other).cloned().map(Entity::Binned),
            after: Some(Entity::Binned(after)),
        }));
        Ok(changes)
    }

    /// Removes for good every binned record deleted more than the retention period before `now`.
    pub(super) fn plan_purge(&self, now: Millis) -> Vec<Change> {
        let cutoff = now.plus_days(-BIN_RETENTION_DAYS);
        let mut expired: Vec<&Binned> = self.bin.values().filter(|b| b.deleted_at < cutoff).collect();
        expired.sort_by(|a, b| a.record.id.cmp(&b.record.id));
        expired
            .into_iter()
            .map(|b| Change { key: EntityKey::Binned(b.record.id.clone()), before: Some(Entity::Binned(b.clone())), after: None })
            .collect()
    }
}

#[cfg(test)]
mod tests;
