//! The JSON backup ("Export" on the Import & export page) at the benchmark size: how long
//! writing and reading it take natively, and how large the file is.

use std::sync::OnceLock;

use cairn::core::backup;
use cairn::core::id::IdGen;
use cairn::core::sample::{generate, SampleSize};
use cairn::core::schema::default_schema;
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

fn main() {
    let text = backup::export(sample(), Millis(0));
    println!("backup of the benchmark workspace: {:.1} MB", text.len() as f64 / 1e6);
    divan::main();
}

#[divan::bench(sample_count = 5)]
fn export(bencher: divan::Bencher) {
    let ws = sample();
    bencher.bench(|| backup::export(ws, Millis(0)).len());
}

#[divan::bench(sample_count = 3)]
fn parse(bencher: divan::Bencher) {
    let text = backup::export(sample(), Millis(0));
    bencher.bench(|| backup::parse(&text).map(|b| b.entities.len()).unwrap_or(0));
}

#[divan::bench(sample_count = 5)]
fn entities_only(bencher: divan::Bencher) {
    let ws = sample();
    bencher.bench(|| ws.entities().len());
}
