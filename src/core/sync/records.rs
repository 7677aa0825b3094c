//! Merging two copies of one record: per property, last writer wins.
//!
//! Both histories are unioned (an entry present on both sides counts once) and sorted by
//! time; the current value is the last entry, so the newest write wins. History entries carry
//! no device id, so writes at the same millisecond are ordered by their source
//! (`import` < `merge` < `sync` < `user` < `workflow`, alphabetical) and then by the value's
//! canonical JSON (a cleared value first). This order is total, which makes the merge
//! commutative, associative and idempotent.
//!
//! A deletion is the recycle-bin entry's `deleted_at`: it wins over every write up to that
//! time and loses to a later one, which brings the record back with the newer values.

use std::cmp::Ordering;
use std::collections::BTreeSet;

use crate::core::change::Binned;
use crate::core::record::{HistoryEntry, Record, Source};

/// One side's copy of a record: live, or in the recycle bin.
#[derive(Clone, Debug, PartialEq)]
pub enum Copy {
    Live(Record),
    Binned(Binned),
}

impl Copy {
    pub fn record(&self) -> &Record {
        match self {
            Copy::Live(r) => r,
            Copy::Binned(b) => &b.record,
        }
    }
}

fn source_name(source: Source) -> &'static str {
    match source {
        Source::Import => "import",
        Source::Merge => "merge",
        Source::Sync => "sync",
        Source::User => "user",
        Source::Workflow => "workflow",
    }
}

fn value_json(entry: &HistoryEntry) -> String {
    entry.value.as_ref().map(|v| serde_json::to_string(v).unwrap_or_default()).unwrap_or_default()
}

/// The total order of writes: time, then source, then the value's JSON (only computed on a tie).
fn order(x: &HistoryEntry, y: &HistoryEntry) -> Ordering {
    (x.at, source_name(x.source)).cmp(&(y.at, source_name(y.source))).then_with(|| value_json(x).cmp(&value_json(y)))
}

/// Both histories as one, oldest first, each distinct write once.
pub fn union_history(a: Vec<HistoryEntry>, b: Vec<HistoryEntry>) -> Vec<HistoryEntry> {
    let mut all: Vec<HistoryEntry> = a.into_iter().chain(b).collect();
    all.sort_by(order);
    all.dedup_by(|x, y| order(x, y) == Ordering::Equal);
    all
}

/// The record both sides agree on after exchanging their writes.
pub fn merge_record(a: &Record, b: &Record) -> Record {
    // The smaller object name wins if two devices disagree, which real data never does.
    let first = if (&a.object, a.number) <= (&b.object, b.number) { a } else { b };
    let mut out = first.clone();
    out.created = a.created.min(b.created);
    out.updated = a.updated.max(b.updated);
    let keys: BTreeSet<_> = a.props.keys().chain(b.props.keys()).collect();
    for key in keys {
        let merged = union_history(a.props.history(key).collect(), b.props.history(key).collect());
        out.props.replace(key, merged);
    }
    out
}

/// The newest write in a record, the time a deletion must be newer than.
fn last_write(record: &Record) -> i64 {
    record.props.keys().flat_map(|k| record.props.history(k).map(|e| e.at.0)).max().unwrap_or(record.created.0)
}

/// Merges two copies of a record; see the module docs for how deletions count.
pub fn merge_copies(a: &Copy, b: &Copy) -> Copy {
    let record = merge_record(a.record(), b.record());
    let deleted_at = [a, b].iter().filter_map(|c| match c {
        Copy::Binned(x) => Some(x.deleted_at),
        Copy::Live(_) => None,
    }).max();
    let edges = {
        let mut edges: Vec<_> = [a, b].iter().filter_map(|c| match c {
            Copy::Binned(x) => Some(x.edges.clone()),
            Copy::Live(_) => None,
        }).flatten().collect();
        edges.sort_by(|x, y| (x.key(), &x.labels).cmp(&(y.key(), &y.labels)));
        edges.dedup_by(|x, y| x.key() == y.key());
        edges
    };
    match deleted_at {
        Some(at) if at.0 >= last_write(&record) => Copy::Binned(Binned { record, deleted_at: at, edges }),
        _ => Copy::Live(record),
    }
}
