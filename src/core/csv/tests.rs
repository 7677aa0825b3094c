use super::*;
use crate::core::command::Context;
use crate::core::i18n::{Lang, Msg};
use crate::core::id::IdGen;
use crate::core::schema::default_schema;
use crate::core::time::Millis;
use crate::core::value::Value;
use crate::core::workspace::Workspace;

fn cells(table: &Table) -> Vec<Vec<String>> {
    std::iter::once(table.header.clone()).chain(table.rows.iter().map(|r| r.cells.clone())).collect()
}

fn check(input: &str, delimiter: char, expect: &[&[&str]]) {
    let table = parse_csv(input.as_bytes()).expect("parses");
    assert_eq!(table.delimiter, delimiter, "{input:?}");
    let expect: Vec<Vec<String>> = expect.iter().map(|r| r.iter().map(|c| c.to_string()).collect()).collect();
    assert_eq!(cells(&table), expect, "{input:?}");
}

#[test]
fn dialects_quotes_and_line_ends() {
    check("a,b\n1,2\n", ',', &[&["a", "b"], &["1", "2"]]);
    check("\u{feff}a;b\r\n1,5;2\r\n", ';', &[&["a", "b"], &["1,5", "2"]]);
    check("a\tb\n1\t2", '\t', &[&["a", "b"], &["1", "2"]]);
    check("a,b\n\"x, \"\"y\"\"\",\"line\nbreak\"\n", ',', &[&["a", "b"], &["x, \"y\"", "line\nbreak"]]);
    check("a,b\n\n1,\n\n", ',', &[&["a", "b"], &["1", ""]]);
    check("a\n\"\"\n", ',', &[&["a"], &[""]]);
    check("a,b\r1,2\r", ',', &[&["a", "b"], &["1", "2"]]);
    check("\"a;b\",c\n", ',', &[&["a;b", "c"]]);
}

#[test]
fn rows_remember_the_line_they_start_on() {
    let table = parse_csv(b"a,b\n\"1\n2\",x\n3,y\n").expect("parses");
    assert_eq!(table.rows.iter().map(|r| r.line).collect::<Vec<_>>(), [2, 4]);
}

#[test]
fn input_that_is_not_csv_text_is_refused() {
    for (input, error) in [
        (&b""[..], CsvError::Empty),
        (b"\n\n", CsvError::Empty),
        (b"\xff\xfe\x00a", CsvError::Binary),
        (b"PK\x03\x04\x00\x00", CsvError::Binary),
        (b"a,b\n\"open,1\n", CsvError::UnclosedQuote(2)),
    ] {
        assert_eq!(parse_csv(input), Err(error.clone()), "{input:?}");
        assert_ne!(error.msg(), Msg::AppName);
    }
}

#[test]
fn hubspot_headers_map_without_help() {
    let header: Vec<String> = ["Record ID", "First Name", "Last Name", "Email", "Associated Company", "Favourite colour", "email"].map(String::from).to_vec();
    let map = auto_map(&default_schema(), "contacts", &header);
    let p = |n: &str| Target::Property(n.into());
    assert_eq!(map, [p("hs_object_id"), p("firstname"), p("lastname"), p("email"), Target::Associate("companies".into()), Target::Skip, Target::Skip]);
}

