//! The property editor's "Calculated" inputs turned into a [`Calculation`].
//!
//! A formula is typed as arithmetic over the object's number and currency properties by
//! internal name: `amount * hs_deal_stage_probability`, `(price - cost) / price`. `×` and `÷`
//! are accepted for `*` and `/`, and a decimal comma for the point. A rollup is chosen from
//! menus: an associated object, a function and, except for a count, one of its properties.
//! What the result is (a number, an amount, a date) follows from the inputs, so the user
//! never has to say it.

use thiserror::Error;

use crate::core::association::AssociationDefs;
use crate::core::schema::{Aggregate, CalculatedType, Calculation, Formula, ObjectDef, PropertyType, Schema};

/// Why the calculation inputs do not make a calculation yet.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum CalculationProblem {
    #[error("the formula is empty")]
    EmptyFormula,
    #[error("the formula cannot be read at character {0}")]
    Syntax(usize),
    #[error("{0} is not a number or currency property of this object")]
    NotANumber(String),
    #[error("choose an associated object")]
    NoObject,
    #[error("choose the property to aggregate")]
    NoProperty,
}

/// The functions a rollup offers, by the tag the form sends.
pub const ROLLUP_FUNCTIONS: [&str; 5] = ["count", "sum", "min", "max", "average"];

/// What the editor collected.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CalculationDraft {
    /// `true` for a rollup over associated records, `false` for a formula.
    pub rollup: bool,
    pub formula: String,
    pub object: String,
    /// One of [`ROLLUP_FUNCTIONS`].
    pub function: String,
    pub property: String,
}

impl CalculationDraft {
    /// The calculation for a property of `object` in `schema`.
    pub fn calculation(&self, schema: &Schema, object: &ObjectDef) -> Result<Calculation, CalculationProblem> {
        if !self.rollup {
            let formula = parse_formula(&self.formula, object)?;
            let money = formula.inputs().iter().any(|name| object.property(name).is_some_and(|p| p.kind == PropertyType::Currency));
            let output = if money { CalculatedType::Currency } else { CalculatedType::Number };
            return Ok(Calculation::formula(output, formula));
        }
        let other = schema.object(self.object.trim()).ok_or(CalculationProblem::NoObject)?;
        if self.function == "count" || self.function.is_empty() {
            return Ok(Calculation::rollup(CalculatedType::Number, &other.name, None, Aggregate::Count));
        }
        let property = other.property(self.property.trim()).ok_or(CalculationProblem::NoProperty)?;
        let name = property.name.clone();
        let aggregate = match self.function.as_str() {
            "sum" => Aggregate::Sum(name),
            "min" => Aggregate::Min(name),
            "max" => Aggregate::Max(name),
            _ => Aggregate::Average(name),
        };
        let output = match property.kind {
            PropertyType::Currency => CalculatedType::Currency,
            PropertyType::Date => CalculatedType::Date,
            PropertyType::DateTime => CalculatedType::DateTime,
            _ => CalculatedType::Number,
        };
        Ok(Calculation::rollup(output, &other.name, None, aggregate))
    }
}

/// The properties a formula of `object` may read: its number and currency properties.
pub fn formula_inputs(object: &ObjectDef) -> Vec<&str> {
    object.properties.iter().filter(|p| matches!(p.kind, PropertyType::Number { .. } | PropertyType::Currency)).map(|p| p.name.as_str()).collect()
}

/// The properties a rollup function can aggregate on `object`: numbers and amounts, and
/// for a minimum or maximum dates too.
pub fn rollup_inputs<'a>(object: &'a ObjectDef, function: &str) -> Vec<&'a str> {
    let dates = matches!(function, "min" | "max");
    object
        .properties
        .iter()
        .filter(|p| matches!(p.kind, PropertyType::Number { .. } | PropertyType::Currency) || (dates && matches!(p.kind, PropertyType::Date | PropertyType::DateTime)))
        .map(|p| p.name.as_str())
        .collect()
}

