//! Global search (Ctrl/Cmd+K or `/`) across every object.

mod dialog;

pub use dialog::GlobalSearch;
