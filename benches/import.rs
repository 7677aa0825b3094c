//! CSV import at scale: 100,000 generated contact rows (deterministic), with the HubSpot
//! header row of a real export, one row in fifty invalid and one in twenty a repeat of an
//! earlier email (so it updates). Target: parse + map + validate + apply ≤ 10 s including
//! persistence in the browser (`bench/import.mjs`); natively the core's share is measured here.
//!
//! `cargo bench --bench import` times parsing alone, the dry run (import + revert) and the
//! import, and encoding its commit as the one storage batch the browser writes.

use cairn::core::command::Context;
use cairn::core::csv::{auto_map, import_table, parse_csv, preview_import, Dedup, ImportOptions};
use cairn::core::id::IdGen;
use cairn::core::schema::default_schema;
use cairn::core::stored::Batch;
use cairn::core::time::Millis;
use cairn::core::workspace::Workspace;

const ROWS: usize = 100_000;

fn main() {
    divan::main();
}

/// The benchmark file: `rows` contacts as a HubSpot export would list them.
pub fn generated_csv(rows: usize) -> String {
    let mut out = String::from("Record ID,First Name,Last Name,Email,Phone Number,Job Title,City,Associated Company\n");
    for i in 0..rows {
        let email = if i % 50 == 7 {
            format!("broken-{i}")
        } else if i % 20 == 3 {
            format!("person{}@example.com", i - 1)
        } else {
            format!("person{i}@example.com")
        };
        out.push_str(&format!(",First{i},\"Last, {i}\",{email},+1 555 {:07},Engineer,City {},\n", i, i % 300));
    }
    out
}

fn options(ws: &Workspace, header: &[String]) -> ImportOptions {
    ImportOptions { object: "contacts".into(), columns: auto_map(ws.schema(), "contacts", header), create_missing: false, dedup: Dedup::Update }
}

fn workspace() -> Workspace {
    Workspace::new(default_schema(), IdGen::new(9, 0))
}

#[divan::bench(sample_count = 3)]
fn parse_100k(bencher: divan::Bencher) {
    let text = generated_csv(ROWS);
    bencher.bench(|| parse_csv(divan::black_box(text.as_bytes())).map(|t| t.rows.len()));
}

#[divan::bench(sample_count = 3)]
fn dry_run_100k(bencher: divan::Bencher) {
    let text = generated_csv(ROWS);
    bencher.with_inputs(workspace).bench_local_values(|mut ws| {
        let table = parse_csv(text.as_bytes()).expect("parses");
        let options = options(&ws, &table.header);
        preview_import(&mut ws, &table, &options, &Context::user(Millis(1))).created
    });
}

#[divan::bench(sample_count = 3)]
fn import_100k(bencher: divan::Bencher) {
    let text = generated_csv(ROWS);
    bencher.with_inputs(workspace).bench_local_values(|mut ws| {
        let table = parse_csv(text.as_bytes()).expect("parses");
        let options = options(&ws, &table.header);
        let report = import_table(&mut ws, &table, &options, &Context::user(Millis(1)));
        assert!(report.created > 90_000, "{} created", report.created);
        (ws, report)
    });
}

#[divan::bench(sample_count = 3)]
fn import_and_encode_batch_100k(bencher: divan::Bencher) {
    let text = generated_csv(ROWS);
    bencher.with_inputs(workspace).bench_local_values(|mut ws| {
        let table = parse_csv(text.as_bytes()).expect("parses");
        let options = options(&ws, &table.header);
        let report = import_table(&mut ws, &table, &options, &Context::user(Millis(1)));
        let batch = Batch::from_commit(&report.commit).encode();
        (ws, batch.len())
    });
}
