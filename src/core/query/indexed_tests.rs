//! The column indexes must give exactly the results of visiting every record, including
//! after edits, deletions and restores change the indexed values.

use proptest::prelude::*;

use super::*;
use crate::core::command::{Command, Context};
use crate::core::id::{IdGen, RecordId};
use crate::core::schema::default_schema;

const NOW: Millis = Millis(1_795_392_000_000);
const STAGES: [&str; 4] = ["lead", "customer", "subscriber", ""];
const CITIES: [&str; 5] = ["Paris", "paris", "Łódź", "Lodz", ""];
const NAMES: [&str; 5] = ["Müller", "muller", "Nowak", "Zoë", ""];

/// One step of a random history: create, edit, delete or restore a contact.
#[derive(Clone, Debug)]
enum Step {
    Create { stage: usize, city: usize, name: usize, at: u8 },
    Edit { which: usize, city: usize, name: usize },
    Delete { which: usize },
    Restore { which: usize },
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => (0..STAGES.len(), 0..CITIES.len(), 0..NAMES.len(), 0u8..4).prop_map(|(stage, city, name, at)| Step::Create { stage, city, name, at }),
        2 => (any::<usize>(), 0..CITIES.len(), 0..NAMES.len()).prop_map(|(which, city, name)| Step::Edit { which, city, name }),
        1 => any::<usize>().prop_map(|which| Step::Delete { which }),
        1 => any::<usize>().prop_map(|which| Step::Restore { which }),
    ]
}

fn values(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

/// Plays the steps, running `query` after each one so the columns exist while records change.
fn play(steps: &[Step], q: &Query) -> Workspace {
    let mut ws = Workspace::new(default_schema(), IdGen::new(3, 0));
    let mut ids: Vec<RecordId> = Vec::new();
    let pick = |ids: &[RecordId], which: usize| (!ids.is_empty()).then(|| ids[which % ids.len()].clone());
    for (i, s) in steps.iter().enumerate() {
        let ctx = Context::user(Millis(NOW.0 + i as i64));
        let command = match s {
            Step::Create { stage, city, name, at } => {
                let ctx = Context::user(Millis(NOW.0 + i64::from(*at)));
                let v = values(&[("lifecyclestage", STAGES[*stage]), ("city", CITIES[*city]), ("lastname", NAMES[*name]), ("firstname", "x")]);
                if let Ok(commit) = ws.execute(Command::CreateRecord { object: "contacts".into(), values: v }, &ctx) {
                    ids.extend(commit.subject);
                }
                continue;
            }
            Step::Edit { which, city, name } => match pick(&ids, *which) {
                Some(id) => Command::UpdateRecord { id, values: values(&[("city", CITIES[*city]), ("lastname", NAMES[*name])]) },
                None => continue,
            },
            Step::Delete { which } => match pick(&ids, *which) {
                Some(id) => Command::DeleteRecord { id },
                None => continue,
            },
            Step::Restore { which } => match pick(&ids, *which) {
                Some(id) => Command::RestoreRecord { id },
                None => continue,
            },
        };
        let _ = ws.execute(command, &ctx);
        let _ = run(&ws, q, Page::first(5), NOW);
    }
    ws
}

fn query() -> impl Strategy<Value = Query> {
    let condition = prop_oneof![
        (0..STAGES.len() - 1).prop_map(|i| Condition::new("lifecyclestage", Op::Is { value: STAGES[i].into() })),
        (0..CITIES.len() - 1).prop_map(|i| Condition::new("city", Op::Is { value: CITIES[i].into() })),
        (0..CITIES.len() - 1).prop_map(|i| Condition::new("city", Op::IsNot { value: CITIES[i].into() })),
        Just(Condition::new("lastname", Op::Contains { value: "ll".into() })),
        Just(Condition::new("city", Op::IsUnknown)),
        Just(Condition::new("lastname", Op::IsKnown)),
    ];
    let group = prop::collection::vec(condition, 0..3).prop_map(|conditions| Group { conditions });
    let sort = prop::option::of((prop_oneof![Just("lastname"), Just("city"), Just("lifecyclestage")], any::<bool>()));
    (prop::collection::vec(group, 0..3), sort).prop_map(|(groups, sort)| Query {
        object: "contacts".into(),
        filter: Filter { groups },
        sort: sort.map(|(property, descending)| Sort { property: property.into(), descending }),
    })
}

fn ids(results: &Results) -> Vec<RecordId> {
    results.records.iter().map(|r| r.id.clone()).collect()
}

proptest! {
    #[test]
    fn indexed_queries_equal_a_scan_of_every_record(steps in prop::collection::vec(step(), 0..40), q in query(), offset in 0usize..6, limit in 1usize..8) {
        let ws = play(&steps, &q);
        let page = Page { offset, limit };
        let (indexed, scanned) = (run(&ws, &q, page, NOW).expect("runs"), run_scan(&ws, &q, page, NOW).expect("runs"));
        prop_assert_eq!(indexed.total, scanned.total);
        prop_assert_eq!(ids(&indexed), ids(&scanned));
    }
}
