//! Carrying a stored value over to a property's new type.
//!
//! When a property changes type (or loses options), each stored value either still
//! [`conforms`], or [`convert`] finds the one value of the new type that says the same
//! thing: `42` becomes the text `"42"` and back, the text `"12.50"` becomes a currency
//! amount, a yes/no checkbox becomes the `yes` or `no` option of a dropdown, a single
//! dropdown choice becomes a one-item multiple-checkbox value. Nothing is rounded, cut or
//! guessed: if the new type cannot hold the value as it is, there is no conversion and the
//! schema edit is refused with the list of records concerned.

use super::{
    conforms, normalize_date, normalize_datetime, normalize_domain, normalize_email, normalize_phone, normalize_url, option_value, parse_bool,
    parse_decimal, parse_minor_units,
};
use crate::core::schema::{PropertyDef, PropertyType};
use crate::core::value::Value;

/// The suffix of a datetime at midnight UTC, the only time a date can drop losslessly.
const MIDNIGHT: &str = "T00:00:00.000Z";

/// The value `value` becomes under the definition `def`, or `None` when it cannot be
/// carried over without loss. A value that already conforms is returned as it is.
pub fn convert(def: &PropertyDef, value: &Value) -> Option<Value> {
    if conforms(def, value) {
        return Some(value.clone());
    }
    let converted = match (&def.kind, value) {
        (PropertyType::SingleLineText | PropertyType::MultiLineText, v) => Value::Text(text_form(v)),
        (PropertyType::Number { .. }, Value::Text(t)) => Value::Number(parse_decimal(t)?),
        (PropertyType::Number { .. }, Value::Int(minor)) => Value::Number(*minor as f64 / 100.0),
        (PropertyType::Currency, Value::Text(t)) => Value::Int(parse_minor_units(t)?),
        (PropertyType::Currency, Value::Number(n)) => Value::Int(parse_minor_units(&n.to_string())?),
        (PropertyType::Date, Value::Text(t)) => Value::Text(to_date(t)?),
        (PropertyType::DateTime, Value::Text(t)) => Value::Text(to_datetime(t)?),
        (PropertyType::Email, Value::Text(t)) => Value::Text(normalize_email(t).ok()?),
        (PropertyType::Url, Value::Text(t)) => Value::Text(normalize_url(t.trim()).ok()?),
        (PropertyType::Phone, Value::Text(t)) => Value::Text(normalize_phone(t.trim()).ok()?),
        (PropertyType::Domain, Value::Text(t)) => {
            // Only a bare domain converts: dropping a scheme or a path would lose text.
            let bare = t.trim().to_lowercase();
            let domain = normalize_domain(t).ok().filter(|d| *d == bare)?;
            Value::Text(domain)
        }
        (PropertyType::Dropdown | PropertyType::Radio, Value::Text(t)) => Value::Text(option_value(def, t).ok()?),
        (PropertyType::Dropdown | PropertyType::Radio, Value::Bool(b)) => Value::Text(yes_no_option(def, *b)?),
        (PropertyType::Dropdown | PropertyType::Radio, Value::List(items)) => match &items[..] {
            [only] => Value::Text(option_value(def, only).ok()?),
            _ => return None,
        },
        (PropertyType::Checkboxes, Value::Text(t)) => Value::List([option_value(def, t).ok()?].into()),
        (PropertyType::Checkboxes, Value::List(items)) => Value::List(items.iter().map(|i| option_value(def, i).ok()).collect::<Option<_>>()?),
        (PropertyType::Checkbox, Value::Text(t)) => Value::Bool(parse_bool(t.trim()).ok()?),
        _ => return None,
    };
    // Bounds, decimals and options of the new definition still apply: a conversion never
    // rounds or clamps to fit.
    conforms(def, &converted).then_some(converted)
}

/// A value written as text that reads back to the same value.
fn text_form(value: &Value) -> String {
    match value {
        Value::Int(minor) => minor_units_text(*minor),
        other => other.display(),
    }
}

/// An amount in minor units as a decimal with two places: `123450` → `1234.50`.
fn minor_units_text(minor: i64) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let abs = (minor as i128).abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

fn to_date(text: &str) -> Option<String> {
    if let Some(date) = text.strip_suffix(MIDNIGHT).filter(|_| normalize_datetime(text).as_deref() == Ok(text)) {
        return Some(date.to_string());
    }
    normalize_date(text.trim()).ok()
}

fn to_datetime(text: &str) -> Option<String> {
    match normalize_date(text.trim()) {
        Ok(date) => Some(format!("{date}{MIDNIGHT}")),
        Err(_) => normalize_datetime(text.trim()).ok(),
    }
}

/// The option of a yes/no enumeration that means `yes`: its value or label reads as the
/// checkbox state ("yes", "true", "on"…).
fn yes_no_option(def: &PropertyDef, yes: bool) -> Option<String> {
    let means = |text: &str| parse_bool(text.trim()) == Ok(yes);
    def.options.iter().find(|o| means(&o.value) || means(&o.label)).map(|o| o.value.clone())
}

