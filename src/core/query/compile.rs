//! Turns a filter as entered into tests that run fast on every record.
//!
//! Compiling checks each condition against the schema once (does the property exist, does
//! the operator apply, does the operand parse) so that evaluating it on 100,000 records is
//! only integer and string comparisons: property names become interned keys, operands are
//! folded or parsed up front, and date ranges become ISO text bounds (ISO 8601 text sorts
//! chronologically, so a stored date is never parsed while filtering).

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::{Filter, Op, Operator, QueryError};
use crate::core::id::RecordId;
use crate::core::fold::{fold, fold_into};
use crate::core::pipeline::history_property;
use crate::core::prop_key::PropKey;
use crate::core::schema::{CalculatedType, ObjectDef, PropertyDef, PropertyType};
use crate::core::time::Millis;
use crate::core::validate::{normalize_date, parse_decimal, parse_minor_units, Invalid};
use crate::core::value::Value;

use Operator as O;

const TEXT: &[Operator] = &[O::Is, O::IsNot, O::Contains, O::StartsWith, O::IsAnyOf, O::IsKnown, O::IsUnknown];
const NUMBER: &[Operator] = &[O::Eq, O::Ne, O::Lt, O::Gt, O::Between, O::IsKnown, O::IsUnknown];
const DATE: &[Operator] = &[O::Is, O::Before, O::After, O::Between, O::InLastDays, O::InNextDays, O::IsKnown, O::IsUnknown];
const CHOICE: &[Operator] = &[O::Is, O::IsNot, O::IsAnyOf, O::IsKnown, O::IsUnknown];
const CHOICES: &[Operator] = &[O::IsAnyOf, O::IsKnown, O::IsUnknown];
const CHECKBOX: &[Operator] = &[O::Is, O::IsKnown, O::IsUnknown];

/// The operators a filter editor offers for a property type, in menu order.
pub fn operators_for(kind: &PropertyType) -> &'static [Operator] {
    match kind {
        PropertyType::SingleLineText | PropertyType::MultiLineText | PropertyType::Email | PropertyType::Phone | PropertyType::Url | PropertyType::Domain => {
            TEXT
        }
        PropertyType::Number { .. } | PropertyType::Currency | PropertyType::Calculated => NUMBER,
        PropertyType::Date | PropertyType::DateTime => DATE,
        PropertyType::Dropdown | PropertyType::Radio | PropertyType::Owner => CHOICE,
        PropertyType::Checkboxes => CHOICES,
        PropertyType::Checkbox => CHECKBOX,
    }
}

/// The operators a filter editor offers for a property: those of its type, or for a
/// calculated property those of the type its calculation yields (a date for the latest
/// close date, an amount for a weighted amount).
pub fn operators_for_property(prop: &PropertyDef) -> &'static [Operator] {
    operators_for(&filter_kind(prop))
}

/// The type a property's values are compared as: a calculated property's values are
/// stored like those of its calculation's output type.
fn filter_kind(prop: &PropertyDef) -> PropertyType {
    match (&prop.kind, &prop.calculation) {
        (PropertyType::Calculated, Some(calculation)) => match calculation.output {
            CalculatedType::Number => PropertyType::Number { decimals: None, min: None, max: None },
            CalculatedType::Currency => PropertyType::Currency,
            CalculatedType::Date => PropertyType::Date,
            CalculatedType::DateTime => PropertyType::DateTime,
        },
        (kind, _) => kind.clone(),
    }
}

