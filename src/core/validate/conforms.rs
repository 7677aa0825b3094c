//! Whether a value already stored still fits a property's definition.
//!
//! [`super::normalize`] turns raw input into a value; [`conforms`] is its counterpart for
//! values that are already stored in canonical form. It is what a schema edit asks of every
//! record before changing a property's type, options or bounds: the edit may go ahead only
//! if every stored value conforms to the new definition as it is, so no data is rewritten.
//! Every value `normalize` produces conforms to the same definition (property-tested).

use super::{normalize_date, normalize_datetime, normalize_domain, normalize_email, normalize_phone, normalize_url, round_to};
use crate::core::schema::{PropertyDef, PropertyType};
use crate::core::value::Value;

pub fn conforms(def: &PropertyDef, value: &Value) -> bool {
    let is_option = |v: &str| def.options.iter().any(|o| o.value == v);
    match (&def.kind, value) {
        (PropertyType::SingleLineText | PropertyType::MultiLineText | PropertyType::Owner, Value::Text(_)) => true,
        (PropertyType::Email, Value::Text(t)) => normalize_email(t).as_deref() == Ok(t.as_str()),
        (PropertyType::Url, Value::Text(t)) => normalize_url(t).as_deref() == Ok(t.as_str()),
        (PropertyType::Domain, Value::Text(t)) => normalize_domain(t).as_deref() == Ok(t.as_str()),
        (PropertyType::Phone, Value::Text(t)) => normalize_phone(t).is_ok(),
        (PropertyType::Number { decimals, min, max }, Value::Number(n)) => {
            n.is_finite()
                && decimals.is_none_or(|d| round_to(*n, d) == *n)
                && min.is_none_or(|m| *n >= m)
                && max.is_none_or(|m| *n <= m)
        }
        (PropertyType::Currency, Value::Int(_)) => true,
        (PropertyType::Date, Value::Text(t)) => normalize_date(t).as_deref() == Ok(t.as_str()),
        (PropertyType::DateTime, Value::Text(t)) => normalize_datetime(t).as_deref() == Ok(t.as_str()),
        (PropertyType::Checkbox, Value::Bool(_)) => true,
        (PropertyType::Dropdown | PropertyType::Radio, Value::Text(t)) => is_option(t),
        (PropertyType::Checkboxes, Value::List(items)) => items.iter().all(|i| is_option(i)),
        // The core computes these; whatever it stored is by definition right.
        (PropertyType::Calculated, _) => true,
        _ => false,
    }
}

// Property tests need proptest, which is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::schema::EnumOption;
    use crate::core::validate::normalize;
    use proptest::prelude::*;

    fn def(kind: PropertyType) -> PropertyDef {
        let mut d = PropertyDef::new("p", "P", "g", kind);
        d.options = vec![EnumOption::new("lead", "Lead"), EnumOption::new("customer", "Customer")];
        d
    }

    fn text(s: &str) -> Value {
        Value::Text(s.to_string())
    }

    fn check(kind: PropertyType, value: Value, expect: bool) {
        assert_eq!(conforms(&def(kind.clone()), &value), expect, "{kind:?} {value:?}");
    }

    #[test]
    fn stored_values_are_checked_against_the_definition() {
        let number = |decimals, min, max| PropertyType::Number { decimals, min, max };
        let cases = [
            (PropertyType::SingleLineText, text("anything"), true),
            (PropertyType::SingleLineText, Value::Int(3), false),
            (PropertyType::Email, text("ada@example.com"), true),
            (PropertyType::Email, text("Ada@Example.com"), false),
            (PropertyType::Email, text("not an email"), false),
            (PropertyType::Url, text("https://x.org"), true),
            (PropertyType::Url, text("x.org"), false),
            (PropertyType::Domain, text("example.com"), true),
            (PropertyType::Domain, text("www.example.com"), false),
            (PropertyType::Domain, text("Example.com"), false),
            (PropertyType::Phone, text("+33 1 23"), true),
            (PropertyType::Phone, text("Ada"), false),
            (number(Some(1), None, None), Value::Number(3.1), true),
            (number(Some(1), None, None), Value::Number(2.71), false),
            (number(None, Some(0.0), Some(10.0)), Value::Number(10.0), true),
            (number(None, Some(0.0), Some(10.0)), Value::Number(10.5), false),
            (number(None, Some(0.0), None), Value::Number(-1.0), false),
            (number(None, None, None), text("3"), false),
            (PropertyType::Currency, Value::Int(1_250), true),
            (PropertyType::Currency, Value::Number(12.5), false),
            (PropertyType::Date, text("2026-02-28"), true),
            (PropertyType::Date, text("2026-02-30"), false),
            (PropertyType::DateTime, text("2026-11-23T09:00:00.000Z"), true),
            (PropertyType::DateTime, text("2026-11-23"), false),
            (PropertyType::Checkbox, Value::Bool(false), true),
            (PropertyType::Checkbox, text("yes"), false),
            (PropertyType::Dropdown, text("lead"), true),
            (PropertyType::Radio, text("Lead"), false),
            (PropertyType::Dropdown, text("partner"), false),
            (PropertyType::Checkboxes, Value::List(["lead".into(), "customer".into()].into()), true),
            (PropertyType::Checkboxes, Value::List(["lead".into(), "x".into()].into()), false),
            (PropertyType::Checkboxes, text("lead"), false),
            (PropertyType::Calculated, Value::Int(7), true),
        ];
        for (kind, value, expect) in cases {
            check(kind, value, expect);
        }
    }

    fn kinds() -> impl Strategy<Value = PropertyType> {
        prop_oneof![
            Just(PropertyType::SingleLineText),
            Just(PropertyType::MultiLineText),
            (proptest::option::of(0u8..=10), proptest::option::of(-1e6f64..1e6), proptest::option::of(-1e6f64..1e6))
                .prop_map(|(decimals, min, max)| PropertyType::Number { decimals, min, max }),
            Just(PropertyType::Currency),
            Just(PropertyType::Date),
            Just(PropertyType::DateTime),
            Just(PropertyType::Dropdown),
            Just(PropertyType::Radio),
            Just(PropertyType::Checkbox),
            Just(PropertyType::Checkboxes),
            Just(PropertyType::Email),
            Just(PropertyType::Phone),
            Just(PropertyType::Url),
            Just(PropertyType::Domain),
            Just(PropertyType::Owner),
        ]
    }

    fn raw_inputs() -> impl Strategy<Value = String> {
        prop_oneof![
            any::<String>(),
            "[a-zA-Z0-9.@+ -]{0,24}",
            "-?[0-9]{1,7}([.,][0-9]{1,4})?",
            "20[0-9]{2}-[01][0-9]-[0-3][0-9](T[0-2][0-9]:[0-5][0-9](:[0-5][0-9])?)?",
            "(https?://)?[a-z]{1,8}\\.[a-z]{2,3}(/[a-z]{0,5})?",
            "[a-z]{1,6}@[a-z]{1,6}\\.[a-z]{2,3}",
            "(lead|Customer|yes|no|x)(;(lead|customer|x))*",
        ]
    }

    proptest! {
        #[test]
        fn whatever_normalize_accepts_conforms(kind in kinds(), raw in raw_inputs()) {
            let d = def(kind);
            if let Ok(Some(value)) = normalize(&d, &raw) {
                prop_assert!(conforms(&d, &value), "{:?} from {:?}", value, raw);
            }
        }
    }
}
