//! Property values as stored: the schema says what type each one is.

use serde::{Deserialize, Serialize};

/// One property value. Dates and datetimes are ISO 8601 text (they sort as text);
/// currency amounts are integers in minor units so they never drift.
///
/// A list is a boxed slice rather than a `Vec`: with only one 24-byte variant left (`Text`),
/// the tag fits in the string's spare bits and a value takes 24 bytes instead of 32, which
/// is 8 bytes off every history entry of every record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Value {
    Bool(bool),
    Int(i64),
    Number(f64),
    Text(String),
    List(Box<[String]>),
}

impl Value {
    /// The value as plain text, the way a table cell or a CSV file shows it.
    pub fn display(&self) -> String {
        match self {
            Value::Bool(b) => b.to_string(),
            Value::Int(i) => i.to_string(),
            Value::Number(n) => n.to_string(),
            Value::Text(s) => s.clone(),
            Value::List(items) => items.join(";"),
        }
    }

    pub fn as_text(&self) -> Option<&str> {
        match self {
            Value::Text(s) => Some(s),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_takes_24_bytes() {
        assert_eq!(std::mem::size_of::<Value>(), 24);
        assert_eq!(std::mem::size_of::<Option<Value>>(), 24);
    }

    #[test]
    fn values_round_trip_through_json_exactly() {
        for v in [
            Value::Bool(true),
            Value::Int(123_456),
            Value::Number(0.1 + 0.2),
            Value::Number(5.0),
            Value::Text("Zoë".into()),
            Value::List(["a".into(), "b".into()].into()),
        ] {
            let json = serde_json::to_string(&v).expect("serializes");
            let back: Value = serde_json::from_str(&json).expect("parses");
            assert_eq!(back, v, "{json}");
        }
    }
}
