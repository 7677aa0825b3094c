//! The token index behind search: sorted tokens → the records that contain them.
//!
//! Records are numbered with dense slots (reused after removal) so that postings are 4-byte
//! integers and a set of records is a bitset. Postings stay sorted, which keeps results in
//! a stable order and makes removal a binary search.

use std::collections::{BTreeMap, HashMap};
use std::ops::Bound;

use crate::core::fold::words;
use crate::core::id::{IdHash, IdMap, RecordId};
use crate::core::prop_key::PropKey;
use crate::core::record::Record;
use crate::core::schema::{PropertyType, Schema};
use crate::core::validate::phone_digits;
use crate::core::value::Value;

/// How many characters on a Chinese token is also indexed from (covers names and most
/// company names without letting long texts blow up the index).
const MAX_CJK_SUFFIXES: usize = 8;

#[derive(Debug, Default)]
struct ObjectIndex {
    tokens: BTreeMap<Box<str>, Vec<u32>>,
    ids: Vec<Option<RecordId>>,
    slots: IdMap<u32>,
    free: Vec<u32>,
}

/// Search tokens of every object, maintained by the workspace.
#[derive(Debug, Default)]
pub struct SearchIndex {
    objects: HashMap<String, ObjectIndex>,
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

/// An object's searchable properties, looked up once rather than once per record: each
/// one's interned key and whether it holds a phone number.
struct Searchable(Vec<(PropKey, bool)>);

impl Searchable {
    fn of(schema: &Schema, object: &str) -> Searchable {
        let Some(def) = schema.object(object) else { return Searchable(Vec::new()) };
        // A name never interned is a property no record holds.
        let key = |name: &String| Some((PropKey::find(name)?, def.property(name).is_some_and(|p| matches!(p.kind, PropertyType::Phone))));
        Searchable(def.searchable.iter().filter_map(key).collect())
    }
}

/// The distinct tokens of a record's searchable values.
fn record_tokens(schema: &Schema, record: &Record) -> Vec<String> {
    tokens_of(&Searchable::of(schema, &record.object), record)
}

fn tokens_of(searchable: &Searchable, record: &Record) -> Vec<String> {
    let mut tokens = Vec::new();
    for &(key, is_phone) in &searchable.0 {
        let Some(value) = record.get_key(key) else { continue };
        match value {
            Value::Text(text) if is_phone => tokens.push(phone_digits(text).trim_start_matches('+').to_string()),
            Value::Text(text) => tokens.extend(words(text)),
            other => tokens.extend(words(&other.display())),
        }
    }
    let cjk_suffixes: Vec<String> = tokens
        .iter()
        .filter(|t| t.chars().any(is_cjk))
        .flat_map(|t| t.char_indices().skip(1).take(MAX_CJK_SUFFIXES).map(|(i, _)| t[i..].to_string()).collect::<Vec<_>>())
        .collect();
    tokens.extend(cjk_suffixes);
    tokens.retain(|t| !t.is_empty());
    tokens.sort_unstable();
    tokens.dedup();
    tokens
}

/// Whether two versions of a record have the same searchable values, hence the same
/// tokens: most edits touch other properties and need no tokenizing at all.
fn same_searchable_values(schema: &Schema, old: &Record, new: &Record) -> bool {
    let same = |name: &String| PropKey::find(name).is_none_or(|key| old.get_key(key) == new.get_key(key));
    schema.object(&new.object).is_some_and(|def| def.searchable.iter().all(same))
}

/// Which words of a query must each match. A query of digits and dialling marks is one
/// phone number, whatever its spacing.
fn query_words(text: &str) -> Vec<String> {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    if digits.len() >= 3 && text.chars().all(|c| c.is_ascii_digit() || " +-().".contains(c)) {
        return vec![digits];
    }
    words(text)
}

/// A set of slots.
struct Bits(Vec<u64>);

impl Bits {
    fn new(slots: usize) -> Bits {
        Bits(vec![0; slots.div_ceil(64)])
    }
    fn insert(&mut self, slot: u32) -> bool {
        let (word, bit) = ((slot / 64) as usize, 1u64 << (slot % 64));
        let fresh = self.0[word] & bit == 0;
        self.0[word] |= bit;
        fresh
    }
    fn contains(&self, slot: u32) -> bool {
        self.0[(slot / 64) as usize] & (1u64 << (slot % 64)) != 0
    }
    fn and(&mut self, other: &Bits) {
        self.0.iter_mut().zip(&other.0).for_each(|(a, b)| *a &= b);
    }
    fn or(&mut self, other: &Bits) {
        self.0.iter_mut().zip(&other.0).for_each(|(a, b)| *a |= b);
    }
    fn slots(&self) -> impl Iterator<Item = u32> + '_ {
        self.0.iter().enumerate().flat_map(|(i, w)| (0..64).filter(move |b| w & (1 << b) != 0).map(move |b| (i * 64 + b) as u32))
    }
}

