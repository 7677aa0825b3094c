//! What an index page shows: its default columns, one page of rows and how a cell reads.
//!
//! Only the requested page is turned into rows, so a table over 100,000 records renders 50
//! rows; the query sorts just enough of the matches to cut that page ([`crate::core::query`]).

mod global;
mod link;
#[cfg(test)]
mod tests;

use std::collections::HashSet;

pub use global::{global_search, SearchGroup};
pub use link::{value_link, Link};

use super::i18n::display::{value_text, Locale};
use super::i18n::Lang;
use super::id::RecordId;
use super::query::{run, Page, Query, QueryError};
use super::record::Record;
use super::pipeline::{history_property, stage_history_value};
use super::schema::{ObjectDef, PropertyDef, PropertyType};
use super::value::Value;
use super::search::search;
use super::time::Millis;
use super::workspace::Workspace;

/// Rows per page of an index table.
pub const PAGE_SIZE: usize = 50;

/// Properties shown after the primary one when the user has not chosen columns.
const KEY_PROPERTIES: [&str; 12] =
    ["lastname", "email", "phone", "domain", "city", "amount", "dealstage", "closedate", "hs_pipeline_stage", "hs_ticket_priority", "lifecyclestage", "hubspot_owner_id"];

/// How many columns a table starts with.
const DEFAULT_COLUMNS: usize = 5;

/// The primary property, then the object's key properties, up to five columns. An object
/// without known key properties (a custom one) shows its first visible properties instead.
pub fn default_columns(def: &ObjectDef) -> Vec<String> {
    let mut columns = vec![def.primary_property.clone()];
    let visible = |name: &str| def.property(name).is_some_and(|p| !p.hidden);
    for name in KEY_PROPERTIES {
        if columns.len() < DEFAULT_COLUMNS && visible(name) && !columns.iter().any(|c| c == name) {
            columns.push(name.to_string());
        }
    }
    for p in &def.properties {
        if columns.len() >= DEFAULT_COLUMNS.min(3) {
            break;
        }
        if !p.hidden && !columns.contains(&p.name) {
            columns.push(p.name.clone());
        }
    }
    columns
}

/// One row: the record's id and each column's text.
#[derive(Clone, Debug, PartialEq)]
pub struct TableRow {
    pub id: RecordId,
    pub cells: Vec<String>,
}

/// One page of a table and how many records matched in all.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct TablePage {
    pub rows: Vec<TableRow>,
    pub total: usize,
}

/// How many pages `total` rows take (at least one, so "page 1 of 1" reads right when empty).
pub fn page_count(total: usize) -> usize {
    total.div_ceil(PAGE_SIZE).max(1)
}

/// Page `index` (from 0) of the records matching the query and the quick-search text, in
/// the query's order, with cells written in English ([`table_page_in`] for other languages).
pub fn table_page(ws: &Workspace, query: &Query, text: &str, columns: &[String], index: usize, now: Millis) -> Result<TablePage, QueryError> {
    table_page_in(ws, Locale::new(Lang::En, 0), query, text, columns, index, now)
}

/// Page `index` (from 0) of the records matching the query and the quick-search text, in
/// the query's order, with cells written for `locale`. With search text the query still
/// filters and sorts; search only narrows the set.
pub fn table_page_in(ws: &Workspace, locale: Locale, query: &Query, text: &str, columns: &[String], index: usize, now: Millis) -> Result<TablePage, QueryError> {
    let def = ws.schema().object(&query.object).ok_or_else(|| QueryError::UnknownObject(query.object.clone()))?;
    let page = Page { offset: index.saturating_mul(PAGE_SIZE), limit: PAGE_SIZE };
    let (records, total): (Vec<&Record>, usize) = if text.trim().is_empty() {
        let results = run(ws, query, page, now)?;
        (results.records, results.total)
    } else {
        let found: HashSet<&RecordId> = search(ws, &query.object, text, usize::MAX).into_iter().map(|r| &r.id).collect();
        let all = run(ws, query, Page::first(usize::MAX), now)?;
        let matching: Vec<&Record> = all.records.into_iter().filter(|r| found.contains(&r.id)).collect();
        let total = matching.len();
        (matching.into_iter().skip(page.offset).take(PAGE_SIZE).collect(), total)
    };
    let rows = records.into_iter().map(|r| TableRow { id: r.id.clone(), cells: columns.iter().map(|c| cell_text_at(ws, locale, def, r, c, now)).collect() }).collect();
    Ok(TablePage { rows, total })
}

/// A cell in English; see [`cell_text_in`].
pub fn cell_text(ws: &Workspace, def: &ObjectDef, record: &Record, property: &str) -> String {
    cell_text_in(ws, Locale::new(Lang::En, 0), def, record, property)
}

/// A value as a table cell reads it ([`value_text`]: option labels in the user's language,
/// amounts, numbers and dates the locale's way, owners by name), long text by its first line.
pub fn cell_text_in(ws: &Workspace, locale: Locale, def: &ObjectDef, record: &Record, property: &str) -> String {
    let Some(value) = record.get(property) else { return String::new() };
    let Some(prop) = def.property(property) else { return value.display() };
    cell_of(ws, locale, def, prop, value)
}

/// [`cell_text_in`], with stage history columns (not stored on the record) read at `now`.
pub fn cell_text_at(ws: &Workspace, locale: Locale, def: &ObjectDef, record: &Record, property: &str, now: Millis) -> String {
    if record.get(property).is_some() || def.property(property).is_some() {
        return cell_text_in(ws, locale, def, record, property);
    }
    match (stage_history_value(record, property, now), history_property(def, property)) {
        (Some(value), Some(prop)) => cell_of(ws, locale, def, &prop, &value),
        _ => String::new(),
    }
}

fn cell_of(ws: &Workspace, locale: Locale, def: &ObjectDef, prop: &PropertyDef, value: &Value) -> String {
    match &prop.kind {
        // Tables show the first line of long text.
        PropertyType::MultiLineText => value.display().lines().next().unwrap_or_default().to_string(),
        _ => value_text(ws, locale, &def.name, prop, value),
    }
}

/// Minor units as a decimal amount with two places, e.g. 123456 → `1234.56`.
pub fn major_units(minor: i64) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", minor.unsigned_abs() / 100, minor.unsigned_abs() % 100)
}