/// A condition ready to run.
#[derive(Debug)]
pub enum Test {
    Known,
    Unknown,
    /// Folded text equal to one of these (one value for "is").
    TextIn(Vec<String>),
    TextNot(String),
    Contains(String),
    StartsWith(String),
    /// Option value (exactly) among these; for multiple checkboxes, any checked one.
    OptionIn(Vec<String>),
    OptionNot(String),
    Bool(bool),
    /// Inclusive numeric range; `negate` turns it into "outside, or empty".
    Number { low: f64, high: f64, negate: bool },
    /// Numbers strictly below or above.
    Less(f64),
    Greater(f64),
    /// Half-open ISO text range `[from, until)`.
    Dates { from: Option<String>, until: Option<String> },
    /// The record's id is (or with `negate`, is not) among a segment's members. Tested on
    /// the record itself, not on a property value: see [`Test::members`].
    Members { ids: HashSet<RecordId>, negate: bool },
}

/// The members of the segments a filter names, by segment id.
pub type Memberships = HashMap<String, HashSet<RecordId>>;

#[derive(Debug)]
struct CompiledCondition {
    key: PropKey,
    test: Test,
}

/// A filter ready to run: OR of groups, AND of conditions.
#[derive(Debug)]
pub struct CompiledFilter {
    groups: Vec<Vec<CompiledCondition>>,
}

impl CompiledFilter {
    /// The groups, each as its conditions' properties and tests.
    pub fn groups(&self) -> impl Iterator<Item = Vec<(PropKey, &Test)>> + '_ {
        self.groups.iter().map(|g| g.iter().map(|c| (c.key, &c.test)).collect())
    }

    /// Every property a condition reads.
    pub fn keys(&self) -> impl Iterator<Item = PropKey> + '_ {
        self.groups.iter().flatten().filter(|c| c.test.members().is_none()).map(|c| c.key)
    }
}

pub fn compile(def: &ObjectDef, filter: &Filter, now: Millis, members: &Memberships) -> Result<CompiledFilter, QueryError> {
    let mut groups = Vec::with_capacity(filter.groups.len());
    for group in &filter.groups {
        let mut conditions = Vec::with_capacity(group.conditions.len());
        for c in &group.conditions {
            if let Op::InSegment { segment } | Op::NotInSegment { segment } = &c.op {
                let ids = members.get(segment).cloned().ok_or_else(|| QueryError::UnknownSegment(segment.clone()))?;
                let negate = matches!(c.op, Op::NotInSegment { .. });
                conditions.push(CompiledCondition { key: PropKey::of(&c.property), test: Test::Members { ids, negate } });
                continue;
            }
            let history;
            let prop = match def.property(&c.property) {
                Some(prop) => prop,
                None => {
                    history = history_property(def, &c.property).ok_or_else(|| QueryError::UnknownProperty(c.property.clone()))?;
                    &history
                }
            };
            let test = compile_op(prop, &c.op, now)?;
            conditions.push(CompiledCondition { key: PropKey::of(&prop.name), test });
        }
        groups.push(conditions);
    }
    Ok(CompiledFilter { groups })
}

