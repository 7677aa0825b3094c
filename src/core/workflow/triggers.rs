//! When a record enters a workflow.
//!
//! Triggers are read from the record's property history rather than from events seen while
//! the app was open, so a change made on another device, imported, or made while the engine
//! was not running still enrolls the record, at the time it happened. A trigger *fires* at
//! the moments the record goes from not meeting it to meeting it; a record enrolls on the
//! first firing after the workflow was switched on, and again on a later firing only if the
//! trigger allows re-enrollment and the previous run has ended.

use chrono::{DateTime, NaiveDate};

use super::model::{TriggerKind, Workflow};
use crate::core::pipeline::HistoryField;
use super::segments::{named_segments, PreparedTrigger};
use crate::core::prop_key::PropKey;
use crate::core::query::record_matches_with;
use crate::core::record::{HistoryEntry, Record};
use crate::core::schema::ObjectDef;
use crate::core::time::Millis;
use crate::core::workspace::Workspace;

/// The property that holds an object's pipeline stage.
pub fn stage_property(object: &str) -> &'static str {
    match object {
        "deals" => "dealstage",
        _ => "hs_pipeline_stage",
    }
}

fn text(entry: Option<&HistoryEntry>) -> String {
    entry.and_then(|e| e.value.as_ref()).map(|v| v.display()).unwrap_or_default()
}

/// The instant a date (`YYYY-MM-DD`, midnight UTC) or date-time value names.
pub fn parse_instant(value: &str) -> Option<Millis> {
    if let Ok(t) = DateTime::parse_from_rfc3339(value) {
        return Some(Millis(t.timestamp_millis()));
    }
    let day = NaiveDate::parse_from_str(value.get(..10)?, "%Y-%m-%d").ok()?;
    Some(Millis(day.and_hms_opt(0, 0, 0)?.and_utc().timestamp_millis()))
}

/// The record as it stood at `t` (including writes at `t` when `inclusive`), for the given
/// properties; other properties keep their current values, which filters do not read.
fn as_of(record: &Record, keys: &[PropKey], t: Millis, inclusive: bool) -> Record {
    let mut past = record.clone();
    for key in keys {
        let kept: Vec<HistoryEntry> = record.props.history(*key).filter(|e| if inclusive { e.at <= t } else { e.at < t }).collect();
        past.props.replace(*key, kept);
    }
    past
}

/// Every moment up to `now` at which the trigger fired for the record, earliest first.
pub fn fire_times(def: &ObjectDef, trigger: &PreparedTrigger, record: &Record, now: Millis) -> Vec<Millis> {
    let mut times = match &trigger.kind {
        TriggerKind::Created => vec![record.created],
        TriggerKind::PropertyChanged { property, to, from } => {
            let history = record.history(property);
            (0..history.len())
                .filter(|&i| to.as_ref().is_none_or(|to| text(history.get(i)).eq_ignore_ascii_case(to)))
                .filter(|&i| from.as_ref().is_none_or(|from| text(i.checked_sub(1).and_then(|p| history.get(p))).eq_ignore_ascii_case(from)))
                .map(|i| history[i].at)
                .collect()
        }
        TriggerKind::StageEntered { stage } => {
            record.history(stage_property(&record.object)).iter().filter(|e| text(Some(e)) == *stage).map(|e| e.at).collect()
        }
        TriggerKind::DateReached { property, days } => {
            record.get(property).and_then(|v| parse_instant(&v.display())).map(|t| vec![t.plus_days(*days)]).unwrap_or_default()
        }
        TriggerKind::TimeInStage { stage, days } => {
            let history = record.history(stage_property(&record.object));
            (0..history.len())
                .filter(|&i| text(history.get(i)) == *stage)
                .filter_map(|i| {
                    let fire = history[i].at.plus_days(*days);
                    history.get(i + 1).is_none_or(|left| left.at > fire).then_some(fire)
                })
                .collect()
        }
        TriggerKind::MeetsFilter { filter } => {
            // Stage history changes when the stage does: its moments are the stage's writes.
            let read = |name: &str| match def.property(name).is_none() && HistoryField::parse(name).is_some() {
                true => PropKey::find(stage_property(&record.object)),
                false => PropKey::find(name),
            };
            let keys: Vec<PropKey> = filter.groups.iter().flat_map(|g| &g.conditions).filter_map(|c| read(&c.property)).collect();
            let mut candidates: Vec<Millis> = keys.iter().flat_map(|k| record.props.history(*k).map(|e| e.at)).collect();
            candidates.push(record.created);
            if trigger.reads_now {
                // Membership known only now: a member now was not one just before.
                candidates.push(now);
            }
            candidates.retain(|t| *t >= record.created);
            candidates.sort();
            candidates.dedup();
            let before_now = named_segments(filter);
            let meets = |r: &Record, t: Millis, known: bool| {
                let members = if known { &trigger.members } else { &before_now };
                record_matches_with(def, filter, r, t, members).unwrap_or(false)
            };
            candidates
                .into_iter()
                .filter(|&t| {
                    meets(&as_of(record, &keys, t, true), t, t >= now || !trigger.reads_now)
                        && (t == record.created || !meets(&as_of(record, &keys, t, false), t, !trigger.reads_now))
                })
                .collect()
        }
    };
    times.retain(|t| *t <= now);
    times.sort();
    times
}

/// When the record should enter the workflow, if it should now: the first firing since the
/// workflow was switched on (any earlier one, counted as at switch-on, when existing records
/// are enrolled), or for a re-enrolling trigger, the first firing after the last run began
/// once that run has ended.
/// `triggers` are the workflow's, prepared by [`super::segments::prepare`].
pub fn enrollment_due(ws: &Workspace, def: &ObjectDef, workflow: &Workflow, triggers: &[PreparedTrigger], record: &Record, now: Millis) -> Option<Millis> {
    let on_since = workflow.on_since?;
    if record.object != workflow.object {
        return None;
    }
    let last = ws.automation().enrollments_of(&workflow.id, &record.id).last().map(|e| (e.enrolled_at, e.is_active()));
    if last.is_some_and(|(_, active)| active) {
        return None;
    }
    let start = if workflow.enroll_existing { Millis(i64::MIN) } else { on_since };
    triggers
        .iter()
        .filter(|t| last.is_none() || t.reenroll)
        .filter_map(|t| {
            fire_times(def, t, record, now)
                .into_iter()
                .filter(|at| *at >= start)
                .map(|at| at.max(on_since))
                .find(|at| last.is_none_or(|(previous, _)| *at > previous))
        })
        .min()
}
