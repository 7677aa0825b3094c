//! The stored format at the benchmark size (100,000 contacts, 10,000 companies, 20,000 deals,
//! 50,000 activities and their associations): how big the snapshot is in format 1 (JSON) and
//! format 2 (compact binary), and how long encoding, decoding and restoring a workspace take
//! natively. The browser's cold start adds IndexedDB reads and wasm's slower speed.

use std::sync::OnceLock;

use cairn::core::id::IdGen;
use cairn::core::sample::{generate, SampleSize};
use cairn::core::schema::default_schema;
use cairn::core::stored::{decode_chunk, encode_snapshot, restore, restore_bytes, snapshot, Batch, CHUNK_SIZE, FORMAT_VERSION};
use cairn::core::time::Millis;
use cairn::core::workspace::Workspace;

fn sample() -> &'static Workspace {
    static SAMPLE: OnceLock<Workspace> = OnceLock::new();
    SAMPLE.get_or_init(|| {
        let mut ws = Workspace::new(default_schema(), IdGen::new(1, 0));
        generate(ws.schema(), 7, SampleSize::BENCH, Millis(1_795_392_000_000)).load_into(&mut ws);
        ws
    })
}

fn json_chunks() -> &'static Vec<String> {
    static CHUNKS: OnceLock<Vec<String>> = OnceLock::new();
    CHUNKS.get_or_init(|| snapshot(sample(), 2_000).iter().map(Batch::encode).collect())
}

fn compact_chunks() -> &'static Vec<Vec<u8>> {
    static CHUNKS: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    CHUNKS.get_or_init(|| encode_snapshot(sample(), CHUNK_SIZE))
}

fn main() {
    let ws = sample();
    let json: usize = json_chunks().iter().map(String::len).sum();
    let compact: usize = compact_chunks().iter().map(Vec::len).sum();
    println!("snapshot: {} entities", ws.entities().len());
    println!("format 1 (JSON): {} chunks, {:.1} MB", json_chunks().len(), json as f64 / 1e6);
    println!("format 2 (compact): {} chunks, {:.1} MB", compact_chunks().len(), compact as f64 / 1e6);
    divan::main();
}

#[divan::bench(sample_count = 3)]
fn encode_format_1(bencher: divan::Bencher) {
    let ws = sample();
    bencher.bench_local(|| snapshot(ws, 2_000).iter().map(Batch::encode).map(|s| s.len()).sum::<usize>());
}

#[divan::bench(sample_count = 3)]
fn encode_format_2(bencher: divan::Bencher) {
    let ws = sample();
    bencher.bench_local(|| encode_snapshot(ws, CHUNK_SIZE).iter().map(Vec::len).sum::<usize>());
}

#[divan::bench(sample_count = 3)]
fn decode_format_2(bencher: divan::Bencher) {
    let chunks = compact_chunks();
    bencher.bench_local(|| chunks.iter().map(|c| decode_chunk(c).map(|b| b.ops.len()).unwrap_or(0)).sum::<usize>());
}

#[divan::bench(sample_count = 3)]
fn restore_format_1(bencher: divan::Bencher) {
    let chunks = json_chunks();
    bencher.bench_local(|| {
        let mut ws = Workspace::new(default_schema(), IdGen::new(1, 0));
        restore(&mut ws, 1, chunks, &[]).map(|_| ws.len())
    });
}

#[divan::bench(sample_count = 3)]
fn restore_format_2(bencher: divan::Bencher) {
    let chunks = compact_chunks();
    bencher.bench_local(|| {
        let mut ws = Workspace::new(default_schema(), IdGen::new(1, 0));
        restore_bytes(&mut ws, FORMAT_VERSION, chunks, &[]).map(|_| ws.len())
    });
}
