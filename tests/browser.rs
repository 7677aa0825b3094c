//! Browser tests of the storage adapters, run in headless Chromium by wasm-bindgen-test.
#![cfg(target_arch = "wasm32")]

use cairn::core::command::{Command, Context};
use cairn::core::id::IdGen;
use cairn::core::schema::default_schema;
use cairn::core::stored::{encode_snapshot, restore, restore_bytes, Batch, Loaded, Part, FORMAT_VERSION};
use cairn::core::time::Millis;
use cairn::core::workspace::Workspace;
use cairn::storage::idb::Database;
use cairn::storage::js::{request, transaction_done};
use cairn::storage::StorageError;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn unique_name(test: &str) -> String {
    format!("cairn-test-{test}-{}", js_sys::Math::random())
}

fn contact_batch(ws: &mut Workspace, email: &str, t: i64) -> String {
    let cmd = Command::CreateRecord { object: "contacts".into(), values: vec![("email".into(), email.into())] };
    let commit = ws.execute(cmd, &Context::user(Millis(t))).expect("valid contact");
    Batch::from_commit(&commit).encode()
}

#[wasm_bindgen_test]
async fn a_fresh_database_loads_empty() {
    let db = Database::open(&unique_name("fresh")).await.expect("opens");
    let loaded = db.load().await.expect("loads");
    assert_eq!(loaded.format, FORMAT_VERSION);
    assert_eq!(loaded.device, None);
    assert!(loaded.snapshot.is_empty() && loaded.log.is_empty());
}

#[wasm_bindgen_test]
async fn appended_batches_read_back_in_order_and_rebuild_the_workspace() {
    let name = unique_name("append");
    let db = Database::open(&name).await.expect("opens");
    db.init_meta(0xABCDEF).await.expect("meta");
    let mut ws = Workspace::new(default_schema(), IdGen::new(1, 0));
    for (i, email) in ["a@x.org", "b@x.org", "c@x.org"].iter().enumerate() {
        db.append(&contact_batch(&mut ws, email, i as i64)).await.expect("appends");
    }
    db.close();

    let reopened = Database::open(&name).await.expect("reopens");
    let loaded = reopened.load().await.expect("loads");
    assert_eq!(loaded.device, Some(0xABCDEF));
    assert_eq!(loaded.log.len(), 3);
    let mut fresh = Workspace::new(default_schema(), IdGen::new(1, 0));
    restore_bytes(&mut fresh, loaded.format, &loaded.snapshot, &loaded.log).expect("restores");
    assert_eq!(fresh.entities(), ws.entities());
}

#[wasm_bindgen_test]
async fn compaction_replaces_the_log_with_a_snapshot() {
    let db = Database::open(&unique_name("compact")).await.expect("opens");
    let mut ws = Workspace::new(default_schema(), IdGen::new(1, 0));
    for i in 0..5 {
        db.append(&contact_batch(&mut ws, &format!("p{i}@x.org"), i)).await.expect("appends");
    }
    let chunks = encode_snapshot(&ws, 2);
    db.compact(&chunks, 7).await.expect("compacts");
    let loaded = db.load().await.expect("loads");
    assert!(loaded.log.is_empty());
    assert_eq!(loaded.snapshot, chunks, "format-2 chunks are stored as bytes and read back unchanged");
    let mut fresh = Workspace::new(default_schema(), IdGen::new(1, 0));
    restore_bytes(&mut fresh, loaded.format, &loaded.snapshot, &loaded.log).expect("restores");
    assert_eq!(fresh.entities(), ws.entities());
}

#[wasm_bindgen_test]
async fn writing_to_a_closed_database_reports_a_transaction_error() {
    let db = Database::open(&unique_name("closed")).await.expect("opens");
    db.close();
    match db.append("{\"ops\":[]}").await {
        Err(StorageError::Transaction(why)) => assert!(why.contains("InvalidStateError"), "{why}"),
        other => panic!("expected a transaction error, got {other:?}"),
    }
}

#[wasm_bindgen_test]
async fn opening_a_database_from_a_newer_version_reports_the_cause() {
    let name = unique_name("newer");
    // Another (newer) build created the database at a higher version.
    let factory = web_sys::window().and_then(|w| w.indexed_db().ok().flatten()).expect("indexedDB");
    let req = factory.open_with_u32(&name, 99).expect("open request");
    let newer: web_sys::IdbDatabase = request(&req).await.expect("opens at 99").dyn_into().expect("a database");
    newer.close();
    match Database::open(&name).await {
        Err(StorageError::Open(why)) => assert!(why.contains("VersionError"), "{why}"),
        other => panic!("expected an open error, got {other:?}"),
    }
}

