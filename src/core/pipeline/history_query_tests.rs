//! Stage history properties where properties are used: filters, sorts, workflow
//! conditions, table cells, exports and the labels column pickers list.

use crate::core::command::{Command, Context};
use crate::core::i18n::display::Locale;
use crate::core::i18n::Lang;
use crate::core::id::{IdGen, RecordId};
use crate::core::index_table::table_page_in;
use crate::core::query::{record_matches, run, Condition, Filter, Group, Op, Page, Query, QueryError, Sort};
use crate::core::schema::default_schema;
use crate::core::time::Millis;
use crate::core::views::export_view;
use crate::core::workspace::Workspace;

use super::stage_history_properties;

const DAY: i64 = Millis::DAY;
/// 2026-01-01T00:00:00Z: day 2 is January 3rd, day 6 January 7th.
const START: i64 = 1_767_225_600_000;

fn at(day: i64) -> Millis {
    Millis(START + day * DAY)
}

/// A: appointment (day 0) → qualified (day 2) → contract sent (day 10).
/// B: qualified (day 1) → presentation (day 4) → back to qualified (day 6).
/// C: appointment (day 3), still there.
/// At day 12: A spent 8 days in qualified; B 3 + 6 = 9 (latest stay 6); C 9 days in
/// appointment; A 2 days in contract sent.
struct Fixture {
    ws: Workspace,
    a: RecordId,
    b: RecordId,
    c: RecordId,
}

impl Fixture {
    fn new() -> Fixture {
        let mut ws = Workspace::new(default_schema(), IdGen::new(9, 0));
        let mut create = |name: &str, stage: &str, day: i64| {
            let values = vec![("dealname".into(), name.into()), ("dealstage".into(), stage.into())];
            ws.execute(Command::CreateRecord { object: "deals".into(), values }, &Context::user(at(day))).expect("valid").subject.expect("created")
        };
        let (a, b, c) = (create("A", "appointmentscheduled", 0), create("B", "qualifiedtobuy", 1), create("C", "appointmentscheduled", 3));
        let mut f = Fixture { ws, a, b, c };
        let (a, b) = (f.a.clone(), f.b.clone());
        f.move_to(&a, "qualifiedtobuy", 2);
        f.move_to(&b, "presentationscheduled", 4);
        f.move_to(&b, "qualifiedtobuy", 6);
        f.move_to(&a, "contractsent", 10);
        f
    }

    fn move_to(&mut self, id: &RecordId, stage: &str, day: i64) {
        let command = Command::UpdateRecord { id: id.clone(), values: vec![("dealstage".into(), stage.into())] };
        self.ws.execute(command, &Context::user(at(day))).expect("valid move");
    }

    fn names(&self, conditions: Vec<Condition>, sort: Option<Sort>, day: i64) -> Vec<String> {
        let query = Query { object: "deals".into(), filter: Filter { groups: vec![Group { conditions }] }, sort };
        let results = run(&self.ws, &query, Page::first(10), at(day)).expect("runs");
        let mut names: Vec<String> = results.records.iter().map(|r| r.text("dealname")).collect();
        if query.sort.is_none() {
            names.sort();
        }
        names
    }
}

fn cond(property: &str, op: Op) -> Condition {
    Condition::new(property, op)
}

fn text(value: &str) -> String {
    value.to_string()
}

#[test]
fn filters_compare_times_in_stage_in_days() {
    let f = Fixture::new();
    let cumulative = "hs_v2_cumulative_time_in_qualifiedtobuy";
    assert_eq!(f.names(vec![cond(cumulative, Op::Gt { value: text("8.5") })], None, 12), ["B"]);
    assert_eq!(f.names(vec![cond(cumulative, Op::Gt { value: text("7") })], None, 12), ["A", "B"]);
    assert_eq!(f.names(vec![cond("hs_time_in_qualifiedtobuy", Op::Eq { value: text("6") })], None, 12), ["B"], "B's latest stay");
    assert_eq!(f.names(vec![cond("hs_time_in_contractsent", Op::Eq { value: text("2") })], None, 12), ["A"]);
}

