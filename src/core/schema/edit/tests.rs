use super::*;
use crate::core::schema::{check_schema, default_schema};
use proptest::prelude::*;

fn s(text: &str) -> String {
    text.to_string()
}

fn create_batches() -> SchemaEdit {
    SchemaEdit::CreateObject { name: s("roast_batches"), singular: s(" Roast batch "), plural: s("Roast batches"), primary_name: s("batch_name"), primary_label: s("Batch name") }
}

fn with_batches() -> Schema {
    plan(&default_schema(), &create_batches()).expect("valid").schema
}

fn custom(name: &str, kind: PropertyType) -> PropertyDef {
    PropertyDef::new(name, "Custom", "contactinformation", kind)
}

fn dropdown(name: &str, options: &[&str]) -> PropertyDef {
    let mut def = custom(name, PropertyType::Dropdown);
    def.options = options.iter().map(|o| EnumOption::new(o, &o.to_uppercase())).collect();
    def
}

fn add(object: &str, property: PropertyDef) -> SchemaEdit {
    SchemaEdit::CreateProperty { object: s(object), property }
}

fn update(object: &str, property: &str, patch: PropertyPatch) -> SchemaEdit {
    SchemaEdit::UpdateProperty { object: s(object), property: s(property), patch }
}

fn archive(object: &str, property: &str) -> SchemaEdit {
    SchemaEdit::ArchiveProperty { object: s(object), property: s(property) }
}

/// Plans an edit on a schema and compares only the outcome: the checks asked for, or the error.
fn check(schema: &Schema, edit: SchemaEdit, expect: Result<Vec<DataCheck>, SchemaError>) {
    let outcome = plan(schema, &edit).map(|p| p.checks);
    assert_eq!(outcome, expect, "{edit:?}");
}

fn conforms(object: &str, property: &str) -> DataCheck {
    DataCheck::Conforms { object: s(object), property: s(property) }
}

fn distinct(object: &str, property: &str) -> DataCheck {
    DataCheck::Distinct { object: s(object), property: s(property) }
}

#[test]
fn a_custom_object_starts_with_a_primary_property_and_system_properties() {
    let schema = with_batches();
    let batches = schema.object("roast_batches").expect("created");
    assert_eq!((batches.kind, batches.enabled), (ObjectKind::Custom, true));
    assert_eq!(batches.singular, "Roast batch");
    assert_eq!(batches.primary_property, "batch_name");
    assert_eq!(batches.searchable, ["batch_name"]);
    let names: Vec<&str> = batches.properties.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["batch_name", "hubspot_owner_id", "createdate", "lastmodifieddate", "hs_object_id"]);
    assert!(batches.property("batch_name").is_some_and(|p| p.custom));
    assert_eq!(check_schema(&schema), Ok(()));
}

#[test]
fn objects_are_refused_when_badly_named_or_labelled() {
    let base = default_schema();
    let object = |name: &str, singular: &str, primary: &str| SchemaEdit::CreateObject {
        name: s(name),
        singular: s(singular),
        plural: s("Things"),
        primary_name: s(primary),
        primary_label: s("Name"),
    };
    check(&base, object("Things", "Thing", "name"), Err(SchemaError::InvalidName(s("Things"))));
    check(&base, object("things", "Thing", "the name"), Err(SchemaError::InvalidName(s("the name"))));
    check(&base, object("contacts", "Thing", "name"), Err(SchemaError::NameTaken(s("contacts"))));
    check(&base, object("things", "  ", "name"), Err(SchemaError::EmptyLabel));
    check(&base, object("things", "Thing", "createdate"), Err(SchemaError::NameTaken(s("createdate"))));
    check(&base, object("things", "Thing", "name"), Ok(vec![]));
}

#[test]
fn only_optional_objects_switch_off_and_only_custom_ones_are_deleted() {
    let schema = with_batches();
    let enable = |object: &str, enabled| SchemaEdit::SetObjectEnabled { object: s(object), enabled };
    check(&schema, enable("contacts", false), Err(SchemaError::StandardObject(s("contacts"))));
    check(&schema, SchemaEdit::DeleteObject { object: s("deals") }, Err(SchemaError::StandardObject(s("deals"))));
    check(&schema, enable("spaceships", false), Err(SchemaError::UnknownObject(s("spaceships"))));
    let off = plan(&schema, &enable("roast_batches", false)).expect("custom").schema;
    assert_eq!(off.object("roast_batches").map(|o| o.enabled), Some(false));
    let deleted = plan(&schema, &SchemaEdit::DeleteObject { object: s("roast_batches") }).expect("custom");
    assert!(deleted.schema.object("roast_batches").is_none());
    assert_eq!(deleted.checks, [DataCheck::Empty { object: s("roast_batches") }]);
}

