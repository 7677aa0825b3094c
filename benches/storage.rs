//! The stored format at the benchmark size (100,000 contacts, 10,000 companies, 20,000 deals,
//! 50,000 activities and their associations): how big the snapshot is, and how long encoding
//! it and restoring a workspace from it take natively. The browser's cold start adds
//! IndexedDB reads and wasm's slower speed to the restore figure.

use cairn::core::id::IdGen;
use cairn::core::sample::{generate, SampleSize};
use cairn::core::schema::default_schema;
use cairn::core::stored::{restore, snapshot, Batch, CHUNK_SIZE, FORMAT_VERSION};
use cairn::core::time::Millis;
use cairn::core::workspace::Workspace;

fn sample() -> Workspace {
    let mut ws = Workspace::new(default_schema(), IdGen::new(1, 0));
    generate(ws.schema(), 7, SampleSize::BENCH, Millis(1_795_392_000_000)).load_into(&mut ws);
    ws
}

fn main() {
    let ws = sample();
    let chunks: Vec<String> = snapshot(&ws, CHUNK_SIZE).iter().map(Batch::encode).collect();
    let bytes: usize = chunks.iter().map(String::len).sum();
    println!("snapshot: {} entities in {} chunks, {:.1} MB of JSON", ws.entities().len(), chunks.len(), bytes as f64 / 1e6);
    divan::main();
}

#[divan::bench(sample_count = 5)]
fn encode_snapshot(bencher: divan::Bencher) {
    let ws = sample();
    bencher.bench_local(|| snapshot(&ws, CHUNK_SIZE).iter().map(Batch::encode).map(|s| s.len()).sum::<usize>());
}

#[divan::bench(sample_count = 5)]
fn restore_from_snapshot(bencher: divan::Bencher) {
    let chunks: Vec<String> = snapshot(&sample(), CHUNK_SIZE).iter().map(Batch::encode).collect();
    bencher.bench_local(|| {
        let mut ws = Workspace::new(default_schema(), IdGen::new(1, 0));
        restore(&mut ws, FORMAT_VERSION, &chunks, &[]).map(|_| ws.len())
    });
}
