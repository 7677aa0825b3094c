use super::*;
use crate::core::schema::EnumOption;

fn def(kind: PropertyType) -> PropertyDef {
    PropertyDef::new("p", "P", "g", kind)
}

fn check(kind: PropertyType, raw: &str, expect: Result<Option<Value>, Invalid>) {
    assert_eq!(normalize(&def(kind), raw), expect, "input {raw:?}");
}

fn text(s: &str) -> Result<Option<Value>, Invalid> {
    Ok(Some(Value::Text(s.to_string())))
}

#[test]
fn emails_are_trimmed_lowercased_and_checked() {
    check(PropertyType::Email, "  Ada.Lovelace@Example.COM ", text("ada.lovelace@example.com"));
    check(PropertyType::Email, "zoë@exämple.fr", text("zoë@exämple.fr"));
    for bad in ["ada", "ada@", "@example.com", "ada@example", "ada@@example.com", "a b@example.com", "ada@example.c", ".ada@example.com", "ada..b@example.com", "ada@-x.com", "ada@x.123"] {
        check(PropertyType::Email, bad, Err(Invalid::Email));
    }
}

#[test]
fn empty_input_clears_the_value() {
    check(PropertyType::Email, "   ", Ok(None));
    check(PropertyType::Currency, "", Ok(None));
}

#[test]
fn urls_are_http_or_https_only() {
    check(PropertyType::Url, "https://cairn.example/a?b", text("https://cairn.example/a?b"));
    check(PropertyType::Url, "HTTP://x.org", text("HTTP://x.org"));
    check(PropertyType::Url, "example.org", text("https://example.org"));
    for bad in ["javascript:alert(1)", "ftp://x.org", "data:text/html,hi", "https://", "https://no spaces.org", "localhost"] {
        check(PropertyType::Url, bad, Err(Invalid::Url));
    }
}

#[test]
fn phones_keep_what_was_typed() {
    check(PropertyType::Phone, "+33 (1) 23-45-67", text("+33 (1) 23-45-67"));
    assert_eq!(phone_digits("+33 (1) 23-45-67"), "+331234567");
    check(PropertyType::Phone, "call me", Err(Invalid::Phone));
    check(PropertyType::Phone, "12", Err(Invalid::Phone));
}

#[test]
fn numbers_respect_bounds_and_decimals() {
    let bounded = PropertyType::Number { decimals: Some(1), min: Some(0.0), max: Some(10.0) };
    check(bounded.clone(), "3.14", Ok(Some(Value::Number(3.1))));
    check(bounded.clone(), "3,25", Ok(Some(Value::Number(3.3))));
    check(bounded.clone(), "-1", Err(Invalid::BelowMin));
    check(bounded.clone(), "11", Err(Invalid::AboveMax));
    check(bounded, "ten", Err(Invalid::Number));
}

#[test]
fn currency_is_stored_in_minor_units() {
    check(PropertyType::Currency, "1234.56", Ok(Some(Value::Int(123_456))));
    check(PropertyType::Currency, "1 234,5", Ok(Some(Value::Int(123_450))));
    check(PropertyType::Currency, "1,234.50", Ok(Some(Value::Int(123_450))));
    check(PropertyType::Currency, "0.001", Err(Invalid::Number));
    check(PropertyType::Currency, "NaN", Err(Invalid::Number));
}

#[test]
fn dates_and_datetimes_become_iso_8601() {
    check(PropertyType::Date, "2026-02-28", text("2026-02-28"));
    check(PropertyType::Date, "2026-02-30", Err(Invalid::Date));
    check(PropertyType::Date, "28/02/2026", Err(Invalid::Date));
    check(PropertyType::DateTime, "2026-11-23T10:00:00+01:00", text("2026-11-23T09:00:00.000Z"));
    check(PropertyType::DateTime, "2026-11-23T10:00", text("2026-11-23T10:00:00.000Z"));
    check(PropertyType::DateTime, "tomorrow", Err(Invalid::DateTime));
}

#[test]
fn enumeration_values_must_exist() {
    let mut d = def(PropertyType::Dropdown);
    d.options = vec![EnumOption::new("lead", "Lead"), EnumOption::new("customer", "Customer")];
    assert_eq!(normalize(&d, "lead"), text("lead"));
    assert_eq!(normalize(&d, "Customer"), text("customer"));
    assert_eq!(normalize(&d, "partner"), Err(Invalid::UnknownOption));
    d.kind = PropertyType::Checkboxes;
    assert_eq!(normalize(&d, "lead; Customer;lead"), Ok(Some(Value::List(["lead".into(), "customer".into()].into()))));
    assert_eq!(normalize(&d, "lead;x"), Err(Invalid::UnknownOption));
}

#[test]
fn checkboxes_accept_yes_and_no() {
    check(PropertyType::Checkbox, "Yes", Ok(Some(Value::Bool(true))));
    check(PropertyType::Checkbox, "false", Ok(Some(Value::Bool(false))));
    check(PropertyType::Checkbox, "maybe", Err(Invalid::Checkbox));
}

#[test]
fn read_only_and_calculated_properties_refuse_writes() {
    let mut d = def(PropertyType::SingleLineText);
    d.read_only = true;
    assert_eq!(normalize(&d, "x"), Err(Invalid::ReadOnly));
    check(PropertyType::Calculated, "1", Err(Invalid::ReadOnly));
}
