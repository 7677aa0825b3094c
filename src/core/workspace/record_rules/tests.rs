//! Record writes against the default objects: deduplication by domain and by record id,
//! activity timestamps, admin-activated objects and calculated values.

use super::*;
use crate::core::command::{Command, CommandError};
use crate::core::id::IdGen;
use crate::core::schema::{default_schema, SchemaEdit};
use crate::core::time::Millis;
use crate::core::validate::Invalid;

fn s(text: &str) -> String {
    text.to_string()
}

fn at(ms: i64) -> Context {
    Context::user(Millis(ms))
}

fn workspace() -> Workspace {
    Workspace::new(default_schema(), IdGen::new(13, 0))
}

fn inputs(pairs: &[(&str, &str)]) -> Vec<Input> {
    pairs.iter().map(|(k, v)| (s(k), s(v))).collect()
}

fn create(ws: &mut Workspace, object: &str, pairs: &[(&str, &str)]) -> Result<RecordId, CommandError> {
    let commit = ws.execute(Command::CreateRecord { object: s(object), values: inputs(pairs) }, &at(1_000))?;
    Ok(commit.subject.expect("created"))
}

fn update(ws: &mut Workspace, id: &RecordId, pairs: &[(&str, &str)]) -> Result<(), CommandError> {
    ws.execute(Command::UpdateRecord { id: id.clone(), values: inputs(pairs) }, &at(2_000)).map(|_| ())
}

fn value(ws: &Workspace, id: &RecordId, property: &str) -> Option<Value> {
    ws.record(id).and_then(|r| r.get(property)).cloned()
}

#[test]
fn companies_are_deduplicated_by_normalized_domain() {
    let mut ws = workspace();
    let acme = create(&mut ws, "companies", &[("name", "Acme"), ("domain", "https://www.Acme.com/about")]).expect("valid");
    assert_eq!(value(&ws, &acme, "domain"), Some(Value::Text(s("acme.com"))));
    for same in ["acme.com", "ACME.COM", "http://acme.com/contact", "www.acme.com:443", "acme.com."] {
        let err = create(&mut ws, "companies", &[("name", "Acme again"), ("domain", same)]).expect_err("duplicate");
        assert_eq!(err.duplicate_of(), Some(&acme), "{same}");
        assert_eq!(err.field("domain"), Some(&FieldProblem::Duplicate(acme.clone())), "{same}");
    }
    create(&mut ws, "companies", &[("domain", "shop.acme.com")]).expect("a subdomain is another company");
    let err = create(&mut ws, "companies", &[("domain", "acme")]).expect_err("not a domain");
    assert_eq!(err.field("domain"), Some(&FieldProblem::Invalid(Invalid::Domain)));
    assert_eq!(ws.records_of("companies").count(), 2);
}

#[test]
fn a_create_naming_an_existing_record_id_is_a_duplicate_of_it() {
    let mut ws = workspace();
    let ada = create(&mut ws, "contacts", &[("firstname", "Ada")]).expect("valid");
    let acme = create(&mut ws, "companies", &[("name", "Acme")]).expect("valid");
    for retyped in [ada.to_string(), ada.to_string().to_lowercase(), format!(" {ada} ")] {
        let err = create(&mut ws, "contacts", &[("hs_object_id", &retyped), ("firstname", "Ada")]).expect_err("duplicate");
        assert_eq!(err.duplicate_of(), Some(&ada), "{retyped}");
    }
    let from_elsewhere = create(&mut ws, "contacts", &[("hs_object_id", "12345"), ("firstname", "Grace")]).expect("unknown ids are left out");
    assert_ne!(from_elsewhere.to_string(), "12345");
    assert_eq!(value(&ws, &from_elsewhere, "hs_object_id"), None);
    create(&mut ws, "contacts", &[("hs_object_id", &acme.to_string())]).expect("a company's id names no contact");
    let err = update(&mut ws, &ada, &[("hs_object_id", "X")]).expect_err("read-only");
    assert_eq!(err.field("hs_object_id"), Some(&FieldProblem::Invalid(Invalid::ReadOnly)));
}

