//! Index pages: the table of an object's records with search, sort, paging and bulk actions.

mod bin;
mod create;
mod delete;
pub(crate) mod dialog;
pub(crate) mod field;
mod page;
mod table;

pub use page::{IndexPage, IndexRoute};