/// The database `name` opened without the app's adapter, with a read-write transaction over
/// its three stores: for writing what an older version of Cairn left behind.
async fn raw_write(name: &str) -> (web_sys::IdbDatabase, web_sys::IdbTransaction) {
    let factory = web_sys::window().and_then(|w| w.indexed_db().ok().flatten()).expect("indexedDB");
    let raw: web_sys::IdbDatabase = request(&factory.open(name).expect("open request")).await.expect("opens").dyn_into().expect("a database");
    let stores = js_sys::Array::of3(&"meta".into(), &"snapshot".into(), &"log".into());
    let tx = raw.transaction_with_str_sequence_and_mode(&stores, web_sys::IdbTransactionMode::Readwrite).expect("transaction");
    (raw, tx)
}

/// Appends `log` in the transaction from [`raw_write`], then waits for the commit and closes.
async fn log_and_close(raw: web_sys::IdbDatabase, tx: web_sys::IdbTransaction, log: &[String]) {
    for entry in log {
        tx.object_store("log").and_then(|s| s.add(&entry.as_str().into())).expect("log entry");
    }
    transaction_done(&tx).await.expect("written");
    raw.close();
}

/// What a format-1 database held: `tests/fixtures/format-1.json`.
#[derive(serde::Deserialize)]
struct Format1 {
    device: String,
    snapshot: Vec<String>,
    log: Vec<String>,
}

#[wasm_bindgen_test]
async fn a_format_1_database_opens_and_migrates_to_the_current_format() {
    let fixture: Format1 = serde_json::from_str(include_str!("fixtures/format-1.json")).expect("fixture parses");
    let name = unique_name("format-1");
    // Write the fixture the way format-1 Cairn left it: text chunks, text log, format 1.
    Database::open(&name).await.expect("creates the stores").close();
    let (raw, tx) = raw_write(&name).await;
    let meta = tx.object_store("meta").expect("meta");
    meta.put_with_key(&1.into(), &"format".into()).expect("format");
    meta.put_with_key(&fixture.device.as_str().into(), &"device".into()).expect("device");
    for (i, chunk) in fixture.snapshot.iter().enumerate() {
        tx.object_store("snapshot").and_then(|s| s.put_with_key(&chunk.as_str().into(), &(i as u32).into())).expect("chunk");
    }
    log_and_close(raw, tx, &fixture.log).await;

    // The app's load path: read everything, restore, and rewrite an older format.
    let db = Database::open(&name).await.expect("opens");
    let loaded = db.load().await.expect("loads");
    assert_eq!((loaded.format, loaded.device), (1, Some(3)));
    let mut opened = Workspace::new(default_schema(), IdGen::new(3, 0));
    restore_bytes(&mut opened, loaded.format, &loaded.snapshot, &loaded.log).expect("format 1 opens");
    let mut expected = Workspace::new(default_schema(), IdGen::new(3, 0));
    restore(&mut expected, 1, &fixture.snapshot, &fixture.log).expect("the fixture replays");
    assert_eq!(opened.entities(), expected.entities());
    assert!(opened.len() >= 3 && opened.binned().count() == 1, "records and the recycle bin came back");

    db.compact(&encode_snapshot(&opened, 4), 3).await.expect("migrates");
    let migrated = db.load().await.expect("loads again");
    assert_eq!(migrated.format, FORMAT_VERSION);
    assert!(migrated.log.is_empty());
    let mut reopened = Workspace::new(default_schema(), IdGen::new(3, 0));
    restore_bytes(&mut reopened, migrated.format, &migrated.snapshot, &migrated.log).expect("the current format opens");
    assert_eq!(reopened.entities(), expected.entities());
}

/// What a format-2 database held: `tests/fixtures/format-2.json` (chunks in hexadecimal).
#[derive(serde::Deserialize)]
struct Format2 {
    device: String,
    snapshot: Vec<String>,
    log: Vec<String>,
}

fn unhex(text: &str) -> Vec<u8> {
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(&text[i..i + 2], 16).expect("hex")).collect()
}

