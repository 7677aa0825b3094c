//! Random command sequences (create, delete, restore, associate, relabel, unassociate,
//! merge, undo, purge) must keep every association invariant after every step:
//! no dangling edge, the index in step with the edges, every limit held, a refused command
//! changing nothing, delete + restore being the identity, a merge keeping every association
//! and activity of both records, an undo returning to the state before the command, and the
//! logged commits rebuilding the same workspace.

use proptest::prelude::*;
use std::collections::BTreeSet;

use super::fixtures::{reports_to, with_billing, Fixture};
use super::UNDO_DEPTH;
use crate::core::change::{Commit, Entity};
use crate::core::command::{Command, CommandError};
use crate::core::id::{IdGen, RecordId};
use crate::core::stored::{restore, snapshot, Batch, FORMAT_VERSION};
use crate::core::time::Millis;

const OBJECTS: [&str; 4] = ["contacts", "companies", "deals", "notes"];

#[derive(Clone, Debug)]
enum Op {
    Create(usize),
    Delete(usize),
    Restore(usize),
    DeleteRestore(usize),
    /// Bins a record and one it is linked to, then restores them (`true`: in that order).
    BinPair(usize, usize, bool),
    Associate(usize, usize, usize),
    SetLabels(usize, usize, usize),
    Unassociate(usize, usize),
    Merge(usize, usize),
    Undo,
    Wait(i64),
    Purge,
}

fn op() -> impl Strategy<Value = Op> {
    let i = || 0..256usize;
    prop_oneof![
        4 => (0..OBJECTS.len()).prop_map(Op::Create),
        1 => i().prop_map(Op::Delete),
        1 => i().prop_map(Op::Restore),
        1 => i().prop_map(Op::DeleteRestore),
        1 => (i(), i(), any::<bool>()).prop_map(|(a, b, order)| Op::BinPair(a, b, order)),
        6 => (i(), i(), i()).prop_map(|(a, b, l)| Op::Associate(a, b, l)),
        1 => (i(), i(), i()).prop_map(|(a, b, l)| Op::SetLabels(a, b, l)),
        1 => (i(), i()).prop_map(|(a, b)| Op::Unassociate(a, b)),
        2 => (i(), i()).prop_map(|(a, b)| Op::Merge(a, b)),
        1 => Just(Op::Undo),
        1 => (0..120i64).prop_map(Op::Wait),
        1 => Just(Op::Purge),
    ]
}

struct Runner {
    f: Fixture,
    /// Every id ever created, live or not.
    ids: Vec<RecordId>,
    /// The entities before each undoable command, as the undo log should restore them.
    undoable: Vec<Vec<Entity>>,
}

impl Runner {
    fn pick(&self, i: usize) -> Option<RecordId> {
        (!self.ids.is_empty()).then(|| self.ids[i % self.ids.len()].clone())
    }

    /// A live record, or (one time in eight) any id, so refusals are exercised too.
    fn pick_live(&self, i: usize) -> Option<RecordId> {
        let live: Vec<&RecordId> = self.ids.iter().filter(|id| self.f.ws.record(id).is_some()).collect();
        if i % 8 == 7 || live.is_empty() {
            return self.pick(i / 8);
        }
        Some(live[i % live.len()].clone())
    }

    /// A record linked to `from`, or (one time in eight) any id.
    fn pick_linked(&self, from: &RecordId, i: usize) -> Option<RecordId> {
        let linked: Vec<RecordId> = OBJECTS.iter().flat_map(|o| self.f.ids(from, o)).collect();
        if i % 8 == 7 || linked.is_empty() {
            return self.pick(i / 8);
        }
        Some(linked[i % linked.len()].clone())
    }

    fn exec(&mut self, command: Command) -> Result<Commit, CommandError> {
        let before = self.f.ws.entities();
        let (is_undo, is_purge) = (command == Command::Undo, command == Command::PurgeBin);
        let result = self.f.run(command);
        match &result {
            Err(_) => {
                assert_eq!(self.f.ws.entities(), before, "a refused command changed the workspace");
                assert!(!is_undo || self.undoable.is_empty(), "undo refused though a command was undoable");
            }
            Ok(_) if is_undo => {
                let expected = self.undoable.pop().expect("undo succeeded with nothing to undo");
                assert_eq!(self.f.ws.entities(), expected, "undo did not restore the previous state");
            }
            Ok(commit) if commit.changes.is_empty() => {}
            Ok(_) if is_purge => self.undoable.clear(),
            Ok(_) => {
                self.undoable.push(before);
                if self.undoable.len() > UNDO_DEPTH {
                    self.undoable.remove(0);
                }
            }
        }
        result
    }

    /// A label name `x` may give `y`, or none, chosen by `l`.
    fn label(&self, x: &RecordId, y: &RecordId, l: usize) -> Vec<String> {
        let (Some(rx), Some(ry)) = (self.f.ws.record(x), self.f.ws.record(y)) else { return Vec::new() };
        let Some(def) = self.f.ws.associations().def(&rx.object, &ry.object) else { return Vec::new() };
        let views: Vec<&str> = def.views_for(&rx.object).map(|v| v.name.as_str()).collect();
        match l % (views.len() + 1) {
            0 => Vec::new(),
            n => vec![views[n - 1].to_string()],
        }
    }

    /// Every record linked to `id`, with the labels `id` gives it.
    fn neighbours(&self, id: &RecordId) -> BTreeSet<(RecordId, Vec<String>)> {
        OBJECTS
            .iter()
            .flat_map(|o| self.f.ids(id, o))
            .map(|other| {
                let labels = self.f.labels(id, &other).unwrap_or_default();
                (other, labels)
            })
            .collect()
    }

