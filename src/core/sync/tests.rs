use super::*;
use crate::core::backup::{export, import, Backup};
use crate::core::value::Value;
use crate::core::command::{Command, Context};
use crate::core::id::IdGen;
use crate::core::schema::{default_schema, PropertyDef, PropertyType, SchemaEdit};
use crate::core::time::Millis;

fn run(ws: &mut Workspace, at: i64, command: Command) -> Option<RecordId> {
    ws.execute(command, &Context::user(Millis(at))).expect("valid").subject
}

fn update(id: &RecordId, values: &[(&str, &str)]) -> Command {
    Command::UpdateRecord { id: id.clone(), values: values.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect() }
}

/// Two devices that start from the same data: one contact and one company.
fn two_devices() -> (Workspace, Workspace, RecordId, RecordId) {
    let mut a = Workspace::new(default_schema(), IdGen::new(1, 0));
    let create = |object: &str, values: &[(&str, &str)]| Command::CreateRecord {
        object: object.into(),
        values: values.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
    };
    let ada = run(&mut a, 1, create("contacts", &[("email", "ada@example.com"), ("firstname", "Ada")])).expect("created");
    let acme = run(&mut a, 2, create("companies", &[("name", "Acme")])).expect("created");
    let mut b = Workspace::new(default_schema(), IdGen::new(2, 0));
    import(&mut b, &export(&a, Millis(3))).expect("imports");
    (a, b, ada, acme)
}

fn exchange(a: &mut Workspace, b: &mut Workspace) -> (MergeReport, MergeReport) {
    let (from_a, from_b) = (export(a, Millis(0)), export(b, Millis(0)));
    let into_a = merge_text(a, &from_b).expect("merges");
    let into_b = merge_text(b, &from_a).expect("merges");
    (into_a, into_b)
}

#[test]
fn edits_of_different_fields_both_survive_on_both_devices() {
    let (mut a, mut b, ada, _) = two_devices();
    run(&mut a, 10, update(&ada, &[("firstname", "Augusta")]));
    run(&mut b, 20, update(&ada, &[("phone", "+44 20 7946 0958")]));
    let (into_a, into_b) = exchange(&mut a, &mut b);
    assert_eq!(a.entities(), b.entities());
    let record = a.record(&ada).expect("still there");
    assert_eq!((record.text("firstname"), record.text("phone").is_empty()), ("Augusta".to_string(), false));
    assert_eq!((into_a.updated, into_a.created, into_a.deleted), (1, 0, 0));
    assert_eq!(into_a.overwritten.iter().map(|o| o.property.as_str()).collect::<Vec<_>>(), ["phone"]);
    assert_eq!(into_b.overwritten.iter().map(|o| (o.property.as_str(), o.new.clone())).collect::<Vec<_>>(), [("firstname", Some(Value::Text("Augusta".into())))]);
    assert_eq!(record.history("firstname").len(), 2, "histories are unioned, not duplicated");
    // The commit is what changed: reverting it gives back the device's own state.
    let merged = a.entities();
    a.revert(&into_a.commit);
    assert_ne!(a.entities(), merged);
}

#[test]
fn the_newer_write_of_one_field_wins_and_ties_break_the_same_way_everywhere() {
    for (at_a, at_b, winner) in [(10, 20, "Bea"), (20, 10, "Ann"), (15, 15, "Bea")] {
        let (mut a, mut b, ada, _) = two_devices();
        run(&mut a, at_a, update(&ada, &[("firstname", "Ann")]));
        run(&mut b, at_b, update(&ada, &[("firstname", "Bea")]));
        exchange(&mut a, &mut b);
        assert_eq!(a.record(&ada).map(|r| r.text("firstname")), Some(winner.to_string()), "{at_a} vs {at_b}");
        assert_eq!(a.entities(), b.entities());
    }
}

