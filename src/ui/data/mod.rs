//! Import and export: the JSON backup that moves a workspace between devices.

mod files;
mod page;

pub use page::DataPage;
