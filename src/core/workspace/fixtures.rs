//! Test fixtures for associations, the bin, merges, undo and timelines: a workspace with
//! the default schema (every object the default associations name), a clock that moves forward by
//! itself, and a check of the association invariants.

use std::collections::BTreeSet;

use super::Workspace;
use crate::core::association::{AssociationDef, Draft, LabelDef};
use crate::core::change::Commit;
use crate::core::command::{Command, CommandError, Context};
use crate::core::id::{IdGen, RecordId};
use crate::core::record::Source;
use crate::core::schema::{default_schema, Schema};
use crate::core::stored::Batch;
use crate::core::time::Millis;

/// The default schema, which holds every object the default associations name.
pub fn schema() -> Schema {
    default_schema()
}

/// "A contact has at most one manager; a manager has any number of employees."
pub fn reports_to() -> AssociationDef {
    AssociationDef::new("contacts", "contacts")
        .with_label(LabelDef::paired(("manager", "Manager"), ("employee", "Employee")).max_from_a(1))
        .with_label(LabelDef::single("spouse", "Spouse").max_from_a(1).max_from_b(1))
}

/// Contacts and companies with Primary and "one billing contact per company".
pub fn with_billing() -> AssociationDef {
    AssociationDef::new("contacts", "companies")
        .with_label(LabelDef::single("primary", "Primary").max_from_a(1))
        .with_label(LabelDef::single("billing", "Billing contact").max_from_b(1))
}

pub struct Fixture {
    pub ws: Workspace,
    pub now: i64,
    /// Every commit's batch, as storage would have logged them.
    pub log: Vec<String>,
}

impl Fixture {
    pub fn new() -> Self {
        Fixture { ws: Workspace::new(schema(), IdGen::new(11, 0)), now: 1_000_000, log: Vec::new() }
    }

    /// A user context one second after the previous one.
    pub fn ctx(&mut self) -> Context {
        self.now += 1_000;
        Context::user(Millis(self.now))
    }

    pub fn run(&mut self, command: Command) -> Result<Commit, CommandError> {
        let ctx = self.ctx();
        self.run_as(command, ctx)
    }

    pub fn run_as(&mut self, command: Command, ctx: Context) -> Result<Commit, CommandError> {
        let commit = self.ws.execute(command, &ctx)?;
        self.log.push(Batch::from_commit(&commit).encode());
        Ok(commit)
    }

    pub fn import(&mut self, command: Command) -> Result<Commit, CommandError> {
        let ctx = Context { source: Source::Import, ..self.ctx() };
        self.run_as(command, ctx)
    }

    pub fn create(&mut self, object: &str, values: &[(&str, &str)]) -> RecordId {
        let values = values.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        let commit = self.run(Command::CreateRecord { object: object.into(), values }).expect("valid record");
        commit.subject.expect("created")
    }

    pub fn define(&mut self, def: AssociationDef) {
        self.run(Command::DefineAssociation(def)).expect("valid definition");
    }

    pub fn associate(&mut self, from: &RecordId, to: &RecordId, labels: &[&str]) -> Result<Commit, CommandError> {
        let labels = labels.iter().map(|l| l.to_string()).collect();
        self.run(Command::Associate { from: from.clone(), to: to.clone(), labels })
    }

    pub fn link(&mut self, from: &RecordId, to: &RecordId, labels: &[&str]) {
        self.associate(from, to, labels).expect("valid association");
    }

    /// The label names `from` gives `to`, or `None` when they are not linked.
    pub fn labels(&self, from: &RecordId, to: &RecordId) -> Option<Vec<String>> {
        let edge = self.ws.associations().edge(from, to)?;
        let def = self.ws.associations().def(&edge.a_object, &edge.b_object)?;
        Some(edge.labels_from(def, from).into_iter().collect())
    }

    pub fn ids(&self, id: &RecordId, object: &str) -> Vec<RecordId> {
        self.ws.associations().ids(id, object).cloned().collect()
    }

    /// A fresh workspace rebuilt from the logged batches holds exactly the same entities.
    pub fn assert_log_replays(&self) {
        let mut fresh = Workspace::new(schema(), IdGen::new(11, 0));
        crate::core::stored::restore(&mut fresh, crate::core::stored::FORMAT_VERSION, &[], &self.log).expect("loads");
        assert_eq!(fresh.entities(), self.ws.entities());
    }

    /// Panics unless: every edge joins two live records of the objects it names; the
    /// adjacency index lists exactly the stored edges; every limit holds; binned edges
    /// belong to their record.
    pub fn check_invariants(&self) {
        let ws = &self.ws;
        let store = ws.associations();
        let draft = Draft::new(store);
        let mut listed = 0;
        for edge in store.edges() {
            for (id, object) in [(&edge.a, &edge.a_object), (&edge.b, &edge.b_object)] {
                let record = ws.records.get(id).unwrap_or_else(|| panic!("dangling edge {edge:?}"));
                assert_eq!(&record.object, object, "edge names the wrong object");
            }
            assert_ne!(edge.a, edge.b, "self-edge");
            assert!(store.ids(&edge.a, &edge.b_object).any(|y| y == &edge.b), "index misses {edge:?}");
            assert!(store.ids(&edge.b, &edge.a_object).any(|y| y == &edge.a), "index misses {edge:?}");
            let def = store.def(&edge.a_object, &edge.b_object).expect("edge without a definition");
            assert!(edge.labels.iter().all(|l| def.stores(l)), "unknown label on {edge:?}");
            assert_eq!(draft.check(def, edge), Ok(()), "limit broken by {edge:?}");
        }
        for record in ws.records.values() {
            listed += store.counts(&record.id).map(|(_, n)| n).sum::<usize>();
        }
        assert_eq!(listed, 2 * store.len(), "the index lists edges that are not stored");
        for binned in ws.bin.values() {
            assert!(binned.edges.iter().all(|e| e.touches(&binned.record.id)), "foreign edge in the bin");
            let keys: BTreeSet<_> = binned.edges.iter().map(|e| e.key()).collect();
            assert_eq!(keys.len(), binned.edges.len(), "an edge is binned twice");
        }
    }
}
