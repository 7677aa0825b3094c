//! Segments (HubSpot's lists): named sets of one object's records.
//!
//! An *active* segment is a filter: its members are whatever records match it now, so it
//! updates by itself as records change. A *static* segment is a stored set of record ids:
//! it keeps the records it had, and people add or remove members by hand. Either kind can be
//! used in a view's filter ("is member of segment X", [`crate::core::query::Op::InSegment`]).
//!
//! A segment is its own stored entity ([`crate::core::change::Entity::Segment`]). Members of
//! a static segment that were since deleted stay stored (a restore brings them back) but are
//! not counted: [`members`] only returns live records.

use std::collections::{BTreeSet, HashSet};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::id::RecordId;
use super::query::{run_nested, Filter, Page, Query, QueryError};
use super::time::Millis;
use super::workspace::Workspace;

/// How deep segments may refer to segments; deeper means a loop.
pub const MAX_NESTING: usize = 4;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Rule {
    /// Members are the records matching the filter, recomputed on every read.
    Active { filter: Filter },
    /// Members are kept as added.
    Static { members: BTreeSet<RecordId> },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Segment {
    pub id: RecordId,
    pub object: String,
    pub name: String,
    pub rule: Rule,
    /// When it last changed: of two devices' versions, sync keeps the later.
    pub updated: Millis,
}

impl Segment {
    pub fn is_active(&self) -> bool {
        matches!(self.rule, Rule::Active { .. })
    }
}

/// One change to the segments.
#[derive(Clone, Debug, PartialEq)]
pub enum SegmentEdit {
    Create { object: String, name: String, rule: Rule },
    Rename { id: RecordId, name: String },
    /// Replaces an active segment's filter.
    SetFilter { id: RecordId, filter: Filter },
    /// Adds records to a static segment; records already in it are left alone.
    AddMembers { id: RecordId, records: Vec<RecordId> },
    RemoveMembers { id: RecordId, records: Vec<RecordId> },
    Delete { id: RecordId },
}

#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum SegmentError {
    #[error("no segment {0}")]
    NotFound(RecordId),
    #[error("a segment needs a name")]
    EmptyName,
    #[error("another segment of this object is already named {0}")]
    DuplicateName(String),
    #[error("members are added by hand only to a static segment")]
    NotStatic,
    #[error("only an active segment has a filter")]
    NotActive,
    #[error("record {0} is not a {1} record")]
    WrongRecord(RecordId, String),
    #[error("{0}")]
    Query(#[from] QueryError),
}

/// The live members of a segment, in no particular order. `now` anchors relative dates.
pub fn members(ws: &Workspace, segment: &Segment, now: Millis) -> Result<HashSet<RecordId>, QueryError> {
    members_nested(ws, segment, now, 0)
}

pub(crate) fn members_nested(ws: &Workspace, segment: &Segment, now: Millis, depth: usize) -> Result<HashSet<RecordId>, QueryError> {
    match &segment.rule {
        Rule::Static { members } => Ok(members.iter().filter(|id| ws.record(id).is_some_and(|r| r.object == segment.object)).cloned().collect()),
        Rule::Active { filter } => {
            let query = Query { object: segment.object.clone(), filter: filter.clone(), sort: None };
            let results = run_nested(ws, &query, Page::first(usize::MAX), now, depth + 1)?;
            Ok(results.records.into_iter().map(|r| r.id.clone()).collect())
        }
    }
}

/// How many live records a segment holds; a segment whose filter no longer runs (a
/// property was deleted) counts none.
pub fn member_count(ws: &Workspace, segment: &Segment, now: Millis) -> usize {
    members(ws, segment, now).map(|m| m.len()).unwrap_or(0)
}

/// The segments of one object, by name.
pub fn segments_of<'a>(segments: impl Iterator<Item = &'a Segment>, object: &str) -> Vec<&'a Segment> {
    let mut out: Vec<&Segment> = segments.filter(|s| s.object == object).collect();
    out.sort_by(|a, b| a.name.to_lowercase().cmp(&b.name.to_lowercase()).then_with(|| a.id.cmp(&b.id)));
    out
}

/// The static segments a record is in.
pub fn static_segments_with<'a>(segments: impl Iterator<Item = &'a Segment>, record: &RecordId) -> Vec<&'a Segment> {
    segments.filter(|s| matches!(&s.rule, Rule::Static { members } if members.contains(record))).collect()
}

#[cfg(test)]
mod tests;
