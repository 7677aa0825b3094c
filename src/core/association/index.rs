//! The workspace's association store: definitions, edges, and the adjacency index that
//! answers "the deals of this contact" without scanning every edge.
//!
//! Invariant: a record is listed under another in the adjacency index exactly when an edge
//! between them is stored. Only [`Associations::insert`] and [`Associations::remove`] change
//! edges, and both keep the two in step.
//!
//! The index holds the edges themselves (shared with the pair map): each record has one
//! list of its edges, sorted by the other end's object and then id, so listing a record's
//! associations with one object is a binary search and a walk. A list of shared edges
//! costs a pointer per link; maps of maps cost a tree node per record and per object (about
//! a kilobyte per linked record, more than the record itself at a million contacts).
//! It is built from the pair map on first use, so a cold start that paints a table before
//! anyone looks at a record's associations does not wait for it.

use std::cmp::Ordering;
use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use super::{pair_key, AssociationDef, AssociationDefs, Edge, LabelView, Unlinked};
use crate::core::id::{IdHash, IdMap, RecordId};

/// Record → its edges, by the other end's object, then the other end's id.
type Adjacency = IdMap<Vec<Arc<Edge>>>;

#[derive(Clone, Debug, Default)]
pub struct Associations {
    defs: AssociationDefs,
    edges: HashMap<(RecordId, RecordId), Arc<Edge>, IdHash>,
    /// Built on first use, then kept current by `insert` and `remove`.
    adjacency: OnceLock<Adjacency>,
    /// Removals of links and labels, by pair of records, for device sync.
    unlinked: HashMap<(RecordId, RecordId), Unlinked, IdHash>,
}

/// One associated record, as seen from the record it was looked up from.
#[derive(Clone, Copy, Debug)]
pub struct Associated<'a> {
    pub id: &'a RecordId,
    pub edge: &'a Edge,
    /// The definition the edge belongs to; `None` only for data loaded without one.
    pub def: Option<&'a AssociationDef>,
    from: &'a RecordId,
}

impl<'a> Associated<'a> {
    /// The labels the looked-up record gives this one ("Primary", "Manager"), in name order.
    pub fn labels(&self) -> Vec<&'a LabelView> {
        let Some(def) = self.def else { return Vec::new() };
        let from = self.edge.end(self.from).object;
        let names = self.edge.labels_from(def, self.from);
        names.iter().filter_map(|n| def.view(from, n)).collect()
    }
}

impl Associations {
    pub fn new(defs: AssociationDefs) -> Self {
        Associations { defs, ..Associations::default() }
    }

    pub fn defs(&self) -> &AssociationDefs {
        &self.defs
    }

    pub fn set_defs(&mut self, defs: AssociationDefs) {
        self.defs = defs;
    }

    /// The definition linking records of objects `x` and `y`.
    pub fn def(&self, x: &str, y: &str) -> Option<&AssociationDef> {
        self.defs.get(x, y)
    }

    /// Stores an edge, replacing the one between the same two records, which it returns.
    /// One lookup of the pair map: a cold start stores every link through here.
    pub fn insert(&mut self, edge: Edge) -> Option<Edge> {
        let edge = Arc::new(edge);
        let (stored, old) = match self.edges.entry(edge.key()) {
            Entry::Occupied(mut slot) => {
                let old = slot.insert(edge);
                (slot.into_mut(), Some(old))
            }
            Entry::Vacant(slot) => (slot.insert(edge), None),
        };
        if let Some(adjacency) = self.adjacency.get_mut() {
            if let Some(old) = &old {
                unlink(adjacency, &old.a, &old.b);
                unlink(adjacency, &old.b, &old.a);
            }
            link_both(adjacency, stored);
        }
        old.map(Arc::unwrap_or_clone)
    }

    pub fn remove(&mut self, x: &RecordId, y: &RecordId) -> Option<Edge> {
        let edge = self.edges.remove(&pair_key(x, y))?;
        if let Some(adjacency) = self.adjacency.get_mut() {
            unlink(adjacency, &edge.a, &edge.b);
            unlink(adjacency, &edge.b, &edge.a);
        }
        Some(Arc::unwrap_or_clone(edge))
    }

    pub fn edge(&self, x: &RecordId, y: &RecordId) -> Option<&Edge> {
        self.edges.get(&pair_key(x, y)).map(|e| &**e)
    }

    /// The removals recorded between `x` and `y`.
    pub fn unlinked(&self, x: &RecordId, y: &RecordId) -> Option<&Unlinked> {
        self.unlinked.get(&pair_key(x, y))
    }

