//! The messages that explain why an association, merge or undo command was refused.

use super::Msg;
use crate::core::association::AssociationError;
use crate::core::command::{CommandError, MergeError, UndoError};

pub fn association_problem(error: &AssociationError) -> Msg {
    match error {
        AssociationError::NotDefined(..) => Msg::ErrNotAssociable,
        AssociationError::WithItself => Msg::ErrAssociateWithItself,
        AssociationError::NotAssociated => Msg::ErrNotAssociated,
        AssociationError::UnknownLabel(_) => Msg::ErrUnknownLabel,
        AssociationError::TooMany { .. } => Msg::ErrTooManyAssociations,
        AssociationError::LabelTaken { .. } => Msg::ErrLabelTaken,
        AssociationError::InvalidDefinition(_) => Msg::ErrInvalidAssociationDef,
        AssociationError::Conflicts(_) => Msg::ErrAssociationConflicts,
    }
}

pub fn merge_problem(error: &MergeError) -> Msg {
    match error {
        MergeError::SameRecord => Msg::ErrMergeSameRecord,
        MergeError::DifferentObjects => Msg::ErrMergeDifferentObjects,
    }
}

pub fn undo_problem(error: &UndoError) -> Msg {
    match error {
        UndoError::Nothing => Msg::ErrNothingToUndo,
        UndoError::Changed => Msg::ErrUndoChanged,
    }
}

/// The one message for a refused command, when one sums it up; `None` for errors that are
/// shown field by field ([`CommandError::Fields`]) or name a specific record or object.
pub fn command_problem(error: &CommandError) -> Option<Msg> {
    match error {
        CommandError::Association(e) => Some(association_problem(e)),
        CommandError::Merge(e) => Some(merge_problem(e)),
        CommandError::Undo(e) => Some(undo_problem(e)),
        _ => None,
    }
}
