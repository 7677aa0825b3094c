//! A workspace restored from its snapshot behaves like the one that wrote it: search, unique
//! values, associations and queries answer the same, before and after further edits, whether
//! the indexes a load leaves for later were built before the edit or after it.

use super::*;
use crate::core::command::{Command, CommandError, Context, FieldProblem};
use crate::core::id::{IdGen, RecordId};
use crate::core::query::{run, Condition, Filter, Group, Op, Page, Query, Sort};
use crate::core::sample::{generate, SampleSize};
use crate::core::schema::default_schema;
use crate::core::search::search;
use crate::core::time::Millis;
use crate::core::value::Value;

const NOW: Millis = Millis(1_795_392_000_000);
const OBJECTS: [&str; 4] = ["contacts", "companies", "deals", "calls"];

/// A sample workspace loaded the way the generator does, plus records and links made by
/// commands on top.
fn original() -> Workspace {
    let mut ws = Workspace::new(default_schema(), IdGen::new(5, 0));
    let size = SampleSize { contacts: 400, companies: 40, deals: 80, activities: 100 };
    generate(ws.schema(), 11, size, NOW).load_into(&mut ws);
    let ctx = Context::user(NOW);
    let create = |ws: &mut Workspace, values: &[(&str, &str)]| {
        let values = values.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        ws.execute(Command::CreateRecord { object: "contacts".into(), values }, &ctx).map(|c| c.subject)
    };
    let zoe = create(&mut ws, &[("firstname", "Zoë"), ("lastname", "Smithson"), ("email", "zoe@smithson.example")]);
    let company = ws.records_of("companies").map(|r| r.id.clone()).min();
    if let (Ok(Some(zoe)), Some(company)) = (zoe, company) {
        let _ = ws.execute(Command::Associate { from: zoe, to: company, labels: Vec::new() }, &ctx);
    }
    ws
}

fn restored(ws: &Workspace) -> Workspace {
    let mut back = Workspace::new(default_schema(), IdGen::new(5, 1));
    restore_bytes(&mut back, FORMAT_VERSION, &encode_snapshot(ws, 97), &[]).expect("loads");
    back
}

fn ids(records: Vec<&crate::core::record::Record>) -> Vec<RecordId> {
    records.into_iter().map(|r| r.id.clone()).collect()
}

/// Search words worth asking: prefixes of every searchable word of the sample.
fn queries(ws: &Workspace) -> Vec<String> {
    let mut out: Vec<String> = ["s", "sm", "smi", "smit", "zoe smith", "example", "5"].map(String::from).to_vec();
    for record in ws.records_of("contacts").take(60) {
        for name in ["lastname", "email", "phone"] {
            let text = record.text(name);
            out.push(text.chars().take(3).collect());
            out.push(text);
        }
    }
    out
}

/// Everything the two workspaces are asked, side by side.
fn assert_same_answers(a: &Workspace, b: &Workspace) {
    let mut records: Vec<_> = a.records().map(|r| r.id.clone()).collect();
    records.sort();
    assert_eq!(records.len(), b.len());
    for text in queries(a) {
        for object in OBJECTS {
            assert_eq!(ids(search(a, object, &text, 50)), ids(search(b, object, &text, 50)), "search {object} {text:?}");
        }
    }
    for (object, property) in [("contacts", "email"), ("companies", "domain")] {
        for record in a.records_of(object) {
            let Some(value) = record.get(property) else { continue };
            let upper = Value::Text(value.display().to_uppercase());
            for value in [value, &upper] {
                let holder = |ws: &Workspace| ws.find_unique(object, property, value).map(|r| r.id.clone());
                assert_eq!(holder(a), Some(record.id.clone()), "{object}.{property} {value:?}");
                assert_eq!(holder(b), holder(a), "{object}.{property} {value:?}");
            }
        }
    }
    for id in &records {
        let counts = |ws: &Workspace| ws.associations().counts(id).map(|(o, n)| (o.to_string(), n)).collect::<Vec<_>>();
        assert_eq!(counts(a), counts(b), "association counts of {id}");
        for object in OBJECTS {
            let linked = |ws: &Workspace| ws.associations().ids(id, object).cloned().collect::<Vec<_>>();
            assert_eq!(linked(a), linked(b), "{object} of {id}");
        }
    }
    let filter = Filter { groups: vec![Group { conditions: vec![Condition::new("lastname", Op::StartsWith { value: "s".into() })] }] };
    for sort in [None, Some(Sort { property: "lastname".into(), descending: false }), Some(Sort { property: "createdate".into(), descending: true })] {
        for filter in [Filter::default(), filter.clone()] {
            let query = Query { object: "contacts".into(), filter, sort: sort.clone() };
            let page = |ws: &Workspace| run(ws, &query, Page::first(500), NOW).map(|r| (ids(r.records), r.total)).expect("runs");
            assert_eq!(page(a), page(b), "{query:?}");
        }
    }
}

#[test]
fn a_restored_workspace_answers_like_the_original() {
    let ws = original();
    assert!(ws.associations().len() > 100, "the sample links records");
    assert_same_answers(&ws, &restored(&ws));
}

/// Edits after a load: the indexes must follow whether or not they were built yet.
fn edit(ws: &mut Workspace, contact: &RecordId, other_email: &str) -> Result<(), CommandError> {
    let ctx = Context::user(Millis(NOW.0 + 1_000));
    let values = vec![("lastname".to_string(), "Quixotic".to_string()), ("email".to_string(), "quixote@mancha.example".to_string())];
    ws.execute(Command::UpdateRecord { id: contact.clone(), values }, &ctx)?;
    let taken = vec![("email".to_string(), other_email.to_uppercase())];
    match ws.execute(Command::CreateRecord { object: "contacts".into(), values: taken }, &ctx) {
        Err(CommandError::Fields(errors)) if matches!(errors[0].problem, FieldProblem::Duplicate(_)) => {}
        other => panic!("a taken email must be refused: {other:?}"),
    }
    let unlinked = ws.associations().edges_of(contact).next().map(|e| (e.a.clone(), e.b.clone()));
    if let Some((from, to)) = unlinked {
        ws.execute(Command::Unassociate { from, to }, &ctx)?;
    }
    Ok(())
}

#[test]
fn edits_after_a_restore_keep_every_index_true() {
    let mut ws = original();
    let linked: Vec<_> = ws.records_of("contacts").filter(|r| ws.associations().edges_of(&r.id).next().is_some()).take(2).collect();
    let [first, second] = linked[..] else { panic!("two linked contacts") };
    let (contact, old_email, other_email) = (first.id.clone(), first.text("email"), second.text("email"));
    let (mut cold, mut warm) = (restored(&ws), restored(&ws));
    warm.warm_indexes();
    for each in [&mut ws, &mut cold, &mut warm] {
        edit(each, &contact, &other_email).expect("edits apply");
    }
    assert_eq!(ids(search(&cold, "contacts", "quixot", 5)), [contact.clone()]);
    assert!(cold.find_unique("contacts", "email", &Value::Text(old_email)).is_none(), "the old email is free");
    assert_same_answers(&ws, &cold);
    assert_same_answers(&ws, &warm);
}
