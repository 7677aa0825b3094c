use proptest::prelude::*;

use super::*;
use crate::core::command::{Command, Context};
use crate::core::id::{IdGen, RecordId};
use crate::core::value::Value;
use crate::core::schema::{default_schema, EnumOption, ObjectDef, ObjectKind, PropertyDef, PropertyType, Schema};

/// 2026-11-23T12:00:00Z.
const NOW: Millis = Millis(1_795_392_000_000 + 12 * 3_600_000);

/// The default schema plus a custom object with every other property type.
fn schema() -> Schema {
    let mut schema = default_schema();
    let p = |name: &str, kind| PropertyDef::new(name, name, "roast", kind);
    let mut flavours = p("flavours", PropertyType::Checkboxes);
    flavours.options = ["fruity", "floral", "chocolate", "nutty"].iter().map(|v| EnumOption::new(v, &v.to_uppercase())).collect();
    schema.objects.push(ObjectDef {
        name: "roasts".into(),
        singular: "Roast".into(),
        plural: "Roasts".into(),
        kind: ObjectKind::Custom,
        enabled: true,
        primary_property: "name".into(),
        searchable: vec!["name".into()],
        groups: vec![],
        properties: vec![
            p("name", PropertyType::SingleLineText),
            p("score", PropertyType::Number { decimals: Some(1), min: None, max: None }),
            p("fresh", PropertyType::Checkbox),
            flavours,
            p("roasted_at", PropertyType::DateTime),
            p("roast_date", PropertyType::Date),
        ],
        archived: vec![],
    });
    schema
}

fn create(ws: &mut Workspace, object: &str, at: i64, values: &[(&str, &str)]) {
    let values = values.iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| (k.to_string(), v.to_string())).collect();
    ws.execute(Command::CreateRecord { object: object.into(), values }, &Context::user(Millis(at))).expect("valid");
}

fn workspace() -> Workspace {
    let mut ws = Workspace::new(schema(), IdGen::new(5, 0));
    let roasts = [
        ("Yirgacheffe", "88.5", "yes", "fruity;floral", "2026-11-23T08:00", "2026-11-23"),
        ("Huila", "84", "no", "chocolate", "2026-11-20T10:00", "2026-11-20"),
        ("Sidamo", "90", "yes", "floral", "2026-11-16T00:00", "2026-11-16"),
        ("Santos", "", "", "", "2026-11-25T09:00", "2026-11-30"),
        ("Kona", "9", "no", "nutty", "2026-11-23T13:00", "2026-11-15"),
    ];
    for (i, (name, score, fresh, flavours, at, date)) in roasts.into_iter().enumerate() {
        let values = [("name", name), ("score", score), ("fresh", fresh), ("flavours", flavours), ("roasted_at", at), ("roast_date", date)];
        create(&mut ws, "roasts", i as i64, &values);
    }
    let contacts = [
        ("Zoë", "Müller", "Berlin", "lead"),
        ("Łukasz", "Nowak", "Łódź", "customer"),
        ("François", "Lefèvre", "Paris", "customer"),
        ("Ada", "Lovelace", "", "subscriber"),
    ];
    for (i, (first, last, city, stage)) in contacts.into_iter().enumerate() {
        create(&mut ws, "contacts", 10 + i as i64, &[("firstname", first), ("lastname", last), ("city", city), ("lifecyclestage", stage)]);
    }
    for (i, (name, amount)) in [("Big", "2500.50"), ("Small", "99"), ("Unpriced", "")].into_iter().enumerate() {
        create(&mut ws, "deals", 20 + i as i64, &[("dealname", name), ("amount", amount)]);
    }
    ws
}

fn query(object: &str, groups: Vec<Vec<Condition>>, sort: Option<Sort>) -> Query {
    Query { object: object.into(), filter: Filter { groups: groups.into_iter().map(|conditions| Group { conditions }).collect() }, sort }
}

/// The primary names of the records a query returns, in result order.
fn names(ws: &Workspace, q: &Query, page: Page) -> Vec<String> {
    let primary = ws.schema().object(&q.object).map(|o| o.primary_property.clone()).unwrap_or_default();
    let results = run(ws, q, page, NOW).expect("runs");
    results.records.iter().map(|r| r.text(&primary)).collect()
}