// Property tests need proptest, which is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::schema::EnumOption;
    use proptest::prelude::*;

    /// (old type, its options, stored value, the value once converted or `None` if refused).
    type Conversion = (PropertyType, &'static [(&'static str, &'static str)], Value, Option<Value>);
    /// (type, its options, the other type, a value that converts there and back).
    type RoundTrip = (PropertyType, &'static [(&'static str, &'static str)], PropertyType, Value);

    fn def(kind: PropertyType, options: &[(&str, &str)]) -> PropertyDef {
        let mut d = PropertyDef::new("p", "P", "g", kind);
        d.options = options.iter().map(|(v, l)| EnumOption::new(v, l)).collect();
        d
    }

    fn text(s: &str) -> Value {
        Value::Text(s.to_string())
    }

    fn number(decimals: Option<u8>, min: Option<f64>, max: Option<f64>) -> PropertyType {
        PropertyType::Number { decimals, min, max }
    }

    const TIERS: &[(&str, &str)] = &[("gold", "Gold"), ("silver", "Silver")];
    const YES_NO: &[(&str, &str)] = &[("yes", "Yes"), ("no", "No")];

    #[test]
    fn values_convert_when_nothing_is_lost() {
        let any = number(None, None, None);
        let cases: Vec<Conversion> = vec![
            (PropertyType::SingleLineText, &[], Value::Number(42.5), Some(text("42.5"))),
            (PropertyType::MultiLineText, &[], Value::Int(-123_405), Some(text("-1234.05"))),
            (PropertyType::SingleLineText, &[], Value::List(["a".into(), "b".into()].into()), Some(text("a;b"))),
            (PropertyType::SingleLineText, &[], Value::Bool(true), Some(text("true"))),
            (any.clone(), &[], text(" 12,5 "), Some(Value::Number(12.5))),
            (any.clone(), &[], text("twelve"), None),
            (any.clone(), &[], Value::Int(1_250), Some(Value::Number(12.5))),
            (number(Some(0), None, None), &[], text("12.5"), None),
            (number(None, Some(0.0), None), &[], text("-3"), None),
            (PropertyType::Currency, &[], text("12.50"), Some(Value::Int(1_250))),
            (PropertyType::Currency, &[], Value::Number(0.125), None),
            (PropertyType::Currency, &[], Value::Number(19.99), Some(Value::Int(1_999))),
            (PropertyType::Date, &[], text("2026-03-01T00:00:00.000Z"), Some(text("2026-03-01"))),
            (PropertyType::Date, &[], text("2026-03-01T09:30:00.000Z"), None),
            (PropertyType::DateTime, &[], text("2026-03-01"), Some(text("2026-03-01T00:00:00.000Z"))),
            (PropertyType::Email, &[], text("Ada@Example.com"), Some(text("ada@example.com"))),
            (PropertyType::Email, &[], text("Ada"), None),
            (PropertyType::Url, &[], text("example.org"), Some(text("https://example.org"))),
            (PropertyType::Phone, &[], text("+39 02 1234"), Some(text("+39 02 1234"))),
            (PropertyType::Domain, &[], text("Example.com"), Some(text("example.com"))),
            (PropertyType::Domain, &[], text("https://example.com/about"), None),
            (PropertyType::Dropdown, TIERS, text("Gold"), Some(text("gold"))),
            (PropertyType::Radio, TIERS, text("bronze"), None),
            (PropertyType::Dropdown, YES_NO, Value::Bool(true), Some(text("yes"))),
            (PropertyType::Radio, YES_NO, Value::Bool(false), Some(text("no"))),
            (PropertyType::Dropdown, TIERS, Value::Bool(true), None),
            (PropertyType::Dropdown, TIERS, Value::List(["silver".into()].into()), Some(text("silver"))),
            (PropertyType::Dropdown, TIERS, Value::List(["gold".into(), "silver".into()].into()), None),
            (PropertyType::Checkboxes, TIERS, text("gold"), Some(Value::List(["gold".into()].into()))),
            (PropertyType::Checkboxes, TIERS, Value::List(["Gold".into()].into()), Some(Value::List(["gold".into()].into()))),
            (PropertyType::Checkbox, &[], text("yes"), Some(Value::Bool(true))),
            (PropertyType::Checkbox, &[], text("maybe"), None),
            (PropertyType::Checkbox, &[], Value::Number(1.0), None),
            (PropertyType::Calculated, &[], text("x"), Some(text("x"))),
        ];
        for (kind, options, value, expect) in cases {
            let d = def(kind.clone(), options);
            assert_eq!(convert(&d, &value), expect, "{kind:?} from {value:?}");
        }
    }

    #[test]
    fn a_conforming_value_is_kept_as_it_is() {
        let d = def(PropertyType::Radio, TIERS);
        assert_eq!(convert(&d, &text("gold")), Some(text("gold")));
    }

    proptest! {
        /// Number → text → number and currency → text → currency give back the same value.
        #[test]
        fn numbers_and_amounts_survive_a_trip_through_text(n in -1e12f64..1e12, minor in -9_000_000_000_000i64..9_000_000_000_000) {
            let as_text = def(PropertyType::SingleLineText, &[]);
            let back = |kind: PropertyType, v: Value| convert(&as_text, &v).and_then(|t| convert(&def(kind, &[]), &t));
            prop_assert_eq!(back(number(None, None, None), Value::Number(n)), Some(Value::Number(n)));
            prop_assert_eq!(back(PropertyType::Currency, Value::Int(minor)), Some(Value::Int(minor)));
        }
    }

    #[test]
    fn choices_convert_back_and_forth_between_enumeration_types() {
        let round_trips: [RoundTrip; 4] = [
            (PropertyType::Dropdown, YES_NO, PropertyType::Checkbox, Value::Bool(true)),
            (PropertyType::Radio, YES_NO, PropertyType::Checkbox, Value::Bool(false)),
            (PropertyType::Checkboxes, TIERS, PropertyType::Radio, text("silver")),
            (PropertyType::Checkboxes, TIERS, PropertyType::Dropdown, text("gold")),
        ];
        for (there, options, back, value) in round_trips {
            let converted = convert(&def(there.clone(), options), &value).expect("converts there");
            assert_ne!(converted, value, "{there:?} stores {value:?} differently");
            assert_eq!(convert(&def(back.clone(), options), &converted), Some(value.clone()), "{there:?} and back to {back:?}");
        }
    }
}
