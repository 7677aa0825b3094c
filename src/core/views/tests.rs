use super::*;
use crate::core::command::{Command, CommandError};
use crate::core::query::{run, Page, Query};
use crate::core::stored::{restore, Batch, FORMAT_VERSION};
use crate::core::sync::merge_entities;
use crate::core::workspace::fixtures::Fixture;
use crate::core::workspace::Workspace;
use crate::core::{id::IdGen, schema::default_schema};

fn contact(fx: &mut Fixture, first: &str, stage: &str) -> RecordId {
    let values = vec![("firstname".to_string(), first.to_string()), ("lifecyclestage".to_string(), stage.to_string())];
    fx.run(Command::CreateRecord { object: "contacts".into(), values }).expect("valid").subject.expect("created")
}

fn customers() -> TableState {
    let condition = Condition::new("lifecyclestage", Op::Is { value: "customer".into() });
    TableState {
        columns: vec!["firstname".into(), "lifecyclestage".into()],
        filter: Filter { groups: vec![Group { conditions: vec![condition] }] },
        sort: Some(Sort { property: "firstname".into(), descending: false }),
    }
}

fn create_view(fx: &mut Fixture, name: &str, state: TableState) -> Result<RecordId, CommandError> {
    fx.run(Command::EditView(ViewEdit::Create { object: "contacts".into(), name: name.into(), state }))?;
    Ok(fx.ws.views().find(|v| v.name == name.trim()).map(|v| v.id.clone()).expect("stored"))
}

fn names(fx: &Fixture) -> Vec<String> {
    views_of(fx.ws.views(), "contacts").iter().map(|v| v.name.clone()).collect()
}

#[test]
fn a_saved_view_keeps_columns_filter_and_sort_and_shows_the_same_rows() {
    let mut fx = Fixture::new();
    contact(&mut fx, "Zoë", "customer");
    contact(&mut fx, "Ada", "customer");
    contact(&mut fx, "Bob", "lead");
    let id = create_view(&mut fx, "  Customers ", customers()).expect("valid");
    let view = fx.ws.view(&id).expect("stored").clone();
    assert_eq!(view.name, "Customers");
    assert_eq!(view.state, customers());
    assert!(!view.differs(&customers()));
    assert!(view.differs(&TableState::default()));
    let query = Query { object: "contacts".into(), filter: view.state.filter.clone(), sort: view.state.sort.clone() };
    let shown: Vec<String> = run(&fx.ws, &query, Page::first(50), Millis(fx.now)).expect("runs").records.iter().map(|r| r.text("firstname")).collect();
    assert_eq!(shown, ["Ada", "Zoë"]);
}

#[test]
fn views_survive_a_reload_from_the_log() {
    let mut fx = Fixture::new();
    let id = create_view(&mut fx, "Customers", customers()).expect("valid");
    fx.run(Command::EditView(ViewEdit::Rename { id: id.clone(), name: "Clients".into() })).expect("valid");
    let mut fresh = Workspace::new(default_schema(), IdGen::new(3, 0));
    restore(&mut fresh, FORMAT_VERSION, &[], &fx.log).expect("loads");
    assert_eq!(fresh.view(&id), fx.ws.view(&id));
    assert_eq!(fresh.view(&id).map(|v| v.name.as_str()), Some("Clients"));
}

#[test]
fn names_must_be_present_and_unique_per_object() {
    let mut fx = Fixture::new();
    create_view(&mut fx, "Customers", customers()).expect("valid");
    assert_eq!(create_view(&mut fx, "  ", customers()), Err(ViewError::EmptyName.into()));
    assert_eq!(create_view(&mut fx, "CUSTOMERS", customers()), Err(ViewError::DuplicateName("CUSTOMERS".into()).into()));
    let on_companies = ViewEdit::Create { object: "companies".into(), name: "Customers".into(), state: TableState::default() };
    assert!(fx.run(Command::EditView(on_companies)).is_ok(), "another object may reuse the name");
}

