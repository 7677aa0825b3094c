use super::*;
use crate::core::command::{Command, Context, FieldProblem, Input};
use crate::core::id::IdGen;
use crate::core::schema::{default_schema, EnumOption, ObjectPatch, PropertyDef, PropertyPatch, PropertyType};
use crate::core::stored::{restore, Batch, FORMAT_VERSION};
use crate::core::time::Millis;
use proptest::prelude::*;

fn s(text: &str) -> String {
    text.to_string()
}

fn ctx() -> Context {
    Context::user(Millis(1_000))
}

fn workspace() -> Workspace {
    Workspace::new(default_schema(), IdGen::new(5, 0))
}

fn inputs(pairs: &[(&str, &str)]) -> Vec<Input> {
    pairs.iter().map(|(k, v)| (s(k), s(v))).collect()
}

fn create(ws: &mut Workspace, object: &str, pairs: &[(&str, &str)]) -> Result<RecordId, CommandError> {
    let commit = ws.execute(Command::CreateRecord { object: s(object), values: inputs(pairs) }, &ctx())?;
    Ok(commit.subject.expect("a created record"))
}

fn edit(ws: &mut Workspace, edit: SchemaEdit) -> Result<Commit, CommandError> {
    ws.execute(Command::EditSchema(edit), &ctx())
}

fn add_property(ws: &mut Workspace, property: PropertyDef) {
    edit(ws, SchemaEdit::CreateProperty { object: s("contacts"), property }).expect("valid property");
}

fn tier() -> PropertyDef {
    let mut def = PropertyDef::new("tier", "Tier", "contactinformation", PropertyType::Dropdown);
    def.options = vec![EnumOption::new("gold", "Gold"), EnumOption::new("silver", "Silver")];
    def
}

fn update_tier(patch: PropertyPatch) -> SchemaEdit {
    SchemaEdit::UpdateProperty { object: s("contacts"), property: s("tier"), patch }
}

/// Asserts a command is refused with `expect` and leaves every entity as it was.
fn refused(ws: &mut Workspace, command: SchemaEdit, expect: SchemaError) {
    let before = ws.entities();
    assert_eq!(edit(ws, command), Err(CommandError::Schema(expect)));
    assert_eq!(ws.entities(), before, "a refused edit changes nothing");
}

#[test]
fn records_of_a_new_custom_object_can_be_created() {
    let mut ws = workspace();
    let create_batches = SchemaEdit::CreateObject { name: s("roast_batches"), singular: s("Roast batch"), plural: s("Roast batches"), primary_name: s("batch_name"), primary_label: s("Batch name") };
    let commit = edit(&mut ws, create_batches).expect("valid");
    assert_eq!(commit.subject, None);
    assert_eq!(commit.changes.len(), 1);
    assert_eq!(commit.changes[0].key, EntityKey::Schema);
    let id = create(&mut ws, "roast_batches", &[("batch_name", "Cairn")]).expect("valid");
    assert_eq!(ws.record(&id).map(|r| (r.number, r.text("batch_name"))), Some((1, s("Cairn"))));
}

#[test]
fn an_option_in_use_cannot_be_removed_but_can_be_hidden() {
    let mut ws = workspace();
    add_property(&mut ws, tier());
    let gold = create(&mut ws, "contacts", &[("tier", "gold")]).expect("valid");
    create(&mut ws, "contacts", &[("tier", "silver")]).expect("valid");
    let only_silver = PropertyPatch { options: Some(vec![EnumOption::new("silver", "Silver")]), ..Default::default() };
    refused(&mut ws, update_tier(only_silver), SchemaError::ValuesRefused(vec![gold]));
    let mut hidden_gold = EnumOption::new("gold", "Gold");
    hidden_gold.hidden = true;
    let hide = PropertyPatch { options: Some(vec![hidden_gold, EnumOption::new("silver", "Silver")]), ..Default::default() };
    edit(&mut ws, update_tier(hide)).expect("hiding keeps the value valid");
}

#[test]
fn a_type_change_converts_values_when_nothing_is_lost_and_refuses_otherwise() {
    let mut ws = workspace();
    add_property(&mut ws, tier());
    let gold = create(&mut ws, "contacts", &[("tier", "gold")]).expect("valid");
    let to_radio = PropertyPatch { kind: Some(PropertyType::Radio), ..Default::default() };
    let commit = edit(&mut ws, update_tier(to_radio)).expect("same values, same options");
    assert_eq!(commit.changes.iter().map(|c| c.key.clone()).collect::<Vec<_>>(), [EntityKey::Schema], "no value needed converting");
    let to_checkboxes = PropertyPatch { kind: Some(PropertyType::Checkboxes), ..Default::default() };
    let commit = edit(&mut ws, update_tier(to_checkboxes)).expect("one choice becomes a one-item list");
    assert_eq!(commit.changes.iter().map(|c| c.key.clone()).collect::<Vec<_>>(), [EntityKey::Record(gold.clone()), EntityKey::Schema]);
    assert_eq!(ws.record(&gold).and_then(|r| r.get("tier")).cloned(), Some(crate::core::value::Value::List([s("gold")].into())));
    let both = create(&mut ws, "contacts", &[("tier", "gold;silver")]).expect("valid");
    let back_to_radio = PropertyPatch { kind: Some(PropertyType::Radio), ..Default::default() };
    refused(&mut ws, update_tier(back_to_radio.clone()), SchemaError::ValuesRefused(vec![both.clone()]));
    ws.execute(Command::UpdateRecord { id: both, values: inputs(&[("tier", "")]) }, &ctx()).expect("cleared");
    edit(&mut ws, update_tier(back_to_radio)).expect("every value is a single choice again");
    assert_eq!(ws.record(&gold).map(|r| r.text("tier")), Some(s("gold")));
}

