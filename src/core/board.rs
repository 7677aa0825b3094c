//! Board totals: per pipeline stage, how many records, their total and weighted amount.
//!
//! A deal board shows each stage as a column headed by its count, its total amount and the
//! amount weighted by the stage's win probability (HubSpot's forecast). Amounts are summed
//! in minor units, so totals are exact; the weighted total is rounded once per stage.
//!
//! The boards of the standard pipelines (deals, tickets) are kept as running totals per
//! stage, updated by [`Workspace::put`] on every write, so reading them costs nothing
//! whatever the number of records. Any other board is summed by a scan.

use std::collections::HashMap;

use super::pipeline::{default_pipelines, properties_of, Pipeline};
use super::prop_key::PropKey;
use super::record::Record;
use super::value::Value;
use super::workspace::Workspace;

/// Which records a board shows and how it groups and sums them.
#[derive(Clone, Debug)]
pub struct BoardSpec {
    pub object: String,
    pub stage_property: &'static str,
    /// `""` when the object has no amount.
    pub amount_property: &'static str,
    /// Columns in order, with their win probability in percent.
    pub stages: Vec<(String, u8)>,
}

impl BoardSpec {
    /// The board of one pipeline: its stages in order.
    pub fn of(pipeline: &Pipeline) -> Self {
        BoardSpec {
            object: pipeline.object.clone(),
            stage_property: properties_of(&pipeline.object).1,
            amount_property: if pipeline.object == "deals" { "amount" } else { "" },
            stages: pipeline.stages.iter().map(|s| (s.id.clone(), s.probability)).collect(),
        }
    }

    /// The deal board of HubSpot's default sales pipeline.
    pub fn deals() -> Self {
        let pipelines = default_pipelines();
        let sales = pipelines.iter().find(|p| p.object == "deals");
        sales.map(Self::of).unwrap_or(BoardSpec { object: "deals".into(), stage_property: "dealstage", amount_property: "amount", stages: Vec::new() })
    }
}

/// One column's header figures. Amounts are in minor units.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StageTotals {
    pub stage: String,
    pub count: usize,
    pub amount: i64,
    pub weighted: i64,
}

/// Boards kept as running totals: object, stage property, amount property ("" for none).
const TRACKED: [(&str, &str, &str); 2] = [("deals", "dealstage", "amount"), ("tickets", "hs_pipeline_stage", "")];

/// Count and amount per stage of the tracked boards, maintained by the workspace.
#[derive(Debug, Default)]
pub struct StageTotalsIndex {
    /// Object → stage → (count, amount in minor units).
    boards: HashMap<String, HashMap<String, (usize, i64)>>,
}

/// A record's stage and amount (0 when unset), if it is in a stage.
pub(crate) fn stage_and_amount(record: &Record, stage_key: PropKey, amount_key: Option<PropKey>) -> Option<(&str, i64)> {
    let Some(Value::Text(stage)) = record.get_key(stage_key) else { return None };
    let amount = match amount_key.and_then(|k| record.get_key(k)) {
        Some(Value::Int(minor)) => *minor,
        Some(Value::Number(n)) => n.round() as i64,
        _ => 0,
    };
    Some((stage, amount))
}

impl StageTotalsIndex {
    /// Moves the totals from `old` to `new`; either may be absent.
    pub fn replace(&mut self, old: Option<&Record>, new: Option<&Record>) {
        if let Some(old) = old {
            self.add(old, -1);
        }
        if let Some(new) = new {
            self.add(new, 1);
        }
    }

    fn add(&mut self, record: &Record, sign: i64) {
        let Some((_, stage_property, amount_property)) = TRACKED.iter().find(|(o, _, _)| *o == record.object) else { return };
        let amount_key = (!amount_property.is_empty()).then(|| PropKey::of(amount_property));
        let Some((stage, amount)) = stage_and_amount(record, PropKey::of(stage_property), amount_key) else { return };
        // Looked up before inserting, so loading 20,000 deals does not copy their object's name.
        let board = match self.boards.get_mut(&*record.object) {
            Some(board) => board,
            None => self.boards.entry(record.object.to_string()).or_default(),
        };
        let totals = match board.get_mut(stage) {
            Some(totals) => totals,
            None => board.entry(stage.to_string()).or_default(),
        };
        totals.0 = totals.0.wrapping_add_signed(sign as isize);
        totals.1 += sign * amount;
        if totals.0 == 0 {
            board.remove(stage);
        }
    }

    fn covers(spec: &BoardSpec) -> bool {
        TRACKED.contains(&(spec.object.as_str(), spec.stage_property, spec.amount_property))
    }

    fn get(&self, object: &str, stage: &str) -> (usize, i64) {
        self.boards.get(object).and_then(|b| b.get(stage)).copied().unwrap_or_default()
    }
}