    /// Every recorded removal, in no particular order.
    pub fn all_unlinked(&self) -> impl Iterator<Item = &Unlinked> {
        self.unlinked.values()
    }

    /// Sets or clears the removals recorded for one pair of records.
    pub fn set_unlinked(&mut self, key: (RecordId, RecordId), unlinked: Option<Unlinked>) {
        match unlinked {
            Some(u) => self.unlinked.insert(key, u),
            None => self.unlinked.remove(&key),
        };
    }

    pub fn edges(&self) -> impl Iterator<Item = &Edge> {
        self.edges.values().map(|e| &**e)
    }

    pub fn len(&self) -> usize {
        self.edges.len()
    }

    pub fn is_empty(&self) -> bool {
        self.edges.is_empty()
    }

    /// The records of `object` associated with `x`, by id (which is creation order).
    pub fn ids<'a>(&'a self, x: &RecordId, object: &str) -> impl Iterator<Item = &'a RecordId> + 'a {
        self.linked(x, object).map(|(id, _)| id)
    }

    fn linked<'a>(&'a self, x: &RecordId, object: &str) -> impl Iterator<Item = (&'a RecordId, &'a Edge)> + 'a {
        let links = self.adjacency().get(x).map_or(&[][..], |links| of_object(links, x, object));
        let x = x.clone();
        links.iter().map(move |edge| (edge.other(&x).id, &**edge))
    }

    /// How many records of `object` are associated with `x`.
    pub fn count(&self, x: &RecordId, object: &str) -> usize {
        self.adjacency().get(x).map_or(0, |links| of_object(links, x, object).len())
    }

    /// For each object, how many of its records are associated with `x`: the record page's
    /// association cards.
    pub fn counts<'a>(&'a self, x: &'a RecordId) -> impl Iterator<Item = (&'a str, usize)> + 'a {
        let links = self.adjacency().get(x).map_or(&[][..], Vec::as_slice);
        let mut at = 0;
        std::iter::from_fn(move || {
            let object = links.get(at)?.other(x).object;
            let n = links[at..].partition_point(|e| e.other(x).object == object);
            at += n;
            Some((object, n))
        })
    }

    /// The records of `object` associated with `x`, with the edge that links each.
    pub fn associated<'a>(&'a self, x: &'a RecordId, object: &str) -> Vec<Associated<'a>> {
        // Every edge here joins the same two objects: find their definition once.
        let mut def = None;
        self.linked(x, object)
            .map(|(y, edge)| {
                let def = *def.get_or_insert_with(|| self.defs.get(&edge.a_object, &edge.b_object));
                Associated { id: y, edge, def, from: x }
            })
            .collect()
    }

    /// Every edge touching `x`.
    pub fn edges_of<'a>(&'a self, x: &'a RecordId) -> impl Iterator<Item = &'a Edge> + 'a {
        self.adjacency().get(x).into_iter().flatten().map(|e| &**e)
    }

    /// Makes room for `edges` more edges, before a load inserts them one by one.
    pub fn reserve(&mut self, edges: usize) {
        self.edges.reserve(edges);
    }

    /// Builds the adjacency index now rather than on first use; see
    /// [`crate::core::workspace::Workspace::warm_indexes`].
    pub fn warm(&self) {
        self.adjacency();
    }

    /// Whether the adjacency index is built.
    pub fn is_warm(&self) -> bool {
        self.adjacency.get().is_some()
    }

    fn adjacency(&self) -> &Adjacency {
        self.adjacency.get_or_init(|| {
            let mut adjacency = Adjacency::with_capacity_and_hasher(self.edges.len(), IdHash::default());
            for edge in self.edges.values() {
                for from in [&edge.a, &edge.b] {
                    adjacency.entry(from.clone()).or_default().push(Arc::clone(edge));
                }
            }
            // Sorted once each rather than kept sorted edge by edge; no spare room kept.
            for (from, links) in &mut adjacency {
                links.sort_by(|x, y| order(from, x, y));
                links.shrink_to_fit();
            }
            adjacency
        })
    }
}

/// The order of a record's list: the other end's object, then the other end's id.
fn order(from: &RecordId, x: &Edge, y: &Edge) -> Ordering {
    let (x, y) = (x.other(from), y.other(from));
    (x.object, x.id).cmp(&(y.object, y.id))
}

/// The part of a record's sorted list that links it to records of `object`.
fn of_object<'a>(links: &'a [Arc<Edge>], from: &RecordId, object: &str) -> &'a [Arc<Edge>] {
    let start = links.partition_point(|e| e.other(from).object < object);
    let len = links[start..].partition_point(|e| e.other(from).object == object);
    &links[start..start + len]
}

