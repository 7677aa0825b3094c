//! Forecast categories, per-owner and per-team figures and velocity on seven deals whose
//! expected values are worked out by hand below.

use super::*;
use crate::core::command::{Command, Context};
use crate::core::id::IdGen;
use crate::core::owner::OwnerEdit;
use crate::core::schema::default_schema;

/// 2026-01-01T00:00:00Z.
const T0: i64 = 1_767_225_600_000;
const DAY: i64 = Millis::DAY;

/// Owners Ada and Bo (team East), Cy (no team). Amounts in euros (minor units × 100):
/// D1 Ada qualified 1,000 · D2 Ada contract sent 2,000 · D3 Ada appointment, won on day 10,
/// 500 · D4 Bo presentation, lost on day 5, 300 · D5 Bo decision maker 1,000 · D6 nobody's,
/// appointment 100 · D7 Cy presentation 400.
fn fixture() -> (Workspace, [String; 3]) {
    let mut ws = Workspace::new(default_schema(), IdGen::new(9, 0));
    let at = |days: i64| Context::user(Millis(T0 + days * DAY));
    let owner = |ws: &mut Workspace, name: &str, team: Option<&str>| {
        let edit = OwnerEdit::Create { name: name.into(), email: format!("{}@example.com", name.to_lowercase()), team: team.map(String::from) };
        ws.execute(Command::EditOwner(edit), &at(0)).expect("valid owner");
        ws.owners().find(|o| o.name == name).map(|o| o.id.0.clone()).expect("created")
    };
    let ids = [owner(&mut ws, "Ada", Some("East")), owner(&mut ws, "Bo", Some("East")), owner(&mut ws, "Cy", None)];
    let create = |ws: &mut Workspace, owner: Option<&str>, stage: &str, amount: &str| {
        let mut values = vec![("dealstage".to_string(), stage.to_string()), ("amount".into(), amount.into()), ("closedate".into(), "2026-02-01".into())];
        values.extend(owner.map(|o| ("hubspot_owner_id".to_string(), o.to_string())));
        ws.execute(Command::CreateRecord { object: "deals".into(), values }, &at(0)).expect("valid").subject.expect("id")
    };
    let [ada, bo, cy] = ids.clone();
    create(&mut ws, Some(&ada), "qualifiedtobuy", "1000");
    create(&mut ws, Some(&ada), "contractsent", "2000");
    let d3 = create(&mut ws, Some(&ada), "appointmentscheduled", "500");
    let d4 = create(&mut ws, Some(&bo), "presentationscheduled", "300");
    create(&mut ws, Some(&bo), "decisionmakerboughtin", "1000");
    create(&mut ws, None, "appointmentscheduled", "100");
    create(&mut ws, Some(&cy), "presentationscheduled", "400");
    // Won on day 10: the close date becomes 2026-01-11, a cycle of 10 days.
    let won = vec![("dealstage".into(), "closedwon".into()), ("closedate".into(), "2026-01-11".into())];
    ws.execute(Command::UpdateRecord { id: d3, values: won }, &at(10)).expect("valid");
    ws.execute(Command::UpdateRecord { id: d4, values: vec![("dealstage".into(), "closedlost".into())] }, &at(5)).expect("valid");
    (ws, ids)
}

fn sales(ws: &Workspace) -> Pipeline {
    ws.pipelines().get("default").cloned().expect("default")
}

#[test]
fn categories_follow_state_and_probability() {
    let ws = Workspace::new(default_schema(), IdGen::new(9, 0));
    let categories: Vec<ForecastCategory> = sales(&ws).stages.iter().map(category_of).collect();
    use ForecastCategory::*;
    // 20 %, 40 %, 60 %, 80 %, 90 %, won, lost.
    assert_eq!(categories, [Pipeline, Pipeline, BestCase, Commit, Commit, ClosedWon, Omitted]);
    let support = ws.pipelines().get("0").cloned().expect("support");
    assert_eq!(support.stages.iter().map(category_of).collect::<Vec<_>>(), [Pipeline, Pipeline, Pipeline, Omitted]);
}

#[test]
fn each_owner_gets_amounts_per_category_win_rate_cycle_and_conversion() {
    let (ws, [ada, bo, cy]) = fixture();
    let rows = by_owner(&ws, &sales(&ws), &Range::default());
    assert_eq!(rows.iter().map(|r| r.key.clone()).collect::<Vec<_>>(), [Some(ada.clone()), Some(bo.clone()), Some(cy), None], "nobody's deals last");
    let row = |key: &str| rows.iter().find(|r| r.key.as_deref() == Some(key)).expect("row");

    let a = row(&ada);
    assert_eq!(a.deals, 3);
    // Pipeline: D1 1,000; Commit: D2 2,000; Closed won: D3 500.
    assert_eq!(a.categories, [100_000, 0, 200_000, 50_000]);
    // 1,000 × 40 % + 2,000 × 90 % + 500 won = 2,700.
    assert_eq!(a.weighted, 270_000);
    assert_eq!(a.won_amount, 50_000);
    assert_eq!((a.summary.won, a.summary.lost, a.summary.open), (1, 0, 2));
    assert_eq!(a.summary.win_rate, Some(1.0));
    assert_eq!(a.summary.cycle_days, Some(10.0));
    // Reached: all three the first two stages (D1 stops at qualified); D2 and D3 the rest.
    let reached: Vec<usize> = a.conversion.iter().map(|c| c.reached).collect();
    assert_eq!(reached, [3, 3, 2, 2, 2]);
    let to_next: Vec<Option<f64>> = a.conversion.iter().map(|c| c.to_next).collect();
    assert_eq!(to_next, [Some(1.0), Some(2.0 / 3.0), Some(1.0), Some(1.0), Some(0.5)], "the last open stage converts to won: D3 of D2, D3");

    let b = row(&bo);
    assert_eq!(b.deals, 2);
    // D4 lost is out of the forecast; D5 at 80 % is Commit.
    assert_eq!(b.categories, [0, 0, 100_000, 0]);
    assert_eq!(b.weighted, 80_000);
    assert_eq!(b.summary.win_rate, Some(0.0), "one lost, none won");
    assert_eq!(b.summary.cycle_days, None);

    let nobody = rows.last().expect("unassigned");
    assert_eq!((nobody.deals, nobody.categories), (1, [10_000, 0, 0, 0]));
}

