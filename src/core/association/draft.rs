//! Planning edge changes before applying them.
//!
//! A command that touches several edges (a merge, a restore) must check each new edge's
//! limits against the state its earlier steps produce, without changing the workspace until
//! the whole plan is known. A [`Draft`] overlays pending edge writes on the stored edges and
//! answers the same questions the store does; [`Draft::changes`] turns it into the
//! before/after pairs of a commit.

use std::collections::{BTreeMap, BTreeSet};

use super::{pair_key, AssociationDef, AssociationError, Associations, Edge, Labels};
use crate::core::change::{Change, Entity, EntityKey};
use crate::core::id::RecordId;

pub struct Draft<'a> {
    store: &'a Associations,
    /// Pair of records → the edge they will have (`None`: none).
    pending: BTreeMap<(RecordId, RecordId), Option<Edge>>,
}

impl<'a> Draft<'a> {
    pub fn new(store: &'a Associations) -> Self {
        Draft { store, pending: BTreeMap::new() }
    }

    pub fn edge(&self, x: &RecordId, y: &RecordId) -> Option<&Edge> {
        match self.pending.get(&pair_key(x, y)) {
            Some(planned) => planned.as_ref(),
            None => self.store.edge(x, y),
        }
    }

    /// The records of `object` that `x` will be linked to.
    pub fn ids(&self, x: &RecordId, object: &str) -> BTreeSet<RecordId> {
        let stored = self.store.ids(x, object);
        if self.pending.is_empty() {
            return stored.cloned().collect();
        }
        let mut ids: BTreeSet<RecordId> = stored.filter(|y| !self.pending.contains_key(&pair_key(x, y))).cloned().collect();
        for edge in self.pending.values().flatten().filter(|e| e.touches(x)) {
            let other = edge.other(x);
            if other.object == object {
                ids.insert(other.id.clone());
            }
        }
        ids
    }

    pub fn remove(&mut self, x: &RecordId, y: &RecordId) {
        self.pending.insert(pair_key(x, y), None);
    }

    /// Plans `edge` without checking limits: for restoring a state known to be valid.
    pub fn set(&mut self, edge: Edge) {
        self.pending.insert(edge.key(), Some(edge));
    }

    /// Checks that `edge` keeps both of its ends within `def`'s limits, counting every other
    /// planned link of each end.
    pub fn check(&self, def: &AssociationDef, edge: &Edge) -> Result<(), AssociationError> {
        for x in [&edge.a, &edge.b] {
            let (me, other) = (edge.end(x), edge.other(x));
            let labels = edge.labels_from(def, x);
            let limited: Vec<(&String, u32)> =
                labels.iter().filter_map(|n| Some((n, def.view(me.object, n)?.max?))).collect();
            let max_links = def.max_links(me.object);
            if limited.is_empty() && max_links.is_none() {
                continue;
            }
            let mut others = self.ids(x, other.object);
            others.remove(other.id);
            if max_links.is_some_and(|max| others.len() >= max as usize) {
                return Err(AssociationError::TooMany { record: x.clone(), object: other.object.to_string() });
            }
            for (name, max) in limited {
                let used = others.iter().filter(|z| self.edge(x, z).is_some_and(|e| e.labels_from(def, x).contains(name))).count();
                if used >= max as usize {
                    return Err(AssociationError::LabelTaken { record: x.clone(), label: name.clone() });
                }
            }
        }
        Ok(())
    }

    /// Plans `edge` if it fits the limits; otherwise plans nothing and says why.
    pub fn admit(&mut self, def: &AssociationDef, edge: Edge) -> Result<(), AssociationError> {
        self.check(def, &edge)?;
        self.set(edge);
        Ok(())
    }

    /// Plans as much of `edge` as the limits allow, what is already linked taking precedence:
    /// an existing edge between the two records keeps its labels and gains each of `edge`'s
    /// that still fits; a new edge that would exceed a per-direction limit is left out.
    /// Returns whether the two records end up linked.
    pub fn admit_leniently(&mut self, def: &AssociationDef, edge: Edge) -> bool {
        let edge = edge.keep_known_labels(def);
        let mut kept = match self.edge(&edge.a, &edge.b) {
            Some(existing) => existing.clone(),
            None => {
                let bare = Edge { labels: Labels::new(), ..edge.clone() };
                if self.check(def, &bare).is_err() {
                    return false;
                }
                bare
            }
        };
        // The new labels, stored the way the kept edge is oriented.
        for label in edge.labels_from(def, &kept.a) {
            if kept.labels.contains(&label) {
                continue;
            }
            let mut trial = kept.clone();
            trial.labels.insert(label);
            if self.check(def, &trial).is_ok() {
                kept = trial;
            }
        }
        self.set(kept);
        true
    }

    /// The planned writes as commit changes, leaving out those that change nothing.
    pub fn changes(self) -> Vec<Change> {
        let store = self.store;
        self.pending
            .into_iter()
            .filter_map(|((x, y), after)| {
                let before = store.edge(&x, &y).cloned();
                (before != after).then(|| Change {
                    key: EntityKey::Edge(x, y),
                    before: before.map(Entity::Edge),
                    after: after.map(Entity::Edge),
                })
            })
            .collect()
    }
}
