//! Validation and normalization of every value written to a property.
//!
//! A write passes through [`normalize`] first: it either returns the value in canonical form
//! (emails lower-cased, dates in ISO 8601, amounts in minor units) or a [`Invalid`] reason
//! that the UI shows next to the field. Nothing is stored that did not pass here.

use thiserror::Error;

mod conforms;
mod convert;
mod domain;
pub use conforms::conforms;
pub use convert::convert;
pub use domain::normalize_domain;

use super::schema::{PropertyDef, PropertyType};
use super::value::Value;

/// Why a value was refused. The UI translates each variant; the text here is for logs.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum Invalid {
    #[error("not a valid email address")]
    Email,
    #[error("not an http(s) URL")]
    Url,
    #[error("not a web domain")]
    Domain,
    #[error("not a phone number")]
    Phone,
    #[error("not a number")]
    Number,
    #[error("below the minimum")]
    BelowMin,
    #[error("above the maximum")]
    AboveMax,
    #[error("not a date (YYYY-MM-DD)")]
    Date,
    #[error("not a date and time")]
    DateTime,
    #[error("not one of the options")]
    UnknownOption,
    #[error("not yes or no")]
    Checkbox,
    #[error("this property is read-only")]
    ReadOnly,
}

/// Normalizes raw input for a property. Empty input means "clear the value" (`Ok(None)`).
pub fn normalize(def: &PropertyDef, raw: &str) -> Result<Option<Value>, Invalid> {
    if def.read_only || matches!(def.kind, PropertyType::Calculated) {
        return Err(Invalid::ReadOnly);
    }
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    let value = match &def.kind {
        PropertyType::SingleLineText | PropertyType::Owner => Value::Text(trimmed.to_string()),
        PropertyType::MultiLineText => Value::Text(raw.trim_end().to_string()),
        PropertyType::Email => Value::Text(normalize_email(trimmed)?),
        PropertyType::Url => Value::Text(normalize_url(trimmed)?),
        PropertyType::Domain => Value::Text(normalize_domain(trimmed)?),
        PropertyType::Phone => Value::Text(normalize_phone(trimmed)?),
        PropertyType::Number { decimals, min, max } => {
            let n = parse_decimal(trimmed).ok_or(Invalid::Number)?;
            let n = match decimals {
                Some(d) => round_to(n, *d),
                None => n,
            };
            if min.is_some_and(|m| n < m) {
                return Err(Invalid::BelowMin);
            }
            if max.is_some_and(|m| n > m) {
                return Err(Invalid::AboveMax);
            }
            Value::Number(n)
        }
        PropertyType::Currency => Value::Int(parse_minor_units(trimmed).ok_or(Invalid::Number)?),
        PropertyType::Date => Value::Text(normalize_date(trimmed)?),
        PropertyType::DateTime => Value::Text(normalize_datetime(trimmed)?),
        PropertyType::Checkbox => Value::Bool(parse_bool(trimmed)?),
        PropertyType::Dropdown | PropertyType::Radio => Value::Text(option_value(def, trimmed)?),
        PropertyType::Checkboxes => {
            let mut chosen = Vec::new();
            for part in trimmed.split(';').map(str::trim).filter(|p| !p.is_empty()) {
                let v = option_value(def, part)?;
                if !chosen.contains(&v) {
                    chosen.push(v);
                }
            }
            Value::List(chosen.into())
        }
        PropertyType::Calculated => return Err(Invalid::ReadOnly),
    };
    Ok(Some(value))
}