fn compile_op(prop: &PropertyDef, op: &Op, now: Millis) -> Result<Test, QueryError> {
    let operator = op.operator();
    let kind = &filter_kind(prop);
    if !operators_for(kind).contains(&operator) {
        return Err(QueryError::Operator { property: prop.name.clone(), operator });
    }
    let bad = |reason: Invalid| QueryError::Value { property: prop.name.clone(), reason };
    let test = match op {
        Op::IsKnown => Test::Known,
        Op::IsUnknown => Test::Unknown,
        _ if matches!(kind, PropertyType::Date | PropertyType::DateTime) => compile_date(kind, op, now).map_err(bad)?,
        Op::Is { value } if matches!(kind, PropertyType::Checkbox) => Test::Bool(parse_bool(value).ok_or(Invalid::Checkbox).map_err(bad)?),
        Op::Is { value } if is_choice(kind) => Test::OptionIn(vec![option(prop, value).map_err(bad)?]),
        Op::IsNot { value } if is_choice(kind) => Test::OptionNot(option(prop, value).map_err(bad)?),
        Op::IsAnyOf { values } if is_choice(kind) => {
            Test::OptionIn(values.iter().map(|v| option(prop, v)).collect::<Result<_, _>>().map_err(bad)?)
        }
        Op::Is { value } => Test::TextIn(vec![fold(value.trim())]),
        Op::IsNot { value } => Test::TextNot(fold(value.trim())),
        Op::IsAnyOf { values } => Test::TextIn(values.iter().map(|v| fold(v.trim())).collect()),
        Op::Contains { value } => Test::Contains(fold(value.trim())),
        Op::StartsWith { value } => Test::StartsWith(fold(value.trim())),
        Op::Eq { value } => {
            let n = number(kind, value).map_err(bad)?;
            Test::Number { low: n, high: n, negate: false }
        }
        Op::Ne { value } => {
            let n = number(kind, value).map_err(bad)?;
            Test::Number { low: n, high: n, negate: true }
        }
        Op::Lt { value } => Test::Less(number(kind, value).map_err(bad)?),
        Op::Gt { value } => Test::Greater(number(kind, value).map_err(bad)?),
        Op::Between { from, to } => {
            let (a, b) = (number(kind, from).map_err(bad)?, number(kind, to).map_err(bad)?);
            Test::Number { low: a.min(b), high: a.max(b), negate: false }
        }
        // Every other pairing was refused by `operators_for` above.
        _ => return Err(QueryError::Operator { property: prop.name.clone(), operator }),
    };
    Ok(test)
}

fn is_choice(kind: &PropertyType) -> bool {
    kind.is_enumeration() || matches!(kind, PropertyType::Owner)
}

/// An option's value from its value or label (any case), as writes accept it. Owners are
/// free ids, taken as typed.
fn option(prop: &PropertyDef, raw: &str) -> Result<String, Invalid> {
    let raw = raw.trim();
    if matches!(prop.kind, PropertyType::Owner) {
        return Ok(raw.to_string());
    }
    prop.options
        .iter()
        .find(|o| o.value == raw)
        .or_else(|| prop.options.iter().find(|o| o.value.eq_ignore_ascii_case(raw) || o.label.eq_ignore_ascii_case(raw)))
        .map(|o| o.value.clone())
        .ok_or(Invalid::UnknownOption)
}

/// A numeric operand in the unit values are stored in (minor units for currency).
fn number(kind: &PropertyType, raw: &str) -> Result<f64, Invalid> {
    match kind {
        PropertyType::Currency => parse_minor_units(raw.trim()).map(|n| n as f64).ok_or(Invalid::Number),
        _ => parse_decimal(raw.trim()).ok_or(Invalid::Number),
    }
}

fn parse_bool(raw: &str) -> Option<bool> {
    match raw.trim().to_lowercase().as_str() {
        "true" | "yes" | "1" => Some(true),
        "false" | "no" | "0" => Some(false),
        _ => None,
    }
}

/// Start of a UTC day, `offset` days after `day`.
fn day_start(day: NaiveDate, offset: i64) -> Millis {
    let start = day.and_hms_opt(0, 0, 0).map(|t| t.and_utc().timestamp_millis()).unwrap_or(0);
    Millis(start).plus_days(offset)
}

fn parse_day(raw: &str) -> Result<NaiveDate, Invalid> {
    let iso = normalize_date(raw.trim())?;
    NaiveDate::parse_from_str(&iso, "%Y-%m-%d").map_err(|_| Invalid::Date)
}

