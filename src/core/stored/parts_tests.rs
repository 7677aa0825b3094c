//! Format 3: a snapshot stores its parts one after the other and says when each is whole, and
//! a restore that applies the log first ends where the snapshot followed by the log does.

use super::tests::every_kind;
use super::*;
use crate::core::change::Entity;
use crate::core::command::{Command, Context};
use crate::core::id::IdGen;
use crate::core::index_table::{default_columns, table_page};
use crate::core::query::{Condition, Filter, Group, Op as QueryOp, Query, Sort};
use crate::core::sample::{generate, SampleSize};
use crate::core::schema::default_schema;
use crate::core::time::Millis;

const NOW: Millis = Millis(1_795_392_000_000);

fn fresh() -> Workspace {
    Workspace::new(default_schema(), IdGen::new(3, 0))
}

fn sample() -> Workspace {
    let mut ws = fresh();
    let size = SampleSize { contacts: 300, companies: 30, deals: 60, activities: 150 };
    generate(ws.schema(), 11, size, NOW).load_into(&mut ws);
    ws
}

/// The part an entity belongs to (`None`: binned records, links, link tombstones).
fn part_of(entity: &Entity) -> Option<Part> {
    match entity {
        Entity::Record(r) => Some(Part::Records(r.object.to_string())),
        Entity::Binned(_) | Entity::Edge(_) | Entity::Unlinked(_) => None,
        Entity::Workflow(_) | Entity::Enrollment(_) | Entity::Outbox(_) | Entity::Notification(_) | Entity::Redirect(_) => None,
        _ => Some(Part::Settings),
    }
}

/// Each chunk's entities and the parts it announces.
fn decoded(chunks: &[Vec<u8>]) -> Vec<(Vec<Entity>, Vec<Part>)> {
    chunks
        .iter()
        .map(|c| {
            let mut entities = Vec::new();
            let done = compact::decode_each(c, |op| entities.extend(op.value)).expect("decodes");
            (entities, done)
        })
        .collect()
}

#[test]
fn a_part_is_announced_by_the_chunk_that_completes_it_and_never_reopened() {
    for ws in [sample(), every_kind().0] {
        for chunk_size in [1, 7, 50, CHUNK_SIZE] {
            let chunks = decoded(&encode_snapshot(&ws, chunk_size));
            let mut announced: Vec<Part> = Vec::new();
            for (i, (entities, done)) in chunks.iter().enumerate() {
                let parts: Vec<Option<Part>> = entities.iter().map(part_of).collect();
                assert!(parts.windows(2).all(|w| w[0] == w[1]), "chunk {i} of {chunk_size} mixes parts");
                for part in parts.iter().flatten() {
                    assert!(!announced.contains(part), "{part:?} announced before chunk {i} of {chunk_size}");
                }
                announced.extend(done.iter().cloned());
            }
            // Every object of the schema is announced, also those without records.
            for object in &ws.schema().objects {
                assert!(announced.contains(&Part::Records(object.name.clone())), "{} announced", object.name);
            }
            assert_eq!(announced.first(), Some(&Part::Settings), "the settings come first");
            let contacts = announced.iter().position(|p| *p == Part::Records("contacts".into()));
            assert_eq!(contacts, Some(1), "contacts are the first records (chunks of {chunk_size})");
        }
    }
}

#[test]
fn records_follow_the_schema_order_and_keep_id_order_within_an_object() {
    let ws = sample();
    let records: Vec<(String, crate::core::id::RecordId)> = decoded(&encode_snapshot(&ws, 97))
        .into_iter()
        .flat_map(|(entities, _)| entities)
        .filter_map(|e| match e {
            Entity::Record(r) => Some((r.object.to_string(), r.id)),
            _ => None,
        })
        .collect();
    let rank = |object: &str| ws.schema().objects.iter().position(|o| o.name == object);
    assert!(records.windows(2).all(|w| (rank(&w[0].0), &w[0].1) < (rank(&w[1].0), &w[1].1)));
    assert_eq!(records.len(), ws.records().count());
}