#[test]
fn a_view_that_would_not_run_is_refused() {
    let mut fx = Fixture::new();
    let mut bad_column = customers();
    bad_column.columns.push("shoe_size".into());
    assert_eq!(create_view(&mut fx, "A", bad_column), Err(ViewError::Query(QueryError::UnknownProperty("shoe_size".into())).into()));
    let mut bad_operand = customers();
    bad_operand.filter.groups[0].conditions[0].op = Op::Is { value: "martian".into() };
    assert!(matches!(create_view(&mut fx, "B", bad_operand), Err(CommandError::View(ViewError::Query(QueryError::Value { .. })))));
    assert!(fx.ws.views().next().is_none());
}

#[test]
fn update_replaces_the_state_and_delete_removes_the_view() {
    let mut fx = Fixture::new();
    let id = create_view(&mut fx, "Customers", customers()).expect("valid");
    let mut state = customers();
    state.sort = None;
    fx.run(Command::EditView(ViewEdit::Update { id: id.clone(), state: state.clone() })).expect("valid");
    assert_eq!(fx.ws.view(&id).map(|v| &v.state), Some(&state));
    fx.run(Command::EditView(ViewEdit::Delete { id: id.clone() })).expect("valid");
    assert!(fx.ws.view(&id).is_none());
    assert_eq!(fx.run(Command::EditView(ViewEdit::Delete { id: id.clone() })), Err(ViewError::NotFound(id).into()));
}

#[test]
fn reorder_sets_the_tab_order_and_undo_restores_it() {
    let mut fx = Fixture::new();
    let a = create_view(&mut fx, "A", TableState::default()).expect("valid");
    create_view(&mut fx, "B", TableState::default()).expect("valid");
    let c = create_view(&mut fx, "C", TableState::default()).expect("valid");
    assert_eq!(names(&fx), ["A", "B", "C"]);
    fx.run(Command::EditView(ViewEdit::Reorder { object: "contacts".into(), ids: vec![c, a] })).expect("valid");
    assert_eq!(names(&fx), ["C", "A", "B"]);
    fx.run(Command::Undo).expect("undoable");
    assert_eq!(names(&fx), ["A", "B", "C"]);
}

#[test]
fn the_my_tab_filters_on_the_owner_and_is_hidden_without_one() {
    assert_eq!(builtin_query(Builtin::All, None), Some(TableState::default()));
    assert_eq!(builtin_query(Builtin::Mine, None), None);
    assert_eq!(builtin_query(Builtin::Mine, Some(" ")), None);
    let mine = builtin_query(Builtin::Mine, Some("O1")).expect("shown");
    assert_eq!(mine.filter.groups[0].conditions, vec![Condition::new(OWNER_PROPERTY, Op::Is { value: "O1".into() })]);
}

#[test]
fn sync_keeps_both_sides_views_and_the_later_edit_of_one() {
    let mut fx = Fixture::new();
    let id = create_view(&mut fx, "Customers", customers()).expect("valid");
    let ours = fx.ws.entities();
    let mut other = Fixture::new();
    other.now = fx.now + 10_000;
    for line in &fx.log {
        crate::core::absorb::absorb(&mut other.ws, Batch::decode(line).expect("decodes"));
    }
    other.run(Command::EditView(ViewEdit::Rename { id: id.clone(), name: "Clients".into() })).expect("valid");
    other.run(Command::EditView(ViewEdit::Create { object: "contacts".into(), name: "Theirs".into(), state: TableState::default() })).expect("valid");
    let theirs = other.ws.entities();
    let (merged, _) = merge_entities(&ours, &theirs);
    let (again, _) = merge_entities(&theirs, &ours);
    assert_eq!(merged, again, "both devices agree");
    let views: Vec<&SavedView> = merged.iter().filter_map(|e| if let crate::core::change::Entity::View(v) = e { Some(v) } else { None }).collect();
    assert_eq!(views.len(), 2);
    assert_eq!(views.iter().find(|v| v.id == id).map(|v| v.name.as_str()), Some("Clients"));
}
