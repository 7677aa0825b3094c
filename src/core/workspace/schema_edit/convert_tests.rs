//! Type changes that convert stored values in the same commit.

use super::*;
use crate::core::command::{Command, Input};
use crate::core::id::IdGen;
use crate::core::owner::OwnerEdit;
use crate::core::schema::{default_schema, PropertyPatch, PropertyType};
use crate::core::stored::{restore, Batch, FORMAT_VERSION};
use crate::core::time::Millis;

fn s(text: &str) -> String {
    text.to_string()
}

fn ctx() -> Context {
    Context::user(Millis(1_000))
}

fn workspace() -> Workspace {
    Workspace::new(default_schema(), IdGen::new(17, 0))
}

fn inputs(pairs: &[(&str, &str)]) -> Vec<Input> {
    pairs.iter().map(|(k, v)| (s(k), s(v))).collect()
}

/// A workspace with a custom text property `code` holding each of `values`, one contact
/// each, with the contacts' ids in the same order.
fn with_codes(values: &[&str]) -> (Workspace, Vec<RecordId>) {
    let mut ws = workspace();
    let code = PropertyDef::new("code", "Code", "contactinformation", PropertyType::SingleLineText);
    ws.execute(Command::EditSchema(SchemaEdit::CreateProperty { object: s("contacts"), property: code }), &ctx()).expect("valid");
    let ids = values
        .iter()
        .map(|v| {
            let command = Command::CreateRecord { object: s("contacts"), values: inputs(&[("code", v)]) };
            ws.execute(command, &ctx()).expect("valid").subject.expect("created")
        })
        .collect();
    (ws, ids)
}

fn retype(kind: PropertyType, unique: bool) -> Command {
    let patch = PropertyPatch { kind: Some(kind), unique: unique.then_some(true), ..Default::default() };
    Command::EditSchema(SchemaEdit::UpdateProperty { object: s("contacts"), property: s("code"), patch })
}

fn number() -> PropertyType {
    PropertyType::Number { decimals: None, min: None, max: None }
}

fn codes(ws: &Workspace, ids: &[RecordId]) -> Vec<Option<Value>> {
    ids.iter().map(|id| ws.record(id).and_then(|r| r.get("code")).cloned()).collect()
}

/// (stored texts, new type, the values after, or the records refused by position).
type TextCase = (&'static [&'static str], PropertyType, Result<Vec<Value>, Vec<usize>>);

#[test]
fn text_becomes_a_number_only_when_every_value_parses() {
    // (stored texts, new type, the values after, or the records refused by position)
    let cases: Vec<TextCase> = vec![
        (&["12", "7,5", "-3"], number(), Ok(vec![Value::Number(12.0), Value::Number(7.5), Value::Number(-3.0)])),
        (&["12", "n/a", "7", "?"], number(), Err(vec![1, 3])),
        (&["12.5"], PropertyType::Number { decimals: Some(0), min: None, max: None }, Err(vec![0])),
        (&["19.99", "5"], PropertyType::Currency, Ok(vec![Value::Int(1_999), Value::Int(500)])),
        (&["2026-03-01"], PropertyType::DateTime, Ok(vec![Value::Text(s("2026-03-01T00:00:00.000Z"))])),
        (&["yes", "No"], PropertyType::Checkbox, Ok(vec![Value::Bool(true), Value::Bool(false)])),
    ];
    for (stored, kind, expect) in cases {
        let (mut ws, ids) = with_codes(stored);
        let before = ws.entities();
        let outcome = ws.execute(retype(kind.clone(), false), &ctx());
        match expect {
            Ok(values) => {
                let commit = outcome.unwrap_or_else(|e| panic!("{stored:?} to {kind:?}: {e}"));
                assert_eq!(codes(&ws, &ids), values.into_iter().map(Some).collect::<Vec<_>>(), "{stored:?} to {kind:?}");
                assert_eq!(commit.changes.last().map(|c| c.key.clone()), Some(EntityKey::Schema), "the schema goes last");
            }
            Err(positions) => {
                let mut refused: Vec<RecordId> = positions.iter().map(|&i| ids[i].clone()).collect();
                refused.sort();
                assert_eq!(outcome, Err(CommandError::Schema(SchemaError::ValuesRefused(refused))), "{stored:?} to {kind:?}");
                assert_eq!(ws.entities(), before, "a refused edit converts nothing");
            }
        }
    }
}

#[test]
fn values_that_become_equal_once_converted_cannot_be_made_unique() {
    let (mut ws, ids) = with_codes(&["1.0", "1", "2"]);
    let before = ws.entities();
    let mut shared = vec![ids[0].clone(), ids[1].clone()];
    shared.sort();
    assert_eq!(ws.execute(retype(number(), true), &ctx()), Err(CommandError::Schema(SchemaError::DuplicateValues(shared))));
    assert_eq!(ws.entities(), before);
    ws.execute(retype(number(), false), &ctx()).expect("not unique, so fine");
}

#[test]
fn owner_emails_become_owner_ids() {
    let (mut ws, ids) = with_codes(&["ada@example.com", "Ada@Example.com"]);
    let hire = OwnerEdit::Create { name: s("Ada"), email: s("ada@example.com"), team: None };
    ws.execute(Command::EditOwner(hire), &ctx()).expect("valid");
    let ada = ws.owners().next().map(|o| Value::Text(o.id.0.clone())).expect("hired");
    ws.execute(retype(PropertyType::Owner, false), &ctx()).expect("both name Ada");
    assert_eq!(codes(&ws, &ids), [Some(ada.clone()), Some(ada)]);
    let (mut ws, ids) = with_codes(&["grace@example.com"]);
    assert_eq!(ws.execute(retype(PropertyType::Owner, false), &ctx()), Err(CommandError::Schema(SchemaError::ValuesRefused(ids))));
}

#[test]
fn a_conversion_keeps_history_reverts_and_replays() {
    let (mut ws, ids) = with_codes(&["42"]);
    let before = ws.entities();
    let commit = ws.execute(retype(number(), false), &ctx()).expect("parses");
    let history = ws.record(&ids[0]).map(|r| r.history("code").iter().map(|e| e.value.clone()).collect::<Vec<_>>());
    assert_eq!(history, Some(vec![Some(Value::Text(s("42"))), Some(Value::Number(42.0))]));
    let after = ws.entities();
    let mut replayed = workspace();
    let snapshot: Vec<String> = crate::core::stored::snapshot(&ws, 50).iter().map(Batch::encode).collect();
    restore(&mut replayed, FORMAT_VERSION, &snapshot, &[]).expect("loads");
    assert_eq!(replayed.entities(), after);
    ws.revert(&commit);
    assert_eq!(ws.entities(), before);
}
