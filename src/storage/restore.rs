//! A stored workspace restored while it is still being read: each snapshot chunk is decoded
//! and applied (by `core::stored`) as soon as it arrives, while the browser reads the next.

use std::future::Future;

use super::idb::Reading;
use super::StorageError;
use crate::core::stored::{apply_chunk, check_version, Batch};
use crate::core::workspace::Workspace;

impl Reading {
    /// Applies the snapshot, then the log, to `ws`, a fresh workspace that the caller drops
    /// on error, so damaged data changes nothing. Each chunk's bytes are freed once applied,
    /// so the whole snapshot is never held twice (wasm memory only grows: the peak is what the
    /// tab keeps). `step` hears how far it is and may return a pause (to let the page paint).
    /// Returns the number of log entries.
    pub async fn restore_into<F: Future<Output = ()>>(mut self, ws: &mut Workspace, mut step: impl FnMut(Progress) -> Option<F>) -> Result<usize, StorageError> {
        check_version(self.format)?;
        let steps = (self.chunk_count() + 1) as f64;
        let mut done = 0.0;
        while let Some(chunk) = self.next_chunk().await {
            if done == 0.0 {
                Self::step(&mut step, Progress::FirstChunk).await;
            }
            apply_chunk(ws, &chunk?)?;
            done += 1.0;
            Self::step(&mut step, Progress::Chunk(done / steps)).await;
        }
        let log = self.log().await?;
        let batches = log.iter().map(|entry| Batch::decode(entry)).collect::<Result<Vec<_>, _>>()?;
        Self::step(&mut step, Progress::Decoded).await;
        batches.into_iter().for_each(|batch| batch.apply(ws));
        Self::step(&mut step, Progress::Chunk(1.0)).await;
        Ok(log.len())
    }

    async fn step<F: Future<Output = ()>>(step: &mut impl FnMut(Progress) -> Option<F>, progress: Progress) {
        if let Some(pause) = step(progress) {
            pause.await;
        }
    }
}

/// How far a restore is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Progress {
    /// The first chunk has arrived from storage.
    FirstChunk,
    /// The fraction of the snapshot and log applied so far.
    Chunk(f64),
    /// Everything is decoded; the log is about to be applied.
    Decoded,
}