impl ObjectIndex {
    /// Postings of every token starting with `prefix`, in token order.
    fn matching<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = &'a Vec<u32>> + 'a {
        self.tokens
            .range::<str, _>((Bound::Included(prefix), Bound::Unbounded))
            .take_while(move |(t, _)| t.starts_with(prefix))
            .map(|(_, postings)| postings)
    }

    /// Records with a token starting with `word`.
    fn prefix_bits(&self, word: &str) -> Bits {
        let mut bits = Bits::new(self.ids.len());
        self.matching(word).flatten().for_each(|s| {
            bits.insert(*s);
        });
        bits
    }

    /// Like [`Self::prefix_bits`], but a Chinese word may also span two tokens.
    fn bits(&self, word: &str) -> Bits {
        let mut bits = self.prefix_bits(word);
        if word.chars().any(is_cjk) {
            for (i, _) in word.char_indices().skip(1) {
                let mut both = self.prefix_bits(&word[..i]);
                both.and(&self.prefix_bits(&word[i..]));
                bits.or(&both);
            }
        }
        bits
    }

    /// The index of `records`, slot `i` holding `records[i]`.
    fn build(searchable: &Searchable, records: &[&Record]) -> ObjectIndex {
        let mut postings: HashMap<Box<str>, Vec<u32>> = HashMap::with_capacity(records.len() * 2);
        let mut slots = IdMap::with_capacity_and_hasher(records.len(), IdHash::default());
        let mut ids = Vec::with_capacity(records.len());
        for (slot, record) in records.iter().enumerate() {
            let slot = slot as u32;
            slots.insert(record.id.clone(), slot);
            ids.push(Some(record.id.clone()));
            // Slots rise and a record's tokens are distinct: every list stays sorted.
            for token in tokens_of(searchable, record) {
                match postings.get_mut(token.as_str()) {
                    Some(list) => list.push(slot),
                    None => {
                        postings.insert(token.into_boxed_str(), vec![slot]);
                    }
                }
            }
        }
        let mut tokens: Vec<(Box<str>, Vec<u32>)> = postings.into_iter().collect();
        tokens.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        ObjectIndex { tokens: tokens.into_iter().collect(), ids, slots, free: Vec::new() }
    }

    fn insert(&mut self, id: &RecordId, tokens: Vec<String>) {
        let slot = match self.free.pop() {
            Some(slot) => slot,
            None => {
                self.ids.push(None);
                (self.ids.len() - 1) as u32
            }
        };
        self.ids[slot as usize] = Some(id.clone());
        self.slots.insert(id.clone(), slot);
        self.add_tokens(slot, &tokens);
    }

    fn add_tokens(&mut self, slot: u32, tokens: &[String]) {
        for token in tokens {
            let postings = match self.tokens.get_mut(token.as_str()) {
                Some(postings) => postings,
                // Most tokens (emails, phone numbers) belong to one record: no spare room.
                None => self.tokens.entry(token.clone().into_boxed_str()).or_insert_with(|| Vec::with_capacity(1)),
            };
            if let Err(at) = postings.binary_search(&slot) {
                postings.insert(at, slot);
            }
        }
    }

    fn drop_tokens(&mut self, slot: u32, tokens: &[String]) {
        for token in tokens {
            if let Some(postings) = self.tokens.get_mut(token.as_str()) {
                if let Ok(at) = postings.binary_search(&slot) {
                    postings.remove(at);
                }
                if postings.is_empty() {
                    self.tokens.remove(token.as_str());
                }
            }
        }
    }

    fn remove(&mut self, id: &RecordId, tokens: Vec<String>) {
        let Some(slot) = self.slots.remove(id) else { return };
        self.drop_tokens(slot, &tokens);
        self.ids[slot as usize] = None;
        self.free.push(slot);
    }

