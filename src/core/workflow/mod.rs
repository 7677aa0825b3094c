//! Workflows: triggers, delays, branches and actions that run inside the browser.
//!
//! The engine is a pure function of the workspace and the time: [`engine::due`] lists what
//! is due, [`engine::run_due`] runs it in time order, each item as its own command whose
//! commit holds both the action's effects and the enrollment's progress. Steps are numbered
//! in the enrollment's log; a step command names the number it expects, so running it again
//! (a reload, a second tab, a crash before the write) is refused instead of repeated.
//! Workflow writes are stamped with the time the step fell due and take their ids from the
//! enrollment and step number, so two tabs that race on the same step write the same thing.
//!
//! - `model`: the stored types; `steps`: moving through the tree of steps;
//! - `triggers`: when a record enters a workflow, read from the record's property history;
//! - `segments`: "is member of segment X" in triggers, branches and goals;
//! - `business_days`, `tokens`: calendar arithmetic in the user's time, `{{contact.x}}`, `mailto:`;
//! - `engine`: due items and the catch-up loop; `cycles`: workflows that enroll each other;
//! - `fixture`: the catch-up benchmark's workspace of overdue delayed actions;
//! - `merge`: the further-along copy wins when two devices' data merge;
//! - `display`: what the automation pages show, and a dry run on one record;
//! - `form`: the editor's fields per trigger and step type, and building them from raw text.
//!
//! The commands themselves run in `crate::core::workspace::automation`.

pub mod business_days;
pub mod cycles;
pub mod display;
pub mod engine;
pub mod fixture;
pub mod form;
pub mod merge;
pub mod model;
pub mod segments;
pub mod steps;
pub mod tokens;
pub mod triggers;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod segment_tests;
// Property tests need proptest, which is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod proptests;

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::core::change::{Entity, EntityKey};
use crate::core::id::{IdGen, RecordId};
use crate::core::time::Millis;

pub use model::*;

/// The commands of workflows, their enrollments, the outbox and notifications.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "automation", rename_all = "snake_case")]
pub enum AutomationCommand {
    /// Creates (empty id) or replaces a workflow.
    SaveWorkflow(Workflow),
    DeleteWorkflow { id: AutoId },
    SwitchWorkflow { id: AutoId, on: bool, enroll_existing: bool },
    /// Enrolls a record by hand, whatever the triggers say.
    Enroll { workflow: AutoId, record: RecordId },
    Unenroll { enrollment: AutoId },
    /// The engine's: a trigger fired for `record` at `at`.
    Start { workflow: AutoId, record: RecordId, at: Millis },
    /// The engine's: runs the step numbered `seq` of an enrollment.
    RunStep { enrollment: AutoId, seq: u32, offset_minutes: i32 },
    /// Logs an outbox email on its record's timeline as sent.
    MarkSent { email: AutoId },
    MarkRead { notification: AutoId },
}

#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum AutomationError {
    #[error("no workflow {0}")]
    NoWorkflow(AutoId),
    #[error("no enrollment {0}")]
    NoEnrollment(AutoId),
    #[error("no outbox email or notification {0}")]
    NoItem(AutoId),
    #[error("a workflow needs a name")]
    NameRequired,
    #[error("the record belongs to another object than the workflow")]
    WrongObject,
    #[error("the record is already in this workflow")]
    AlreadyEnrolled,
    /// The step already ran (in this tab, another tab, or before a reload).
    #[error("this step already ran")]
    AlreadyRan,
}

/// Everything workflows keep, as the workspace holds it.
#[derive(Clone, Debug, Default)]
pub struct Automation {
    workflows: BTreeMap<AutoId, Workflow>,
    enrollments: BTreeMap<AutoId, Enrollment>,
    outbox: BTreeMap<AutoId, OutboxEmail>,
    notifications: BTreeMap<AutoId, Notification>,
    /// Active enrollments by when their next step is due.
    due: BTreeSet<(Millis, AutoId)>,
    /// Enrollments of each (workflow, record).
    by_record: BTreeMap<(AutoId, RecordId), BTreeSet<AutoId>>,
}

impl Automation {
    pub fn workflow(&self, id: &AutoId) -> Option<&Workflow> {
        self.workflows.get(id)
    }

    pub fn workflows(&self) -> impl Iterator<Item = &Workflow> {
        self.workflows.values()
    }

    pub fn enrollment(&self, id: &AutoId) -> Option<&Enrollment> {
        self.enrollments.get(id)
    }

