//! The merge is a join: commutative, associative and idempotent on records and links, it
//! never loses a write newer than everything the other side had for that property, and a
//! link's removal wins over older adds and loses to newer ones.

use proptest::prelude::*;

use super::*;
use crate::core::association::{Edge, Unlinked};
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

const LABELS: [&str; 2] = ["x", "y"];

/// The pair of records `i` links (0: R1–R2, 1: R1–R3, 2: R2–R3).
fn pair(i: usize) -> (RecordId, RecordId) {
    let (x, y) = [(0, 1), (0, 2), (1, 2)][i];
    (RecordId::from(IDS[x]), RecordId::from(IDS[y]))
}

/// One side's links and tombstones: for each pair, maybe a link (added at some time, with
/// labels added at or after it) and maybe removals of the link and of labels.
fn links() -> impl Strategy<Value = Vec<Entity>> {
    let label = || prop::option::of(0i64..4);
    let link = prop::option::of((0i64..12, label(), label()));
    let removal = prop::option::of((prop::option::of(0i64..14), prop::option::of(0i64..14), prop::option::of(0i64..14)));
    prop::collection::vec((link, removal), 3).prop_map(move |pairs| {
        let mut out = Vec::new();
        for (i, (link, removal)) in pairs.into_iter().enumerate() {
            let (a, b) = pair(i);
            if let Some((at, x, y)) = link {
                let mut edge = Edge { a: a.clone(), a_object: "contacts".into(), b: b.clone(), b_object: "contacts".into(), labels: Default::default(), at: Millis(at), label_at: Default::default() };
                for (name, later) in LABELS.iter().zip([x, y]) {
                    let Some(later) = later else { continue };
                    edge.labels.insert(name.to_string());
                    if later > 0 {
                        edge.label_at.insert(name.to_string(), Millis(at + later));
                    }
                }
                out.push(Entity::Edge(edge));
            }
            if let Some((at, x, y)) = removal {
                let mut u = Unlinked::new(&a, &b);
                u.at = at.map(Millis);
                for (name, t) in LABELS.iter().zip([x, y]) {
                    if let Some(t) = t {
                        u.labels.insert(name.to_string(), Millis(t));
                    }
                }
                out.push(Entity::Unlinked(u));
            }
        }
        out
    })
}

/// A side with records, links and tombstones.
fn side_with_links() -> impl Strategy<Value = Vec<Entity>> {
    (side(), links()).prop_map(|(mut records, links)| {
        // A side only links records it holds live; tombstones may name any record.
        let linkable = links.into_iter().filter(|e| match e {
            Entity::Edge(edge) => live(&records, &edge.a) && live(&records, &edge.b),
            _ => true,
        });
        let linkable: Vec<Entity> = linkable.collect();
        records.extend(linkable);
        records
    })
}

fn edge_between(entities: &[Entity], i: usize) -> Option<&Edge> {
    let (a, b) = pair(i);
    entities.iter().find_map(|e| match e {
        Entity::Edge(edge) if edge.a == a && edge.b == b => Some(edge),
        _ => None,
    })
}

fn removal_between(entities: &[Entity], i: usize) -> Option<&Unlinked> {
    let (a, b) = pair(i);
    entities.iter().find_map(|e| match e {
        Entity::Unlinked(u) if u.a == a && u.b == b => Some(u),
        _ => None,
    })
}

fn live(entities: &[Entity], id: &RecordId) -> bool {
    entities.iter().any(|e| matches!(e, Entity::Record(r) if &r.id == id))
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

    #[test]
    fn merging_links_is_commutative_associative_and_idempotent(a in side_with_links(), b in side_with_links(), c in side_with_links()) {
        prop_assert_eq!(merge(&a, &b), merge(&b, &a));
        prop_assert_eq!(merge(&merge(&a, &b), &c), merge(&a, &merge(&b, &c)));
        let m = merge(&a, &b);
        prop_assert_eq!(merge(&m, &m), m.clone());
        prop_assert_eq!(merge(&m, &a), m);
    }

    #[test]
    fn a_removal_newer_than_every_add_wins_and_an_add_newer_than_every_removal_stays(a in side_with_links(), b in side_with_links()) {
        let m = merge(&a, &b);
        for i in 0..3 {
            let (x, y) = pair(i);
            if !(live(&m, &x) && live(&m, &y)) {
                continue;
            }
            // A label's add shows the link was there then, so it counts as an add of the link.
            let newest_add = [&a, &b].iter().filter_map(|s| edge_between(s, i)).map(|e| e.label_at.values().copied().fold(e.at, Millis::max)).max();
            let newest_removal = [&a, &b].iter().filter_map(|s| removal_between(s, i)).filter_map(|u| u.at).max();
            let merged = edge_between(&m, i);
            match (newest_add, newest_removal) {
                (Some(add), Some(removal)) if removal >= add => prop_assert!(merged.is_none(), "pair {} removed at {:?} after its add at {:?}", i, removal, add),
                (Some(_), _) => {
                    let merged = merged.expect("a link added after its last removal stays");
                    // Each label stays exactly when some side added it after its last removal.
                    for label in LABELS {
                        let added = [&a, &b].iter().filter_map(|s| edge_between(s, i)).filter(|e| e.labels.contains(label)).map(|e| e.label_time(label)).max();
                        let removed = [&a, &b].iter().filter_map(|s| removal_between(s, i)).flat_map(|u| [u.at, u.labels.get(label).copied()]).flatten().max();
                        let expected = added.is_some_and(|t| removed.is_none_or(|r| t > r));
                        prop_assert_eq!(merged.labels.contains(label), expected, "label {} of pair {}", label, i);
                    }
                }
                (None, _) => prop_assert!(merged.is_none()),
            }
        }
    }
}
