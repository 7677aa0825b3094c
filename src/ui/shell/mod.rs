//! The frame around every page: navigation and app-wide banners.

mod banner;
mod nav;

pub use banner::StorageBanner;
pub use nav::Nav;
