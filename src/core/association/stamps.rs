//! Times on links, for device sync: when a link and each of its labels were added, and
//! tombstones ([`Unlinked`]) saying when a link or a label was removed.
//!
//! Associations and labels merge as add/remove sets with timestamps: whichever of an add and
//! a removal is newer wins, a removal winning a tie (each command stamps its write above
//! anything it replaces, so one device's own order is kept). See `crate::core::sync::links`.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::{pair_key, Edge};
use crate::core::id::RecordId;
use crate::core::time::Millis;

impl Edge {
    /// When a stored label (named from the `a` end) was added.
    pub fn label_time(&self, name: &str) -> Millis {
        self.label_at.get(name).copied().unwrap_or(self.at)
    }

    /// Stamps a link written at `now` from the link `before` it (if any): a new link gets
    /// the time, and so does each label `before` lacked. Each time is kept above the
    /// matching removal in `removed`, so a link or label removed and added again within one
    /// millisecond stays added when devices merge.
    pub fn stamp(mut self, before: Option<&Edge>, removed: Option<&Unlinked>, now: Millis) -> Edge {
        let after = |removal: Option<Millis>| removal.map_or(now, |r| now.max(Millis(r.0 + 1)));
        let link_removed = removed.and_then(|r| r.at);
        match before {
            Some(old) => {
                self.at = old.at;
                self.label_at = old.label_at.iter().filter(|(l, _)| self.labels.contains(*l)).map(|(l, t)| (l.clone(), *t)).collect();
                for label in self.labels.iter().filter(|l| !old.labels.contains(*l)) {
                    let removal = removed.and_then(|r| r.labels.get(label).copied()).max(link_removed);
                    self.label_at.insert(label.to_string(), after(removal));
                }
            }
            None => {
                // A label removed later than the link was must be added after its removal too.
                let labels_removed = self.labels.iter().filter_map(|l| removed.and_then(|r| r.labels.get(l).copied())).max();
                self.at = after(labels_removed.max(link_removed));
                self.label_at.clear();
            }
        }
        self
    }
}

/// The removal of a link, or of labels from a link, kept so that a device merging another
/// device's export lets a removal win over an older add and lose to a newer one. Stored per
/// pair of records (smaller id first) and never deleted: a tombstone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unlinked {
    pub a: RecordId,
    pub b: RecordId,
    /// When the link itself was last removed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<Millis>,
    /// Labels removed from the link (named as the link stores them) and when.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub labels: BTreeMap<String, Millis>,
}

impl Unlinked {
    /// No removal yet between `x` and `y`.
    pub fn new(x: &RecordId, y: &RecordId) -> Unlinked {
        let (a, b) = pair_key(x, y);
        Unlinked { a, b, at: None, labels: BTreeMap::new() }
    }

    pub fn key(&self) -> (RecordId, RecordId) {
        (self.a.clone(), self.b.clone())
    }

    /// Records what removing `edge` at `now` removes: the link, or only the labels it
    /// had that `kept` lacks. A removal is never older than what it removes.
    pub fn note(mut self, edge: &Edge, kept: Option<&Edge>, now: Millis) -> Unlinked {
        match kept {
            None => {
                let newest = edge.labels.iter().map(|l| edge.label_time(l)).fold(edge.at, Millis::max);
                self.at = Some(now.max(newest).max(self.at.unwrap_or_default()));
            }
            Some(kept) => {
                for label in edge.labels.iter().filter(|l| !kept.labels.contains(*l)) {
                    let at = now.max(edge.label_time(label)).max(self.labels.get(label).copied().unwrap_or_default());
                    self.labels.insert(label.to_string(), at);
                }
            }
        }
        self
    }
}