/// Checks one condition: the matching records, in name order.
fn check(ws: &Workspace, object: &str, property: &str, op: Op, expect: &[&str]) {
    let q = query(object, vec![vec![Condition::new(property, op.clone())]], None);
    let mut got = names(ws, &q, Page::first(100));
    got.sort();
    let mut expect: Vec<String> = expect.iter().map(|s| s.to_string()).collect();
    expect.sort();
    assert_eq!(got, expect, "{object}.{property} {op:?}");
}

fn v(s: &str) -> String {
    s.to_string()
}

#[test]
fn text_operators_ignore_case_and_accents() {
    let ws = workspace();
    let c = |property, op, expect: &[&str]| check(&ws, "contacts", property, op, expect);
    c("firstname", Op::Is { value: v("zoe") }, &["Zoë"]);
    c("firstname", Op::Is { value: v(" ZOË ") }, &["Zoë"]);
    c("city", Op::IsNot { value: v("paris") }, &["Zoë", "Łukasz", "Ada"]);
    c("lastname", Op::Contains { value: v("ül") }, &["Zoë"]);
    c("lastname", Op::Contains { value: v("LE") }, &["Zoë", "François"]);
    c("city", Op::StartsWith { value: v("lod") }, &["Łukasz"]);
    c("city", Op::StartsWith { value: v("aris") }, &[]);
    c("firstname", Op::IsAnyOf { values: vec![v("ada"), v("francois")] }, &["Ada", "François"]);
    c("city", Op::IsKnown, &["Zoë", "Łukasz", "François"]);
    c("city", Op::IsUnknown, &["Ada"]);
}

#[test]
fn choice_operators_accept_values_or_labels() {
    let ws = workspace();
    let c = |property, op, expect: &[&str]| check(&ws, "contacts", property, op, expect);
    c("lifecyclestage", Op::Is { value: v("Customer") }, &["Łukasz", "François"]);
    c("lifecyclestage", Op::IsNot { value: v("customer") }, &["Zoë", "Ada"]);
    c("lifecyclestage", Op::IsAnyOf { values: vec![v("lead"), v("Subscriber")] }, &["Zoë", "Ada"]);
    c("hs_lead_status", Op::IsUnknown, &["Zoë", "Łukasz", "François", "Ada"]);
    let r = |property, op, expect: &[&str]| check(&ws, "roasts", property, op, expect);
    r("flavours", Op::IsAnyOf { values: vec![v("floral")] }, &["Yirgacheffe", "Sidamo"]);
    r("flavours", Op::IsAnyOf { values: vec![v("NUTTY"), v("chocolate")] }, &["Huila", "Kona"]);
    r("flavours", Op::IsUnknown, &["Santos"]);
    r("fresh", Op::Is { value: v("yes") }, &["Yirgacheffe", "Sidamo"]);
    r("fresh", Op::Is { value: v("false") }, &["Huila", "Kona"]);
    r("fresh", Op::IsUnknown, &["Santos"]);
}

#[test]
fn number_operators_compare_numerically() {
    let ws = workspace();
    let r = |op, expect: &[&str]| check(&ws, "roasts", "score", op, expect);
    r(Op::Eq { value: v("88.5") }, &["Yirgacheffe"]);
    r(Op::Eq { value: v("88,5") }, &["Yirgacheffe"]);
    r(Op::Ne { value: v("84") }, &["Yirgacheffe", "Sidamo", "Santos", "Kona"]);
    r(Op::Lt { value: v("10") }, &["Kona"]);
    r(Op::Gt { value: v("85") }, &["Yirgacheffe", "Sidamo"]);
    r(Op::Between { from: v("84"), to: v("88.5") }, &["Huila", "Yirgacheffe"]);
    r(Op::Between { from: v("88.5"), to: v("84") }, &["Huila", "Yirgacheffe"]);
    r(Op::IsKnown, &["Yirgacheffe", "Huila", "Sidamo", "Kona"]);
    r(Op::IsUnknown, &["Santos"]);
    // Currency operands are in major units, like what was typed into the amount field.
    let d = |op, expect: &[&str]| check(&ws, "deals", "amount", op, expect);
    d(Op::Gt { value: v("1000") }, &["Big"]);
    d(Op::Lt { value: v("100") }, &["Small"]);
    d(Op::Eq { value: v("2500.5") }, &["Big"]);
    d(Op::Between { from: v("99"), to: v("2500.50") }, &["Big", "Small"]);
}

