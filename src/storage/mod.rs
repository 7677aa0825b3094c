//! Storage adapters: the edge where the core's commits meet the browser's databases.
//!
//! - [`idb`]: the workspace in IndexedDB (snapshot + log, see `core::stored`).
//! - [`ahead`]: the read `assets/read-ahead.js` starts before the app loads, taken over.
//! - [`restore`]: a stored workspace applied chunk by chunk while it is read.
//! - [`prefs`]: small UI preferences in localStorage.
//! - [`lock`]: the Web Locks API, for the one tab that runs background work.
//! - [`crypto`]: passphrase encryption of backup files (WebCrypto).
//!
//! API boundary: adapters move JSON text and report typed [`StorageError`]s; they never
//! interpret records. Every browser call that can fail maps to a variant carrying the cause.

pub mod ahead;
pub mod crypto;
pub mod idb;
pub mod js;
pub mod lock;
pub mod prefs;
pub mod restore;
pub mod usage;

use thiserror::Error;

use crate::core::stored::LoadError;

#[derive(Clone, Debug, Error, PartialEq)]
pub enum StorageError {
    #[error("IndexedDB is not available in this browser")]
    Unavailable,
    #[error("could not open the database: {0}")]
    Open(String),
    #[error("another tab is holding an older version of the database open")]
    Blocked,
    #[error("the device's storage is full")]
    QuotaExceeded,
    #[error("a database transaction failed: {0}")]
    Transaction(String),
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error("the page is closing")]
    Closing,
}

impl StorageError {
    /// Maps a failed IndexedDB call's error to a typed variant.
    pub fn from_js(err: &wasm_bindgen::JsValue, wrap: fn(String) -> StorageError) -> StorageError {
        let (name, message) = js::error_name_and_message(err);
        if name == "QuotaExceededError" {
            StorageError::QuotaExceeded
        } else {
            wrap(if message.is_empty() { name } else { format!("{name}: {message}") })
        }
    }
}