#[test]
fn object_settings_keep_a_usable_primary_property() {
    let base = default_schema();
    let patch = |patch: ObjectPatch| SchemaEdit::UpdateObject { object: s("contacts"), patch };
    let primary = |p: &str| ObjectPatch { primary_property: Some(s(p)), ..Default::default() };
    check(&base, patch(primary("email")), Ok(vec![]));
    check(&base, patch(primary("lifecyclestage")), Err(SchemaError::CannotBePrimary));
    check(&base, patch(primary("nickname")), Err(SchemaError::UnknownProperty(s("nickname"))));
    check(&base, patch(ObjectPatch { plural: Some(s("")), ..Default::default() }), Err(SchemaError::EmptyLabel));
    let search = |names: &[&str]| ObjectPatch { searchable: Some(names.iter().map(|n| s(n)).collect()), ..Default::default() };
    check(&base, patch(search(&["email", "nickname"])), Err(SchemaError::UnknownProperty(s("nickname"))));
    let next = plan(&base, &patch(search(&["email", "city", "email"]))).expect("valid").schema;
    assert_eq!(next.object("contacts").map(|o| o.searchable.clone()), Some(vec![s("email"), s("city")]));
}

#[test]
fn groups_are_created_renamed_and_deleted_only_when_empty() {
    let base = default_schema();
    let group = |name: &str, label: &str| SchemaEdit::CreateGroup { object: s("contacts"), name: s(name), label: s(label) };
    check(&base, group("social", "Social"), Ok(vec![]));
    check(&base, group("contactinformation", "Again"), Err(SchemaError::NameTaken(s("contactinformation"))));
    check(&base, group("Social", "Social"), Err(SchemaError::InvalidName(s("Social"))));
    check(&base, group("social", " "), Err(SchemaError::EmptyLabel));
    let rename = |group: &str, label: &str| SchemaEdit::RenameGroup { object: s("contacts"), group: s(group), label: s(label) };
    check(&base, rename("contactinformation", "About"), Ok(vec![]));
    check(&base, rename("contactinformation", ""), Err(SchemaError::EmptyLabel));
    check(&base, rename("social", "Social"), Err(SchemaError::UnknownGroup(s("social"))));
    let delete = |group: &str| SchemaEdit::DeleteGroup { object: s("contacts"), group: s(group) };
    check(&base, delete("contactinformation"), Err(SchemaError::GroupNotEmpty(s("contactinformation"))));
    let with_social = plan(&base, &group("social", "Social")).expect("valid").schema;
    check(&with_social, delete("social"), Ok(vec![]));
}

#[test]
fn a_group_holding_only_archived_properties_is_not_empty() {
    let base = default_schema();
    let social = plan(&base, &SchemaEdit::CreateGroup { object: s("contacts"), name: s("social"), label: s("Social") }).expect("valid").schema;
    let mut handle = custom("twitter", PropertyType::SingleLineText);
    handle.group = s("social");
    let with_handle = plan(&social, &add("contacts", handle)).expect("valid").schema;
    let archived = plan(&with_handle, &archive("contacts", "twitter")).expect("valid").schema;
    check(&archived, SchemaEdit::DeleteGroup { object: s("contacts"), group: s("social") }, Err(SchemaError::GroupNotEmpty(s("social"))));
}

#[test]
fn new_properties_are_custom_and_checked() {
    let base = default_schema();
    let created = plan(&base, &add("contacts", custom("shoe_size", PropertyType::SingleLineText))).expect("valid");
    assert!(created.schema.object("contacts").and_then(|o| o.property("shoe_size")).is_some_and(|p| p.custom));
    assert_eq!(created.checks, [conforms("contacts", "shoe_size")]);
    let mut unique = custom("badge", PropertyType::SingleLineText);
    unique.unique = true;
    check(&base, add("contacts", unique), Ok(vec![conforms("contacts", "badge"), distinct("contacts", "badge")]));
    let mut read_only = custom("score", PropertyType::SingleLineText);
    read_only.read_only = true;
    let mut elsewhere = custom("score", PropertyType::SingleLineText);
    elsewhere.group = s("nowhere");
    let mut blank = custom("score", PropertyType::SingleLineText);
    blank.label = s(" ");
    let refusals = [
        (custom("Score", PropertyType::SingleLineText), SchemaError::InvalidName(s("Score"))),
        (custom("email", PropertyType::Email), SchemaError::NameTaken(s("email"))),
        (custom("score", PropertyType::Calculated), SchemaError::Calculated),
        (read_only, SchemaError::ReadOnlyProperty(s("score"))),
        (elsewhere, SchemaError::UnknownGroup(s("nowhere"))),
        (blank, SchemaError::EmptyLabel),
        (dropdown("tier", &[]), SchemaError::NoOptions),
        (dropdown("tier", &["gold", "Gold"]), SchemaError::DuplicateOption(s("Gold"))),
    ];
    for (property, error) in refusals {
        check(&base, add("contacts", property), Err(error));
    }
    check(&base, add("spaceships", custom("score", PropertyType::SingleLineText)), Err(SchemaError::UnknownObject(s("spaceships"))));
}

