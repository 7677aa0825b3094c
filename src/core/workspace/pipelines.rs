//! Pipeline edits and the pipeline rules of record writes.
//!
//! A pipeline edit is one commit: the pipeline's new state, plus, when a stage that holds
//! records is deleted, those records moved to the stage the user chose.

use super::Workspace;
use crate::core::change::{Change, Commit, Entity, EntityKey};
use crate::core::command::{CommandError, Context};
use crate::core::pipeline::{plan_edit, plan_move, properties_of, PipelineEdit, PipelineError, Pipelines};
use crate::core::record::Record;
use crate::core::calculate;
use crate::core::value::Value;

/// The deal property HubSpot keeps equal to the stage's win probability.
const PROBABILITY: &str = "hs_deal_stage_probability";

impl Workspace {
    pub fn pipelines(&self) -> &Pipelines {
        &self.pipelines
    }

    /// Records of an object whose property holds one of `values`.
    fn records_with(&self, object: &str, property: &str, value: &str) -> Vec<&Record> {
        self.records().filter(|r| r.object == object && matches!(r.get(property), Some(Value::Text(t)) if t == value)).collect()
    }

    pub(super) fn edit_pipeline(&mut self, edit: &PipelineEdit, ctx: &Context) -> Result<Commit, CommandError> {
        let schema = &self.schema;
        let ids = &mut self.ids;
        let has_pipelines = |object: &str| schema.object(object).is_some_and(|o| o.enabled && o.property(properties_of(object).1).is_some());
        let after = plan_edit(&self.pipelines, edit, || ids.next(ctx.now).to_string(), has_pipelines)?;
        let (pipeline_prop, stage_prop) = properties_of(&after.object);
        let mut changes = Vec::new();
        match edit {
            PipelineEdit::Delete { pipeline } => {
                let held = self.records_with(&after.object, pipeline_prop, pipeline).len();
                if held > 0 {
                    return Err(PipelineError::PipelineInUse(held).into());
                }
            }
            PipelineEdit::DeleteStage { stage, move_to, .. } => {
                let held: Vec<Record> = self.records_with(&after.object, stage_prop, stage).into_iter().cloned().collect();
                match move_to {
                    None if !held.is_empty() => return Err(PipelineError::StageInUse(held.len()).into()),
                    Some(target) => {
                        for before in held {
                            let mut moved = before.clone();
                            moved.set(stage_prop, Some(Value::Text(target.clone())), ctx.now, ctx.source);
                            let key = EntityKey::Record(before.id.clone());
                            changes.push(Change { key, before: Some(Entity::Record(before)), after: Some(Entity::Record(moved)) });
                        }
                    }
                    None => {}
                }
            }
            _ => {}
        }
        let key = EntityKey::Pipeline(after.id.clone());
        let before = self.pipelines.all().find(|p| p.id == after.id).cloned().map(Entity::Pipeline);
        changes.insert(0, Change { key, before, after: Some(Entity::Pipeline(after)) });
        Ok(self.apply(changes, None))
    }

    /// Resolves and checks a record's pipeline and stage before it is written.
    /// A deal's `hs_deal_stage_probability` follows its stage, and the formulas that read
    /// it (the weighted amount) are computed again.
    pub(super) fn check_pipeline(&self, before: Option<&Record>, record: &mut Record, ctx: &Context) -> Result<(), CommandError> {
        let Some(def) = self.schema.object(&record.object) else { return Ok(()) };
        plan_move(&self.pipelines, before, record, ctx, def.property("closedate").is_some())?;
        let stage_prop = properties_of(&record.object).1;
        let stage = record.get(stage_prop).and_then(Value::as_text).filter(|s| before.and_then(|b| b.get(stage_prop)).and_then(Value::as_text) != Some(*s));
        let probability = stage.and_then(|s| self.pipelines.holding(&record.object, s)?.stage(s)).map(|s| f64::from(s.probability) / 100.0);
        if let (Some(p), Some(_)) = (probability, def.property(PROBABILITY)) {
            record.set(PROBABILITY, Some(Value::Number(p)), ctx.now, ctx.source);
            calculate::refresh(def, record, ctx.now, ctx.source);
        }
        Ok(())
    }
}
