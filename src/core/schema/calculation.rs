//! How a calculated property is computed: the specification, not the evaluation.
//!
//! A calculated property is read-only. Its value comes from one of two [`Rule`]s:
//! - a [`Formula`] over the record's own number and currency properties, such as a deal's
//!   weighted amount (`amount × hs_deal_stage_probability`); the workspace recomputes it on
//!   every write of the record, so it is stored, sorted and filtered like any value;
//! - a [`Rollup`] over the records associated with this one (count, sum, minimum, maximum or
//!   average of one of their properties, optionally only over links carrying one label),
//!   such as a company's number of contacts; it depends on other records, so it is
//!   computed when read (see [`crate::core::calculate::rollup`]).
//!
//! Currency values take part in formulas in minor units, so `amount × probability` is an
//! amount in minor units again, rounded once when stored.

use serde::{Deserialize, Serialize};

/// What a calculation yields, which decides how the value is stored and shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CalculatedType {
    /// A plain number, stored as [`crate::core::value::Value::Number`].
    Number,
    /// An amount in minor units, stored as [`crate::core::value::Value::Int`].
    Currency,
    /// An ISO 8601 date: only the minimum or maximum of a date property yields one.
    Date,
    DateTime,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Calculation {
    pub output: CalculatedType,
    pub rule: Rule,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    Formula(Formula),
    Rollup(Rollup),
}

/// Arithmetic over the record's own properties. Any empty operand makes the result empty,
/// except a property read with a fallback (a missing discount counts as 0).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Formula {
    Property {
        name: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        otherwise: Option<f64>,
    },
    Constant(f64),
    Add(Box<Formula>, Box<Formula>),
    Subtract(Box<Formula>, Box<Formula>),
    Multiply(Box<Formula>, Box<Formula>),
    /// Empty when dividing by zero.
    Divide(Box<Formula>, Box<Formula>),
}

impl Formula {
    pub fn property(name: &str) -> Formula {
        Formula::Property { name: name.to_string(), otherwise: None }
    }

    /// A property that counts as `otherwise` when it is empty.
    pub fn property_or(name: &str, otherwise: f64) -> Formula {
        Formula::Property { name: name.to_string(), otherwise: Some(otherwise) }
    }

    pub fn plus(self, other: Formula) -> Formula {
        Formula::Add(Box::new(self), Box::new(other))
    }

    pub fn minus(self, other: Formula) -> Formula {
        Formula::Subtract(Box::new(self), Box::new(other))
    }

    pub fn times(self, other: Formula) -> Formula {
        Formula::Multiply(Box::new(self), Box::new(other))
    }

    pub fn divided_by(self, other: Formula) -> Formula {
        Formula::Divide(Box::new(self), Box::new(other))
    }

    /// The properties the formula reads, in order of appearance.
    pub fn inputs(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.collect_inputs(&mut out);
        out
    }

    fn collect_inputs<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Formula::Property { name, .. } => out.push(name),
            Formula::Constant(_) => {}
            Formula::Add(a, b) | Formula::Subtract(a, b) | Formula::Multiply(a, b) | Formula::Divide(a, b) => {
                a.collect_inputs(out);
                b.collect_inputs(out);
            }
        }
    }
}

/// An aggregate over the records associated with this one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rollup {
    /// The associated object whose records are aggregated, e.g. `contacts`.
    pub object: String,
    /// Only links carrying this association label count; `None` counts every link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    pub aggregate: Aggregate,
}

/// What is computed over the associated records; all but `Count` read one of their
/// properties and skip records where it is empty.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "function", content = "property", rename_all = "snake_case")]
pub enum Aggregate {
    Count,
    Sum(String),
    Min(String),
    Max(String),
    Average(String),
}

impl Aggregate {
    /// The property of the associated records this aggregate reads.
    pub fn property(&self) -> Option<&str> {
        match self {
            Aggregate::Count => None,
            Aggregate::Sum(p) | Aggregate::Min(p) | Aggregate::Max(p) | Aggregate::Average(p) => Some(p),
        }
    }
}

impl Calculation {
    pub fn formula(output: CalculatedType, formula: Formula) -> Self {
        Calculation { output, rule: Rule::Formula(formula) }
    }

    pub fn rollup(output: CalculatedType, object: &str, label: Option<&str>, aggregate: Aggregate) -> Self {
        Calculation { output, rule: Rule::Rollup(Rollup { object: object.to_string(), label: label.map(str::to_string), aggregate }) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_list_their_inputs_in_order() {
        let net = Formula::property("quantity").times(Formula::property("price")).minus(Formula::property_or("hs_discount", 0.0));
        assert_eq!(net.inputs(), ["quantity", "price", "hs_discount"]);
        assert!(Formula::Constant(2.0).inputs().is_empty());
    }

    #[test]
    fn calculations_round_trip_through_json() {
        let cases = [
            Calculation::formula(CalculatedType::Currency, Formula::property("amount").times(Formula::property("hs_deal_stage_probability"))),
            Calculation::formula(CalculatedType::Number, Formula::property_or("a", 0.0).divided_by(Formula::Constant(3.0)).plus(Formula::Constant(1.5))),
            Calculation::rollup(CalculatedType::Number, "contacts", None, Aggregate::Count),
            Calculation::rollup(CalculatedType::Date, "deals", Some("primary"), Aggregate::Max(String::from("closedate"))),
        ];
        for calculation in cases {
            let json = serde_json::to_string(&calculation).expect("serializes");
            let back: Calculation = serde_json::from_str(&json).expect("parses");
            assert_eq!(back, calculation, "{json}");
        }
    }

    #[test]
    fn aggregates_name_the_property_they_read() {
        assert_eq!(Aggregate::Count.property(), None);
        assert_eq!(Aggregate::Average("amount".into()).property(), Some("amount"));
    }
}
