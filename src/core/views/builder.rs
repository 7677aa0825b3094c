//! What the filter builder offers and how a condition reads as a chip.
//!
//! The builder edits a [`Filter`] as entered: per condition a property, an operator from
//! those that fit the property's type, and operands as text. Half-typed conditions are kept
//! in the builder but left out of the query ([`runnable`]) so that the table never goes
//! blank while someone is still typing.

use super::super::i18n::{format::format_date, option_label, property_label, tr, Lang, Msg};
use super::super::id::RecordId;
use super::super::query::{check_condition, operators_for_property, Condition, Filter, Group, Op, Operator, QueryError, SEGMENT_OPERATORS, SEGMENT_PROPERTY};
use super::super::schema::{ObjectDef, PropertyType};
use super::super::segment::segments_of;
use super::super::time::Millis;
use super::super::workspace::Workspace;

/// The input an operand needs.
#[derive(Clone, Debug, PartialEq)]
pub enum OperandInput {
    /// "is known" and "is unknown" take no operand.
    None,
    Text,
    Number,
    Date,
    /// A whole number of days.
    Days,
    /// One of these (value, label) pairs.
    Choice(Vec<(String, String)>),
    /// Any of these (value, label) pairs.
    Choices(Vec<(String, String)>),
}

/// The properties a condition can test, by label, then segment membership when the object
/// has segments.
pub fn filter_properties(ws: &Workspace, def: &ObjectDef, lang: Lang) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = def.properties.iter().filter(|p| !p.hidden).map(|p| (p.name.clone(), property_label(lang, &def.name, p).into_owned())).collect();
    out.sort_by_key(|(_, label)| label.to_lowercase());
    if !segments_of(ws.segments(), &def.name).is_empty() {
        out.push((SEGMENT_PROPERTY.to_string(), tr(lang, Msg::FilterSegmentMembership).to_string()));
    }
    out
}

/// The operators offered for a property, in menu order.
pub fn operators(def: &ObjectDef, property: &str) -> &'static [Operator] {
    if property == SEGMENT_PROPERTY {
        return SEGMENT_OPERATORS;
    }
    def.property(property).map(operators_for_property).unwrap_or(&[])
}

/// The operator with the builder's operands (the second one only for "between").
pub fn build_op(operator: Operator, operands: &[String]) -> Op {
    let at = |i: usize| operands.get(i).cloned().unwrap_or_default();
    let days = || at(0).trim().parse().unwrap_or(0);
    match operator {
        Operator::Is => Op::Is { value: at(0) },
        Operator::IsNot => Op::IsNot { value: at(0) },
        Operator::Contains => Op::Contains { value: at(0) },
        Operator::StartsWith => Op::StartsWith { value: at(0) },
        Operator::IsKnown => Op::IsKnown,
        Operator::IsUnknown => Op::IsUnknown,
        Operator::Eq => Op::Eq { value: at(0) },
        Operator::Ne => Op::Ne { value: at(0) },
        Operator::Lt => Op::Lt { value: at(0) },
        Operator::Gt => Op::Gt { value: at(0) },
        Operator::Between => Op::Between { from: at(0), to: at(1) },
        Operator::IsAnyOf => Op::IsAnyOf { values: operands.iter().filter(|v| !v.trim().is_empty()).cloned().collect() },
        Operator::Before => Op::Before { value: at(0) },
        Operator::After => Op::After { value: at(0) },
        Operator::InLastDays => Op::InLastDays { days: days() },
        Operator::InNextDays => Op::InNextDays { days: days() },
        Operator::InSegment => Op::InSegment { segment: at(0) },
        Operator::NotInSegment => Op::NotInSegment { segment: at(0) },
    }
}

/// The operands of an operator as the builder shows them.
pub fn operands(op: &Op) -> Vec<String> {
    match op {
        Op::IsKnown | Op::IsUnknown => Vec::new(),
        Op::Is { value }
        | Op::IsNot { value }
        | Op::Contains { value }
        | Op::StartsWith { value }
        | Op::Eq { value }
        | Op::Ne { value }
        | Op::Lt { value }
        | Op::Gt { value }
        | Op::Before { value }
        | Op::After { value } => vec![value.clone()],
        Op::Between { from, to } => vec![from.clone(), to.clone()],
        Op::IsAnyOf { values } => values.clone(),
        Op::InLastDays { days } | Op::InNextDays { days } => vec![days.to_string()],
        Op::InSegment { segment } | Op::NotInSegment { segment } => vec![segment.clone()],
    }
}

