//! Random writes of property values (creates and edits from a small pool of emails and
//! cities, deletes, restores, merges, undos) must keep the value invariants after every
//! step: no two live records share a unique value and the unique index finds each holder,
//! every property's history ends with its current value and replays to it, a refused
//! command changes nothing, and the query indexes agree with a scan.

use proptest::prelude::*;

use super::fixtures::Fixture;
use crate::core::command::Command;
use crate::core::id::RecordId;
use crate::core::query::{self, Condition, Filter, Group, Op, Page, Query, Sort};
use crate::core::record::Record;
use crate::core::time::Millis;
use crate::core::value::Value;

const EMAILS: [&str; 4] = ["ada@example.com", "ADA@example.com", "grace@example.org", ""];
const CITIES: [&str; 3] = ["Paris", "Kraków", ""];

#[derive(Clone, Debug)]
enum Step {
    Create(usize, usize),
    Edit(usize, usize, usize),
    Delete(usize),
    Restore(usize),
    Merge(usize, usize),
    Undo,
}

fn step() -> impl Strategy<Value = Step> {
    let i = || 0..64usize;
    prop_oneof![
        3 => (0..EMAILS.len(), 0..CITIES.len()).prop_map(|(e, c)| Step::Create(e, c)),
        4 => (i(), 0..EMAILS.len(), 0..CITIES.len()).prop_map(|(r, e, c)| Step::Edit(r, e, c)),
        1 => i().prop_map(Step::Delete),
        1 => i().prop_map(Step::Restore),
        1 => (i(), i()).prop_map(|(a, b)| Step::Merge(a, b)),
        1 => Just(Step::Undo),
    ]
}

fn inputs(email: usize, city: usize) -> Vec<(String, String)> {
    vec![("email".into(), EMAILS[email].into()), ("city".into(), CITIES[city].into()), ("firstname".into(), "x".into())]
}

/// Each property's history ends with the current value, and writing the history again
/// onto an empty record gives the same record values.
fn check_history(record: &Record) {
    let mut replayed = Record::new(record.id.clone(), &record.object, record.number, record.created);
    for name in record.props.names() {
        let history = record.history(name);
        assert_eq!(history.last().and_then(|e| e.value.as_ref()), record.get(name), "{name}: history does not end at the value");
        for entry in history {
            replayed.set(name, entry.value, entry.at, entry.source);
        }
    }
    for name in record.props.names() {
        assert_eq!(replayed.get(name), record.get(name), "{name}: history does not replay to the value");
    }
}

fn check(f: &Fixture) {
    let mut holders: Vec<(String, RecordId)> = Vec::new();
    for record in f.ws.records_of("contacts") {
        check_history(record);
        let Some(email) = record.get("email").filter(|v| v.as_text() != Some("")) else { continue };
        let key = email.display().to_lowercase();
        assert!(holders.iter().all(|(k, _)| k != &key), "two contacts share {key}");
        let found = f.ws.find_unique("contacts", "email", &Value::Text(key.to_uppercase())).map(|r| r.id.clone());
        assert_eq!(found.as_ref(), Some(&record.id), "the unique index lost {key}");
        holders.push((key, record.id.clone()));
    }
    for email in EMAILS.iter().filter(|e| !e.is_empty()) {
        let held = holders.iter().any(|(k, _)| k == &email.to_lowercase());
        assert_eq!(f.ws.find_unique("contacts", "email", &Value::Text(email.to_string())).is_some(), held, "stale holder of {email}");
    }
    let q = Query {
        object: "contacts".into(),
        filter: Filter { groups: vec![Group { conditions: vec![Condition::new("city", Op::IsNot { value: "paris".into() })] }] },
        sort: Some(Sort { property: "email".into(), descending: false }),
    };
    let (indexed, scanned) = (query::run(&f.ws, &q, Page::first(100), Millis(0)), query::run_scan(&f.ws, &q, Page::first(100), Millis(0)));
    let ids = |r: query::Results| r.records.iter().map(|r| r.id.clone()).collect::<Vec<_>>();
    assert_eq!(indexed.map(ids), scanned.map(ids), "indexed query differs from a scan");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn random_writes_keep_unique_values_and_history_true(steps in prop::collection::vec(step(), 1..60)) {
        let mut f = Fixture::new();
        let mut ids: Vec<RecordId> = Vec::new();
        let pick = |ids: &[RecordId], i: usize| (!ids.is_empty()).then(|| ids[i % ids.len()].clone());
        for s in steps {
            let command = match s {
                Step::Create(e, c) => Command::CreateRecord { object: "contacts".into(), values: inputs(e, c) },
                Step::Edit(r, e, c) => match pick(&ids, r) {
                    Some(id) => Command::UpdateRecord { id, values: inputs(e, c) },
                    None => continue,
                },
                Step::Delete(r) => match pick(&ids, r) {
                    Some(id) => Command::DeleteRecord { id },
                    None => continue,
                },
                Step::Restore(r) => match pick(&ids, r) {
                    Some(id) => Command::RestoreRecord { id },
                    None => continue,
                },
                Step::Merge(a, b) => match (pick(&ids, a), pick(&ids, b)) {
                    (Some(primary), Some(secondary)) => Command::MergeRecords { primary, secondary },
                    _ => continue,
                },
                Step::Undo => Command::Undo,
            };
            let is_create = matches!(command, Command::CreateRecord { .. });
            let before = f.ws.entities();
            match f.run(command) {
                Ok(commit) if is_create => ids.extend(commit.subject),
                Ok(_) => {}
                Err(_) => prop_assert_eq!(f.ws.entities(), before, "a refused command changed the workspace"),
            }
            f.now += 1;
            check(&f);
        }
    }
}
