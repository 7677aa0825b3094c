//! Stage history: when a record entered and left each stage, and how long it stayed.
//!
//! Pure functions of the history of the record's stage property, whose entries carry the
//! instant of each write; nothing is stored besides it. Instants are UTC milliseconds, so
//! the figures do not depend on the time zone of whoever reads them. The time spent in the
//! current stage runs up to the `now` the caller passes.

use super::properties_of;
use crate::core::record::Record;
use crate::core::time::Millis;
use crate::core::value::Value;

/// One stay of a record in a stage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StageVisit {
    pub stage: String,
    pub entered: Millis,
    /// `None` while the record is still in the stage.
    pub exited: Option<Millis>,
}

/// A record's figures for one stage it has been in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StageTime {
    pub stage: String,
    /// When it last entered the stage.
    pub entered: Millis,
    /// When it last left the stage; `None` if it never has.
    pub exited: Option<Millis>,
    /// The length of the last stay, in milliseconds.
    pub latest: i64,
    /// All stays together, in milliseconds.
    pub cumulative: i64,
}

/// The stays of a record in its stages, oldest first.
pub fn stage_history(record: &Record) -> Vec<StageVisit> {
    let (_, stage_prop) = properties_of(&record.object);
    let mut visits: Vec<StageVisit> = Vec::new();
    for entry in record.history(stage_prop) {
        if let Some(open) = visits.last_mut().filter(|v| v.exited.is_none()) {
            open.exited = Some(entry.at);
        }
        if let Some(Value::Text(stage)) = entry.value.filter(|v| !matches!(v, Value::Text(t) if t.is_empty())) {
            visits.push(StageVisit { stage, entered: entry.at, exited: None });
        }
    }
    visits
}

/// Per stage, in the order first entered: last entry and exit, latest and cumulative time.
pub fn stage_times(record: &Record, now: Millis) -> Vec<StageTime> {
    let mut out: Vec<StageTime> = Vec::new();
    for visit in stage_history(record) {
        let length = (visit.exited.unwrap_or(now).0 - visit.entered.0).max(0);
        match out.iter_mut().find(|t| t.stage == visit.stage) {
            Some(time) => {
                time.entered = visit.entered;
                time.exited = visit.exited.or(time.exited);
                time.latest = length;
                time.cumulative += length;
            }
            None => out.push(StageTime { stage: visit.stage, entered: visit.entered, exited: visit.exited, latest: length, cumulative: length }),
        }
    }
    out
}

/// When the record entered the stage it is in now.
pub fn entered_current_stage(record: &Record) -> Option<Millis> {
    stage_history(record).last().filter(|v| v.exited.is_none()).map(|v| v.entered)
}
