//! The repository service: the workspace in memory, kept in step with IndexedDB.
//!
//! Every write goes `dispatch(command)` → `Workspace::execute` (validate + apply) → one
//! IndexedDB transaction → done. If the transaction fails, the commit is reverted in memory
//! and the caller gets the storage error, so the screen never shows unsaved data as saved.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::{BroadcastChannel, MessageEvent};
use thiserror::Error;

use crate::core::change::Commit;
use crate::core::command::{Command, CommandError, Context};
use crate::core::i18n::Msg;
use crate::core::id::IdGen;
use crate::core::schema::default_schema;
use crate::core::absorb::absorb;
use crate::core::query::Query;
use crate::core::stored::{Batch, Loaded, Op, Part, SnapshotChunks, CHUNK_SIZE, FORMAT_VERSION};
use crate::core::time::Millis;
use crate::core::workspace::Workspace;
use crate::storage::idb::{Database, Reading};
use crate::storage::restore::{Progress, Target};
use crate::storage::{self, StorageError};
use crate::ui::bench;

/// The database's name in IndexedDB (also written in `assets/read-ahead.js`).
pub const DB_NAME: &str = "cairn";

/// The BroadcastChannel on which tabs announce their commits.
const CHANGES_CHANNEL: &str = "cairn-changes";

/// Log entries after which start-up folds the log into a new snapshot.
const COMPACT_AFTER: usize = 500;

#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    Loading,
    Ready,
    /// No IndexedDB: the app works, but nothing is kept.
    MemoryOnly,
    /// Stored data could not be read; it is left untouched and the app runs in memory.
    Damaged,
    /// A newer version took over the database; this tab must reload.
    Outdated,
}

#[derive(Debug, Error)]
pub enum DispatchError {
    #[error(transparent)]
    Command(#[from] CommandError),
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error("the app is shutting down")]
    Disposed,
    #[error("the stored workspace could not be loaded")]
    NotLoaded,
}

#[derive(Clone, Copy)]
pub struct Store {
    pub ws: RwSignal<Workspace>,
    pub status: RwSignal<Status>,
    /// How much of the stored workspace is loaded, in percent, while `status` is `Loading`.
    pub progress: RwSignal<u8>,
    /// Which parts of the stored workspace are whole while `status` is `Loading`.
    pub loaded: RwSignal<Loaded>,
    db: StoredValue<Option<Database>, LocalStorage>,
    /// Tells the other tabs of this profile about each commit.
    tabs: StoredValue<Option<BroadcastChannel>, LocalStorage>,
    /// Whether persistent storage was already asked for in this session.
    asked_persist: StoredValue<bool>,
}

pub fn use_store() -> Store {
    expect_context::<Store>()
}

pub fn now() -> Millis {
    Millis(js_sys::Date::now() as i64)
}

impl Store {
    pub fn new() -> Store {
        Store {
            ws: RwSignal::new(Workspace::new(default_schema(), IdGen::new(random_u64(), random_u64() as u32))),
            status: RwSignal::new(Status::Loading),
            progress: RwSignal::new(0),
            loaded: RwSignal::new(Loaded::default()),
            db: StoredValue::new_local(None),
            tabs: StoredValue::new_local(None),
            asked_persist: StoredValue::new(false),
        }
    }

    /// Opens the database and loads the workspace in the background.
    pub fn start(self) {
        spawn_local(async move {
            let status = match self.open().await {
                Ok(()) => Status::Ready,
                Err(e) => {
                    // The cause is for developers; the banner explains it in the user's language.
                    web_sys::console::warn_1(&format!("Cairn storage: {e}").into());
                    if matches!(e, StorageError::Load(_)) {
                        Status::Damaged
                    } else {
                        Status::MemoryOnly
                    }
                }
            };
            let ready = status == Status::Ready;
            self.loaded.set(Loaded::whole());
            self.status.set(status);
            // Setting the status renders the screen synchronously; the next frame is when a
            // person can use it (unless an index page's table was usable before, see
            // `bench::first_table_usable`).
            let on_frame = Closure::once_into_js(move || {
                bench::measure("cairn:load", Some("cairn:open"));
                bench::first_table_usable();
                if ready {
                    spawn_local(self.warm_indexes());
                }
            });
            if let Some(w) = web_sys::window() {
                let _ = w.request_animation_frame(on_frame.unchecked_ref());
            }
            if ready {
                bench::run_requested_bulk(self).await;
            }
        });
    }

