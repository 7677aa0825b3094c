//! A stored workspace restored while it is still being read: the log first, then each
//! snapshot chunk decoded and applied (by `core::stored::Restore`) as soon as it arrives,
//! while the browser reads the next.

use std::future::Future;

use super::idb::Reading;
use super::StorageError;
use crate::core::stored::{Chunk, Loaded, Restore};

/// Ops applied between two chances to pause: a few milliseconds of work, so a page that
/// pauses after each slice answers input quickly, and a function that the engine optimizes
/// meanwhile is used from the next slice on, not only from the next chunk.
const SLICE: usize = 2_000;
use crate::core::workspace::Workspace;

/// The workspace a restore writes into: a plain value, or the app's, which its screens read
/// between chunks.
pub trait Target {
    /// Runs `f` on the workspace; `None` when it is gone (the page is closing).
    fn update<R>(&mut self, f: impl FnOnce(&mut Workspace) -> R) -> Option<R>;
}

impl Target for &mut Workspace {
    fn update<R>(&mut self, f: impl FnOnce(&mut Workspace) -> R) -> Option<R> {
        Some(f(self))
    }
}

impl Reading {
    /// Applies the log, then the snapshot, to `ws`, a fresh workspace that the caller drops
    /// on error, so damaged data changes nothing. Each chunk's bytes are freed once applied,
    /// so the whole snapshot is never held twice (wasm memory only grows: the peak is what the
    /// tab keeps). `step` hears how far it is and may return a pause (to let the page paint).
    /// Returns the number of log entries.
    pub async fn restore_into<F: Future<Output = ()>>(mut self, mut ws: impl Target, mut step: impl FnMut(Progress) -> Option<F>) -> Result<usize, StorageError> {
        let log = self.log().await?;
        let mut restore = ws.update(|ws| Restore::start(ws, self.format, &log)).ok_or(StorageError::Closing)??;
        let steps = (self.chunk_count() + 1) as f64;
        let mut done = 1.0;
        while let Some(chunk) = self.next_chunk().await {
            if done == 1.0 {
                Self::step(&mut step, Progress::FirstChunk).await;
            }
            let bytes = chunk?;
            let mut applying = Chunk::open(&bytes)?;
            let parts = loop {
                match ws.update(|ws| restore.apply(ws, &mut applying, SLICE)).ok_or(StorageError::Closing)?? {
                    Some(parts) => break parts,
                    None => Self::step(&mut step, Progress::Slice).await,
                }
            };
            drop(bytes);
            done += 1.0;
            if !parts.is_empty() {
                Self::step(&mut step, Progress::Parts(restore.loaded().clone())).await;
            }
            Self::step(&mut step, Progress::Chunk(done / steps)).await;
        }
        Self::step(&mut step, Progress::Applied).await;
        Ok(log.len())
    }

    async fn step<F: Future<Output = ()>>(step: &mut impl FnMut(Progress) -> Option<F>, progress: Progress) {
        if let Some(pause) = step(progress) {
            pause.await;
        }
    }
}

/// How far a restore is.
#[derive(Clone, Debug, PartialEq)]
pub enum Progress {
    /// The log is applied and the first snapshot chunk has arrived from storage.
    FirstChunk,
    /// The fraction of the log and snapshot applied so far.
    Chunk(f64),
    /// A slice of a chunk is applied; more of it follows.
    Slice,
    /// A chunk completed parts of the workspace: these are whole so far.
    Parts(Loaded),
    /// Every chunk is applied.
    Applied,
}
