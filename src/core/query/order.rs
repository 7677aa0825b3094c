//! The order of query results and the slicing into pages.
//!
//! Numbers sort numerically, dates chronologically (their ISO text), choices in the order
//! of their options, text case- and accent-insensitively. Empty values go last whichever
//! the direction. Ties keep the default order (newest first, then by id), which makes the
//! order total: sorting is stable, and a page can be cut with a partial selection instead
//! of sorting every match.

use std::cmp::Ordering;

use super::{Page, QueryError, Sort};
use crate::core::fold::fold;
use crate::core::pipeline::history_property;
use crate::core::prop_key::PropKey;
use crate::core::schema::{ObjectDef, PropertyType};
use crate::core::value::Value;

#[derive(Debug)]
enum KeyKind {
    Number,
    /// ISO dates and datetimes: their text order is their time order.
    Raw,
    Text,
    /// Option values in display order.
    Choice(Vec<String>),
}

/// A sort resolved against the schema.
#[derive(Debug)]
pub struct SortSpec {
    key: PropKey,
    kind: KeyKind,
    descending: bool,
}

#[derive(Debug, PartialEq)]
pub(super) enum SortKey {
    Number(f64),
    Text(String),
    Empty,
}

impl SortSpec {
    pub fn new(def: &ObjectDef, sort: &Sort) -> Result<SortSpec, QueryError> {
        let history;
        let prop = match def.property(&sort.property) {
            Some(prop) => prop,
            None => {
                history = history_property(def, &sort.property).ok_or_else(|| QueryError::UnknownProperty(sort.property.clone()))?;
                &history
            }
        };
        let kind = match &prop.kind {
            PropertyType::Number { .. } | PropertyType::Currency | PropertyType::Calculated | PropertyType::Checkbox => KeyKind::Number,
            PropertyType::Date | PropertyType::DateTime => KeyKind::Raw,
            PropertyType::Dropdown | PropertyType::Radio => KeyKind::Choice(prop.options.iter().map(|o| o.value.clone()).collect()),
            _ => KeyKind::Text,
        };
        Ok(SortSpec { key: PropKey::of(&prop.name), kind, descending: sort.descending })
    }

    /// The property the sort reads.
    pub fn key(&self) -> PropKey {
        self.key
    }

    pub(super) fn key_of_value(&self, value: Option<&Value>) -> SortKey {
        let Some(value) = value else { return SortKey::Empty };
        match (&self.kind, value) {
            (_, Value::Text(t)) if t.is_empty() => SortKey::Empty,
            (_, Value::List(items)) if items.is_empty() => SortKey::Empty,
            (KeyKind::Number, Value::Int(i)) => SortKey::Number(*i as f64),
            (KeyKind::Number, Value::Number(n)) => SortKey::Number(*n),
            (KeyKind::Number, Value::Bool(b)) => SortKey::Number(f64::from(u8::from(*b))),
            (KeyKind::Raw, Value::Text(t)) => SortKey::Text(t.clone()),
            (KeyKind::Choice(options), Value::Text(t)) => match options.iter().position(|o| o == t) {
                Some(i) => SortKey::Number(i as f64),
                None => SortKey::Text(fold(t)),
            },
            (_, other) => SortKey::Text(fold(&other.display())),
        }
    }

    pub(super) fn compare(&self, a: &SortKey, b: &SortKey) -> Ordering {
        let natural = match (a, b) {
            (SortKey::Empty, SortKey::Empty) => return Ordering::Equal,
            (SortKey::Empty, _) => return Ordering::Greater,
            (_, SortKey::Empty) => return Ordering::Less,
            (SortKey::Number(x), SortKey::Number(y)) => x.total_cmp(y),
            (SortKey::Text(x), SortKey::Text(y)) => x.cmp(y),
            // Numbers before text when a column mixes both (e.g. a calculated value).
            (SortKey::Number(_), SortKey::Text(_)) => Ordering::Less,
            (SortKey::Text(_), SortKey::Number(_)) => Ordering::Greater,
        };
        if self.descending {
            natural.reverse()
        } else {
            natural
        }
    }

    /// A rank for each code of a column, such that comparing ranks is comparing the sort
    /// keys of the values: equal keys share a rank. Each distinct value is folded once.
    pub fn ranks<'v>(&self, values: impl Iterator<Item = (u32, Option<&'v Value>)>) -> Vec<u32> {
        let mut keyed: Vec<(SortKey, u32)> = values.map(|(code, v)| (self.key_of_value(v), code)).collect();
        keyed.sort_by(|a, b| self.compare(&a.0, &b.0));
        let mut ranks = vec![0; keyed.len()];
        let mut rank = 0;
        for i in 0..keyed.len() {
            if i > 0 && self.compare(&keyed[i - 1].0, &keyed[i].0) != Ordering::Equal {
                rank += 1;
            }
            if let Some(slot) = ranks.get_mut(keyed[i].1 as usize) {
                *slot = rank;
            }
        }
        ranks
    }
}

/// The items of one page under a total order `cmp`: a partial selection puts the first
/// `offset + limit` items in front, and only those are sorted.
pub fn cut<T>(mut items: Vec<T>, page: Page, cmp: impl Fn(&T, &T) -> Ordering) -> Vec<T> {
    let end = page.offset.saturating_add(page.limit).min(items.len());
    if page.offset >= end {
        return Vec::new();
    }
    if end < items.len() {
        items.select_nth_unstable_by(end - 1, &cmp);
        items.truncate(end);
    }
    items.sort_unstable_by(&cmp);
    items.drain(..page.offset);
    items
}