#[test]
fn making_a_property_unique_needs_distinct_values_and_then_enforces_them() {
    let mut ws = workspace();
    add_property(&mut ws, PropertyDef::new("badge", "Badge", "contactinformation", PropertyType::SingleLineText));
    let a = create(&mut ws, "contacts", &[("badge", "B-1")]).expect("valid");
    let b = create(&mut ws, "contacts", &[("badge", "b-1")]).expect("valid");
    create(&mut ws, "contacts", &[("badge", "B-2")]).expect("valid");
    let unique = || SchemaEdit::UpdateProperty { object: s("contacts"), property: s("badge"), patch: PropertyPatch { unique: Some(true), ..Default::default() } };
    let mut both = vec![a, b.clone()];
    both.sort();
    refused(&mut ws, unique(), SchemaError::DuplicateValues(both));
    ws.execute(Command::UpdateRecord { id: b, values: inputs(&[("badge", "B-3")]) }, &ctx()).expect("valid");
    let commit = edit(&mut ws, unique()).expect("distinct now");
    let err = create(&mut ws, "contacts", &[("badge", "b-2")]).expect_err("duplicate");
    assert!(matches!(err.field("badge"), Some(FieldProblem::Duplicate(_))));
    ws.revert(&commit);
    create(&mut ws, "contacts", &[("badge", "b-2")]).expect("revert dropped the unique rule and its index");
}

#[test]
fn an_archived_property_refuses_writes_and_restoring_brings_its_values_back() {
    let mut ws = workspace();
    add_property(&mut ws, PropertyDef::new("shoe_size", "Shoe size", "contactinformation", PropertyType::SingleLineText));
    let id = create(&mut ws, "contacts", &[("shoe_size", "42")]).expect("valid");
    edit(&mut ws, SchemaEdit::ArchiveProperty { object: s("contacts"), property: s("shoe_size") }).expect("custom");
    let err = create(&mut ws, "contacts", &[("shoe_size", "40")]).expect_err("archived");
    assert_eq!(err.field("shoe_size"), Some(&FieldProblem::UnknownProperty));
    edit(&mut ws, SchemaEdit::RestoreProperty { object: s("contacts"), property: s("shoe_size") }).expect("restores");
    assert_eq!(ws.record(&id).map(|r| r.text("shoe_size")), Some(s("42")));
}

#[test]
fn a_custom_object_is_deleted_only_once_it_holds_no_record_even_binned() {
    let mut ws = workspace();
    let create_batches = SchemaEdit::CreateObject { name: s("roast_batches"), singular: s("Roast batch"), plural: s("Roast batches"), primary_name: s("batch_name"), primary_label: s("Name") };
    edit(&mut ws, create_batches).expect("valid");
    let id = create(&mut ws, "roast_batches", &[("batch_name", "Cairn")]).expect("valid");
    let delete = || SchemaEdit::DeleteObject { object: s("roast_batches") };
    refused(&mut ws, delete(), SchemaError::ObjectHasRecords(1));
    ws.execute(Command::DeleteRecord { id }, &ctx()).expect("binned");
    refused(&mut ws, delete(), SchemaError::ObjectHasRecords(1));
    let mut empty = workspace();
    edit(&mut empty, SchemaEdit::CreateObject { name: s("roast_batches"), singular: s("Roast batch"), plural: s("Roast batches"), primary_name: s("batch_name"), primary_label: s("Name") }).expect("valid");
    edit(&mut empty, delete()).expect("empty");
    assert!(empty.schema().object("roast_batches").is_none());
}

#[test]
fn a_switched_off_object_takes_no_new_record_until_switched_back_on() {
    let mut ws = workspace();
    edit(&mut ws, SchemaEdit::CreateObject { name: s("roast_batches"), singular: s("Roast batch"), plural: s("Roast batches"), primary_name: s("batch_name"), primary_label: s("Name") }).expect("valid");
    let switch = |enabled| SchemaEdit::SetObjectEnabled { object: s("roast_batches"), enabled };
    edit(&mut ws, switch(false)).expect("custom");
    assert_eq!(create(&mut ws, "roast_batches", &[]), Err(CommandError::UnknownObject(s("roast_batches"))));
    edit(&mut ws, switch(true)).expect("custom");
    create(&mut ws, "roast_batches", &[]).expect("on again");
}

