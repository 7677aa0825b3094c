//! The frame around every page: navigation and app-wide banners.

mod banner;
mod language;
mod load_progress;
mod nav;
mod update;

pub use banner::StorageBanner;
pub use language::LanguagePicker;
pub use load_progress::LoadProgress;
pub use nav::Nav;
pub use update::UpdateBanner;