/// The objects a rollup of `object` can aggregate: those it has an association with.
pub fn rollup_objects(defs: &AssociationDefs, object: &str) -> Vec<String> {
    let mut out: Vec<String> = defs
        .defs
        .iter()
        .filter_map(|d| if d.a == object { Some(d.b.clone()) } else if d.b == object { Some(d.a.clone()) } else { None })
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Reads a formula over `object`'s number and currency properties.
pub fn parse_formula(text: &str, object: &ObjectDef) -> Result<Formula, CalculationProblem> {
    let tokens = tokens(text)?;
    if tokens.is_empty() {
        return Err(CalculationProblem::EmptyFormula);
    }
    let mut parser = Parser { tokens, at: 0, object, end: text.chars().count() };
    let formula = parser.sum()?;
    match parser.tokens.get(parser.at) {
        None => Ok(formula),
        Some((_, at)) => Err(CalculationProblem::Syntax(*at)),
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Token {
    Number(f64),
    Name(String),
    Op(char),
    Open,
    Close,
}

/// The formula's tokens, each with the character position it starts at (from 1).
fn tokens(text: &str) -> Result<Vec<(Token, usize)>, CalculationProblem> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let start = i;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let token = match c {
            '+' | '-' | '−' => Token::Op(if c == '+' { '+' } else { '-' }),
            '*' | '×' => Token::Op('*'),
            '/' | '÷' => Token::Op('/'),
            '(' => Token::Open,
            ')' => Token::Close,
            d if d.is_ascii_digit() => {
                while i + 1 < chars.len() && (chars[i + 1].is_ascii_digit() || chars[i + 1] == '.' || chars[i + 1] == ',') {
                    i += 1;
                }
                let digits: String = chars[start..=i].iter().map(|c| if *c == ',' { '.' } else { *c }).collect();
                Token::Number(digits.parse().map_err(|_| CalculationProblem::Syntax(start + 1))?)
            }
            l if l.is_ascii_alphabetic() => {
                while i + 1 < chars.len() && (chars[i + 1].is_ascii_alphanumeric() || chars[i + 1] == '_') {
                    i += 1;
                }
                Token::Name(chars[start..=i].iter().collect())
            }
            _ => return Err(CalculationProblem::Syntax(start + 1)),
        };
        out.push((token, start + 1));
        i += 1;
    }
    Ok(out)
}

/// Recursive descent: sum of products of factors, the usual precedence.
struct Parser<'a> {
    tokens: Vec<(Token, usize)>,
    at: usize,
    object: &'a ObjectDef,
    /// Where "the end" is, for a formula that stops too early.
    end: usize,
}

