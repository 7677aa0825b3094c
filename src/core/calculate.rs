//! Evaluates calculated properties: pure functions from records to values.
//!
//! Formulas read only the record itself, so the workspace runs [`refresh`] on every write
//! and stores the result with the record's other values. Rollups read the records
//! associated with this one; [`rollup`] takes them as an iterator of (record, labels of the
//! link) pairs, so it works with whatever association store provides them and nothing here
//! depends on it. Users never write a calculated value: validation refuses it as read-only.

use super::record::{Record, Source};
use super::schema::{Aggregate, CalculatedType, Calculation, Formula, ObjectDef, PropertyDef, Rollup, Rule};
use super::time::Millis;
use super::value::Value;

/// Largest amount in minor units stored as a currency value; beyond it `f64` loses cents.
const MAX_MINOR_UNITS: f64 = 9.0e15;

/// The result of a formula on a record, `None` when an input is empty or not a number, or
/// when it divides by zero.
pub fn formula(formula: &Formula, record: &Record) -> Option<f64> {
    let n = match formula {
        Formula::Property { name, otherwise } => record.get(name).and_then(number).or(*otherwise)?,
        Formula::Constant(n) => *n,
        Formula::Add(a, b) => self::formula(a, record)? + self::formula(b, record)?,
        Formula::Subtract(a, b) => self::formula(a, record)? - self::formula(b, record)?,
        Formula::Multiply(a, b) => self::formula(a, record)? * self::formula(b, record)?,
        Formula::Divide(a, b) => {
            let divisor = self::formula(b, record)?;
            if divisor == 0.0 {
                return None;
            }
            self::formula(a, record)? / divisor
        }
    };
    n.is_finite().then_some(n)
}

/// The value of a calculation that depends on the record alone; `None` for a rollup, which
/// needs the associated records.
pub fn own_value(calculation: &Calculation, record: &Record) -> Option<Value> {
    match &calculation.rule {
        Rule::Formula(f) => typed(calculation.output, formula(f, record)?),
        Rule::Rollup(_) => None,
    }
}

/// Recomputes every formula property of a record, recording changed values in its history
/// like any write. Returns whether anything changed.
pub fn refresh(object: &ObjectDef, record: &mut Record, at: Millis, source: Source) -> bool {
    let mut changed = false;
    for def in &object.properties {
        if let Some(calculation @ Calculation { rule: Rule::Formula(_), .. }) = &def.calculation {
            let value = own_value(calculation, record);
            changed |= record.set(&def.name, value, at, source);
        }
    }
    changed
}

/// The rollup properties of an object with their rule and result type: what the
/// association store evaluates for a record it shows.
pub fn rollup_properties(object: &ObjectDef) -> impl Iterator<Item = (&PropertyDef, &Rollup, CalculatedType)> {
    object.properties.iter().filter_map(|def| match &def.calculation {
        Some(Calculation { output, rule: Rule::Rollup(rollup) }) => Some((def, rollup, *output)),
        _ => None,
    })
}

/// Aggregates over the records associated with one record, each given with the labels of
/// its link. Records of other objects and links without the rollup's label are skipped.
/// A count or a sum over nothing is 0; a minimum, maximum or average over nothing is empty.
pub fn rollup<'a, I, L>(rollup: &Rollup, output: CalculatedType, associated: I) -> Option<Value>
where
    I: IntoIterator<Item = (&'a Record, L)>,
    L: IntoIterator,
    L::Item: AsRef<str>,
{
    let wanted = |record: &Record, labels: L| {
        record.object == rollup.object && rollup.label.as_deref().is_none_or(|label| labels.into_iter().any(|l| l.as_ref() == label))
    };
    let records = associated.into_iter().filter_map(|(record, labels)| wanted(record, labels).then_some(record));
    let Some(property) = rollup.aggregate.property() else {
        return typed(output, records.count() as f64);
    };
    let values = records.filter_map(|r| r.get(property));
    if matches!(output, CalculatedType::Date | CalculatedType::DateTime) {
        // ISO 8601 text sorts in time order.
        let texts = values.filter_map(Value::as_text);
        let extreme = match rollup.aggregate {
            Aggregate::Min(_) => texts.min(),
            Aggregate::Max(_) => texts.max(),
            _ => None,
        };
        return extreme.map(|t| Value::Text(t.to_string()));
    }
    let numbers: Vec<f64> = values.filter_map(number).collect();
    let n = match rollup.aggregate {
        Aggregate::Count => numbers.len() as f64,
        Aggregate::Sum(_) => numbers.iter().sum(),
        Aggregate::Min(_) => numbers.iter().copied().reduce(f64::min)?,
        Aggregate::Max(_) => numbers.iter().copied().reduce(f64::max)?,
        Aggregate::Average(_) if numbers.is_empty() => return None,
        Aggregate::Average(_) => numbers.iter().sum::<f64>() / numbers.len() as f64,
    };
    typed(output, n)
}

/// A number as a value of the calculation's result type.
fn typed(output: CalculatedType, n: f64) -> Option<Value> {
    match output {
        CalculatedType::Number if n.is_finite() => Some(Value::Number(n)),
        CalculatedType::Currency if n.is_finite() && n.abs() <= MAX_MINOR_UNITS => Some(Value::Int(n.round() as i64)),
        _ => None,
    }
}

/// A stored value as a number: currency amounts count in minor units.
fn number(value: &Value) -> Option<f64> {
    match value {
        Value::Int(minor) => Some(*minor as f64),
        Value::Number(n) => Some(*n),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