/// The input for a condition's operand(s).
pub fn operand_input(ws: &Workspace, def: &ObjectDef, property: &str, operator: Operator, lang: Lang) -> OperandInput {
    if property == SEGMENT_PROPERTY {
        return OperandInput::Choice(segments_of(ws.segments(), &def.name).into_iter().map(|s| (s.id.to_string(), s.name.clone())).collect());
    }
    let Some(prop) = def.property(property) else { return OperandInput::Text };
    let options = || -> Vec<(String, String)> {
        match prop.kind {
            PropertyType::Owner => ws.owners().map(|o| (o.id.0.clone(), o.name.clone())).collect(),
            _ => prop.options.iter().filter(|o| !o.hidden).map(|o| (o.value.clone(), option_label(lang, &def.name, &prop.name, o).into_owned())).collect(),
        }
    };
    match operator {
        Operator::IsKnown | Operator::IsUnknown => OperandInput::None,
        Operator::InLastDays | Operator::InNextDays => OperandInput::Days,
        _ => match &prop.kind {
            PropertyType::Date | PropertyType::DateTime => OperandInput::Date,
            PropertyType::Checkbox => OperandInput::Choice(vec![("true".into(), tr(lang, Msg::FilterYes).into()), ("false".into(), tr(lang, Msg::FilterNo).into())]),
            kind if kind.is_enumeration() || matches!(kind, PropertyType::Owner) => {
                if operator == Operator::IsAnyOf { OperandInput::Choices(options()) } else { OperandInput::Choice(options()) }
            }
            PropertyType::Number { .. } | PropertyType::Currency | PropertyType::Calculated => OperandInput::Number,
            _ => OperandInput::Text,
        },
    }
}

/// The filter without the conditions that cannot run yet (no operand typed, an unknown
/// option), and the problem of each left-out condition by (group, condition) position.
/// Groups left without a condition are dropped: an empty group would match everything.
pub fn runnable(ws: &Workspace, def: &ObjectDef, filter: &Filter, now: Millis) -> (Filter, Vec<((usize, usize), QueryError)>) {
    let mut problems = Vec::new();
    let mut groups = Vec::new();
    for (g, group) in filter.groups.iter().enumerate() {
        let mut conditions = Vec::new();
        for (c, condition) in group.conditions.iter().enumerate() {
            match check_condition(ws, def, condition, now) {
                Ok(()) if has_operands(&condition.op) => conditions.push(condition.clone()),
                Ok(()) => {}
                Err(error) => problems.push(((g, c), error)),
            }
        }
        if !conditions.is_empty() {
            groups.push(Group { conditions });
        }
    }
    (Filter { groups }, problems)
}

/// Whether every operand the operator needs was given (an empty text is not a value).
fn has_operands(op: &Op) -> bool {
    match op {
        Op::IsKnown | Op::IsUnknown | Op::InLastDays { .. } | Op::InNextDays { .. } => true,
        Op::IsAnyOf { values } => values.iter().any(|v| !v.trim().is_empty()),
        other => operands(other).iter().all(|v| !v.trim().is_empty()),
    }
}

/// A condition as one short line: "Lifecycle stage is Customer", "Segment membership is
/// member of segment VIPs", "Created is in the last 7 days".
pub fn summary(ws: &Workspace, def: &ObjectDef, condition: &Condition, lang: Lang) -> String {
    let operator = condition.op.operator();
    let label = if condition.property == SEGMENT_PROPERTY {
        tr(lang, Msg::FilterSegmentMembership).to_string()
    } else {
        def.property(&condition.property).map_or_else(|| condition.property.clone(), |p| property_label(lang, &def.name, p).into_owned())
    };
    let op_text = tr(lang, operator.label());
    let values = operands(&condition.op);
    let shown: Vec<String> = values.iter().map(|v| operand_text(ws, def, &condition.property, v, lang)).collect();
    match &condition.op {
        Op::InLastDays { days } | Op::InNextDays { days } if op_text.contains('…') => format!("{label} {}", op_text.replace('…', &days.to_string())),
        Op::Between { .. } => format!("{label} {op_text} {}", shown.join(" – ")),
        _ if shown.is_empty() => format!("{label} {op_text}"),
        _ => format!("{label} {op_text} {}", shown.join(", ")),
    }
}

/// An operand as people read it: an option's label, an owner's or segment's name, a date
/// written the local way.
fn operand_text(ws: &Workspace, def: &ObjectDef, property: &str, value: &str, lang: Lang) -> String {
    if property == SEGMENT_PROPERTY {
        return ws.segment(&RecordId::from(value)).map_or_else(|| value.to_string(), |s| s.name.clone());
    }
    let Some(prop) = def.property(property) else { return value.to_string() };
    match prop.kind {
        PropertyType::Owner => ws.owners().find(|o| o.id.0 == value).map_or_else(|| value.to_string(), |o| o.name.clone()),
        PropertyType::Date | PropertyType::DateTime => format_date(lang, value),
        PropertyType::Checkbox => match value {
            "true" => tr(lang, Msg::FilterYes).to_string(),
            "false" => tr(lang, Msg::FilterNo).to_string(),
            other => other.to_string(),
        },
        _ => prop.options.iter().find(|o| o.value == value).map_or_else(|| value.to_string(), |o| option_label(lang, &def.name, &prop.name, o).into_owned()),
    }
}
