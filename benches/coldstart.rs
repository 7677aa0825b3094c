//! Where a cold start's time goes, natively, at the benchmark size (100,000 contacts,
//! 10,000 companies, 20,000 deals, 50,000 activities and their associations): decoding the
//! snapshot, inserting the records, linking the associations, the first table (which
//! builds the column it sorts by), and the indexes built after it (search, unique values).
//!
//! Each phase is timed alone on a workspace prepared outside the timing, so the split adds up
//! to roughly `restore_and_warm`. The browser's figures are larger (wasm, IndexedDB reads).

use std::sync::OnceLock;

use cairn::core::association::{default_associations, Associations};
use cairn::core::change::Entity;
use cairn::core::id::IdGen;
use cairn::core::index_table::{default_columns, table_page};
use cairn::core::query::{Filter, Query};
use cairn::core::sample::{generate, SampleSize};
use cairn::core::schema::default_schema;
use cairn::core::search::SearchIndex;
use cairn::core::stored::{decode_chunk, encode_snapshot, reserve_for, Batch, Restore, CHUNK_SIZE, FORMAT_VERSION};
use cairn::core::time::Millis;
use cairn::core::value::Value;
use cairn::core::workspace::Workspace;

const NOW: Millis = Millis(1_795_392_000_000);

fn sample() -> &'static Workspace {
    static SAMPLE: OnceLock<Workspace> = OnceLock::new();
    SAMPLE.get_or_init(|| {
        let mut ws = Workspace::new(default_schema(), IdGen::new(1, 0));
        generate(ws.schema(), 7, SampleSize::BENCH, NOW).load_into(&mut ws);
        ws
    })
}

fn chunks() -> &'static Vec<Vec<u8>> {
    static CHUNKS: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    CHUNKS.get_or_init(|| encode_snapshot(sample(), CHUNK_SIZE))
}

fn decoded() -> Vec<Batch> {
    chunks().iter().filter_map(|c| decode_chunk(c).ok()).collect()
}

/// A restore the way the app does it (`storage::restore`): the (empty) log, then each chunk
/// decoded straight into a fresh workspace as it arrives.
fn restored() -> Workspace {
    let mut ws = Workspace::new(default_schema(), IdGen::new(1, 0));
    if let Ok(mut restore) = Restore::start(&mut ws, FORMAT_VERSION, &[]) {
        for chunk in chunks() {
            let _ = restore.chunk(&mut ws, chunk);
        }
    }
    ws
}

/// A restore up to the moment the contacts table can show: the settings and every contact.
fn restored_to_contacts() -> Workspace {
    let mut ws = Workspace::new(default_schema(), IdGen::new(1, 0));
    let query = Query { object: "contacts".into(), filter: Filter::default(), sort: None };
    let columns = default_columns(ws.schema().object("contacts").expect("contacts"));
    if let Ok(mut restore) = Restore::start(&mut ws, FORMAT_VERSION, &[]) {
        for chunk in chunks() {
            let _ = restore.chunk(&mut ws, chunk);
            if restore.loaded().table_ready(ws.schema(), &query, &columns) {
                break;
            }
        }
    }
    ws
}

/// The snapshot's ops split in two: records, and everything else.
fn split(batches: Vec<Batch>) -> (Batch, Batch) {
    let (records, rest) = batches.into_iter().flat_map(|b| b.ops).partition(|op| matches!(op.value, Some(Entity::Record(_))));
    (Batch { ops: records }, Batch { ops: rest })
}

fn main() {
    println!("snapshot: {} entities in {} chunks", sample().entities().len(), chunks().len());
    divan::main();
}

/// The whole snapshot restored, as before the first table when the first screen is not an
/// index page. The workspace is returned so that
/// divan drops it outside the timing: a page never frees its workspace while it loads.
#[divan::bench(sample_count = 3)]
fn restore_total(bencher: divan::Bencher) {
    bencher.bench_local(restored);
}

/// What a cold start does before the contacts table shows; the rest loads behind it.
#[divan::bench(sample_count = 3)]
fn restore_to_contacts(bencher: divan::Bencher) {
    bencher.bench_local(restored_to_contacts);
}

/// The whole load including the indexes built after the first table.
#[divan::bench(sample_count = 3)]
fn restore_and_warm(bencher: divan::Bencher) {
    bencher.bench_local(|| {
        let ws = restored();
        ws.warm_indexes();
        ws.len()
    });
}

#[divan::bench(sample_count = 3)]
fn phase_1_decode(bencher: divan::Bencher) {
    bencher.bench_local(|| decoded().len());
}

/// Inserting the decoded records (the workspace holds the schema and other entities).
#[divan::bench(sample_count = 3)]
fn phase_2_insert_records(bencher: divan::Bencher) {
    bencher
        .with_inputs(|| {
            let (records, rest) = split(decoded());
            let mut ws = Workspace::new(default_schema(), IdGen::new(1, 0));
            let edgeless = Batch { ops: rest.ops.into_iter().filter(|op| !matches!(op.value, Some(Entity::Edge(_)))).collect() };
            edgeless.apply(&mut ws);
            let records = vec![records];
            reserve_for(&mut ws, &records);
            (ws, records)
        })
        .bench_local_values(|(mut ws, records)| {
            records.into_iter().for_each(|b| b.apply(&mut ws));
            ws
        });
}

/// Storing every decoded edge (the adjacency index waits for its first use).
#[divan::bench(sample_count = 3)]
fn phase_3_associations(bencher: divan::Bencher) {
    bencher
        .with_inputs(|| {
            let edges: Vec<_> = decoded()
                .into_iter()
                .flat_map(|b| b.ops)
                .filter_map(|op| match op.value {
                    Some(Entity::Edge(edge)) => Some(edge),
                    _ => None,
                })
                .collect();
            (Associations::new(default_associations()), edges)
        })
        .bench_local_values(|(mut index, edges)| {
            index.reserve(edges.len());
            edges.into_iter().for_each(|e| {
                index.insert(e);
            });
            index
        });
}

/// The adjacency index of every edge, built on first use after the first table.
#[divan::bench(sample_count = 3)]
fn phase_7_adjacency(bencher: divan::Bencher) {
    bencher
        .with_inputs(|| {
            let mut index = Associations::new(default_associations());
            sample().entities().into_iter().for_each(|e| {
                if let Entity::Edge(edge) = e {
                    index.insert(edge);
                }
            });
            index
        })
        .bench_local_refs(|index| {
            index.warm();
        });
}

/// The first page of the contacts table as the app opens it (builds the columns it needs).
#[divan::bench(sample_count = 3)]
fn phase_4_first_table(bencher: divan::Bencher) {
    let columns = sample().schema().object("contacts").map(default_columns).unwrap_or_default();
    let query = Query { object: "contacts".into(), filter: Filter::default(), sort: None };
    bencher.with_inputs(restored).bench_local_refs(|ws| table_page(ws, &query, "", &columns, 0, NOW).map(|p| p.total));
}

/// The search index, built in one pass after the first table.
#[divan::bench(sample_count = 3)]
fn phase_5_search_index(bencher: divan::Bencher) {
    let ws = sample();
    bencher.bench_local(|| SearchIndex::build(ws.schema(), ws.records()));
}

/// The unique-value index (emails, domains), built by the first lookup.
#[divan::bench(sample_count = 3)]
fn phase_6_unique_index(bencher: divan::Bencher) {
    let email = Value::Text("nobody@example.org".into());
    bencher.with_inputs(restored).bench_local_refs(|ws| ws.find_unique("contacts", "email", &email).is_some());
}
