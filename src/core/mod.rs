//! The domain of Cairn: schema, records, validation, commands and the stored format.
//!
//! Architecture invariant: nothing here touches the browser, the clock or any I/O. Time and
//! identity come in through [`command::Context`], so every rule is a deterministic function
//! that the native test suite can check. The UI only renders what these functions return.

pub mod absorb;
pub mod agenda;
pub mod association;
pub mod backup;
pub mod board;
pub mod pipeline;
pub mod calculate;
pub mod change;
pub mod command;
pub mod compare;
pub mod csv;
pub mod fold;
pub mod forecast;
pub mod i18n;
pub mod id;
pub mod link;
pub mod index_table;
pub mod owner;
pub mod prop_key;
pub mod query;
pub mod record;
pub mod record_card;
pub mod route;
pub mod sample;
pub mod schema;
pub mod search;
pub mod settings;
pub mod segment;
pub mod stored;
pub mod sync;
pub mod time;
pub mod timeline;
pub mod validate;
pub mod value;
pub mod view;
pub mod views;
pub mod workflow;
pub mod workspace;
