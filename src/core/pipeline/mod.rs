//! Pipelines: the ordered stages a deal, ticket or other record moves through.
//!
//! An object may have several pipelines; a record names its pipeline and its stage in two
//! properties ([`properties_of`]). Each stage carries a win probability (what a board
//! weighs amounts by), a state (open, won, lost, closed) and the properties a record must
//! have to enter it; a pipeline may forbid skipping stages or moving backwards, and flags
//! records that sit in a stage longer than its "stalled after" threshold.
//!
//! Each pipeline is its own stored entity, so sync and backup carry it like a record. A
//! deleted pipeline stays as a tombstone (`deleted`), so a snapshot without it does not
//! bring the default back and another device learns of the deletion. Stage ids are unique
//! across the pipelines of an object, so a stage id alone names a column.

mod category;
mod edit;
mod history;
mod history_props;
mod merge;
mod moves;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use thiserror::Error;

pub use category::ForecastCategory;
pub use edit::{plan_edit, PipelineEdit, StageSettings};
pub use history::{entered_current_stage, stage_history, stage_times, StageTime, StageVisit};
pub use history_props::{history_property, stage_history_properties, stage_history_value, value_at, with_stage_history, HistoryField, ENTERED_CURRENT};
pub use merge::{merge_pipeline, PipelineConflict};
pub use moves::plan_move;

/// A pipeline's id: HubSpot's `default` for the sales pipeline, minted ids for new ones.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PipelineId(pub String);

impl PipelineId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Whether a stage is still in play and how it ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StageState {
    Open,
    Won,
    Lost,
    /// Done, neither won nor lost (a ticket's "Closed").
    Closed,
}