#[test]
fn the_contacts_table_shows_once_its_part_is_in_and_matches_the_whole_workspace() {
    let mut whole = sample();
    // Edits in the log after the snapshot: the table must show them, not the snapshot's state.
    let chunks = encode_snapshot(&whole, 40);
    let mut log = Vec::new();
    let first = whole.records_of("contacts").map(|r| r.id.clone()).min().expect("a contact");
    for command in [
        Command::UpdateRecord { id: first.clone(), values: vec![("firstname".into(), "Aaron".into())] },
        Command::CreateRecord { object: "contacts".into(), values: vec![("firstname".into(), "Zed".into())] },
    ] {
        let commit = whole.execute(command, &Context::user(NOW)).expect("valid");
        log.push(Batch::from_commit(&commit).encode());
    }
    let query = Query { object: "contacts".into(), filter: Filter::default(), sort: None };
    let columns = default_columns(whole.schema().object("contacts").expect("contacts"));
    let ready = |restore: &Restore, ws: &Workspace| restore.loaded().table_ready(ws.schema(), &query, &columns);
    let page = |ws: &Workspace| table_page(ws, &query, "", &columns, 0, NOW).expect("runs");

    let mut ws = fresh();
    let mut restore = Restore::start(&mut ws, FORMAT_VERSION, &log).expect("log applies");
    let mut applied = 0;
    for chunk in &chunks {
        assert!(!ready(&restore, &ws), "ready before its records are in");
        restore.chunk(&mut ws, chunk).expect("applies");
        applied += 1;
        if ready(&restore, &ws) {
            break;
        }
    }
    assert!(applied < chunks.len(), "the table shows before the last chunk ({applied} of {})", chunks.len());
    assert_eq!(page(&ws), page(&whole));
    assert!(!restore.loaded().has(&Part::Records("companies".into())), "companies come later");
    for chunk in &chunks[applied..] {
        restore.chunk(&mut ws, chunk).expect("applies");
    }
    assert_eq!(ws.entities(), whole.entities());
}

#[test]
fn a_table_that_reads_rollups_or_segments_waits_for_the_whole_workspace() {
    // A contact's number of deals rolls up its links (HubSpot's default property).
    let schema = default_schema();
    let mut loaded = Loaded::default();
    loaded.add(Part::Settings);
    loaded.add(Part::Records("contacts".into()));
    let contacts = |filter: Filter, sort: Option<Sort>| Query { object: "contacts".into(), filter, sort };
    let plain = vec!["firstname".to_string(), "email".to_string()];
    let with_rollup = vec!["firstname".to_string(), "num_associated_deals".to_string()];
    assert!(loaded.table_ready(&schema, &contacts(Filter::default(), None), &plain));
    assert!(!loaded.table_ready(&schema, &contacts(Filter::default(), None), &with_rollup), "a rollup column");
    let by_deals = Some(Sort { property: "num_associated_deals".into(), descending: true });
    assert!(!loaded.table_ready(&schema, &contacts(Filter::default(), by_deals), &plain), "sorted by a rollup");
    let on = |c: Condition| Filter { groups: vec![Group { conditions: vec![c] }] };
    assert!(loaded.table_ready(&schema, &contacts(on(Condition::new("email", QueryOp::IsKnown)), None), &plain));
    assert!(!loaded.table_ready(&schema, &contacts(on(Condition::new("num_associated_deals", QueryOp::IsKnown)), None), &plain), "a rollup condition");
    let segment = Condition::new("", QueryOp::InSegment { segment: "S1".into() });
    assert!(!loaded.table_ready(&schema, &contacts(on(segment), None), &plain), "a segment condition");
    let deals = Query { object: "deals".into(), filter: Filter::default(), sort: None };
    assert!(!loaded.table_ready(&schema, &deals, &["dealname".to_string()]), "deals are not in yet");
    let unknown = Query { object: "nonexistent".into(), filter: Filter::default(), sort: None };
    assert!(!loaded.table_ready(&schema, &unknown, &plain));
    assert!(Loaded::whole().table_ready(&schema, &contacts(Filter::default(), None), &with_rollup));
    let mut no_settings = Loaded::default();
    no_settings.add(Part::Records("contacts".into()));
    assert!(!no_settings.table_ready(&schema, &contacts(Filter::default(), None), &plain), "views and owners are not in yet");
    assert!(no_settings.has_records() && !Loaded::default().has_records());
}

#[test]
fn the_log_first_ends_where_the_snapshot_then_the_log_ends() {
    let (_, log) = every_kind();
    // Every point at which a snapshot could have been taken, with the rest of the log on top.
    for split in 0..=log.len() {
        let mut at_split = fresh();
        restore(&mut at_split, FORMAT_VERSION, &[], &log[..split]).expect("replays");
        for chunk_size in [1, 3, CHUNK_SIZE] {
            let chunks = encode_snapshot(&at_split, chunk_size);
            let mut expected = fresh();
            restore_bytes(&mut expected, FORMAT_VERSION, &chunks, &log[split..]).expect("snapshot, then log");
            let mut ws = fresh();
            let mut restore = Restore::start(&mut ws, FORMAT_VERSION, &log[split..]).expect("log first");
            for chunk in &chunks {
                restore.chunk(&mut ws, chunk).expect("applies");
            }
            assert_eq!(ws.entities(), expected.entities(), "split at {split}, chunks of {chunk_size}");
            // Record numbers count the records the log removed or merged away, too.
            for object in ["contacts", "companies", "deals", "notes"] {
                let create = || Command::CreateRecord { object: object.into(), values: Vec::new() };
                let number = |ws: &mut Workspace| ws.execute(create(), &Context::user(NOW)).ok().and_then(|c| c.subject).and_then(|id| ws.record(&id).map(|r| r.number));
                assert_eq!(number(&mut ws), number(&mut expected), "next {object} number, split at {split}");
            }
        }
    }
}

