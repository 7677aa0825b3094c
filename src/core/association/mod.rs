//! Associations: typed, two-way links between records.
//!
//! An [`AssociationDef`] says that records of two objects (or of one object with itself) may
//! be linked, how many links a record may have, and which labels a link can carry. One
//! definition exists per pair of objects; its two sides are called `a` and `b`.
//!
//! A label has a *view* from each side: what the other record is, seen from this one. A
//! single label reads the same both ways ("Decision maker"); a paired label does not
//! ("Manager" seen from the employee, "Employee" seen from the manager). Limits are per view:
//! "a contact sees at most one company as Primary".
//!
//! An [`Edge`] is stored once, oriented from its `a` end to its `b` end, and its labels are
//! stored as the names of the views from the `a` end. Reading it from the `b` end maps each
//! name to its pair. On a definition between one object and itself either end can hold
//! either role, so an edge may store a `b`-side name: "a sees b as Employee".

mod defaults;
mod draft;
mod index;
mod labels;
mod stamps;

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use thiserror::Error;

use super::prop_key::{shared_name, Name};
use super::id::RecordId;
use super::time::Millis;
use super::schema::{is_valid_internal_name, Schema};

pub use defaults::default_associations;
pub use draft::Draft;
pub use index::{Associated, Associations};
pub use labels::Labels;
pub use stamps::Unlinked;

/// One side's reading of a label.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabelView {
    /// Internal name, unique within the definition (a single label uses one name twice).
    pub name: String,
    /// What the other record is, seen from this side, e.g. "Manager".
    pub text: String,
    /// How many records one record may see with this label; `None` is unlimited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u32>,
}

/// A label an edge can carry, read from each side.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabelDef {
    /// How a record on side `a` sees the one on side `b`.
    pub a: LabelView,
    /// How a record on side `b` sees the one on side `a`.
    pub b: LabelView,
}

impl LabelDef {
    /// A label that reads the same from both sides, without limits.
    pub fn single(name: &str, text: &str) -> Self {
        let view = LabelView { name: name.to_string(), text: text.to_string(), max: None };
        LabelDef { a: view.clone(), b: view }
    }

    /// A label read differently from each side, e.g. ("parent", "Parent company") as seen
    /// from the child and ("child", "Child company") as seen from the parent.
    pub fn paired(a: (&str, &str), b: (&str, &str)) -> Self {
        LabelDef {
            a: LabelView { name: a.0.to_string(), text: a.1.to_string(), max: None },
            b: LabelView { name: b.0.to_string(), text: b.1.to_string(), max: None },
        }
    }

    /// Limits how many records one `a` record may see with this label.
    pub fn max_from_a(mut self, max: u32) -> Self {
        self.a.max = Some(max);
        self
    }

    /// Limits how many records one `b` record may see with this label.
    pub fn max_from_b(mut self, max: u32) -> Self {
        self.b.max = Some(max);
        self
    }

    pub fn is_paired(&self) -> bool {
        self.a.name != self.b.name
    }
}

/// Which records may be linked, with which labels and how many times.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssociationDef {
    /// Internal name of the object on side `a`, e.g. `contacts`.
    pub a: String,
    pub b: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<LabelDef>,
    /// How many `b` records one `a` record may be linked to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_b_per_a: Option<u32>,
    /// How many `a` records one `b` record may be linked to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_a_per_b: Option<u32>,
}

/// Every association definition of a workspace: one stored entity.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssociationDefs {
    pub defs: Vec<AssociationDef>,
}

impl AssociationDefs {
    /// The definition linking two objects, in either order.
    pub fn get(&self, x: &str, y: &str) -> Option<&AssociationDef> {
        self.defs.iter().find(|d| d.links(x, y))
    }

    /// Adds a definition or replaces the one for the same pair of objects.
    pub fn upsert(&mut self, def: AssociationDef) {
        match self.defs.iter_mut().find(|d| d.links(&def.a, &def.b)) {
            Some(slot) => *slot = def,
            None => self.defs.push(def),
        }
    }
}

impl AssociationDef {
    /// An unlabeled definition without limits.
    pub fn new(a: &str, b: &str) -> Self {
        AssociationDef { a: a.to_string(), b: b.to_string(), labels: Vec::new(), max_b_per_a: None, max_a_per_b: None }
    }

