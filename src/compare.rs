//! Cairn's engine as JavaScript functions, for the side-by-side benchmark (`bench/compare/`).
//!
//! Opened as `index.html?compare-engine`, the page does not mount the app; the benchmark
//! calls these exports through `window.wasmBindings` instead. They run the real core
//! (`core::compare`) on a workspace persisted in IndexedDB exactly as the app persists its
//! own (snapshot + log, strict durability), in a database of its own so that the app's data
//! is never touched.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

use crate::core::command::Context;
use crate::core::compare::{self, ops};
use crate::core::id::IdGen;
use crate::core::schema::default_schema;
use crate::core::stored::{Batch, SnapshotChunks, CHUNK_SIZE};
use crate::core::time::Millis;
use crate::core::workspace::Workspace;
use crate::storage::idb::Database;

const DATABASE: &str = "cairn-compare";
const DEVICE: u64 = 0xC0FFEE;

thread_local! {
    static ENGINE: RefCell<Option<(Workspace, Database)>> = const { RefCell::new(None) };
}

/// Whether this page is the benchmark's engine page rather than the app.
pub fn is_engine_page() -> bool {
    web_sys::window().and_then(|w| w.location().search().ok()).is_some_and(|s| s.contains("compare-engine"))
}

fn now() -> Millis {
    Millis(js_sys::Date::now() as i64)
}

fn fail(e: impl ToString) -> JsValue {
    JsValue::from_str(&e.to_string())
}

fn to_js<T: serde::Serialize>(value: &T) -> Result<String, JsValue> {
    serde_json::to_string(value).map_err(fail)
}

fn with<T>(f: impl FnOnce(&Workspace) -> T) -> Result<T, JsValue> {
    ENGINE.with_borrow(|engine| engine.as_ref().map(|(ws, _)| f(ws))).ok_or_else(|| fail("the engine is not open"))
}

/// The benchmark's data set of `contacts` contacts, as JSON, from Cairn's own generator.
#[wasm_bindgen]
pub fn compare_dataset(contacts: u32, now_ms: f64) -> Result<String, JsValue> {
    to_js(&compare::dataset(&default_schema(), contacts as usize, 7, Millis(now_ms as i64)))
}

/// Bulk import: the data set through the command path, then persisted as one snapshot.
/// Resolves with the number of records once they are queryable and on disk. The text, the
/// rows and each snapshot chunk are dropped as soon as they are used: at a million contacts
/// wasm32's 4 GB would not hold them all next to the workspace.
#[wasm_bindgen]
pub async fn compare_import(dataset: String) -> Result<u32, JsValue> {
    let mut ws = Workspace::new(default_schema(), IdGen::new(DEVICE, 0));
    let created = compare::import_text(&mut ws, dataset).map_err(fail)?;
    let db = Database::open(DATABASE).await.map_err(fail)?;
    db.replace_snapshot(SnapshotChunks::new(&ws, CHUNK_SIZE), DEVICE).await.map_err(fail)?;
    ENGINE.set(Some((ws, db)));
    Ok(created as u32)
}

/// Cold start: opens the stored workspace the way the app does at start-up.
#[wasm_bindgen]
pub async fn compare_open() -> Result<u32, JsValue> {
    let db = Database::open(DATABASE).await.map_err(fail)?;
    let reading = db.read().await.map_err(fail)?;
    let mut ws = Workspace::new(default_schema(), IdGen::new(DEVICE, 0));
    reading.restore_into(&mut ws, |_| None::<std::future::Ready<()>>).await.map_err(fail)?;
    let count = ws.len() as u32;
    ENGINE.set(Some((ws, db)));
    Ok(count)
}

/// The first table's rows (JSON), newest contacts first.
#[wasm_bindgen]
pub fn compare_first_page() -> Result<String, JsValue> {
    with(|ws| to_js(&ops::first_page(ws, now())))?
}

/// One keystroke of as-you-type search: the first page of matches (JSON list of emails).
#[wasm_bindgen]
pub fn compare_search(text: &str) -> Result<String, JsValue> {
    with(|ws| to_js(&ops::search(ws, text, ops::PAGE)))?
}

#[wasm_bindgen]
pub fn compare_search_count(text: &str) -> Result<String, JsValue> {
    with(|ws| to_js(&ops::search_count(ws, text)))?
}

/// The two-condition filter, sorted, first page; `now_ms` is the data set's `now`.
#[wasm_bindgen]
pub fn compare_filter(now_ms: f64) -> Result<String, JsValue> {
    with(|ws| to_js(&ops::filter_page(ws, Millis(now_ms as i64))))?
}

#[wasm_bindgen]
pub fn compare_board() -> Result<String, JsValue> {
    with(|ws| to_js(&ops::board(ws)))?
}

#[wasm_bindgen]
pub fn compare_company_contacts(domain: &str) -> Result<String, JsValue> {
    with(|ws| to_js(&ops::company_contacts(ws, domain)))?
}

/// One edit, committed to IndexedDB (strict durability) before it resolves.
#[wasm_bindgen]
pub async fn compare_edit(email: String, city: String) -> Result<(), JsValue> {
    let (batch, db) = ENGINE.with_borrow_mut(|engine| {
        let (ws, db) = engine.as_mut().ok_or_else(|| fail("the engine is not open"))?;
        let command = ops::edit(ws, &email, &city).ok_or_else(|| fail("no such contact"))?;
        let commit = ws.execute(command, &Context::user(now())).map_err(fail)?;
        Ok::<_, JsValue>((Batch::from_commit(&commit).encode(), db.clone()))
    })?;
    db.append(&batch).await.map_err(fail)
}

/// The full JSON backup; resolves with its length in bytes (the text stays in wasm).
#[wasm_bindgen]
pub fn compare_export() -> Result<u32, JsValue> {
    with(|ws| crate::core::backup::export(ws, now()).len() as u32)
}

/// The bytes of wasm memory in use (the JS heap is read by the benchmark).
#[wasm_bindgen]
pub fn compare_wasm_memory() -> f64 {
    wasm_bindgen::memory().dyn_into::<js_sys::WebAssembly::Memory>().map_or(0.0, |m| m.buffer().dyn_into::<js_sys::ArrayBuffer>().map_or(0.0, |b| b.byte_length() as f64))
}
