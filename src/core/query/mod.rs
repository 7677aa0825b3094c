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
mod rollup_tests;
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
pub use compile::Memberships;
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
    /// The record is a member of the segment with this id; the condition's property is
    /// [`SEGMENT_PROPERTY`].
    InSegment { segment: String },
    NotInSegment { segment: String },
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
    InSegment,
    NotInSegment,
}

/// The pseudo-property of segment membership conditions.
pub const SEGMENT_PROPERTY: &str = "segment_membership";

/// The operators of a segment membership condition.
pub const SEGMENT_OPERATORS: &[Operator] = &[Operator::InSegment, Operator::NotInSegment];

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
            Operator::InSegment => Msg::OpInSegment,
            Operator::NotInSegment => Msg::OpNotInSegment,
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
            Op::InSegment { .. } => Operator::InSegment,
            Op::NotInSegment { .. } => Operator::NotInSegment,
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
    #[error("no segment {0}")]
    UnknownSegment(String),
    /// Segments that name each other in a loop, or nest too deep.
    #[error("segments refer to each other in a loop")]
    SegmentLoop,
}

impl QueryError {
    /// What to show next to the offending condition.
    pub fn message(&self) -> Msg {
        match self {
            QueryError::UnknownObject(_) => Msg::NotFound,
            QueryError::UnknownProperty(_) => Msg::ErrFilterProperty,
            QueryError::Operator { .. } => Msg::ErrFilterOperator,
            QueryError::Value { reason, .. } => field_problem(&FieldProblem::Invalid(reason.clone())),
            QueryError::UnknownSegment(_) => Msg::ErrFilterSegment,
            QueryError::SegmentLoop => Msg::ErrSegmentLoop,
        }
    }
}

/// Runs a query: filters, sorts and returns one page. `now` anchors "in the last N days".
pub fn run<'a>(ws: &'a Workspace, query: &Query, page: Page, now: Millis) -> Result<Results<'a>, QueryError> {
    run_nested(ws, query, page, now, 0)
}

/// [`run`] from inside a segment's membership, `depth` segments deep.
pub(crate) fn run_nested<'a>(ws: &'a Workspace, query: &Query, page: Page, now: Millis, depth: usize) -> Result<Results<'a>, QueryError> {
    let def = ws.schema().object(&query.object).ok_or_else(|| QueryError::UnknownObject(query.object.clone()))?;
    let members = memberships(ws, &query.filter, now, depth)?;
    let filter = compile::compile(def, &query.filter, now, &members)?;
    let sort = query.sort.as_ref().map(|s| order::SortSpec::new(def, s)).transpose()?;
    Ok(indexed::run(ws, &query.object, &filter, sort.as_ref(), page, now))
}

/// Whether one condition would run on `def`'s records: the property exists, the operator
/// fits it, the operand parses, a named segment exists. Cheap: nothing is matched.
pub fn check_condition(ws: &Workspace, def: &super::schema::ObjectDef, condition: &Condition, now: Millis) -> Result<(), QueryError> {
    if let Op::InSegment { segment } | Op::NotInSegment { segment } = &condition.op {
        let id = super::id::RecordId::from(segment.as_str());
        return ws.segment(&id).filter(|s| s.object == def.name).map(|_| ()).ok_or_else(|| QueryError::UnknownSegment(segment.clone()));
    }
    let filter = Filter { groups: vec![Group { conditions: vec![condition.clone()] }] };
    compile::compile(def, &filter, now, &Memberships::new()).map(|_| ())
}

/// The members of every segment the filter names, computed before the query takes the
/// column lock (a segment's members are themselves a query).
fn memberships(ws: &Workspace, filter: &Filter, now: Millis, depth: usize) -> Result<Memberships, QueryError> {
    let mut out = Memberships::new();
    for condition in filter.groups.iter().flat_map(|g| &g.conditions) {
        let (Op::InSegment { segment } | Op::NotInSegment { segment }) = &condition.op else { continue };
        if out.contains_key(segment) {
            continue;
        }
        if depth >= super::segment::MAX_NESTING {
            return Err(QueryError::SegmentLoop);
        }
        let id = super::id::RecordId::from(segment.as_str());
        let found = ws.segment(&id).ok_or_else(|| QueryError::UnknownSegment(segment.clone()))?;
        out.insert(segment.clone(), super::segment::members_nested(ws, found, now, depth)?);
    }
    Ok(out)
}

/// Whether one record meets a filter, with `now` anchoring relative dates: what workflow
/// triggers, branches and goals ask of a single record. A segment condition fails here; see
/// [`record_matches_with`].
pub fn record_matches(def: &super::schema::ObjectDef, filter: &Filter, record: &Record, now: Millis) -> Result<bool, QueryError> {
    record_matches_with(def, filter, record, now, &Memberships::new())
}

/// [`record_matches`] with the members of the segments the filter names (see
/// [`filter_memberships`]), computed once for many records.
pub fn record_matches_with(def: &super::schema::ObjectDef, filter: &Filter, record: &Record, now: Millis, members: &Memberships) -> Result<bool, QueryError> {
    if filter.groups.is_empty() {
        return Ok(true);
    }
    let compiled = compile::compile(def, filter, now, members)?;
    let mut scratch = String::new();
    // Stage history is not stored: it is read from the record at `now`.
    let holds = |key: super::prop_key::PropKey, test: &compile::Test, scratch: &mut String| match test.members() {
        Some((ids, negate)) => ids.contains(&record.id) != negate,
        None => test.holds(super::pipeline::value_at(record, key.name(), now).as_deref(), scratch),
    };
    let matched = compiled.groups().any(|g| g.iter().all(|(key, test)| holds(*key, test, &mut scratch)));
    Ok(matched)
}

/// The members of every segment a filter names, for [`record_matches_with`].
pub fn filter_memberships(ws: &Workspace, filter: &Filter, now: Millis) -> Result<Memberships, QueryError> {
    memberships(ws, filter, now, 0)
}
