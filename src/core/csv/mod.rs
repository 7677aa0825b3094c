//! CSV in and out: reading spreadsheet exports, mapping their columns, importing them as
//! one atomic commit, and exporting records safely.
//!
//! The flow the import wizard follows: [`parse_csv`] the uploaded bytes, show the first rows,
//! propose [`auto_map`] and let the user change it, then [`import_table`], which returns one
//! [`crate::core::change::Commit`] holding every valid row and the [`Problem`]s of the others
//! (downloadable with [`problems_csv`]).

mod import;
mod mapping;
mod parse;
mod write;

pub use import::{import_table, problems_csv, ImportOptions, ImportReport, Problem};
pub use mapping::{auto_map, Target};
pub use parse::{parse_csv, CsvError, Row, Table, MAX_CSV_BYTES};
pub use write::{export_records, neutralize, write_csv};

#[cfg(test)]
mod tests;
// Property tests need proptest, which is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod proptests;