#[test]
fn standard_properties_keep_their_type_and_uniqueness() {
    let base = default_schema();
    let label = PropertyPatch { label: Some(s("E-mail address")), ..Default::default() };
    check(&base, update("contacts", "email", label), Ok(vec![]));
    let retype = PropertyPatch { kind: Some(PropertyType::MultiLineText), ..Default::default() };
    check(&base, update("contacts", "firstname", retype), Err(SchemaError::StandardProperty(s("firstname"))));
    let not_unique = PropertyPatch { unique: Some(false), ..Default::default() };
    check(&base, update("contacts", "email", not_unique), Err(SchemaError::StandardProperty(s("email"))));
    let options = PropertyPatch { options: Some(vec![EnumOption::new("lead", "Lead"), EnumOption::new("customer", "Customer")]), ..Default::default() };
    check(&base, update("contacts", "lifecyclestage", options), Ok(vec![conforms("contacts", "lifecyclestage")]));
    check(&base, archive("contacts", "email"), Err(SchemaError::StandardProperty(s("email"))));
}

#[test]
fn properties_maintained_by_cairn_only_take_new_labels() {
    let base = default_schema();
    let relabel = PropertyPatch { label: Some(s("Created")), hidden: Some(true), ..Default::default() };
    check(&base, update("contacts", "createdate", relabel), Ok(vec![]));
    let required = PropertyPatch { required: Some(true), ..Default::default() };
    check(&base, update("contacts", "createdate", required), Err(SchemaError::ReadOnlyProperty(s("createdate"))));
    check(&base, update("contacts", "nickname", PropertyPatch::default()), Err(SchemaError::UnknownProperty(s("nickname"))));
}

#[test]
fn custom_properties_change_type_subject_to_their_values() {
    let base = plan(&default_schema(), &add("contacts", dropdown("tier", &["gold", "silver"]))).expect("valid").schema;
    let to_text = plan(&base, &update("contacts", "tier", PropertyPatch { kind: Some(PropertyType::SingleLineText), ..Default::default() })).expect("valid");
    let tier = to_text.schema.object("contacts").and_then(|o| o.property("tier")).cloned().expect("kept");
    assert_eq!((tier.kind, tier.options.len()), (PropertyType::SingleLineText, 0), "options go with the enumeration");
    assert_eq!(to_text.checks, [conforms("contacts", "tier")]);
    let to_unique = PropertyPatch { kind: Some(PropertyType::SingleLineText), unique: Some(true), ..Default::default() };
    check(&base, update("contacts", "tier", to_unique), Ok(vec![conforms("contacts", "tier"), distinct("contacts", "tier")]));
    let calculated = PropertyPatch { kind: Some(PropertyType::Calculated), ..Default::default() };
    check(&base, update("contacts", "tier", calculated), Err(SchemaError::Calculated));
    let unique_dropdown = PropertyPatch { unique: Some(true), ..Default::default() };
    check(&base, update("contacts", "tier", unique_dropdown), Err(SchemaError::CannotBeUnique));
    let moved = PropertyPatch { group: Some(s("nowhere")), ..Default::default() };
    check(&base, update("contacts", "tier", moved), Err(SchemaError::UnknownGroup(s("nowhere"))));
    let batches = with_batches();
    let number = PropertyPatch { kind: Some(PropertyType::Number { decimals: None, min: None, max: None }), ..Default::default() };
    check(&batches, update("roast_batches", "batch_name", number), Err(SchemaError::CannotBePrimary));
}

