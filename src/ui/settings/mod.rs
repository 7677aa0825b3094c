//! Settings: data model, owners, storage, language.

mod page;

pub use page::SettingsPage;
