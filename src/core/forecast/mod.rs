//! Forecast and pipeline analytics: pure figures over one pipeline's records.
//!
//! Every report reads the records of one pipeline whose close date falls in a range (both
//! bounds optional and inclusive, `YYYY-MM-DD`; with no bound, undated records count too).
//! Amounts are minor units; rates are fractions from 0 to 1; durations are days. A figure
//! with nothing to average or divide by is `None`, never a made-up zero.

use crate::core::board::weigh;
use crate::core::i18n::format::format_number;
use crate::core::i18n::Lang;
use crate::core::pipeline::{properties_of, stage_times, Pipeline, StageState};
use crate::core::record::Record;
use crate::core::time::Millis;
use crate::core::value::Value;
use crate::core::workspace::Workspace;

/// Inclusive bounds on the close date.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Range {
    pub from: Option<String>,
    pub to: Option<String>,
}

impl Range {
    fn holds(&self, close: &str) -> bool {
        if self.from.is_none() && self.to.is_none() {
            return true;
        }
        !close.is_empty() && self.from.as_deref().is_none_or(|f| close >= f) && self.to.as_deref().is_none_or(|t| close <= t)
    }
}

/// One close month of the forecast.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MonthRow {
    /// `YYYY-MM`.
    pub month: String,
    /// Open and won amounts (lost deals are out of the forecast).
    pub total: i64,
    /// Open amounts × their stage's probability, plus won amounts.
    pub weighted: i64,
    pub won: i64,
}

/// How many records reached a stage and how many went on.
#[derive(Clone, Debug, PartialEq)]
pub struct ConversionRow {
    pub stage: String,
    pub reached: usize,
    /// Share of those that reached the next open stage (or won, for the last open stage).
    pub to_next: Option<f64>,
    pub to_won: Option<f64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub won: usize,
    pub lost: usize,
    pub open: usize,
    /// Done, neither won nor lost (a ticket's "Closed").
    pub closed: usize,
    /// Won ÷ (won + lost).
    pub win_rate: Option<f64>,
    /// Average amount of won deals, minor units.
    pub average_won: Option<i64>,
    /// Average days from creation to close of won deals.
    pub cycle_days: Option<f64>,
}

/// One record as the reports read it.
#[derive(Clone)]
struct Deal<'a> {
    record: &'a Record,
    state: StageState,
    at: usize,
    amount: i64,
    close: String,
}

fn deals<'a>(ws: &'a Workspace, pipeline: &'a Pipeline, range: &'a Range) -> impl Iterator<Item = Deal<'a>> + 'a {
    let (pipeline_prop, stage_prop) = properties_of(&pipeline.object);
    ws.records().filter(move |r| r.object == pipeline.object).filter_map(move |record| {
        if record.get(pipeline_prop).and_then(Value::as_text) != Some(pipeline.id.as_str()) {
            return None;
        }
        let at = pipeline.position(record.get(stage_prop).and_then(Value::as_text)?)?;
        let close = record.text("closedate").chars().take(10).collect::<String>();
        if !range.holds(&close) {
            return None;
        }
        let amount = match record.get("amount") {
            Some(Value::Int(minor)) => *minor,
            Some(Value::Number(n)) => n.round() as i64,
            _ => 0,
        };
        Some(Deal { record, state: pipeline.stages[at].state, at, amount, close })
    })
}

/// Total, weighted and won amounts per close month, months in order; undated deals are left out.
pub fn forecast_by_month(ws: &Workspace, pipeline: &Pipeline, range: &Range) -> Vec<MonthRow> {
    let mut months: std::collections::BTreeMap<String, MonthRow> = std::collections::BTreeMap::new();
    for deal in deals(ws, pipeline, range).filter(|d| d.close.len() >= 7 && d.state != StageState::Lost) {
        let month = deal.close[..7].to_string();
        let row = months.entry(month.clone()).or_insert_with(|| MonthRow { month, ..MonthRow::default() });
        row.total += deal.amount;
        if deal.state == StageState::Open {
            row.weighted += weigh(deal.amount, pipeline.stages[deal.at].probability);
        } else {
            row.weighted += deal.amount;
            row.won += deal.amount;
        }
    }
    months.into_values().collect()
}

/// The furthest open stage a record reached (its history included); a won record reached
/// them all. `None` for a record that never was in an open stage.
fn furthest_open(pipeline: &Pipeline, deal: &Deal) -> Option<usize> {
    let open: Vec<usize> = (0..pipeline.stages.len()).filter(|i| pipeline.stages[*i].state == StageState::Open).collect();
    if deal.state == StageState::Won {
        return open.last().copied();
    }
    let visited = stage_times(deal.record, Millis(0));
    open.iter().rev().copied().find(|i| *i == deal.at || visited.iter().any(|t| t.stage == pipeline.stages[*i].id))
}

/// Per open stage: records that reached it, and the share that went on to the next open
/// stage and to a won stage.
pub fn conversion(ws: &Workspace, pipeline: &Pipeline, range: &Range) -> Vec<ConversionRow> {
    conversion_of(pipeline, deals(ws, pipeline, range))
}

