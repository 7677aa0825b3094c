//! The rules a record's write obeys when it names a pipeline or a stage.
//!
//! Run on every create and update of an object that has pipelines, after the values are
//! validated: the pipeline and stage are resolved to ids (an import may give labels), a
//! record moved to another pipeline keeps a stage of the same id or label (else the first),
//! the pipeline's rules and the stage's required properties are checked, and entering a
//! closed stage sets the close date if it is empty, as HubSpot does.

use super::{properties_of, Pipeline, PipelineError, Pipelines, Stage};
use crate::core::command::Context;
use crate::core::record::Record;
use crate::core::value::Value;

/// The property a closed stage fills in when empty.
const CLOSE_DATE: &str = "closedate";

fn text<'a>(record: &'a Record, name: &str) -> Option<&'a str> {
    match record.get(name) {
        Some(Value::Text(t)) if !t.is_empty() => Some(t),
        _ => None,
    }
}

/// Checks and completes `record` (the state after the write) against its pipeline; `before`
/// is the stored record for an update. `has_close_date`: whether the object has `closedate`.
pub fn plan_move(pipelines: &Pipelines, before: Option<&Record>, record: &mut Record, ctx: &Context, has_close_date: bool) -> Result<(), PipelineError> {
    let (pipeline_prop, stage_prop) = properties_of(&record.object);
    let live = pipelines.of_object(&record.object);
    if live.is_empty() {
        return Ok(());
    }
    let old_pipeline = before.and_then(|b| text(b, pipeline_prop)).map(str::to_string);
    let old_stage = before.and_then(|b| text(b, stage_prop)).map(str::to_string);
    let (new_pipeline, new_stage) = (text(record, pipeline_prop).map(str::to_string), text(record, stage_prop).map(str::to_string));
    let untouched = before.is_some() && new_pipeline == old_pipeline && new_stage == old_stage;
    if untouched || (new_pipeline.is_none() && new_stage.is_none()) {
        return Ok(());
    }
    if new_stage.is_none() && old_stage.is_some() && new_pipeline == old_pipeline {
        return Ok(()); // the stage was cleared
    }
    let pipeline: &Pipeline = match &new_pipeline {
        Some(raw) => pipelines
            .get(raw)
            .or_else(|| live.iter().copied().find(|p| p.label.eq_ignore_ascii_case(raw.trim())))
            .ok_or_else(|| PipelineError::UnknownPipeline(raw.clone()))?,
        None => new_stage.as_deref().and_then(|s| pipelines.holding(&record.object, s)).unwrap_or(live[0]),
    };
    let pipeline_changed = old_pipeline.as_deref() != Some(pipeline.id.as_str());
    let stage_written = new_stage != old_stage;
    let stage: &Stage = match new_stage.as_deref().and_then(|s| pipeline.find_stage(s)) {
        Some(stage) => stage,
        None if new_stage.is_some() && stage_written => return Err(PipelineError::UnknownStage(new_stage.unwrap_or_default())),
        // Moved to another pipeline: the stage of the same id or label, else the first.
        None => {
            let old_label = old_stage.as_deref().and_then(|s| pipelines.holding(&record.object, s)).and_then(|p| p.stage(old_stage.as_deref().unwrap_or_default())).map(|s| s.label.clone());
            let mapped = old_label.and_then(|label| pipeline.find_stage(&label));
            match mapped.or_else(|| pipeline.stages.first()) {
                Some(stage) => stage,
                None => return Err(PipelineError::UnknownStage(pipeline.label.clone())),
            }
        }
    };
    record.set(pipeline_prop, Some(Value::Text(pipeline.id.0.clone())), ctx.now, ctx.source);
    record.set(stage_prop, Some(Value::Text(stage.id.clone())), ctx.now, ctx.source);
    if old_stage.as_deref() == Some(stage.id.as_str()) {
        return Ok(());
    }
    if !pipeline_changed {
        check_rules(pipeline, old_stage.as_deref(), stage)?;
    }
    let missing: Vec<String> = stage.required.iter().filter(|p| record.get(p).is_none()).cloned().collect();
    if !missing.is_empty() {
        return Err(PipelineError::MissingRequired { stage: stage.label.clone(), properties: missing });
    }
    if stage.state.is_closed() && has_close_date && record.get(CLOSE_DATE).is_none() {
        record.set(CLOSE_DATE, Some(Value::Text(ctx.now.to_date())), ctx.now, ctx.source);
    }
    Ok(())
}

/// The pipeline's rules for a move within it. Closing (won, lost, closed) is never a skip:
/// a deal can be lost at any stage.
fn check_rules(pipeline: &Pipeline, from: Option<&str>, to: &Stage) -> Result<(), PipelineError> {
    let (Some(from_id), Some(to_at)) = (from, pipeline.position(&to.id)) else { return Ok(()) };
    let Some(from_at) = pipeline.position(from_id) else { return Ok(()) };
    let labels = || (pipeline.stages[from_at].label.clone(), to.label.clone());
    if pipeline.rules.no_backwards && to_at < from_at {
        let (from, to) = labels();
        return Err(PipelineError::MovesBackwards { from, to });
    }
    if pipeline.rules.no_skipping && to_at > from_at + 1 && !to.state.is_closed() {
        let (from, to) = labels();
        return Err(PipelineError::SkipsStages { from, to });
    }
    Ok(())
}
