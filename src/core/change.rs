//! What a command did, as before/after pairs of whole entities.
//!
//! A [`Commit`] is the single output of the command path: storage writes its `after` states
//! in one transaction, the UI re-renders from it, and a failed write is undone by restoring
//! the `before` states ([`crate::core::workspace::Workspace::revert`]).

use serde::{Deserialize, Serialize};

use super::association::{AssociationDefs, Edge, Unlinked};
use super::id::RecordId;
use super::owner::{Owner, OwnerId};
use super::pipeline::{Pipeline, PipelineId};
use super::record::Record;
use super::schema::Schema;
use super::segment::Segment;
use super::time::Millis;
use super::views::SavedView;
use super::workflow::{AutoId, Enrollment, Notification, OutboxEmail, Workflow};

/// A record in the recycle bin, restorable for [`crate::core::workspace::BIN_RETENTION_DAYS`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Binned {
    pub record: Record,
    pub deleted_at: Millis,
    /// The record's associations when it was deleted, brought back by a restore.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub edges: Vec<Edge>,
}

/// A merged-away record id that now names the record it was merged into.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Redirect {
    pub from: RecordId,
    pub to: RecordId,
}

/// The unit the store persists: one key, one value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Entity {
    Record(Record),
    Binned(Binned),
    Schema(Schema),
    Owner(Owner),
    Edge(Edge),
    Redirect(Redirect),
    AssociationDefs(AssociationDefs),
    /// Removals of the link between two records or of its labels, for device sync.
    Unlinked(Unlinked),
    View(SavedView),
    Segment(Segment),
    Pipeline(Pipeline),
    Workflow(Workflow),
    Enrollment(Enrollment),
    Outbox(OutboxEmail),
    Notification(Notification),
}

/// The store key of an entity; keys of different kinds never collide.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum EntityKey {
    Record(RecordId),
    Binned(RecordId),
    Schema,
    Owner(OwnerId),
    /// The edge between two records, smaller id first.
    Edge(RecordId, RecordId),
    Redirect(RecordId),
    AssociationDefs,
    /// The removals between two records, smaller id first.
    Unlinked(RecordId, RecordId),
    View(RecordId),
    Segment(RecordId),
    Pipeline(PipelineId),
    Workflow(AutoId),
    Enrollment(AutoId),
    Outbox(AutoId),
    Notification(AutoId),
}

impl Entity {
    pub fn key(&self) -> EntityKey {
        match self {
            Entity::Record(r) => EntityKey::Record(r.id.clone()),
            Entity::Binned(b) => EntityKey::Binned(b.record.id.clone()),
            Entity::Schema(_) => EntityKey::Schema,
            Entity::Owner(o) => EntityKey::Owner(o.id.clone()),
            Entity::Edge(e) => {
                let (x, y) = e.key();
                EntityKey::Edge(x, y)
            }
            Entity::Redirect(r) => EntityKey::Redirect(r.from.clone()),
            Entity::AssociationDefs(_) => EntityKey::AssociationDefs,
            Entity::Unlinked(u) => EntityKey::Unlinked(u.a.clone(), u.b.clone()),
            Entity::View(v) => EntityKey::View(v.id.clone()),
            Entity::Segment(s) => EntityKey::Segment(s.id.clone()),
            Entity::Pipeline(p) => EntityKey::Pipeline(p.id.clone()),
            Entity::Workflow(w) => EntityKey::Workflow(w.id.clone()),
            Entity::Enrollment(e) => EntityKey::Enrollment(e.id.clone()),
            Entity::Outbox(o) => EntityKey::Outbox(o.id.clone()),
            Entity::Notification(n) => EntityKey::Notification(n.id.clone()),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub key: EntityKey,
    pub before: Option<Entity>,
    pub after: Option<Entity>,
}

/// Everything one command changed, in order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Commit {
    pub changes: Vec<Change>,
    /// The record the command was about (the one created, updated or deleted), if any.
    pub subject: Option<RecordId>,
}