#[test]
fn date_operators_work_on_whole_days() {
    let ws = workspace();
    let r = |property, op, expect: &[&str]| check(&ws, "roasts", property, op, expect);
    r("roast_date", Op::Is { value: v("2026-11-23") }, &["Yirgacheffe"]);
    r("roast_date", Op::Before { value: v("2026-11-16") }, &["Kona"]);
    r("roast_date", Op::After { value: v("2026-11-20") }, &["Yirgacheffe", "Santos"]);
    r("roast_date", Op::Between { from: v("2026-11-16"), to: v("2026-11-20") }, &["Huila", "Sidamo"]);
    r("roasted_at", Op::Is { value: v("2026-11-23") }, &["Yirgacheffe", "Kona"]);
    r("roasted_at", Op::Before { value: v("2026-11-20") }, &["Sidamo"]);
    r("roasted_at", Op::After { value: v("2026-11-23") }, &["Santos"]);
    r("roasted_at", Op::Between { from: v("2026-11-20"), to: v("2026-11-23") }, &["Yirgacheffe", "Huila", "Kona"]);
    r("roasted_at", Op::IsKnown, &["Yirgacheffe", "Huila", "Sidamo", "Santos", "Kona"]);
    r("roasted_at", Op::IsUnknown, &[]);
}

#[test]
fn relative_date_operators_count_from_the_injected_now() {
    let ws = workspace();
    let r = |property, op, expect: &[&str]| check(&ws, "roasts", property, op, expect);
    // A date property: today counts in both directions.
    r("roast_date", Op::InLastDays { days: 7 }, &["Yirgacheffe", "Huila", "Sidamo"]);
    r("roast_date", Op::InNextDays { days: 7 }, &["Yirgacheffe", "Santos"]);
    r("roast_date", Op::InLastDays { days: 0 }, &["Yirgacheffe"]);
    // A datetime property: up to now, or from now (Kona is roasted later today).
    r("roasted_at", Op::InLastDays { days: 7 }, &["Yirgacheffe", "Huila", "Sidamo"]);
    r("roasted_at", Op::InNextDays { days: 2 }, &["Santos", "Kona"]);
    r("roasted_at", Op::InNextDays { days: 1 }, &["Kona"]);
}

#[test]
fn conditions_are_anded_inside_a_group_and_groups_are_ored() {
    let ws = workspace();
    let stage = Condition::new("lifecyclestage", Op::Is { value: v("customer") });
    let paris = Condition::new("city", Op::StartsWith { value: v("par") });
    let zo = Condition::new("firstname", Op::StartsWith { value: v("zo") });
    let mut got = names(&ws, &query("contacts", vec![vec![stage.clone(), paris.clone()]], None), Page::first(10));
    assert_eq!(got, ["François"]);
    got = names(&ws, &query("contacts", vec![vec![paris], vec![zo]], None), Page::first(10));
    got.sort();
    assert_eq!(got, ["François", "Zoë"]);
    assert_eq!(names(&ws, &query("contacts", vec![], None), Page::first(10)).len(), 4, "no groups: everything");
}

#[test]
fn bad_conditions_are_refused_with_a_typed_error() {
    let ws = workspace();
    let err = |object: &str, property: &str, op: Op| run(&ws, &query(object, vec![vec![Condition::new(property, op)]], None), Page::first(1), NOW).err();
    assert_eq!(err("roasts", "shoe_size", Op::IsKnown), Some(QueryError::UnknownProperty("shoe_size".into())));
    assert_eq!(
        err("roasts", "score", Op::Contains { value: v("8") }),
        Some(QueryError::Operator { property: "score".into(), operator: Operator::Contains })
    );
    assert_eq!(err("roasts", "score", Op::Eq { value: v("abc") }), Some(QueryError::Value { property: "score".into(), reason: Invalid::Number }));
    assert_eq!(err("roasts", "roast_date", Op::Is { value: v("2026-13-01") }), Some(QueryError::Value { property: "roast_date".into(), reason: Invalid::Date }));
    assert_eq!(
        err("contacts", "lifecyclestage", Op::Is { value: v("vip") }),
        Some(QueryError::Value { property: "lifecyclestage".into(), reason: Invalid::UnknownOption })
    );
    assert_eq!(err("spaceships", "name", Op::IsKnown), Some(QueryError::UnknownObject("spaceships".into())));
    let sorted = query("roasts", vec![], Some(Sort { property: "nope".into(), descending: false }));
    assert_eq!(run(&ws, &sorted, Page::first(1), NOW).err(), Some(QueryError::UnknownProperty("nope".into())));
}

