use super::*;
use crate::core::schema::default_schema;
use crate::core::time::Millis;
use crate::core::validate::Invalid;

fn workspace() -> Workspace {
    Workspace::new(default_schema(), IdGen::new(7, 0))
}

fn inputs(pairs: &[(&str, &str)]) -> Vec<Input> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

fn create(ws: &mut Workspace, pairs: &[(&str, &str)]) -> Result<Commit, CommandError> {
    ws.execute(Command::CreateRecord { object: "contacts".into(), values: inputs(pairs) }, &Context::user(Millis(1_000)))
}

#[test]
fn creating_a_contact_normalizes_and_numbers_it() {
    let mut ws = workspace();
    let commit = create(&mut ws, &[("firstname", "Ada"), ("lastname", "Lovelace"), ("email", " ADA@Example.com ")]).expect("valid");
    let id = commit.subject.expect("subject");
    let ada = ws.record(&id).expect("stored");
    assert_eq!(ada.text("email"), "ada@example.com");
    assert_eq!(ada.number, 1);
    let second = create(&mut ws, &[("firstname", "Grace")]).expect("valid");
    assert_eq!(ws.record(&second.subject.expect("subject")).map(|r| r.number), Some(2));
}

#[test]
fn an_invalid_email_is_refused_and_nothing_is_stored() {
    let mut ws = workspace();
    let err = create(&mut ws, &[("firstname", "Ada"), ("email", "ada@")]).expect_err("invalid");
    assert_eq!(err.field("email"), Some(&FieldProblem::Invalid(Invalid::Email)));
    assert!(ws.is_empty());
}

#[test]
fn a_duplicate_email_names_the_existing_contact() {
    let mut ws = workspace();
    let first = create(&mut ws, &[("email", "ada@example.com")]).expect("valid").subject.expect("id");
    let err = create(&mut ws, &[("email", "Ada@Example.COM")]).expect_err("duplicate");
    assert_eq!(err.field("email"), Some(&FieldProblem::Duplicate(first)));
    assert_eq!(ws.len(), 1);
}

#[test]
fn updating_keeps_history_and_frees_the_old_unique_value() {
    let mut ws = workspace();
    let id = create(&mut ws, &[("email", "a@example.com")]).expect("valid").subject.expect("id");
    let ctx = Context::user(Millis(2_000));
    ws.execute(Command::UpdateRecord { id: id.clone(), values: inputs(&[("email", "b@example.com")]) }, &ctx).expect("valid");
    assert_eq!(ws.record(&id).map(|r| r.history("email").len()), Some(2));
    create(&mut ws, &[("email", "a@example.com")]).expect("old email is free again");
}

#[test]
fn unknown_properties_and_objects_are_refused() {
    let mut ws = workspace();
    let err = create(&mut ws, &[("shoe_size", "42")]).expect_err("unknown");
    assert_eq!(err.field("shoe_size"), Some(&FieldProblem::UnknownProperty));
    let err = ws.execute(Command::CreateRecord { object: "spaceships".into(), values: vec![] }, &Context::user(Millis(1))).expect_err("unknown");
    assert_eq!(err, CommandError::UnknownObject("spaceships".into()));
}

#[test]
fn revert_restores_the_state_before_a_commit() {
    let mut ws = workspace();
    let id = create(&mut ws, &[("email", "a@example.com")]).expect("valid").subject.expect("id");
    let before = ws.entities();
    let commit = ws.execute(Command::DeleteRecord { id: id.clone() }, &Context::user(Millis(3_000))).expect("deleted");
    assert!(ws.record(&id).is_none());
    ws.revert(&commit);
    assert_eq!(ws.entities(), before);
    // The unique index was restored too.
    assert!(create(&mut ws, &[("email", "a@example.com")]).is_err());
}

#[test]
fn delete_then_restore_is_the_identity() {
    let mut ws = workspace();
    let id = create(&mut ws, &[("firstname", "Ada"), ("email", "a@example.com")]).expect("valid").subject.expect("id");
    let before = ws.record(&id).cloned();
    ws.execute(Command::DeleteRecord { id: id.clone() }, &Context::user(Millis(3_000))).expect("deleted");
    assert_eq!(ws.binned().count(), 1);
    ws.execute(Command::RestoreRecord { id: id.clone() }, &Context::user(Millis(4_000))).expect("restored");
    assert_eq!(ws.record(&id).cloned(), before);
    assert_eq!(ws.binned().count(), 0);
}
