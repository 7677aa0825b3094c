//! The merge is a join: commutative, associative and idempotent on records, and it never
//! loses a write newer than everything the other side had for that property.

use proptest::prelude::*;

use super::*;
use crate::core::change::Binned;
use crate::core::record::{Record, Source};
use crate::core::time::Millis;

const IDS: [&str; 3] = ["R1", "R2", "R3"];
const PROPS: [&str; 3] = ["firstname", "city", "phone"];

fn write() -> impl Strategy<Value = (usize, Option<String>, i64, bool)> {
    (0..PROPS.len(), prop::option::of(prop::sample::select(vec!["a".to_string(), "b".to_string(), "c".to_string()])), 0i64..12, any::<bool>())
}

/// One side: some of the records, each with random writes, some of them binned.
fn side() -> impl Strategy<Value = Vec<Entity>> {
    prop::collection::vec((prop::collection::vec(write(), 0..5), prop::option::of(0i64..14)), IDS.len()).prop_map(|copies| {
        let mut records = Vec::new();
        let mut binned = Vec::new();
        for (i, (writes, deleted)) in copies.into_iter().enumerate() {
            if writes.is_empty() && deleted.is_none() {
                continue;
            }
            let mut record = Record::new(RecordId::from(IDS[i]), "contacts", 1, Millis(0));
            let mut writes = writes;
            writes.sort_by_key(|w| w.2);
            for (p, value, at, user) in writes {
                record.set(PROPS[p], value.map(Value::Text), Millis(at), if user { Source::User } else { Source::Import });
            }
            match deleted {
                Some(at) => binned.push(Entity::Binned(Binned { record, deleted_at: Millis(at), edges: Vec::new() })),
                None => records.push(Entity::Record(record)),
            }
        }
        records.extend(binned);
        records
    })
}

fn merge(a: &[Entity], b: &[Entity]) -> Vec<Entity> {
    merge_entities(a, b).0
}

fn history(entities: &[Entity], id: &str, prop: &str) -> Vec<crate::core::record::HistoryEntry> {
    copies(entities).get(&RecordId::from(id)).map(|c| c.record().history(prop)).unwrap_or_default()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn merge_is_commutative(a in side(), b in side()) {
        prop_assert_eq!(merge(&a, &b), merge(&b, &a));
    }

    #[test]
    fn merge_is_associative(a in side(), b in side(), c in side()) {
        prop_assert_eq!(merge(&merge(&a, &b), &c), merge(&a, &merge(&b, &c)));
    }

    #[test]
    fn merge_is_idempotent(a in side(), b in side()) {
        let m = merge(&a, &b);
        prop_assert_eq!(merge(&m, &m), m.clone());
        prop_assert_eq!(merge(&m, &b), m.clone());
        prop_assert_eq!(merge(&a, &m), m);
    }

    #[test]
    fn no_write_newer_than_the_other_side_is_lost(a in side(), b in side()) {
        let m = merge(&a, &b);
        for id in IDS {
            for prop in PROPS {
                let merged = history(&m, id, prop);
                for side in [&a, &b] {
                    let own = history(side, id, prop);
                    // Every write survives in the history, and the current value is the newest.
                    prop_assert!(own.iter().all(|e| merged.contains(e)));
                    if let (Some(last), Some(current)) = (own.last(), merged.last()) {
                        prop_assert!(current.at >= last.at);
                    }
                }
            }
        }
    }
}
