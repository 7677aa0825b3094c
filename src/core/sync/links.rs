//! Merging the links between two records: add/remove sets with timestamps.
//!
//! Each side may hold the link ([`Edge`], stamped with when it and each label were added)
//! and a tombstone ([`Unlinked`], when the link or a label was removed). The merge keeps the
//! newest add and the newest removal of each: the link stays when its add is newer than its
//! removal, a label when its add is newer than both its own removal and the link's. A
//! removal wins a tie. Every step is a maximum over the inputs, so the result does not
//! depend on their order or grouping (commutative, associative) and merging a result with
//! itself changes nothing (idempotent).

use std::collections::BTreeMap;

use crate::core::association::{Edge, Unlinked};
use crate::core::time::Millis;

/// The newest removals of one pair of records, over every tombstone given.
fn newest_removals<'a>(removals: impl IntoIterator<Item = &'a Unlinked>) -> Option<Unlinked> {
    removals.into_iter().fold(None, |merged: Option<Unlinked>, u| {
        let Some(mut m) = merged else { return Some(u.clone()) };
        m.at = m.at.max(u.at);
        for (label, at) in &u.labels {
            let slot = m.labels.entry(label.clone()).or_insert(*at);
            *slot = (*slot).max(*at);
        }
        Some(m)
    })
}

/// The link between one pair of records after merging every copy of it (`edges`, from
/// either side, live or kept by a binned record) with every tombstone of it.
pub fn merge_link<'a>(edges: &[&'a Edge], removals: &[&'a Unlinked]) -> (Option<Edge>, Option<Unlinked>) {
    let removed = newest_removals(removals.iter().copied());
    // A label added at some time shows the link was there then: a copy of the link is alive
    // as of its newest add, of the link or of any label. Judging removals against that time
    // keeps the result independent of the order of merges (a copy whose link add lost to a
    // removal may still carry a newer label add that another merge would have kept).
    let alive = |e: &Edge| e.label_at.values().copied().fold(e.at, Millis::max);
    // The newest add decides; between adds of the same instant, the ends in a fixed order.
    let ends = |e: &Edge| (alive(e), e.at, std::cmp::Reverse((e.a.clone(), e.b.clone(), e.a_object.clone(), e.b_object.clone())));
    let Some(base) = edges.iter().max_by_key(|e| ends(e)) else { return (None, removed) };
    let link_removed = removed.as_ref().and_then(|r| r.at);
    if link_removed.is_some_and(|r| r >= alive(base)) {
        return (None, removed);
    }
    let mut added: BTreeMap<&str, Millis> = BTreeMap::new();
    // Labels are named from the `a` end: only copies oriented like the base compare.
    for edge in edges.iter().filter(|e| e.a == base.a) {
        for label in &edge.labels {
            let at = edge.label_time(label);
            let slot = added.entry(label).or_insert(at);
            *slot = (*slot).max(at);
        }
    }
    let label_removed = |label: &str| removed.as_ref().and_then(|r| r.labels.get(label).copied()).max(link_removed);
    added.retain(|label, at| label_removed(label).is_none_or(|r| *at > r));
    let mut edge = (*base).clone();
    // The link's time becomes its newest evidence, so that dropping a label below does not
    // drop the evidence that kept the link (merging the result again changes nothing).
    edge.at = alive(base);
    edge.labels = added.keys().map(|l| l.to_string()).collect();
    edge.label_at = added.into_iter().filter(|(_, at)| *at != edge.at).map(|(l, at)| (l.to_string(), at)).collect();
    (Some(edge), removed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::id::RecordId;

    fn edge(at: i64, labels: &[(&str, i64)]) -> Edge {
        Edge {
            a: RecordId::from("A"),
            a_object: "contacts".into(),
            b: RecordId::from("B"),
            b_object: "companies".into(),
            labels: labels.iter().map(|(l, _)| l.to_string()).collect(),
            at: Millis(at),
            label_at: labels.iter().filter(|(_, t)| *t != at).map(|(l, t)| (l.to_string(), Millis(*t))).collect(),
        }
    }

    fn removal(at: Option<i64>, labels: &[(&str, i64)]) -> Unlinked {
        let mut u = Unlinked::new(&RecordId::from("A"), &RecordId::from("B"));
        u.at = at.map(Millis);
        u.labels = labels.iter().map(|(l, t)| (l.to_string(), Millis(*t))).collect();
        u
    }

    #[test]
    fn a_removal_wins_over_an_older_add_and_loses_to_a_newer_one() {
        let (old, new) = (edge(10, &[]), edge(30, &[]));
        let removed = removal(Some(20), &[]);
        assert_eq!(merge_link(&[&old], &[&removed]).0, None);
        assert_eq!(merge_link(&[&new], &[&removed]).0, Some(new.clone()));
        assert_eq!(merge_link(&[&old, &new], &[&removed]).0, Some(new));
        // A tie goes to the removal.
        assert_eq!(merge_link(&[&edge(20, &[])], &[&removed]).0, None);
    }

    #[test]
    fn labels_are_added_and_removed_one_by_one() {
        // One side removed "primary" at 20; the other added "billing" at 25 but still has
        // the "primary" it got at 10.
        let ours = edge(10, &[]);
        let theirs = edge(10, &[("primary", 10), ("billing", 25)]);
        let removed = removal(None, &[("primary", 20)]);
        let (merged, _) = merge_link(&[&ours, &theirs], &[&removed]);
        let merged = merged.expect("still linked");
        assert_eq!(merged.labels.iter().collect::<Vec<_>>(), ["billing"]);
        assert_eq!(merged.label_time("billing"), Millis(25));
        // Added again after its removal, a label stays.
        let again = edge(10, &[("primary", 21)]);
        let (merged, _) = merge_link(&[&ours, &again], &[&removed]);
        assert!(merged.expect("linked").labels.contains("primary"));
    }

    #[test]
    fn labels_older_than_a_removal_of_the_link_do_not_come_back_with_a_new_link() {
        let before = edge(10, &[("primary", 10)]);
        let relinked = edge(30, &[]);
        let (merged, removed) = merge_link(&[&before, &relinked], &[&removal(Some(20), &[])]);
        assert_eq!(merged.expect("linked again").labels.len(), 0);
        assert_eq!(removed.and_then(|r| r.at), Some(Millis(20)));
    }
}
