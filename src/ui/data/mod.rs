//! Import and export: the JSON backup that moves a workspace between devices.

pub(crate) mod files;
mod page;

pub use page::DataPage;
