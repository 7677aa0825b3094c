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

pub use crate::ui::i18n::utc_offset;
