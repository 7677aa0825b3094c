//! The frame around every page: navigation and app-wide banners.

mod banner;
mod language;
mod nav;
mod update;

pub use banner::StorageBanner;
pub use language::LanguagePicker;
pub use nav::Nav;
pub use update::UpdateBanner;
