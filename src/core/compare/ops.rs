//! The benchmark's operations on Cairn's engine, as the real app runs them.
//!
//! Each answers with what every engine must agree on ([`Checked`]); the harness compares
//! the answers across engines after timing them.

use serde::Serialize;

use crate::core::board::{board_totals, BoardSpec};
use crate::core::command::Command;
use crate::core::query::{self, Condition, Filter, Group, Op, Page, Query, Sort};
use crate::core::record::Record;
use crate::core::time::Millis;
use crate::core::value::Value;
use crate::core::workspace::Workspace;

/// How many rows a page holds in every operation.
pub const PAGE: usize = 50;
/// "Created in the last year": the filter's second condition.
pub const RECENT_DAYS: i64 = 365;

/// An answer reduced to what engines must agree on: how many matched and the keys shown.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Checked {
    pub count: usize,
    pub keys: Vec<String>,
}

/// A row of the first table, as painted.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Row {
    pub firstname: String,
    pub lastname: String,
    pub email: String,
    pub company: String,
    pub city: String,
}

fn row(record: &Record) -> Row {
    Row {
        firstname: record.text("firstname"),
        lastname: record.text("lastname"),
        email: record.text("email"),
        company: record.text("company"),
        city: record.text("city"),
    }
}

fn contacts(ws: &Workspace, filter: Filter, sort: Sort, now: Millis) -> (Vec<&Record>, usize) {
    let query = Query { object: "contacts".into(), filter, sort: Some(sort) };
    match query::run(ws, &query, Page::first(PAGE), now) {
        Ok(results) => (results.records, results.total),
        Err(_) => (Vec::new(), 0),
    }
}

/// The first table: the newest contacts first.
pub fn first_page(ws: &Workspace, now: Millis) -> Vec<Row> {
    let newest = Sort { property: "createdate".into(), descending: true };
    contacts(ws, Filter::default(), newest, now).0.into_iter().map(row).collect()
}

/// As-you-type search on contacts: the first page of matches, by email.
pub fn search(ws: &Workspace, text: &str, limit: usize) -> Vec<String> {
    let index = ws.search_index().search("contacts", text, limit);
    index.into_iter().filter_map(|id| ws.record(id)).map(|r| r.text("email")).collect()
}

/// How many contacts a search finds in all (not timed: the agreement check).
pub fn search_count(ws: &Workspace, text: &str) -> Checked {
    Checked { count: search(ws, text, usize::MAX).len(), keys: Vec::new() }
}

/// The day after which "created in the last year" starts (the filter's cut-off, exclusive).
pub fn recent_cutoff_day(now: Millis) -> String {
    now.plus_days(-RECENT_DAYS).to_date()
}

/// Customers created in the last year, by last name: the first page and how many.
pub fn filter_page(ws: &Workspace, now: Millis) -> Checked {
    let filter = Filter {
        groups: vec![Group {
            conditions: vec![
                Condition::new("lifecyclestage", Op::Is { value: "customer".into() }),
                Condition::new("createdate", Op::After { value: recent_cutoff_day(now) }),
            ],
        }],
    };
    let by_name = Sort { property: "lastname".into(), descending: false };
    let (page, count) = contacts(ws, filter, by_name, now);
    Checked { count, keys: page.into_iter().map(|r| r.text("lastname")).collect() }
}

/// The deal board's header figures: per stage, count, total and weighted total (cents).
pub fn board(ws: &Workspace) -> Checked {
    let columns = board_totals(ws, &BoardSpec::deals());
    Checked {
        count: columns.iter().map(|c| c.count).sum(),
        keys: columns.iter().map(|c| format!("{}:{}:{}:{}", c.stage, c.count, c.amount, c.weighted)).collect(),
    }
}

/// The contacts of the company with this domain, by email.
pub fn company_contacts(ws: &Workspace, domain: &str) -> Checked {
    let Some(company) = ws.find_unique("companies", "domain", &Value::Text(domain.to_string())) else {
        return Checked::default();
    };
    let mut emails: Vec<String> =
        ws.associations().ids(&company.id, "contacts").filter_map(|id| ws.record(id)).map(|r| r.text("email")).collect();
    emails.sort();
    Checked { count: emails.len(), keys: emails }
}

/// The one edit the benchmark commits: a contact's city.
pub fn edit(ws: &Workspace, email: &str, city: &str) -> Option<Command> {
    let contact = ws.find_unique("contacts", "email", &Value::Text(email.to_string()))?;
    Some(Command::UpdateRecord { id: contact.id.clone(), values: vec![("city".into(), city.into())] })
}