    pub fn enrollments(&self) -> impl Iterator<Item = &Enrollment> {
        self.enrollments.values()
    }

    /// A record's enrollments in a workflow, oldest first.
    pub fn enrollments_of<'a>(&'a self, workflow: &AutoId, record: &RecordId) -> impl Iterator<Item = &'a Enrollment> + 'a {
        let ids = self.by_record.get(&(workflow.clone(), record.clone()));
        let mut list: Vec<&Enrollment> = ids.into_iter().flatten().filter_map(|id| self.enrollments.get(id)).collect();
        list.sort_by_key(|e| (e.enrolled_at, e.id.clone()));
        list.into_iter()
    }

    /// How many records are in a workflow right now.
    pub fn active_count(&self, workflow: &AutoId) -> usize {
        self.enrollments.values().filter(|e| &e.workflow == workflow && e.is_active()).count()
    }

    /// Active enrollments whose next step is due at or before `now`, earliest first.
    pub fn due_by(&self, now: Millis) -> impl Iterator<Item = &Enrollment> {
        self.due.iter().take_while(move |(at, _)| *at <= now).filter_map(|(_, id)| self.enrollments.get(id))
    }

    /// The earliest due active enrollment.
    pub fn first_due(&self) -> Option<&Enrollment> {
        self.due.iter().next().and_then(|(_, id)| self.enrollments.get(id))
    }

    pub fn outbox(&self) -> impl Iterator<Item = &OutboxEmail> {
        self.outbox.values()
    }

    pub fn email(&self, id: &AutoId) -> Option<&OutboxEmail> {
        self.outbox.get(id)
    }

    pub fn notifications(&self) -> impl Iterator<Item = &Notification> {
        self.notifications.values()
    }

    pub fn notification(&self, id: &AutoId) -> Option<&Notification> {
        self.notifications.get(id)
    }

    /// The stored entities, in key order.
    pub fn entities(&self) -> impl Iterator<Item = Entity> + '_ {
        let w = self.workflows.values().cloned().map(Entity::Workflow);
        let e = self.enrollments.values().cloned().map(Entity::Enrollment);
        let o = self.outbox.values().cloned().map(Entity::Outbox);
        let n = self.notifications.values().cloned().map(Entity::Notification);
        w.chain(e).chain(o).chain(n)
    }

    /// Sets or removes one entity; keys of other kinds are ignored.
    pub fn put(&mut self, key: EntityKey, entity: Option<Entity>) {
        match (key, entity) {
            (EntityKey::Workflow(id), Some(Entity::Workflow(w))) => {
                self.workflows.insert(id, w);
            }
            (EntityKey::Workflow(id), _) => {
                self.workflows.remove(&id);
            }
            (EntityKey::Enrollment(id), entity) => {
                if let Some(old) = self.enrollments.remove(&id) {
                    self.due.remove(&(old.due, id.clone()));
                    if let Some(ids) = self.by_record.get_mut(&(old.workflow.clone(), old.record.clone())) {
                        ids.remove(&id);
                    }
                }
                if let Some(Entity::Enrollment(e)) = entity {
                    if e.is_active() {
                        self.due.insert((e.due, id.clone()));
                    }
                    self.by_record.entry((e.workflow.clone(), e.record.clone())).or_default().insert(id.clone());
                    self.enrollments.insert(id, e);
                }
            }
            (EntityKey::Outbox(id), Some(Entity::Outbox(o))) => {
                self.outbox.insert(id, o);
            }
            (EntityKey::Outbox(id), _) => {
                self.outbox.remove(&id);
            }
            (EntityKey::Notification(id), Some(Entity::Notification(n))) => {
                self.notifications.insert(id, n);
            }
            (EntityKey::Notification(id), _) => {
                self.notifications.remove(&id);
            }
            _ => {}
        }
    }
}

/// A stable 48-bit hash of some text (FNV-1a), the same on every device and build.
pub fn stable_hash(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain(std::iter::once(0)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h & 0xFFFF_FFFF_FFFF
}

/// An id that every tab and device derives alike from the same facts.
pub fn derived_id(at: Millis, parts: &[&str]) -> AutoId {
    IdGen::new(stable_hash(parts), 0).next(at)
}

/// The id generator for the writes of one step: derived, so a repeated step mints the same ids.
pub fn step_ids(enrollment: &AutoId, seq: u32) -> IdGen {
    IdGen::new(stable_hash(&[&enrollment.to_string(), &seq.to_string()]), 0)
}
