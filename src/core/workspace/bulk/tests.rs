use crate::core::command::{Command, CommandError, FieldProblem};
use crate::core::id::RecordId;
use crate::core::workspace::fixtures::Fixture;

fn contact(fx: &mut Fixture, email: &str) -> RecordId {
    let values = vec![("email".to_string(), email.to_string())];
    fx.run(Command::CreateRecord { object: "contacts".into(), values }).expect("valid").subject.expect("created")
}

fn set(ids: &[RecordId], property: &str, value: &str) -> Command {
    Command::UpdateRecords { ids: ids.to_vec(), values: vec![(property.into(), value.into())] }
}

#[test]
fn one_command_updates_every_selected_record_in_one_commit() {
    let mut fx = Fixture::new();
    let ids: Vec<RecordId> = ["a@x.org", "b@x.org", "c@x.org"].iter().map(|e| contact(&mut fx, e)).collect();
    let commit = fx.run(set(&ids, "lifecyclestage", "Customer")).expect("valid");
    assert_eq!(commit.changes.len(), 3);
    assert!(ids.iter().all(|id| fx.ws.record(id).map(|r| r.text("lifecyclestage")) == Some("customer".into())));
    fx.run(Command::Undo).expect("undoable");
    assert!(ids.iter().all(|id| fx.ws.record(id).map(|r| r.text("lifecyclestage")) == Some(String::new())), "one undo reverts all");
}

#[test]
fn a_refused_value_changes_nothing_and_names_every_refused_record() {
    let mut fx = Fixture::new();
    let ids: Vec<RecordId> = ["a@x.org", "b@x.org"].iter().map(|e| contact(&mut fx, e)).collect();
    let before = fx.ws.entities();
    let Err(CommandError::Refused(refused)) = fx.run(set(&ids, "lifecyclestage", "martian")) else { panic!("refused") };
    assert_eq!(refused.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>(), ids);
    assert_eq!(fx.ws.entities(), before);
}

#[test]
fn two_selected_records_cannot_take_the_same_unique_value() {
    let mut fx = Fixture::new();
    let ids: Vec<RecordId> = ["a@x.org", "b@x.org"].iter().map(|e| contact(&mut fx, e)).collect();
    let before = fx.ws.entities();
    let Err(CommandError::Refused(refused)) = fx.run(set(&ids, "email", "same@x.org")) else { panic!("refused") };
    assert_eq!(refused.len(), 1);
    assert_eq!(refused[0].0, ids[1]);
    assert_eq!(refused[0].1.field("email"), Some(&FieldProblem::Duplicate(ids[0].clone())));
    assert_eq!(fx.ws.entities(), before);
}

#[test]
fn a_missing_record_is_refused() {
    let mut fx = Fixture::new();
    let ada = contact(&mut fx, "a@x.org");
    let gone = RecordId::from("GONE");
    let Err(CommandError::Refused(refused)) = fx.run(set(&[ada, gone.clone()], "firstname", "X")) else { panic!("refused") };
    assert_eq!(refused, vec![(gone.clone(), CommandError::NotFound(gone))]);
}
