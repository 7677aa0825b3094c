//! The stored formats: compact chunks round-trip every entity kind, refuse damage without
//! panicking, and the released format-1 and format-2 fixtures still open (and migrate)
//! unchanged.

use serde::Deserialize;

use super::tests::every_kind;
use super::*;
use crate::core::id::IdGen;
use crate::core::schema::default_schema;

/// What a format-1 or format-2 database held, as `tests/fixtures/format-N.json` keeps it
/// (format-2 chunks as hexadecimal text).
#[derive(Deserialize)]
struct Fixture {
    format: u32,
    device: String,
    snapshot: Vec<String>,
    log: Vec<String>,
}

fn fresh() -> Workspace {
    Workspace::new(default_schema(), IdGen::new(3, 0))
}

#[test]
fn compact_chunks_round_trip_every_entity_kind() {
    let (ws, _) = every_kind();
    for chunk_size in [1, 4, CHUNK_SIZE] {
        let chunks = encode_snapshot(&ws, chunk_size);
        assert!(chunks.iter().all(|c| compact::is_compact(c)));
        let mut back = fresh();
        restore_bytes(&mut back, FORMAT_VERSION, &chunks, &[]).expect("loads");
        assert_eq!(back.entities(), ws.entities(), "chunks of {chunk_size}");
    }
}

#[test]
fn chunks_encoded_from_borrowed_entities_are_the_bytes_of_the_copied_ops() {
    let (ws, _) = every_kind();
    for chunk_size in [1, 3, CHUNK_SIZE] {
        let chunks = SnapshotChunks::new(&ws, chunk_size);
        let count = chunks.len();
        let chunks: Vec<Vec<u8>> = chunks.collect();
        assert_eq!(chunks.len(), count);
        for chunk in chunks {
            let mut ops = Vec::new();
            let done = compact::decode_each(&chunk, |op| ops.push(op)).expect("decodes");
            assert_eq!(compact::encode(&ops, &done), chunk, "chunks of {chunk_size}");
        }
    }
}

#[test]
fn compact_chunks_are_less_than_half_the_size_of_json() {
    let mut ws = fresh();
    let sample = crate::core::sample::generate(ws.schema(), 7, crate::core::sample::SampleSize::DEMO, crate::core::time::Millis(1_795_392_000_000));
    sample.load_into(&mut ws);
    let json: usize = snapshot(&ws, CHUNK_SIZE).iter().map(|b| b.encode().len()).sum();
    let compact: usize = encode_snapshot(&ws, CHUNK_SIZE).iter().map(Vec::len).sum();
    assert!(compact * 5 < json * 2, "compact {compact} bytes, JSON {json} bytes");
    let mut back = fresh();
    restore_bytes(&mut back, FORMAT_VERSION, &encode_snapshot(&ws, CHUNK_SIZE), &[]).expect("loads");
    assert_eq!(back.entities(), ws.entities());
}

#[test]
fn a_damaged_chunk_is_refused_and_never_panics() {
    let (ws, _) = every_kind();
    // Chunks after the first hold records, links and redirects (the first holds the schema).
    let chunks = encode_snapshot(&ws, 4);
    for chunk in &chunks[1..] {
        // Every truncation is an error; a flipped byte anywhere is an error or decodes to
        // something, and never panics or allocates without bound.
        for end in 0..chunk.len() {
            assert!(decode_chunk(&chunk[..end]).is_err(), "truncated at {end}");
        }
        for at in compact::MAGIC.len()..chunk.len() {
            let mut damaged = chunk.clone();
            damaged[at] ^= 0xA5;
            let _ = decode_chunk(&damaged);
        }
    }
    let chunk = chunks[chunks.len() - 1].clone();
    let mut longer = chunk.clone();
    longer.push(0);
    assert!(matches!(decode_chunk(&longer), Err(LoadError::Corrupt(_))));
    let mut ws = fresh();
    assert!(restore_bytes(&mut ws, FORMAT_VERSION, &[chunk[..chunk.len() / 2].to_vec()], &[]).is_err());
    assert!(ws.is_empty(), "nothing applied from damaged data");
}

