//! Calculated properties created from Settings: a formula fills every existing record at
//! once and follows later writes; a rollup reads the associated records; currency settings.

use super::*;
use crate::core::command::{Command, Context};
use crate::core::id::IdGen;
use crate::core::schema::{default_schema, Aggregate, CalculatedType, Calculation, Currency, Formula, PropertyDef, PropertyType};
use crate::core::time::Millis;
use crate::core::value::Value;

fn ctx() -> Context {
    Context::user(Millis(1_000))
}

fn deal(ws: &mut Workspace, name: &str, amount: &str) -> RecordId {
    let values = vec![("dealname".to_string(), name.to_string()), ("amount".to_string(), amount.to_string())];
    ws.execute(Command::CreateRecord { object: "deals".into(), values }, &ctx()).expect("valid deal").subject.expect("created")
}

fn doubled() -> PropertyDef {
    let calculation = Calculation::formula(CalculatedType::Currency, Formula::property("amount").times(Formula::Constant(2.0)));
    let mut def = PropertyDef::new("double_amount", "Double amount", "dealinformation", PropertyType::Calculated);
    def.calculation = Some(calculation);
    def
}

#[test]
fn a_new_formula_property_fills_existing_records_and_follows_writes() {
    let mut ws = Workspace::new(default_schema(), IdGen::new(7, 0));
    let big = deal(&mut ws, "Big", "1000");
    let commit = ws.execute(Command::EditSchema(SchemaEdit::CreateProperty { object: "deals".into(), property: doubled() }), &ctx()).expect("valid property");
    assert_eq!(ws.record(&big).and_then(|r| r.get("double_amount")), Some(&Value::Int(200_000)));
    let def = ws.schema().object("deals").and_then(|o| o.property("double_amount")).cloned().expect("created");
    assert!(def.read_only && def.custom);
    ws.execute(Command::UpdateRecord { id: big.clone(), values: vec![("amount".into(), "5".into())] }, &ctx()).expect("valid");
    assert_eq!(ws.record(&big).and_then(|r| r.get("double_amount")), Some(&Value::Int(1_000)));
    // Reverting the creation takes the values away with the property.
    let mut fresh = Workspace::new(default_schema(), IdGen::new(8, 0));
    let small = deal(&mut fresh, "Small", "1");
    let created = fresh.execute(Command::EditSchema(SchemaEdit::CreateProperty { object: "deals".into(), property: doubled() }), &ctx()).expect("valid");
    fresh.revert(&created);
    assert_eq!(fresh.record(&small).and_then(|r| r.get("double_amount")), None);
    assert!(commit.changes.len() >= 2, "the schema and the record");
}

#[test]
fn a_calculated_property_needs_its_calculation_and_valid_inputs() {
    let mut ws = Workspace::new(default_schema(), IdGen::new(7, 0));
    let mut bare = doubled();
    bare.calculation = None;
    let refused = ws.execute(Command::EditSchema(SchemaEdit::CreateProperty { object: "deals".into(), property: bare }), &ctx());
    assert!(matches!(refused, Err(CommandError::Schema(SchemaError::Calculated))));
    let mut text_input = doubled();
    text_input.calculation = Some(Calculation::formula(CalculatedType::Number, Formula::property("dealname")));
    assert!(ws.execute(Command::EditSchema(SchemaEdit::CreateProperty { object: "deals".into(), property: text_input }), &ctx()).is_err());
    let mut count = PropertyDef::new("contact_count", "Contacts", "companyinformation", PropertyType::Calculated);
    count.calculation = Some(Calculation::rollup(CalculatedType::Number, "contacts", None, Aggregate::Count));
    ws.execute(Command::EditSchema(SchemaEdit::CreateProperty { object: "companies".into(), property: count }), &ctx()).expect("a rollup");
}

#[test]
fn the_workspace_currency_is_a_schema_edit_that_undo_takes_back() {
    let mut ws = Workspace::new(default_schema(), IdGen::new(7, 0));
    assert_eq!(ws.schema().currency, Currency::Eur);
    ws.execute(Command::EditSchema(SchemaEdit::SetCurrency(Currency::Usd)), &ctx()).expect("valid");
    assert_eq!(ws.schema().currency, Currency::Usd);
    ws.execute(Command::Undo, &ctx()).expect("undoable");
    assert_eq!(ws.schema().currency, Currency::Eur);
}
