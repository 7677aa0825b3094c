//! Small UI preferences in localStorage. Never records: those live in IndexedDB.

use gloo_storage::{LocalStorage, Storage};

const LANG: &str = "cairn.lang";

/// The language the user chose in Settings, if any.
pub fn language() -> Option<String> {
    LocalStorage::get(LANG).ok()
}

pub fn set_language(tag: &str) {
    // Failing to remember a preference is harmless: the browser's language is used instead.
    let _ = LocalStorage::set(LANG, tag);
}
