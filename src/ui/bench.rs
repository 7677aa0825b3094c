//! Benchmark fixtures and timing marks.
//!
//! Opening the app with `?bench-seed=N` fills its database with the deterministic sample
//! workspace (N contacts, N/10 companies, N/5 deals, N/2 activities and their associations),
//! written as one snapshot, so that `bench/cold-start.mjs` can time a cold start on realistic
//! data. User Timing marks (`cairn:*`) let the browser's tools and the benchmarks read the
//! same figures.

use crate::core::id::IdGen;
use crate::core::sample::{generate, SampleSize};
use crate::core::schema::default_schema;
use crate::core::stored::{snapshot, Batch, CHUNK_SIZE};
use crate::core::workspace::Workspace;
use crate::storage::idb::Database;
use crate::storage::StorageError;

use super::store::now;

/// The number of contacts asked for by `?bench-seed=N`, if any.
pub fn requested_seed() -> Option<usize> {
    let search = web_sys::window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get("bench-seed")?.parse().ok()
}

/// Replaces the database's content with the sample workspace of `contacts` contacts.
pub async fn seed(db: &Database, device: u64, contacts: usize) -> Result<(), StorageError> {
    let size = SampleSize { contacts, companies: contacts / 10, deals: contacts / 5, activities: contacts / 2 };
    let mut ws = Workspace::new(default_schema(), IdGen::new(device, 0));
    generate(ws.schema(), 7, size, now()).load_into(&mut ws);
    let chunks: Vec<String> = snapshot(&ws, CHUNK_SIZE).iter().map(Batch::encode).collect();
    db.compact(&chunks, device).await?;
    mark("cairn:seeded");
    Ok(())
}

/// Records a User Timing mark.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// Records a User Timing measure from `start` (a mark name, or the navigation when `None`) to now.
pub fn measure(name: &str, start: Option<&str>) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = match start {
            Some(mark) => performance.measure_with_start_mark(name, mark),
            None => performance.measure(name),
        };
    }
}