/// Count and amount per column by reading every record of the object.
fn scan(ws: &Workspace, spec: &BoardSpec) -> Vec<(usize, i64)> {
    let stage_key = PropKey::of(spec.stage_property);
    let amount_key = (!spec.amount_property.is_empty()).then(|| PropKey::of(spec.amount_property));
    let mut columns = vec![(0usize, 0i64); spec.stages.len()];
    for record in ws.records().filter(|r| r.object == spec.object) {
        let Some((stage, amount)) = stage_and_amount(record, stage_key, amount_key) else { continue };
        if let Some(column) = spec.stages.iter().position(|(s, _)| s == stage) {
            columns[column].0 += 1;
            columns[column].1 += amount;
        }
    }
    columns
}

/// An amount weighted by a probability in percent, rounded once.
pub fn weigh(amount: i64, probability: u8) -> i64 {
    (amount as f64 * f64::from(probability) / 100.0).round() as i64
}

/// The totals of every stage column, in column order. Records in no listed stage are left
/// out, as they are not on the board.
pub fn board_totals(ws: &Workspace, spec: &BoardSpec) -> Vec<StageTotals> {
    let columns = if StageTotalsIndex::covers(spec) {
        spec.stages.iter().map(|(stage, _)| ws.stage_totals().get(&spec.object, stage)).collect()
    } else {
        scan(ws, spec)
    };
    spec.stages
        .iter()
        .zip(columns)
        .map(|((stage, probability), (count, amount))| StageTotals {
            stage: stage.to_string(),
            count,
            amount,
            weighted: weigh(amount, *probability),
        })
        .collect()
}

mod cards;

pub use cards::{amount_text, board_columns, bottleneck, BoardFilter, Card, Column};

// Property tests need proptest, which is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod proptests;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::command::{Command, Context};
    use crate::core::id::IdGen;
    use crate::core::schema::default_schema;
    use crate::core::time::Millis;

    #[test]
    fn totals_count_sum_and_weight_each_stage() {
        let mut ws = Workspace::new(default_schema(), IdGen::new(2, 0));
        let deals = [("qualifiedtobuy", "1000"), ("qualifiedtobuy", "250.50"), ("contractsent", "99.99"), ("closedlost", "5000"), ("qualifiedtobuy", "")];
        for (stage, amount) in deals {
            let values = vec![("dealstage".to_string(), stage.to_string()), ("amount".to_string(), amount.to_string())];
            ws.execute(Command::CreateRecord { object: "deals".into(), values }, &Context::user(Millis(1))).expect("valid");
        }
        ws.execute(Command::CreateRecord { object: "contacts".into(), values: vec![] }, &Context::user(Millis(1))).expect("valid");
        let totals = board_totals(&ws, &BoardSpec::deals());
        let row = |stage: &str| totals.iter().find(|t| t.stage == stage).map(|t| (t.count, t.amount, t.weighted));
        assert_eq!(totals.len(), 7);
        assert_eq!(totals[0].stage, "appointmentscheduled", "columns in pipeline order");
        assert_eq!(row("appointmentscheduled"), Some((0, 0, 0)));
        assert_eq!(row("qualifiedtobuy"), Some((3, 125_050, 50_020)));
        assert_eq!(row("contractsent"), Some((1, 9_999, 8_999)));
        assert_eq!(row("closedlost"), Some((1, 500_000, 0)));
        assert_eq!(totals.iter().map(|t| t.count).sum::<usize>(), 5);
    }

    #[test]
    fn running_totals_agree_with_a_scan_through_updates_deletes_and_reverts() {
        let mut ws = Workspace::new(default_schema(), IdGen::new(2, 0));
        let spec = BoardSpec::deals();
        let check = |ws: &Workspace| assert_eq!(board_totals(ws, &spec).iter().map(|t| (t.count, t.amount)).collect::<Vec<_>>(), scan(ws, &spec));
        let mut ids = Vec::new();
        for (i, (stage, _)) in spec.stages.clone().iter().cycle().take(20).enumerate() {
            let values = vec![("dealstage".to_string(), stage.to_string()), ("amount".to_string(), format!("{}", i * 10))];
            let commit = ws.execute(Command::CreateRecord { object: "deals".into(), values }, &Context::user(Millis(1))).expect("valid");
            ids.push(commit.subject.expect("id"));
        }
        check(&ws);
        let ctx = Context::user(Millis(2));
        let moved = ws.execute(Command::UpdateRecord { id: ids[0].clone(), values: vec![("dealstage".into(), "closedwon".into())] }, &ctx).expect("valid");
        check(&ws);
        ws.execute(Command::UpdateRecord { id: ids[1].clone(), values: vec![("amount".into(), "".into())] }, &ctx).expect("valid");
        ws.execute(Command::UpdateRecord { id: ids[2].clone(), values: vec![("dealstage".into(), "".into())] }, &ctx).expect("valid");
        ws.execute(Command::DeleteRecord { id: ids[3].clone() }, &ctx).expect("deleted");
        check(&ws);
        ws.revert(&moved);
        check(&ws);
        let counts: Vec<usize> = board_totals(&ws, &spec).iter().map(|t| t.count).collect();
        // 20 deals over 7 stages; the move was reverted, one stage emptied, one deal deleted.
        assert_eq!(counts, [3, 3, 2, 2, 3, 3, 2]);
    }
}