    pub fn with_label(mut self, label: LabelDef) -> Self {
        self.labels.push(label);
        self
    }

    /// Whether this definition links records of objects `x` and `y`, in either order.
    pub fn links(&self, x: &str, y: &str) -> bool {
        (self.a == x && self.b == y) || (self.a == y && self.b == x)
    }

    /// Whether both sides are the same object (contact↔contact).
    pub fn is_reflexive(&self) -> bool {
        self.a == self.b
    }

    /// The label views a record of `object` may use to describe the other end.
    pub fn views_for<'a>(&'a self, object: &str) -> impl Iterator<Item = &'a LabelView> + 'a {
        let (on_a, on_b, reflexive) = (object == self.a, object == self.b, self.is_reflexive());
        self.labels.iter().flat_map(move |l| {
            // Between records of one object either end may hold either role.
            let b = on_b && (!reflexive || l.is_paired());
            on_a.then_some(&l.a).into_iter().chain(b.then_some(&l.b))
        })
    }

    /// The view named `name` that a record of `object` may use.
    pub fn view(&self, object: &str, name: &str) -> Option<&LabelView> {
        self.views_for(object).find(|v| v.name == name)
    }

    /// The same label read from the other end: "manager" ↔ "employee".
    pub fn inverse<'a>(&'a self, name: &'a str) -> &'a str {
        for l in &self.labels {
            if l.a.name == name {
                return &l.b.name;
            }
            if l.b.name == name {
                return &l.a.name;
            }
        }
        name
    }

    /// How many records of the other side one record of `object` may be linked to.
    pub fn max_links(&self, object: &str) -> Option<u32> {
        if object == self.a {
            self.max_b_per_a
        } else {
            self.max_a_per_b
        }
    }

    /// The same definition with its sides swapped.
    pub fn reversed(&self) -> AssociationDef {
        AssociationDef {
            a: self.b.clone(),
            b: self.a.clone(),
            labels: self.labels.iter().map(|l| LabelDef { a: l.b.clone(), b: l.a.clone() }).collect(),
            max_b_per_a: self.max_a_per_b,
            max_a_per_b: self.max_b_per_a,
        }
    }

    /// Checks the definition on its own and against the schema's objects.
    pub fn validate(&self, schema: &Schema) -> Result<(), AssociationError> {
        let invalid = |why: &str| Err(AssociationError::InvalidDefinition(why.to_string()));
        for object in [&self.a, &self.b] {
            if schema.object(object).is_none() {
                return invalid(&format!("unknown object {object}"));
            }
        }
        let mut names = BTreeSet::new();
        for l in &self.labels {
            for view in [&l.a, &l.b] {
                if !is_valid_internal_name(&view.name) || view.text.trim().is_empty() {
                    return invalid(&format!("label {:?} needs an internal name and a text", view.name));
                }
            }
            if !l.is_paired() && (l.a.text != l.b.text || (self.is_reflexive() && l.a.max != l.b.max)) {
                return invalid(&format!("single label {} must read the same from both sides", l.a.name));
            }
            let fresh = if l.is_paired() { names.insert(&l.a.name) && names.insert(&l.b.name) } else { names.insert(&l.a.name) };
            if !fresh {
                return invalid("label names must be unique");
            }
        }
        if self.is_reflexive() && self.max_b_per_a != self.max_a_per_b {
            return invalid("links between records of one object have one limit");
        }
        Ok(())
    }

    /// Whether `name` may be stored on an edge (a view from the `a` end).
    pub fn stores(&self, name: &str) -> bool {
        self.view(&self.a, name).is_some()
    }
}

/// One end of a link: a record and its object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct End<'a> {
    pub id: &'a RecordId,
    pub object: &'a str,
}

/// A link between two records, stored once and readable from both ends.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edge {
    pub a: RecordId,
    pub a_object: Name,
    pub b: RecordId,
    pub b_object: Name,
    /// Names of the labels as seen from the `a` end.
    #[serde(default, skip_serializing_if = "Labels::is_empty")]
    pub labels: Labels,
    /// When the link was made (0: before links carried times). Sync compares it with the
    /// time of a removal ([`Unlinked`]).
    #[serde(default, skip_serializing_if = "is_unset")]
    pub at: Millis,
    /// When each label added after the link itself was added; a label not listed here
    /// was added with the link, at `at`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub label_at: BTreeMap<String, Millis>,
}

