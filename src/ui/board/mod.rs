//! The pipeline board: one column per stage, cards moved by drag and drop or "Move to…".

mod column;
mod page;
mod required;

pub use page::BoardRoute;
