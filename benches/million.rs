//! Where the memory of the side-by-side benchmark's import goes, natively, at a million
//! contacts (or the size given: `cargo bench --bench million -- 100000`).
//!
//! The browser's import (`src/compare.rs`) takes the data set as JSON text, parses it,
//! imports it through the command path and writes it as snapshot chunks; wasm32 has a 4 GB
//! address space and its memory never shrinks, so what matters is the *peak* of live heap
//! across those steps. A counting global allocator reports, per step, the live bytes after it
//! and the peak during it. Native pointers are twice wasm32's, so the figures overstate the
//! browser's a little. A figure, not a timed test: the numbers are printed, never asserted.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Instant;

use cairn::core::backup;
use cairn::core::compare;
use cairn::core::id::IdGen;
use cairn::core::schema::default_schema;
use cairn::core::stored::{restore_bytes, SnapshotChunks, CHUNK_SIZE, FORMAT_VERSION};
use cairn::core::time::Millis;
use cairn::core::workspace::Workspace;

/// Counts live and peak heap bytes on top of the system allocator.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Relaxed) + layout.size();
        PEAK.fetch_max(live, Relaxed);
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        // SAFETY: `ptr` was allocated by `alloc` above with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size >= layout.size() {
            let live = LIVE.fetch_add(new_size - layout.size(), Relaxed) + new_size - layout.size();
            PEAK.fetch_max(live, Relaxed);
        } else {
            LIVE.fetch_sub(layout.size() - new_size, Relaxed);
        }
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const NOW: Millis = Millis(1_767_225_600_000);

fn mb(bytes: usize) -> String {
    format!("{:>7.0} MB", bytes as f64 / 1_048_576.0)
}

/// Runs one step and prints its time, the live heap after it and the peak during it.
fn step<T>(name: &str, f: impl FnOnce() -> T) -> T {
    PEAK.store(LIVE.load(Relaxed), Relaxed);
    let started = Instant::now();
    let out = f();
    let ms = started.elapsed().as_millis();
    println!("{name:<44} {ms:>7} ms   live {}   peak {}", mb(LIVE.load(Relaxed)), mb(PEAK.load(Relaxed)));
    out
}

fn main() {
    let contacts = std::env::args().skip(1).find_map(|a| a.parse::<usize>().ok()).unwrap_or(1_000_000);
    println!("{contacts} contacts");
    let text = step("data set as JSON text (what JS passes in)", || {
        serde_json::to_string(&compare::dataset(&default_schema(), contacts, 7, NOW)).unwrap_or_default()
    });
    println!("  text: {}", mb(text.len()));
    let mut ws = Workspace::new(default_schema(), IdGen::new(0xC0FFEE, 0));
    let created = step("parse, drop the text, import (import_text)", || compare::import_text(&mut ws, text));
    let Ok(created) = created else { return println!("import refused: {created:?}") };
    println!("  {created} records");
    let bytes = step("snapshot chunks, one at a time", || SnapshotChunks::new(&ws, CHUNK_SIZE).map(|chunk| chunk.len()).sum::<usize>());
    println!("  snapshot: {}", mb(bytes));
    let chunks: Vec<Vec<u8>> = SnapshotChunks::new(&ws, CHUNK_SIZE).collect();
    let exported = step("full JSON export", || backup::export(&ws, NOW).len());
    println!("  export: {}", mb(exported));
    step("search index (first keystroke)", || ws.warm_indexes());
    drop(ws);
    let restored = step("cold start: restore from the chunks", || {
        let mut ws = Workspace::new(default_schema(), IdGen::new(1, 0));
        restore_bytes(&mut ws, FORMAT_VERSION, &chunks, &[]).map(|()| ws)
    });
    drop(chunks);
    if let Ok(ws) = restored {
        println!("  {} records; live without the chunks {}", ws.len(), mb(LIVE.load(Relaxed)));
    }
}
