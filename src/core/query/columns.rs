//! Column indexes: one object's property values laid out by record slot.
//!
//! Scanning 100,000 records for a filter means visiting 100,000 scattered heap objects. A
//! column instead keeps, for each record of an object, a 4-byte code of its current value
//! in one property; the distinct values live once in the column's dictionary. A condition
//! is then evaluated once per distinct value (a truth table), and filtering becomes a pass
//! over a dense array of codes. Sorting works the same way: the distinct values are ranked
//! once, and records are ordered by their value's rank.
//!
//! Columns are created the first time a query filters or sorts by a property and are kept
//! current by [`ColumnIndex::replace`], which the workspace calls on every record write, so
//! memory is only spent on the properties people actually filter and sort by.
//!
//! A rollup (a company's number of contacts) is not stored on the record: its *derived*
//! column is computed from the associations when a query first needs it, and dropped when a
//! link between the two objects changes or an aggregated value of a linked record changes
//! ([`ColumnIndex::links_changed`], [`ColumnIndex::replace`]), to be computed again on the
//! next query that needs it.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use crate::core::id::{IdMap, RecordId};
use crate::core::prop_key::PropKey;
use crate::core::record::Record;
use crate::core::time::Millis;
use crate::core::value::Value;

/// The code of "no value" in every column.
pub const UNSET: u32 = 0;

/// A value as a dictionary key: numbers compare by their bits, so every value is equal to
/// itself (NaN included) and hashes consistently.
#[derive(Clone, Debug)]
struct Key(Value);

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        match (&self.0, &other.0) {
            (Value::Number(a), Value::Number(b)) => a.to_bits() == b.to_bits(),
            (a, b) => a == b,
        }
    }
}

impl Eq for Key {}

impl Hash for Key {
    fn hash<H: Hasher>(&self, h: &mut H) {
        match &self.0 {
            Value::Bool(b) => (0u8, b).hash(h),
            Value::Int(i) => (1u8, i).hash(h),
            Value::Number(n) => (2u8, n.to_bits()).hash(h),
            Value::Text(t) => (3u8, t).hash(h),
            Value::List(items) => (4u8, items).hash(h),
        }
    }
}

/// The distinct values of one property, each with a code and a use count. Codes of values
/// no record uses any more are recycled.
#[derive(Debug, Default)]
struct Dictionary {
    /// Code → value; index 0 is [`UNSET`], and a freed code holds `None`.
    values: Vec<Option<Value>>,
    uses: Vec<u32>,
    codes: HashMap<Key, u32>,
    free: Vec<u32>,
}

impl Dictionary {
    fn new() -> Dictionary {
        Dictionary { values: vec![None], uses: vec![0], codes: HashMap::new(), free: Vec::new() }
    }

    fn acquire(&mut self, value: Option<&Value>) -> u32 {
        let Some(value) = value else { return UNSET };
        let key = Key(value.clone());
        let code = match self.codes.get(&key) {
            Some(&code) => code,
            None => {
                let code = match self.free.pop() {
                    Some(code) => code,
                    None => {
                        self.values.push(None);
                        self.uses.push(0);
                        (self.values.len() - 1) as u32
                    }
                };
                self.values[code as usize] = Some(key.0.clone());
                self.codes.insert(key, code);
                code
            }
        };
        self.uses[code as usize] += 1;
        code
    }

    fn release(&mut self, code: u32) {
        if code == UNSET {
            return;
        }
        let uses = &mut self.uses[code as usize];
        *uses = uses.saturating_sub(1);
        if *uses == 0 {
            if let Some(value) = self.values[code as usize].take() {
                self.codes.remove(&Key(value));
            }
            self.free.push(code);
        }
    }
}

/// One property of one object: a code per record slot.
#[derive(Debug)]
pub struct Column {
    codes: Vec<u32>,
    dictionary: Dictionary,
}

impl Column {
    /// The code of the value in a slot.
    pub fn code(&self, slot: u32) -> u32 {
        self.codes.get(slot as usize).copied().unwrap_or(UNSET)
    }

