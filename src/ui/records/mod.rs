//! Index pages: the table of an object's records with views, filters, search and bulk actions.

mod page;

pub use page::{IndexPage, IndexRoute};
