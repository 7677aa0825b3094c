//! What a command did, as before/after pairs of whole entities.
//!
//! A [`Commit`] is the single output of the command path: storage writes its `after` states
//! in one transaction, the UI re-renders from it, and a failed write is undone by restoring
//! the `before` states ([`crate::core::workspace::Workspace::revert`]).

use serde::{Deserialize, Serialize};

use super::id::RecordId;
use super::owner::{Owner, OwnerId};
use super::record::Record;
use super::schema::Schema;
use super::time::Millis;

/// A record in the recycle bin, restorable until `purge_after`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Binned {
    pub record: Record,
    pub deleted_at: Millis,
}

/// The unit the store persists: one key, one value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Entity {
    Record(Record),
    Binned(Binned),
    Schema(Schema),
    Owner(Owner),
}

/// The store key of an entity; keys of different kinds never collide.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum EntityKey {
    Record(RecordId),
    Binned(RecordId),
    Schema,
    Owner(OwnerId),
}

impl Entity {
    pub fn key(&self) -> EntityKey {
        match self {
            Entity::Record(r) => EntityKey::Record(r.id.clone()),
            Entity::Binned(b) => EntityKey::Binned(b.record.id.clone()),
            Entity::Schema(_) => EntityKey::Schema,
            Entity::Owner(o) => EntityKey::Owner(o.id.clone()),
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
