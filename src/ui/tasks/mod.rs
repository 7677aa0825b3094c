//! The tasks page: overdue, due today, upcoming.

mod page;

pub use page::TasksPage;