fn is_unset(at: &Millis) -> bool {
    at.0 == 0
}

/// The store key of the edge between two records: both ids, smaller first.
pub fn pair_key(x: &RecordId, y: &RecordId) -> (RecordId, RecordId) {
    if x <= y {
        (x.clone(), y.clone())
    } else {
        (y.clone(), x.clone())
    }
}

impl Edge {
    /// The edge between `x` and `y` under `def`, with `views` being how `x` sees `y`.
    /// Every view must be one that `x`'s side may use.
    pub fn build(def: &AssociationDef, x: End, y: End, views: &BTreeSet<String>) -> Result<Edge, AssociationError> {
        match views.iter().find(|v| def.view(x.object, v).is_none()) {
            Some(unknown) => Err(AssociationError::UnknownLabel(unknown.clone())),
            None => Ok(Edge::orient(def, x, y, views)),
        }
    }

    /// Orients an edge the way `def` stores it: `a` on the definition's `a` object, or the
    /// smaller id first between records of one object, so one link has one representation.
    fn orient(def: &AssociationDef, x: End, y: End, views: &BTreeSet<String>) -> Edge {
        let x_is_a = if def.is_reflexive() { x.id <= y.id } else { x.object == def.a };
        let (a, b) = if x_is_a { (x, y) } else { (y, x) };
        let labels = views.iter().map(|v| if x_is_a { v.clone() } else { def.inverse(v).to_string() }).collect();
        Edge {
            a: a.id.clone(),
            a_object: shared_name(a.object),
            b: b.id.clone(),
            b_object: shared_name(b.object),
            labels,
            at: Millis::default(),
            label_at: BTreeMap::new(),
        }
    }

    pub fn key(&self) -> (RecordId, RecordId) {
        pair_key(&self.a, &self.b)
    }

    pub fn touches(&self, id: &RecordId) -> bool {
        &self.a == id || &self.b == id
    }

    /// The end that is not `id`.
    pub fn other(&self, id: &RecordId) -> End<'_> {
        if &self.a == id {
            End { id: &self.b, object: &self.b_object }
        } else {
            End { id: &self.a, object: &self.a_object }
        }
    }

    /// The end that is `id`.
    pub fn end(&self, id: &RecordId) -> End<'_> {
        if &self.a == id {
            End { id: &self.a, object: &self.a_object }
        } else {
            End { id: &self.b, object: &self.b_object }
        }
    }

    /// The names of the labels as seen from `id`'s end.
    pub fn labels_from(&self, def: &AssociationDef, id: &RecordId) -> BTreeSet<String> {
        if &self.a == id {
            self.labels.iter().map(str::to_string).collect()
        } else {
            self.labels.iter().map(|l| def.inverse(l).to_string()).collect()
        }
    }

    /// The same edge with the record `old` replaced by `new` (of the same object), keeping
    /// what each end sees; views that `def` no longer knows are dropped.
    pub fn repoint(&self, def: &AssociationDef, old: &RecordId, new: &RecordId) -> Edge {
        let other = self.other(old);
        let views: BTreeSet<String> =
            self.labels_from(def, other.id).into_iter().filter(|v| def.view(other.object, v).is_some()).collect();
        let moved = End { id: new, object: self.end(old).object };
        Edge::orient(def, other, moved, &views)
    }

    /// Drops stored labels that `def` does not define.
    pub fn keep_known_labels(mut self, def: &AssociationDef) -> Edge {
        self.labels.retain(|l| def.stores(l));
        let labels = &self.labels;
        self.label_at.retain(|l, _| labels.contains(l));
        self
    }
}

/// Why an association command was refused.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum AssociationError {
    #[error("records of {0} and {1} cannot be associated")]
    NotDefined(String, String),
    #[error("a record cannot be associated with itself")]
    WithItself,
    #[error("the records are not associated")]
    NotAssociated,
    #[error("unknown association label {0}")]
    UnknownLabel(String),
    #[error("record {record} already has the most {object} associations allowed")]
    TooMany { record: RecordId, object: String },
    #[error("record {record} already uses the label {label} as often as allowed")]
    LabelTaken { record: RecordId, label: String },
    #[error("invalid association definition: {0}")]
    InvalidDefinition(String),
    #[error("existing associations of these records do not fit the definition: {0:?}")]
    Conflicts(Vec<RecordId>),
}

#[cfg(test)]
mod tests;
