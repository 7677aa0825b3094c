//! The Leptos user interface, one folder per feature.
//!
//! Components render what `crate::core` computes and send every write through the
//! [`store::Store`] service; they hold no business rules of their own.

mod app;
mod bench;
mod board;
mod data;
mod i18n;
pub mod leader;
mod import;
mod pipelines;
mod record;
mod records;
mod reports;
mod search;
mod segments;
mod settings;
mod shell;
mod tasks;
mod workflows;
pub mod store;

pub use app::App;

/// Mounts the app on the page's `<body>`.
pub fn mount() {
    app::canonicalize_location();
    leptos::mount::mount_to_body(App);
}
