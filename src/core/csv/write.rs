//! Writing CSV: RFC 4180 quoting and protection against formula injection.
//!
//! A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is run as a formula
//! by spreadsheet apps, so a contact named `=HYPERLINK(…)` could attack whoever opens the
//! export. Such cells get a leading `'`, which spreadsheets show as plain text. Plain numbers
//! such as `-12.5` are left alone: they are not formulas and must stay numbers.

use crate::core::pipeline::stage_history_value;
use crate::core::record::Record;
use crate::core::schema::ObjectDef;
use crate::core::time::Millis;

const BOM: &str = "\u{feff}";

/// A cell as it is safe to open in a spreadsheet.
pub fn neutralize(cell: &str) -> String {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && cell.parse::<f64>().is_err() {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// One cell, quoted when it holds a delimiter, a quote or a line break.
fn quote(cell: &str) -> String {
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}

/// A CSV document: comma-separated, CRLF line ends as RFC 4180 says, every cell
/// neutralized, with a byte order mark when `bom` (Excel needs it to read UTF-8).
pub fn write_csv(header: &[String], rows: &[Vec<String>], bom: bool) -> String {
    let mut out = String::from(if bom { BOM } else { "" });
    for row in std::iter::once(header).chain(rows.iter().map(Vec::as_slice)) {
        let cells: Vec<String> = row.iter().map(|c| quote(&neutralize(c))).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// Records of one object as CSV, one column per property in `columns` (internal names),
/// headed by the property labels: what "Export" on a view writes for its visible columns
/// and filtered records. Unknown columns are skipped.
pub fn export_records<'a>(def: &ObjectDef, records: impl IntoIterator<Item = &'a Record>, columns: &[String], bom: bool) -> String {
    export_records_with(def, records, columns, Header::Labels, bom)
}

/// What the header row of an export names each column by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Header {
    /// The property labels, as people read them (`First name`).
    #[default]
    Labels,
    /// The internal names, stable across languages and renames (`firstname`).
    InternalNames,
}

/// [`export_records`] with the header row of choice.
pub fn export_records_with<'a>(def: &ObjectDef, records: impl IntoIterator<Item = &'a Record>, columns: &[String], header: Header, bom: bool) -> String {
    export_rows(def, records, columns, header, bom, None)
}

/// [`export_records_with`], with the stage history columns `def` lists
/// ([`crate::core::pipeline::with_stage_history`]) computed at `now`. Values are written as
/// stored (stage and option ids, ISO dates), so a file imports back as it was.
pub fn export_records_at<'a>(def: &ObjectDef, records: impl IntoIterator<Item = &'a Record>, columns: &[String], header: Header, bom: bool, now: Millis) -> String {
    export_rows(def, records, columns, header, bom, Some(now))
}

fn export_rows<'a>(def: &ObjectDef, records: impl IntoIterator<Item = &'a Record>, columns: &[String], header: Header, bom: bool, now: Option<Millis>) -> String {
    let columns: Vec<&str> = columns.iter().map(String::as_str).filter(|c| def.property(c).is_some()).collect();
    let header: Vec<String> = columns
        .iter()
        .filter_map(|c| def.property(c))
        .map(|p| match header {
            Header::Labels => p.label.clone(),
            Header::InternalNames => p.name.clone(),
        })
        .collect();
    let cell = |r: &Record, c: &str| match (r.get(c), now) {
        (Some(value), _) => value.display(),
        (None, Some(now)) => stage_history_value(r, c, now).map(|v| v.display()).unwrap_or_default(),
        (None, None) => String::new(),
    };
    let rows: Vec<Vec<String>> = records.into_iter().map(|r| columns.iter().map(|c| cell(r, c)).collect()).collect();
    write_csv(&header, &rows, bom)
}

/// Every property a person sees on the object, in the object's order: the "all properties"
/// export.
pub fn all_columns(def: &ObjectDef) -> Vec<String> {
    def.properties.iter().filter(|p| !p.hidden).map(|p| p.name.clone()).collect()
}