    fn step(&mut self, op: Op) {
        match op {
            Op::Create(o) => {
                if let Ok(commit) = self.exec(Command::CreateRecord { object: OBJECTS[o].into(), values: vec![] }) {
                    self.ids.extend(commit.subject);
                }
            }
            Op::Delete(i) => {
                let Some(id) = self.pick(i) else { return };
                let _ = self.exec(Command::DeleteRecord { id });
            }
            Op::Restore(i) => {
                let Some(id) = self.pick(i) else { return };
                let _ = self.exec(Command::RestoreRecord { id });
            }
            Op::DeleteRestore(i) => {
                let Some(id) = self.pick(i).filter(|id| self.f.ws.record(id).is_some()) else { return };
                let before = self.f.ws.entities();
                self.exec(Command::DeleteRecord { id: id.clone() }).expect("a live record can be deleted");
                self.exec(Command::RestoreRecord { id }).expect("a record just deleted can be restored");
                assert_eq!(self.f.ws.entities(), before, "delete + restore is not the identity");
            }
            Op::BinPair(a, b, in_order) => {
                let Some(x) = self.pick_live(a).filter(|id| self.f.ws.record(id).is_some()) else { return };
                let Some(y) = self.pick_linked(&x, b).filter(|id| self.f.ws.record(id).is_some() && id != &x) else { return };
                let before = self.f.ws.entities();
                for id in [&x, &y] {
                    self.exec(Command::DeleteRecord { id: id.clone() }).expect("a live record can be deleted");
                }
                let order = if in_order { [&x, &y] } else { [&y, &x] };
                for id in order {
                    self.exec(Command::RestoreRecord { id: id.clone() }).expect("a binned record can be restored");
                }
                assert_eq!(self.f.ws.entities(), before, "binning and restoring two linked records is not the identity");
            }
            Op::Associate(a, b, l) | Op::SetLabels(a, b, l) => {
                let Some(from) = self.pick_live(a) else { return };
                let to = if matches!(op, Op::Associate(..)) { self.pick_live(b) } else { self.pick_linked(&from, b) };
                let Some(to) = to else { return };
                let labels = self.label(&from, &to, l);
                let command = if matches!(op, Op::Associate(..)) {
                    Command::Associate { from, to, labels }
                } else {
                    Command::SetAssociationLabels { from, to, labels }
                };
                let _ = self.exec(command);
            }
            Op::Unassociate(a, b) => {
                let Some(from) = self.pick_live(a) else { return };
                let Some(to) = self.pick_linked(&from, b) else { return };
                let _ = self.exec(Command::Unassociate { from, to });
            }
            Op::Merge(a, b) => self.merge(a, b),
            Op::Undo => {
                let _ = self.exec(Command::Undo);
            }
            Op::Wait(days) => self.f.now += days * Millis::DAY,
            Op::Purge => {
                let _ = self.exec(Command::PurgeBin);
            }
        }
    }

    /// Merges two records of one object and checks that the primary ends up linked to every
    /// record either was linked to, keeping every label of its own.
    fn merge(&mut self, a: usize, b: usize) {
        let Some(primary) = self.pick_live(a) else { return };
        let object = self.f.ws.record(&primary).map(|r| r.object.clone());
        let same: Vec<RecordId> = self
            .ids
            .iter()
            .filter(|id| *id != &primary && self.f.ws.record(id).map(|r| &r.object) == object.as_ref())
            .cloned()
            .collect();
        let Some(secondary) = (!same.is_empty()).then(|| same[b % same.len()].clone()) else { return };
        let kept = self.neighbours(&primary);
        let mut expected: BTreeSet<RecordId> = kept.iter().map(|(id, _)| id.clone()).collect();
        expected.extend(self.neighbours(&secondary).into_iter().map(|(id, _)| id));
        expected.remove(&primary);
        expected.remove(&secondary);
        if self.exec(Command::MergeRecords { primary: primary.clone(), secondary: secondary.clone() }).is_err() {
            return;
        }
        let after = self.neighbours(&primary);
        let linked: BTreeSet<RecordId> = after.iter().map(|(id, _)| id.clone()).collect();
        assert_eq!(linked, expected, "a merge lost or invented an association");
        for (other, labels) in kept.iter().filter(|(other, _)| other != &secondary) {
            let now = self.f.labels(&primary, other).unwrap_or_default();
            assert!(labels.iter().all(|l| now.contains(l)), "the primary lost a label to {other}");
        }
        assert_eq!(self.f.ws.resolve(&secondary), &primary);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 160, ..ProptestConfig::default() })]

    #[test]
    fn random_command_sequences_keep_every_association_invariant(ops in prop::collection::vec(op(), 1..90)) {
        let mut runner = Runner { f: Fixture::new(), ids: Vec::new(), undoable: Vec::new() };
        for def in [reports_to(), with_billing()] {
            runner.exec(Command::DefineAssociation(def)).expect("valid definition");
        }
        for op in ops {
            runner.step(op);
            runner.f.check_invariants();
        }
        runner.f.assert_log_replays();
        let ws = &runner.f.ws;
        let chunks: Vec<String> = snapshot(ws, 7).iter().map(Batch::encode).collect();
        let mut fresh = super::Workspace::new(super::fixtures::schema(), IdGen::new(11, 0));
        restore(&mut fresh, FORMAT_VERSION, &chunks, &[]).expect("loads");
        prop_assert_eq!(fresh.entities(), ws.entities());
    }
}
