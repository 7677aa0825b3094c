//! The CSV import wizard: choose the object and the file, map the columns, check what the
//! import will do (a dry run), then import every valid row as one commit.
//!
//! The rules (parsing, mapping, deduplication, problems) are in `core::csv`; this folder
//! only holds the wizard's state and its screens. Rows are imported a few thousand at a time
//! with a pause for the browser in between, so a large file shows progress instead of
//! freezing the page.

mod mapping;
mod page;
mod run;
mod summary;

pub use page::ImportPage;