#[test]
fn a_restore_refuses_a_damaged_log_before_applying_any_of_it() {
    let (_, mut log) = every_kind();
    log.push("{\"ops\": [".into());
    let mut ws = fresh();
    assert!(matches!(Restore::start(&mut ws, FORMAT_VERSION, &log), Err(LoadError::Corrupt(_))));
    assert!(ws.is_empty());
    assert!(matches!(Restore::start(&mut ws, FORMAT_VERSION + 1, &[]), Err(LoadError::NewerFormat(_))));
}

#[test]
fn older_chunks_complete_no_part_until_the_end() {
    let (ws, _) = every_kind();
    let json: Vec<String> = snapshot(&ws, 3).iter().map(Batch::encode).collect();
    let mut back = fresh();
    let mut restore = Restore::start(&mut back, 1, &[]).expect("format 1");
    for chunk in &json {
        assert_eq!(restore.chunk(&mut back, chunk.as_bytes()).expect("applies"), Vec::<Part>::new());
    }
    assert!(!restore.loaded().has(&Part::Settings));
    assert_eq!(back.entities(), ws.entities());
}

#[test]
fn a_chunk_applied_in_slices_ends_where_one_applied_whole_ends() {
    let (_, log) = every_kind();
    let split = log.len() / 2;
    let mut at_split = fresh();
    restore(&mut at_split, FORMAT_VERSION, &[], &log[..split]).expect("replays");
    let chunks = encode_snapshot(&at_split, 5);
    let mut whole = fresh();
    let mut one = Restore::start(&mut whole, FORMAT_VERSION, &log[split..]).expect("log first");
    let whole_parts: Vec<Vec<Part>> = chunks.iter().map(|c| one.chunk(&mut whole, c).expect("applies")).collect();
    for slice in [1, 2, 3, 7] {
        let mut ws = fresh();
        let mut restore = Restore::start(&mut ws, FORMAT_VERSION, &log[split..]).expect("log first");
        for (chunk, expected) in chunks.iter().zip(&whole_parts) {
            let mut applying = Chunk::open(chunk).expect("opens");
            let mut slices = 1;
            let parts = loop {
                match restore.apply(&mut ws, &mut applying, slice).expect("applies") {
                    Some(parts) => break parts,
                    None => slices += 1,
                }
            };
            assert_eq!(&parts, expected, "slices of {slice}");
            assert!(slices >= compact::decode(chunk).expect("decodes").len() / slice, "stopped every {slice} ops");
        }
        assert_eq!(ws.entities(), whole.entities(), "slices of {slice}");
    }
}

#[test]
fn a_damaged_chunk_fails_in_whichever_slice_reaches_the_damage() {
    let chunks = encode_snapshot(&sample(), 100);
    let chunk = &chunks[chunks.len() / 2];
    let mut ws = fresh();
    let mut restore = Restore::start(&mut ws, FORMAT_VERSION, &[]).expect("starts");
    let mut applying = Chunk::open(&chunk[..chunk.len() - 3]).expect("the header is whole");
    let outcome = loop {
        match restore.apply(&mut ws, &mut applying, 10) {
            Ok(Some(_)) => break Ok(()),
            Ok(None) => continue,
            Err(e) => break Err(e),
        }
    };
    assert!(matches!(outcome, Err(LoadError::Corrupt(_))));
    let mut longer = chunk.clone();
    longer.push(0);
    let mut applying = Chunk::open(&longer).expect("the header is whole");
    assert!(matches!(restore.apply(&mut ws, &mut applying, usize::MAX), Err(LoadError::Corrupt(_))), "trailing bytes");
}

#[test]
fn a_record_the_log_merged_away_still_counts_for_the_next_number() {
    let mut ws = fresh();
    let ctx = Context::user(NOW);
    let create = |ws: &mut Workspace, email: &str| {
        let command = Command::CreateRecord { object: "contacts".into(), values: vec![("email".into(), email.into())] };
        ws.execute(command, &ctx).expect("created").subject.expect("an id")
    };
    let kept = create(&mut ws, "kept@example.com");
    let merged = create(&mut ws, "merged@example.com");
    let chunks = encode_snapshot(&ws, CHUNK_SIZE);
    let commit = ws.execute(Command::MergeRecords { primary: kept, secondary: merged }, &ctx).expect("merged");
    let log = vec![Batch::from_commit(&commit).encode()];
    let mut restored = fresh();
    let mut restore = Restore::start(&mut restored, FORMAT_VERSION, &log).expect("log first");
    for chunk in &chunks {
        restore.chunk(&mut restored, chunk).expect("applies");
    }
    let third = create(&mut restored, "third@example.com");
    assert_eq!(restored.record(&third).map(|r| r.number), Some(3), "number 2 is not given again");
}
