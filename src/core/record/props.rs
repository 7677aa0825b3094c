//! The compact store of a record's property values and their history.
//!
//! A record keeps one flat list of writes, grouped by property and oldest first within a
//! property, instead of a map of vectors: with a dozen properties that saves a tree node and
//! one allocation per property, which is most of a record's memory. The list grows by
//! exactly one slot per write, so no capacity is wasted on records that rarely change.
//!
//! On disk the format is unchanged: a map from property name to its history.

use serde::de::Deserializer;
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::{HistoryEntry, Source};
use crate::core::prop_key::PropKey;
use crate::core::time::Millis;
use crate::core::value::Value;

/// One write of one property (40 bytes: the key and source fit in the padding).
#[derive(Clone, Debug, PartialEq)]
struct Write {
    value: Option<Value>,
    at: Millis,
    key: PropKey,
    source: Source,
}

/// Every property's history. Invariant: writes are sorted by key, and within a key by the
/// order they were made, so a property's current value is the last write of its run.
/// A boxed slice (never spare room, 8 bytes smaller than a `Vec`): every write reallocates
/// anyway, since the list grows by exactly one slot.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Props {
    writes: Box<[Write]>,
}

impl Props {
    fn run(&self, key: PropKey) -> &[Write] {
        let start = self.writes.partition_point(|w| w.key < key);
        let end = start + self.writes[start..].partition_point(|w| w.key == key);
        &self.writes[start..end]
    }

    /// The current value of a property, `None` if never set or cleared.
    pub fn current(&self, key: PropKey) -> Option<&Value> {
        self.run(key).last().and_then(|w| w.value.as_ref())
    }

    /// When a property was last written: for a stage, when the record entered it.
    pub fn last_written(&self, key: PropKey) -> Option<Millis> {
        self.run(key).last().map(|w| w.at)
    }

    /// A property's writes, oldest first.
    pub fn history(&self, key: PropKey) -> impl Iterator<Item = HistoryEntry> + '_ {
        self.run(key).iter().map(|w| HistoryEntry { value: w.value.clone(), at: w.at, source: w.source })
    }

    /// Appends a write to the end of the property's history.
    pub fn push(&mut self, key: PropKey, mut value: Option<Value>, at: Millis, source: Source) {
        // Values kept for life should not keep the spare room of the buffer they were built in.
        if let Some(Value::Text(text)) = &mut value {
            text.shrink_to_fit();
        }
        let end = self.writes.partition_point(|w| w.key <= key);
        self.edit(|writes| {
            writes.reserve_exact(1);
            writes.insert(end, Write { value, at, key, source });
        });
    }

    /// Changes the writes as a `Vec`, then drops any spare room.
    fn edit(&mut self, change: impl FnOnce(&mut Vec<Write>)) {
        let mut writes = std::mem::take(&mut self.writes).into_vec();
        change(&mut writes);
        self.writes = writes.into_boxed_slice();
    }

    /// Replaces a property's whole history, oldest first: what a merge does when it
    /// interleaves two records' histories. An empty history removes the property.
    pub fn replace(&mut self, key: PropKey, history: impl IntoIterator<Item = HistoryEntry>) {
        let start = self.writes.partition_point(|w| w.key < key);
        let end = start + self.writes[start..].partition_point(|w| w.key == key);
        let run: Vec<Write> = history.into_iter().map(|e| Write { value: e.value, at: e.at, key, source: e.source }).collect();
        self.edit(|writes| {
            writes.splice(start..end, run);
        });
    }

    /// The names of the properties that have any history, in no particular order.
    pub fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.keys().map(PropKey::name)
    }

    /// The keys of the properties that have any history, each once.
    pub fn keys(&self) -> impl Iterator<Item = PropKey> + '_ {
        self.writes.iter().enumerate().filter(|(i, w)| *i == 0 || self.writes[i - 1].key != w.key).map(|(_, w)| w.key)
    }

    /// Every property with its current value (including cleared ones, as `None`).
    pub fn current_values(&self) -> impl Iterator<Item = (PropKey, Option<&Value>)> + '_ {
        self.writes
            .iter()
            .enumerate()
            .filter(|(i, w)| self.writes.get(i + 1).is_none_or(|next| next.key != w.key))
            .map(|(_, w)| (w.key, w.value.as_ref()))
    }

    /// Every write as (property, value, time, source), grouped by property, oldest first
    /// within a property: what a compact encoding walks.
    pub fn writes(&self) -> impl Iterator<Item = (PropKey, Option<&Value>, Millis, Source)> + '_ {
        self.writes.iter().map(|w| (w.key, w.value.as_ref(), w.at, w.source))
    }

    /// Builds the store from writes listed property by property, oldest first within a
    /// property (the order [`Props::writes`] gives); properties may come in any order.
    pub fn from_writes(writes: impl IntoIterator<Item = (PropKey, Option<Value>, Millis, Source)>) -> Props {
        let mut writes: Vec<Write> = writes.into_iter().map(|(key, value, at, source)| Write { value, at, key, source }).collect();
        // Stable: a property's writes keep their order.
        writes.sort_by_key(|w| w.key);
        Props { writes: writes.into_boxed_slice() }
    }

    /// Number of properties with history.
    pub fn len(&self) -> usize {
        self.keys().count()
    }

    pub fn is_empty(&self) -> bool {
        self.writes.is_empty()
    }
}

