//! The record page: properties (left), activity timeline (middle), associations (right).

mod page;

pub use page::RecordRoute;
