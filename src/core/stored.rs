//! The stored format: how a workspace is laid out in the browser's database.
//!
//! Storage holds a *snapshot* (the whole workspace in chunks of entities) and a *log* of
//! batches written since. Each user command becomes one batch, written in one transaction;
//! at start-up the snapshot is loaded and the log replayed on top. Compaction rewrites the
//! snapshot and clears the log in a single transaction, so a crash at any point leaves
//! either the old or the new state, never a mix.
//!
//! Every batch is JSON text, so the store needs no structured-clone of Rust data, and the
//! format version lets a newer Cairn migrate what an older one wrote.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::change::{Commit, Entity, EntityKey};
use super::workspace::Workspace;

/// The version of the stored format this build writes.
pub const FORMAT_VERSION: u32 = 1;

/// Entities per snapshot chunk: large enough to load fast, small enough to parse smoothly.
pub const CHUNK_SIZE: usize = 2_000;

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

/// Rebuilds a workspace from what storage holds: snapshot chunks, then log entries in order.
pub fn restore(ws: &mut Workspace, version: u32, snapshot: &[String], log: &[String]) -> Result<(), LoadError> {
    if version > FORMAT_VERSION {
        return Err(LoadError::NewerFormat(version));
    }
    // Decode everything before applying anything, so damaged data changes nothing.
    let batches = snapshot.iter().chain(log).map(|t| Batch::decode(t)).collect::<Result<Vec<_>, _>>()?;
    for batch in batches {
        batch.apply(ws);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::command::{Command, Context};
    use crate::core::id::IdGen;
    use crate::core::schema::default_schema;
    use crate::core::time::Millis;

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
        assert_eq!(chunks.len(), 3, "schema + association definitions + 3 records in chunks of 2");
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

    #[test]
    fn unknown_fields_are_errors_not_silently_dropped() {
        assert!(Batch::decode(r#"{"ops": [], "extra": 1}"#).is_err());
    }
}
