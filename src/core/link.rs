//! Which record values become links, and to what.
//!
//! Values are user data: only a web address with an http(s) scheme, an email address
//! (`mailto:`) or a phone number (`tel:`) becomes a link, so no value can smuggle in a
//! `javascript:` or `data:` URL.

use super::schema::PropertyType;
use super::value::Value;

/// The link target for a value of this type, or `None` when it is shown as plain text.
pub fn value_link(kind: &PropertyType, value: &Value) -> Option<String> {
    let text = value.as_text()?.trim();
    // Addresses never contain spaces or control characters; phone numbers often have spaces.
    let compact = !text.is_empty() && !text.chars().any(|c| c.is_whitespace() || c.is_control());
    match kind {
        PropertyType::Url => {
            let lower = text.to_ascii_lowercase();
            (compact && (lower.starts_with("http://") || lower.starts_with("https://"))).then(|| text.to_string())
        }
        PropertyType::Email => {
            let (local, domain) = text.split_once('@')?;
            let safe = compact && !local.is_empty() && domain.contains('.') && !text.contains([':', '/', '?', '#']);
            safe.then(|| format!("mailto:{text}"))
        }
        PropertyType::Phone => {
            // Keep what a dialler understands: a leading + and the digits.
            let digits: String = text.chars().filter(char::is_ascii_digit).collect();
            let plus = if text.starts_with('+') { "+" } else { "" };
            (!digits.is_empty()).then(|| format!("tel:{plus}{digits}"))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Value {
        Value::Text(s.into())
    }

    #[test]
    fn web_addresses_link_only_over_http_or_https() {
        assert_eq!(value_link(&PropertyType::Url, &text("https://example.com/a")), Some("https://example.com/a".into()));
        assert_eq!(value_link(&PropertyType::Url, &text("HTTP://example.com")), Some("HTTP://example.com".into()));
        for bad in ["javascript:alert(1)", "data:text/html,x", "ftp://example.com", "example.com", "https://a b"] {
            assert_eq!(value_link(&PropertyType::Url, &text(bad)), None, "{bad}");
        }
    }

    #[test]
    fn emails_become_mailto_and_phones_tel() {
        assert_eq!(value_link(&PropertyType::Email, &text("ada@example.com")), Some("mailto:ada@example.com".into()));
        assert_eq!(value_link(&PropertyType::Email, &text("javascript:x@y.z")), None);
        assert_eq!(value_link(&PropertyType::Phone, &text("+33 (1) 23-45")), Some("tel:+3312345".into()));
        assert_eq!(value_link(&PropertyType::Phone, &text("+33 1 23")), Some("tel:+33123".into()));
        assert_eq!(value_link(&PropertyType::Phone, &text("n/a")), None);
    }

    #[test]
    fn other_types_and_values_stay_text() {
        assert_eq!(value_link(&PropertyType::SingleLineText, &text("https://example.com")), None);
        assert_eq!(value_link(&PropertyType::Url, &Value::Int(3)), None);
    }
}