    /// Whether the stored workspace is still loading (tracked). Anything that reads all of it
    /// (exports, the recycle bin) waits until it is not.
    pub fn loading(self) -> bool {
        self.status.get() == Status::Loading
    }

    /// Whether the settings (schema, views, owners, pipelines) are loaded (tracked).
    pub fn settings_ready(self) -> bool {
        self.status.get() != Status::Loading || self.loaded.with(|l| l.has(&Part::Settings))
    }

    /// Whether an index page can show the table of `query` with `columns` (tracked):
    /// everything is loaded, or all it reads is (`core::stored::Loaded::table_ready`).
    pub fn table_ready(self, query: &Query, columns: &[String]) -> bool {
        self.status.get() != Status::Loading || self.loaded.with(|l| self.ws.with(|ws| l.table_ready(ws.schema(), query, columns)))
    }

    /// Resolves once the stored workspace is loaded: a change made before would be replaced
    /// by the data still loading. The load takes about a second; a short timer checks. A
    /// command held while the stored data turned out damaged is refused: the workspace it was
    /// meant for is gone.
    async fn until_loaded(self) -> Result<(), DispatchError> {
        let mut held = false;
        loop {
            match self.status.try_get_untracked() {
                Some(Status::Loading) => held = true,
                Some(Status::Damaged) if held => return Err(DispatchError::NotLoaded),
                Some(_) => return Ok(()),
                None => return Err(DispatchError::Disposed),
            }
            pause(25).await;
        }
    }

    async fn open(self) -> Result<(), StorageError> {
        bench::mark("cairn:open");
        let (db, reading) = self.connect().await?;
        let (format, stored_device) = (reading.format, reading.device);
        let device = stored_device.unwrap_or_else(random_u64);
        // Screens read the workspace while it loads (written untracked, notified once the
        // settings are in): an index page shows its table once what it reads is loaded, most
        // other screens wait for all of it.
        self.ws.set(Workspace::new(default_schema(), IdGen::new(device, random_u64() as u32)));
        let log_len = match self.restore_with_progress(reading).await {
            Ok(n) => n,
            Err(e) => {
                // Nothing of damaged data stays on screen; the stored data stays untouched.
                self.ws.set(Workspace::new(default_schema(), IdGen::new(random_u64(), random_u64() as u32)));
                return Err(e);
            }
        };
        bench::mark("cairn:restored");
        if stored_device.is_none() {
            db.init_meta(device).await?;
        }
        // Data of an older format is rewritten in the current one (and stamped with it).
        if log_len > COMPACT_AFTER || format < FORMAT_VERSION {
            // A failed compaction leaves the old snapshot and log in place: nothing is lost.
            if let Some(Ok(issued)) = self.ws.try_with_untracked(|ws| db.issue_snapshot(SnapshotChunks::new(ws, CHUNK_SIZE), device)) {
                let _ = issued.done().await;
            }
        }
        let status = self.status;
        let db_slot = self.db;
        db.on_version_change(move || {
            // The connection is closed: further writes would fail, so stop making them.
            db_slot.set_value(None);
            status.set(Status::Outdated);
        });
        self.ws.notify();
        self.db.set_value(Some(db));
        self.listen_to_other_tabs();
        Ok(())
    }

