//! Cairn: an offline-first CRM that runs entirely in the browser.
//!
//! The crate has three layers (see `ARCHITECTURE.md`):
//! - [`core`]: the domain, plain Rust with no browser dependency, tested natively;
//! - `storage`: adapters that persist the core's commits (IndexedDB, localStorage);
//! - `ui`: the Leptos components, one folder per feature.
//!
//! Only `core` (and the small-block allocator, to test it) is compiled for the host; the
//! browser layers exist on `wasm32` alone.

pub mod core;
pub mod small_alloc;

#[cfg(target_arch = "wasm32")]
pub mod compare;
#[cfg(target_arch = "wasm32")]
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod ui;
