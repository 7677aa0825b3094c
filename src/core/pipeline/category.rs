//! Forecast categories of stages (HubSpot's Pipeline, Best case, Commit, Closed won).
//!
//! A stage may name its category; otherwise it follows from the stage's state and win
//! probability, as HubSpot's defaults do: won stages are "Closed won", lost and closed ones
//! are left out of the forecast, open stages at 80 % or more are "Commit", at 50 % or more
//! "Best case", the rest "Pipeline".

use serde::{Deserialize, Serialize};

use super::{Stage, StageState};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ForecastCategory {
    Pipeline,
    BestCase,
    Commit,
    ClosedWon,
    /// Not part of the forecast (lost, or closed without a win).
    Omitted,
}

impl ForecastCategory {
    /// The categories a forecast shows, in order.
    pub const SHOWN: [ForecastCategory; 4] = [ForecastCategory::Pipeline, ForecastCategory::BestCase, ForecastCategory::Commit, ForecastCategory::ClosedWon];
    /// Every category, as the pipeline editor offers them.
    pub const ALL: [ForecastCategory; 5] =
        [ForecastCategory::Pipeline, ForecastCategory::BestCase, ForecastCategory::Commit, ForecastCategory::ClosedWon, ForecastCategory::Omitted];

    /// The category a stage has when it names none.
    pub fn default_for(state: StageState, probability: u8) -> ForecastCategory {
        match state {
            StageState::Won => ForecastCategory::ClosedWon,
            StageState::Lost | StageState::Closed => ForecastCategory::Omitted,
            StageState::Open if probability >= 80 => ForecastCategory::Commit,
            StageState::Open if probability >= 50 => ForecastCategory::BestCase,
            StageState::Open => ForecastCategory::Pipeline,
        }
    }

    /// A stable name for forms (`best_case`).
    pub fn key(self) -> &'static str {
        match self {
            ForecastCategory::Pipeline => "pipeline",
            ForecastCategory::BestCase => "best_case",
            ForecastCategory::Commit => "commit",
            ForecastCategory::ClosedWon => "closed_won",
            ForecastCategory::Omitted => "omitted",
        }
    }

    pub fn from_key(key: &str) -> Option<ForecastCategory> {
        ForecastCategory::ALL.into_iter().find(|c| c.key() == key)
    }
}

impl Stage {
    /// The stage's forecast category: the one it names, else the default for its state and probability.
    pub fn category(&self) -> ForecastCategory {
        self.category.unwrap_or_else(|| ForecastCategory::default_for(self.state, self.probability))
    }
}
