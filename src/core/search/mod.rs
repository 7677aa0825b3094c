//! Search as you type over an object's searchable properties.
//!
//! Every record's searchable values are cut into folded words ("Zoë Müller" → `zoe`,
//! `muller`; phones → their digits) kept in one sorted token map per object. A query word
//! matches any token it is a prefix of, so a keystroke is a range scan of that map: no
//! record is read. A record matches when every query word matches one of its tokens.
//! Chinese has no spaces between words, so a Chinese token is also indexed from each of its
//! characters on, and a Chinese query word may be split across two tokens (surname + given
//! name): "王小明" finds 王 / 小明 and "小明" finds "王小明".
//!
//! The index is built in one pass the first time it is needed (a cold start paints its first
//! table without it), then kept in step by [`crate::core::workspace::Workspace::put`], the one
//! place records change, so it is always exact.

mod index;
// Property tests need proptest, which is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

pub use index::SearchIndex;

use super::record::Record;
use super::workspace::Workspace;

/// The first `limit` records of `object` matching the text, in the order of the matched
/// words (alphabetical), so results do not jump around as the user types.
pub fn search<'a>(ws: &'a Workspace, object: &str, text: &str, limit: usize) -> Vec<&'a Record> {
    ws.search_index().search(object, text, limit).into_iter().filter_map(|id| ws.record(id)).collect()
}
