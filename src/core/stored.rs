//! The stored format: how a workspace is laid out in the browser's database.
//!
//! Storage holds a *snapshot* (the whole workspace in chunks of entities) and a *log* of
//! batches written since. Each user command becomes one batch, written in one transaction;
//! at start-up the log's writes win over the snapshot's ([`Restore`]). Compaction rewrites the
//! snapshot and clears the log in a single transaction, so a crash at any point leaves
//! either the old or the new state, never a mix.
//!
//! Log entries are JSON text (small, one per command). Snapshot chunks are JSON in format 1
//! and a compact binary encoding in formats 2 and 3 ([`compact`]); a chunk's first bytes tell
//! which, so older data still loads, and the next compaction rewrites it in the current format.
//! Format 3 stores the workspace part after part ([`parts`]: settings, then records object by
//! object) so that a table can show before the rest has loaded. The format version lets a
//! newer Cairn refuse or migrate what another version wrote.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::change::{Commit, Entity, EntityKey};
use super::workspace::Workspace;

/// The version of the stored format this build writes.
pub const FORMAT_VERSION: u32 = 3;

/// Entities per snapshot chunk: few enough chunks to read fast, each small enough (a few MB)
/// to encode and decode without a long pause.
pub const CHUNK_SIZE: usize = 20_000;

pub mod compact;
pub mod parts;
mod restore;

pub use parts::{Loaded, Part};
pub use restore::{Chunk, Restore};

/// One write of one entity; `value: None` removes it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Op {
    pub key: EntityKey,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Entity>,
}

/// A set of writes applied together: one log entry, or one snapshot chunk.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Batch {
    pub ops: Vec<Op>,
}

#[derive(Clone, Debug, Error, PartialEq)]
pub enum LoadError {
    #[error("the data was written by a newer version of Cairn (format {0}); update the app")]
    NewerFormat(u32),
    #[error("stored data is damaged ({0})")]
    Corrupt(String),
}

impl Batch {
    /// The writes a commit needs: the final state of every entity it touched.
    pub fn from_commit(commit: &Commit) -> Batch {
        Batch { ops: commit.changes.iter().map(|c| Op { key: c.key.clone(), value: c.after.clone() }).collect() }
    }

    pub fn encode(&self) -> String {
        // Serializing plain data with string keys cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn decode(text: &str) -> Result<Batch, LoadError> {
        serde_json::from_str(text).map_err(|e| LoadError::Corrupt(e.to_string()))
    }

    pub fn apply(self, ws: &mut Workspace) {
        for op in self.ops {
            ws.put(op.key, op.value);
        }
    }
}

/// The whole workspace as snapshot chunks, in a stable order.
pub fn snapshot(ws: &Workspace, chunk_size: usize) -> Vec<Batch> {
    let ops: Vec<Op> = ws.entities().into_iter().map(|e| Op { key: e.key(), value: Some(e) }).collect();
    ops.chunks(chunk_size.max(1)).map(|c| Batch { ops: c.to_vec() }).collect()
}

/// The whole workspace as snapshot chunks of the current format, ready to store.
pub fn encode_snapshot(ws: &Workspace, chunk_size: usize) -> Vec<Vec<u8>> {
    SnapshotChunks::new(ws, chunk_size).collect()
}

/// The whole workspace as snapshot chunks of the current format, part after part
/// ([`parts`]), each chunk encoded only when asked for, straight from the workspace's
/// entities: writing a snapshot holds one encoded chunk at a time rather than a copy of every
/// record (at a million contacts, gigabytes).
pub struct SnapshotChunks<'a> {
    sections: Vec<parts::Section<'a>>,
    plan: std::vec::IntoIter<Planned>,
}

/// One chunk to encode: a run of one section's entities, and the parts whole after it.
struct Planned {
    section: usize,
    range: std::ops::Range<usize>,
    done: Vec<Part>,
}

