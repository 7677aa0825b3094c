use super::*;
use crate::core::command::{Command, Input};
use crate::core::id::{IdGen, RecordId};
use crate::core::owner::{OwnerError, OwnerPatch};
use crate::core::schema::default_schema;
use crate::core::stored::{restore, Batch, FORMAT_VERSION};
use crate::core::time::Millis;

fn s(text: &str) -> String {
    text.to_string()
}

fn ctx() -> Context {
    Context::user(Millis(1_000))
}

fn workspace() -> Workspace {
    Workspace::new(default_schema(), IdGen::new(11, 0))
}

fn run(ws: &mut Workspace, edit: OwnerEdit) -> Result<Commit, CommandError> {
    ws.execute(Command::EditOwner(edit), &ctx())
}

fn hire(ws: &mut Workspace, name: &str, email: &str) -> OwnerId {
    let commit = run(ws, OwnerEdit::Create { name: s(name), email: s(email), team: Some(s("Sales")) }).expect("valid owner");
    match commit.changes.first().and_then(|c| c.after.as_ref()) {
        Some(Entity::Owner(owner)) => owner.id.clone(),
        other => panic!("expected an owner, got {other:?}"),
    }
}

fn inputs(pairs: &[(&str, &str)]) -> Vec<Input> {
    pairs.iter().map(|(k, v)| (s(k), s(v))).collect()
}

fn create_contact(ws: &mut Workspace, owner: &str) -> Result<RecordId, CommandError> {
    let command = Command::CreateRecord { object: s("contacts"), values: inputs(&[("hubspot_owner_id", owner)]) };
    Ok(ws.execute(command, &ctx())?.subject.expect("created"))
}

fn owner_of(ws: &Workspace, id: &RecordId) -> Option<String> {
    ws.record(id).map(|r| r.text("hubspot_owner_id"))
}

#[test]
fn an_owner_is_one_stored_entity_that_revert_takes_back() {
    let mut ws = workspace();
    let before = ws.entities();
    let commit = run(&mut ws, OwnerEdit::Create { name: s("Ada"), email: s("Ada@Example.com"), team: None }).expect("valid");
    assert_eq!((commit.changes.len(), commit.subject.clone()), (1, None));
    let owner = ws.owners().next().cloned().expect("stored");
    assert_eq!((owner.email.as_str(), owner.active), ("ada@example.com", true));
    assert_eq!(ws.owner(&owner.id), Some(&owner));
    ws.revert(&commit);
    assert_eq!(ws.entities(), before);
}

#[test]
fn owner_properties_take_an_id_or_an_email_and_store_the_id() {
    let mut ws = workspace();
    let ada = hire(&mut ws, "Ada", "ada@example.com");
    let by_id = create_contact(&mut ws, &ada.0).expect("known id");
    let by_email = create_contact(&mut ws, " ADA@example.com ").expect("known email");
    assert_eq!(owner_of(&ws, &by_id), Some(ada.0.clone()));
    assert_eq!(owner_of(&ws, &by_email), Some(ada.0.clone()));
    assert_eq!(ws.find_owner("ada@example.com").map(|o| o.id.clone()), Some(ada));
}

#[test]
fn an_owner_value_that_names_nobody_is_refused_and_changes_nothing() {
    let mut ws = workspace();
    hire(&mut ws, "Ada", "ada@example.com");
    let before = ws.entities();
    for nobody in ["grace@example.com", "00000000000000000000000000", "Ada"] {
        let err = create_contact(&mut ws, nobody).expect_err("no such owner");
        assert_eq!(err.field("hubspot_owner_id"), Some(&FieldProblem::UnknownOwner), "{nobody}");
    }
    assert_eq!(ws.entities(), before);
}

#[test]
fn a_deactivated_owner_keeps_records_but_takes_no_new_ones() {
    let mut ws = workspace();
    let ada = hire(&mut ws, "Ada", "ada@example.com");
    let owned = create_contact(&mut ws, &ada.0).expect("active");
    run(&mut ws, OwnerEdit::Deactivate { id: ada.clone() }).expect("exists");
    assert_eq!(run(&mut ws, OwnerEdit::Deactivate { id: ada.clone() }), Ok(Commit::default()), "already off");
    assert_eq!(owner_of(&ws, &owned), Some(ada.0.clone()), "records keep their owner");
    let err = create_contact(&mut ws, &ada.0).expect_err("deactivated");
    assert_eq!(err.field("hubspot_owner_id"), Some(&FieldProblem::InactiveOwner));
    let resend = Command::UpdateRecord { id: owned.clone(), values: inputs(&[("hubspot_owner_id", &ada.0), ("firstname", "Grace")]) };
    ws.execute(resend, &ctx()).expect("a form sending the unchanged owner back is fine");
    run(&mut ws, OwnerEdit::Reactivate { id: ada.clone() }).expect("exists");
    create_contact(&mut ws, "ada@example.com").expect("active again");
}

#[test]
fn refused_owner_edits_name_the_reason() {
    let mut ws = workspace();
    let ada = hire(&mut ws, "Ada", "ada@example.com");
    let grace = hire(&mut ws, "Grace", "grace@example.com");
    let steal = OwnerPatch { email: Some(s("ada@example.com")), ..Default::default() };
    let before = ws.entities();
    assert_eq!(run(&mut ws, OwnerEdit::Update { id: grace, patch: steal }), Err(CommandError::Owner(OwnerError::EmailTaken(ada))));
    let ghost = OwnerId(s("NOBODY"));
    assert_eq!(run(&mut ws, OwnerEdit::Deactivate { id: ghost.clone() }), Err(CommandError::Owner(OwnerError::NotFound(ghost))));
    assert_eq!(ws.entities(), before);
}

#[test]
fn owner_edits_are_stored_and_replayed_like_any_commit() {
    let mut ws = workspace();
    let mut log = Vec::new();
    let mut keep = |commit: Commit| log.push(Batch::from_commit(&commit).encode());
    keep(run(&mut ws, OwnerEdit::Create { name: s("Ada"), email: s("ada@example.com"), team: None }).expect("valid"));
    let ada = ws.owners().next().map(|o| o.id.clone()).expect("created");
    keep(run(&mut ws, OwnerEdit::Update { id: ada.clone(), patch: OwnerPatch { team: Some(Some(s("Support"))), ..Default::default() } }).expect("valid"));
    keep(ws.execute(Command::CreateRecord { object: s("contacts"), values: inputs(&[("hubspot_owner_id", &ada.0)]) }, &ctx()).expect("valid"));
    keep(run(&mut ws, OwnerEdit::Deactivate { id: ada }).expect("valid"));
    let mut fresh = workspace();
    restore(&mut fresh, FORMAT_VERSION, &[], &log).expect("loads");
    assert_eq!(fresh.entities(), ws.entities());
    assert_eq!(fresh.owners().next().map(|o| (o.team.clone(), o.active)), Some((Some(s("Support")), false)));
}
