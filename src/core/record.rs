//! Records: property values with their full history.
//!
//! Invariant: the current value of a property is the last entry of its history. History is
//! only ever appended to (merges interleave two histories by time, still ending with the
//! value that wins). Values live in the compact [`Props`] store; a contact with a dozen
//! properties takes about 640 bytes for its values and their history (measured in benches/core.rs).

mod props;

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

pub use props::Props;

use super::id::RecordId;
use super::prop_key::{shared_name, Name, PropKey};
use super::schema::RECORD_ID;
use super::time::Millis;
use super::value::Value;

/// Who or what wrote a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    User,
    Import,
    Workflow,
    Merge,
    Sync,
}

/// One write of one property. `value: None` records that the value was cleared.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    #[serde(rename = "v", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
    #[serde(rename = "t")]
    pub at: Millis,
    #[serde(rename = "s")]
    pub source: Source,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub id: RecordId,
    /// The object's internal name, e.g. `contacts` (one shared copy, see [`Name`]).
    pub object: Name,
    /// Short human-readable number, unique within the object on this device.
    pub number: u64,
    pub created: Millis,
    pub updated: Millis,
    /// Property name → history, oldest first.
    pub props: Props,
}

impl Record {
    pub fn new(id: RecordId, object: &str, number: u64, now: Millis) -> Self {
        Record { id, object: shared_name(object), number, created: now, updated: now, props: Props::default() }
    }

    /// The current value of a property, if it is set.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.get_key(PropKey::find(name)?)
    }

    /// The current value by interned key: what loops over many records use.
    pub fn get_key(&self, key: PropKey) -> Option<&Value> {
        self.props.current(key)
    }

    /// The value as queries see it: the stored value, else the system properties the core
    /// keeps on the record itself (create and last-modified dates, record id), so that
    /// filters and sorts on them work like on any other property.
    pub fn value(&self, key: PropKey) -> Option<Cow<'_, Value>> {
        if let Some(value) = self.get_key(key) {
            return Some(Cow::Borrowed(value));
        }
        let system = match key.name() {
            "createdate" => self.created.to_iso(),
            "lastmodifieddate" => self.updated.to_iso(),
            RECORD_ID => self.id.to_string(),
            _ => return None,
        };
        Some(Cow::Owned(Value::Text(system)))
    }

    /// The current value as display text, empty when unset.
    pub fn text(&self, name: &str) -> String {
        self.get(name).map(Value::display).unwrap_or_default()
    }

    /// Appends a write to the property's history. A write of the current value is a no-op,
    /// so history only records real changes. Returns whether anything changed.
    pub fn set(&mut self, name: &str, value: Option<Value>, at: Millis, source: Source) -> bool {
        let key = PropKey::of(name);
        if self.get_key(key) == value.as_ref() {
            return false;
        }
        self.props.push(key, value, at, source);
        self.updated = self.updated.max(at);
        true
    }

    /// A property's history, oldest first.
    pub fn history(&self, name: &str) -> Vec<HistoryEntry> {
        PropKey::find(name).map(|k| self.props.history(k).collect()).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record() -> Record {
        Record::new(RecordId::from("R"), "contacts", 1, Millis(10))
    }

    #[test]
    fn current_value_is_the_latest_history_entry() {
        let mut r = record();
        assert!(r.set("city", Some(Value::Text("Paris".into())), Millis(20), Source::User));
        assert!(r.set("city", Some(Value::Text("Milan".into())), Millis(30), Source::Import));
        assert_eq!(r.text("city"), "Milan");
        assert_eq!(r.history("city").len(), 2);
        assert_eq!(r.history("city")[0].source, Source::User);
        assert_eq!(r.updated, Millis(30));
    }

    #[test]
    fn writing_the_same_value_keeps_history_unchanged() {
        let mut r = record();
        r.set("city", Some(Value::Text("Paris".into())), Millis(20), Source::User);
        assert!(!r.set("city", Some(Value::Text("Paris".into())), Millis(25), Source::User));
        assert_eq!(r.history("city").len(), 1);
    }

    #[test]
    fn clearing_is_recorded_and_reads_as_unset() {
        let mut r = record();
        r.set("city", Some(Value::Text("Paris".into())), Millis(20), Source::User);
        assert!(r.set("city", None, Millis(30), Source::User));
        assert_eq!(r.get("city"), None);
        assert_eq!(r.history("city").len(), 2);
    }

    #[test]
    fn props_are_stored_as_a_map_of_histories_by_property_name() {
        let mut r = record();
        r.set("zip", Some(Value::Text("75001".into())), Millis(20), Source::User);
        r.set("city", Some(Value::Text("Paris".into())), Millis(21), Source::Import);
        r.set("city", None, Millis(22), Source::User);
        let json = serde_json::to_value(&r).expect("serializes");
        let expected = serde_json::json!({
            "city": [{"v": "Paris", "t": 21, "s": "import"}, {"t": 22, "s": "user"}],
            "zip": [{"v": "75001", "t": 20, "s": "user"}],
        });
        assert_eq!(json["props"], expected);
        let back: Record = serde_json::from_value(json).expect("parses");
        assert_eq!(back, r);
        assert_eq!(back.history("city").len(), 2);
    }
}