#[test]
fn filters_on_dates_entered_and_exited_use_whole_days() {
    let f = Fixture::new();
    let entered = "hs_date_entered_qualifiedtobuy";
    assert_eq!(f.names(vec![cond(entered, Op::Is { value: text("2026-01-03") })], None, 12), ["A"]);
    // B entered qualified again on January 7th: the last entry counts.
    assert_eq!(f.names(vec![cond(entered, Op::After { value: text("2026-01-05") })], None, 12), ["B"]);
    assert_eq!(f.names(vec![cond("hs_date_exited_qualifiedtobuy", Op::IsKnown)], None, 12), ["A", "B"]);
    assert_eq!(f.names(vec![cond("hs_date_exited_qualifiedtobuy", Op::Is { value: text("2026-01-05") })], None, 12), ["B"]);
    assert_eq!(f.names(vec![cond("hs_date_entered_contractsent", Op::IsKnown)], None, 12), ["A"]);
    assert_eq!(f.names(vec![cond("hs_v2_date_entered_current_stage", Op::Before { value: text("2026-01-05") })], None, 12), ["C"]);
}

#[test]
fn sorting_by_time_in_stage_puts_records_never_there_last() {
    let f = Fixture::new();
    let sort = Some(Sort { property: "hs_time_in_qualifiedtobuy".into(), descending: true });
    assert_eq!(f.names(Vec::new(), sort, 12), ["A", "B", "C"]);
    let sort = Some(Sort { property: "hs_time_in_qualifiedtobuy".into(), descending: false });
    assert_eq!(f.names(Vec::new(), sort, 12), ["B", "A", "C"]);
}

#[test]
fn a_running_stay_grows_with_the_clock_and_a_move_is_seen_at_once() {
    let mut f = Fixture::new();
    let long = || vec![cond("hs_time_in_appointmentscheduled", Op::Gt { value: text("9.5") })];
    assert_eq!(f.names(long(), None, 12), Vec::<String>::new(), "C has 9 days on day 12");
    assert_eq!(f.names(long(), None, 13), ["C"], "and 10 on day 13");
    let known = || vec![cond("hs_date_entered_qualifiedtobuy", Op::IsKnown)];
    assert_eq!(f.names(known(), None, 12), ["A", "B"]);
    let c = f.c.clone();
    f.move_to(&c, "qualifiedtobuy", 12);
    assert_eq!(f.names(known(), None, 12), ["A", "B", "C"]);
}

#[test]
fn workflow_conditions_read_stage_history_too() {
    let f = Fixture::new();
    let deals = f.ws.schema().object("deals").expect("deals").clone();
    let filter = Filter { groups: vec![Group { conditions: vec![cond("hs_v2_cumulative_time_in_qualifiedtobuy", Op::Gt { value: text("8.5") })] }] };
    let record = |id: &RecordId| f.ws.record(id).expect("kept").clone();
    assert_eq!(record_matches(&deals, &filter, &record(&f.b), at(12)), Ok(true));
    assert_eq!(record_matches(&deals, &filter, &record(&f.a), at(12)), Ok(false));
    // Three days on day 4: not yet.
    assert_eq!(record_matches(&deals, &filter, &record(&f.b), at(4)), Ok(false));
}

#[test]
fn objects_without_stages_have_no_stage_history() {
    let f = Fixture::new();
    let query = Query { object: "contacts".into(), filter: Filter { groups: vec![Group { conditions: vec![cond("hs_date_entered_lead", Op::IsKnown)] }] }, sort: None };
    assert_eq!(run(&f.ws, &query, Page::first(10), at(12)).err(), Some(QueryError::UnknownProperty("hs_date_entered_lead".into())));
    let contacts = f.ws.schema().object("contacts").expect("contacts");
    assert!(stage_history_properties(f.ws.pipelines(), contacts, Lang::En).is_empty());
}