    /// The database and a reading of it: the one `assets/read-ahead.js` started before the app
    /// loaded when there is one, else a fresh connection (which creates or upgrades the
    /// database). The benchmark fixtures write first, so they always take the fresh path.
    async fn connect(self) -> Result<(Database, Reading), StorageError> {
        let ahead = storage::ahead::take().await;
        let (seed, catch_up) = (bench::requested_seed(), bench::requested_catch_up());
        match ahead {
            Some(found) if seed.is_none() && catch_up.is_none() => {
                bench::mark("cairn:db-open");
                return Ok(found);
            }
            Some((db, _)) => db.close(),
            None => {}
        }
        let db = Database::open(DB_NAME).await?;
        if let Some(contacts) = seed {
            let device = db.load().await?.device.unwrap_or_else(random_u64);
            bench::seed(&db, device, contacts).await?;
        }
        if let Some(contacts) = catch_up {
            let device = db.load().await?.device.unwrap_or_else(random_u64);
            bench::seed_catch_up(&db, device, contacts).await?;
        }
        bench::mark("cairn:db-open");
        let reading = db.read().await?;
        Ok((db, reading))
    }

    /// Restores the stored workspace into `ws` as its chunks arrive (see
    /// `Reading::restore_into`), updating `progress` and `loaded`. Until a table can show it
    /// lets the page repaint only when a step took long enough to be seen; after that, after
    /// every slice of a chunk, so the table answers clicks while the rest loads. Returns the
    /// number of log entries.
    async fn restore_with_progress(self, reading: Reading) -> Result<usize, StorageError> {
        let mut shown = js_sys::Date::now();
        let mut records_in = false;
        reading
            .restore_into(Published(self.ws), move |progress| {
                let fraction = match progress {
                    Progress::Chunk(fraction) => Some(fraction),
                    Progress::Slice => None,
                    Progress::FirstChunk => {
                        bench::mark("cairn:read");
                        return None;
                    }
                    Progress::Parts(loaded) => {
                        records_in = loaded.has_records();
                        let settings_now = loaded.has(&Part::Settings) && !self.loaded.with_untracked(|l| l.has(&Part::Settings));
                        self.loaded.set(loaded);
                        // Once, when the settings are in: what read the workspace so far (the
                        // schema, views, navigation) reads it again. A table whose records
                        // come later is computed when it becomes ready; one already showing
                        // is not queried again for parts it does not read.
                        if settings_now {
                            self.ws.notify();
                        }
                        return None;
                    }
                    Progress::Applied => {
                        bench::mark("cairn:decoded");
                        return None;
                    }
                };
                if let Some(fraction) = fraction {
                    self.progress.set((fraction * 100.0) as u8);
                }
                let due = records_in || js_sys::Date::now() - shown >= 100.0;
                due.then(|| {
                    shown = js_sys::Date::now();
                    next_task()
                })
            })
            .await
    }

    /// Builds the indexes the load left for later (search, unique values, associations),
    /// one per task after the first table is painted, so it is usable meanwhile.
    async fn warm_indexes(self) {
        loop {
            next_task().await;
            if !self.ws.try_with_untracked(Workspace::warm_next).unwrap_or(false) {
                break;
            }
        }
        bench::measure("cairn:warm", Some("cairn:restored"));
    }