    /// Swaps a record's tokens (both lists sorted) without giving up its slot.
    fn retoken(&mut self, id: &RecordId, before: &[String], after: &[String]) {
        let Some(&slot) = self.slots.get(id) else { return };
        let gone: Vec<String> = before.iter().filter(|t| after.binary_search(t).is_err()).cloned().collect();
        let added: Vec<String> = after.iter().filter(|t| before.binary_search(t).is_err()).cloned().collect();
        self.drop_tokens(slot, &gone);
        self.add_tokens(slot, &added);
    }

    fn search(&self, text: &str, limit: usize) -> Vec<&RecordId> {
        let words = query_words(text);
        if words.is_empty() || limit == 0 {
            return Vec::new();
        }
        // Stream the rarest plain word in token order; every other word becomes a bitset.
        let driver = words
            .iter()
            .enumerate()
            .filter(|(_, w)| !w.chars().any(is_cjk))
            .min_by_key(|(_, w)| self.matching(w).map(Vec::len).sum::<usize>())
            .map(|(i, _)| i);
        let mut required: Option<Bits> = None;
        for (_, word) in words.iter().enumerate().filter(|(i, _)| Some(*i) != driver) {
            let bits = self.bits(word);
            match required.as_mut() {
                Some(all) => all.and(&bits),
                None => required = Some(bits),
            }
        }
        let id = |slot: u32| self.ids.get(slot as usize).and_then(Option::as_ref);
        let Some(driver) = driver else {
            // Only Chinese words: their set, in slot order.
            return required.iter().flat_map(Bits::slots).filter_map(id).take(limit).collect();
        };
        let mut seen = Bits::new(self.ids.len());
        let mut out = Vec::with_capacity(limit.min(64));
        for &slot in self.matching(&words[driver]).flatten() {
            if required.as_ref().is_none_or(|r| r.contains(slot)) && seen.insert(slot) {
                out.extend(id(slot));
                if out.len() == limit {
                    break;
                }
            }
        }
        out
    }
}

impl SearchIndex {
    pub fn insert(&mut self, schema: &Schema, record: &Record) {
        let tokens = record_tokens(schema, record);
        let index = match self.objects.get_mut(&*record.object) {
            Some(index) => index,
            None => self.objects.entry(record.object.to_string()).or_default(),
        };
        index.insert(&record.id, tokens);
    }

    pub fn remove(&mut self, schema: &Schema, record: &Record) {
        let tokens = record_tokens(schema, record);
        if let Some(index) = self.objects.get_mut(&*record.object) {
            index.remove(&record.id, tokens);
        }
    }

    /// Moves the index from `old` to `new` (either may be absent), touching only the
    /// tokens that differ: editing a property that is not searchable costs no tokenizing.
    pub fn replace(&mut self, schema: &Schema, old: Option<&Record>, new: Option<&Record>) {
        match (old, new) {
            (Some(old), Some(new)) if old.id == new.id && old.object == new.object => {
                if same_searchable_values(schema, old, new) {
                    return;
                }
                let (before, after) = (record_tokens(schema, old), record_tokens(schema, new));
                if before != after {
                    if let Some(index) = self.objects.get_mut(&*new.object) {
                        index.retoken(&new.id, &before, &after);
                    }
                }
            }
            _ => {
                if let Some(old) = old {
                    self.remove(schema, old);
                }
                if let Some(new) = new {
                    self.insert(schema, new);
                }
            }
        }
    }

    /// The index of a set of records, built in one pass: what inserting them one by one in
    /// id order gives (slots in id order, so results come in creation order), without
    /// searching the sorted token map once per token.
    pub fn build<'a>(schema: &Schema, records: impl Iterator<Item = &'a Record>) -> SearchIndex {
        let mut by_object: HashMap<&str, Vec<&Record>> = HashMap::new();
        for record in records {
            by_object.entry(&*record.object).or_default().push(record);
        }
        let objects = by_object
            .into_iter()
            .map(|(object, mut records)| {
                records.sort_unstable_by(|a, b| a.id.cmp(&b.id));
                (object.to_string(), ObjectIndex::build(&Searchable::of(schema, object), &records))
            })
            .collect();
        SearchIndex { objects }
    }

    /// The ids of the first `limit` records of `object` matching the text.
    pub fn search(&self, object: &str, text: &str, limit: usize) -> Vec<&RecordId> {
        self.objects.get(object).map(|index| index.search(text, limit)).unwrap_or_default()
    }
}