#[wasm_bindgen_test]
async fn a_format_2_database_opens_through_the_apps_restore_and_migrates() {
    let fixture: Format2 = serde_json::from_str(include_str!("fixtures/format-2.json")).expect("fixture parses");
    let chunks: Vec<Vec<u8>> = fixture.snapshot.iter().map(|c| unhex(c)).collect();
    let name = unique_name("format-2");
    // Written the way format-2 Cairn left it: byte chunks, text log, format 2.
    let db = Database::open(&name).await.expect("creates the stores");
    db.compact(&chunks, 3).await.expect("writes the chunks");
    db.close();
    let (raw, tx) = raw_write(&name).await;
    tx.object_store("meta").and_then(|m| m.put_with_key(&2.into(), &"format".into())).expect("format");
    log_and_close(raw, tx, &fixture.log).await;

    let db = Database::open(&name).await.expect("opens");
    let reading = db.read().await.expect("reads");
    assert_eq!((reading.format, reading.device), (2, Some(u64::from_str_radix(&fixture.device, 16).expect("hex id"))));
    let mut opened = Workspace::new(default_schema(), IdGen::new(3, 0));
    let mut parts = 0;
    let log = reading
        .restore_into(&mut opened, |progress| {
            parts += usize::from(matches!(progress, cairn::storage::restore::Progress::Parts(_)));
            None::<std::future::Ready<()>>
        })
        .await
        .expect("format 2 opens");
    assert_eq!((log, parts), (fixture.log.len(), 0), "format 2 announces no parts");
    let mut expected = Workspace::new(default_schema(), IdGen::new(3, 0));
    restore_bytes(&mut expected, 2, &chunks, &fixture.log).expect("the fixture replays");
    assert_eq!(opened.entities(), expected.entities());
    assert_eq!(opened.binned().count(), 1, "the recycle bin came back");

    db.replace_snapshot(cairn::core::stored::SnapshotChunks::new(&opened, 4), 3).await.expect("migrates");
    let migrated = db.load().await.expect("loads again");
    assert_eq!(migrated.format, FORMAT_VERSION);
    let mut reopened = Workspace::new(default_schema(), IdGen::new(3, 0));
    restore_bytes(&mut reopened, migrated.format, &migrated.snapshot, &migrated.log).expect("the current format opens");
    assert_eq!(reopened.entities(), expected.entities());
}

#[wasm_bindgen_test]
async fn an_encrypted_backup_decrypts_with_its_passphrase_only() {
    use cairn::core::backup::envelope;
    use cairn::storage::crypto::{decrypt, encrypt, CryptoError};

    let plain = r#"{"format":"cairn-backup","version":1,"exported_at":0,"entities":[]} é 中"#;
    let sealed = encrypt(plain, "correct horse").await.expect("encrypts");
    assert!(envelope::is_encrypted(&sealed));
    assert!(!sealed.contains("cairn-backup\""), "the plain text does not show through");
    assert_eq!(decrypt(&sealed, "correct horse").await.as_deref(), Ok(plain));
    assert_eq!(decrypt(&sealed, "wrong horse").await, Err(CryptoError::WrongPassphrase));
    // Two exports of the same text differ: fresh salt and nonce every time.
    assert_ne!(encrypt(plain, "correct horse").await.expect("encrypts"), sealed);
    // A flipped byte of ciphertext fails authentication like a wrong passphrase.
    let mut opened = envelope::open(&sealed).expect("valid container");
    opened.data[0] ^= 1;
    assert_eq!(decrypt(&envelope::seal(&opened), "correct horse").await, Err(CryptoError::WrongPassphrase));
}

#[wasm_bindgen_test]
async fn a_streamed_read_restores_snapshot_then_log_and_reports_each_chunk() {
    let db = Database::open(&unique_name("streamed")).await.expect("opens");
    let mut ws = Workspace::new(default_schema(), IdGen::new(1, 0));
    for i in 0..5 {
        db.append(&contact_batch(&mut ws, &format!("s{i}@x.org"), i)).await.expect("appends");
    }
    db.replace_snapshot(cairn::core::stored::SnapshotChunks::new(&ws, 2), 7).await.expect("compacts");
    // Two more commands after the snapshot land in the log and must be applied after it.
    for i in 5..7 {
        db.append(&contact_batch(&mut ws, &format!("s{i}@x.org"), i)).await.expect("appends");
    }
    let reading = db.read().await.expect("reads");
    let chunks = reading.chunk_count();
    assert!(chunks >= 3, "five contacts in chunks of two: {chunks} chunks");
    let mut seen = Vec::new();
    let mut fresh = Workspace::new(default_schema(), IdGen::new(1, 0));
    let log = reading
        .restore_into(&mut fresh, |progress| {
            seen.push(progress);
            None::<std::future::Ready<()>>
        })
        .await
        .expect("restores");
    assert_eq!(log, 2);
    assert_eq!(fresh.entities(), ws.entities());
    use cairn::storage::restore::Progress;
    assert_eq!(seen.first(), Some(&Progress::FirstChunk));
    assert_eq!(seen.iter().filter(|p| **p == Progress::Applied).count(), 1);
    // Format 3 announces the parts as they become whole: the settings, then the contacts.
    let parts: Vec<&Loaded> = seen.iter().filter_map(|p| if let Progress::Parts(l) = p { Some(l) } else { None }).collect();
    assert!(parts.first().is_some_and(|l| l.has(&Part::Settings) && !l.has_records()), "settings first: {parts:?}");
    assert!(parts.iter().any(|l| l.has(&Part::Records("contacts".into()))), "contacts announced: {parts:?}");
    let fractions: Vec<f64> = seen.iter().filter_map(|p| if let Progress::Chunk(f) = p { Some(*f) } else { None }).collect();
    assert_eq!(fractions.len(), chunks);
    assert!(fractions.windows(2).all(|w| w[0] < w[1]), "progress only grows: {fractions:?}");
    assert_eq!(fractions.last(), Some(&1.0));
}

