//! The workspace in IndexedDB.
//!
//! Three object stores (the layout is explained in `core::stored`):
//! - `meta`: the format version and this device's id;
//! - `snapshot`: chunks of the whole workspace, keyed 0..n (JSON text in format 1, bytes in
//!   format 2);
//! - `log`: one JSON batch per committed command, auto-incremented so replay keeps order.
//!
//! Every method issues all of its requests before awaiting anything, because a transaction
//! commits by itself as soon as the code awaits something that is not one of its requests.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::{closure::Closure, prelude::wasm_bindgen, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStoreParameters, IdbOpenDbRequest, IdbTransaction, IdbTransactionMode};

#[wasm_bindgen]
extern "C" {
    // `transaction(stores, mode, { durability })`: web-sys only exposes the options argument
    // behind its unstable-API flag, so it is bound here directly.
    type DatabaseWithOptions;

    #[wasm_bindgen(method, catch, js_name = transaction)]
    fn transaction_with_options(
        this: &DatabaseWithOptions,
        stores: &Array,
        mode: &str,
        options: &JsValue,
    ) -> Result<IdbTransaction, JsValue>;
}

use super::js::{pending, request, transaction_done};
use super::StorageError;
use crate::core::stored::FORMAT_VERSION;

/// The IndexedDB schema version (object stores); distinct from the JSON format version.
pub const DB_VERSION: u32 = 1;
const META: &str = "meta";
const SNAPSHOT: &str = "snapshot";
const LOG: &str = "log";

/// What storage holds, ready for `core::stored::restore`.
#[derive(Debug, Default)]
pub struct Loaded {
    pub format: u32,
    pub device: Option<u64>,
    /// Each chunk's bytes: format-1 text as UTF-8, or a format-2 binary chunk.
    pub snapshot: Vec<Vec<u8>>,
    pub log: Vec<String>,
}

/// A read in progress (see [`Database::read`]): the log and the snapshot's chunks in order.
pub struct Reading {
    pub format: u32,
    pub device: Option<u64>,
    chunks: std::vec::IntoIter<JsFuture>,
    /// Taken by the first call to [`Reading::log`].
    log: Option<JsFuture>,
}

impl Reading {
    /// A reading from the `meta` store's format and device values and the pending requests
    /// for the snapshot's chunks (in key order) and the log.
    pub fn new(format: &JsValue, device: &JsValue, chunks: Vec<JsFuture>, log: JsFuture) -> Reading {
        Reading {
            // An empty database has no format yet: it is written by this version.
            format: format.as_f64().map(|f| f as u32).unwrap_or(FORMAT_VERSION),
            device: device.as_string().and_then(|s| u64::from_str_radix(&s, 16).ok()),
            chunks: chunks.into_iter(),
            log: Some(log),
        }
    }

    /// How many snapshot chunks are still to come.
    pub fn chunk_count(&self) -> usize {
        self.chunks.len()
    }

    /// The next snapshot chunk's bytes (format-1 text as UTF-8, or a format-2 chunk).
    pub async fn next_chunk(&mut self) -> Option<Result<Vec<u8>, StorageError>> {
        let value = match self.chunks.next()?.await {
            Ok(value) => value,
            Err(e) => return Some(Err(tx_err(e))),
        };
        let bytes = match value.as_string() {
            Some(text) => Some(text.into_bytes()),
            None => value.dyn_into::<Uint8Array>().ok().map(|bytes| bytes.to_vec()),
        };
        Some(bytes.ok_or_else(|| StorageError::Transaction("a snapshot chunk is neither text nor bytes".into())))
    }

    /// The log's batches, in commit order. Its request was issued before the chunks', so it
    /// arrives first.
    pub async fn log(&mut self) -> Result<Vec<String>, StorageError> {
        let log = self.log.take().ok_or_else(|| StorageError::Transaction("the log was taken already".into()))?;
        Ok(strings(&log.await.map_err(tx_err)?))
    }
}

/// A write transaction whose requests are all issued.
pub struct Issued(IdbTransaction);

impl Issued {
    /// Resolves once the transaction is committed.
    pub async fn done(self) -> Result<(), StorageError> {
        transaction_done(&self.0).await.map_err(tx_err)
    }
}

