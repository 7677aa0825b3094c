//! Board totals: per pipeline stage, how many records, their total and weighted amount.
//!
//! A deal board shows each stage as a column headed by its count, its total amount and the
//! amount weighted by the stage's win probability (HubSpot's forecast). Amounts are summed
//! in minor units, so totals are exact; the weighted total is rounded once per stage.

use super::prop_key::PropKey;
use super::value::Value;
use super::workspace::Workspace;

/// HubSpot's default sales pipeline: stage id and win probability.
pub const DEAL_STAGES: [(&str, f64); 7] = [
    ("appointmentscheduled", 0.2),
    ("qualifiedtobuy", 0.4),
    ("presentationscheduled", 0.6),
    ("decisionmakerboughtin", 0.8),
    ("contractsent", 0.9),
    ("closedwon", 1.0),
    ("closedlost", 0.0),
];

/// Which records a board shows and how it groups and sums them.
#[derive(Clone, Debug)]
pub struct BoardSpec<'a> {
    pub object: &'a str,
    pub stage_property: &'a str,
    pub amount_property: &'a str,
    /// Columns in order, with their win probability (0 to 1).
    pub stages: &'a [(&'a str, f64)],
}

impl BoardSpec<'static> {
    /// The deal board of the default pipeline.
    pub fn deals() -> Self {
        BoardSpec { object: "deals", stage_property: "dealstage", amount_property: "amount", stages: &DEAL_STAGES }
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

/// The totals of every stage column, in column order. Records in no listed stage are left
/// out, as they are not on the board.
pub fn board_totals(ws: &Workspace, spec: &BoardSpec) -> Vec<StageTotals> {
    let (stage_key, amount_key) = (PropKey::of(spec.stage_property), PropKey::of(spec.amount_property));
    let mut counts = vec![(0usize, 0i64); spec.stages.len()];
    for record in ws.records().filter(|r| r.object == spec.object) {
        let Some(Value::Text(stage)) = record.get_key(stage_key) else { continue };
        let Some(column) = spec.stages.iter().position(|(s, _)| s == stage) else { continue };
        let amount = match record.get_key(amount_key) {
            Some(Value::Int(minor)) => *minor,
            Some(Value::Number(n)) => n.round() as i64,
            _ => 0,
        };
        counts[column].0 += 1;
        counts[column].1 += amount;
    }
    spec.stages
        .iter()
        .zip(counts)
        .map(|((stage, probability), (count, amount))| StageTotals {
            stage: stage.to_string(),
            count,
            amount,
            weighted: (amount as f64 * probability).round() as i64,
        })
        .collect()
}

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
        let deals = [("qualifiedtobuy", "1000"), ("qualifiedtobuy", "250.50"), ("contractsent", "99.99"), ("closedlost", "5000"), ("qualifiedtobuy", ""), ("unknown", "7")];
        for (stage, amount) in deals {
            let values = vec![("dealstage".to_string(), stage.to_string()), ("amount".to_string(), amount.to_string())];
            ws.execute(Command::CreateRecord { object: "deals".into(), values }, &Context::user(Millis(1))).expect("valid");
        }
        ws.execute(Command::CreateRecord { object: "contacts".into(), values: vec![] }, &Context::user(Millis(1))).expect("valid");
        let totals = board_totals(&ws, &BoardSpec::deals());
        let row = |stage: &str| totals.iter().find(|t| t.stage == stage).map(|t| (t.count, t.amount, t.weighted));
        assert_eq!(totals.len(), DEAL_STAGES.len());
        assert_eq!(totals[0].stage, "appointmentscheduled", "columns in pipeline order");
        assert_eq!(row("appointmentscheduled"), Some((0, 0, 0)));
        assert_eq!(row("qualifiedtobuy"), Some((3, 125_050, 50_020)));
        assert_eq!(row("contractsent"), Some((1, 9_999, 8_999)));
        assert_eq!(row("closedlost"), Some((1, 500_000, 0)));
        assert_eq!(totals.iter().map(|t| t.count).sum::<usize>(), 5, "a deal in no listed stage is not on the board");
    }
}
