//! A restore in the order that lets a table show before everything is loaded.
//!
//! The log is applied first and the snapshot after it, skipping every entity the log wrote
//! (the log is usually small: at most 500 entries before start-up folds it into the snapshot,
//! though one entry can be a whole import). Each write stores an entity's final state and
//! writes of different entities do not depend on each other, so this ends in the same
//! workspace as the snapshot followed by the log (record numbers included), while every part
//! of the snapshot is final as soon as its chunks are applied.

use rustc_hash::FxHashSet;

use super::{check_version, compact, decode_chunk, Batch, LoadError, Loaded, Part};
use crate::core::change::{Entity, EntityKey};
use crate::core::workspace::Workspace;

/// A restore in progress: [`Restore::start`] with the log, then [`Restore::chunk`] for each
/// snapshot chunk in order. On an error the workspace holds part of the data: callers restore
/// into a fresh workspace and drop it on error.
pub struct Restore {
    /// What the log wrote: the snapshot's older state of these is skipped.
    written: FxHashSet<EntityKey>,
    loaded: Loaded,
}

impl Restore {
    /// Checks the format version and applies the log's entries (JSON batches, in commit
    /// order), all decoded before any is applied.
    pub fn start(ws: &mut Workspace, version: u32, log: &[String]) -> Result<Restore, LoadError> {
        check_version(version)?;
        let batches = log.iter().map(|entry| Batch::decode(entry)).collect::<Result<Vec<_>, _>>()?;
        let mut written = FxHashSet::default();
        for batch in batches {
            for op in batch.ops {
                written.insert(op.key.clone());
                ws.put(op.key, op.value);
            }
        }
        Ok(Restore { written, loaded: Loaded::default() })
    }

    /// Decodes one snapshot chunk (any format) straight into `ws`, op by op, while its bytes
    /// are still in the cache. Returns the parts this chunk completed (format 3; older
    /// chunks complete none).
    pub fn chunk(&mut self, ws: &mut Workspace, bytes: &[u8]) -> Result<Vec<Part>, LoadError> {
        let mut chunk = Chunk::open(bytes)?;
        loop {
            if let Some(done) = self.apply(ws, &mut chunk, usize::MAX)? {
                return Ok(done);
            }
        }
    }

    /// Applies up to `ops` more ops of `chunk` (a format-1 chunk all at once); once the chunk
    /// is finished, returns the parts it completed.
    pub fn apply(&mut self, ws: &mut Workspace, chunk: &mut Chunk<'_>, ops: usize) -> Result<Option<Vec<Part>>, LoadError> {
        let written = &self.written;
        let finished = match &mut chunk.0 {
            Kind::Compact(compact) if written.is_empty() => compact.take(ops, |op| ws.put(op.key, op.value))?,
            Kind::Compact(compact) => compact.take(ops, |op| put_unless_written(ws, written, op))?,
            Kind::Json(bytes) => {
                decode_chunk(bytes)?.ops.into_iter().for_each(|op| put_unless_written(ws, written, op));
                true
            }
        };
        if !finished {
            return Ok(None);
        }
        let done = match &chunk.0 {
            Kind::Compact(compact) => compact.done().to_vec(),
            Kind::Json(_) => Vec::new(),
        };
        for part in &done {
            self.loaded.add(part.clone());
        }
        Ok(Some(done))
    }

    /// The parts applied whole so far.
    pub fn loaded(&self) -> &Loaded {
        &self.loaded
    }

}

/// Stores `op` unless the log wrote its entity (the log's state is later). A skipped record
/// still counts for its object's record numbers, as it did before the log removed it.
fn put_unless_written(ws: &mut Workspace, written: &FxHashSet<EntityKey>, op: super::Op) {
    if !written.contains(&op.key) {
        ws.put(op.key, op.value);
        return;
    }
    match &op.value {
        Some(Entity::Record(record)) => ws.note_number(record),
        Some(Entity::Binned(binned)) => ws.note_number(&binned.record),
        _ => {}
    }
}

/// A snapshot chunk being applied a slice at a time ([`Restore::apply`]).
pub struct Chunk<'a>(Kind<'a>);

enum Kind<'a> {
    Compact(compact::Ops<'a>),
    /// Format 1: JSON text, applied whole.
    Json(&'a [u8]),
}

impl<'a> Chunk<'a> {
    /// Reads the chunk's header (a damaged one is an error here).
    pub fn open(bytes: &'a [u8]) -> Result<Chunk<'a>, LoadError> {
        Ok(Chunk(if compact::is_compact(bytes) { Kind::Compact(compact::Ops::open(bytes)?) } else { Kind::Json(bytes) }))
    }
}