#[test]
fn the_released_format_1_fixture_opens_into_the_same_workspace() {
    let fixture: Fixture = serde_json::from_str(include_str!("../../../tests/fixtures/format-1.json")).expect("fixture parses");
    assert_eq!((fixture.format, fixture.device.as_str()), (1, "3"));
    assert!(!fixture.snapshot.is_empty() && !fixture.log.is_empty(), "the fixture covers both snapshot and log");
    let mut opened = fresh();
    restore(&mut opened, fixture.format, &fixture.snapshot, &fixture.log).expect("format 1 opens");
    // What the fixture was written from (every entity kind of format 1), checked fact by fact
    // so that later changes to the test workspace cannot hide a lost field.
    let kinds: Vec<&str> = opened.entities().iter().map(super::tests::kind).collect();
    for kind in ["schema", "association_defs", "owner", "record", "binned", "edge", "redirect"] {
        assert!(kinds.contains(&kind), "{kind} survives");
    }
    let ada = opened.records().find(|r| r.text("email") == "ada@example.com").expect("Ada is there");
    assert_eq!(ada.text("firstname"), "Augusta");
    assert_eq!(ada.props.history(crate::core::prop_key::PropKey::of("firstname")).count(), 1);
    let acme = opened.records().find(|r| r.text("domain") == "acme.com").expect("Acme is there");
    let link = opened.associations().edge(&ada.id, &acme.id).expect("Ada works at Acme");
    assert!(link.labels.contains("primary"));
    assert_eq!(opened.binned().count(), 1);
    // Migrated: written again in the current format, it reads back the same.
    let mut migrated = fresh();
    restore_bytes(&mut migrated, FORMAT_VERSION, &encode_snapshot(&opened, CHUNK_SIZE), &[]).expect("the current format opens");
    assert_eq!(migrated.entities(), opened.entities());
}

fn unhex(text: &str) -> Vec<u8> {
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(&text[i..i + 2], 16).expect("hex")).collect()
}

/// Opens a fixture of a compact format (chunks in hexadecimal) written from [`every_kind`]'s
/// log: the snapshot after all but the last two commands, those two in the log.
fn opens_every_kind(text: &str, format: u32, magic: &[u8]) -> Workspace {
    let fixture: Fixture = serde_json::from_str(text).expect("fixture parses");
    assert_eq!((fixture.format, fixture.device.as_str()), (format, "3"));
    let chunks: Vec<Vec<u8>> = fixture.snapshot.iter().map(|c| unhex(c)).collect();
    assert!(chunks.len() > 1 && chunks.iter().all(|c| c.starts_with(magic)), "format-{format} chunks");
    assert!(!fixture.log.is_empty());
    let mut opened = fresh();
    restore_bytes(&mut opened, fixture.format, &chunks, &fixture.log).expect("the fixture opens");
    // What it was written from: every entity kind, checked fact by fact.
    let kinds: std::collections::BTreeSet<&str> = opened.entities().iter().map(super::tests::kind).collect();
    let all = ["association_defs", "binned", "edge", "enrollment", "notification", "outbox", "owner", "pipeline", "record", "redirect", "schema", "segment", "unlinked", "view", "workflow"];
    assert_eq!(kinds, all.into_iter().collect());
    let ada = opened.records().find(|r| r.text("email") == "ada@example.com").expect("Ada is there");
    assert_eq!(ada.text("firstname"), "Augusta", "merged");
    let acme = opened.records().find(|r| r.text("domain") == "acme.com").expect("Acme is there");
    assert!(opened.associations().edge(&ada.id, &acme.id).expect("Ada works at Acme").labels.contains("primary"));
    assert_eq!(opened.binned().count(), 1);
    assert_eq!(opened.automation().workflows().count(), 1);
    // The app's restore (log first) opens it the same way; format 2 completes no part before
    // the end, format 3 announces the settings and every object.
    let mut app = fresh();
    let mut restore = Restore::start(&mut app, fixture.format, &fixture.log).expect("log applies");
    let parts: Vec<Part> = chunks.iter().flat_map(|chunk| restore.chunk(&mut app, chunk).expect("applies")).collect();
    assert_eq!(app.entities(), opened.entities());
    assert_eq!(parts.contains(&Part::Settings), format >= 3);
    // Migrated: written again in the current format, it reads back the same.
    let mut migrated = fresh();
    restore_bytes(&mut migrated, FORMAT_VERSION, &encode_snapshot(&opened, CHUNK_SIZE), &[]).expect("the current format opens");
    assert_eq!(migrated.entities(), opened.entities());
    opened
}

#[test]
fn the_released_format_2_fixture_opens_into_the_same_workspace() {
    opens_every_kind(include_str!("../../../tests/fixtures/format-2.json"), 2, compact::MAGIC);
}

#[test]
fn the_released_format_3_fixture_opens_into_the_same_workspace() {
    let format_3 = opens_every_kind(include_str!("../../../tests/fixtures/format-3.json"), 3, compact::MAGIC3);
    let format_2 = opens_every_kind(include_str!("../../../tests/fixtures/format-2.json"), 2, compact::MAGIC);
    assert_eq!(format_3.entities(), format_2.entities(), "both fixtures hold the same workspace");
}