/// Trims and lower-cases an email and checks its shape: `local@domain.tld`.
pub fn normalize_email(raw: &str) -> Result<String, Invalid> {
    let email = raw.trim().to_lowercase();
    let (local, domain) = email.split_once('@').ok_or(Invalid::Email)?;
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local.chars().all(|c| c.is_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty() && !l.starts_with('-') && !l.ends_with('-') && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && labels.last().is_some_and(|tld| tld.chars().count() >= 2 && !tld.chars().all(|c| c.is_ascii_digit()));
    if local_ok && domain_ok && email.len() <= 254 {
        Ok(email)
    } else {
        Err(Invalid::Email)
    }
}

/// Accepts only `http:` and `https:` URLs with a host; adds `https://` to a bare host.
pub fn normalize_url(raw: &str) -> Result<String, Invalid> {
    let lower = raw.to_ascii_lowercase();
    let (scheme_len, with_scheme) = if lower.starts_with("https://") {
        (8, raw.to_string())
    } else if lower.starts_with("http://") {
        (7, raw.to_string())
    } else if lower.contains("://") || lower.contains(':') && !lower.contains('.') {
        return Err(Invalid::Url);
    } else {
        (8, format!("https://{raw}"))
    };
    let rest = &with_scheme[scheme_len..];
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_ok = !host.is_empty() && host.contains('.') && !host.chars().any(|c| c.is_whitespace() || c == '@');
    if host_ok && !with_scheme.chars().any(char::is_whitespace) {
        Ok(with_scheme)
    } else {
        Err(Invalid::Url)
    }
}

/// Keeps a phone number as typed, provided it holds 3 to 20 digits and only dialling marks.
pub fn normalize_phone(raw: &str) -> Result<String, Invalid> {
    let digits = phone_digits(raw);
    let allowed = raw.chars().all(|c| c.is_ascii_digit() || " +-().ext/".contains(c));
    if allowed && (3..=20).contains(&digits.len()) {
        Ok(raw.to_string())
    } else {
        Err(Invalid::Phone)
    }
}

/// The digits of a phone number with a leading `+` kept: what search and dedup compare.
pub fn phone_digits(raw: &str) -> String {
    let mut out = String::new();
    if raw.trim_start().starts_with('+') {
        out.push('+');
    }
    out.extend(raw.chars().filter(char::is_ascii_digit));
    out
}

/// Parses a decimal number; a comma is accepted as the decimal separator.
pub fn parse_decimal(raw: &str) -> Option<f64> {
    let cleaned: String = raw.chars().filter(|c| !c.is_whitespace() && *c != '\u{a0}').collect();
    let cleaned = if cleaned.contains(',') && !cleaned.contains('.') { cleaned.replace(',', ".") } else { cleaned.replace(',', "") };
    let n: f64 = cleaned.parse().ok()?;
    n.is_finite().then_some(n)
}

/// Parses an amount such as `1234.5` into minor units (`123450`), refusing sub-cent input.
pub fn parse_minor_units(raw: &str) -> Option<i64> {
    let n = parse_decimal(raw)?;
    let minor = (n * 100.0).round();
    if (minor / 100.0 - n).abs() > 1e-9 * n.abs().max(1.0) || minor.abs() > 9.0e15 {
        return None;
    }
    Some(minor as i64)
}

fn round_to(n: f64, decimals: u8) -> f64 {
    let f = 10f64.powi(decimals as i32);
    (n * f).round() / f
}

pub fn normalize_date(raw: &str) -> Result<String, Invalid> {
    chrono::NaiveDate::parse_from_str(raw, "%Y-%m-%d")
        .map(|d| d.format("%Y-%m-%d").to_string())
        .map_err(|_| Invalid::Date)
}

/// Accepts RFC 3339 (any offset, stored in UTC) or a local `YYYY-MM-DDTHH:MM` taken as UTC.
pub fn normalize_datetime(raw: &str) -> Result<String, Invalid> {
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(raw) {
        return Ok(t.with_timezone(&chrono::Utc).format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string());
    }
    for format in ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"] {
        if let Ok(t) = chrono::NaiveDateTime::parse_from_str(raw, format) {
            return Ok(t.and_utc().format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string());
        }
    }
    Err(Invalid::DateTime)
}

fn parse_bool(raw: &str) -> Result<bool, Invalid> {
    match raw.to_lowercase().as_str() {
        "true" | "yes" | "1" | "y" | "on" => Ok(true),
        "false" | "no" | "0" | "n" | "off" => Ok(false),
        _ => Err(Invalid::Checkbox),
    }
}

/// Finds an option by value, or by label, case-insensitively; returns its value.
fn option_value(def: &PropertyDef, raw: &str) -> Result<String, Invalid> {
    def.options
        .iter()
        .find(|o| o.value == raw)
        .or_else(|| def.options.iter().find(|o| o.value.eq_ignore_ascii_case(raw) || o.label.eq_ignore_ascii_case(raw)))
        .map(|o| o.value.clone())
        .ok_or(Invalid::UnknownOption)
}

#[cfg(test)]
mod tests;
