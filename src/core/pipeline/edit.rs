//! Edits of pipelines and their stages, planned as the pipeline's new state.
//!
//! Pure: the workspace supplies the records that an edit touches (a deleted stage's records
//! move to the stage the user chose) and checks that a deleted pipeline is empty.

use serde::{Deserialize, Serialize};

use super::{Pipeline, PipelineError, PipelineId, PipelineRules, Pipelines, Stage, StageState};

/// The settings of one stage besides its name and place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageSettings {
    pub probability: u8,
    pub state: StageState,
    pub required: Vec<String>,
    /// `None`: the category follows the probability.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<super::ForecastCategory>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PipelineEdit {
    Create { object: String, label: String },
    Rename { pipeline: String, label: String },
    /// Refused while records are in it.
    Delete { pipeline: String },
    AddStage { pipeline: String, label: String, settings: StageSettings },
    RenameStage { pipeline: String, stage: String, label: String },
    /// Moves a stage to position `to` (0-based, clamped).
    MoveStage { pipeline: String, stage: String, to: usize },
    /// Deletes a stage; its records move to `move_to`, required when it holds records.
    DeleteStage { pipeline: String, stage: String, move_to: Option<String> },
    SetStage { pipeline: String, stage: String, settings: StageSettings },
    SetRules { pipeline: String, rules: PipelineRules, stalled_after_days: Option<u32> },
}

impl PipelineEdit {
    /// The pipeline the edit changes, `None` for a create.
    pub fn target(&self) -> Option<&str> {
        match self {
            PipelineEdit::Create { .. } => None,
            PipelineEdit::Rename { pipeline, .. }
            | PipelineEdit::Delete { pipeline }
            | PipelineEdit::AddStage { pipeline, .. }
            | PipelineEdit::RenameStage { pipeline, .. }
            | PipelineEdit::MoveStage { pipeline, .. }
            | PipelineEdit::DeleteStage { pipeline, .. }
            | PipelineEdit::SetStage { pipeline, .. }
            | PipelineEdit::SetRules { pipeline, .. } => Some(pipeline),
        }
    }
}

fn label(raw: &str) -> Result<String, PipelineError> {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        Err(PipelineError::EmptyLabel)
    } else {
        Ok(trimmed.to_string())
    }
}

fn checked(settings: &StageSettings) -> Result<(), PipelineError> {
    if settings.probability > 100 {
        return Err(PipelineError::Probability);
    }
    Ok(())
}

fn stage_mut<'a>(pipeline: &'a mut Pipeline, id: &str) -> Result<&'a mut Stage, PipelineError> {
    pipeline.stages.iter_mut().find(|s| s.id == id).ok_or_else(|| PipelineError::UnknownStage(id.to_string()))
}

/// The pipeline after the edit. `mint` gives a fresh id for a new pipeline or stage;
/// `has_pipelines` tells whether the object can hold pipelines (it has the stage property).
pub fn plan_edit(pipelines: &Pipelines, edit: &PipelineEdit, mut mint: impl FnMut() -> String, has_pipelines: impl Fn(&str) -> bool) -> Result<Pipeline, PipelineError> {
    if let PipelineEdit::Create { object, label: raw } = edit {
        if !has_pipelines(object) {
            return Err(PipelineError::NoPipelines(object.clone()));
        }
        return Ok(Pipeline {
            id: PipelineId(mint()),
            object: object.clone(),
            label: label(raw)?,
            stages: Vec::new(),
            rules: PipelineRules::default(),
            stalled_after_days: None,
            deleted: false,
        });
    }
    let id = edit.target().unwrap_or_default();
    let mut pipeline = pipelines.get(id).cloned().ok_or_else(|| PipelineError::UnknownPipeline(id.to_string()))?;
    match edit {
        PipelineEdit::Create { .. } => {}
        PipelineEdit::Rename { label: raw, .. } => pipeline.label = label(raw)?,
        PipelineEdit::Delete { .. } => pipeline.deleted = true,
        PipelineEdit::AddStage { label: raw, settings, .. } => {
            checked(settings)?;
            let stage = Stage { id: mint(), label: label(raw)?, probability: settings.probability, state: settings.state, required: settings.required.clone(), category: settings.category };
            // New open stages go before the closed ones, as in HubSpot's editor.
            let at = if stage.state.is_closed() { pipeline.stages.len() } else { pipeline.stages.iter().position(|s| s.state.is_closed()).unwrap_or(pipeline.stages.len()) };
            pipeline.stages.insert(at, stage);
        }
        PipelineEdit::RenameStage { stage, label: raw, .. } => stage_mut(&mut pipeline, stage)?.label = label(raw)?,
        PipelineEdit::MoveStage { stage, to, .. } => {
            let from = pipeline.position(stage).ok_or_else(|| PipelineError::UnknownStage(stage.clone()))?;
            let moved = pipeline.stages.remove(from);
            let to = (*to).min(pipeline.stages.len());
            pipeline.stages.insert(to, moved);
        }
        PipelineEdit::DeleteStage { stage, move_to, .. } => {
            let at = pipeline.position(stage).ok_or_else(|| PipelineError::UnknownStage(stage.clone()))?;
            if let Some(target) = move_to {
                if target == stage || pipeline.position(target).is_none() {
                    return Err(PipelineError::UnknownStage(target.clone()));
                }
            }
            pipeline.stages.remove(at);
        }
        PipelineEdit::SetStage { stage, settings, .. } => {
            checked(settings)?;
            let stage = stage_mut(&mut pipeline, stage)?;
            stage.probability = settings.probability;
            stage.state = settings.state;
            stage.required = settings.required.clone();
            stage.category = settings.category;
        }
        PipelineEdit::SetRules { rules, stalled_after_days, .. } => {
            pipeline.rules = *rules;
            pipeline.stalled_after_days = *stalled_after_days;
        }
    }
    Ok(pipeline)
}
