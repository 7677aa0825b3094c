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

/// The tab an index page showed last for `object`: `all`, `mine` or a saved view's id.
pub fn last_view(object: &str) -> Option<String> {
    LocalStorage::get(format!("cairn.view.{object}")).ok()
}

pub fn set_last_view(object: &str, tab: &str) {
    // Forgetting the last tab is harmless: the page opens on "All".
    let _ = LocalStorage::set(format!("cairn.view.{object}"), tab);
}

/// The owner id of the person using this device, which the "My" tabs filter on.
pub fn my_owner() -> Option<String> {
    LocalStorage::get("cairn.owner").ok()
}

/// Remembers which owner this device's user is; `None` forgets it (no "My" tabs).
pub fn set_my_owner(owner: Option<&str>) {
    // Failing to remember it only hides the "My" tabs, as before the choice.
    match owner {
        Some(id) => {
            let _ = LocalStorage::set("cairn.owner", id);
        }
        None => LocalStorage::delete("cairn.owner"),
    }
}
