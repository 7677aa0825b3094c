//! Cairn's answers checked against a plain scan of the data set: the same reference the
//! benchmark's JavaScript peers implement, so engines that agree here agree there.

use super::ops::{self, Checked};
use super::*;
use crate::core::fold::{fold, words};
use crate::core::id::IdGen;
use crate::core::query::{self, Condition, Filter, Group, Op, Page, Query, Sort};
use crate::core::schema::default_schema;

const NOW: Millis = Millis(1_760_000_000_000);

fn loaded(contacts: usize) -> (Workspace, Dataset) {
    let schema = default_schema();
    let data = dataset(&schema, contacts, 11, NOW);
    let mut ws = Workspace::new(schema, IdGen::new(3, 0));
    let created = import(&mut ws, &data).expect("the data set imports");
    assert_eq!(created, data.contacts.len() + data.companies.len() + data.deals.len());
    (ws, data)
}

fn matches(contact: &ContactRow, query: &str) -> bool {
    let tokens: Vec<String> = [&contact.firstname, &contact.lastname, &contact.email, &contact.company].iter().flat_map(|t| words(t)).collect();
    words(query).iter().all(|q| tokens.iter().any(|t| t.starts_with(q.as_str())))
}

#[test]
fn the_data_set_is_deterministic_and_linked() {
    let schema = default_schema();
    let a = dataset(&schema, 300, 11, NOW);
    assert_eq!(a, dataset(&schema, 300, 11, NOW));
    assert_eq!((a.contacts.len(), a.companies.len(), a.deals.len()), (300, 30, 60));
    assert!(a.contact_company.len() > 100, "most contacts work somewhere");
    assert!(a.deals.iter().filter(|d| !d.company.is_empty()).count() > 30);
}

#[test]
fn search_finds_what_a_scan_of_the_rows_finds() {
    let (ws, data) = loaded(400);
    for query in ["s", "sm", "smi", "smit", "ma", "kowal", "zo"] {
        let expected = data.contacts.iter().filter(|c| matches(c, query)).count();
        assert_eq!(ops::search_count(&ws, query).count, expected, "{query}");
        assert!(ops::search(&ws, query, ops::PAGE).len() <= ops::PAGE);
    }
}

#[test]
fn the_filter_counts_and_orders_like_a_scan() {
    let (ws, data) = loaded(600);
    let cutoff = recent_cutoff(NOW);
    let mut expected: Vec<&ContactRow> = data.contacts.iter().filter(|c| c.lifecyclestage == "customer" && c.createdate >= cutoff).collect();
    expected.sort_by_key(|c| fold(&c.lastname));
    let got = ops::filter_page(&ws, NOW);
    assert_eq!(got.count, expected.len());
    assert!(got.count > 0);
    let folded = |keys: Vec<String>| keys.iter().map(|k| fold(k)).collect::<Vec<_>>();
    assert_eq!(folded(got.keys), folded(expected.iter().take(ops::PAGE).map(|c| c.lastname.clone()).collect()));
}

/// The start of the day after the cut-off day, in UTC: the first instant the filter keeps.
fn recent_cutoff(now: Millis) -> i64 {
    let day = now.plus_days(-ops::RECENT_DAYS).0.div_euclid(Millis::DAY);
    (day + 1) * Millis::DAY
}

#[test]
fn board_totals_sum_the_deal_rows() {
    let (ws, data) = loaded(300);
    let expected: Vec<String> = data
        .stages
        .iter()
        .map(|(stage, p)| {
            let rows: Vec<&DealRow> = data.deals.iter().filter(|d| &d.dealstage == stage).collect();
            let amount: i64 = rows.iter().map(|d| d.amount).sum();
            format!("{stage}:{}:{amount}:{}", rows.len(), crate::core::board::weigh(amount, *p))
        })
        .collect();
    assert_eq!(ops::board(&ws), Checked { count: data.deals.len(), keys: expected });
}

#[test]
fn a_company_lists_the_contacts_linked_to_it() {
    let (ws, data) = loaded(300);
    let (_, domain) = &data.contact_company[0];
    let mut expected: Vec<String> = data.contact_company.iter().filter(|(_, d)| d == domain).map(|(e, _)| e.clone()).collect();
    expected.sort();
    assert_eq!(ops::company_contacts(&ws, domain), Checked { count: expected.len(), keys: expected });
    assert_eq!(ops::company_contacts(&ws, "nowhere.example").count, 0);
}

#[test]
fn the_first_page_is_the_newest_contacts_and_the_edit_is_valid() {
    let (mut ws, data) = loaded(200);
    let mut newest: Vec<&ContactRow> = data.contacts.iter().collect();
    newest.sort_by_key(|c| std::cmp::Reverse(c.createdate));
    let page = ops::first_page(&ws, NOW);
    assert_eq!(page.iter().map(|r| r.email.as_str()).collect::<Vec<_>>(), newest.iter().take(ops::PAGE).map(|c| c.email.as_str()).collect::<Vec<_>>());
    let email = &data.contacts[5].email;
    let command = ops::edit(&ws, email, "Bench City").expect("the contact exists");
    ws.execute(command, &Context { now: NOW, source: Source::User }).expect("the edit is valid");
    let contact = ws.find_unique("contacts", "email", &Value::Text(email.clone())).expect("still there");
    assert_eq!(contact.text("city"), "Bench City");
}


/// Regression: the system properties (create date, record id) were invisible to filters,
/// so "created after" matched nothing.
#[test]
fn filters_and_sorts_see_the_system_properties() {
    let (ws, data) = loaded(300);
    let after = |day: &str| {
        let filter = Filter { groups: vec![Group { conditions: vec![Condition::new("createdate", Op::After { value: day.into() })] }] };
        let query = Query { object: "contacts".into(), filter, sort: Some(Sort { property: "createdate".into(), descending: false }) };
        query::run(&ws, &query, Page::first(1), NOW).map(|r| (r.total, r.records.first().map(|c| c.created)))
    };
    let oldest = data.contacts.iter().map(|c| c.createdate).min().expect("contacts");
    assert_eq!(after("2000-01-01"), Ok((data.contacts.len(), Some(Millis(oldest)))));
    assert_eq!(after("2100-01-01").map(|r| r.0), Ok(0));
}

#[test]
fn the_data_set_as_json_text_imports_like_the_rows() {
    let (ws, data) = loaded(150);
    let text = serde_json::to_string(&data).expect("serializes");
    let mut from_text = Workspace::new(default_schema(), IdGen::new(3, 0));
    assert_eq!(import_text(&mut from_text, text).expect("imports"), ws.len());
    assert_eq!(from_text.entities(), ws.entities());
    let mut untouched = Workspace::new(default_schema(), IdGen::new(3, 0));
    assert!(matches!(import_text(&mut untouched, "{\"now\": 1, \"contacts\": [".into()), Err(DatasetError::Parse(_))));
    assert!(untouched.is_empty());
}