#[test]
fn a_deletion_wins_over_older_edits_and_loses_to_newer_ones() {
    for (edit_at, delete_at, live) in [(10, 20, false), (30, 20, true)] {
        let (mut a, mut b, ada, _) = two_devices();
        run(&mut a, edit_at, update(&ada, &[("firstname", "Augusta")]));
        run(&mut b, delete_at, Command::DeleteRecord { id: ada.clone() });
        let (into_a, _) = exchange(&mut a, &mut b);
        assert_eq!(a.record(&ada).is_some(), live, "edit {edit_at}, delete {delete_at}");
        assert_eq!(a.binned().any(|x| x.record.id == ada), !live);
        assert_eq!(into_a.deleted, usize::from(!live));
        assert_eq!(a.entities(), b.entities());
    }
}

#[test]
fn associations_merge_as_a_set_and_new_records_arrive() {
    let (mut a, mut b, ada, acme) = two_devices();
    run(&mut a, 10, Command::Associate { from: ada.clone(), to: acme.clone(), labels: vec![] });
    let note = run(&mut b, 11, Command::CreateRecord { object: "notes".into(), values: vec![("hs_note_body".into(), "Met".into())] }).expect("created");
    run(&mut b, 12, Command::Associate { from: note.clone(), to: ada.clone(), labels: vec![] });
    let (into_a, _) = exchange(&mut a, &mut b);
    assert_eq!(into_a.created, 1);
    assert_eq!(a.associations().ids(&ada, "companies").count(), 1);
    assert_eq!(a.associations().ids(&ada, "notes").count(), 1);
    assert_eq!(a.entities(), b.entities());
}

#[test]
fn schema_merges_by_union_and_type_clashes_are_reported() {
    let (mut a, mut b, _, _) = two_devices();
    let add = |name: &str, kind: PropertyType| Command::EditSchema(SchemaEdit::CreateProperty { object: "contacts".into(), property: PropertyDef::new(name, "Shoe size", "contactinformation", kind) });
    run(&mut a, 10, add("shoe_size", PropertyType::SingleLineText));
    run(&mut b, 11, add("shoe_size", PropertyType::Number { decimals: None, min: None, max: None }));
    run(&mut b, 12, add("hobby", PropertyType::SingleLineText));
    let into_a = merge_text(&mut a, &export(&b, Millis(0))).expect("merges");
    assert_eq!(into_a.conflicts.len(), 1);
    assert_eq!((into_a.conflicts[0].object.as_str(), into_a.conflicts[0].property.as_str()), ("contacts", "shoe_size"));
    let contacts = a.schema().object("contacts").expect("contacts");
    assert_eq!(contacts.property("shoe_size").map(|p| p.kind.clone()), Some(PropertyType::SingleLineText), "ours is kept");
    assert!(contacts.property("hobby").is_some(), "theirs is added");
}

#[test]
fn a_damaged_file_merges_nothing() {
    let (mut a, _, _, _) = two_devices();
    let before = a.entities();
    assert!(merge_text(&mut a, "{\"format\":\"cairn-backup\",\"version\":1,").is_err());
    assert_eq!(a.entities(), before);
    // Merging a workspace with itself changes nothing.
    let own = Backup { exported_at: Millis(0), entities: a.entities() };
    let report = merge_backup(&mut a, &own);
    assert!(report.commit.changes.is_empty());
}