impl<'a> SnapshotChunks<'a> {
    pub fn new(ws: &'a Workspace, chunk_size: usize) -> Self {
        let sections = parts::sections(ws.schema(), ws.entity_refs());
        let size = chunk_size.max(1);
        let mut plan: Vec<Planned> = Vec::new();
        let mut early: Vec<Part> = Vec::new();
        for (section, s) in sections.iter().enumerate() {
            let starts: Vec<usize> = (0..s.refs.len()).step_by(size).collect();
            for (i, &start) in starts.iter().enumerate() {
                let last = i + 1 == starts.len();
                let mut done = std::mem::take(&mut early);
                done.extend(s.part.clone().filter(|_| last));
                plan.push(Planned { section, range: start..(start + size).min(s.refs.len()), done });
            }
            // A part with nothing in it is whole from the start: announced with the chunk
            // before it (the settings are never empty: there is always a schema).
            if starts.is_empty() {
                if let Some(part) = s.part.clone() {
                    match plan.last_mut() {
                        Some(before) => before.done.push(part),
                        None => early.push(part),
                    }
                }
            }
        }
        SnapshotChunks { sections, plan: plan.into_iter() }
    }
}

impl Iterator for SnapshotChunks<'_> {
    type Item = Vec<u8>;

    fn next(&mut self) -> Option<Vec<u8>> {
        let planned = self.plan.next()?;
        let refs = self.sections.get(planned.section)?.refs.get(planned.range)?;
        Some(compact::encode_refs(refs, &planned.done))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.plan.size_hint()
    }
}

impl ExactSizeIterator for SnapshotChunks<'_> {}

/// Decodes one snapshot chunk of any format.
pub fn decode_chunk(bytes: &[u8]) -> Result<Batch, LoadError> {
    if compact::is_compact(bytes) {
        return compact::decode(bytes).map(|ops| Batch { ops });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| LoadError::Corrupt(e.to_string()))?;
    Batch::decode(text)
}

/// Rebuilds a workspace from snapshot chunks given as text (format 1), then log entries.
pub fn restore(ws: &mut Workspace, version: u32, snapshot: &[String], log: &[String]) -> Result<(), LoadError> {
    restore_chunks(ws, version, snapshot.iter().map(String::as_bytes), log)
}

/// Rebuilds a workspace from what storage holds: snapshot chunks of any format (format-1
/// JSON text as UTF-8, or compact bytes), then log entries in order, all decoded before any is
/// applied. The plain order that tests hold [`Restore`] (log first, chunk by chunk, as the
/// app loads) against.
pub fn restore_bytes(ws: &mut Workspace, version: u32, snapshot: &[Vec<u8>], log: &[String]) -> Result<(), LoadError> {
    restore_chunks(ws, version, snapshot.iter().map(Vec::as_slice), log)
}

/// Sizes the workspace's maps for the records and links about to be loaded, so that
/// loading does not rehash them again and again.
pub fn reserve_for(ws: &mut Workspace, batches: &[Batch]) {
    let ops = batches.iter().flat_map(|b| &b.ops);
    let (records, edges) = ops.fold((0, 0), |(r, e), op| match op.value {
        Some(Entity::Record(_)) => (r + 1, e),
        Some(Entity::Edge(_)) => (r, e + 1),
        _ => (r, e),
    });
    ws.reserve(records, edges);
}

/// Refuses data written by a newer format than this build knows.
pub fn check_version(version: u32) -> Result<(), LoadError> {
    if version > FORMAT_VERSION {
        return Err(LoadError::NewerFormat(version));
    }
    Ok(())
}

fn restore_chunks<'a>(ws: &mut Workspace, version: u32, snapshot: impl Iterator<Item = &'a [u8]>, log: &[String]) -> Result<(), LoadError> {
    check_version(version)?;
    // Decode everything before applying anything, so damaged data changes nothing.
    let chunks = snapshot.map(decode_chunk);
    let batches = chunks.chain(log.iter().map(|t| Batch::decode(t))).collect::<Result<Vec<_>, _>>()?;
    reserve_for(ws, &batches);
    for batch in batches {
        batch.apply(ws);
    }
    Ok(())
}

