//! Benchmark fixtures and timing marks.
//!
//! Opening the app with `?bench-seed=N` fills its database with the deterministic sample
//! workspace (N contacts, N/10 companies, N/5 deals, N/2 activities and their associations),
//! written as one snapshot, so that `bench/cold-start.mjs` can time a cold start on realistic
//! data. User Timing marks (`cairn:*`) let the browser's tools and the benchmarks read the
//! same figures.
//!
//! `?bench-bulk=N` writes N generated contacts as one batch once the app has loaded, the
//! way an import does: the crash test kills the browser in the middle of that write.
//!
//! `?bench-catchup=N` fills the database with N contacts whose workflow delay fell due a day
//! ago (`core::workflow::fixture`); the workflow runner measures its catch-up as
//! `cairn:catchup` (`bench/catchup.mjs`).

use leptos::prelude::*;

use crate::core::change::{Change, Commit, Entity, EntityKey};
use crate::core::id::IdGen;
use crate::core::sample::{generate, SampleSize};
use crate::core::schema::default_schema;
use crate::core::stored::{encode_snapshot, Batch, CHUNK_SIZE};
use crate::core::workspace::Workspace;
use crate::storage::idb::Database;
use crate::storage::StorageError;

use super::store::{now, Store};

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
    let chunks = encode_snapshot(&ws, CHUNK_SIZE);
    db.compact(&chunks, device).await?;
    mark("cairn:seeded");
    Ok(())
}

/// The number of overdue workflow actions asked for by `?bench-catchup=N`, if any.
pub fn requested_catch_up() -> Option<usize> {
    let search = web_sys::window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get("bench-catchup")?.parse().ok()
}

/// Replaces the database's content with the catch-up fixture of `contacts` waiting contacts.
pub async fn seed_catch_up(db: &Database, device: u64, contacts: usize) -> Result<(), StorageError> {
    let mut ws = Workspace::new(default_schema(), IdGen::new(device, 0));
    // A fixture the core refuses leaves the database as it was; the benchmark then times out.
    if crate::core::workflow::fixture::catch_up(&mut ws, contacts, now()).is_err() {
        return Ok(());
    }
    let chunks = encode_snapshot(&ws, CHUNK_SIZE);
    db.compact(&chunks, device).await?;
    mark("cairn:seeded");
    Ok(())
}

/// The number of contacts asked for by `?bench-bulk=N`, if any.
fn requested_bulk() -> Option<usize> {
    let search = web_sys::window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get("bench-bulk")?.parse().ok()
}

/// Writes `?bench-bulk=N` generated contacts in one batch, like an import of N rows (the
/// same steps as `Store::apply`, with marks between them): `cairn:bulk-writing` once the
/// batch is encoded and its transaction is being issued, `cairn:bulk-saved` once it is stored.
pub async fn run_requested_bulk(store: Store) {
    let Some(contacts) = requested_bulk() else { return };
    let size = SampleSize { contacts, companies: 0, deals: 0, activities: 0 };
    let Some(commit) = store.ws.try_update(|ws| {
        let sample = generate(ws.schema(), 11, size, now());
        let mut changes = Vec::with_capacity(sample.records.len());
        for record in sample.records {
            if ws.record(&record.id).is_some() {
                continue;
            }
            let key = EntityKey::Record(record.id.clone());
            let after = Some(Entity::Record(record));
            ws.put(key.clone(), after.clone());
            changes.push(Change { key, before: None, after });
        }
        Commit { changes, subject: None }
    }) else {
        return;
    };
    let batch = Batch::from_commit(&commit).encode();
    mark("cairn:bulk-writing");
    match store.persist(&batch).await {
        Ok(()) => mark("cairn:bulk-saved"),
        Err(_) => store.ws.update(|ws| ws.revert(&commit)),
    }
}

/// Records a User Timing mark.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// Runs `f` as the User Timing measure `name` (e.g. `cairn:query`), so the browser's
/// performance panel and the benchmarks see each screen's main operation.
pub fn timed<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let start = format!("{name}-start");
    mark(&start);
    let out = f();
    measure_latest(name, &start);
    out
}

/// Records the measure `name` from the mark `start` to now, keeping only the latest measure
/// of that name and dropping the mark, so a long session does not pile up entries.
pub fn measure_latest(name: &str, start: &str) {
    let Some(performance) = web_sys::window().and_then(|w| w.performance()) else { return };
    performance.clear_measures_with_measure_name(name);
    let _ = performance.measure_with_start_mark(name, start);
    performance.clear_marks_with_mark_name(start);
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

/// Records `cairn:cold-start` (navigation → the first table usable) once per page load:
/// called in the first frame after an index page showed its table, or after everything
/// loaded when the page opened on another screen. The first call counts.
pub fn first_table_usable() {
    let Some(performance) = web_sys::window().and_then(|w| w.performance()) else { return };
    if performance.get_entries_by_name_with_entry_type("cairn:cold-start", "measure").length() == 0 {
        let _ = performance.mark("cairn:first-table");
        let _ = performance.measure("cairn:cold-start");
    }
}

/// [`first_table_usable`] in the next frame: the table just rendered is painted by then.
pub fn first_table_shown() {
    let on_frame = wasm_bindgen::closure::Closure::once_into_js(first_table_usable);
    if let Some(window) = web_sys::window() {
        let _ = window.request_animation_frame(wasm_bindgen::JsCast::unchecked_ref(&on_frame));
    }
}