    fn listen_to_other_tabs(self) {
        let Ok(channel) = BroadcastChannel::new(CHANGES_CHANNEL) else { return };
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            let Some(text) = event.data().as_string() else { return };
            let Ok(batch) = Batch::decode(&text) else { return };
            let Some(repairs) = self.ws.try_update(|ws| absorb(ws, batch)) else { return };
            if !repairs.is_empty() {
                let ops = repairs.into_iter().map(|e| Op { key: e.key(), value: Some(e) }).collect();
                spawn_local(async move { self.persist(&Batch { ops }.encode()).await.ok(); });
            }
        });
        channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        self.tabs.set_value(Some(channel));
    }

    /// Writes a batch to the log and tells the other tabs.
    pub(crate) async fn persist(self, batch: &str) -> Result<(), StorageError> {
        // Without a database (memory only) there is nothing to share with other tabs either.
        let Some(db) = self.db.get_value() else { return Ok(()) };
        db.append(batch).await?;
        if let Some(channel) = self.tabs.get_value() {
            let _ = channel.post_message(&batch.into());
        }
        Ok(())
    }

    /// Asks the browser to keep this site's data under storage pressure, once data exists.
    fn ask_persistent_storage(self) {
        if self.asked_persist.get_value() {
            return;
        }
        self.asked_persist.set_value(true);
        if let Some(Ok(promise)) = web_sys::window().map(|w| w.navigator().storage().persist()) {
            spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            });
        }
    }

    /// Applies a change computed outside the command path's `execute` (restoring or merging a
    /// backup: `change` edits the workspace and returns its commit) and persists it as one
    /// batch; on a storage failure the change is undone.
    pub async fn apply<T, E>(self, change: impl FnOnce(&mut Workspace) -> Result<(Commit, T), E>) -> Result<Result<T, E>, DispatchError> {
        self.until_loaded().await?;
        let (commit, value) = match self.ws.try_update(change).ok_or(DispatchError::Disposed)? {
            Ok(done) => done,
            Err(e) => return Ok(Err(e)),
        };
        if let Err(e) = self.persist(&Batch::from_commit(&commit).encode()).await {
            self.ws.update(|ws| ws.revert(&commit));
            return Err(e.into());
        }
        Ok(Ok(value))
    }

    /// Runs a command and persists it; on a storage failure the change is undone.
    pub async fn dispatch(self, command: Command) -> Result<Commit, DispatchError> {
        self.until_loaded().await?;
        let ctx = Context::user(now());
        bench::mark("cairn:commit-start");
        let commit = self.ws.try_update(|ws| ws.execute(command, &ctx)).ok_or(DispatchError::Disposed)??;
        if let Err(e) = self.persist(&Batch::from_commit(&commit).encode()).await {
            self.ws.update(|ws| ws.revert(&commit));
            return Err(e.into());
        }
        bench::measure_latest("cairn:commit", "cairn:commit-start");
        if self.db.with_value(Option::is_some) && commit.changes.iter().any(|c| c.before.is_none()) {
            self.ask_persistent_storage();
        }
        Ok(commit)
    }
}

/// What to tell the user when a write failed.
pub fn failure_message(error: &DispatchError) -> Msg {
    match error {
        DispatchError::Storage(StorageError::QuotaExceeded) => Msg::StorageFull,
        DispatchError::NotLoaded => Msg::StorageDamaged,
        _ => Msg::StorageWriteFailed,
    }
}

impl Default for Store {
    fn default() -> Self {
        Store::new()
    }
}

/// The app's workspace, written while its screens may read it: untracked, so nothing
/// re-renders per chunk; `restore_with_progress` notifies once, when the settings are in,
/// and `open` when everything is.
struct Published(RwSignal<Workspace>);

impl Target for Published {
    fn update<R>(&mut self, f: impl FnOnce(&mut Workspace) -> R) -> Option<R> {
        self.0.try_update_untracked(f)
    }
}

/// Resolves in a later task, so the browser can paint and handle input meanwhile. A message
/// to itself, not a zero-delay timeout: nested timeouts wait at least 4 ms each, which a load
/// that pauses a few hundred times would spend idle.
async fn next_task() {
    let Ok(channel) = web_sys::MessageChannel::new() else { return pause(0).await };
    let promise = js_sys::Promise::new(&mut |resolve, _| channel.port1().set_onmessage(Some(&resolve)));
    if channel.port2().post_message(&wasm_bindgen::JsValue::NULL).is_err() {
        return pause(0).await;
    }
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    // Held until here, so the ports stay alive until the message has arrived; closed so the
    // browser can free them (a large load pauses a few hundred times).
    channel.port1().set_onmessage(None);
    channel.port1().close();
    channel.port2().close();
}

/// Resolves after `ms` milliseconds, in a later task.
async fn pause(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let scheduled = web_sys::window().is_some_and(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).is_ok());
        if !scheduled {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Random bits from the browser's CSPRNG, for device ids and id counters.
fn random_u64() -> u64 {
    let mut bytes = [0u8; 8];
    if let Some(crypto) = web_sys::window().and_then(|w| w.crypto().ok()) {
        let _ = crypto.get_random_values_with_u8_array(&mut bytes);
    }
    let n = u64::from_le_bytes(bytes);
    // Without a CSPRNG, fall back to the clock so ids still differ between devices.
    if n == 0 {
        js_sys::Date::now().to_bits()
    } else {
        n
    }
}
