//! The rows an import refused, as a CSV file to fix and import again.
//!
//! The file has the original header and cells of each refused row, in file order, plus a
//! last column that says what was wrong, in the user's language. Fixing the cells and
//! importing the file again imports exactly those rows.

use std::collections::BTreeMap;

use crate::core::i18n::{tr, Lang, Msg};

use super::import::Problem;
use super::parse::Table;
use super::write::write_csv;

/// How many rows of the file had at least one problem.
pub fn rows_with_problems(problems: &[Problem]) -> usize {
    problems.iter().map(|p| p.row).collect::<std::collections::BTreeSet<_>>().len()
}

/// The refused rows of `table` with their reasons; `problems` come from the import's report.
pub fn error_rows_csv(table: &Table, problems: &[Problem], lang: Lang) -> String {
    let mut reasons: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for problem in problems {
        let reason = tr(lang, problem.reason);
        let text = if problem.column.is_empty() { reason.to_string() } else { format!("{}: {reason}", problem.column) };
        reasons.entry(problem.row).or_default().push(text);
    }
    let mut header = table.header.clone();
    header.push(tr(lang, Msg::CsvReason).to_string());
    let rows: Vec<Vec<String>> = table
        .rows
        .iter()
        .filter_map(|row| {
            let reasons = reasons.get(&row.line)?;
            let mut cells = row.cells.clone();
            // A ragged row is padded so the reason lands in the reason column.
            cells.resize(table.header.len().max(cells.len()), String::new());
            cells.push(reasons.join("; "));
            Some(cells)
        })
        .collect();
    write_csv(&header, &rows, false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::csv::{auto_map, import_table, parse_csv, Dedup, ImportOptions};
    use crate::core::command::Context;
    use crate::core::id::IdGen;
    use crate::core::schema::default_schema;
    use crate::core::time::Millis;
    use crate::core::workspace::Workspace;

    #[test]
    fn refused_rows_come_back_with_their_cells_and_reasons() {
        let file = "Email;First Name;Phone Number\nada@example.com;Ada;\nnot-an-email;Bad;\nshort@example.com\nok@example.com;Ok;\n";
        let mut ws = Workspace::new(default_schema(), IdGen::new(3, 0));
        let table = parse_csv(file.as_bytes()).expect("parses");
        let options = ImportOptions { object: "contacts".into(), columns: auto_map(ws.schema(), "contacts", &table.header), create_missing: false, dedup: Dedup::Update };
        let report = import_table(&mut ws, &table, &options, &Context::user(Millis(1)));
        assert_eq!(report.created, 2);
        let text = error_rows_csv(&table, &report.problems, Lang::En);
        let back = parse_csv(text.as_bytes()).expect("reads back");
        assert_eq!(back.header, ["Email", "First Name", "Phone Number", "Reason"]);
        let rows: Vec<Vec<String>> = back.rows.into_iter().map(|r| r.cells).collect();
        assert_eq!(rows.len(), 2, "{text}");
        assert_eq!(rows[0][..3], ["not-an-email".to_string(), "Bad".into(), String::new()]);
        assert!(rows[0][3].starts_with("Email: "), "{text}");
        assert_eq!(rows[1][0], "short@example.com");
        assert_eq!(rows[1].len(), 4);
        assert_eq!(rows_with_problems(&report.problems), 2);
    }
}
