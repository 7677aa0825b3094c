//! Import and export: the JSON backup that moves a workspace between devices (optionally
//! encrypted with a passphrase), the way into the CSV import wizard, and CSV export.

mod csv_export;
pub(crate) mod files;
mod page;

pub use page::DataPage;
