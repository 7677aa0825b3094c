//! CSV in and out: reading spreadsheet exports, mapping their columns, importing them as
//! one atomic commit, and exporting records safely.
//!
//! The flow the import wizard follows: [`parse_csv`] the uploaded bytes, show the first rows,
//! propose [`auto_map`] and let the user change it, then [`import_table`], which returns one
//! [`crate::core::change::Commit`] holding every valid row and the [`Problem`]s of the others
//! (downloadable with [`problems_csv`]).

mod errors;
mod import;
mod mapping;
mod parse;
mod write;

pub use errors::{error_rows_csv, rows_with_problems};
pub use import::{import_table, preview_import, problems_csv, Dedup, ImportOptions, ImportReport, ImportRun, Problem};
pub use mapping::{auto_map, choices, Target};
pub use parse::{parse_csv, CsvError, Row, Table, MAX_CSV_BYTES};
pub use write::{all_columns, export_records, export_records_at, export_records_with, neutralize, write_csv, Header};

#[cfg(test)]
mod tests;
#[cfg(test)]
mod wizard_tests;
// Property tests need proptest, which is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod proptests;
