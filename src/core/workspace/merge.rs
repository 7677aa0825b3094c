//! Merging two records of one object into one, and following merged-away ids.
//!
//! The primary keeps every value it has; a property it lacks takes the secondary's value.
//! Each property's history becomes both histories interleaved by time, ending with the
//! winning value (appended with source `Merge` when the interleaving ends otherwise).
//! Formula properties are then recomputed from the merged values, as on any write.
//!
//! The secondary's links move to the primary, activities included. Where they clash with
//! the primary's own links or with a limit, the primary's win: a moved link whose label
//! would exceed a limit (a second "Primary" company) arrives without that label, and a link
//! that would exceed a per-direction limit is dropped. A link between the two records
//! themselves disappears with the secondary.
//!
//! The secondary is removed (not binned) and its id redirects to the primary, so old links,
//! bookmarks and binned edges that name it still reach the merged record.

use super::Workspace;
use crate::core::association::Draft;
use crate::core::calculate;
use crate::core::change::{Change, Entity, EntityKey, Redirect};
use crate::core::command::{CommandError, Context, FieldProblem, MergeError};
use crate::core::id::RecordId;
use crate::core::record::{HistoryEntry, Record, Source};
use crate::core::schema::ObjectDef;
use crate::core::time::Millis;
use crate::core::value::Value;

/// Redirects followed at most, so damaged data with a cycle cannot hang a lookup.
const MAX_REDIRECT_HOPS: usize = 64;

/// What a merge would produce, shown before the user confirms.
#[derive(Clone, Debug, PartialEq)]
pub struct MergePreview {
    /// The primary as it would be after the merge.
    pub record: Record,
    /// The properties whose value would come from the secondary, by name.
    pub filled: Vec<String>,
}

impl Workspace {
    /// The live record an id stands for: the id itself, or where its merges led.
    pub fn resolve<'a>(&'a self, id: &'a RecordId) -> &'a RecordId {
        let mut current = id;
        for _ in 0..MAX_REDIRECT_HOPS {
            match self.redirects.get(current) {
                Some(next) => current = next,
                None => break,
            }
        }
        current
    }

    /// The merged values, without changing anything.
    pub fn merge_preview(&self, primary: &RecordId, secondary: &RecordId, now: Millis) -> Result<MergePreview, CommandError> {
        let (p, s) = self.merge_pair(primary, secondary)?;
        Ok(merged(self.schema.object(&p.object), p, s, now))
    }

    fn merge_pair(&self, primary: &RecordId, secondary: &RecordId) -> Result<(&Record, &Record), CommandError> {
        if primary == secondary {
            return Err(MergeError::SameRecord.into());
        }
        let p = self.records.get(primary).ok_or_else(|| CommandError::NotFound(primary.clone()))?;
        let s = self.records.get(secondary).ok_or_else(|| CommandError::NotFound(secondary.clone()))?;
        if p.object != s.object {
            return Err(MergeError::DifferentObjects.into());
        }
        Ok((p, s))
    }

    pub(super) fn plan_merge(&self, primary: &RecordId, secondary: &RecordId, ctx: &Context) -> Result<Vec<Change>, CommandError> {
        let (p, s) = self.merge_pair(primary, secondary)?;
        let record = merged(self.schema.object(&p.object), p, s, ctx.now).record;
        // The secondary's unique values are free to move: it is going away.
        let errors: Vec<_> = self
            .unique_conflicts(&record, Some(primary))
            .into_iter()
            .filter(|e| !matches!(&e.problem, FieldProblem::Duplicate(holder) if holder == secondary))
            .collect();
        if !errors.is_empty() {
            return Err(CommandError::Fields(errors));
        }
        let redirect = |to: &RecordId| Entity::Redirect(Redirect { from: secondary.clone(), to: to.clone() });
        let mut changes = vec![
            Change { key: EntityKey::Record(primary.clone()), before: Some(Entity::Record(p.clone())), after: Some(Entity::Record(record)) },
            Change { key: EntityKey::Record(secondary.clone()), before: Some(Entity::Record(s.clone())), after: None },
            Change {
                key: EntityKey::Redirect(secondary.clone()),
                before: self.redirects.get(secondary).map(redirect),
                after: Some(redirect(primary)),
            },
        ];
        let moving: Vec<_> = self.associations.edges_of(secondary).cloned().collect();
        let mut draft = Draft::new(&self.associations);
        // Unlink the secondary first, so its links do not count against the limits they
        // are about to take over.
        for edge in &moving {
            draft.remove(&edge.a, &edge.b);
        }
        for edge in &moving {
            let Some(def) = self.associations.def(&edge.a_object, &edge.b_object) else { continue };
            if edge.other(secondary).id != primary {
                draft.admit_leniently(def, edge.repoint(def, secondary, primary));
            }
        }
        changes.extend(draft.changes());
        Ok(changes)
    }
}

/// The primary with empty values filled from the secondary and both histories kept; its
/// formula properties are recomputed from the merged values.
fn merged(def: Option<&ObjectDef>, p: &Record, s: &Record, now: Millis) -> MergePreview {
    let mut record = p.clone();
    let mut filled = Vec::new();
    for key in s.props.keys() {
        let winner: Option<Value> = p.get_key(key).or_else(|| s.get_key(key)).cloned();
        if p.get_key(key).is_none() && winner.is_some() {
            filled.push(key.name().to_string());
        }
        let ours: Vec<HistoryEntry> = p.props.history(key).collect();
        let theirs: Vec<HistoryEntry> = s.props.history(key).collect();
        let mut history = interleave(&ours, &theirs);
        if history.last().and_then(|e| e.value.as_ref()) != winner.as_ref() {
            history.push(HistoryEntry { value: winner, at: now, source: Source::Merge });
        }
        record.props.replace(key, history);
    }
    filled.sort();
    if let Some(def) = def {
        calculate::refresh(def, &mut record, now, Source::Merge);
    }
    record.updated = record.updated.max(s.updated).max(now);
    MergePreview { record, filled }
}

/// Two time-ordered histories as one, the primary's entry first on equal times.
fn interleave(ours: &[HistoryEntry], theirs: &[HistoryEntry]) -> Vec<HistoryEntry> {
    let mut out = Vec::with_capacity(ours.len() + theirs.len());
    let (mut i, mut j) = (0, 0);
    while i < ours.len() || j < theirs.len() {
        if j == theirs.len() || (i < ours.len() && ours[i].at <= theirs[j].at) {
            out.push(ours[i].clone());
            i += 1;
        } else {
            out.push(theirs[j].clone());
            j += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests;
