use crate::core::change::Entity;
use crate::core::command::{Command, CommandError, UndoError};
use crate::core::id::RecordId;
use crate::core::workspace::fixtures::Fixture;
use crate::core::workspace::UNDO_DEPTH;

fn undo(f: &mut Fixture) -> Result<crate::core::change::Commit, CommandError> {
    f.run(Command::Undo)
}

#[test]
fn each_undo_returns_to_the_state_before_one_more_command() {
    let mut f = Fixture::new();
    let mut states = vec![f.ws.entities()];
    let ada = f.create("contacts", &[("firstname", "Ada")]);
    states.push(f.ws.entities());
    let acme = f.create("companies", &[("name", "Acme")]);
    states.push(f.ws.entities());
    f.link(&ada, &acme, &["primary"]);
    states.push(f.ws.entities());
    f.run(Command::UpdateRecord { id: ada.clone(), values: vec![("city".into(), "London".into())] }).expect("valid");
    states.push(f.ws.entities());
    let dup = f.create("contacts", &[("lastname", "Lovelace")]);
    states.push(f.ws.entities());
    f.run(Command::MergeRecords { primary: ada.clone(), secondary: dup }).expect("merged");
    states.push(f.ws.entities());
    f.run(Command::DeleteRecord { id: acme }).expect("deleted");
    while let Some(expected) = states.pop() {
        assert!(f.ws.can_undo());
        let commit = undo(&mut f).expect("undone");
        assert_eq!(f.ws.entities(), expected, "undo {}", states.len());
        assert!(!commit.changes.is_empty());
        f.check_invariants();
    }
    assert!(!f.ws.can_undo());
    assert_eq!(undo(&mut f).expect_err("empty"), UndoError::Nothing.into());
    f.assert_log_replays();
}

#[test]
fn an_undo_is_a_commit_storage_can_persist() {
    let mut f = Fixture::new();
    let ada = f.create("contacts", &[]);
    let commit = undo(&mut f).expect("undone");
    assert_eq!(commit.subject, Some(ada.clone()));
    assert!(matches!(commit.changes.as_slice(), [c] if c.after.is_none() && matches!(c.before, Some(Entity::Record(_)))));
    assert!(f.ws.record(&ada).is_none());
    f.assert_log_replays();
}

#[test]
fn a_change_from_elsewhere_makes_earlier_commands_not_undoable() {
    let mut f = Fixture::new();
    let ada = f.create("contacts", &[]);
    let acme = f.create("companies", &[]);
    // An import links them after the user created them: undoing the creation now would
    // leave a link to nothing.
    f.import(Command::Associate { from: ada.clone(), to: acme.clone(), labels: vec![] }).expect("linked");
    assert!(!f.ws.can_undo());
    let before = f.ws.entities();
    assert_eq!(undo(&mut f).expect_err("stale"), UndoError::Changed.into());
    assert_eq!(f.ws.entities(), before);
    // New user commands are undoable again, but only back to the import.
    f.create("deals", &[]);
    undo(&mut f).expect("undone");
    assert_eq!(f.ws.entities(), before);
    assert!(!f.ws.can_undo());
}

#[test]
fn a_sync_write_makes_the_log_stale() {
    let mut f = Fixture::new();
    let ada = f.create("contacts", &[]);
    let record = f.ws.record(&ada).cloned().expect("created");
    f.ws.put(crate::core::change::EntityKey::Record(ada), Some(Entity::Record(record)));
    assert!(!f.ws.can_undo());
}

#[test]
fn housekeeping_and_refused_commands_are_not_undone() {
    let mut f = Fixture::new();
    let ada = f.create("contacts", &[]);
    assert!(f.run(Command::DeleteRecord { id: RecordId::from("NOPE") }).is_err());
    assert!(f.ws.can_undo(), "a refused command writes nothing");
    f.run(Command::PurgeBin).expect("nothing to purge");
    assert!(f.ws.can_undo(), "an empty purge writes nothing");
    undo(&mut f).expect("undone");
    assert!(f.ws.record(&ada).is_none());
}

#[test]
fn only_the_last_commands_are_kept() {
    let mut f = Fixture::new();
    for _ in 0..UNDO_DEPTH + 5 {
        f.create("deals", &[]);
    }
    for _ in 0..UNDO_DEPTH {
        undo(&mut f).expect("undone");
    }
    assert_eq!(f.ws.records().count(), 5);
    assert_eq!(undo(&mut f).expect_err("too far"), UndoError::Nothing.into());
}

#[test]
fn reverting_an_unsaved_commit_keeps_the_one_before_undoable() {
    let mut f = Fixture::new();
    let ada = f.create("contacts", &[]);
    let ctx = f.ctx();
    let failed = f.ws.execute(Command::CreateRecord { object: "deals".into(), values: vec![] }, &ctx).expect("valid");
    f.ws.revert(&failed);
    assert!(f.ws.can_undo());
    undo(&mut f).expect("undone");
    assert!(f.ws.record(&ada).is_none());
    assert!(!f.ws.can_undo());
}

#[test]
fn schema_and_owner_edits_are_undone_like_record_commands() {
    use crate::core::owner::OwnerEdit;
    use crate::core::schema::SchemaEdit;
    let mut f = Fixture::new();
    let start = f.ws.entities();
    f.run(Command::EditSchema(SchemaEdit::SetObjectEnabled { object: "invoices".into(), enabled: true })).expect("switched on");
    let switched_on = f.ws.entities();
    f.run(Command::EditOwner(OwnerEdit::Create { name: "Grace".into(), email: "grace@example.com".into(), team: None })).expect("created");
    let owner = f.ws.owners().next().map(|o| o.id.clone()).expect("one owner");
    let with_owner = f.ws.entities();
    let ada = f.create("contacts", &[("hubspot_owner_id", "grace@example.com")]);
    assert_eq!(f.ws.record(&ada).map(|r| r.text("hubspot_owner_id")), Some(owner.0.clone()));
    for expected in [with_owner, switched_on, start] {
        undo(&mut f).expect("undone");
        assert_eq!(f.ws.entities(), expected);
    }
    assert!(f.ws.schema().object("invoices").is_some_and(|o| !o.enabled));
    assert_eq!(f.ws.owners().count(), 0);
    f.assert_log_replays();
}
