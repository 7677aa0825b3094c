//! Queries over one object's records: filters, sorting and pagination.
//!
//! A [`Filter`] is a list of groups: a record matches when it matches *every* condition of
//! *any* group (AND inside a group, OR between groups), the way HubSpot's filter editor
//! works. Conditions name a property and an [`Op`]; which operators apply depends on the
//! property type ([`operators_for`], [`operators_for_property`]). Operands are kept as the text the user typed, so a
//! saved view stores exactly what was entered; they are parsed against the schema when the
//! query runs, with the same rules as a write (amounts in minor units, ISO dates).
//!
//! Results come in a total order: the sort property (empty values last in both directions),
//! then newest first, then by id. Because the order is total, any page of a query is a
//! slice of the full result, and only the records up to the requested page are sorted.

mod columns;
mod compile;
mod indexed;
// Property tests need proptest, which is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod indexed_tests;
mod order;
#[cfg(test)]
mod scan;
#[cfg(test)]
pub(crate) use scan::run_scan;
// Property tests need proptest, which is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::i18n::{field_problem, Msg};
use super::command::FieldProblem;
use super::record::Record;
use super::time::Millis;
use super::validate::Invalid;
use super::workspace::Workspace;

pub use columns::ColumnIndex;
pub use compile::{operators_for, operators_for_property};

/// Records matching any group; a filter without groups matches every record.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Filter {
    pub groups: Vec<Group>,
}

/// Conditions that must all hold.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Group {
    pub conditions: Vec<Condition>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Condition {
    pub property: String,
    #[serde(flatten)]
    pub op: Op,
}

impl Condition {
    pub fn new(property: &str, op: Op) -> Self {
        Condition { property: property.to_string(), op }
    }
}

/// A comparison and its operands, as entered.
///
/// Negative operators ("is not", "≠") also match records where the property is empty: such
/// a record's value is indeed not the one named.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Op {
    /// Equal, ignoring case and accents; for dates, on the same day.
    Is { value: String },
    IsNot { value: String },
    Contains { value: String },
    StartsWith { value: String },
    IsKnown,
    IsUnknown,
    Eq { value: String },
    Ne { value: String },
    Lt { value: String },
    Gt { value: String },
    /// Inclusive at both ends; for dates, whole days.
    Between { from: String, to: String },
    IsAnyOf { values: Vec<String> },
    /// Strictly before the given day.
    Before { value: String },
    /// Strictly after the given day.
    After { value: String },
    /// From the start of the day `days` ago up to now (for a date: up to today).
    InLastDays { days: u32 },
    /// From now (for a date: today) to the end of the day `days` ahead.
    InNextDays { days: u32 },
}

/// The operators without their operands: what a filter editor offers for a property.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Operator {
    Is,
    IsNot,
    Contains,
    StartsWith,
    IsKnown,
    IsUnknown,
    Eq,
    Ne,
    Lt,
    Gt,
    Between,
    IsAnyOf,
    Before,
    After,
    InLastDays,
    InNextDays,
}

impl Operator {
    /// The operator's label in a filter editor's menu.
    pub fn label(self) -> Msg {
        match self {
            Operator::Is => Msg::OpIs,
            Operator::IsNot => Msg::OpIsNot,
            Operator::Contains => Msg::OpContains,
            Operator::StartsWith => Msg::OpStartsWith,
            Operator::IsKnown => Msg::OpIsKnown,
            Operator::IsUnknown => Msg::OpIsUnknown,
            Operator::Eq => Msg::OpEq,
            Operator::Ne => Msg::OpNe,
            Operator::Lt => Msg::OpLt,
            Operator::Gt => Msg::OpGt,
            Operator::Between => Msg::OpBetween,
            Operator::IsAnyOf => Msg::OpIsAnyOf,
            Operator::Before => Msg::OpBefore,
            Operator::After => Msg::OpAfter,
            Operator::InLastDays => Msg::OpInLastDays,
            Operator::InNextDays => Msg::OpInNextDays,
        }
    }
}

impl Op {
    pub fn operator(&self) -> Operator {
        match self {
            Op::Is { .. } => Operator::Is,
            Op::IsNot { .. } => Operator::IsNot,
            Op::Contains { .. } => Operator::Contains,
            Op::StartsWith { .. } => Operator::StartsWith,
            Op::IsKnown => Operator::IsKnown,
            Op::IsUnknown => Operator::IsUnknown,
            Op::Eq { .. } => Operator::Eq,
            Op::Ne { .. } => Operator::Ne,
            Op::Lt { .. } => Operator::Lt,
            Op::Gt { .. } => Operator::Gt,
            Op::Between { .. } => Operator::Between,
            Op::IsAnyOf { .. } => Operator::IsAnyOf,
            Op::Before { .. } => Operator::Before,
            Op::After { .. } => Operator::After,
            Op::InLastDays { .. } => Operator::InLastDays,
            Op::InNextDays { .. } => Operator::InNextDays,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sort {
    pub property: String,
    #[serde(default)]
    pub descending: bool,
}

/// What a table or a saved view asks for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Query {
    pub object: String,
    #[serde(default)]
    pub filter: Filter,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort: Option<Sort>,
}

/// Which slice of the results to return.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Page {
    pub offset: usize,
    pub limit: usize,
}

impl Page {
    pub fn first(limit: usize) -> Self {
        Page { offset: 0, limit }
    }
}

/// One page of records and how many matched in all.
#[derive(Debug)]
pub struct Results<'a> {
    pub records: Vec<&'a Record>,
    pub total: usize,
}

/// Why a query cannot run, e.g. a saved view naming a property that was since deleted.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum QueryError {
    #[error("unknown object {0}")]
    UnknownObject(String),
    #[error("unknown property {0}")]
    UnknownProperty(String),
    #[error("{operator:?} does not apply to {property}")]
    Operator { property: String, operator: Operator },
    #[error("{property}: {reason}")]
    Value { property: String, reason: Invalid },
}

impl QueryError {
    /// What to show next to the offending condition.
    pub fn message(&self) -> Msg {
        match self {
            QueryError::UnknownObject(_) => Msg::NotFound,
            QueryError::UnknownProperty(_) => Msg::ErrFilterProperty,
            QueryError::Operator { .. } => Msg::ErrFilterOperator,
            QueryError::Value { reason, .. } => field_problem(&FieldProblem::Invalid(reason.clone())),
        }
    }
}

/// Runs a query: filters, sorts and returns one page. `now` anchors "in the last N days".
pub fn run<'a>(ws: &'a Workspace, query: &Query, page: Page, now: Millis) -> Result<Results<'a>, QueryError> {
    let def = ws.schema().object(&query.object).ok_or_else(|| QueryError::UnknownObject(query.object.clone()))?;
    let filter = compile::compile(def, &query.filter, now)?;
    let sort = query.sort.as_ref().map(|s| order::SortSpec::new(def, s)).transpose()?;
    Ok(indexed::run(ws, &query.object, &filter, sort.as_ref(), page))
}

/// Whether one record meets a filter, with `now` anchoring relative dates: what workflow
/// triggers, branches and goals ask of a single record.
pub fn record_matches(def: &super::schema::ObjectDef, filter: &Filter, record: &Record, now: Millis) -> Result<bool, QueryError> {
    if filter.groups.is_empty() {
        return Ok(true);
    }
    let compiled = compile::compile(def, filter, now)?;
    let mut scratch = String::new();
    let matched = compiled.groups().any(|g| g.iter().all(|(key, test)| test.holds(record.get_key(*key), &mut scratch)));
    Ok(matched)
}
