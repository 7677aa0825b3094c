//! Index pages: the table of an object's records with search, sort, paging and bulk actions.

mod bin;
mod bulk;
mod create;
pub(crate) mod delete;
pub(crate) mod dialog;
pub(crate) mod field;
pub(crate) mod filters;
mod page;
pub(crate) mod table;
mod views;

pub use page::{IndexPage, IndexRoute};
