//! Every figure on five deals whose expected values are worked out by hand below.

use super::*;
use crate::core::command::{Command, Context};
use crate::core::id::IdGen;
use crate::core::schema::default_schema;

/// 2026-01-01T00:00:00Z.
const T0: i64 = 1_767_225_600_000;
const DAY: i64 = Millis::DAY;

/// D1 qualified 1,000 closing 2026-03-10; D2 contract sent 2,000 closing 2026-03-20;
/// D3 created in appointment, won on day 10, 500 closing 2026-04-05; D4 created in
/// presentation, lost on day 5, 300 closing 2026-04-15; D5 appointment, no amount or date.
fn fixture() -> Workspace {
    let mut ws = Workspace::new(default_schema(), IdGen::new(9, 0));
    let at = |days: i64| Context::user(Millis(T0 + days * DAY));
    let create = |ws: &mut Workspace, values: &[(&str, &str)]| {
        let values = values.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        ws.execute(Command::CreateRecord { object: "deals".into(), values }, &at(0)).expect("valid").subject.expect("id")
    };
    create(&mut ws, &[("dealstage", "qualifiedtobuy"), ("amount", "1000"), ("closedate", "2026-03-10")]);
    create(&mut ws, &[("dealstage", "contractsent"), ("amount", "2000"), ("closedate", "2026-03-20")]);
    let d3 = create(&mut ws, &[("dealstage", "appointmentscheduled"), ("amount", "500"), ("closedate", "2026-04-05")]);
    let d4 = create(&mut ws, &[("dealstage", "presentationscheduled"), ("amount", "300"), ("closedate", "2026-04-15")]);
    create(&mut ws, &[("dealstage", "appointmentscheduled")]);
    ws.execute(Command::UpdateRecord { id: d3, values: vec![("dealstage".into(), "closedwon".into())] }, &at(10)).expect("valid");
    ws.execute(Command::UpdateRecord { id: d4, values: vec![("dealstage".into(), "closedlost".into())] }, &at(5)).expect("valid");
    ws
}

fn sales(ws: &Workspace) -> Pipeline {
    ws.pipelines().get("default").cloned().expect("default")
}

#[test]
fn forecast_sums_open_and_won_amounts_per_close_month_and_leaves_lost_out() {
    let ws = fixture();
    let rows = forecast_by_month(&ws, &sales(&ws), &Range::default());
    // March: 1,000 + 2,000; weighted 1,000 × 40 % + 2,000 × 90 % = 2,200. April: D3 won 500.
    assert_eq!(
        rows,
        [
            MonthRow { month: "2026-03".into(), total: 300_000, weighted: 220_000, won: 0 },
            MonthRow { month: "2026-04".into(), total: 50_000, weighted: 50_000, won: 50_000 }
        ]
    );
    let april = Range { from: Some("2026-04-01".into()), to: None };
    assert_eq!(forecast_by_month(&ws, &sales(&ws), &april).len(), 1);
}

#[test]
fn conversion_counts_the_furthest_stage_each_deal_reached() {
    let ws = fixture();
    let rows = conversion(&ws, &sales(&ws), &Range::default());
    let reached: Vec<usize> = rows.iter().map(|r| r.reached).collect();
    // Furthest open stage: D1 qualified, D2 contract, D3 (won) all, D4 presentation, D5 appointment.
    assert_eq!(reached, [5, 4, 3, 2, 2]);
    let to_next: Vec<Option<f64>> = rows.iter().map(|r| r.to_next).collect();
    assert_eq!(to_next, [Some(0.8), Some(0.75), Some(2.0 / 3.0), Some(1.0), Some(0.5)]);
    let to_won: Vec<Option<f64>> = rows.iter().map(|r| r.to_won).collect();
    assert_eq!(to_won, [Some(0.2), Some(0.25), Some(1.0 / 3.0), Some(0.5), Some(0.5)]);
}

#[test]
fn average_time_in_stage_and_the_bottleneck() {
    let ws = fixture();
    let pipeline = sales(&ws);
    let times = time_in_stage(&ws, &pipeline, &Range::default(), Millis(T0 + 20 * DAY));
    let days: Vec<Option<f64>> = times.iter().map(|(_, d)| *d).collect();
    // Appointment: D3 10 days, D5 20 → 15. Qualified: D1 20. Presentation: D4 5. Bought-in:
    // nobody. Contract: D2 20. Won: D3 10. Lost: D4 15.
    assert_eq!(days, [Some(15.0), Some(20.0), Some(5.0), None, Some(20.0), Some(10.0), Some(15.0)]);
    assert_eq!(slowest_stage(&pipeline, &times).as_deref(), Some("qualifiedtobuy"), "the first of two equally slow stages");
}

#[test]
fn win_rate_average_deal_and_sales_cycle() {
    let ws = fixture();
    let s = summary(&ws, &sales(&ws), &Range::default());
    assert_eq!((s.won, s.lost, s.open), (1, 1, 3));
    assert_eq!(s.win_rate, Some(0.5));
    assert_eq!(s.average_won, Some(50_000));
    // Created 2026-01-01, closed 2026-04-05: 31 + 28 + 31 + 4 days.
    assert_eq!(s.cycle_days, Some(94.0));
    let empty = summary(&ws, &sales(&ws), &Range { from: Some("2030-01-01".into()), to: None });
    assert_eq!((empty.win_rate, empty.average_won, empty.cycle_days), (None, None, None));
}

#[test]
fn rates_and_days_read_the_locale_way() {
    assert_eq!(percent_text(Lang::En, Some(0.755)), "76%");
    assert_eq!(percent_text(Lang::Fr, Some(0.5)), "50\u{a0}%");
    assert_eq!(percent_text(Lang::En, None), "–");
    assert_eq!(days_text(Lang::Fr, Some(2.26)), "2,3");
}
