//! Sync without a server: merging another device's backup into this workspace.
//!
//! Both sides are reduced to their entities and merged entity by entity:
//! - records: per property last writer wins with histories unioned, and a deletion wins over
//!   older writes only ([`records`]);
//! - associations and their labels: add/remove sets with timestamps, so a removal newer than
//!   the other side's add wins and an older one loses ([`links`]); only links between
//!   records that stay live are kept;
//! - schema and association definitions: a union, with conflicting property types reported
//!   ([`schema`]); owners and redirects: a union (for the same id, the smaller JSON wins);
//! - a record merged away on either side (a redirect) stays merged away;
//! - pipelines: the union of their stages, differing stage settings reported
//!   ([`crate::core::pipeline::merge_pipeline`]).
//!
//! The merge of the entity lists is a pure function, commutative, associative and idempotent
//! on records; [`merge_backup`] applies its difference to the workspace as one [`Commit`] and
//! returns a [`MergeReport`] for the summary screen.

mod links;
mod records;
mod schema;

use std::collections::{BTreeMap, BTreeSet};

use super::association::{Edge, Unlinked};
use super::backup::{parse, Backup, BackupError};
use super::change::{Change, Commit, Entity, EntityKey, Redirect};
use super::id::RecordId;
use super::owner::{Owner, OwnerId};
use super::pipeline::{merge_pipeline, Pipeline, PipelineConflict, PipelineId};
use super::value::Value;
use super::workspace::Workspace;

pub use links::merge_link;
pub use records::{merge_copies, merge_record, union_history, Copy};
pub use schema::{merge_association_defs, merge_schema, SchemaConflict};

/// One value of this workspace replaced by a newer one from the other device.
#[derive(Clone, Debug, PartialEq)]
pub struct Overwrite {
    pub record: RecordId,
    pub property: String,
    pub old: Option<Value>,
    pub new: Option<Value>,
}

/// What a merge did, for the summary and the review of overwritten fields.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MergeReport {
    /// The changes to persist as one batch.
    pub commit: Commit,
    pub created: usize,
    pub updated: usize,
    pub deleted: usize,
    pub conflicts: Vec<SchemaConflict>,
    pub pipeline_conflicts: Vec<PipelineConflict>,
    pub overwritten: Vec<Overwrite>,
}

/// Merges another device's backup document into the workspace. A refused document changes nothing.
pub fn merge_text(ws: &mut Workspace, text: &str) -> Result<MergeReport, BackupError> {
    Ok(merge_backup(ws, &parse(text)?))
}

/// Merges a parsed backup into the workspace.
pub fn merge_backup(ws: &mut Workspace, theirs: &Backup) -> MergeReport {
    let ours = ws.entities();
    let (merged, conflicts) = merge_entities(&ours, &theirs.entities);
    let mut report = summarize(&ours, &merged);
    report.conflicts = conflicts;
    report.pipeline_conflicts = pipeline_conflicts(&ours, &theirs.entities);
    let mut before: BTreeMap<EntityKey, Entity> = ours.into_iter().map(|e| (e.key(), e)).collect();
    let mut changes = Vec::new();
    for entity in merged {
        let key = entity.key();
        match before.remove(&key) {
            Some(old) if old == entity => {}
            old => changes.push(Change { key, before: old, after: Some(entity) }),
        }
    }
    changes.extend(before.into_iter().map(|(key, old)| Change { key, before: Some(old), after: None }));
    for change in &changes {
        ws.put(change.key.clone(), change.after.clone());
    }
    report.commit = Commit { changes, subject: None };
    report
}

/// Each side's records by id.
fn copies(entities: &[Entity]) -> BTreeMap<RecordId, Copy> {
    entities
        .iter()
        .filter_map(|e| match e {
            Entity::Record(r) => Some((r.id.clone(), Copy::Live(r.clone()))),
            Entity::Binned(b) => Some((b.record.id.clone(), Copy::Binned(b.clone()))),
            _ => None,
        })
        .collect()
}

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// The union of two maps, merging entries both have with `both`.
fn union<K: Ord + Clone, V: Clone>(a: BTreeMap<K, V>, b: BTreeMap<K, V>, both: impl Fn(&V, &V) -> V) -> BTreeMap<K, V> {
    let mut out = a;
    for (key, theirs) in b {
        let value = match out.get(&key) {
            Some(ours) => both(ours, &theirs),
            None => theirs,
        };
        out.insert(key, value);
    }
    out
}

fn smaller_json<T: serde::Serialize + Clone>(a: &T, b: &T) -> T {
    if json(a) <= json(b) { a.clone() } else { b.clone() }
}

