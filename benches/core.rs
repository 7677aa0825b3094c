//! Performance targets of the core, at 100,000 contacts, 10,000 companies, 20,000 deals,
//! 50,000 activities and about 200,000 association edges.
//!
//! `cargo bench --bench core` prints the memory per contact first (measured with a counting
//! allocator), then divan's timings. Targets: search ≤ 1 ms per keystroke, filter + sort +
//! first page ≤ 5 ms, board totals ≤ 0.5 ms, one validated update ≤ 10 µs, memory ≤ 1 KB
//! per contact with 12 set properties. The first query on a property also builds its column
//! index (for a rollup, computed from the links), so a query bench's slowest sample is that
//! one-time build.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, AtomicUsize, Ordering};
use std::sync::{LazyLock, Mutex};

use cairn::core::board::{board_columns, board_totals, BoardFilter, BoardSpec};
use cairn::core::command::{Command, Context};
use cairn::core::id::{IdGen, RecordId};
use cairn::core::record::HistoryEntry;
use cairn::core::query::{self, Condition, Filter, Group, Op, Page, Query, Sort};
use cairn::core::sample::{generate, SampleSize};
use cairn::core::schema::default_schema;
use cairn::core::search::{search, SearchIndex};
use cairn::core::time::Millis;
use cairn::core::workspace::Workspace;

/// Counts live heap bytes, so a data structure's size is the difference before and after.
struct Counting;

