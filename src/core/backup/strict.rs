//! Strict JSON reading: the checks `serde_json` does not make on its own.
//!
//! A backup comes from outside (a USB stick, an e-mail), so it is read in three guarded steps:
//! the nesting depth is measured on the raw text first (a 10,000-deep document must be refused
//! before any recursive parser sees it), then the text is parsed into a tree that refuses
//! duplicate keys in an object, and finally each typed value is written back and compared with
//! what was read, which catches unknown or misspelled fields that serde would silently drop.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::{Map, Value};

/// The deepest nesting of arrays and objects the text may have, checked before parsing.
pub fn max_depth(text: &str) -> usize {
    let (mut depth, mut deepest, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for byte in text.bytes() {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// A JSON tree whose objects are known to have no duplicate keys.
pub struct Unique(pub Value);

impl<'de> Deserialize<'de> for Unique {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(UniqueVisitor).map(Unique)
    }
}

struct UniqueVisitor;

impl<'de> Visitor<'de> for UniqueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(Unique(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let Unique(value) = map.next_value()?;
            if out.contains_key(&key) {
                return Err(de::Error::custom(format!("{DUPLICATE_KEY} \"{key}\"")));
            }
            out.insert(key, value);
        }
        Ok(Value::Object(out))
    }
}

/// The start of the parser message for a repeated key, used to classify the error.
pub const DUPLICATE_KEY: &str = "duplicate key";

/// Where `written` (the typed value serialized back) differs from `read`: a JSON path and
/// whether the difference is a field the type does not know. `None` when they agree.
pub fn first_difference(read: &Value, written: &Value, path: &str) -> Option<(String, bool)> {
    difference(read, written).map(|(mut steps, unknown)| {
        steps.reverse();
        (format!("{path}{}", steps.concat()), unknown)
    })
}

/// The path of the first difference, innermost step first; built only when there is one,
/// since almost every entity of a real file agrees.
fn difference(read: &Value, written: &Value) -> Option<(Vec<String>, bool)> {
    let within = |step: String| move |(mut steps, unknown): (Vec<String>, bool)| {
        steps.push(step);
        (steps, unknown)
    };
    match (read, written) {
        (Value::Object(r), Value::Object(w)) => {
            if let Some(key) = r.keys().find(|k| !w.contains_key(*k)) {
                return Some((vec![format!(".{key}")], true));
            }
            if let Some(key) = w.keys().find(|k| !r.contains_key(*k)) {
                return Some((vec![format!(".{key}")], false));
            }
            r.iter().find_map(|(k, v)| difference(v, &w[k]).map(within(format!(".{k}"))))
        }
        (Value::Array(r), Value::Array(w)) if r.len() == w.len() => {
            r.iter().zip(w).enumerate().find_map(|(i, (r, w))| difference(r, w).map(within(format!("[{i}]"))))
        }
        (r, w) if r == w => None,
        _ => Some((Vec::new(), false)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_ignores_brackets_inside_strings() {
        for (text, depth) in [("1", 0), ("[]", 1), ("{\"a\":[1,{}]}", 3), ("[\"[[[\\\"[[\"]", 1), (&"[".repeat(10_000), 10_000)] {
            assert_eq!(max_depth(text), depth, "{text:.20}");
        }
    }

    #[test]
    fn duplicate_keys_are_refused_at_any_depth() {
        assert!(serde_json::from_str::<Unique>(r#"{"a":1,"b":{"c":1,"d":2}}"#).is_ok());
        for text in [r#"{"a":1,"a":2}"#, r#"[{"x":{"c":1,"c":1}}]"#] {
            let error = serde_json::from_str::<Unique>(text).err().map(|e| e.to_string()).unwrap_or_default();
            assert!(error.contains(DUPLICATE_KEY), "{text}: {error}");
        }
    }

    #[test]
    fn differences_name_the_path_and_whether_a_field_is_unknown() {
        let read = serde_json::json!({"a": {"b": [1, {"c": 2, "extra": 3}]}});
        let written = serde_json::json!({"a": {"b": [1, {"c": 2}]}});
        assert_eq!(first_difference(&read, &written, "$"), Some(("$.a.b[1].extra".into(), true)));
        assert_eq!(first_difference(&written, &written, "$"), None);
        let changed = serde_json::json!({"a": {"b": [1, {"c": 3}]}});
        assert_eq!(first_difference(&written, &changed, "$"), Some(("$.a.b[1].c".into(), false)));
    }
}
