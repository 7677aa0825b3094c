//! Which values become links. Only web addresses, emails and phone numbers do, and only
//! with a safe scheme, so a stored `javascript:` value can never be clicked.

use crate::core::schema::PropertyType;

/// A link target for a value, with the text it shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    pub href: String,
}

/// The link a value of this type opens, if any: http(s) URLs as they are, domains as
/// `https://`, emails as `mailto:`, phone numbers as `tel:` with their dialable characters.
pub fn value_link(kind: &PropertyType, text: &str) -> Option<Link> {
    let text = text.trim();
    if text.is_empty() || text.chars().any(char::is_control) {
        return None;
    }
    let href = match kind {
        PropertyType::Url => {
            let lower = text.to_ascii_lowercase();
            (lower.starts_with("http://") || lower.starts_with("https://")).then(|| text.to_string())?
        }
        PropertyType::Domain => {
            let ok = text.chars().all(|c| c.is_alphanumeric() || c == '.' || c == '-');
            ok.then(|| format!("https://{text}"))?
        }
        PropertyType::Email => {
            let ok = text.contains('@') && !text.contains(|c: char| c.is_whitespace() || matches!(c, '?' | '&' | '<' | '>' | '"'));
            ok.then(|| format!("mailto:{text}"))?
        }
        PropertyType::Phone => {
            let dial: String = text.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
            (dial.chars().any(|c| c.is_ascii_digit())).then(|| format!("tel:{dial}"))?
        }
        _ => return None,
    };
    Some(Link { href })
}
