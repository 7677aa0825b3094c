//! The pipeline editor (`/settings/pipelines`): pipelines of an object, their stages and rules.

mod page;
mod stage;

pub use page::PipelinesPage;