    /// Every code with its value (`None` for [`UNSET`] and for recycled codes), so a
    /// condition or a sort key can be computed once per distinct value.
    pub fn values(&self) -> impl Iterator<Item = (u32, Option<&Value>)> + '_ {
        self.dictionary.values.iter().enumerate().map(|(code, v)| (code as u32, v.as_ref()))
    }

    /// Number of codes, i.e. the length a per-code table needs.
    pub fn code_count(&self) -> usize {
        self.dictionary.values.len()
    }

    /// How many records hold the value with this code (unset slots are not counted).
    pub fn uses(&self, code: u32) -> u32 {
        self.dictionary.uses.get(code as usize).copied().unwrap_or(0)
    }

    fn set(&mut self, slot: u32, value: Option<&Value>) {
        let slot = slot as usize;
        if self.codes.len() <= slot {
            self.codes.resize(slot + 1, UNSET);
        }
        let code = self.dictionary.acquire(value);
        let old = std::mem::replace(&mut self.codes[slot], code);
        self.dictionary.release(old);
    }
}

/// The records of one object by dense slot (reused after removal), and its columns.
#[derive(Debug, Default)]
pub struct ObjectColumns {
    ids: Vec<Option<RecordId>>,
    created: Vec<Millis>,
    slots: IdMap<u32>,
    free: Vec<u32>,
    columns: HashMap<PropKey, Column>,
    derived: HashMap<PropKey, Derived>,
}

/// A column of rollup values and what they were computed from.
#[derive(Debug)]
struct Derived {
    column: Column,
    /// The linked object the rollup aggregates, e.g. `contacts`.
    source: String,
    /// The linked records' property it reads; `None` for a count.
    reads: Option<PropKey>,
}

impl ObjectColumns {
    /// Slots that hold a record.
    pub fn live_slots(&self) -> impl Iterator<Item = u32> + '_ {
        self.ids.iter().enumerate().filter(|(_, id)| id.is_some()).map(|(slot, _)| slot as u32)
    }

    pub fn id(&self, slot: u32) -> Option<&RecordId> {
        self.ids.get(slot as usize).and_then(Option::as_ref)
    }

    pub fn created(&self, slot: u32) -> Millis {
        self.created.get(slot as usize).copied().unwrap_or(Millis(0))
    }

    pub fn len(&self) -> usize {
        self.slots.len()
    }

    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    pub fn column(&self, key: PropKey) -> Option<&Column> {
        self.columns.get(&key).or_else(|| self.derived.get(&key).map(|d| &d.column))
    }

    /// Whether a derived column for `key` is present (and therefore current).
    pub fn has_derived(&self, key: PropKey) -> bool {
        self.derived.contains_key(&key)
    }

    /// Stores a derived column computed by `value_of` for every record slot.
    pub fn add_derived(&mut self, key: PropKey, source: &str, reads: Option<PropKey>, value_of: impl Fn(&RecordId) -> Option<Value>) {
        let mut column = Column { codes: vec![UNSET; self.ids.len()], dictionary: Dictionary::new() };
        for (slot, id) in self.ids.iter().enumerate() {
            if let Some(id) = id {
                column.set(slot as u32, value_of(id).as_ref());
            }
        }
        self.derived.insert(key, Derived { column, source: source.to_string(), reads });
    }

    fn slot_for(&mut self, record: &Record) -> u32 {
        if let Some(&slot) = self.slots.get(&record.id) {
            return slot;
        }
        let slot = match self.free.pop() {
            Some(slot) => slot,
            None => {
                self.ids.push(None);
                self.created.push(Millis(0));
                (self.ids.len() - 1) as u32
            }
        };
        self.ids[slot as usize] = Some(record.id.clone());
        self.slots.insert(record.id.clone(), slot);
        // A new record's rollups were never computed.
        self.derived.clear();
        slot
    }

    fn insert(&mut self, record: &Record) {
        let slot = self.slot_for(record);
        self.created[slot as usize] = record.created;
        for (key, column) in &mut self.columns {
            column.set(slot, record.value(*key).as_deref());
        }
    }

    fn remove(&mut self, id: &RecordId) {
        let Some(slot) = self.slots.remove(id) else { return };
        for column in self.columns.values_mut().chain(self.derived.values_mut().map(|d| &mut d.column)) {
            column.set(slot, None);
        }
        self.ids[slot as usize] = None;
        self.free.push(slot);
    }

    /// Rewrites only the columns whose value changed: an edit costs one code swap.
    fn update(&mut self, old: &Record, new: &Record) {
        let Some(&slot) = self.slots.get(&new.id) else { return self.insert(new) };
        self.created[slot as usize] = new.created;
        for (key, column) in &mut self.columns {
            let value = new.value(*key);
            if old.value(*key) != value {
                column.set(slot, value.as_deref());
            }
        }
    }

    fn add_column<'a>(&mut self, key: PropKey, records: impl Iterator<Item = &'a Record>) {
        let mut column = Column { codes: vec![UNSET; self.ids.len()], dictionary: Dictionary::new() };
        for record in records {
            if let Some(&slot) = self.slots.get(&record.id) {
                column.set(slot, record.value(key).as_deref());
            }
        }
        self.columns.insert(key, column);
    }
}

