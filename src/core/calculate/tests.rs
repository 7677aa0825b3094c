use super::*;
use crate::core::id::RecordId;
use crate::core::schema::default_schema;

fn record(object: &str, id: &str, values: &[(&str, Value)]) -> Record {
    let mut r = Record::new(RecordId::from(id.to_string()), object, 1, Millis(0));
    for (name, value) in values {
        r.set(name, Some(value.clone()), Millis(0), Source::User);
    }
    r
}

fn calculation(object: &str, property: &str) -> Calculation {
    default_schema().object(object).and_then(|o| o.property(property)).and_then(|p| p.calculation.clone()).expect("a calculated property")
}

fn p(name: &str) -> Formula {
    Formula::property(name)
}

#[test]
fn formulas_compute_over_the_records_own_numbers() {
    let r = record("x", "R", &[("a", Value::Number(6.0)), ("b", Value::Int(300)), ("zero", Value::Number(0.0)), ("t", Value::Text("7".into()))]);
    let cases = [
        (p("a").plus(p("b")), Some(306.0)),
        (p("b").minus(p("a")), Some(294.0)),
        (p("a").times(Formula::Constant(0.5)), Some(3.0)),
        (p("b").divided_by(p("a")), Some(50.0)),
        (p("a").divided_by(p("zero")), None),
        (p("a").plus(p("missing")), None),
        (p("a").plus(Formula::property_or("missing", 1.0)), Some(7.0)),
        (p("t"), None),
    ];
    for (f, expect) in cases {
        assert_eq!(formula(&f, &r), expect, "{f:?}");
    }
}

#[test]
fn a_deals_weighted_amount_is_its_amount_times_its_probability() {
    let weighted = calculation("deals", "hs_projected_amount");
    let cases = [
        (vec![("amount", Value::Int(150_000)), ("hs_deal_stage_probability", Value::Number(0.35))], Some(Value::Int(52_500))),
        (vec![("amount", Value::Int(999)), ("hs_deal_stage_probability", Value::Number(0.5))], Some(Value::Int(500))),
        (vec![("amount", Value::Int(150_000))], None),
        (vec![("hs_deal_stage_probability", Value::Number(1.0))], None),
    ];
    for (values, expect) in cases {
        assert_eq!(own_value(&weighted, &record("deals", "D", &values)), expect, "{values:?}");
    }
}

#[test]
fn a_line_items_net_price_applies_both_discounts() {
    let net = calculation("line_items", "amount");
    let item = |extra: &[(&str, Value)]| {
        let mut values = vec![("quantity", Value::Number(3.0)), ("price", Value::Int(1_000))];
        values.extend(extra.iter().cloned());
        own_value(&net, &record("line_items", "L", &values))
    };
    assert_eq!(item(&[]), Some(Value::Int(3_000)));
    assert_eq!(item(&[("hs_discount", Value::Int(50))]), Some(Value::Int(2_850)));
    assert_eq!(item(&[("hs_discount_percentage", Value::Number(10.0))]), Some(Value::Int(2_700)));
    assert_eq!(item(&[("hs_discount", Value::Int(50)), ("hs_discount_percentage", Value::Number(10.0))]), Some(Value::Int(2_550)));
}

#[test]
fn refresh_stores_formula_results_and_clears_them_when_an_input_goes() {
    let schema = default_schema();
    let deals = schema.object("deals").expect("deals");
    let mut deal = record("deals", "D", &[("amount", Value::Int(10_000)), ("hs_deal_stage_probability", Value::Number(0.2))]);
    assert!(refresh(deals, &mut deal, Millis(5), Source::Import));
    assert_eq!(deal.get("hs_projected_amount"), Some(&Value::Int(2_000)));
    assert_eq!(deal.history("hs_projected_amount")[0].source, Source::Import);
    assert!(!refresh(deals, &mut deal, Millis(6), Source::User), "nothing changed");
    deal.set("amount", None, Millis(7), Source::User);
    assert!(refresh(deals, &mut deal, Millis(7), Source::User));
    assert_eq!(deal.get("hs_projected_amount"), None);
    assert_eq!(deal.history("hs_projected_amount").len(), 2);
}

