//! Exporting what an index page shows: the selected records, or every record of the view.

use std::collections::HashSet;

use super::super::csv::{export_records_at, Header};
use super::super::i18n::Lang;
use super::super::pipeline::with_stage_history;
use super::super::id::RecordId;
use super::super::query::{run, Page, Query, QueryError};
use super::super::record::Record;
use super::super::search::search;
use super::super::time::Millis;
use super::super::workspace::Workspace;

/// CSV of the records the query and quick-search text match, in the view's order, with the
/// given columns; only the `selected` ones when a selection is given.
pub fn export_view(ws: &Workspace, query: &Query, text: &str, columns: &[String], selected: Option<&HashSet<RecordId>>, now: Millis) -> Result<String, QueryError> {
    let def = ws.schema().object(&query.object).ok_or_else(|| QueryError::UnknownObject(query.object.clone()))?;
    let results = run(ws, query, Page::first(usize::MAX), now)?;
    let found: Option<HashSet<&RecordId>> = (!text.trim().is_empty()).then(|| search(ws, &query.object, text, usize::MAX).into_iter().map(|r| &r.id).collect());
    let records = results
        .records
        .into_iter()
        .filter(|r: &&Record| found.as_ref().is_none_or(|f| f.contains(&r.id)))
        .filter(|r| selected.is_none_or(|s| s.contains(&r.id)));
    // Headers name stage history columns in English, like the schema's own labels.
    let def = with_stage_history(ws.pipelines(), def, Lang::En);
    Ok(export_records_at(&def, records, columns, Header::Labels, true, now))
}

/// The file name of an export: the object and the day, e.g. `contacts-2026-11-23.csv`.
pub fn export_file_name(object: &str, now: Millis) -> String {
    format!("{object}-{}.csv", now.to_date())
}