impl StageState {
    pub fn is_closed(self) -> bool {
        self != StageState::Open
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stage {
    pub id: String,
    pub label: String,
    /// Win probability in percent, 0 to 100.
    pub probability: u8,
    pub state: StageState,
    /// Properties a record must have to enter this stage.
    pub required: Vec<String>,
    /// The forecast category chosen in the editor; `None` follows the probability.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<ForecastCategory>,
}

impl Stage {
    fn new(id: &str, label: &str, probability: u8, state: StageState) -> Self {
        Stage { id: id.to_string(), label: label.to_string(), probability, state, required: Vec::new(), category: None }
    }

    /// The amount weighted by this stage's probability, rounded once.
    pub fn weigh(&self, amount: i64) -> i64 {
        (amount as f64 * f64::from(self.probability) / 100.0).round() as i64
    }
}

/// HubSpot's pipeline rules.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PipelineRules {
    /// A record may only move to the next open stage (or to a closed one).
    pub no_skipping: bool,
    /// A record may not move to an earlier stage.
    pub no_backwards: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pipeline {
    pub id: PipelineId,
    /// The object whose records it holds, e.g. `deals`.
    pub object: String,
    pub label: String,
    /// Stages in board order.
    pub stages: Vec<Stage>,
    pub rules: PipelineRules,
    /// Records in one stage longer than this are flagged as stalled.
    pub stalled_after_days: Option<u32>,
    pub deleted: bool,
}

impl Pipeline {
    pub fn stage(&self, id: &str) -> Option<&Stage> {
        self.stages.iter().find(|s| s.id == id)
    }

    pub fn position(&self, stage: &str) -> Option<usize> {
        self.stages.iter().position(|s| s.id == stage)
    }

    /// A stage named by id or, as typed in an import, by label (case-insensitive).
    pub fn find_stage(&self, id_or_label: &str) -> Option<&Stage> {
        self.stage(id_or_label).or_else(|| self.stages.iter().find(|s| s.label.eq_ignore_ascii_case(id_or_label.trim())))
    }
}

/// Why a pipeline edit or a record's move between stages was refused.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum PipelineError {
    #[error("no pipeline {0}")]
    UnknownPipeline(String),
    #[error("no stage {0} in this pipeline")]
    UnknownStage(String),
    #[error("{0} has no pipelines")]
    NoPipelines(String),
    #[error("a name is required")]
    EmptyLabel,
    #[error("probability must be between 0 and 100")]
    Probability,
    #[error("{0} records are still in this pipeline")]
    PipelineInUse(usize),
    #[error("{0} records are still in this stage; choose where they go")]
    StageInUse(usize),
    #[error("{stage} requires {}", properties.join(", "))]
    MissingRequired { stage: String, properties: Vec<String> },
    #[error("this pipeline does not allow skipping from {from} to {to}")]
    SkipsStages { from: String, to: String },
    #[error("this pipeline does not allow moving back from {from} to {to}")]
    MovesBackwards { from: String, to: String },
}

/// The pipeline and stage properties of an object: HubSpot's names.
pub fn properties_of(object: &str) -> (&'static str, &'static str) {
    if object == "deals" {
        ("pipeline", "dealstage")
    } else {
        ("hs_pipeline", "hs_pipeline_stage")
    }
}

/// The pipelines a workspace starts with: HubSpot's defaults for deals and tickets.
pub fn default_pipelines() -> Vec<Pipeline> {
    use StageState::*;
    let sales = [
        ("appointmentscheduled", "Appointment scheduled", 20, Open),
        ("qualifiedtobuy", "Qualified to buy", 40, Open),
        ("presentationscheduled", "Presentation scheduled", 60, Open),
        ("decisionmakerboughtin", "Decision maker bought-in", 80, Open),
        ("contractsent", "Contract sent", 90, Open),
        ("closedwon", "Closed won", 100, Won),
        ("closedlost", "Closed lost", 0, Lost),
    ];
    let support = [("1", "New", 0, Open), ("2", "Waiting on contact", 0, Open), ("3", "Waiting on us", 0, Open), ("4", "Closed", 0, Closed)];
    let pipeline = |id: &str, object: &str, label: &str, stages: &[(&str, &str, u8, StageState)]| Pipeline {
        id: PipelineId(id.to_string()),
        object: object.to_string(),
        label: label.to_string(),
        stages: stages.iter().map(|(id, label, p, state)| Stage::new(id, label, *p, *state)).collect(),
        rules: PipelineRules::default(),
        stalled_after_days: Some(30),
        deleted: false,
    };
    vec![pipeline("default", "deals", "Sales Pipeline", &sales), pipeline("0", "tickets", "Support Pipeline", &support)]
}

/// Every pipeline of a workspace by id, deleted ones included as tombstones.
#[derive(Clone, Debug, PartialEq)]
pub struct Pipelines {
    by_id: BTreeMap<PipelineId, Pipeline>,
}

impl Default for Pipelines {
    fn default() -> Self {
        Pipelines { by_id: default_pipelines().into_iter().map(|p| (p.id.clone(), p)).collect() }
    }
}

impl Pipelines {
    pub fn get(&self, id: &str) -> Option<&Pipeline> {
        self.by_id.get(&PipelineId(id.to_string())).filter(|p| !p.deleted)
    }

    /// Every pipeline, tombstones included: what a snapshot stores.
    pub fn all(&self) -> impl Iterator<Item = &Pipeline> {
        self.by_id.values()
    }

    /// The live pipelines of an object, the default first, then by name.
    pub fn of_object(&self, object: &str) -> Vec<&Pipeline> {
        let mut out: Vec<&Pipeline> = self.by_id.values().filter(|p| p.object == object && !p.deleted).collect();
        out.sort_by(|a, b| (a.id.0 != "default" && a.id.0 != "0", &a.label).cmp(&(b.id.0 != "default" && b.id.0 != "0", &b.label)));
        out
    }

    /// The live pipeline of an object holding a stage.
    pub fn holding(&self, object: &str, stage: &str) -> Option<&Pipeline> {
        self.by_id.values().find(|p| p.object == object && !p.deleted && p.stage(stage).is_some())
    }

    /// Sets or removes one pipeline; removing a default brings the default back, as a
    /// workspace without that entity holds it.
    pub fn put(&mut self, id: PipelineId, pipeline: Option<Pipeline>) {
        match pipeline {
            Some(p) => {
                self.by_id.insert(id, p);
            }
            None => match default_pipelines().into_iter().find(|p| p.id == id) {
                Some(default) => {
                    self.by_id.insert(id, default);
                }
                None => {
                    self.by_id.remove(&id);
                }
            },
        }
    }
}

#[cfg(test)]
mod history_query_tests;
#[cfg(test)]
mod tests;
