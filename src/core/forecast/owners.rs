//! Forecast categories, forecast and rep performance per owner and per team, and pipeline
//! velocity.
//!
//! A stage's forecast category is chosen in the pipeline editor or follows from its state
//! and probability ([`crate::core::pipeline::ForecastCategory`]).
//! Per owner (the record's `hubspot_owner_id`, unassigned records on a row of their own)
//! and per owner's team, the rows give what a manager coaches from: deals owned, amounts per
//! category, won amount, win rate, average cycle and conversion at each open stage.

use std::collections::BTreeMap;

use super::{conversion_of, deals, summary_of, ConversionRow, Deal, Range, Summary};
use crate::core::board::weigh;
use crate::core::i18n::Msg;
use crate::core::pipeline::{ForecastCategory, Pipeline, Stage, StageState};
use crate::core::workspace::Workspace;

/// A stage's forecast category: the one chosen in the pipeline editor, else the default
/// for its state and probability.
pub fn category_of(stage: &Stage) -> ForecastCategory {
    stage.category()
}

/// A category's name on screen.
pub fn category_msg(category: ForecastCategory) -> Msg {
    match category {
        ForecastCategory::Pipeline => Msg::ReportCatPipeline,
        ForecastCategory::BestCase => Msg::ReportCatBestCase,
        ForecastCategory::Commit => Msg::ReportCatCommit,
        ForecastCategory::ClosedWon => Msg::ReportCatClosedWon,
        ForecastCategory::Omitted => Msg::ReportCatOmitted,
    }
}

/// One owner's (or one team's) forecast and performance.
#[derive(Clone, Debug, PartialEq)]
pub struct OwnerRow {
    /// The owner's id or the team's name; `None` for records nobody owns (or owners
    /// without a team).
    pub key: Option<String>,
    pub deals: usize,
    /// Amounts per [`ForecastCategory::SHOWN`] category, minor units.
    pub categories: [i64; 4],
    /// Open amounts weighted by their stage's probability, plus won amounts.
    pub weighted: i64,
    pub won_amount: i64,
    /// Won, lost and open counts, win rate, average won deal and cycle.
    pub summary: Summary,
    /// Conversion at each open stage, in stage order.
    pub conversion: Vec<ConversionRow>,
}

fn row<'a>(pipeline: &Pipeline, key: Option<String>, deals: Vec<Deal<'a>>) -> OwnerRow {
    let mut categories = [0i64; 4];
    let (mut weighted, mut won_amount) = (0i64, 0i64);
    for deal in &deals {
        let stage = &pipeline.stages[deal.at];
        let category = category_of(stage);
        if let Some(i) = ForecastCategory::SHOWN.iter().position(|c| *c == category) {
            categories[i] += deal.amount;
        }
        match deal.state {
            StageState::Open => weighted += weigh(deal.amount, stage.probability),
            StageState::Won => {
                weighted += deal.amount;
                won_amount += deal.amount;
            }
            _ => {}
        }
    }
    let count = deals.len();
    let conversion = conversion_of(pipeline, deals.iter().cloned());
    OwnerRow { key, deals: count, categories, weighted, won_amount, summary: summary_of(deals.into_iter()), conversion }
}

fn grouped(ws: &Workspace, pipeline: &Pipeline, range: &Range, key_of: impl Fn(&Deal) -> Option<String>) -> Vec<OwnerRow> {
    let mut groups: BTreeMap<Option<String>, Vec<Deal>> = BTreeMap::new();
    for deal in deals(ws, pipeline, range) {
        groups.entry(key_of(&deal)).or_default().push(deal);
    }
    // Named rows first (BTreeMap puts `None` first), the unassigned row last.
    let mut rows: Vec<OwnerRow> = groups.into_iter().map(|(key, deals)| row(pipeline, key, deals)).collect();
    let unassigned_first = rows.first().is_some_and(|r| r.key.is_none());
    rows.rotate_left(usize::from(unassigned_first));
    rows
}

fn owner_of(deal: &Deal) -> Option<String> {
    Some(deal.record.text("hubspot_owner_id")).filter(|o| !o.is_empty())
}

/// Forecast and performance per owner, by owner id; records nobody owns last.
pub fn by_owner(ws: &Workspace, pipeline: &Pipeline, range: &Range) -> Vec<OwnerRow> {
    grouped(ws, pipeline, range, owner_of)
}

/// Forecast and performance per team of the owners; records of owners without a team (or
/// without an owner) last.
pub fn by_team(ws: &Workspace, pipeline: &Pipeline, range: &Range) -> Vec<OwnerRow> {
    let team = |deal: &Deal| owner_of(deal).and_then(|id| ws.owners().find(|o| o.id.0 == id).and_then(|o| o.team.clone()));
    grouped(ws, pipeline, range, team)
}

/// Pipeline velocity: open deals × average won deal × win rate ÷ average cycle, in minor
/// units per day; `None` without a won deal or with a zero cycle.
pub fn velocity(summary: &Summary) -> Option<f64> {
    let (average, rate, cycle) = (summary.average_won?, summary.win_rate?, summary.cycle_days?);
    (cycle > 0.0).then(|| summary.open as f64 * average as f64 * rate / cycle)
}