#[test]
fn archiving_keeps_the_name_and_restoring_brings_the_property_back() {
    let base = plan(&default_schema(), &add("contacts", custom("shoe_size", PropertyType::SingleLineText))).expect("valid").schema;
    let searchable = ObjectPatch { searchable: Some(vec![s("email"), s("shoe_size")]), ..Default::default() };
    let base = plan(&base, &SchemaEdit::UpdateObject { object: s("contacts"), patch: searchable }).expect("valid").schema;
    let archived = plan(&base, &archive("contacts", "shoe_size")).expect("custom").schema;
    let contacts = archived.object("contacts").expect("contacts");
    assert!(contacts.property("shoe_size").is_none());
    assert!(contacts.archived_property("shoe_size").is_some());
    assert_eq!(contacts.searchable, ["email"]);
    check(&archived, add("contacts", custom("shoe_size", PropertyType::SingleLineText)), Err(SchemaError::NameTaken(s("shoe_size"))));
    check(&archived, update("contacts", "shoe_size", PropertyPatch::default()), Err(SchemaError::UnknownProperty(s("shoe_size"))));
    check(&archived, archive("contacts", "shoe_size"), Err(SchemaError::UnknownProperty(s("shoe_size"))));
    let restore = SchemaEdit::RestoreProperty { object: s("contacts"), property: s("shoe_size") };
    check(&archived, restore.clone(), Ok(vec![conforms("contacts", "shoe_size")]));
    let restored = plan(&archived, &restore).expect("restores").schema;
    assert!(restored.object("contacts").is_some_and(|o| o.property("shoe_size").is_some() && o.archived.is_empty()));
    check(&with_batches(), archive("roast_batches", "batch_name"), Err(SchemaError::PrimaryProperty(s("batch_name"))));
}

/// A small vocabulary of edits, so random sequences hit the same names and interact.
fn edits() -> impl Strategy<Value = SchemaEdit> {
    let object = prop_oneof![Just("contacts"), Just("deals"), Just("roast_batches"), Just("projects"), Just("spaceships")].prop_map(s);
    let property = prop_oneof![Just("email"), Just("dealname"), Just("createdate"), Just("batch_name"), Just("tier"), Just("badge")].prop_map(s);
    let group = prop_oneof![Just("information"), Just("contactinformation"), Just("extra")].prop_map(s);
    let kind = prop_oneof![
        Just(PropertyType::SingleLineText),
        Just(PropertyType::Dropdown),
        Just(PropertyType::Number { decimals: Some(2), min: None, max: None }),
        Just(PropertyType::Calculated),
    ];
    let options = proptest::collection::vec(prop_oneof![Just("gold"), Just("silver"), Just("Gold"), Just("")], 0..3)
        .prop_map(|o| o.into_iter().map(|v| EnumOption::new(v, "Label")).collect::<Vec<_>>());
    prop_oneof![
        1 => Just(create_batches()),
        1 => (object.clone(), any::<bool>()).prop_map(|(object, enabled)| SchemaEdit::SetObjectEnabled { object, enabled }),
        1 => object.clone().prop_map(|object| SchemaEdit::DeleteObject { object }),
        1 => (object.clone(), group.clone()).prop_map(|(object, name)| SchemaEdit::CreateGroup { object, name, label: s("Extra") }),
        1 => (object.clone(), group.clone()).prop_map(|(object, group)| SchemaEdit::DeleteGroup { object, group }),
        1 => (object.clone(), property.clone(), group.clone(), kind.clone(), options.clone(), any::<bool>()).prop_map(|(object, name, group, kind, options, unique)| {
            let mut def = PropertyDef::new(&name, "Label", &group, kind);
            def.options = options;
            def.unique = unique;
            SchemaEdit::CreateProperty { object, property: def }
        }),
        3 => (object.clone(), property.clone(), proptest::option::of(kind), proptest::option::weighted(0.3, options), proptest::option::of(any::<bool>()), proptest::option::weighted(0.2, group))
            .prop_map(|(object, property, kind, options, unique, group)| {
                SchemaEdit::UpdateProperty { object, property, patch: PropertyPatch { kind, options, unique, group, ..Default::default() } }
            }),
        1 => (object.clone(), property.clone()).prop_map(|(object, property)| SchemaEdit::ArchiveProperty { object, property }),
        1 => (object.clone(), property.clone()).prop_map(|(object, property)| SchemaEdit::RestoreProperty { object, property }),
        1 => (object, property).prop_map(|(object, p)| SchemaEdit::UpdateObject { object, patch: ObjectPatch { primary_property: Some(p), ..Default::default() } }),
    ]
}

proptest! {
    /// Whatever sequence of edits is accepted, the schema stays well formed and no standard
    /// property is lost or changes type.
    #[test]
    fn accepted_edits_keep_the_schema_well_formed(sequence in proptest::collection::vec(edits(), 1..30)) {
        let original = default_schema();
        let mut schema = original.clone();
        for edit in &sequence {
            if let Ok(planned) = plan(&schema, edit) {
                schema = planned.schema;
                prop_assert_eq!(check_schema(&schema), Ok(()), "after {:?}", edit);
            }
        }
        for object in &original.objects {
            let now = schema.object(&object.name).expect("standard objects stay");
            for property in &object.properties {
                let kept = now.property(&property.name).expect("standard properties stay live");
                prop_assert_eq!(&kept.kind, &property.kind);
                prop_assert_eq!(kept.unique, property.unique);
            }
        }
    }
}