/// A date condition as an ISO text range in the property's own format.
fn compile_date(kind: &PropertyType, op: &Op, now: Millis) -> Result<Test, Invalid> {
    let date_only = matches!(kind, PropertyType::Date);
    let iso = |t: Millis| if date_only { t.to_date() } else { t.to_iso() };
    let today = chrono::DateTime::from_timestamp_millis(now.0).map(|t| t.date_naive()).ok_or(Invalid::Date)?;
    let (from, until) = match op {
        Op::Is { value } => {
            let d = parse_day(value)?;
            (Some(day_start(d, 0)), Some(day_start(d, 1)))
        }
        Op::Before { value } => (None, Some(day_start(parse_day(value)?, 0))),
        Op::After { value } => (Some(day_start(parse_day(value)?, 1)), None),
        Op::Between { from, to } => {
            let (a, b) = (parse_day(from)?, parse_day(to)?);
            (Some(day_start(a.min(b), 0)), Some(day_start(a.max(b), 1)))
        }
        Op::InLastDays { days } => {
            let end = if date_only { day_start(today, 1) } else { Millis(now.0 + 1) };
            (Some(day_start(today, -i64::from(*days))), Some(end))
        }
        Op::InNextDays { days } => {
            let start = if date_only { day_start(today, 0) } else { now };
            (Some(start), Some(day_start(today, i64::from(*days) + 1)))
        }
        _ => return Err(Invalid::Date),
    };
    Ok(Test::Dates { from: from.map(iso), until: until.map(iso) })
}

fn as_number(value: &Value) -> Option<f64> {
    match value {
        Value::Int(i) => Some(*i as f64),
        Value::Number(n) => Some(*n),
        Value::Text(t) => parse_decimal(t),
        Value::Bool(_) | Value::List(_) => None,
    }
}

/// The folded text of a value, written into `scratch`.
fn fold_value<'s>(value: &Value, scratch: &'s mut String) -> &'s str {
    scratch.clear();
    match value {
        Value::Text(t) => fold_into(t, scratch),
        other => fold_into(&other.display(), scratch),
    }
    scratch.as_str()
}

fn is_empty(value: Option<&Value>) -> bool {
    match value {
        None => true,
        Some(Value::Text(t)) => t.is_empty(),
        Some(Value::List(items)) => items.is_empty(),
        Some(_) => false,
    }
}

impl Test {
    /// The member set of a segment condition, and whether it is negated.
    pub fn members(&self) -> Option<(&HashSet<RecordId>, bool)> {
        match self {
            Test::Members { ids, negate } => Some((ids, *negate)),
            _ => None,
        }
    }

    /// Whether a property value passes; `scratch` is a reusable folding buffer. A segment
    /// condition tests the record's id instead ([`Test::members`]), never a value.
    pub fn holds(&self, value: Option<&Value>, scratch: &mut String) -> bool {
        if self.members().is_some() {
            return false;
        }
        if is_empty(value) {
            return matches!(self, Test::Unknown | Test::TextNot(_) | Test::OptionNot(_) | Test::Number { negate: true, .. });
        }
        let Some(value) = value else { return false };
        match self {
            Test::Known => true,
            Test::Unknown => false,
            Test::TextIn(options) => {
                let text = fold_value(value, scratch);
                options.iter().any(|o| o == text)
            }
            Test::TextNot(o) => fold_value(value, scratch) != o,
            Test::Contains(needle) => fold_value(value, scratch).contains(needle.as_str()),
            Test::StartsWith(prefix) => fold_value(value, scratch).starts_with(prefix.as_str()),
            Test::OptionIn(options) => match value {
                Value::List(checked) => checked.iter().any(|c| options.contains(c)),
                Value::Text(t) => options.iter().any(|o| o == t),
                _ => false,
            },
            Test::OptionNot(o) => match value {
                Value::List(checked) => !checked.contains(o),
                Value::Text(t) => t != o,
                _ => true,
            },
            Test::Bool(expected) => matches!(value, Value::Bool(b) if b == expected),
            Test::Number { low, high, negate } => as_number(value).is_some_and(|n| (*low..=*high).contains(&n)) != *negate,
            Test::Less(limit) => as_number(value).is_some_and(|n| n < *limit),
            Test::Greater(limit) => as_number(value).is_some_and(|n| n > *limit),
            Test::Dates { from, until } => {
                let Some(text) = value.as_text() else { return false };
                from.as_deref().is_none_or(|f| text >= f) && until.as_deref().is_none_or(|u| text < u)
            }
            Test::Members { .. } => false,
        }
    }
}
