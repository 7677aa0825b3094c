//! Every stored entity by reference, in the order a snapshot and a backup write them.
//!
//! Records and links are nearly all of a workspace; writing a backup from references instead
//! of owned copies saves copying every record (time, and as much memory again as the data).

use serde::Serialize;

use super::Workspace;
use crate::core::association::{Edge, Unlinked};
use crate::core::change::{Binned, Entity, Redirect};
use crate::core::record::Record;

/// A stored entity, borrowed where it is large in number. Serializes exactly like [`Entity`].
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum EntityRef<'a> {
    Borrowed(Borrowed<'a>),
    Owned(Entity),
}

/// The borrowed kinds, tagged like [`Entity`]'s variants of the same name.
#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Borrowed<'a> {
    Record(&'a Record),
    Binned(&'a Binned),
    Edge(&'a Edge),
    Unlinked(&'a Unlinked),
}

impl EntityRef<'_> {
    pub fn to_entity(&self) -> Entity {
        match self {
            EntityRef::Borrowed(Borrowed::Record(r)) => Entity::Record((*r).clone()),
            EntityRef::Borrowed(Borrowed::Binned(b)) => Entity::Binned((*b).clone()),
            EntityRef::Borrowed(Borrowed::Edge(e)) => Entity::Edge((*e).clone()),
            EntityRef::Borrowed(Borrowed::Unlinked(u)) => Entity::Unlinked((*u).clone()),
            EntityRef::Owned(e) => e.clone(),
        }
    }
}

impl Workspace {
    /// What [`Workspace::entities`] lists, without copying records, binned records and links.
    pub fn entity_refs(&self) -> Vec<EntityRef<'_>> {
        let owned = |e: Entity| EntityRef::Owned(e);
        let mut out = vec![owned(Entity::Schema(self.schema.clone())), owned(Entity::AssociationDefs(self.associations.defs().clone()))];
        out.extend(self.owners.values().cloned().map(Entity::Owner).map(owned));
        out.extend(self.pipelines.all().cloned().map(Entity::Pipeline).map(owned));
        let mut records: Vec<&Record> = self.records.values().collect();
        records.sort_by(|a, b| a.id.cmp(&b.id));
        out.extend(records.into_iter().map(|r| EntityRef::Borrowed(Borrowed::Record(r))));
        let mut binned: Vec<&Binned> = self.bin.values().collect();
        binned.sort_by(|a, b| a.record.id.cmp(&b.record.id));
        out.extend(binned.into_iter().map(|b| EntityRef::Borrowed(Borrowed::Binned(b))));
        let mut edges: Vec<&Edge> = self.associations.edges().collect();
        edges.sort_by(|a, b| pair(&a.a, &a.b).cmp(&pair(&b.a, &b.b)));
        out.extend(edges.into_iter().map(|e| EntityRef::Borrowed(Borrowed::Edge(e))));
        let mut redirects: Vec<_> = self.redirects.iter().map(|(from, to)| Redirect { from: from.clone(), to: to.clone() }).collect();
        redirects.sort_by(|a, b| a.from.cmp(&b.from));
        out.extend(redirects.into_iter().map(Entity::Redirect).map(owned));
        let mut unlinked: Vec<&Unlinked> = self.associations.all_unlinked().collect();
        unlinked.sort_by(|a, b| (&a.a, &a.b).cmp(&(&b.a, &b.b)));
        out.extend(unlinked.into_iter().map(|u| EntityRef::Borrowed(Borrowed::Unlinked(u))));
        out.extend(self.lists.entities().map(owned));
        out.extend(self.automation.entities().map(owned));
        out
    }
}

/// An edge's key ([`Edge::key`], smaller id first) without cloning the ids.
fn pair<'a>(x: &'a crate::core::id::RecordId, y: &'a crate::core::id::RecordId) -> (&'a crate::core::id::RecordId, &'a crate::core::id::RecordId) {
    if x <= y {
        (x, y)
    } else {
        (y, x)
    }
}
