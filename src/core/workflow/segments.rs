//! Segment conditions ("is member of segment X") in workflow filters.
//!
//! Triggers are read from property history, so a condition must be answerable at any past
//! moment. An *active* segment is a filter over properties: "member of X" is replaced by X's
//! own filter groups ([`inline`]), which history answers exactly. A *static* segment (and
//! "not member of") is a set of ids without dates: its membership is known only now, so a
//! trigger reading one fires when the engine first sees the record meet it, and does not
//! re-enroll (the moment of a later not-member → member change is unknown).

use super::model::TriggerKind;
use crate::core::id::RecordId;
use crate::core::query::{filter_memberships, Condition, Filter, Group, Memberships, Op};
use crate::core::segment::{Rule, MAX_NESTING};
use crate::core::time::Millis;
use crate::core::workspace::Workspace;

/// Past this many groups an inlined filter keeps the segment condition as it is.
const MAX_GROUPS: usize = 64;

/// The filter with every "member of an active segment" replaced by that segment's groups
/// (AND distributes over the segment's OR, so groups multiply).
pub fn inline(ws: &Workspace, object: &str, filter: &Filter) -> Filter {
    let groups = filter.groups.iter().flat_map(|g| inline_group(ws, object, &g.conditions, 0)).map(|conditions| Group { conditions }).collect();
    Filter { groups }
}

fn inline_group(ws: &Workspace, object: &str, conditions: &[Condition], depth: usize) -> Vec<Vec<Condition>> {
    let mut out: Vec<Vec<Condition>> = vec![Vec::new()];
    for c in conditions {
        let alternatives = match active_filter(ws, object, c).filter(|_| depth < MAX_NESTING) {
            Some(f) if f.groups.is_empty() => vec![Vec::new()],
            Some(f) => f.groups.iter().flat_map(|g| inline_group(ws, object, &g.conditions, depth + 1)).collect(),
            None => vec![vec![c.clone()]],
        };
        out = out.iter().flat_map(|head| alternatives.iter().map(move |alt| [head.clone(), alt.clone()].concat())).collect();
        if out.len() > MAX_GROUPS {
            return vec![conditions.to_vec()];
        }
    }
    out
}

/// The filter of the active segment of `object` a condition asks membership of.
fn active_filter<'a>(ws: &'a Workspace, object: &str, c: &Condition) -> Option<&'a Filter> {
    let Op::InSegment { segment } = &c.op else { return None };
    let found = ws.segment(&RecordId::from(segment.as_str())).filter(|s| s.object == object)?;
    match &found.rule {
        Rule::Active { filter } => Some(filter),
        Rule::Static { .. } => None,
    }
}

/// Whether a filter still reads segment membership (after [`inline`]).
pub fn reads_membership(filter: &Filter) -> bool {
    filter.groups.iter().flat_map(|g| &g.conditions).any(|c| matches!(c.op, Op::InSegment { .. } | Op::NotInSegment { .. }))
}

/// A trigger made ready to test many records: active segments inlined, the members of the
/// other named segments computed once.
#[derive(Clone, Debug)]
pub struct PreparedTrigger {
    pub kind: TriggerKind,
    pub reenroll: bool,
    /// Members of the segments the filter still names, as of now.
    pub members: Memberships,
    /// Whether membership known only now decides it (see the module doc).
    pub reads_now: bool,
}

/// Prepares a trigger of a workflow on `object`; a segment that cannot be read (deleted)
/// counts no member.
pub fn prepare(ws: &Workspace, object: &str, kind: &TriggerKind, reenroll: bool, now: Millis) -> PreparedTrigger {
    let TriggerKind::MeetsFilter { filter } = kind else {
        return PreparedTrigger { kind: kind.clone(), reenroll, members: Memberships::new(), reads_now: false };
    };
    let filter = inline(ws, object, filter);
    let reads_now = reads_membership(&filter);
    let members = if reads_now { filter_memberships(ws, &filter, now).unwrap_or_else(|_| named_segments(&filter)) } else { Memberships::new() };
    PreparedTrigger { kind: TriggerKind::MeetsFilter { filter }, reenroll: reenroll && !reads_now, members, reads_now }
}

/// Every segment the filter names, with no member: how membership reads before now.
pub fn named_segments(filter: &Filter) -> Memberships {
    let mut out = Memberships::new();
    for c in filter.groups.iter().flat_map(|g| &g.conditions) {
        if let Op::InSegment { segment } | Op::NotInSegment { segment } = &c.op {
            out.entry(segment.clone()).or_default();
        }
    }
    out
}

/// The members a branch or goal filter needs, as of now (none for an unreadable segment).
pub fn members_for(ws: &Workspace, filter: &Filter, now: Millis) -> Memberships {
    if !reads_membership(filter) {
        return Memberships::new();
    }
    filter_memberships(ws, filter, now).unwrap_or_else(|_| named_segments(filter))
}
