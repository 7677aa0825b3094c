//! The reference query path: test every record and sort every match. The column indexes
//! ([`super::indexed`]) must return exactly the same pages; tests compare the two.

use std::cmp::Ordering;

use super::compile::{compile, CompiledFilter};
use super::order::{cut, SortKey, SortSpec};
use super::{Page, Query, QueryError, Results};
use crate::core::record::Record;
use crate::core::time::Millis;
use crate::core::workspace::Workspace;

/// [`super::run`] by visiting every record.
pub(crate) fn run_scan<'a>(ws: &'a Workspace, query: &Query, page: Page, now: Millis) -> Result<Results<'a>, QueryError> {
    let def = ws.schema().object(&query.object).ok_or_else(|| QueryError::UnknownObject(query.object.clone()))?;
    let members = super::memberships(ws, &query.filter, now, 0)?;
    let filter = compile(def, &query.filter, now, &members)?;
    let sort = query.sort.as_ref().map(|s| SortSpec::new(def, s)).transpose()?;
    let mut scratch = String::new();
    let object = query.object.as_str();
    let matching = ws.records().filter(|r| r.object == object && matches(&filter, r, &mut scratch));
    Ok(sorted_page(matching, sort.as_ref(), page))
}

/// A record matches every condition of any group; no groups match everything.
fn matches(filter: &CompiledFilter, record: &Record, scratch: &mut String) -> bool {
    let mut groups = filter.groups().peekable();
    let passes = |key, test: &super::compile::Test, scratch: &mut String| match test.members() {
        Some((ids, negate)) => ids.contains(&record.id) != negate,
        None => test.holds(record.value(key).as_deref(), scratch),
    };
    groups.peek().is_none() || groups.any(|g| g.iter().all(|(key, test)| passes(*key, test, scratch)))
}

/// The default order: newest first, then by id, so that every order is total.
fn newest_first(a: &Record, b: &Record) -> Ordering {
    b.created.cmp(&a.created).then_with(|| b.id.cmp(&a.id))
}

fn sorted_page<'a>(matches: impl Iterator<Item = &'a Record>, sort: Option<&SortSpec>, page: Page) -> Results<'a> {
    let keyed: Vec<(SortKey, &Record)> = match sort {
        Some(spec) => matches.map(|r| (spec.key_of_value(r.value(spec.key()).as_deref()), r)).collect(),
        None => matches.map(|r| (SortKey::Empty, r)).collect(),
    };
    let total = keyed.len();
    let cmp = |a: &(SortKey, &Record), b: &(SortKey, &Record)| {
        sort.map_or(Ordering::Equal, |s| s.compare(&a.0, &b.0)).then_with(|| newest_first(a.1, b.1))
    };
    let records = cut(keyed, page, cmp).into_iter().map(|(_, r)| r).collect();
    Results { records, total }
}