#[test]
fn column_pickers_list_each_stage_by_name_and_pipeline_in_the_users_language() {
    let f = Fixture::new();
    let deals = f.ws.schema().object("deals").expect("deals");
    let props = stage_history_properties(f.ws.pipelines(), deals, Lang::En);
    assert_eq!(props.len(), 1 + 7 * 4, "current stage, then four per stage of the Sales Pipeline");
    let label = |lang: Lang, name: &str| stage_history_properties(f.ws.pipelines(), deals, lang).into_iter().find(|p| p.name == name).map(|p| p.label);
    assert_eq!(label(Lang::En, "hs_date_entered_qualifiedtobuy").as_deref(), Some("Date entered “Qualified to buy” (Sales Pipeline)"));
    assert_eq!(label(Lang::Fr, "hs_date_exited_closedwon").as_deref(), Some("Date de sortie de « Closed won » (Sales Pipeline)"));
    assert_eq!(label(Lang::Pl, "hs_v2_date_entered_current_stage").as_deref(), Some("Data wejścia do bieżącego etapu"));
    let tickets = f.ws.schema().object("tickets").expect("tickets");
    let tickets = stage_history_properties(f.ws.pipelines(), tickets, Lang::En);
    assert!(tickets.iter().any(|p| p.name == "hs_time_in_4" && p.label == "Latest time in “Closed” (Support Pipeline), days"));
    assert!(props.iter().all(|p| p.read_only));
}

#[test]
fn tables_show_stage_names_and_history_the_locales_way_and_exports_keep_ids() {
    let f = Fixture::new();
    let filter = Filter { groups: vec![Group { conditions: vec![cond("hs_v2_cumulative_time_in_qualifiedtobuy", Op::Gt { value: text("8.5") })] }] };
    let query = Query { object: "deals".into(), filter, sort: None };
    let columns = vec![text("dealstage"), text("hs_date_entered_qualifiedtobuy"), text("hs_v2_cumulative_time_in_qualifiedtobuy")];
    let page = table_page_in(&f.ws, Locale::new(Lang::En, 0), &query, "", &columns, 0, at(12)).expect("runs");
    assert_eq!(page.rows.len(), 1);
    assert_eq!(page.rows[0].cells, ["Qualified to buy", "Jan 7, 2026, 12:00 AM", "9"]);
    let fr = table_page_in(&f.ws, Locale::new(Lang::Fr, 0), &query, "", &columns, 0, at(13)).expect("runs");
    assert_eq!(fr.rows[0].cells[2], "10", "a day later, B has one more day in qualified");
    let csv = export_view(&f.ws, &query, "", &columns, None, at(12)).expect("exports");
    assert_eq!(
        csv,
        "\u{feff}Deal stage,Date entered “Qualified to buy” (Sales Pipeline),\"Cumulative time in “Qualified to buy” (Sales Pipeline), days\"\r\nqualifiedtobuy,2026-01-07T00:00:00.000Z,9\r\n"
    );
}

#[test]
fn a_filter_trigger_on_a_date_entered_fires_when_the_stage_was_entered() {
    use crate::core::workflow::triggers::fire_times;
    use crate::core::workflow::TriggerKind;
    let f = Fixture::new();
    let deals = f.ws.schema().object("deals").expect("deals").clone();
    let filter = Filter { groups: vec![Group { conditions: vec![cond("hs_date_entered_contractsent", Op::IsKnown)] }] };
    let trigger = crate::core::workflow::segments::prepare(&f.ws, "deals", &TriggerKind::MeetsFilter { filter }, false, at(12));
    let record = |id: &RecordId| f.ws.record(id).expect("kept").clone();
    assert_eq!(fire_times(&deals, &trigger, &record(&f.a), at(12)), [at(10)]);
    assert!(fire_times(&deals, &trigger, &record(&f.b), at(12)).is_empty());
}
