//! Contacts: the table of contacts and the form that creates one.

mod form;
mod page;
mod table;

pub use page::ContactsPage;