#[test]
fn every_property_type_offers_is_known_and_is_unknown() {
    for object in schema().objects {
        for p in &object.properties {
            let ops = operators_for(&p.kind);
            assert!(ops.contains(&Operator::IsKnown) && ops.contains(&Operator::IsUnknown), "{}", p.name);
        }
    }
}

#[test]
fn every_operator_has_its_own_label_in_every_language() {
    use crate::core::i18n::{tr, Lang};
    let all = [Operator::Is, Operator::IsNot, Operator::Contains, Operator::StartsWith, Operator::IsKnown, Operator::IsUnknown, Operator::Eq, Operator::Ne,
        Operator::Lt, Operator::Gt, Operator::Between, Operator::IsAnyOf, Operator::Before, Operator::After, Operator::InLastDays, Operator::InNextDays];
    for lang in Lang::ALL {
        let labels: std::collections::HashSet<&str> = all.iter().map(|o| tr(lang, o.label())).collect();
        assert_eq!(labels.len(), all.len(), "{lang:?}");
    }
    let err = QueryError::Value { property: "score".into(), reason: Invalid::Number };
    assert_eq!(tr(Lang::Fr, err.message()), tr(Lang::Fr, crate::core::i18n::Msg::ErrNumber));
}

#[test]
fn queries_round_trip_through_json_for_saved_views() {
    let q = query(
        "contacts",
        vec![
            vec![Condition::new("city", Op::Is { value: v("Paris") }), Condition::new("lifecyclestage", Op::IsKnown)],
            vec![Condition::new("createdate", Op::InLastDays { days: 30 })],
        ],
        Some(Sort { property: "lastname".into(), descending: true }),
    );
    let json = serde_json::to_value(&q).expect("serializes");
    assert_eq!(json["filter"]["groups"][0]["conditions"][0], serde_json::json!({"property": "city", "op": "is", "value": "Paris"}));
    assert_eq!(json["filter"]["groups"][1]["conditions"][0], serde_json::json!({"property": "createdate", "op": "in_last_days", "days": 30}));
    let back: Query = serde_json::from_value(json).expect("parses");
    assert_eq!(back, q);
}

fn sorted(ws: &Workspace, object: &str, property: &str, descending: bool) -> Vec<String> {
    names(ws, &query(object, vec![], Some(Sort { property: property.into(), descending })), Page::first(100))
}

#[test]
fn sorting_follows_the_property_type_and_puts_empty_values_last() {
    let mut ws = workspace();
    create(&mut ws, "contacts", 30, &[("lastname", "Nameless")]);
    assert_eq!(sorted(&ws, "contacts", "firstname", false), ["Ada", "François", "Łukasz", "Zoë", ""]);
    assert_eq!(sorted(&ws, "contacts", "firstname", true), ["Zoë", "Łukasz", "François", "Ada", ""]);
    assert_eq!(sorted(&ws, "roasts", "score", false), ["Kona", "Huila", "Yirgacheffe", "Sidamo", "Santos"]);
    assert_eq!(sorted(&ws, "roasts", "score", true), ["Sidamo", "Yirgacheffe", "Huila", "Kona", "Santos"]);
    assert_eq!(sorted(&ws, "roasts", "roast_date", false), ["Kona", "Sidamo", "Huila", "Yirgacheffe", "Santos"]);
    assert_eq!(sorted(&ws, "roasts", "roasted_at", true), ["Santos", "Kona", "Yirgacheffe", "Huila", "Sidamo"]);
    // Choices follow the option order; ties keep newest first (François was created last).
    assert_eq!(sorted(&ws, "contacts", "lifecyclestage", false), ["Ada", "Zoë", "François", "Łukasz", ""]);
    // Without a sort: newest first.
    assert_eq!(names(&ws, &query("deals", vec![], None), Page::first(10)), ["Unpriced", "Small", "Big"]);
}

