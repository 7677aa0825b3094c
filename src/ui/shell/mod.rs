//! The frame around every page: navigation and app-wide banners.

mod banner;
mod nav;
mod update;

pub use banner::StorageBanner;
pub use nav::Nav;
pub use update::UpdateBanner;