#[test]
fn an_edit_that_changes_nothing_commits_nothing() {
    let mut ws = workspace();
    let same = SchemaEdit::UpdateObject { object: s("contacts"), patch: ObjectPatch { singular: Some(s("Contact")), ..Default::default() } };
    assert_eq!(edit(&mut ws, same), Ok(Commit::default()));
}

#[test]
fn schema_edits_are_stored_and_replayed_like_any_commit() {
    let mut ws = workspace();
    let mut log = Vec::new();
    let commit = edit(&mut ws, SchemaEdit::CreateProperty { object: s("contacts"), property: tier() }).expect("valid");
    log.push(Batch::from_commit(&commit).encode());
    let commit = ws.execute(Command::CreateRecord { object: s("contacts"), values: inputs(&[("tier", "Gold")]) }, &ctx()).expect("valid");
    log.push(Batch::from_commit(&commit).encode());
    let commit = edit(&mut ws, SchemaEdit::ArchiveProperty { object: s("contacts"), property: s("tier") }).expect("custom");
    log.push(Batch::from_commit(&commit).encode());
    let mut fresh = workspace();
    restore(&mut fresh, FORMAT_VERSION, &[], &log).expect("loads");
    assert_eq!(fresh.entities(), ws.entities());
}

/// Schema edits mixed with record writes, over names that collide on purpose.
fn commands() -> impl Strategy<Value = Command> {
    let badge = || PropertyDef::new("badge", "Badge", "contactinformation", PropertyType::SingleLineText);
    prop_oneof![
        Just(Command::EditSchema(SchemaEdit::CreateProperty { object: s("contacts"), property: badge() })),
        Just(Command::EditSchema(SchemaEdit::CreateProperty { object: s("contacts"), property: tier() })),
        any::<bool>().prop_map(|u| Command::EditSchema(SchemaEdit::UpdateProperty {
            object: s("contacts"),
            property: s("badge"),
            patch: PropertyPatch { unique: Some(u), ..Default::default() }
        })),
        Just(Command::EditSchema(update_tier(PropertyPatch { options: Some(vec![EnumOption::new("silver", "Silver")]), ..Default::default() }))),
        Just(Command::EditSchema(update_tier(PropertyPatch { kind: Some(PropertyType::SingleLineText), ..Default::default() }))),
        // Type changes that convert stored values, or are refused when one cannot convert.
        prop_oneof![Just(PropertyType::Checkboxes), Just(PropertyType::Radio), Just(PropertyType::Dropdown)]
            .prop_map(|kind| Command::EditSchema(update_tier(PropertyPatch { kind: Some(kind), ..Default::default() }))),
        (prop_oneof![Just(PropertyType::Number { decimals: None, min: None, max: None }), Just(PropertyType::SingleLineText), Just(PropertyType::Currency)], any::<bool>())
            .prop_map(|(kind, unique)| Command::EditSchema(SchemaEdit::UpdateProperty {
                object: s("contacts"),
                property: s("badge"),
                patch: PropertyPatch { kind: Some(kind), unique: Some(unique), ..Default::default() }
            })),
        Just(Command::EditSchema(SchemaEdit::ArchiveProperty { object: s("contacts"), property: s("badge") })),
        Just(Command::EditSchema(SchemaEdit::RestoreProperty { object: s("contacts"), property: s("badge") })),
        ("(x|y|z|1|1.0|2)", "(gold|silver|Gold;silver)").prop_map(|(b, t)| Command::CreateRecord { object: s("contacts"), values: inputs(&[("badge", &b), ("tier", &t)]) }),
    ]
}

proptest! {
    /// Any refused command leaves the workspace as it was, and reverting an accepted one
    /// restores the state before it, indexes included (checked by replaying from storage).
    #[test]
    fn refusals_change_nothing_and_reverts_restore_everything(sequence in proptest::collection::vec(commands(), 1..25)) {
        let mut ws = workspace();
        for command in sequence {
            let before = ws.entities();
            match ws.execute(command.clone(), &ctx()) {
                Err(_) => prop_assert_eq!(ws.entities(), before, "refused {:?}", command),
                Ok(commit) => {
                    let after = ws.entities();
                    ws.revert(&commit);
                    prop_assert_eq!(ws.entities(), before.clone(), "revert of {:?}", command);
                    for change in &commit.changes {
                        ws.put(change.key.clone(), change.after.clone());
                    }
                    prop_assert_eq!(ws.entities(), after);
                }
            }
        }
        let mut replayed = workspace();
        let snapshot: Vec<String> = crate::core::stored::snapshot(&ws, 100).iter().map(Batch::encode).collect();
        restore(&mut replayed, FORMAT_VERSION, &snapshot, &[]).expect("loads");
        // The unique index rebuilt from storage agrees with the one kept up by edits and reverts.
        for value in ws.records_of("contacts").filter_map(|r| r.get("badge")) {
            let held = |w: &Workspace| w.find_unique("contacts", "badge", value).map(|r| r.id.clone());
            prop_assert_eq!(held(&ws), held(&replayed));
        }
    }
}