/// Runs `assets/read-ahead.js` as the page does, but against the database `name`.
fn start_read_ahead(name: &str) {
    let script = include_str!("../assets/read-ahead.js");
    assert!(script.contains("open('cairn')"), "the script opens the app's database");
    let script = script.replace("open('cairn')", &format!("open('{name}')"));
    js_sys::Function::new_no_args(&script).call0(&wasm_bindgen::JsValue::NULL).expect("the script runs");
}

async fn database_names() -> Vec<String> {
    let factory = web_sys::window().and_then(|w| w.indexed_db().ok().flatten()).expect("indexedDB");
    let list = js_sys::Reflect::get(&factory, &"databases".into()).expect("databases()");
    let promise: js_sys::Promise = list.unchecked_ref::<js_sys::Function>().call0(&factory).expect("lists").dyn_into().expect("a promise");
    let infos = js_sys::Array::from(&wasm_bindgen_futures::JsFuture::from(promise).await.expect("listed"));
    infos.iter().filter_map(|info| js_sys::Reflect::get(&info, &"name".into()).ok()?.as_string()).collect()
}

#[wasm_bindgen_test]
async fn reading_ahead_hands_the_stored_workspace_and_connection_to_the_app() {
    let name = unique_name("ahead");
    let db = Database::open(&name).await.expect("opens");
    let mut ws = Workspace::new(default_schema(), IdGen::new(1, 0));
    for i in 0..5 {
        db.append(&contact_batch(&mut ws, &format!("r{i}@x.org"), i)).await.expect("appends");
    }
    db.replace_snapshot(cairn::core::stored::SnapshotChunks::new(&ws, 2), 7).await.expect("compacts");
    db.append(&contact_batch(&mut ws, "after@x.org", 9)).await.expect("appends");
    db.close();

    start_read_ahead(&name);
    let (taken, reading) = cairn::storage::ahead::take().await.expect("the read-ahead is taken over");
    assert_eq!((reading.format, reading.device), (FORMAT_VERSION, Some(7)));
    assert!(reading.chunk_count() >= 3);
    let mut fresh = Workspace::new(default_schema(), IdGen::new(1, 0));
    let log = reading.restore_into(&mut fresh, |_| None::<std::future::Ready<()>>).await.expect("restores");
    assert_eq!(log, 1);
    assert_eq!(fresh.entities(), ws.entities());
    // The connection is the app's now: it writes, and the read-ahead is not taken twice.
    taken.append(&contact_batch(&mut ws, "later@x.org", 10)).await.expect("the taken connection writes");
    assert_eq!(taken.load().await.expect("loads").log.len(), 2);
    assert!(cairn::storage::ahead::take().await.is_none());
}

#[wasm_bindgen_test]
async fn reading_ahead_creates_no_database_and_yields_to_other_layouts() {
    let missing = unique_name("ahead-missing");
    start_read_ahead(&missing);
    assert!(cairn::storage::ahead::take().await.is_none(), "nothing stored: nothing to take");
    assert!(!database_names().await.contains(&missing), "the app creates its database, not the read-ahead");

    // A database at another layout version is left to `Database::open`, unblocked.
    let other = unique_name("ahead-layout");
    let factory = web_sys::window().and_then(|w| w.indexed_db().ok().flatten()).expect("indexedDB");
    let req = factory.open_with_u32(&other, 5).expect("open request");
    // The same stores as the app's, so only the version tells them apart.
    let upgrade = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(|event: web_sys::Event| {
        let target = event.target().expect("the request");
        let result = target.unchecked_ref::<web_sys::IdbOpenDbRequest>().result().expect("a database");
        let db = result.unchecked_ref::<web_sys::IdbDatabase>();
        for store in ["meta", "snapshot", "log"] {
            db.create_object_store(store).expect("creates the store");
        }
    });
    req.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let created: web_sys::IdbDatabase = request(&req).await.expect("opens at 5").dyn_into().expect("a database");
    created.close();
    start_read_ahead(&other);
    assert!(cairn::storage::ahead::take().await.is_none(), "another layout is not read ahead");
    let upgrade = factory.open_with_u32(&other, 6).expect("open request");
    let upgraded: web_sys::IdbDatabase = request(&upgrade).await.expect("the upgrade is not blocked").dyn_into().expect("a database");
    assert_eq!(upgraded.version(), 6.0);
    upgraded.close();
}
