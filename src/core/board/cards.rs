//! A board's columns with their cards, filtered by owner, close date and text.
//!
//! The header figures are summed over the matching records, so they always describe the
//! cards below them (unfiltered, they equal [`super::board_totals`]).
//! Each column lists at most `limit` cards (the rest are counted in `more`), which keeps a
//! board of thousands of deals quick to draw.

use super::{stage_and_amount, weigh, BoardSpec, StageTotals};
use crate::core::fold::fold;
use crate::core::owner::OwnerId;
use crate::core::pipeline::Pipeline;
use crate::core::prop_key::PropKey;
use crate::core::record::Record;
use crate::core::record_card::record_name;
use crate::core::time::Millis;
use crate::core::value::Value;
use crate::core::workspace::Workspace;

/// What the board's filter bar asks for; empty fields filter nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BoardFilter {
    /// An owner id.
    pub owner: Option<String>,
    /// Inclusive `YYYY-MM-DD` bounds on the close date.
    pub close_from: Option<String>,
    pub close_to: Option<String>,
    /// Words the card's name must contain (case- and accent-insensitive).
    pub search: String,
}

impl BoardFilter {
    /// Owner and close date; the text search needs the name and is checked apart.
    fn keeps(&self, record: &Record, close: &str) -> bool {
        if let Some(owner) = &self.owner {
            if record.get("hubspot_owner_id").map(Value::display).as_deref() != Some(owner.as_str()) {
                return false;
            }
        }
        let outside_from = self.close_from.as_deref().is_some_and(|from| close.is_empty() || close < from);
        let outside_to = self.close_to.as_deref().is_some_and(|to| close.is_empty() || close > to);
        !(outside_from || outside_to)
    }
}

/// One deal or ticket as the board shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Card {
    pub id: crate::core::id::RecordId,
    pub name: String,
    /// Minor units; `None` when the record has no amount.
    pub amount: Option<i64>,
    /// `YYYY-MM-DD`, empty when unset.
    pub close_date: String,
    pub owner: Option<String>,
    /// Whole days since it entered its stage.
    pub days_in_stage: i64,
    /// In its stage longer than the pipeline's threshold.
    pub stalled: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    pub totals: StageTotals,
    pub cards: Vec<Card>,
    /// Matching cards not listed because of the limit.
    pub more: usize,
    /// Cards flagged as stalled in this column (all matching ones, listed or not).
    pub stalled: usize,
}

fn card(ws: &Workspace, record: &Record, amount: Option<i64>, close: &str, days: i64, stalled: bool) -> Card {
    let owner_id = record.text("hubspot_owner_id");
    let owner = (!owner_id.is_empty()).then(|| ws.owner(&OwnerId(owner_id.clone())).map_or(owner_id, |o| o.name.clone()));
    Card { id: record.id.clone(), name: record_name(ws, record), amount, close_date: close.to_string(), owner, days_in_stage: days, stalled }
}

/// A matching record before it becomes a card: its close date, number and days in stage.
struct Row<'a> {
    close: &'a str,
    record: &'a Record,
    amount: Option<i64>,
    days: i64,
    stalled: bool,
}

/// The columns of a pipeline's board: header figures and up to `limit` cards each, the
/// cards closing soonest first (undated last), then oldest record first. Only the listed
/// cards are built (names, owners), so a board of thousands of deals stays quick.
pub fn board_columns(ws: &Workspace, pipeline: &Pipeline, filter: &BoardFilter, limit: usize, now: Millis) -> Vec<Column> {
    let spec = BoardSpec::of(pipeline);
    let stage_key = PropKey::of(spec.stage_property);
    let amount_key = (!spec.amount_property.is_empty()).then(|| PropKey::of(spec.amount_property));
    let close_key = PropKey::of("closedate");
    let words: Vec<String> = fold(&filter.search).split_whitespace().map(str::to_string).collect();
    let mut rows: Vec<Vec<Row>> = spec.stages.iter().map(|_| Vec::new()).collect();
    let mut columns: Vec<Column> = spec
        .stages
        .iter()
        .map(|(stage, _)| Column { totals: StageTotals { stage: stage.clone(), ..StageTotals::default() }, cards: Vec::new(), more: 0, stalled: 0 })
        .collect();
    for record in ws.records().filter(|r| r.object == spec.object) {
        let Some((stage, amount)) = stage_and_amount(record, stage_key, amount_key) else { continue };
        let Some(at) = spec.stages.iter().position(|(s, _)| s == stage) else { continue };
        let close = match record.get_key(close_key) {
            Some(Value::Text(t)) => t.get(..10).unwrap_or(t),
            _ => "",
        };
        if !filter.keeps(record, close) {
            continue;
        }
        if !words.is_empty() {
            let name = fold(&record_name(ws, record));
            if !words.iter().all(|w| name.contains(w.as_str())) {
                continue;
            }
        }
        let days = record.props.last_written(stage_key).map_or(0, |entered| (now.0 - entered.0).max(0) / Millis::DAY);
        let stalled = pipeline.stalled_after_days.is_some_and(|limit| days > i64::from(limit));
        let has_amount = amount_key.and_then(|k| record.get_key(k)).is_some();
        let column = &mut columns[at];
        column.totals.count += 1;
        column.totals.amount += amount;
        column.stalled += usize::from(stalled);
        rows[at].push(Row { close, record, amount: has_amount.then_some(amount), days, stalled });
    }
    for ((column, mut rows), (_, probability)) in columns.iter_mut().zip(rows).zip(&spec.stages) {
        column.totals.weighted = weigh(column.totals.amount, *probability);
        rows.sort_unstable_by(|a, b| (a.close.is_empty(), a.close, a.record.number).cmp(&(b.close.is_empty(), b.close, b.record.number)));
        column.more = rows.len().saturating_sub(limit);
        column.cards = rows.iter().take(limit).map(|r| card(ws, r.record, r.amount, r.close, r.days, r.stalled)).collect();
    }
    columns
}

/// An amount in minor units as the board shows it: whole units, grouped the locale's way.
pub fn amount_text(lang: crate::core::i18n::Lang, minor_units: i64) -> String {
    crate::core::i18n::format::format_number(lang, (minor_units as f64 / 100.0).round(), 0)
}

/// The column a board flags as its bottleneck: the open stage with the most stalled cards
/// (ties go to the earlier stage); `None` when nothing is stalled.
pub fn bottleneck(columns: &[Column], pipeline: &Pipeline) -> Option<usize> {
    let open = |i: &usize| pipeline.stages.get(*i).is_some_and(|s| !s.state.is_closed());
    let (at, most) = (0..columns.len()).filter(open).map(|i| (i, columns[i].stalled)).fold((0, 0), |best, (i, n)| if n > best.1 { (i, n) } else { best });
    (most > 0).then_some(at)
}

#[cfg(test)]
mod tests;
