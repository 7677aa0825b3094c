//! The order of query results and the slicing into pages.
//!
//! Numbers sort numerically, dates chronologically (their ISO text), choices in the order
//! of their options, text case- and accent-insensitively. Empty values go last whichever
//! the direction. Ties keep the default order (newest first, then by id), which makes the
//! order total: sorting is stable, and a page can be cut with a partial selection instead
//! of sorting every match.

use std::cmp::Ordering;

use super::{Page, QueryError, Results, Sort};
use crate::core::fold::fold;
use crate::core::prop_key::PropKey;
use crate::core::record::Record;
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
enum SortKey {
    Number(f64),
    Text(String),
    Empty,
}

impl SortSpec {
    pub fn new(def: &ObjectDef, sort: &Sort) -> Result<SortSpec, QueryError> {
        let prop = def.property(&sort.property).ok_or_else(|| QueryError::UnknownProperty(sort.property.clone()))?;
        let kind = match &prop.kind {
            PropertyType::Number { .. } | PropertyType::Currency | PropertyType::Calculated | PropertyType::Checkbox => KeyKind::Number,
            PropertyType::Date | PropertyType::DateTime => KeyKind::Raw,
            PropertyType::Dropdown | PropertyType::Radio => KeyKind::Choice(prop.options.iter().map(|o| o.value.clone()).collect()),
            _ => KeyKind::Text,
        };
        Ok(SortSpec { key: PropKey::of(&prop.name), kind, descending: sort.descending })
    }

    fn key_of(&self, record: &Record) -> SortKey {
        let Some(value) = record.get_key(self.key) else { return SortKey::Empty };
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

    fn compare(&self, a: &SortKey, b: &SortKey) -> Ordering {
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
}

/// The default order: newest first, then by id, so that every order is total.
fn newest_first(a: &Record, b: &Record) -> Ordering {
    b.created.cmp(&a.created).then_with(|| b.id.cmp(&a.id))
}

/// Sorts the matches just enough to return the requested page, plus the total.
pub fn page<'a>(matches: impl Iterator<Item = &'a Record>, sort: Option<&SortSpec>, page: Page) -> Results<'a> {
    let mut keyed: Vec<(SortKey, &Record)> = match sort {
        Some(spec) => matches.map(|r| (spec.key_of(r), r)).collect(),
        None => matches.map(|r| (SortKey::Empty, r)).collect(),
    };
    let total = keyed.len();
    let end = page.offset.saturating_add(page.limit).min(total);
    if page.offset >= end {
        return Results { records: Vec::new(), total };
    }
    let cmp = |a: &(SortKey, &Record), b: &(SortKey, &Record)| {
        sort.map_or(Ordering::Equal, |s| s.compare(&a.0, &b.0)).then_with(|| newest_first(a.1, b.1))
    };
    if end < total {
        keyed.select_nth_unstable_by(end - 1, cmp);
        keyed.truncate(end);
    }
    keyed.sort_unstable_by(cmp);
    Results { records: keyed.into_iter().skip(page.offset).map(|(_, r)| r).collect(), total }
}