/// The on-disk shape of one write; field names match [`HistoryEntry`].
#[derive(Serialize)]
struct WriteRef<'a> {
    #[serde(rename = "v", skip_serializing_if = "Option::is_none")]
    value: &'a Option<Value>,
    #[serde(rename = "t")]
    at: Millis,
    #[serde(rename = "s")]
    source: Source,
}

struct Run<'a>(&'a [Write]);

impl Serialize for Run<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|w| WriteRef { value: &w.value, at: w.at, source: w.source }))
    }
}

impl Serialize for Props {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // Sorted by name so the stored text does not depend on interning order.
        let mut runs: Vec<(&str, Run)> = self.keys().map(|k| (k.name(), Run(self.run(k)))).collect();
        runs.sort_by(|a, b| a.0.cmp(b.0));
        let mut map = s.serialize_map(Some(runs.len()))?;
        for (name, run) in &runs {
            map.serialize_entry(name, run)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Props {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let map = BTreeMap::<String, Vec<HistoryEntry>>::deserialize(d)?;
        let mut writes: Vec<Write> = Vec::with_capacity(map.values().map(Vec::len).sum());
        for (name, entries) in map {
            let key = PropKey::of(&name);
            for mut e in entries {
                if let Some(Value::Text(text)) = &mut e.value {
                    text.shrink_to_fit();
                }
                writes.push(Write { value: e.value, at: e.at, key, source: e.source });
            }
        }
        // Stable: each property's writes keep their order.
        writes.sort_by_key(|w| w.key);
        Ok(Props { writes: writes.into_boxed_slice() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_fits_in_40_bytes() {
        assert_eq!(std::mem::size_of::<Write>(), 40);
    }

    #[test]
    fn histories_stay_grouped_whatever_the_write_order() {
        let (a, b) = (PropKey::of("props_test_a"), PropKey::of("props_test_b"));
        let mut props = Props::default();
        for (i, key) in [a, b, a, b, a].into_iter().enumerate() {
            props.push(key, Some(Value::Int(i as i64)), Millis(i as i64), Source::User);
        }
        assert_eq!(props.current(a), Some(&Value::Int(4)));
        assert_eq!(props.current(b), Some(&Value::Int(3)));
        let times: Vec<i64> = props.history(a).map(|e| e.at.0).collect();
        assert_eq!(times, [0, 2, 4]);
        assert_eq!(props.len(), 2);
        let current: Vec<_> = props.current_values().map(|(k, v)| (k, v.cloned())).collect();
        assert!(current.contains(&(b, Some(Value::Int(3)))));
        assert_eq!(current.len(), 2);
    }

    #[test]
    fn replacing_a_history_leaves_the_other_properties_alone() {
        let (a, b, c) = (PropKey::of("props_test_a"), PropKey::of("props_test_b"), PropKey::of("props_test_c"));
        let mut props = Props::default();
        for (i, key) in [a, b, c, b].into_iter().enumerate() {
            props.push(key, Some(Value::Int(i as i64)), Millis(i as i64), Source::User);
        }
        let merged = [0, 5, 9].map(|t| HistoryEntry { value: Some(Value::Int(t)), at: Millis(t), source: Source::Merge });
        props.replace(b, merged.clone());
        assert_eq!(props.history(b).collect::<Vec<_>>(), merged);
        assert_eq!((props.current(a), props.current(c)), (Some(&Value::Int(0)), Some(&Value::Int(2))));
        props.replace(b, []);
        assert_eq!(props.history(b).count(), 0);
        assert_eq!(props.len(), 2);
    }
}