fn rollup_of(object: &str, label: Option<&str>, aggregate: Aggregate) -> Rollup {
    Rollup { object: object.to_string(), label: label.map(str::to_string), aggregate }
}

#[test]
fn rollups_aggregate_associated_records_optionally_by_label() {
    let deals = [
        record("deals", "D1", &[("amount", Value::Int(1_000)), ("closedate", Value::Text("2026-03-01".into()))]),
        record("deals", "D2", &[("amount", Value::Int(3_000)), ("closedate", Value::Text("2026-01-15".into()))]),
        record("deals", "D3", &[]),
        record("tickets", "T1", &[("amount", Value::Int(99_999))]),
    ];
    let labels: [&[&str]; 4] = [&["primary"], &[], &["primary", "renewal"], &["primary"]];
    let associated = || deals.iter().zip(labels);
    let amount = || "amount".to_string();
    let cases = [
        (rollup_of("deals", None, Aggregate::Count), CalculatedType::Number, Some(Value::Number(3.0))),
        (rollup_of("deals", Some("primary"), Aggregate::Count), CalculatedType::Number, Some(Value::Number(2.0))),
        (rollup_of("deals", Some("lost"), Aggregate::Count), CalculatedType::Number, Some(Value::Number(0.0))),
        (rollup_of("deals", None, Aggregate::Sum(amount())), CalculatedType::Currency, Some(Value::Int(4_000))),
        (rollup_of("deals", Some("primary"), Aggregate::Sum(amount())), CalculatedType::Currency, Some(Value::Int(1_000))),
        (rollup_of("deals", Some("lost"), Aggregate::Sum(amount())), CalculatedType::Currency, Some(Value::Int(0))),
        (rollup_of("deals", None, Aggregate::Min(amount())), CalculatedType::Currency, Some(Value::Int(1_000))),
        (rollup_of("deals", None, Aggregate::Max(amount())), CalculatedType::Currency, Some(Value::Int(3_000))),
        (rollup_of("deals", None, Aggregate::Average(amount())), CalculatedType::Currency, Some(Value::Int(2_000))),
        (rollup_of("deals", Some("lost"), Aggregate::Average(amount())), CalculatedType::Currency, None),
        (rollup_of("deals", Some("lost"), Aggregate::Max(amount())), CalculatedType::Currency, None),
        (rollup_of("deals", None, Aggregate::Max("closedate".into())), CalculatedType::Date, Some(Value::Text("2026-03-01".into()))),
        (rollup_of("deals", None, Aggregate::Min("closedate".into())), CalculatedType::Date, Some(Value::Text("2026-01-15".into()))),
        (rollup_of("tickets", None, Aggregate::Sum(amount())), CalculatedType::Currency, Some(Value::Int(99_999))),
    ];
    for (r, output, expect) in cases {
        assert_eq!(rollup(&r, output, associated()), expect, "{r:?}");
    }
}

#[test]
fn rollups_take_labels_in_any_string_form() {
    let contact = record("contacts", "C", &[]);
    let owned: Vec<String> = vec!["billing".into()];
    let count = rollup_of("contacts", Some("billing"), Aggregate::Count);
    assert_eq!(rollup(&count, CalculatedType::Number, [(&contact, owned.iter())]), Some(Value::Number(1.0)));
    assert_eq!(rollup(&count, CalculatedType::Number, [(&contact, Vec::<&str>::new())]), Some(Value::Number(0.0)));
}

#[test]
fn the_default_rollups_are_listed_per_object() {
    let schema = default_schema();
    let names = |object: &str| -> Vec<String> { schema.object(object).map(|o| rollup_properties(o).map(|(p, _, _)| p.name.clone()).collect()).unwrap_or_default() };
    assert_eq!(names("companies"), ["num_associated_contacts", "num_associated_deals"]);
    assert_eq!(names("quotes"), ["amount"]);
    assert!(names("tasks").is_empty());
}
