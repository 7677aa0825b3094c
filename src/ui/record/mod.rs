//! The record page: properties (left), activity timeline (middle), associations (right).

mod activity_form;
mod associations;
mod link_dialog;
mod merge;
pub mod modal;
mod page;
mod properties;
mod timeline;

pub use page::RecordRoute;

/// The browser's offset east of UTC in minutes, for showing local times.
pub fn utc_offset() -> i64 {
    -(js_sys::Date::new_0().get_timezone_offset() as i64)
}
