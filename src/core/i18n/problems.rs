//! The messages that explain why an association, merge, undo or owner command was refused,
//! and what a device-to-device merge could not take over.

use super::Msg;
use crate::core::association::AssociationError;
use crate::core::command::{CommandError, MergeError, UndoError};
use crate::core::segment::SegmentError;
use crate::core::views::ViewError;
use crate::core::sync::SchemaConflict;
use crate::core::pipeline::PipelineError;

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

/// Why a property of the other device's data model was not taken over: the two devices
/// define it with different types, and converting values could lose data.
pub fn sync_conflict(_conflict: &SchemaConflict) -> Msg {
    Msg::ErrSyncTypeConflict
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

pub fn view_problem(error: &ViewError) -> Msg {
    match error {
        ViewError::NotFound(_) => Msg::ErrViewGone,
        ViewError::EmptyName => Msg::ErrViewName,
        ViewError::DuplicateName(_) => Msg::ErrViewNameTaken,
        ViewError::Query(e) => e.message(),
    }
}

pub fn segment_problem(error: &SegmentError) -> Msg {
    match error {
        SegmentError::NotFound(_) => Msg::ErrSegmentGone,
        SegmentError::EmptyName => Msg::ErrSegmentName,
        SegmentError::DuplicateName(_) => Msg::ErrSegmentNameTaken,
        SegmentError::NotStatic => Msg::ErrSegmentNotStatic,
        SegmentError::NotActive => Msg::ErrSegmentNotActive,
        SegmentError::WrongRecord(..) => Msg::ErrSegmentWrongRecord,
        SegmentError::Query(e) => e.message(),
    }
}

pub fn pipeline_problem(error: &PipelineError) -> Msg {
    match error {
        PipelineError::UnknownPipeline(_) => Msg::ErrUnknownPipeline,
        PipelineError::UnknownStage(_) => Msg::ErrUnknownStage,
        PipelineError::NoPipelines(_) => Msg::ErrNoPipelines,
        PipelineError::EmptyLabel => Msg::ErrNameRequired,
        PipelineError::Probability => Msg::ErrProbability,
        PipelineError::PipelineInUse(_) => Msg::ErrPipelineInUse,
        PipelineError::StageInUse(_) => Msg::ErrStageInUse,
        PipelineError::MissingRequired { .. } => Msg::ErrMissingRequired,
        PipelineError::SkipsStages { .. } => Msg::ErrStageSkip,
        PipelineError::MovesBackwards { .. } => Msg::ErrStageBackwards,
    }
}

/// The one message for a refused command, when one sums it up; `None` for errors that are
/// shown field by field ([`CommandError::Fields`]), name a specific record or object, or
/// need a count ([`CommandError::Schema`], see [`super::schema_error`]).
pub fn command_problem(error: &CommandError) -> Option<Msg> {
    match error {
        CommandError::Association(e) => Some(association_problem(e)),
        CommandError::Merge(e) => Some(merge_problem(e)),
        CommandError::Undo(e) => Some(undo_problem(e)),
        CommandError::Owner(e) => Some(super::owner_error(e)),
        CommandError::View(e) => Some(view_problem(e)),
        CommandError::Segment(e) => Some(segment_problem(e)),
        CommandError::Refused(_) => Some(Msg::ErrBulkRefused),
        CommandError::Pipeline(e) => Some(pipeline_problem(e)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::i18n::{tr, Lang};
    use crate::core::id::RecordId;
    use crate::core::owner::{OwnerError, OwnerId};
    use crate::core::segment::SegmentError;
    use crate::core::views::ViewError;
    use std::collections::HashSet;

    #[test]
    fn every_refusal_has_its_own_message_in_every_language() {
        let record = RecordId::from("R");
        let errors: Vec<CommandError> = vec![
            AssociationError::NotDefined("a".into(), "b".into()).into(),
            AssociationError::WithItself.into(),
            AssociationError::NotAssociated.into(),
            AssociationError::UnknownLabel("x".into()).into(),
            AssociationError::TooMany { record: record.clone(), object: "deals".into() }.into(),
            AssociationError::LabelTaken { record: record.clone(), label: "primary".into() }.into(),
            AssociationError::InvalidDefinition("why".into()).into(),
            AssociationError::Conflicts(vec![record.clone()]).into(),
            MergeError::SameRecord.into(),
            MergeError::DifferentObjects.into(),
            UndoError::Nothing.into(),
            UndoError::Changed.into(),
            OwnerError::NotFound(OwnerId("O".into())).into(),
            OwnerError::EmptyName.into(),
            OwnerError::InvalidEmail.into(),
            OwnerError::EmailTaken(OwnerId("O".into())).into(),
            ViewError::NotFound(record.clone()).into(),
            ViewError::EmptyName.into(),
            ViewError::DuplicateName("x".into()).into(),
            SegmentError::NotFound(record.clone()).into(),
            SegmentError::EmptyName.into(),
            SegmentError::DuplicateName("x".into()).into(),
            SegmentError::NotStatic.into(),
            SegmentError::NotActive.into(),
            SegmentError::WrongRecord(record.clone(), "contacts".into()).into(),
            CommandError::Refused(vec![]),
            PipelineError::UnknownPipeline("p".into()).into(),
            PipelineError::UnknownStage("s".into()).into(),
            PipelineError::NoPipelines("contacts".into()).into(),
            PipelineError::EmptyLabel.into(),
            PipelineError::Probability.into(),
            PipelineError::PipelineInUse(2).into(),
            PipelineError::StageInUse(2).into(),
            PipelineError::MissingRequired { stage: "Won".into(), properties: vec!["amount".into()] }.into(),
            PipelineError::SkipsStages { from: "A".into(), to: "C".into() }.into(),
            PipelineError::MovesBackwards { from: "B".into(), to: "A".into() }.into(),
        ];
        let messages: Vec<Msg> = errors.iter().map(|e| command_problem(e).expect("has a message")).collect();
        assert_eq!(messages.iter().collect::<HashSet<_>>().len(), errors.len(), "two refusals share a message");
        for lang in Lang::ALL {
            let texts: HashSet<&str> = messages.iter().map(|m| tr(lang, *m)).collect();
            assert_eq!(texts.len(), messages.len(), "{lang:?} says two refusals the same way");
            assert!(texts.iter().all(|t| !t.trim().is_empty()), "{lang:?}");
            if lang != Lang::En {
                assert!(messages.iter().all(|m| tr(lang, *m) != tr(Lang::En, *m)), "{lang:?} left a message in English");
            }
        }
        assert_eq!(command_problem(&CommandError::NotFound(record)), None);
    }
}