#[test]
fn writes_at_the_same_time_are_ordered_by_source_then_value() {
    use crate::core::record::{HistoryEntry, Source};
    let entry = |v: Option<&str>, at: i64, source: Source| HistoryEntry { value: v.map(|v| Value::Text(v.into())), at: Millis(at), source };
    let check = |a: Vec<HistoryEntry>, b: Vec<HistoryEntry>, current: Option<&str>, len: usize| {
        for merged in [union_history(a.clone(), b.clone()), union_history(b.clone(), a.clone())] {
            assert_eq!(merged.last().and_then(|e| e.value.clone()), current.map(|c| Value::Text(c.into())));
            assert_eq!(merged.len(), len);
        }
    };
    check(vec![entry(Some("x"), 5, Source::User)], vec![entry(Some("y"), 5, Source::Import)], Some("x"), 2);
    check(vec![entry(Some("x"), 5, Source::User)], vec![entry(Some("y"), 5, Source::User)], Some("y"), 2);
    check(vec![entry(Some("x"), 5, Source::User)], vec![entry(None, 5, Source::User)], Some("x"), 2);
    check(vec![entry(Some("x"), 5, Source::User)], vec![entry(Some("x"), 5, Source::User)], Some("x"), 1);
    check(vec![entry(Some("x"), 6, Source::Import)], vec![entry(Some("y"), 5, Source::Workflow)], Some("x"), 2);
}

#[test]
fn a_link_removed_on_one_device_stays_removed_unless_the_other_linked_it_again_later() {
    let (mut a, mut b, ada, acme) = two_devices();
    run(&mut a, 10, Command::Associate { from: ada.clone(), to: acme.clone(), labels: vec!["primary".into()] });
    exchange(&mut a, &mut b);
    assert_eq!(b.associations().ids(&ada, "companies").count(), 1);
    // Device A removes the link; B, which still has it, exports before hearing of it.
    run(&mut a, 20, Command::Unassociate { from: ada.clone(), to: acme.clone() });
    exchange(&mut a, &mut b);
    assert_eq!(a.entities(), b.entities());
    assert_eq!(a.associations().ids(&ada, "companies").count(), 0, "the removal is newer than the add");
    // B links them again later: the newer add wins on both devices.
    run(&mut b, 30, Command::Associate { from: ada.clone(), to: acme.clone(), labels: vec![] });
    exchange(&mut a, &mut b);
    assert_eq!(a.entities(), b.entities());
    assert_eq!(a.associations().ids(&ada, "companies").count(), 1);
    // The label that went with the removed link does not come back with the new link.
    assert!(a.associated(&ada, "companies").iter().all(|x| x.labels().is_empty()));
}

#[test]
fn a_label_removed_on_one_device_stays_removed_while_a_label_added_on_the_other_arrives() {
    use crate::core::association::{AssociationDef, LabelDef};
    let (mut a, mut b, ada, acme) = two_devices();
    let def = AssociationDef::new("contacts", "companies")
        .with_label(LabelDef::single("primary", "Primary").max_from_a(1))
        .with_label(LabelDef::single("billing_contact", "Billing contact"));
    run(&mut a, 5, Command::DefineAssociation(def.clone()));
    run(&mut b, 5, Command::DefineAssociation(def));
    run(&mut a, 10, Command::Associate { from: ada.clone(), to: acme.clone(), labels: vec!["primary".into()] });
    exchange(&mut a, &mut b);
    run(&mut a, 20, Command::SetAssociationLabels { from: ada.clone(), to: acme.clone(), labels: vec![] });
    run(&mut b, 25, Command::Associate { from: ada.clone(), to: acme.clone(), labels: vec!["billing_contact".into()] });
    exchange(&mut a, &mut b);
    assert_eq!(a.entities(), b.entities());
    let names = |ws: &Workspace| -> Vec<String> { ws.associations().edge(&ada, &acme).map(|e| e.labels.iter().map(str::to_string).collect()).unwrap_or_default() };
    assert_eq!(names(&a), ["billing_contact"]);
}

#[test]
fn an_undone_removal_takes_its_tombstone_back() {
    let (mut a, _, ada, acme) = two_devices();
    run(&mut a, 10, Command::Associate { from: ada.clone(), to: acme.clone(), labels: vec![] });
    let before = a.entities();
    run(&mut a, 20, Command::Unassociate { from: ada.clone(), to: acme.clone() });
    assert!(a.associations().unlinked(&ada, &acme).is_some());
    run(&mut a, 30, Command::Undo);
    assert_eq!(a.entities(), before);
}