impl Parser<'_> {
    fn peek_op(&self, ops: &[char]) -> Option<char> {
        match self.tokens.get(self.at) {
            Some((Token::Op(op), _)) if ops.contains(op) => Some(*op),
            _ => None,
        }
    }

    fn sum(&mut self) -> Result<Formula, CalculationProblem> {
        let mut left = self.product()?;
        while let Some(op) = self.peek_op(&['+', '-']) {
            self.at += 1;
            let right = self.product()?;
            left = if op == '+' { left.plus(right) } else { left.minus(right) };
        }
        Ok(left)
    }

    fn product(&mut self) -> Result<Formula, CalculationProblem> {
        let mut left = self.factor()?;
        while let Some(op) = self.peek_op(&['*', '/']) {
            self.at += 1;
            let right = self.factor()?;
            left = if op == '*' { left.times(right) } else { left.divided_by(right) };
        }
        Ok(left)
    }

    fn factor(&mut self) -> Result<Formula, CalculationProblem> {
        let Some((token, at)) = self.tokens.get(self.at).cloned() else { return Err(CalculationProblem::Syntax(self.end + 1)) };
        self.at += 1;
        match token {
            Token::Number(n) => Ok(Formula::Constant(n)),
            Token::Name(name) => {
                let numeric = self.object.property(&name).is_some_and(|p| matches!(p.kind, PropertyType::Number { .. } | PropertyType::Currency));
                if numeric {
                    Ok(Formula::property(&name))
                } else {
                    Err(CalculationProblem::NotANumber(name))
                }
            }
            Token::Op('-') => Ok(Formula::Constant(0.0).minus(self.factor()?)),
            Token::Open => {
                let inner = self.sum()?;
                match self.tokens.get(self.at) {
                    Some((Token::Close, _)) => {
                        self.at += 1;
                        Ok(inner)
                    }
                    Some((_, at)) => Err(CalculationProblem::Syntax(*at)),
                    None => Err(CalculationProblem::Syntax(self.end + 1)),
                }
            }
            Token::Op(_) | Token::Close => Err(CalculationProblem::Syntax(at)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::schema::default_schema;

    fn deals() -> ObjectDef {
        default_schema().object("deals").cloned().expect("default object")
    }

    #[test]
    fn formulas_read_with_the_usual_precedence() {
        let deals = deals();
        let parsed = parse_formula("amount - amount * 0,1 / (2 + hs_deal_stage_probability)", &deals).expect("valid");
        let expected = Formula::property("amount").minus(
            Formula::property("amount").times(Formula::Constant(0.1)).divided_by(Formula::Constant(2.0).plus(Formula::property("hs_deal_stage_probability"))),
        );
        assert_eq!(parsed, expected);
        assert_eq!(parse_formula("amount × 2", &deals), Ok(Formula::property("amount").times(Formula::Constant(2.0))));
        assert_eq!(parse_formula("-amount", &deals), Ok(Formula::Constant(0.0).minus(Formula::property("amount"))));
    }

    #[test]
    fn unreadable_formulas_say_where_and_why() {
        let deals = deals();
        assert_eq!(parse_formula("  ", &deals), Err(CalculationProblem::EmptyFormula));
        assert_eq!(parse_formula("amount *", &deals), Err(CalculationProblem::Syntax(9)));
        assert_eq!(parse_formula("(amount", &deals), Err(CalculationProblem::Syntax(8)));
        assert_eq!(parse_formula("amount ) 2", &deals), Err(CalculationProblem::Syntax(8)));
        assert_eq!(parse_formula("amount % 2", &deals), Err(CalculationProblem::Syntax(8)));
        assert_eq!(parse_formula("dealname * 2", &deals), Err(CalculationProblem::NotANumber("dealname".into())));
        assert_eq!(parse_formula("nothing + 1", &deals), Err(CalculationProblem::NotANumber("nothing".into())));
    }

    #[test]
    fn the_result_type_follows_the_inputs() {
        let schema = default_schema();
        let deals = deals();
        let draft = |rollup, formula: &str, object: &str, function: &str, property: &str| CalculationDraft {
            rollup,
            formula: formula.into(),
            object: object.into(),
            function: function.into(),
            property: property.into(),
        };
        let money = draft(false, "amount * 2", "", "", "").calculation(&schema, &deals).expect("valid");
        assert_eq!(money.output, CalculatedType::Currency);
        let number = draft(false, "hs_deal_stage_probability * 100", "", "", "").calculation(&schema, &deals).expect("valid");
        assert_eq!(number.output, CalculatedType::Number);
        let companies = schema.object("companies").cloned().expect("default object");
        let count = draft(true, "", "contacts", "count", "").calculation(&schema, &companies).expect("valid");
        assert_eq!(count, Calculation::rollup(CalculatedType::Number, "contacts", None, Aggregate::Count));
        let sum = draft(true, "", "deals", "sum", "amount").calculation(&schema, &companies).expect("valid");
        assert_eq!(sum, Calculation::rollup(CalculatedType::Currency, "deals", None, Aggregate::Sum("amount".into())));
        let latest = draft(true, "", "deals", "max", "closedate").calculation(&schema, &companies).expect("valid");
        assert_eq!(latest.output, CalculatedType::Date);
        assert_eq!(draft(true, "", "deals", "sum", "").calculation(&schema, &companies), Err(CalculationProblem::NoProperty));
        assert_eq!(draft(true, "", "", "count", "").calculation(&schema, &companies), Err(CalculationProblem::NoObject));
        assert!(rollup_inputs(&deals, "max").contains(&"closedate"));
        assert!(!rollup_inputs(&deals, "sum").contains(&"closedate"));
        assert!(formula_inputs(&deals).contains(&"amount"));
        let around_companies = rollup_objects(&crate::core::association::default_associations(), "companies");
        assert!(around_companies.contains(&"contacts".to_string()) && around_companies.contains(&"deals".to_string()));
    }
}
