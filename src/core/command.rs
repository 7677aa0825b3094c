//! The one write path: every change to a workspace is a [`Command`].

use thiserror::Error;

use super::association::{AssociationDef, AssociationError};
use super::id::RecordId;
use super::owner::{OwnerEdit, OwnerError};
use super::pipeline::{PipelineEdit, PipelineError};
use super::record::Source;
use super::schema::{SchemaEdit, SchemaError};
use super::segment::{SegmentEdit, SegmentError};
use super::time::Millis;
use super::validate::Invalid;
use super::views::{ViewEdit, ViewError};
use super::workflow::{AutomationCommand, AutomationError};

/// The outside facts a command needs: the time and who is acting.
#[derive(Clone, Copy, Debug)]
pub struct Context {
    pub now: Millis,
    pub source: Source,
}

impl Context {
    pub fn user(now: Millis) -> Self {
        Context { now, source: Source::User }
    }
}

/// Raw input for one property, as typed or imported.
pub type Input = (String, String);

#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    CreateRecord { object: String, values: Vec<Input> },
    UpdateRecord { id: RecordId, values: Vec<Input> },
    /// Moves a record to the recycle bin.
    DeleteRecord { id: RecordId },
    RestoreRecord { id: RecordId },
    /// Changes the data model (objects, groups, properties); see [`SchemaEdit`].
    EditSchema(SchemaEdit),
    /// Creates, updates, deactivates or reactivates an owner; see [`OwnerEdit`].
    EditOwner(OwnerEdit),
    /// Links two records, or adds labels to their link; `labels` are how `from` sees `to`.
    Associate { from: RecordId, to: RecordId, labels: Vec<String> },
    /// Replaces the labels of an existing link, as seen from `from`.
    SetAssociationLabels { from: RecordId, to: RecordId, labels: Vec<String> },
    Unassociate { from: RecordId, to: RecordId },
    /// Adds or replaces the definition for a pair of objects.
    DefineAssociation(AssociationDef),
    /// Folds `secondary` into `primary`; see [`crate::core::workspace::Workspace::merge_preview`].
    MergeRecords { primary: RecordId, secondary: RecordId },
    /// Permanently removes binned records older than the retention period.
    PurgeBin,
    /// Reverts the last user command still undoable, as a new commit.
    Undo,
    /// Adds the deterministic demo sample ([`crate::core::sample`]) as one commit.
    LoadSample { seed: u64 },
    /// Creates, renames, changes, reorders or deletes a saved view; see [`ViewEdit`].
    EditView(ViewEdit),
    /// Creates, changes or deletes a segment, or adds and removes static members.
    EditSegment(SegmentEdit),
    /// The same values written to several records at once: all of them or none.
    UpdateRecords { ids: Vec<RecordId>, values: Vec<Input> },
    /// Creates, changes or deletes a pipeline or its stages; see [`PipelineEdit`].
    EditPipeline(PipelineEdit),
    /// Workflows, their enrollments and steps, the outbox; see [`crate::core::workflow`].
    Automation(AutomationCommand),
}

/// Why one field was refused.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum FieldProblem {
    #[error("{0}")]
    Invalid(Invalid),
    #[error("is required")]
    Required,
    #[error("is already used by record {0}")]
    Duplicate(RecordId),
    #[error("is not a property of this object")]
    UnknownProperty,
    #[error("names no owner")]
    UnknownOwner,
    #[error("names a deactivated owner")]
    InactiveOwner,
}

#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("{property} {problem}")]
pub struct FieldError {
    pub property: String,
    pub problem: FieldProblem,
}

/// Why a command was refused. A refused command changes nothing.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum CommandError {
    #[error("unknown object {0}")]
    UnknownObject(String),
    #[error("no record {0}")]
    NotFound(RecordId),
    #[error("invalid fields: {}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "))]
    Fields(Vec<FieldError>),
    #[error("schema change refused: {0}")]
    Schema(#[from] SchemaError),
    #[error("owner change refused: {0}")]
    Owner(#[from] OwnerError),
    #[error("{0}")]
    Association(#[from] AssociationError),
    #[error("{0}")]
    Merge(#[from] MergeError),
    #[error("{0}")]
    Undo(#[from] UndoError),
    #[error("{0}")]
    View(#[from] ViewError),
    #[error("{0}")]
    Segment(#[from] SegmentError),
    /// A bulk update refused by some records: each with its reason. Nothing was written.
    #[error("{} records refused the change", .0.len())]
    Refused(Vec<(RecordId, CommandError)>),
    #[error("{0}")]
    Pipeline(#[from] PipelineError),
    #[error("{0}")]
    Automation(#[from] AutomationError),
}

#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum MergeError {
    #[error("a record cannot be merged with itself")]
    SameRecord,
    #[error("only records of the same object can be merged")]
    DifferentObjects,
}

#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum UndoError {
    #[error("there is nothing to undo")]
    Nothing,
    /// The data changed since (a sync or an automatic change), so the inverse would not
    /// restore what the user saw.
    #[error("the data changed since, so this cannot be undone")]
    Changed,
}

impl CommandError {
    /// The problem with one property, for showing next to its field.
    pub fn field(&self, property: &str) -> Option<&FieldProblem> {
        match self {
            CommandError::Fields(errors) => errors.iter().find(|e| e.property == property).map(|e| &e.problem),
            _ => None,
        }
    }

    /// The existing record a create collided with (same unique value, such as a contact's
    /// email or a company's domain, or the same record id): what an import updates instead.
    pub fn duplicate_of(&self) -> Option<&RecordId> {
        match self {
            CommandError::Fields(errors) => errors.iter().find_map(|e| match &e.problem {
                FieldProblem::Duplicate(id) => Some(id),
                _ => None,
            }),
            _ => None,
        }
    }
}
