//! The live records, keyed by their own id.
//!
//! A `HashMap<RecordId, Record>` would store every id twice (as the key and inside the
//! record), about 60 bytes per record; here the set's element is the record and its id is
//! borrowed as the key.

use std::borrow::Borrow;
use std::collections::HashSet;
use std::hash::{Hash, Hasher};

use crate::core::id::{IdHash, RecordId};
use crate::core::record::Record;

/// A record that hashes and compares by its id only.
#[derive(Debug)]
struct ById(Record);

impl PartialEq for ById {
    fn eq(&self, other: &ById) -> bool {
        self.0.id == other.0.id
    }
}

impl Eq for ById {}

impl Hash for ById {
    fn hash<H: Hasher>(&self, h: &mut H) {
        self.0.id.hash(h);
    }
}

impl Borrow<RecordId> for ById {
    fn borrow(&self) -> &RecordId {
        &self.0.id
    }
}

#[derive(Debug, Default)]
pub(super) struct RecordMap(HashSet<ById, IdHash>);

impl RecordMap {
    pub(super) fn get(&self, id: &RecordId) -> Option<&Record> {
        self.0.get(id).map(|r| &r.0)
    }

    pub(super) fn contains_key(&self, id: &RecordId) -> bool {
        self.0.contains(id)
    }

    /// Stores a record under its own id, replacing any record with that id.
    pub(super) fn insert(&mut self, record: Record) {
        self.0.replace(ById(record));
    }

    pub(super) fn reserve(&mut self, additional: usize) {
        self.0.reserve(additional);
    }

    pub(super) fn remove(&mut self, id: &RecordId) -> Option<Record> {
        self.0.take(id).map(|r| r.0)
    }

    pub(super) fn values(&self) -> impl Iterator<Item = &Record> + Clone {
        self.0.iter().map(|r| &r.0)
    }

    pub(super) fn len(&self) -> usize {
        self.0.len()
    }

    pub(super) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::time::Millis;

    fn record(id: &str, number: u64) -> Record {
        Record::new(RecordId::from(id), "contacts", number, Millis(0))
    }

    #[test]
    fn a_record_is_found_replaced_and_removed_by_its_id() {
        let mut map = RecordMap::default();
        map.insert(record("A", 1));
        map.insert(record("B", 2));
        map.insert(record("A", 3));
        assert_eq!((map.len(), map.get(&RecordId::from("A")).map(|r| r.number)), (2, Some(3)));
        assert_eq!(map.remove(&RecordId::from("B")).map(|r| r.number), Some(2));
        assert!(!map.contains_key(&RecordId::from("B")));
        assert_eq!(map.values().count(), 1);
    }
}