#[test]
fn pages_slice_the_sorted_result_and_report_the_total() {
    let ws = workspace();
    let q = query("roasts", vec![], Some(Sort { property: "score".into(), descending: false }));
    assert_eq!(names(&ws, &q, Page { offset: 1, limit: 2 }), ["Huila", "Yirgacheffe"]);
    assert_eq!(names(&ws, &q, Page { offset: 4, limit: 10 }), ["Santos"]);
    let beyond = run(&ws, &q, Page { offset: 9, limit: 10 }, NOW).expect("runs");
    assert!(beyond.records.is_empty());
    assert_eq!(beyond.total, 5);
    assert_eq!(run(&ws, &q, Page { offset: 0, limit: 0 }, NOW).expect("runs").total, 5);
}

/// Roasts with the given scores (None = empty), created at the given instants.
fn roasts(rows: &[(Option<i8>, u8)]) -> Workspace {
    let mut ws = Workspace::new(schema(), IdGen::new(5, 0));
    for (i, (score, at)) in rows.iter().enumerate() {
        let score = score.map(|s| s.to_string()).unwrap_or_default();
        create(&mut ws, "roasts", i64::from(*at), &[("name", &i.to_string()), ("score", &score)]);
    }
    ws
}

proptest! {
    #[test]
    fn sorting_is_stable_with_empty_values_last(rows in prop::collection::vec((prop::option::of(-3i8..3), 0u8..4), 0..40), descending: bool) {
        let ws = roasts(&rows);
        let q = query("roasts", vec![], Some(Sort { property: "score".into(), descending }));
        let results = run(&ws, &q, Page::first(100), NOW).expect("runs");
        prop_assert_eq!(results.total, rows.len());
        let score = |r: &Record| r.get("score").and_then(|v| match v { Value::Number(n) => Some(*n), _ => None });
        for pair in results.records.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            match (score(a), score(b)) {
                (None, Some(_)) => prop_assert!(false, "an empty value before a set one"),
                (Some(_), None) => {}
                (Some(x), Some(y)) if x != y => prop_assert!((x < y) != descending),
                // Equal keys keep the default order: newest first, then by id.
                _ => prop_assert!((b.created, &b.id) < (a.created, &a.id)),
            }
        }
    }

    #[test]
    fn pages_concatenate_to_the_full_result(rows in prop::collection::vec((prop::option::of(-3i8..3), 0u8..4), 0..40), size in 1usize..7, descending: bool) {
        let ws = roasts(&rows);
        let q = query("roasts", vec![vec![Condition::new("name", Op::IsKnown)]], Some(Sort { property: "score".into(), descending }));
        let full: Vec<RecordId> = run(&ws, &q, Page::first(1000), NOW).expect("runs").records.iter().map(|r| r.id.clone()).collect();
        let mut paged = Vec::new();
        for offset in (0..rows.len() + size).step_by(size) {
            let page = run(&ws, &q, Page { offset, limit: size }, NOW).expect("runs");
            prop_assert_eq!(page.total, rows.len());
            paged.extend(page.records.iter().map(|r| r.id.clone()));
        }
        prop_assert_eq!(paged, full);
    }
}

#[test]
fn domains_filter_as_text_and_calculated_values_as_their_output_type() {
    let mut ws = workspace();
    create(&mut ws, "companies", 30, &[("name", "Acme"), ("domain", "https://www.acme.com")]);
    create(&mut ws, "companies", 31, &[("name", "Globex"), ("domain", "globex.io")]);
    check(&ws, "companies", "domain", Op::Is { value: v("ACME.com") }, &["Acme"]);
    check(&ws, "companies", "domain", Op::Contains { value: v(".io") }, &["Globex"]);
    create(&mut ws, "deals", 32, &[("dealname", "Weighted"), ("amount", "1500"), ("hs_deal_stage_probability", "0.4")]);
    // 1500 × 0.4 = 600, stored in minor units and compared in major ones like any amount.
    check(&ws, "deals", "hs_projected_amount", Op::Gt { value: v("599.99") }, &["Weighted"]);
    check(&ws, "deals", "hs_projected_amount", Op::Eq { value: v("600") }, &["Weighted"]);
    let property = |object: &str, name: &str| ws.schema().object(object).and_then(|o| o.property(name)).cloned().expect("defined");
    assert_eq!(operators_for_property(&property("deals", "hs_projected_amount")), operators_for(&PropertyType::Currency));
    assert_eq!(operators_for_property(&property("companies", "domain")), operators_for(&PropertyType::SingleLineText));
}
