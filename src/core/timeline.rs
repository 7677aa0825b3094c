//! The timeline of a record: the activities logged on it, newest first.
//!
//! Activities are records of objects of kind [`ObjectKind::Activity`] (notes, calls, emails,
//! meetings, tasks) associated with the record. A company's timeline also shows the
//! activities of its contacts and deals, since that is where most of its history is logged.
//! An activity linked several ways (to the company and to one of its contacts) appears once.

use std::collections::HashMap;

use super::id::RecordId;
use super::record::Record;
use super::schema::ObjectKind;
use super::time::Millis;
use super::value::Value;
use super::workspace::Workspace;

/// The property holding when an activity happened (defined with the activity objects).
pub use super::schema::ACTIVITY_TIMESTAMP;

/// Objects whose activities roll up into a company's timeline.
const COMPANY_ROLLUP: [&str; 2] = ["contacts", "deals"];

/// One activity on a timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineEntry {
    pub id: RecordId,
    /// The activity's object, e.g. `calls`.
    pub object: String,
    /// When it happened: its timestamp property, or when it was created.
    pub at: Millis,
}

/// The activities of a record, newest first (ties by id, newest first). `types` keeps only
/// those activity objects; empty keeps every one.
pub fn timeline(ws: &Workspace, id: &RecordId, types: &[&str]) -> Vec<TimelineEntry> {
    let Some(record) = ws.record(id) else { return Vec::new() };
    let activity_objects: Vec<&str> = ws
        .schema()
        .objects
        .iter()
        .filter(|o| o.kind == ObjectKind::Activity && (types.is_empty() || types.contains(&o.name.as_str())))
        .map(|o| o.name.as_str())
        .collect();
    let mut sources = vec![id];
    if record.object == "companies" {
        for object in COMPANY_ROLLUP {
            sources.extend(ws.associations().ids(id, object));
        }
    }
    let mut found: HashMap<&RecordId, TimelineEntry> = HashMap::new();
    for source in sources {
        for object in &activity_objects {
            for activity in ws.associations().ids(source, object) {
                if let (false, Some(r)) = (found.contains_key(activity), ws.record(activity)) {
                    found.insert(activity, TimelineEntry { id: activity.clone(), object: r.object.to_string(), at: happened_at(r) });
                }
            }
        }
    }
    let mut entries: Vec<TimelineEntry> = found.into_values().collect();
    entries.sort_by(|a, b| b.at.cmp(&a.at).then_with(|| b.id.cmp(&a.id)));
    entries
}

/// An activity's timestamp, falling back to its creation time when unset or unreadable.
fn happened_at(activity: &Record) -> Millis {
    let stamp = match activity.get(ACTIVITY_TIMESTAMP) {
        Some(Value::Text(text)) => chrono::DateTime::parse_from_rfc3339(text).ok().map(|t| Millis(t.timestamp_millis())),
        Some(Value::Int(ms)) => Some(Millis(*ms)),
        _ => None,
    };
    stamp.unwrap_or(activity.created)
}

#[cfg(test)]
mod tests;