/// Column indexes of every object that has been queried.
#[derive(Debug, Default)]
pub struct ColumnIndex {
    objects: HashMap<String, ObjectColumns>,
}

impl ColumnIndex {
    pub fn object(&self, object: &str) -> Option<&ObjectColumns> {
        self.objects.get(object)
    }

    pub fn object_mut(&mut self, object: &str) -> Option<&mut ObjectColumns> {
        self.objects.get_mut(object)
    }

    /// Makes sure `object` has a slot for each of its records and a column for each key.
    /// `records` must yield every record of the object; it is only read when something
    /// is missing.
    pub fn prepare<'a, I>(&mut self, object: &str, keys: &[PropKey], records: impl Fn() -> I)
    where
        I: Iterator<Item = &'a Record>,
    {
        if !self.objects.contains_key(object) {
            let mut columns = ObjectColumns::default();
            records().for_each(|r| columns.insert(r));
            self.objects.insert(object.to_string(), columns);
        }
        let Some(columns) = self.objects.get_mut(object) else { return };
        for &key in keys {
            if !columns.columns.contains_key(&key) {
                columns.add_column(key, records());
            }
        }
    }

    /// Moves the index from `old` to `new` (either may be absent). Objects never queried
    /// cost nothing.
    pub fn replace(&mut self, old: Option<&Record>, new: Option<&Record>) {
        if let (Some(old), Some(new)) = (old, new) {
            self.forget_rollups_reading(old, new);
        }
        match (old, new) {
            (Some(old), Some(new)) if old.id == new.id && old.object == new.object => {
                if let Some(columns) = self.objects.get_mut(&*new.object) {
                    columns.update(old, new);
                }
            }
            _ => {
                if let Some(columns) = old.and_then(|old| self.objects.get_mut(&*old.object).map(|c| (c, &old.id))) {
                    columns.0.remove(columns.1);
                }
                if let Some(new) = new {
                    if let Some(columns) = self.objects.get_mut(&*new.object) {
                        columns.insert(new);
                    }
                }
            }
        }
    }

    /// Drops the rollups of `object` over `other` and of `other` over `object`: a link
    /// between records of the two objects was added, removed or relabeled.
    pub fn links_changed(&mut self, object: &str, other: &str) {
        for (this, that) in [(object, other), (other, object)] {
            if let Some(columns) = self.objects.get_mut(this) {
                columns.derived.retain(|_, d| d.source != that);
            }
        }
    }

    /// Drops the rollups that aggregate a property whose value changed from `old` to `new`.
    fn forget_rollups_reading(&mut self, old: &Record, new: &Record) {
        for columns in self.objects.values_mut() {
            if !columns.derived.is_empty() {
                columns.derived.retain(|_, d| d.source != new.object || d.reads.is_none_or(|key| old.get_key(key) == new.get_key(key)));
            }
        }
    }

    /// Forgets every column, e.g. after the schema changed how values are stored.
    pub fn clear(&mut self) {
        self.objects.clear();
    }
}