fn link_both(adjacency: &mut Adjacency, edge: &Arc<Edge>) {
    link(adjacency, &edge.a, edge);
    link(adjacency, &edge.b, edge);
}

fn link(adjacency: &mut Adjacency, from: &RecordId, edge: &Arc<Edge>) {
    let links = match adjacency.get_mut(from) {
        Some(links) => links,
        None => adjacency.entry(from.clone()).or_default(),
    };
    // New ids are the largest, so a new link usually goes at the end of its object's run.
    let at = links.partition_point(|e| order(from, e, edge) == Ordering::Less);
    links.insert(at, Arc::clone(edge));
}

fn unlink(adjacency: &mut Adjacency, from: &RecordId, other: &RecordId) {
    let Some(links) = adjacency.get_mut(from) else { return };
    links.retain(|e| e.other(from).id != other);
    if links.is_empty() {
        adjacency.remove(from);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::association::{default_associations, End};
    use std::collections::BTreeSet;

    fn id(s: &str) -> RecordId {
        RecordId::from(s.to_string())
    }

    fn edge(a: &str, a_object: &str, b: &str, b_object: &str) -> Edge {
        let defs = default_associations();
        let def = defs.get(a_object, b_object).expect("defined");
        let (a, b) = (id(a), id(b));
        Edge::build(def, End { id: &a, object: a_object }, End { id: &b, object: b_object }, &BTreeSet::new()).expect("valid")
    }

    #[test]
    fn an_edge_is_found_from_both_ends_by_object() {
        let mut index = Associations::new(default_associations());
        index.insert(edge("C1", "contacts", "K1", "companies"));
        index.insert(edge("C1", "contacts", "D1", "deals"));
        index.insert(edge("C2", "contacts", "K1", "companies"));
        let ids = |x: &str, o: &str| index.ids(&id(x), o).map(|r| r.to_string()).collect::<Vec<_>>();
        assert_eq!(ids("C1", "companies"), ["K1"]);
        assert_eq!(ids("C1", "deals"), ["D1"]);
        assert_eq!(ids("K1", "contacts"), ["C1", "C2"]);
        assert_eq!(ids("D1", "companies"), Vec::<String>::new());
        assert_eq!(index.counts(&id("C1")).collect::<Vec<_>>(), [("companies", 1), ("deals", 1)]);
    }

    #[test]
    fn links_added_to_a_built_index_keep_object_then_id_order() {
        let mut index = Associations::new(default_associations());
        index.insert(edge("C5", "contacts", "K1", "companies"));
        index.warm();
        for (x, object) in [("D2", "deals"), ("C2", "contacts"), ("C9", "contacts"), ("D1", "deals"), ("C3", "contacts")] {
            index.insert(edge(x, object, "K1", "companies"));
        }
        let ids = |index: &Associations, o: &str| index.ids(&id("K1"), o).map(|r| r.to_string()).collect::<Vec<_>>();
        assert_eq!(ids(&index, "contacts"), ["C2", "C3", "C5", "C9"]);
        assert_eq!(ids(&index, "deals"), ["D1", "D2"]);
        assert_eq!(index.counts(&id("K1")).collect::<Vec<_>>(), [("contacts", 4), ("deals", 2)]);
        assert!(index.remove(&id("C3"), &id("K1")).is_some());
        assert_eq!(ids(&index, "contacts"), ["C2", "C5", "C9"]);
    }

    #[test]
    fn removing_an_edge_clears_both_ends_of_the_index() {
        let mut index = Associations::new(default_associations());
        index.insert(edge("C1", "contacts", "K1", "companies"));
        assert!(index.remove(&id("K1"), &id("C1")).is_some());
        assert_eq!(index.count(&id("C1"), "companies"), 0);
        assert_eq!(index.count(&id("K1"), "contacts"), 0);
        assert!(index.adjacency().is_empty());
        assert!(index.remove(&id("K1"), &id("C1")).is_none());
    }

    #[test]
    fn inserting_the_same_pair_again_replaces_the_edge() {
        let mut index = Associations::new(default_associations());
        index.insert(edge("C1", "contacts", "K1", "companies"));
        let mut labeled = edge("C1", "contacts", "K1", "companies");
        labeled.labels.insert("primary");
        index.insert(labeled.clone());
        assert_eq!(index.len(), 1);
        assert_eq!(index.edge(&id("K1"), &id("C1")), Some(&labeled));
        assert_eq!(index.edges_of(&id("C1")).count(), 1);
    }
}