fn conversion_of<'a>(pipeline: &Pipeline, deals: impl Iterator<Item = Deal<'a>>) -> Vec<ConversionRow> {
    let open: Vec<usize> = (0..pipeline.stages.len()).filter(|i| pipeline.stages[*i].state == StageState::Open).collect();
    let mut reached = vec![0usize; open.len()];
    let mut won = vec![0usize; open.len()];
    for deal in deals {
        let is_won = deal.state == StageState::Won;
        let Some(furthest) = furthest_open(pipeline, &deal) else { continue };
        for k in (0..open.len()).filter(|k| open[*k] <= furthest) {
            reached[k] += 1;
            won[k] += usize::from(is_won);
        }
    }
    let share = |n: usize, of: usize| (of > 0).then(|| n as f64 / of as f64);
    open.iter()
        .enumerate()
        .map(|(k, i)| {
            let next = if k + 1 < open.len() { reached[k + 1] } else { won[k] };
            ConversionRow { stage: pipeline.stages[*i].id.clone(), reached: reached[k], to_next: share(next, reached[k]), to_won: share(won[k], reached[k]) }
        })
        .collect()
}

/// Average days spent in each stage (all stays of each record that visited it, the current
/// one up to `now`), in stage order; `None` for a stage nobody visited.
pub fn time_in_stage(ws: &Workspace, pipeline: &Pipeline, range: &Range, now: Millis) -> Vec<(String, Option<f64>)> {
    let mut sums = vec![(0i64, 0usize); pipeline.stages.len()];
    for deal in deals(ws, pipeline, range) {
        for time in stage_times(deal.record, now) {
            if let Some(i) = pipeline.position(&time.stage) {
                sums[i].0 += time.cumulative;
                sums[i].1 += 1;
            }
        }
    }
    pipeline.stages.iter().zip(sums).map(|(s, (ms, n))| (s.id.clone(), (n > 0).then(|| ms as f64 / n as f64 / Millis::DAY as f64))).collect()
}

/// How many records sit in each stage, in stage order: what a pipeline without amounts
/// (tickets) reports instead of money.
pub fn stage_counts(ws: &Workspace, pipeline: &Pipeline, range: &Range) -> Vec<(String, usize)> {
    let mut counts = vec![0usize; pipeline.stages.len()];
    for deal in deals(ws, pipeline, range) {
        counts[deal.at] += 1;
    }
    pipeline.stages.iter().zip(counts).map(|(s, n)| (s.id.clone(), n)).collect()
}

/// The stage with the longest average time among open stages: the bottleneck.
pub fn slowest_stage(pipeline: &Pipeline, times: &[(String, Option<f64>)]) -> Option<String> {
    times
        .iter()
        .filter(|(id, _)| pipeline.stage(id).is_some_and(|s| s.state == StageState::Open))
        .filter_map(|(id, days)| Some((id, (*days)?)))
        .fold(None::<(&String, f64)>, |best, (id, d)| if best.is_none_or(|(_, b)| d > b) { Some((id, d)) } else { best })
        .map(|(id, _)| id.clone())
}

/// Win rate, average won amount and sales cycle over the range.
pub fn summary(ws: &Workspace, pipeline: &Pipeline, range: &Range) -> Summary {
    summary_of(deals(ws, pipeline, range))
}

fn summary_of<'a>(deals: impl Iterator<Item = Deal<'a>>) -> Summary {
    let (mut won, mut lost, mut open, mut closed, mut won_amount, mut cycle_ms) = (0usize, 0usize, 0usize, 0usize, 0i64, 0i64);
    for deal in deals {
        match deal.state {
            StageState::Won => {
                won += 1;
                won_amount += deal.amount;
                let closed = chrono::NaiveDate::parse_from_str(&deal.close, "%Y-%m-%d").ok().and_then(|d| d.and_hms_opt(0, 0, 0)).map(|t| t.and_utc().timestamp_millis());
                cycle_ms += closed.map_or(0, |c| (c - deal.record.created.0).max(0));
            }
            StageState::Lost => lost += 1,
            StageState::Open => open += 1,
            StageState::Closed => closed += 1,
        }
    }
    Summary {
        won,
        lost,
        open,
        closed,
        win_rate: (won + lost > 0).then(|| won as f64 / (won + lost) as f64),
        average_won: (won > 0).then(|| (won_amount as f64 / won as f64).round() as i64),
        cycle_days: (won > 0).then(|| cycle_ms as f64 / won as f64 / Millis::DAY as f64),
    }
}

/// A rate as the reports print it, e.g. `50%` or `50 %` in French; `–` when there is none.
pub fn percent_text(lang: Lang, rate: Option<f64>) -> String {
    let Some(rate) = rate else { return String::from("–") };
    let number = format_number(lang, rate * 100.0, 0);
    match lang {
        Lang::Fr | Lang::Pl => format!("{number}\u{a0}%"),
        _ => format!("{number}%"),
    }
}

/// Days with one decimal, the locale's way; `–` when there is no figure.
pub fn days_text(lang: Lang, days: Option<f64>) -> String {
    days.map_or_else(|| String::from("–"), |d| format_number(lang, d, 1))
}

mod owners;

pub use crate::core::pipeline::ForecastCategory;
pub use owners::{by_owner, by_team, category_msg, category_of, velocity, OwnerRow};

#[cfg(test)]
mod owners_tests;
#[cfg(test)]
mod tests;
