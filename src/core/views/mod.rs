//! Saved views: a named table state (columns, filters, sort) of one object.
//!
//! A view is its own stored entity ([`crate::core::change::Entity::View`]) so that storage,
//! undo, other tabs, backups and sync carry it like a record. An index page shows the views
//! of its object as tabs in [`SavedView::position`] order, after the built-in "All" and
//! "My" tabs ([`builtin_query`]), which are never stored.
//!
//! [`TableState`] is what a table currently shows; [`SavedView::differs`] tells the page
//! when to offer "Save view".

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::id::RecordId;
use super::query::{Condition, Filter, Group, Op, QueryError, Sort};
use super::time::Millis;

/// The property that names a record's owner.
pub const OWNER_PROPERTY: &str = "hubspot_owner_id";

/// Columns, filters and sort: what a table shows and a view keeps.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TableState {
    /// Internal property names, in display order; empty means the object's defaults.
    #[serde(default)]
    pub columns: Vec<String>,
    #[serde(default)]
    pub filter: Filter,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort: Option<Sort>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedView {
    pub id: RecordId,
    pub object: String,
    pub name: String,
    #[serde(flatten)]
    pub state: TableState,
    /// Tab order among the object's views, smallest first.
    pub position: u32,
    /// When it last changed: of two devices' versions, sync keeps the later.
    pub updated: Millis,
}

impl SavedView {
    /// Whether a table showing `state` shows something other than this view.
    pub fn differs(&self, state: &TableState) -> bool {
        self.state != *state
    }
}

/// A built-in tab, never stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Builtin {
    All,
    /// Records owned by the person using this device.
    Mine,
}

/// The filter of a built-in tab; "My" needs the user's owner id and is hidden without one.
pub fn builtin_query(tab: Builtin, my_owner: Option<&str>) -> Option<TableState> {
    match tab {
        Builtin::All => Some(TableState::default()),
        Builtin::Mine => {
            let owner = my_owner.filter(|o| !o.trim().is_empty())?;
            let condition = Condition::new(OWNER_PROPERTY, Op::Is { value: owner.to_string() });
            Some(TableState { filter: Filter { groups: vec![Group { conditions: vec![condition] }] }, ..TableState::default() })
        }
    }
}

/// One change to the saved views, as an index page requests it.
#[derive(Clone, Debug, PartialEq)]
pub enum ViewEdit {
    Create { object: String, name: String, state: TableState },
    Rename { id: RecordId, name: String },
    /// Replaces the columns, filters and sort ("Save view").
    Update { id: RecordId, state: TableState },
    Delete { id: RecordId },
    /// The object's views in their new tab order; views not named keep their place after.
    Reorder { object: String, ids: Vec<RecordId> },
}

#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ViewError {
    #[error("no saved view {0}")]
    NotFound(RecordId),
    #[error("a view needs a name")]
    EmptyName,
    #[error("another view of this object is already named {0}")]
    DuplicateName(String),
    #[error("{0}")]
    Query(#[from] QueryError),
}

/// The views of one object in tab order.
pub fn views_of<'a>(views: impl Iterator<Item = &'a SavedView>, object: &str) -> Vec<&'a SavedView> {
    let mut out: Vec<&SavedView> = views.filter(|v| v.object == object).collect();
    out.sort_by(|a, b| a.position.cmp(&b.position).then_with(|| a.id.cmp(&b.id)));
    out
}

mod builder;
mod export;
mod merge;
#[cfg(test)]
mod tests;

pub use builder::{build_op, filter_properties, operand_input, operands, operators, runnable, summary, OperandInput};
pub use export::{export_file_name, export_view};
pub use merge::merge_lists;
#[cfg(test)]
mod builder_tests;