#[test]
fn export_quotes_and_neutralizes_formulas() {
    for (cell, expect) in [("=1+2", "'=1+2"), ("+cmd", "'+cmd"), ("-x", "'-x"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("-12.5", "-12.5"), ("plain", "plain")] {
        assert_eq!(neutralize(cell), expect);
    }
    let header = vec!["Name".to_string(), "Note".to_string()];
    let rows = vec![vec!["a,b".to_string(), "say \"hi\"\nbye".to_string()], vec!["=HYPERLINK(\"x\")".to_string(), String::new()]];
    assert_eq!(write_csv(&header, &rows, false), "Name,Note\r\n\"a,b\",\"say \"\"hi\"\"\nbye\"\r\n\"'=HYPERLINK(\"\"x\"\")\",\r\n");
    assert!(write_csv(&header, &[], true).starts_with('\u{feff}'));
    // What is written reads back as the (neutralized) cells.
    let back = parse_csv(write_csv(&header, &rows, true).as_bytes()).expect("parses");
    assert_eq!(back.rows[0].cells, rows[0]);
}

fn workspace() -> Workspace {
    Workspace::new(default_schema(), IdGen::new(5, 0))
}

fn run(ws: &mut Workspace, csv: &str, create_missing: bool) -> ImportReport {
    let table = parse_csv(csv.as_bytes()).expect("parses");
    let options = ImportOptions { object: "contacts".into(), columns: auto_map(ws.schema(), "contacts", &table.header), create_missing, dedup: Dedup::Update };
    import_table(ws, &table, &options, &Context::user(Millis(1_000)))
}

const HUBSPOT: &str = "Record ID,First Name,Email,Associated Company\n\
    ,Ada,ada@example.com,Acme\n\
    ,Grace,grace@example.com,acme.com\n\
    ,Bad,not-an-email,Acme\n\
    ,Short,short@example.com\n\
    ,Linus,linus@example.com,Initech\n";

#[test]
fn a_hubspot_export_imports_with_companies_and_lists_bad_rows() {
    let mut ws = workspace();
    let report = run(&mut ws, HUBSPOT, true);
    assert_eq!((report.created, report.updated), (3, 0));
    let problems: Vec<(usize, &str, &str, Msg)> = report.problems.iter().map(|p| (p.row, p.column.as_str(), p.value.as_str(), p.reason)).collect();
    assert_eq!(problems, [(4, "Email", "not-an-email", Msg::ErrEmail), (5, "", "", Msg::ErrCsvRaggedRow)]);
    // "Acme" was created by the first row, "acme.com" created a second company by domain.
    let companies: Vec<String> = ws.records_of("companies").map(|c| format!("{}|{}", c.text("name"), c.text("domain"))).collect::<std::collections::BTreeSet<_>>().into_iter().collect();
    assert_eq!(companies, ["Acme|", "Initech|", "|acme.com"]);
    let ada = ws.find_unique("contacts", "email", &Value::Text("ada@example.com".into())).expect("imported").id.clone();
    assert_eq!(ws.associations().ids(&ada, "companies").count(), 1);
    // The commit holds everything: reverting it empties the workspace again.
    ws.revert(&report.commit);
    assert_eq!(ws.entities(), workspace().entities());
    let listed = problems_csv(&report.problems, Lang::En);
    assert!(listed.starts_with("Row,Column,Value,Reason\r\n4,Email,not-an-email,"), "{listed}");
}

#[test]
fn re_importing_updates_instead_of_duplicating() {
    let mut ws = workspace();
    run(&mut ws, HUBSPOT, true);
    let count = ws.len();
    let report = run(&mut ws, "Email,First Name\nADA@example.com,Augusta\n", false);
    assert_eq!((report.created, report.updated, ws.len()), (0, 1, count));
    let ada = ws.find_unique("contacts", "email", &Value::Text("ada@example.com".into())).expect("still there");
    assert_eq!(ada.text("firstname"), "Augusta");
    let id = ada.id.to_string();
    let report = run(&mut ws, &format!("Record ID,Last Name\n{},Lovelace\n", id.to_lowercase()), false);
    assert_eq!((report.created, report.updated), (0, 1));
}

#[test]
fn a_missing_company_without_create_fails_the_whole_row() {
    let mut ws = workspace();
    let report = run(&mut ws, "Email,Associated Company\nada@example.com,Nowhere Ltd\n", false);
    assert_eq!(report.created, 0);
    assert_eq!(report.problems[0].reason, Msg::ErrCsvNoCompany);
    assert!(ws.is_empty(), "the contact of the refused row was reverted");
    assert!(report.commit.changes.is_empty());
    let report = run(&mut ws, "Email,First Name\n,\n ,  \nada@example.com,Ada\n", false);
    assert_eq!((report.created, report.problems.len(), ws.len()), (1, 0, 1), "rows of empty cells are skipped");
}

#[test]
fn records_export_with_labels_and_chosen_columns() {
    let mut ws = workspace();
    run(&mut ws, "Email,First Name\nada@example.com,=cmd\n", false);
    let def = ws.schema().object("contacts").expect("contacts").clone();
    let text = export_records(&def, ws.records_of("contacts"), &["firstname".into(), "email".into(), "nope".into()], false);
    assert_eq!(text, "First name,Email\r\n'=cmd,ada@example.com\r\n");
}
