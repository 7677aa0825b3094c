//! The engine: what is due, and running it in time order.
//!
//! Nothing here reads a clock or keeps state between calls: [`due`] and [`run_due`] look at
//! the workspace and the `now` they are given. Every item runs at the time it fell due, in
//! the order it fell due, so catching up after the laptop was closed for a week leaves the
//! same data as running all along. A step's writes and the enrollment's progress form one
//! command; a step that already ran is refused, so running the engine twice is harmless.

use std::collections::{BTreeMap, BTreeSet};

use super::segments::{prepare, PreparedTrigger};
use super::triggers::enrollment_due;
use super::{AutoId, AutomationCommand};
use crate::core::change::{Commit, EntityKey};
use crate::core::command::{Command, Context};
use crate::core::id::RecordId;
use crate::core::record::Source;
use crate::core::time::Millis;
use crate::core::workspace::Workspace;

/// One thing the engine has to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Due {
    /// A trigger fired: the record enters the workflow.
    Start { at: Millis, workflow: AutoId, record: RecordId },
    /// The next step of an enrollment.
    Step { at: Millis, enrollment: AutoId, seq: u32 },
}

/// In time order; at the same instant a start comes before a step, then by id.
impl Ord for Due {
    fn cmp(&self, other: &Due) -> std::cmp::Ordering {
        let key = |d: &Due| match d {
            Due::Start { at, workflow, record } => (*at, 0, workflow.clone(), record.clone(), 0),
            Due::Step { at, enrollment, seq } => (*at, 1, enrollment.clone(), RecordId::default(), *seq),
        };
        key(self).cmp(&key(other))
    }
}

impl PartialOrd for Due {
    fn partial_cmp(&self, other: &Due) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Due {
    pub fn at(&self) -> Millis {
        match self {
            Due::Start { at, .. } | Due::Step { at, .. } => *at,
        }
    }

    /// The command that does it; `offset_minutes` is the user's UTC offset.
    pub fn command(&self, offset_minutes: i32) -> Command {
        Command::Automation(match self.clone() {
            Due::Start { at, workflow, record } => AutomationCommand::Start { workflow, record, at },
            Due::Step { enrollment, seq, .. } => AutomationCommand::RunStep { enrollment, seq, offset_minutes },
        })
    }
}

/// Records entering workflows, for the given records or (with `None`) all of them.
fn starts(ws: &Workspace, records: Option<&BTreeSet<RecordId>>, now: Millis) -> Vec<Due> {
    let mut out = Vec::new();
    for workflow in ws.automation().workflows().filter(|w| w.is_on() && !w.triggers.is_empty()) {
        let Some(def) = ws.schema().object(&workflow.object) else { continue };
        let triggers: Vec<PreparedTrigger> = workflow.triggers.iter().map(|t| prepare(ws, &workflow.object, &t.kind, t.reenroll, now)).collect();
        let mut check = |record: &crate::core::record::Record| {
            if let Some(at) = enrollment_due(ws, def, workflow, &triggers, record, now) {
                out.push(Due::Start { at, workflow: workflow.id.clone(), record: record.id.clone() });
            }
        };
        match records {
            Some(ids) => ids.iter().filter_map(|id| ws.record(id)).for_each(&mut check),
            None => ws.records_of(&workflow.object).for_each(&mut check),
        }
    }
    out
}

/// The workflows one record enters now, after a change to it: what the engine evaluates
/// for each committed change.
pub fn starts_for(ws: &Workspace, record: &RecordId, now: Millis) -> Vec<Due> {
    starts(ws, Some(&BTreeSet::from([record.clone()])), now)
}

/// Everything due at `now`, earliest first (a start before a step at the same instant).
pub fn due(ws: &Workspace, now: Millis) -> Vec<Due> {
    let mut out = starts(ws, None, now);
    out.extend(ws.automation().due_by(now).map(|e| Due::Step { at: e.due, enrollment: e.id.clone(), seq: e.log.len() as u32 }));
    out.sort();
    out
}

/// Whether anything is due at `now`: lets the runner leave the workspace untouched (and the
/// page unrendered) when there is nothing to do.
pub fn has_due(ws: &Workspace, now: Millis) -> bool {
    ws.automation().due_by(now).next().is_some() || !starts(ws, None, now).is_empty()
}

/// What one call of [`run_due`] did.
#[derive(Debug, Default, PartialEq)]
pub struct RunReport {
    /// Items run.
    pub ran: usize,
    /// Whether due items remain because `limit` was reached.
    pub more: bool,
}

/// Runs up to `limit` due items in time order and returns their changes as one commit (to be
/// persisted in one transaction). Each item runs at its own due time with
/// [`Source::Workflow`]; an item refused because it already ran is skipped.
pub fn run_due(ws: &mut Workspace, now: Millis, offset_minutes: i32, limit: usize) -> (Commit, RunReport) {
    let mut commit = Commit::default();
    let mut report = RunReport::default();
    // Pending starts, kept current for the records each item touches.
    let mut pending: BTreeSet<Due> = starts(ws, None, now).into_iter().collect();
    let mut by_record: BTreeMap<RecordId, Vec<Due>> = BTreeMap::new();
    for d in &pending {
        if let Due::Start { record, .. } = d {
            by_record.entry(record.clone()).or_default().push(d.clone());
        }
    }
    loop {
        let step = ws.automation().first_due().filter(|e| e.due <= now).map(|e| Due::Step { at: e.due, enrollment: e.id.clone(), seq: e.log.len() as u32 });
        let next = match (pending.first(), step) {
            (Some(start), Some(step)) => std::cmp::min(start.clone(), step),
            (Some(start), None) => start.clone(),
            (None, Some(step)) => step,
            (None, None) => break,
        };
        if report.ran >= limit {
            report.more = true;
            break;
        }
        pending.remove(&next);
        let ctx = Context { now: next.at(), source: Source::Workflow };
        let result = ws.execute(next.command(offset_minutes), &ctx);
        let Ok(done) = result else {
            // Only a start can be refused (already enrolled); a refused step would come back.
            if matches!(next, Due::Step { .. }) {
                break;
            }
            continue;
        };
        report.ran += 1;
        let mut touched: BTreeSet<RecordId> = done.subject.iter().cloned().collect();
        for change in &done.changes {
            if let EntityKey::Record(id) = &change.key {
                touched.insert(id.clone());
            }
        }
        for id in &touched {
            for old in by_record.remove(id).unwrap_or_default() {
                pending.remove(&old);
            }
        }
        for d in starts(ws, Some(&touched), now) {
            if let Due::Start { record, .. } = &d {
                by_record.entry(record.clone()).or_default().push(d.clone());
            }
            pending.insert(d);
        }
        commit.changes.extend(done.changes);
    }
    (commit, report)
}