static LIVE: AtomicIsize = AtomicIsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(new_size as isize - layout.size() as isize, Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const NOW: Millis = Millis(1_795_392_000_000);
const SEED: u64 = 2026;

/// 100,000 contacts, 10,000 companies, 20,000 deals, and activities enough to bring the
/// association edges to about 200,000.
fn bench_size() -> SampleSize {
    SampleSize::BENCH
}

static WORKSPACE: LazyLock<Mutex<Workspace>> = LazyLock::new(|| {
    let mut ws = Workspace::new(default_schema(), IdGen::new(1, 0));
    generate(ws.schema(), SEED, bench_size(), NOW).load_into(&mut ws);
    Mutex::new(ws)
});

static CONTACT_IDS: LazyLock<Vec<RecordId>> = LazyLock::new(|| {
    let ws = WORKSPACE.lock().expect("workspace");
    ws.records_of("contacts").map(|r| r.id.clone()).collect()
});

/// Bytes the previous record layout (a map from name to history vector) would take for
/// the same values, for comparison.
fn map_layout_bytes(records: &[cairn::core::record::Record]) -> isize {
    use std::collections::BTreeMap;
    let start = LIVE.load(Ordering::Relaxed);
    let maps: Vec<BTreeMap<String, Vec<HistoryEntry>>> = records
        .iter()
        .map(|r| r.props.names().map(|n| (n.to_string(), r.history(n))).collect())
        .collect();
    let bytes = LIVE.load(Ordering::Relaxed) - start;
    drop(maps);
    bytes
}

fn memory_report() {
    let schema = default_schema();
    let before = LIVE.load(Ordering::Relaxed);
    // Companies too, so every contact has its company name: 12 set properties.
    let mut sample = generate(&schema, SEED, SampleSize { contacts: 100_000, companies: 10_000, deals: 0, activities: 0 }, NOW);
    sample.records.retain(|r| r.object == "contacts");
    sample.records.shrink_to_fit();
    sample.associations = Vec::new();
    let props: usize = sample.records.iter().map(|r| r.props.len()).sum();
    let props_bytes = {
        let start = LIVE.load(Ordering::Relaxed);
        let copy: Vec<_> = sample.records.iter().map(|r| r.props.clone()).collect();
        let bytes = LIVE.load(Ordering::Relaxed) - start;
        drop(copy);
        bytes
    };
    let old_props_bytes = map_layout_bytes(&sample.records);
    let search_bytes = {
        let start = LIVE.load(Ordering::Relaxed);
        let mut index = SearchIndex::default();
        for r in &sample.records {
            index.insert(&schema, r);
        }
        LIVE.load(Ordering::Relaxed) - start
    };
    let mut ws = Workspace::new(schema, IdGen::new(1, 0));
    sample.load_into(&mut ws);
    // The sample was consumed: everything still live is the workspace.
    let total = LIVE.load(Ordering::Relaxed) - before;
    let n = ws.len() as f64;
    println!("memory at {} contacts, {:.1} set properties each (bytes per contact):", ws.len(), props as f64 / n);
    println!("  workspace total                   {:>5.0}", total as f64 / n);
    println!("  - search index                    {:>5.0}", search_bytes as f64 / n);
    println!("  - records, ids, unique-value index {:>4.0}", (total - search_bytes) as f64 / n);
    println!("    - property values and history   {:>5.0}  (as a map of vectors: {:.0})", props_bytes as f64 / n, old_props_bytes as f64 / n);
}

fn main() {
    memory_report();
    let started = std::time::Instant::now();
    let sample = generate(&default_schema(), SEED, SampleSize::BENCH, NOW);
    println!("sample data: {} records, {} association pairs in {:?}", sample.records.len(), sample.associations.len(), started.elapsed());
    drop(sample);
    LazyLock::force(&CONTACT_IDS);
    LazyLock::force(&BUSIEST);
    {
        let ws = WORKSPACE.lock().expect("workspace");
        println!("bench workspace: {} records, {} association edges", ws.len(), ws.associations().edges().count());
    }
    divan::main();
}

#[divan::bench(args = ["m", "mar", "mull", "zo", "kowal", "lef", "王", "zoe m", "+33 6 1"])]
fn search_first_50(bencher: divan::Bencher, text: &str) {
    let ws = WORKSPACE.lock().expect("workspace");
    bencher.bench_local(|| search(&ws, "contacts", divan::black_box(text), 50).len());
}

fn two_conditions() -> Query {
    let stage = Condition::new("lifecyclestage", Op::IsAnyOf { values: vec!["lead".into(), "customer".into()] });
    let country = Condition::new("country", Op::Is { value: "France".into() });
    Query {
        object: "contacts".into(),
        filter: Filter { groups: vec![Group { conditions: vec![stage, country] }] },
        sort: Some(Sort { property: "lastname".into(), descending: false }),
    }
}

#[divan::bench]
fn filter_sort_first_page(bencher: divan::Bencher) {
    let ws = WORKSPACE.lock().expect("workspace");
    let q = two_conditions();
    bencher.bench_local(|| query::run(&ws, divan::black_box(&q), Page::first(50), NOW).map(|r| r.total).unwrap_or(0));
}

#[divan::bench]
fn filter_sort_first_page_broad(bencher: divan::Bencher) {
    // About half of all contacts match, so sorting dominates.
    let ws = WORKSPACE.lock().expect("workspace");
    let stage = Condition::new("lifecyclestage", Op::IsKnown);
    let name = Condition::new("firstname", Op::Contains { value: "a".into() });
    let q = Query {
        object: "contacts".into(),
        filter: Filter { groups: vec![Group { conditions: vec![stage, name] }] },
        sort: Some(Sort { property: "lastname".into(), descending: true }),
    };
    bencher.bench_local(|| query::run(&ws, divan::black_box(&q), Page::first(50), NOW).map(|r| r.total).unwrap_or(0));
}

/// A filter and sort on a rollup: companies with more than 10 contacts, most first. The
/// first sample also computes the rollup column for all 10,000 companies from the links.
#[divan::bench]
fn filter_sort_by_rollup(bencher: divan::Bencher) {
    let ws = WORKSPACE.lock().expect("workspace");
    let q = Query {
        object: "companies".into(),
        filter: Filter { groups: vec![Group { conditions: vec![Condition::new("num_associated_contacts", Op::Gt { value: "10".into() })] }] },
        sort: Some(Sort { property: "num_associated_contacts".into(), descending: true }),
    };
    bencher.bench_local(|| query::run(&ws, divan::black_box(&q), Page::first(50), NOW).map(|r| r.total).unwrap_or(0));
}

#[divan::bench]
fn board_totals_20k_deals(bencher: divan::Bencher) {
    let ws = WORKSPACE.lock().expect("workspace");
    let spec = BoardSpec::deals();
    bencher.bench_local(|| board_totals(&ws, divan::black_box(&spec)));
}

/// What the board page draws: every deal scanned for its column, 40 cards per column.
#[divan::bench]
fn board_columns_20k_deals(bencher: divan::Bencher) {
    let ws = WORKSPACE.lock().expect("workspace");
    let Some(pipeline) = ws.pipelines().get("default").cloned() else { return };
    bencher.bench_local(|| board_columns(&ws, divan::black_box(&pipeline), &BoardFilter::default(), 40, NOW).len());
}

#[divan::bench]
fn validated_update_with_history(bencher: divan::Bencher) {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let mut ws = WORKSPACE.lock().expect("workspace");
    let ids = &*CONTACT_IDS;
    bencher.bench_local(|| {
        // A different contact each time, so no history grows without bound.
        let i = NEXT.fetch_add(1, Ordering::Relaxed);
        let id = ids[i % ids.len()].clone();
        let title = if (i / ids.len()).is_multiple_of(2) { "Head of Coffee" } else { "Roaster" };
        let command = Command::UpdateRecord { id, values: vec![("jobtitle".into(), title.into())] };
        ws.execute(command, &Context::user(Millis(NOW.0 + i as i64))).is_ok()
    });
}

/// For each object type, the record of that type with the most associations: the worst
/// case of a record page's association cards.
static BUSIEST: LazyLock<Vec<(String, RecordId)>> = LazyLock::new(|| {
    let ws = WORKSPACE.lock().expect("workspace");
    ["contacts", "companies", "deals"]
        .iter()
        .filter_map(|object| {
            let busiest = ws.records_of(object).max_by_key(|r| (ws.associations().edges_of(&r.id).count(), r.id.clone()))?;
            Some((object.to_string(), busiest.id.clone()))
        })
        .collect()
});

/// All associations of a record, by object type (what the record page's cards show).
#[divan::bench(args = ["contacts", "companies", "deals"])]
fn associations_of_a_record_by_type(bencher: divan::Bencher, object: &str) {
    // Before taking the lock: finding the busiest records takes it too.
    let Some((_, id)) = BUSIEST.iter().find(|(o, _)| o == object) else { return };
    let ws = WORKSPACE.lock().expect("workspace");
    bencher.bench_local(|| {
        ["contacts", "companies", "deals", "calls", "notes", "meetings", "tasks", "emails"]
            .iter()
            .map(|other| ws.associated(divan::black_box(id), other).len())
            .sum::<usize>()
    });
}

/// The floor of any unindexed query: visiting every contact once.
#[divan::bench]
fn scan_every_contact(bencher: divan::Bencher) {
    let ws = WORKSPACE.lock().expect("workspace");
    let key = cairn::core::prop_key::PropKey::of("lifecyclestage");
    bencher.bench_local(|| ws.records_of("contacts").filter(|r| r.get_key(key).is_some()).count());
}
