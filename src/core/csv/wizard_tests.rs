//! The import wizard's choices: what to do with existing records, new properties from
//! columns, the dry run, importing in steps, and the export's header row.

use super::*;
use crate::core::command::Context;
use crate::core::i18n::Msg;
use crate::core::id::IdGen;
use crate::core::schema::default_schema;
use crate::core::time::Millis;
use crate::core::value::Value;
use crate::core::workspace::Workspace;

const FILE: &str = "\u{feff}First Name;Email;Favourite colour\n\
    Ada;ada@example.com;blue\n\
    \"Grace\nHopper\";grace@example.com;green\n\
    Ada again;ADA@example.com;red\n\
    Bad;not-an-email;grey\n";

fn ctx() -> Context {
    Context::user(Millis(1_000))
}

fn options(ws: &Workspace, table: &Table, dedup: Dedup) -> ImportOptions {
    ImportOptions { object: "contacts".into(), columns: auto_map(ws.schema(), "contacts", &table.header), create_missing: false, dedup }
}

fn first_name(ws: &Workspace, email: &str) -> String {
    ws.find_unique("contacts", "email", &Value::Text(email.into())).map(|r| r.text("firstname")).unwrap_or_default()
}

fn import(dedup: Dedup) -> (Workspace, ImportReport) {
    let mut ws = Workspace::new(default_schema(), IdGen::new(3, 0));
    let table = parse_csv(FILE.as_bytes()).expect("parses");
    let options = options(&ws, &table, dedup);
    let report = import_table(&mut ws, &table, &options, &ctx());
    (ws, report)
}

#[test]
fn a_row_matching_an_existing_record_updates_skips_or_is_refused() {
    let (ws, report) = import(Dedup::Update);
    assert_eq!((report.created, report.updated, report.skipped, report.problems.len()), (2, 1, 0, 1));
    assert_eq!(first_name(&ws, "ada@example.com"), "Ada again");
    assert_eq!(first_name(&ws, "grace@example.com"), "Grace\nHopper");

    let (ws, report) = import(Dedup::Skip);
    assert_eq!((report.created, report.updated, report.skipped, report.problems.len()), (2, 0, 1, 1));
    assert_eq!(first_name(&ws, "ada@example.com"), "Ada");

    let (_, report) = import(Dedup::CreateOnly);
    let problems: Vec<(usize, &str, &str, Msg)> = report.problems.iter().map(|p| (p.row, p.column.as_str(), p.value.as_str(), p.reason)).collect();
    // The quoted line break makes Grace's row two lines long, so later rows start one line on.
    assert_eq!(problems, [(5, "Email", "ADA@example.com", Msg::ErrDuplicate), (6, "Email", "not-an-email", Msg::ErrEmail)]);
    assert_eq!((report.created, report.updated), (2, 0));
}

#[test]
fn a_column_can_become_a_new_property_in_the_same_commit() {
    let mut ws = Workspace::new(default_schema(), IdGen::new(3, 0));
    let before = ws.entities();
    let table = parse_csv(FILE.as_bytes()).expect("parses");
    let mut options = options(&ws, &table, Dedup::Update);
    assert_eq!(options.columns[2], Target::Skip, "no property is called like that yet");
    options.columns[2] = Target::NewProperty("Favourite colour".into());
    // A label that an existing property already uses gets a free internal name.
    options.columns[0] = Target::NewProperty("Email".into());
    let report = import_table(&mut ws, &table, &options, &ctx());
    let def = ws.schema().object("contacts").expect("contacts");
    assert_eq!(def.property("favourite_colour").map(|p| p.label.as_str()), Some("Favourite colour"));
    assert!(def.property("email_2").is_some());
    let grace = ws.find_unique("contacts", "email", &Value::Text("grace@example.com".into())).expect("imported");
    assert_eq!((grace.text("favourite_colour"), grace.text("email_2")), ("green".to_string(), "Grace\nHopper".to_string()));
    ws.revert(&report.commit);
    assert_eq!(ws.entities(), before, "reverting the import removes the new properties too");
}

#[test]
fn the_dry_run_counts_like_the_import_and_changes_nothing() {
    let mut ws = Workspace::new(default_schema(), IdGen::new(3, 0));
    let before = ws.entities();
    let table = parse_csv(FILE.as_bytes()).expect("parses");
    let options = options(&ws, &table, Dedup::Update);
    let preview = preview_import(&mut ws, &table, &options, &ctx());
    assert_eq!(ws.entities(), before);
    assert!(preview.commit.changes.is_empty());
    let (_, report) = import(Dedup::Update);
    assert_eq!((preview.created, preview.updated, preview.problems), (report.created, report.updated, report.problems));
}

#[test]
fn importing_in_steps_gives_the_same_result_as_at_once() {
    let (whole, report) = import(Dedup::Update);
    let mut ws = Workspace::new(default_schema(), IdGen::new(3, 0));
    let table = parse_csv(FILE.as_bytes()).expect("parses");
    let options = options(&ws, &table, Dedup::Update);
    let mut run = ImportRun::start(&mut ws, &table, &options, &ctx());
    let mut steps = 0;
    while !run.step(&mut ws, &table, 1) {
        steps += 1;
        assert_eq!(run.done(), steps);
    }
    let stepped = run.finish();
    assert_eq!((stepped.created, stepped.updated, stepped.problems), (report.created, report.updated, report.problems));
    assert_eq!(stepped.commit.changes.len(), report.commit.changes.len());
    assert_eq!(ws.len(), whole.len());
}

#[test]
fn exports_can_be_headed_by_internal_names() {
    let (ws, _) = import(Dedup::Update);
    let def = ws.schema().object("contacts").expect("contacts").clone();
    let columns = ["email".to_string(), "firstname".to_string()];
    let records = ws.records_of("contacts").filter(|r| r.text("email") == "grace@example.com");
    let all = all_columns(&def);
    assert!(all.contains(&"email".to_string()) && all.len() < def.properties.len() + 1);
    assert!(all.iter().all(|c| def.property(c).is_some_and(|p| !p.hidden)));
    assert_eq!(export_records_with(&def, records, &columns, Header::InternalNames, true), "\u{feff}email,firstname\r\ngrace@example.com,\"Grace\nHopper\"\r\n");
}

#[test]
fn column_choices_list_writable_properties_and_associable_objects() {
    let ws = Workspace::new(default_schema(), IdGen::new(3, 0));
    let choices = choices(ws.schema(), ws.associations(), "contacts");
    assert!(choices.contains(&Target::Property("email".into())));
    assert!(choices.contains(&Target::Associate("companies".into())));
    assert!(!choices.contains(&Target::Associate("contacts".into())));
    let read_only: Vec<&Target> = choices.iter().filter(|t| matches!(t, Target::Property(p) if ws.schema().object("contacts").and_then(|d| d.property(p)).is_some_and(|d| d.read_only && d.name != crate::core::schema::RECORD_ID))).collect();
    assert!(read_only.is_empty(), "{read_only:?}");
    for target in choices.iter().chain([&Target::Skip]) {
        assert_eq!(&Target::from_key(&target.key(), "Header"), target);
    }
    assert_eq!(Target::from_key("new", " Shoe size "), Target::NewProperty("Shoe size".into()));
    assert_eq!(Target::from_key("new", "  "), Target::Skip);
    assert_eq!(Target::from_key("bogus", "x"), Target::Skip);
}