#[test]
fn teams_add_up_their_owners_and_velocity_follows_the_formula() {
    let (ws, _) = fixture();
    let pipeline = sales(&ws);
    let teams = by_team(&ws, &pipeline, &Range::default());
    assert_eq!(teams.iter().map(|r| r.key.clone()).collect::<Vec<_>>(), [Some("East".to_string()), None]);
    let east = &teams[0];
    assert_eq!(east.deals, 5);
    assert_eq!(east.categories, [100_000, 0, 300_000, 50_000]);
    assert_eq!(east.weighted, 270_000 + 80_000);
    assert_eq!(east.summary.win_rate, Some(0.5));
    // D6 (nobody's) and D7 (Cy has no team).
    assert_eq!((teams[1].deals, teams[1].categories), (2, [10_000, 40_000, 0, 0]));

    // Open D1, D2, D5, D6, D7 = 5; average won 500; win rate 1 of 2; cycle 10 days:
    // 5 × 50,000 × 0.5 ÷ 10 = 12,500 minor units (125 €) a day.
    let all = summary(&ws, &pipeline, &Range::default());
    assert_eq!(velocity(&all), Some(12_500.0));
    assert_eq!(velocity(&Summary { won: 0, lost: 0, open: 3, closed: 0, win_rate: None, average_won: None, cycle_days: None }), None);
}

#[test]
fn ticket_pipelines_report_counts_per_stage_and_open_or_closed() {
    let mut ws = Workspace::new(default_schema(), IdGen::new(9, 0));
    let at = |days: i64| Context::user(Millis(T0 + days * DAY));
    let ticket = |ws: &mut Workspace, stage: &str| {
        let values = vec![("subject".to_string(), format!("Ticket {stage}")), ("hs_pipeline_stage".into(), stage.into())];
        ws.execute(Command::CreateRecord { object: "tickets".into(), values }, &at(0)).expect("valid").subject.expect("id")
    };
    ticket(&mut ws, "1");
    ticket(&mut ws, "1");
    ticket(&mut ws, "3");
    let done = ticket(&mut ws, "1");
    ws.execute(Command::UpdateRecord { id: done, values: vec![("hs_pipeline_stage".into(), "4".into())] }, &at(2)).expect("valid");
    let support = ws.pipelines().get("0").cloned().expect("support");
    let counts = stage_counts(&ws, &support, &Range::default());
    assert_eq!(counts, [("1".to_string(), 2), ("2".to_string(), 0), ("3".to_string(), 1), ("4".to_string(), 1)]);
    let s = summary(&ws, &support, &Range::default());
    assert_eq!((s.open, s.closed, s.won, s.lost), (3, 1, 0, 0), "a closed ticket is neither won nor lost");
    // The closed ticket spent two days in "New"; the three others are there or in "Waiting on us" since day 0.
    let times = time_in_stage(&ws, &support, &Range::default(), Millis(T0 + 4 * DAY));
    assert_eq!(times[0], ("1".to_string(), Some((4.0 + 4.0 + 2.0) / 3.0)));
}

#[test]
fn a_category_chosen_in_the_pipeline_editor_overrides_the_probability() {
    use crate::core::pipeline::{PipelineEdit, StageSettings, StageState};
    let (mut ws, [ada, ..]) = fixture();
    let settings = StageSettings { probability: 40, state: StageState::Open, required: Vec::new(), category: Some(ForecastCategory::Commit) };
    let edit = PipelineEdit::SetStage { pipeline: "default".into(), stage: "qualifiedtobuy".into(), settings };
    ws.execute(Command::EditPipeline(edit), &Context::user(Millis(T0 + 20 * DAY))).expect("valid edit");
    let pipeline = sales(&ws);
    assert_eq!(pipeline.stage("qualifiedtobuy").map(category_of), Some(ForecastCategory::Commit));
    assert_eq!(pipeline.stage("appointmentscheduled").map(category_of), Some(ForecastCategory::Pipeline), "others keep the default");
    let rows = by_owner(&ws, &pipeline, &Range::default());
    let a = rows.iter().find(|r| r.key.as_deref() == Some(ada.as_str())).expect("Ada");
    // D1's 1,000 moves from Pipeline to Commit.
    assert_eq!(a.categories, [0, 0, 300_000, 50_000]);
}