#[cfg(test)]
mod format_tests;
#[cfg(test)]
mod parts_tests;
#[cfg(test)]
mod restore_tests;
#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::association::{AssociationDef, LabelDef};
    use crate::core::command::{Command, Context};
    use crate::core::id::{IdGen, RecordId};
    use crate::core::owner::OwnerEdit;
    use crate::core::schema::{default_schema, SchemaEdit};
    use crate::core::time::Millis;
    use crate::core::value::Value;
    use crate::core::query::{Condition, Filter, Group, Op, Sort};
    use crate::core::segment::{Rule, SegmentEdit};
    use crate::core::views::{TableState, ViewEdit};
    use crate::core::workflow::engine::run_due;
    use crate::core::workflow::{Action, AutomationCommand, Step, StepKind, Workflow};

    fn sample() -> (Workspace, Vec<String>) {
        let mut ws = Workspace::new(default_schema(), IdGen::new(3, 0));
        let mut log = Vec::new();
        for (i, email) in ["a@x.org", "b@x.org", "c@x.org"].iter().enumerate() {
            let cmd = Command::CreateRecord { object: "contacts".into(), values: vec![("email".into(), email.to_string())] };
            let commit = ws.execute(cmd, &Context::user(Millis(i as i64))).expect("valid");
            log.push(Batch::from_commit(&commit).encode());
        }
        (ws, log)
    }

    #[test]
    fn replaying_the_log_rebuilds_the_workspace() {
        let (ws, log) = sample();
        let mut fresh = Workspace::new(default_schema(), IdGen::new(3, 0));
        restore(&mut fresh, FORMAT_VERSION, &[], &log).expect("loads");
        assert_eq!(fresh.entities(), ws.entities());
    }

    #[test]
    fn a_snapshot_in_small_chunks_rebuilds_the_workspace() {
        let (ws, _) = sample();
        let chunks: Vec<String> = snapshot(&ws, 2).iter().map(Batch::encode).collect();
        assert_eq!(chunks.len(), 4, "schema + association definitions + 2 default pipelines + 3 records in chunks of 2");
        let mut fresh = Workspace::new(default_schema(), IdGen::new(3, 0));
        restore(&mut fresh, FORMAT_VERSION, &chunks, &[]).expect("loads");
        assert_eq!(fresh.entities(), ws.entities());
    }

    #[test]
    fn damaged_or_newer_data_is_refused_and_changes_nothing() {
        let (_, mut log) = sample();
        log.push("{\"ops\": [".into());
        let mut fresh = Workspace::new(default_schema(), IdGen::new(3, 0));
        assert!(matches!(restore(&mut fresh, FORMAT_VERSION, &[], &log), Err(LoadError::Corrupt(_))));
        assert!(fresh.is_empty());
        assert_eq!(restore(&mut fresh, FORMAT_VERSION + 1, &[], &[]), Err(LoadError::NewerFormat(FORMAT_VERSION + 1)));
    }

    /// The kind of an entity, as stored; a new kind fails to compile here until it is
    /// added to the round-trip test below.
    pub(super) fn kind(entity: &Entity) -> &'static str {
        match entity {
            Entity::Record(_) => "record",
            Entity::Binned(_) => "binned",
            Entity::Schema(_) => "schema",
            Entity::Owner(_) => "owner",
            Entity::Edge(_) => "edge",
            Entity::Redirect(_) => "redirect",
            Entity::AssociationDefs(_) => "association_defs",
            Entity::Unlinked(_) => "unlinked",
            Entity::View(_) => "view",
            Entity::Segment(_) => "segment",
            Entity::Pipeline(_) => "pipeline",
            Entity::Workflow(_) => "workflow",
            Entity::Enrollment(_) => "enrollment",
            Entity::Outbox(_) => "outbox",
            Entity::Notification(_) => "notification",
        }
    }

    /// A workspace holding at least one entity of every kind, and the log that built it.
    pub(super) fn every_kind() -> (Workspace, Vec<String>) {
        let mut ws = Workspace::new(default_schema(), IdGen::new(3, 0));
        let mut log = Vec::new();
        let mut now = 0;
        let mut run = |ws: &mut Workspace, command: Command| {
            now += 1_000;
            let commit = ws.execute(command, &Context::user(Millis(now))).expect("valid");
            log.push(Batch::from_commit(&commit).encode());
            commit.subject
        };
        let create = |object: &str, values: &[(&str, &str)]| Command::CreateRecord {
            object: object.into(),
            values: values.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
        };
        run(&mut ws, Command::EditOwner(OwnerEdit::Create { name: "Grace".into(), email: "grace@example.com".into(), team: None }));
        run(&mut ws, Command::EditSchema(SchemaEdit::SetObjectEnabled { object: "invoices".into(), enabled: true }));
        let spouse = AssociationDef::new("contacts", "contacts").with_label(LabelDef::single("spouse", "Spouse").max_from_a(1).max_from_b(1));
        run(&mut ws, Command::DefineAssociation(spouse));
        run(&mut ws, Command::EditPipeline(crate::core::pipeline::PipelineEdit::Create { object: "deals".into(), label: "Renewals".into() }));
        run(&mut ws, create("deals", &[("dealname", "Big"), ("dealstage", "closedwon"), ("amount", "10")]));
        let ada = run(&mut ws, create("contacts", &[("email", "ada@example.com"), ("hubspot_owner_id", "grace@example.com")])).expect("created");
        let dup = run(&mut ws, create("contacts", &[("firstname", "Augusta")])).expect("created");
        let acme = run(&mut ws, create("companies", &[("name", "Acme"), ("domain", "acme.com")])).expect("created");
        let note = run(&mut ws, create("notes", &[("hs_note_body", "Called")])).expect("created");
        let gone = run(&mut ws, create("contacts", &[("email", "gone@example.com")])).expect("created");
        run(&mut ws, Command::Associate { from: ada.clone(), to: acme.clone(), labels: vec!["primary".into()] });
        run(&mut ws, Command::Associate { from: note.clone(), to: ada.clone(), labels: vec![] });
        run(&mut ws, Command::Associate { from: note.clone(), to: acme.clone(), labels: vec![] });
        run(&mut ws, Command::Unassociate { from: note.clone(), to: acme.clone() });
        run(&mut ws, Command::Associate { from: gone.clone(), to: acme, labels: vec![] });
        run(&mut ws, Command::MergeRecords { primary: ada.clone(), secondary: dup });
        run(&mut ws, Command::DeleteRecord { id: gone });
        let filter = Filter { groups: vec![Group { conditions: vec![Condition::new("email", Op::IsKnown)] }] };
        let state = TableState { columns: vec!["email".into()], filter: filter.clone(), sort: Some(Sort { property: "email".into(), descending: true }) };
        run(&mut ws, Command::EditView(ViewEdit::Create { object: "contacts".into(), name: "With email".into(), state }));
        run(&mut ws, Command::EditSegment(SegmentEdit::Create { object: "contacts".into(), name: "Known".into(), rule: Rule::Active { filter } }));
        let mut flow = Workflow::new("contacts", "Welcome");
        flow.steps.push(Step { id: 1, kind: StepKind::Action(Action::SendEmail { subject: "Hi".into(), body: String::new() }) });
        flow.steps.push(Step { id: 2, kind: StepKind::Action(Action::Notify { text: "Welcomed".into() }) });
        run(&mut ws, Command::Automation(AutomationCommand::SaveWorkflow(flow)));
        let flow = ws.automation().workflows().next().map(|w| w.id.clone()).expect("saved");
        run(&mut ws, Command::Automation(AutomationCommand::Enroll { workflow: flow, record: ada }));
        let (commit, _) = run_due(&mut ws, Millis(now + 1_000), 0, 10);
        log.push(Batch::from_commit(&commit).encode());
        (ws, log)
    }

    #[test]
    fn a_snapshot_with_every_entity_kind_round_trips() {
        let (ws, log) = every_kind();
        let entities = ws.entities();
        let kinds: std::collections::BTreeSet<&str> = entities.iter().map(kind).collect();
        let all = ["association_defs", "binned", "edge", "enrollment", "notification", "outbox", "owner", "pipeline", "record", "redirect", "schema", "segment", "unlinked", "view", "workflow"];
        assert_eq!(kinds, all.into_iter().collect(), "the sample lacks a kind");
        assert!(ws.binned().any(|b| !b.edges.is_empty()), "a binned record keeps its links");
        for chunk_size in [1, 3, CHUNK_SIZE] {
            let chunks: Vec<String> = snapshot(&ws, chunk_size).iter().map(Batch::encode).collect();
            let mut fresh = Workspace::new(default_schema(), IdGen::new(3, 0));
            restore(&mut fresh, FORMAT_VERSION, &chunks, &[]).expect("loads");
            assert_eq!(fresh.entities(), entities, "chunks of {chunk_size}");
            // What the indexes answer comes back too, not only the stored entities.
            let ada = fresh.find_unique("contacts", "email", &Value::Text("ada@example.com".into())).map(|r| r.id.clone()).expect("indexed");
            assert_eq!(fresh.associations().len(), ws.associations().len());
            assert_eq!(fresh.associations().ids(&ada, "companies").count(), 1);
            assert!(fresh.owners().next().is_some_and(|o| fresh.find_owner(&o.email).is_some()));
        }
        let mut replayed = Workspace::new(default_schema(), IdGen::new(3, 0));
        restore(&mut replayed, FORMAT_VERSION, &[], &log).expect("loads");
        assert_eq!(replayed.entities(), entities, "the log rebuilds the same workspace");
    }

    #[test]
    fn data_written_before_owners_and_associations_still_loads() {
        // Format 1 as first written: a record and a binned record without links.
        let old = r#"{"ops":[
            {"key":{"kind":"record","id":"A"},"value":{"kind":"record","id":"A","object":"contacts","number":1,"created":1,"updated":1,
                "props":{"email":[{"v":"a@x.org","t":1,"s":"user"}]}}},
            {"key":{"kind":"binned","id":"B"},"value":{"kind":"binned","deleted_at":5,
                "record":{"id":"B","object":"contacts","number":2,"created":2,"updated":2,"props":{}}}}
        ]}"#;
        let mut ws = Workspace::new(default_schema(), IdGen::new(3, 0));
        restore(&mut ws, FORMAT_VERSION, &[old.to_string()], &[]).expect("loads");
        assert_eq!(ws.record(&RecordId::from("A")).map(|r| r.text("email")), Some("a@x.org".into()));
        assert!(ws.binned().all(|b| b.edges.is_empty()));
        assert_eq!(ws.binned().count(), 1);
    }

    /// Where the released format-1 fixture lives: what a format-1 database held (the `meta`
    /// values, the `snapshot` chunks and the `log` entries) for the workspace `every_kind` builds.
    pub(super) const FORMAT_1_FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/format-1.json");

    /// Writes the fixture; run once with the format-1 code: `cargo test --lib write_format_1_fixture -- --ignored`.
    #[test]
    #[ignore]
    fn write_format_1_fixture() {
        let (_, log) = every_kind();
        // A snapshot of the first half of the commands, then the rest as log entries.
        let mut half = Workspace::new(default_schema(), IdGen::new(3, 0));
        restore(&mut half, 1, &[], &log[..7]).expect("loads");
        let chunks: Vec<String> = snapshot(&half, 3).iter().map(Batch::encode).collect();
        let fixture = serde_json::json!({ "format": 1, "device": "3", "snapshot": chunks, "log": &log[7..] });
        let text = serde_json::to_string_pretty(&fixture).expect("serializes");
        std::fs::create_dir_all(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures")).expect("creates the folder");
        std::fs::write(FORMAT_1_FIXTURE, text + "\n").expect("writes the fixture");
    }

    #[test]
    fn unknown_fields_are_errors_not_silently_dropped() {
        assert!(Batch::decode(r#"{"ops": [], "extra": 1}"#).is_err());
    }
}
