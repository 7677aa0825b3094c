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

/// The read-only calculated properties of stage history under HubSpot's names, as exports
/// and filters read them: `hs_date_entered_<stage>`, `hs_date_exited_<stage>` (ISO 8601),
/// `hs_time_in_<stage>` and `hs_v2_cumulative_time_in_<stage>` (milliseconds), and
/// `hs_v2_date_entered_current_stage`.
pub fn stage_history_values(record: &Record, now: Millis) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    for time in stage_times(record, now) {
        out.push((format!("hs_date_entered_{}", time.stage), Value::Text(time.entered.to_iso())));
        if let Some(exited) = time.exited {
            out.push((format!("hs_date_exited_{}", time.stage), Value::Text(exited.to_iso())));
        }
        out.push((format!("hs_time_in_{}", time.stage), Value::Int(time.latest)));
        out.push((format!("hs_v2_cumulative_time_in_{}", time.stage), Value::Int(time.cumulative)));
    }
    if let Some(entered) = entered_current_stage(record) {
        out.push(("hs_v2_date_entered_current_stage".to_string(), Value::Text(entered.to_iso())));
    }
    out
}
