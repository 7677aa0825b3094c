//! A board's columns with their cards, filtered by owner, close date and text.
//!
//! The header figures are summed over the matching records, so they always describe the
//! cards below them (unfiltered, they equal [`super::board_totals`]).
//! Each column lists at most `limit` cards (the rest are counted in `more`), which keeps a
//! board of thousands of deals quick to draw.

use super::{stage_and_amount, weigh, BoardSpec, StageTotals};
use crate::core::fold::fold;
use crate::core::owner::OwnerId;
use crate::core::pipeline::{entered_current_stage, Pipeline};
use crate::core::prop_key::PropKey;
use crate::core::record::Record;
use crate::core::record_card::record_name;
use crate::core::time::Millis;
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
    fn keeps(&self, record: &Record, name: &str) -> bool {
        if let Some(owner) = &self.owner {
            if record.text("hubspot_owner_id") != *owner {
                return false;
            }
        }
        let close = record.text("closedate");
        let close = close.get(..10).unwrap_or(&close);
        if self.close_from.as_deref().is_some_and(|from| close.is_empty() || close < from) || self.close_to.as_deref().is_some_and(|to| close.is_empty() || close > to) {
            return false;
        }
        let folded = fold(name);
        fold(&self.search).split_whitespace().all(|word| folded.contains(word))
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

fn card(ws: &Workspace, pipeline: &Pipeline, record: &Record, name: String, amount: Option<i64>, now: Millis) -> Card {
    let days = entered_current_stage(record).map_or(0, |at| (now.0 - at.0).max(0) / Millis::DAY);
    let owner_id = record.text("hubspot_owner_id");
    let owner = (!owner_id.is_empty()).then(|| ws.owner(&OwnerId(owner_id.clone())).map_or(owner_id, |o| o.name.clone()));
    let close = record.text("closedate");
    Card {
        id: record.id.clone(),
        name,
        amount,
        close_date: close.get(..10).unwrap_or(&close).to_string(),
        owner,
        days_in_stage: days,
        stalled: pipeline.stalled_after_days.is_some_and(|limit| days > i64::from(limit)),
    }
}

/// The columns of a pipeline's board: header figures and up to `limit` cards each, the
/// cards closing soonest first (undated last), then by name.
pub fn board_columns(ws: &Workspace, pipeline: &Pipeline, filter: &BoardFilter, limit: usize, now: Millis) -> Vec<Column> {
    let spec = BoardSpec::of(pipeline);
    let stage_key = PropKey::of(spec.stage_property);
    let amount_key = (!spec.amount_property.is_empty()).then(|| PropKey::of(spec.amount_property));
    let mut columns: Vec<Column> = spec
        .stages
        .iter()
        .map(|(stage, _)| Column { totals: StageTotals { stage: stage.clone(), ..StageTotals::default() }, cards: Vec::new(), more: 0, stalled: 0 })
        .collect();
    for record in ws.records().filter(|r| r.object == spec.object) {
        let Some((stage, amount)) = stage_and_amount(record, stage_key, amount_key) else { continue };
        let Some(at) = spec.stages.iter().position(|(s, _)| s == stage) else { continue };
        let name = record_name(ws, record);
        if !filter.keeps(record, &name) {
            continue;
        }
        let has_amount = amount_key.and_then(|k| record.get_key(k)).is_some();
        let card = card(ws, pipeline, record, name, has_amount.then_some(amount), now);
        let column = &mut columns[at];
        column.totals.count += 1;
        column.totals.amount += amount;
        column.stalled += usize::from(card.stalled);
        column.cards.push(card);
    }
    for (i, column) in columns.iter_mut().enumerate() {
        column.totals.weighted = weigh(column.totals.amount, spec.stages[i].1);
        column.cards.sort_by(|a, b| (a.close_date.is_empty(), &a.close_date, &a.name).cmp(&(b.close_date.is_empty(), &b.close_date, &b.name)));
        column.more = column.cards.len().saturating_sub(limit);
        column.cards.truncate(limit);
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
