use super::*;
use crate::core::command::{Command, Context};
use crate::core::id::IdGen;
use crate::core::query::Sort;
use crate::core::schema::default_schema;

const NOW: Millis = Millis(1_750_000_000_000);

fn ws_with(names: &[&str]) -> Workspace {
    let mut ws = Workspace::new(default_schema(), IdGen::new(3, 0));
    for (i, name) in names.iter().enumerate() {
        let values = vec![("firstname".into(), name.to_string()), ("email".into(), format!("{}@example.com", name.to_lowercase()))];
        ws.execute(Command::CreateRecord { object: "contacts".into(), values }, &Context::user(Millis(NOW.0 + i as i64))).expect("valid");
    }
    ws
}

fn query(sort: Option<Sort>) -> Query {
    Query { object: "contacts".into(), filter: Default::default(), sort }
}

#[test]
fn default_columns_start_with_the_primary_property() {
    let schema = default_schema();
    let contacts = default_columns(schema.object("contacts").expect("contacts"));
    assert_eq!(contacts[..3], ["firstname", "lastname", "email"]);
    assert_eq!(contacts.len(), 5);
    let deals = default_columns(schema.object("deals").expect("deals"));
    assert_eq!(deals[0], "dealname");
    assert!(deals.contains(&"amount".to_string()));
}

#[test]
fn pages_hold_fifty_rows_and_count_every_match() {
    assert_eq!(page_count(0), 1);
    assert_eq!(page_count(50), 1);
    assert_eq!(page_count(51), 2);
    let names: Vec<String> = (0..120).map(|i| format!("N{i:03}")).collect();
    let ws = ws_with(&names.iter().map(String::as_str).collect::<Vec<_>>());
    let sort = Some(Sort { property: "firstname".into(), descending: false });
    let cols = vec!["firstname".to_string()];
    let third = table_page(&ws, &query(sort), "", &cols, 2, NOW).expect("runs");
    assert_eq!(third.total, 120);
    assert_eq!(third.rows.len(), 20);
    assert_eq!(third.rows[0].cells, ["N100"]);
}

#[test]
fn search_narrows_the_sorted_results() {
    let ws = ws_with(&["Ada", "Adele", "Grace"]);
    let sort = Some(Sort { property: "firstname".into(), descending: true });
    let cols = vec!["firstname".to_string()];
    let page = table_page(&ws, &query(sort), "ad", &cols, 0, NOW).expect("runs");
    assert_eq!(page.total, 2);
    let names: Vec<&str> = page.rows.iter().map(|r| r.cells[0].as_str()).collect();
    assert_eq!(names, ["Adele", "Ada"]);
}

#[test]
fn cells_show_option_labels_and_amounts_in_major_units() {
    let mut ws = Workspace::new(default_schema(), IdGen::new(3, 0));
    let values = vec![("dealname".into(), "Big".into()), ("amount".into(), "1234.5".into()), ("hs_priority".into(), "high".into())];
    let commit = ws.execute(Command::CreateRecord { object: "deals".into(), values }, &Context::user(NOW)).expect("valid");
    let id = commit.subject.expect("created");
    let def = ws.schema().object("deals").expect("deals").clone();
    let record = ws.record(&id).expect("stored");
    assert_eq!(cell_text(&ws, &def, record, "amount"), "€1,234.50");
    assert_eq!(cell_text(&ws, &def, record, "hs_priority"), "High");
    let french = crate::core::i18n::display::Locale::new(crate::core::i18n::Lang::Fr, 0);
    assert_eq!(cell_text_in(&ws, french, &def, record, "amount"), "1\u{202f}234,50\u{a0}€");
    assert_eq!(cell_text_in(&ws, french, &def, record, "hs_priority"), "Haute");
    assert_eq!(major_units(-5), "-0.05");
}

#[test]
fn only_safe_values_become_links() {
    let link = |k: &PropertyType, t: &str| value_link(k, t).map(|l| l.href);
    assert_eq!(link(&PropertyType::Url, "https://example.com/a"), Some("https://example.com/a".into()));
    assert_eq!(link(&PropertyType::Url, "javascript:alert(1)"), None);
    assert_eq!(link(&PropertyType::Url, "ftp://example.com"), None);
    assert_eq!(link(&PropertyType::Email, "ada@example.com"), Some("mailto:ada@example.com".into()));
    assert_eq!(link(&PropertyType::Email, "ada@example.com?cc=x"), None);
    assert_eq!(link(&PropertyType::Phone, "+33 1 23 45 67 89"), Some("tel:+33123456789".into()));
    assert_eq!(link(&PropertyType::Domain, "example.com"), Some("https://example.com".into()));
    assert_eq!(link(&PropertyType::SingleLineText, "https://example.com"), None);
    assert_eq!(link(&PropertyType::Url, ""), None);
}

/// Accented Latin names sort by their base letters; Chinese names come after Latin ones in
/// code-point order, which for CJK ideographs is radical-and-stroke order (as dictionaries
/// without pinyin order them), and a Chinese name is found by its first characters.
#[test]
fn accents_and_chinese_names_sort_and_search_sensibly() {
    let ws = ws_with(&["王伟", "Zoë", "Łukasz", "李娜", "Émile", "张伟", "Ada"]);
    let sort = Some(Sort { property: "firstname".into(), descending: false });
    let cols = vec!["firstname".to_string()];
    let page = table_page(&ws, &query(sort), "", &cols, 0, NOW).expect("runs");
    let names: Vec<&str> = page.rows.iter().map(|r| r.cells[0].as_str()).collect();
    assert_eq!(names, ["Ada", "Émile", "Łukasz", "Zoë", "张伟", "李娜", "王伟"]);
    let found = |text: &str| table_page(&ws, &query(None), text, &cols, 0, NOW).expect("runs").rows.into_iter().map(|r| r.cells[0].clone()).collect::<Vec<_>>();
    assert_eq!(found("王"), ["王伟"]);
    assert_eq!(found("lukasz"), ["Łukasz"]);
    assert_eq!(found("emile"), ["Émile"]);
}
