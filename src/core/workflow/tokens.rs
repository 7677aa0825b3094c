//! Personalization tokens such as `{{contact.firstname}}` or `{{deal.dealname}}`, and the
//! `mailto:` link that hands a ready email to the user's mail program.
//!
//! A token names an object (singular or plural internal name) and a property. It reads the
//! enrolled record when the object is the record's own, otherwise the first associated record
//! of that object. A token that finds nothing becomes empty text: a half-personalized email
//! reads better than one with braces in it.

use crate::core::id::RecordId;
use crate::core::schema::{PropertyDef, PropertyType};
use crate::core::value::Value;
use crate::core::workspace::Workspace;

/// Whether a token's object name designates `object` (`contact` and `contacts` both do).
fn names(token_object: &str, object: &str) -> bool {
    let singular = object.strip_suffix("ies").map(|s| format!("{s}y")).or_else(|| object.strip_suffix('s').map(str::to_string));
    token_object == object || singular.as_deref() == Some(token_object)
}

/// The text of one token for `record`, empty when nothing answers it.
fn resolve(ws: &Workspace, record: &RecordId, token: &str) -> String {
    let Some((object, property)) = token.trim().split_once('.') else { return String::new() };
    let Some(own) = ws.record(record) else { return String::new() };
    if names(object, &own.object) {
        return own.text(property);
    }
    let target = ws.schema().objects.iter().map(|o| o.name.as_str()).find(|name| names(object, name));
    target
        .and_then(|target| ws.associations().ids(record, target).next().cloned())
        .and_then(|id| ws.record(&id).map(|r| r.text(property)))
        .unwrap_or_default()
}

/// `text` with every `{{object.property}}` replaced by its value for `record`.
pub fn fill(ws: &Workspace, record: &RecordId, text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        let Some(len) = rest[start + 2..].find("}}") else { break };
        out.push_str(&rest[..start]);
        out.push_str(&resolve(ws, record, &rest[start + 2..start + 2 + len]));
        rest = &rest[start + 2 + len + 2..];
    }
    out.push_str(rest);
    out
}

/// A value as the text a write of it takes back: amounts in major units, the rest as shown.
pub fn input_text(def: Option<&PropertyDef>, value: &Value) -> String {
    match (def.map(|d| &d.kind), value) {
        (Some(PropertyType::Currency), Value::Int(minor)) => {
            let sign = if *minor < 0 { "-" } else { "" };
            format!("{sign}{}.{:02}", minor.unsigned_abs() / 100, minor.unsigned_abs() % 100)
        }
        _ => value.display(),
    }
}

/// Percent-encodes everything outside RFC 3986's unreserved set, so a subject or body with
/// `&`, `?`, `#`, spaces or line breaks stays one field of the link.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The `mailto:` link of a ready email. Line breaks become CRLF, as RFC 6068 asks.
pub fn mailto(to: &str, subject: &str, body: &str) -> String {
    let body = body.replace("\r\n", "\n").replace('\n', "\r\n");
    let to = encode(to).replace("%40", "@");
    format!("mailto:{to}?subject={}&body={}", encode(subject), encode(&body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mailto_encodes_subject_and_body_as_single_fields() {
        let link = mailto("ada@example.com", "Q&A: 50% off?", "Hi Ada,\nsee #3 = ok");
        assert_eq!(link, "mailto:ada@example.com?subject=Q%26A%3A%2050%25%20off%3F&body=Hi%20Ada%2C%0D%0Asee%20%233%20%3D%20ok");
        assert!(mailto("zoë@example.com", "", "").starts_with("mailto:zo%C3%AB@example.com?"));
    }

    #[test]
    fn amounts_are_written_back_in_major_units() {
        let mut def = PropertyDef::new("amount", "Amount", "g", PropertyType::Currency);
        assert_eq!(input_text(Some(&def), &Value::Int(120_005)), "1200.05");
        assert_eq!(input_text(Some(&def), &Value::Int(-5)), "-0.05");
        def.kind = PropertyType::SingleLineText;
        assert_eq!(input_text(Some(&def), &Value::Text("12".into())), "12");
    }

    #[test]
    fn object_names_match_singular_and_plural() {
        assert!(names("contact", "contacts"));
        assert!(names("contacts", "contacts"));
        assert!(names("company", "companies"));
        assert!(!names("deal", "contacts"));
    }
}