/// The pure merge of two workspaces' entities, in [`Workspace::entities`] order.
pub fn merge_entities(ours: &[Entity], theirs: &[Entity]) -> (Vec<Entity>, Vec<SchemaConflict>) {
    let (mut out, mut conflicts) = (Vec::new(), Vec::new());
    let schema = |es: &[Entity]| es.iter().find_map(|e| if let Entity::Schema(s) = e { Some(s.clone()) } else { None });
    match (schema(ours), schema(theirs)) {
        (Some(a), Some(b)) => {
            let (merged, found) = merge_schema(&a, &b);
            out.push(Entity::Schema(merged));
            conflicts = found;
        }
        (a, b) => out.extend(a.or(b).map(Entity::Schema)),
    }
    let defs = |es: &[Entity]| es.iter().find_map(|e| if let Entity::AssociationDefs(d) = e { Some(d.clone()) } else { None });
    match (defs(ours), defs(theirs)) {
        (Some(a), Some(b)) => out.push(Entity::AssociationDefs(merge_association_defs(&a, &b))),
        (a, b) => out.extend(a.or(b).map(Entity::AssociationDefs)),
    }
    let owners = |es: &[Entity]| -> BTreeMap<OwnerId, Owner> { es.iter().filter_map(|e| if let Entity::Owner(o) = e { Some((o.id.clone(), o.clone())) } else { None }).collect() };
    out.extend(union(owners(ours), owners(theirs), smaller_json).into_values().map(Entity::Owner));
    out.extend(union(pipelines(ours), pipelines(theirs), |a, b| merge_pipeline(a, b).0).into_values().map(Entity::Pipeline));

    let redirects = |es: &[Entity]| -> BTreeMap<RecordId, RecordId> { es.iter().filter_map(|e| if let Entity::Redirect(r) = e { Some((r.from.clone(), r.to.clone())) } else { None }).collect() };
    let redirects = union(redirects(ours), redirects(theirs), |a, b| a.min(b).clone());
    let mut records = union(copies(ours), copies(theirs), merge_copies);
    records.retain(|id, _| !redirects.contains_key(id));
    // A copy only one side has goes through the same rules, so merging is idempotent.
    for copy in records.values_mut() {
        *copy = merge_copies(copy, copy);
    }

    let live: BTreeSet<RecordId> = records.iter().filter(|(_, c)| matches!(c, Copy::Live(_))).map(|(id, _)| id.clone()).collect();
    // Every copy of every link (live, or kept by a binned record) and every tombstone, by pair.
    let mut copies_of_links: BTreeMap<(RecordId, RecordId), (Vec<&Edge>, Vec<&Unlinked>)> = BTreeMap::new();
    for e in ours.iter().chain(theirs) {
        match e {
            Entity::Edge(edge) => copies_of_links.entry(edge.key()).or_default().0.push(edge),
            Entity::Binned(b) => b.edges.iter().for_each(|edge| copies_of_links.entry(edge.key()).or_default().0.push(edge)),
            Entity::Unlinked(u) => copies_of_links.entry(u.key()).or_default().1.push(u),
            _ => {}
        }
    }
    let mut all_edges = BTreeMap::new();
    let mut unlinked = Vec::new();
    for (key, (edges, removals)) in copies_of_links {
        let (edge, removed) = merge_link(&edges, &removals);
        all_edges.extend(edge.map(|e| (key, e)));
        unlinked.extend(removed.map(Entity::Unlinked));
    }
    for copy in records.values_mut() {
        // A binned record keeps every link it had on either side, to bring back on restore.
        if let Copy::Binned(binned) = copy {
            let id = binned.record.id.clone();
            binned.edges = all_edges.values().filter(|e| e.touches(&id)).cloned().collect();
        }
    }
    let (mut live_records, mut binned): (Vec<Entity>, Vec<Entity>) = (Vec::new(), Vec::new());
    for copy in records.into_values() {
        match copy {
            Copy::Live(r) => live_records.push(Entity::Record(r)),
            Copy::Binned(b) => binned.push(Entity::Binned(b)),
        }
    }
    out.extend(live_records);
    out.extend(binned);
    out.extend(all_edges.into_values().filter(|e| live.contains(&e.a) && live.contains(&e.b)).map(Entity::Edge));
    out.extend(redirects.into_iter().map(|(from, to)| Entity::Redirect(Redirect { from, to })));
    out.extend(unlinked);
    out.extend(crate::core::views::merge_lists(ours, theirs));
    out.extend(crate::core::workflow::merge::merge_entities(ours, theirs));
    (out, conflicts)
}

/// Each side's pipelines by id.
fn pipelines(entities: &[Entity]) -> BTreeMap<PipelineId, Pipeline> {
    entities.iter().filter_map(|e| if let Entity::Pipeline(p) = e { Some((p.id.clone(), p.clone())) } else { None }).collect()
}

/// The stages and pipeline settings the two sides disagree on.
fn pipeline_conflicts(ours: &[Entity], theirs: &[Entity]) -> Vec<PipelineConflict> {
    let theirs = pipelines(theirs);
    pipelines(ours).values().filter_map(|p| Some(merge_pipeline(p, theirs.get(&p.id)?).1)).flatten().collect()
}

/// Counts and overwritten fields, comparing this side's records with the merged ones.
fn summarize(ours: &[Entity], merged: &[Entity]) -> MergeReport {
    let (before, after) = (copies(ours), copies(merged));
    let mut report = MergeReport::default();
    for (id, copy) in &after {
        match (before.get(id), copy) {
            (None, Copy::Live(_)) => report.created += 1,
            (Some(Copy::Live(old)), Copy::Live(new)) if old != new => {
                report.updated += 1;
                for (key, value) in new.props.current_values() {
                    let old_value = old.props.current(key);
                    if old_value != value {
                        report.overwritten.push(Overwrite { record: id.clone(), property: key.name().to_string(), old: old_value.cloned(), new: value.cloned() });
                    }
                }
            }
            (Some(Copy::Binned(_)), Copy::Live(_)) => report.updated += 1,
            (Some(Copy::Live(_)), Copy::Binned(_)) => report.deleted += 1,
            _ => {}
        }
    }
    report.deleted += before.iter().filter(|(id, c)| matches!(c, Copy::Live(_)) && !after.contains_key(*id)).count();
    report
}

#[cfg(test)]
mod tests;
// Property tests need proptest, which is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod proptests;
