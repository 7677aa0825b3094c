//! Property test: whatever deals are created and moved, each column's header equals the sum
//! over the records in that stage, both from the running totals and from the card scan.

use proptest::prelude::*;

use super::{board_columns, board_totals, weigh, BoardFilter, BoardSpec};
use crate::core::command::{Command, Context};
use crate::core::id::IdGen;
use crate::core::schema::default_schema;
use crate::core::time::Millis;
use crate::core::value::Value;
use crate::core::workspace::Workspace;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn column_totals_equal_the_sum_over_the_records(deals in prop::collection::vec((0usize..7, 0i64..1_000_000, any::<bool>()), 0..30), moves in prop::collection::vec((any::<prop::sample::Index>(), 0usize..7), 0..10)) {
        let mut ws = Workspace::new(default_schema(), IdGen::new(4, 0));
        let pipeline = ws.pipelines().get("default").cloned().expect("default");
        let stage = |i: usize| pipeline.stages[i].id.clone();
        let ctx = Context::user(Millis(1_000));
        let mut ids = Vec::new();
        for (s, minor, has_amount) in deals {
            let mut values = vec![("dealstage".to_string(), stage(s))];
            if has_amount {
                values.push(("amount".to_string(), format!("{}.{:02}", minor / 100, minor % 100)));
            }
            let commit = ws.execute(Command::CreateRecord { object: "deals".into(), values }, &ctx).expect("valid");
            ids.push(commit.subject.expect("id"));
        }
        for (which, s) in moves {
            if ids.is_empty() { break; }
            let id = ids[which.index(ids.len())].clone();
            ws.execute(Command::UpdateRecord { id, values: vec![("dealstage".into(), stage(s))] }, &ctx).expect("valid");
        }
        let columns = board_columns(&ws, &pipeline, &BoardFilter::default(), usize::MAX, Millis(2_000));
        let running = board_totals(&ws, &BoardSpec::of(&pipeline));
        for (i, column) in columns.iter().enumerate() {
            let records: Vec<i64> = ws.records_of("deals").filter(|r| r.text("dealstage") == stage(i)).map(|r| match r.get("amount") { Some(Value::Int(m)) => *m, _ => 0 }).collect();
            prop_assert_eq!(column.totals.count, records.len());
            prop_assert_eq!(column.totals.amount, records.iter().sum::<i64>());
            prop_assert_eq!(column.totals.weighted, weigh(column.totals.amount, pipeline.stages[i].probability));
            prop_assert_eq!(&running[i], &column.totals);
            prop_assert_eq!(column.cards.len(), records.len());
        }
    }
}
