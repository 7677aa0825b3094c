//! The unique-value index: which record holds each value of a unique property.
//!
//! Values compare case-insensitively (an email typed in capitals is the same email). The
//! index is nested by object and interned property key, so a lookup builds no key strings
//! beyond the folded value itself, and an edit that leaves every unique value alone does
//! not touch the index at all.

use std::collections::HashMap;

use crate::core::id::RecordId;
use crate::core::prop_key::PropKey;
use crate::core::record::Record;
use crate::core::schema::Schema;
use crate::core::value::Value;

/// The comparison key of a unique value: case-insensitive text.
pub(super) fn unique_key(value: &Value) -> Option<String> {
    let text = match value {
        Value::Text(t) => t.trim().to_lowercase(),
        other => other.display().trim().to_lowercase(),
    };
    (!text.is_empty()).then_some(text)
}

/// Object → property → value key → holder.
#[derive(Debug, Default)]
pub(super) struct UniqueIndex {
    objects: HashMap<String, HashMap<PropKey, HashMap<Box<str>, RecordId>>>,
}

/// The unique properties of the record's object with the record's current value.
pub(super) fn unique_values<'a>(schema: &'a Schema, record: &'a Record) -> impl Iterator<Item = (PropKey, &'a Value)> + 'a {
    let def = schema.object(&record.object);
    def.into_iter().flat_map(|def| def.properties.iter()).filter(|p| p.unique).filter_map(|p| {
        let key = PropKey::find(&p.name)?;
        Some((key, record.get_key(key)?))
    })
}

impl UniqueIndex {
    /// The record holding `value` in `object.property`.
    pub(super) fn holder(&self, object: &str, property: PropKey, value: &Value) -> Option<&RecordId> {
        let key = unique_key(value)?;
        self.objects.get(object)?.get(&property)?.get(key.as_str())
    }

    pub(super) fn insert(&mut self, schema: &Schema, record: &Record) {
        for (property, value) in unique_values(schema, record) {
            if let Some(key) = unique_key(value) {
                let values = self.objects.entry(record.object.to_string()).or_default().entry(property).or_default();
                values.insert(key.into_boxed_str(), record.id.clone());
            }
        }
    }

    pub(super) fn remove(&mut self, schema: &Schema, record: &Record) {
        for (property, value) in unique_values(schema, record) {
            let Some(key) = unique_key(value) else { continue };
            let Some(values) = self.objects.get_mut(&*record.object).and_then(|o| o.get_mut(&property)) else { continue };
            if values.get(key.as_str()) == Some(&record.id) {
                values.remove(key.as_str());
            }
        }
    }

    /// Moves the index from `old` to `new`; a no-op when the unique values did not change.
    pub(super) fn replace(&mut self, schema: &Schema, old: Option<&Record>, new: Option<&Record>) {
        if let (Some(old), Some(new)) = (old, new) {
            if old.id == new.id && old.object == new.object && unique_values(schema, old).eq(unique_values(schema, new)) {
                return;
            }
        }
        if let Some(old) = old {
            self.remove(schema, old);
        }
        if let Some(new) = new {
            self.insert(schema, new);
        }
    }

    /// The index of a set of records, its maps sized up front from the number of records per
    /// object (a load of 100,000 contacts would otherwise rehash each map many times).
    pub(super) fn build<'a>(schema: &Schema, records: impl Iterator<Item = &'a Record> + Clone) -> UniqueIndex {
        let mut per_object: HashMap<&str, usize> = HashMap::new();
        for record in records.clone() {
            *per_object.entry(&*record.object).or_default() += 1;
        }
        let mut index = UniqueIndex::default();
        // Each object's unique properties, found once rather than once per record.
        let mut unique: HashMap<&str, Vec<PropKey>> = HashMap::new();
        for (object, count) in per_object {
            let Some(def) = schema.object(object) else { continue };
            let keys: Vec<PropKey> = def.properties.iter().filter(|p| p.unique).filter_map(|p| PropKey::find(&p.name)).collect();
            if !keys.is_empty() {
                index.objects.insert(object.to_string(), keys.iter().map(|key| (*key, HashMap::with_capacity(count))).collect());
                unique.insert(object, keys);
            }
        }
        for record in records {
            let (Some(keys), Some(maps)) = (unique.get(&*record.object), index.objects.get_mut(&*record.object)) else { continue };
            for key in keys {
                let Some(value) = record.get_key(*key).and_then(unique_key) else { continue };
                if let Some(values) = maps.get_mut(key) {
                    // Two holders of one value (only data merged from elsewhere can have
                    // them): the later id wins, as when a snapshot is loaded one by one.
                    let holder = values.entry(value.into_boxed_str()).or_insert_with(|| record.id.clone());
                    if record.id > *holder {
                        *holder = record.id.clone();
                    }
                }
            }
        }
        index
    }
}