#[test]
fn activities_happen_when_created_unless_told_otherwise() {
    let mut ws = workspace();
    let cases = [
        ("notes", vec![("hs_note_body", "Called back")], "1970-01-01T00:00:01.000Z"),
        ("tasks", vec![("hs_task_subject", "Send quote"), ("hs_timestamp", "2026-11-23T09:00")], "2026-11-23T09:00:00.000Z"),
        ("calls", vec![("hs_call_title", "Intro"), ("hs_call_disposition", "Connected")], "1970-01-01T00:00:01.000Z"),
    ];
    for (object, values, expect) in cases {
        let id = create(&mut ws, object, &values).expect("valid");
        assert_eq!(value(&ws, &id, "hs_timestamp"), Some(Value::Text(s(expect))), "{object}");
    }
    let note = create(&mut ws, "notes", &[]).expect("valid");
    let err = update(&mut ws, &note, &[("hs_timestamp", "")]).expect_err("required");
    assert_eq!(err.field("hs_timestamp"), Some(&FieldProblem::Required));
    let contact = create(&mut ws, "contacts", &[]).expect("valid");
    assert_eq!(value(&ws, &contact, "hs_timestamp"), None, "only activities get one");
}

#[test]
fn admin_activated_objects_take_records_once_switched_on() {
    let mut ws = workspace();
    let invoice = [("hs_number", "INV-1"), ("hs_amount_billed", "100"), ("hs_amount_paid", "30")];
    assert_eq!(create(&mut ws, "invoices", &invoice), Err(CommandError::UnknownObject(s("invoices"))));
    let on = SchemaEdit::SetObjectEnabled { object: s("invoices"), enabled: true };
    ws.execute(Command::EditSchema(on), &at(1_000)).expect("admin-activated");
    let id = create(&mut ws, "invoices", &invoice).expect("switched on");
    assert_eq!(value(&ws, &id, "hs_balance_due"), Some(Value::Int(7_000)));
    let err = create(&mut ws, "invoices", &[("hs_number", "inv-1")]).expect_err("invoice numbers are unique");
    assert_eq!(err.duplicate_of(), Some(&id));
}

#[test]
fn a_deals_weighted_amount_follows_every_write_and_cannot_be_typed() {
    let mut ws = workspace();
    let deal = create(&mut ws, "deals", &[("dealname", "Big"), ("amount", "1500"), ("hs_deal_stage_probability", "0.4")]).expect("valid");
    assert_eq!(value(&ws, &deal, "hs_projected_amount"), Some(Value::Int(60_000)));
    update(&mut ws, &deal, &[("hs_deal_stage_probability", "0.9")]).expect("valid");
    assert_eq!(value(&ws, &deal, "hs_projected_amount"), Some(Value::Int(135_000)));
    let history = ws.record(&deal).map(|r| r.history("hs_projected_amount").len());
    assert_eq!(history, Some(2));
    update(&mut ws, &deal, &[("amount", "")]).expect("valid");
    assert_eq!(value(&ws, &deal, "hs_projected_amount"), None);
    let err = update(&mut ws, &deal, &[("hs_projected_amount", "5")]).expect_err("calculated");
    assert_eq!(err.field("hs_projected_amount"), Some(&FieldProblem::Invalid(Invalid::ReadOnly)));
    let err = update(&mut ws, &deal, &[("hs_deal_stage_probability", "1.5")]).expect_err("a probability is at most 1");
    assert_eq!(err.field("hs_deal_stage_probability"), Some(&FieldProblem::Invalid(Invalid::AboveMax)));
}

#[test]
fn a_line_items_net_price_is_calculated_on_create() {
    let mut ws = workspace();
    let item = create(&mut ws, "line_items", &[("name", "Beans"), ("quantity", "4"), ("price", "12.50"), ("hs_discount_percentage", "10")]).expect("valid");
    assert_eq!(value(&ws, &item, "amount"), Some(Value::Int(4_500)));
}
