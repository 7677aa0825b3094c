use super::*;
use crate::core::command::{Command, Context};
use crate::core::id::IdGen;
use crate::core::owner::OwnerEdit;
use crate::core::schema::default_schema;

const DAY: i64 = Millis::DAY;

/// Three deals in "Qualified to buy" (one owned by Grace, entered 40 days before "now"),
/// one in "Contract sent".
fn fixture() -> (Workspace, Pipeline, String) {
    let mut ws = Workspace::new(default_schema(), IdGen::new(8, 0));
    let ctx = |day: i64| Context::user(Millis(day * DAY));
    ws.execute(Command::EditOwner(OwnerEdit::Create { name: "Grace".into(), email: "grace@example.com".into(), team: None }), &ctx(0)).expect("valid");
    let grace = ws.owners().next().map(|o| o.id.0.clone()).expect("owner");
    let deals: [(&str, &str, &str, &str, i64); 4] = [
        ("Église – Renewal", "qualifiedtobuy", "100", "2026-03-01", 0),
        ("Acme – Pilot", "qualifiedtobuy", "200", "2026-01-15", 30),
        ("Zeta – Training", "qualifiedtobuy", "", "", 35),
        ("Acme – Licence", "contractsent", "50.50", "2026-02-10", 35),
    ];
    for (name, stage, amount, close, day) in deals {
        let mut values = vec![("dealname".to_string(), name.to_string()), ("dealstage".to_string(), stage.to_string())];
        for (k, v) in [("amount", amount), ("closedate", close)] {
            if !v.is_empty() {
                values.push((k.to_string(), v.to_string()));
            }
        }
        if name.starts_with("Église") {
            values.push(("hubspot_owner_id".to_string(), grace.clone()));
        }
        ws.execute(Command::CreateRecord { object: "deals".into(), values }, &ctx(day)).expect("valid");
    }
    let pipeline = ws.pipelines().get("default").cloned().expect("default");
    (ws, pipeline, grace)
}

#[test]
fn cards_show_name_amount_close_date_owner_and_days_in_stage_closing_soonest_first() {
    let (ws, pipeline, _) = fixture();
    let columns = board_columns(&ws, &pipeline, &BoardFilter::default(), 10, Millis(40 * DAY));
    let qualified = &columns[1];
    let names: Vec<&str> = qualified.cards.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Acme – Pilot", "Église – Renewal", "Zeta – Training"], "by close date, undated last");
    let first = &qualified.cards[1];
    assert_eq!((first.amount, first.close_date.as_str(), first.owner.as_deref(), first.days_in_stage), (Some(10_000), "2026-03-01", Some("Grace"), 40));
    assert_eq!(qualified.cards[2].amount, None);
    // Stalled after 30 days: the deal entered on day 0 (40 days) only.
    assert_eq!(qualified.cards.iter().map(|c| c.stalled).collect::<Vec<_>>(), [false, true, false]);
    assert_eq!((qualified.totals.count, qualified.totals.amount, qualified.totals.weighted, qualified.stalled), (3, 30_000, 12_000, 1));
    assert_eq!(bottleneck(&columns, &pipeline), Some(1));
}

#[test]
fn filters_by_owner_close_date_and_accent_insensitive_search_and_caps_each_column() {
    let (ws, pipeline, grace) = fixture();
    let now = Millis(40 * DAY);
    let count = |filter: BoardFilter| board_columns(&ws, &pipeline, &filter, 10, now).iter().map(|c| c.totals.count).sum::<usize>();
    assert_eq!(count(BoardFilter { owner: Some(grace), ..BoardFilter::default() }), 1);
    assert_eq!(count(BoardFilter { close_from: Some("2026-02-01".into()), close_to: Some("2026-02-28".into()), ..BoardFilter::default() }), 1);
    assert_eq!(count(BoardFilter { search: "eglise".into(), ..BoardFilter::default() }), 1);
    assert_eq!(count(BoardFilter { search: "acme".into(), ..BoardFilter::default() }), 2);
    let capped = board_columns(&ws, &pipeline, &BoardFilter::default(), 2, now);
    assert_eq!((capped[1].cards.len(), capped[1].more, capped[1].totals.count), (2, 1, 3), "the header still counts every card");
}

#[test]
fn amounts_read_as_whole_units_the_locales_way() {
    use crate::core::i18n::Lang;
    assert_eq!(amount_text(Lang::En, 123_456_789), "1,234,568");
    assert_eq!(amount_text(Lang::Fr, 5_050), "51");
}