#[derive(Clone, Debug)]
pub struct Database {
    db: IdbDatabase,
}

impl Database {
    /// Wraps a connection opened elsewhere (see `storage::ahead`) at [`DB_VERSION`].
    pub fn from_connection(db: IdbDatabase) -> Database {
        Database { db }
    }

    /// Opens (creating or upgrading) the named database.
    pub async fn open(name: &str) -> Result<Database, StorageError> {
        let window = web_sys::window().ok_or(StorageError::Unavailable)?;
        let factory = window.indexed_db().ok().flatten().ok_or(StorageError::Unavailable)?;
        let open: IdbOpenDbRequest =
            factory.open_with_u32(name, DB_VERSION).map_err(|e| StorageError::from_js(&e, StorageError::Open))?;
        let upgrade = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            let Some(req) = event.target().and_then(|t| t.dyn_into::<IdbOpenDbRequest>().ok()) else { return };
            let Ok(db) = req.result().and_then(|r| r.dyn_into::<IdbDatabase>()) else { return };
            create_stores(&db);
        });
        open.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
        let blocked = Closure::<dyn FnMut()>::new(|| {});
        open.set_onblocked(Some(blocked.as_ref().unchecked_ref()));
        let result = request(&open).await;
        open.set_onupgradeneeded(None);
        open.set_onblocked(None);
        let db: IdbDatabase = result
            .map_err(|e| StorageError::from_js(&e, StorageError::Open))?
            .dyn_into()
            .map_err(|_| StorageError::Open("unexpected result".into()))?;
        Ok(Database { db })
    }

    /// Calls `on_change` when a newer version of the app wants to upgrade the database: the
    /// connection is closed first so the upgrade is not blocked by this tab.
    pub fn on_version_change(&self, on_change: impl Fn() + 'static) {
        let db = self.db.clone();
        let handler = Closure::<dyn Fn()>::new(move || {
            db.close();
            on_change();
        });
        self.db.set_onversionchange(Some(handler.as_ref().unchecked_ref()));
        handler.forget();
    }

    /// Reads everything in one read-only transaction.
    pub async fn load(&self) -> Result<Loaded, StorageError> {
        let mut reading = self.read().await?;
        let mut snapshot = Vec::with_capacity(reading.chunk_count());
        while let Some(chunk) = reading.next_chunk().await {
            snapshot.push(chunk?);
        }
        let (format, device) = (reading.format, reading.device);
        Ok(Loaded { format, device, snapshot, log: reading.log().await? })
    }

    /// Starts reading everything in one read-only transaction and hands the snapshot over
    /// chunk by chunk: every request is issued up front, so the browser reads the next chunks
    /// while the caller decodes the first.
    pub async fn read(&self) -> Result<Reading, StorageError> {
        let tx = self.transaction(&[META, SNAPSHOT, LOG], IdbTransactionMode::Readonly)?;
        let store = |name: &str| tx.object_store(name).map_err(|e| StorageError::from_js(&e, StorageError::Transaction));
        let format_req = store(META)?.get(&"format".into()).map_err(tx_err)?;
        let device_req = store(META)?.get(&"device".into()).map_err(tx_err)?;
        let keys_req = store(SNAPSHOT)?.get_all_keys().map_err(tx_err)?;
        let log = pending(&store(LOG)?.get_all().map_err(tx_err)?);
        let (format, device) = (pending(&format_req), pending(&device_req));
        // Requests made while handling a result still belong to the transaction.
        let keys = Array::from(&request(&keys_req).await.map_err(tx_err)?);
        let snapshot = store(SNAPSHOT)?;
        let chunks = keys.iter().map(|key| snapshot.get(&key).map(|req| pending(&req)).map_err(tx_err)).collect::<Result<Vec<_>, _>>()?;
        let format = format.await.map_err(tx_err)?;
        let device = device.await.map_err(tx_err)?;
        Ok(Reading::new(&format, &device, chunks, log))
    }

    /// Appends one committed batch to the log, durably: resolves once it is on disk.
    pub async fn append(&self, batch: &str) -> Result<(), StorageError> {
        let tx = self.transaction(&[LOG], IdbTransactionMode::Readwrite)?;
        tx.object_store(LOG).and_then(|s| s.add(&JsValue::from_str(batch))).map_err(tx_err)?;
        transaction_done(&tx).await.map_err(tx_err)
    }

    /// Replaces the snapshot and clears the log in one transaction; also stamps the format.
    pub async fn compact(&self, chunks: &[Vec<u8>], device: u64) -> Result<(), StorageError> {
        self.replace_snapshot(chunks.iter().map(Vec::as_slice), device).await
    }

    /// [`Database::compact`] from chunks produced one at a time (e.g.
    /// `core::stored::SnapshotChunks`): each is copied to the browser as soon as it is made and
    /// dropped before the next, so the whole snapshot never sits in wasm memory at once.
    pub async fn replace_snapshot<C: AsRef<[u8]>>(&self, chunks: impl IntoIterator<Item = C>, device: u64) -> Result<(), StorageError> {
        self.issue_snapshot(chunks, device)?.done().await
    }

    /// Issues every request of [`Database::replace_snapshot`] before returning, so a caller
    /// can make the chunks from a borrowed workspace and await the commit after the borrow.
    pub fn issue_snapshot<C: AsRef<[u8]>>(&self, chunks: impl IntoIterator<Item = C>, device: u64) -> Result<Issued, StorageError> {
        let tx = self.transaction(&[META, SNAPSHOT, LOG], IdbTransactionMode::Readwrite)?;
        let issue = || -> Result<(), JsValue> {
            let snapshot = tx.object_store(SNAPSHOT)?;
            snapshot.clear()?;
            for (i, chunk) in chunks.into_iter().enumerate() {
                snapshot.put_with_key(&Uint8Array::from(chunk.as_ref()), &JsValue::from(i as u32))?;
            }
            tx.object_store(LOG)?.clear()?;
            let meta = tx.object_store(META)?;
            meta.put_with_key(&JsValue::from(FORMAT_VERSION), &"format".into())?;
            meta.put_with_key(&JsValue::from_str(&format!("{device:x}")), &"device".into())?;
            Ok(())
        };
        if let Err(e) = issue() {
            let _ = tx.abort();
            return Err(tx_err(e));
        }
        Ok(Issued(tx))
    }

    /// Records the device id (and format) of a new database.
    pub async fn init_meta(&self, device: u64) -> Result<(), StorageError> {
        let tx = self.transaction(&[META], IdbTransactionMode::Readwrite)?;
        let meta = tx.object_store(META).map_err(tx_err)?;
        meta.put_with_key(&JsValue::from(FORMAT_VERSION), &"format".into()).map_err(tx_err)?;
        meta.put_with_key(&JsValue::from_str(&format!("{device:x}")), &"device".into()).map_err(tx_err)?;
        transaction_done(&tx).await.map_err(tx_err)
    }

    pub fn close(&self) {
        self.db.close();
    }

    fn transaction(&self, stores: &[&str], mode: IdbTransactionMode) -> Result<IdbTransaction, StorageError> {
        let names = Array::new();
        for s in stores {
            names.push(&JsValue::from_str(s));
        }
        // User edits must survive a power cut once the UI says "saved".
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"durability".into(), &"strict".into());
        let mode = match mode {
            IdbTransactionMode::Readwrite => "readwrite",
            _ => "readonly",
        };
        self.db.unchecked_ref::<DatabaseWithOptions>().transaction_with_options(&names, mode, &options).map_err(tx_err)
    }
}

fn create_stores(db: &IdbDatabase) {
    let names = db.object_store_names();
    if !names.contains(META) {
        let _ = db.create_object_store(META);
    }
    if !names.contains(SNAPSHOT) {
        let _ = db.create_object_store(SNAPSHOT);
    }
    if !names.contains(LOG) {
        let params = IdbObjectStoreParameters::new();
        params.set_auto_increment(true);
        let _ = db.create_object_store_with_optional_parameters(LOG, &params);
    }
}

fn tx_err(e: JsValue) -> StorageError {
    StorageError::from_js(&e, StorageError::Transaction)
}

fn strings(array: &JsValue) -> Vec<String> {
    Array::from(array).iter().filter_map(|v| v.as_string()).collect()
}
