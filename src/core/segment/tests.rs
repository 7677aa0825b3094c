use std::collections::BTreeSet;

use super::*;
use crate::core::command::{Command, CommandError};
use crate::core::query::{run_scan, Condition, Group, Op, SEGMENT_PROPERTY};
use crate::core::workspace::fixtures::Fixture;

fn contact(fx: &mut Fixture, first: &str, stage: &str) -> RecordId {
    let values = vec![("firstname".to_string(), first.to_string()), ("lifecyclestage".to_string(), stage.to_string())];
    fx.run(Command::CreateRecord { object: "contacts".into(), values }).expect("valid").subject.expect("created")
}

fn stage_is(stage: &str) -> Filter {
    Filter { groups: vec![Group { conditions: vec![Condition::new("lifecyclestage", Op::Is { value: stage.into() })] }] }
}

fn create(fx: &mut Fixture, name: &str, rule: Rule) -> Result<RecordId, CommandError> {
    fx.run(Command::EditSegment(SegmentEdit::Create { object: "contacts".into(), name: name.into(), rule }))?;
    Ok(fx.ws.segments().find(|s| s.name == name).map(|s| s.id.clone()).expect("stored"))
}

fn count(fx: &Fixture, id: &RecordId) -> usize {
    member_count(&fx.ws, fx.ws.segment(id).expect("exists"), Millis(fx.now))
}

fn in_segment(id: &RecordId, negate: bool) -> Filter {
    let segment = id.to_string();
    let op = if negate { Op::NotInSegment { segment } } else { Op::InSegment { segment } };
    Filter { groups: vec![Group { conditions: vec![Condition::new(SEGMENT_PROPERTY, op)] }] }
}

fn firstnames(fx: &Fixture, filter: Filter) -> Vec<String> {
    let query = Query { object: "contacts".into(), filter, sort: Some(crate::core::query::Sort { property: "firstname".into(), descending: false }) };
    let indexed: Vec<String> = run_nested(&fx.ws, &query, Page::first(50), Millis(fx.now), 0).expect("runs").records.iter().map(|r| r.text("firstname")).collect();
    let scanned: Vec<String> = run_scan(&fx.ws, &query, Page::first(50), Millis(fx.now)).expect("runs").records.iter().map(|r| r.text("firstname")).collect();
    assert_eq!(indexed, scanned, "indexed and scanning queries agree");
    indexed
}

#[test]
fn an_active_segment_updates_by_itself() {
    let mut fx = Fixture::new();
    contact(&mut fx, "Ada", "customer");
    let bob = contact(&mut fx, "Bob", "lead");
    let id = create(&mut fx, "Customers", Rule::Active { filter: stage_is("customer") }).expect("valid");
    assert_eq!(count(&fx, &id), 1);
    contact(&mut fx, "Cy", "customer");
    assert_eq!(count(&fx, &id), 2, "a new matching record joins");
    fx.run(Command::UpdateRecord { id: bob, values: vec![("lifecyclestage".into(), "customer".into())] }).expect("valid");
    assert_eq!(count(&fx, &id), 3, "an edited record joins");
}

#[test]
fn a_static_segment_keeps_its_members_and_takes_manual_changes() {
    let mut fx = Fixture::new();
    let ada = contact(&mut fx, "Ada", "customer");
    let bob = contact(&mut fx, "Bob", "lead");
    let id = create(&mut fx, "Picked", Rule::Static { members: BTreeSet::from([ada.clone()]) }).expect("valid");
    fx.run(Command::UpdateRecord { id: ada.clone(), values: vec![("lifecyclestage".into(), "lead".into())] }).expect("valid");
    assert_eq!(count(&fx, &id), 1, "membership does not follow the data");
    fx.run(Command::EditSegment(SegmentEdit::AddMembers { id: id.clone(), records: vec![bob.clone(), ada.clone()] })).expect("valid");
    assert_eq!(count(&fx, &id), 2);
    assert_eq!(static_segments_with(fx.ws.segments(), &bob).len(), 1);
    fx.run(Command::EditSegment(SegmentEdit::RemoveMembers { id: id.clone(), records: vec![ada.clone()] })).expect("valid");
    assert_eq!(count(&fx, &id), 1);
    fx.run(Command::DeleteRecord { id: bob.clone() }).expect("valid");
    assert_eq!(count(&fx, &id), 0, "a deleted member is not counted");
    fx.run(Command::RestoreRecord { id: bob }).expect("valid");
    assert_eq!(count(&fx, &id), 1, "and counts again once restored");
}

#[test]
fn membership_changes_only_fit_the_segment_kind_and_object() {
    let mut fx = Fixture::new();
    let ada = contact(&mut fx, "Ada", "customer");
    let company = fx.run(Command::CreateRecord { object: "companies".into(), values: vec![("name".into(), "Acme".into())] }).expect("valid").subject.expect("created");
    let active = create(&mut fx, "Customers", Rule::Active { filter: stage_is("customer") }).expect("valid");
    let add = |id: &RecordId, records: Vec<RecordId>| Command::EditSegment(SegmentEdit::AddMembers { id: id.clone(), records });
    assert_eq!(fx.run(add(&active, vec![ada.clone()])), Err(SegmentError::NotStatic.into()));
    let picked = create(&mut fx, "Picked", Rule::Static { members: BTreeSet::new() }).expect("valid");
    assert_eq!(fx.run(add(&picked, vec![company.clone()])), Err(SegmentError::WrongRecord(company, "contacts".into()).into()));
    let set = Command::EditSegment(SegmentEdit::SetFilter { id: picked.clone(), filter: Filter::default() });
    assert_eq!(fx.run(set), Err(SegmentError::NotActive.into()));
    assert_eq!(create(&mut fx, "picked", Rule::Static { members: BTreeSet::new() }), Err(SegmentError::DuplicateName("picked".into()).into()));
    assert_eq!(count(&fx, &picked), 0);
}

#[test]
fn a_view_filters_on_segment_membership() {
    let mut fx = Fixture::new();
    let ada = contact(&mut fx, "Ada", "customer");
    contact(&mut fx, "Bob", "lead");
    contact(&mut fx, "Cy", "customer");
    let picked = create(&mut fx, "Picked", Rule::Static { members: BTreeSet::from([ada]) }).expect("valid");
    let customers = create(&mut fx, "Customers", Rule::Active { filter: stage_is("customer") }).expect("valid");
    assert_eq!(firstnames(&fx, in_segment(&picked, false)), ["Ada"]);
    assert_eq!(firstnames(&fx, in_segment(&picked, true)), ["Bob", "Cy"]);
    assert_eq!(firstnames(&fx, in_segment(&customers, false)), ["Ada", "Cy"]);
    // AND with a property condition, OR with another group.
    let mut both = in_segment(&customers, false);
    both.groups[0].conditions.push(Condition::new("firstname", Op::StartsWith { value: "c".into() }));
    assert_eq!(firstnames(&fx, both.clone()), ["Cy"]);
    both.groups.extend(in_segment(&picked, false).groups);
    assert_eq!(firstnames(&fx, both), ["Ada", "Cy"]);
}

#[test]
fn segments_cannot_refer_to_themselves_in_a_loop() {
    let mut fx = Fixture::new();
    contact(&mut fx, "Ada", "customer");
    let a = create(&mut fx, "A", Rule::Active { filter: stage_is("customer") }).expect("valid");
    let b = create(&mut fx, "B", Rule::Active { filter: in_segment(&a, false) }).expect("valid");
    assert_eq!(count(&fx, &b), 1, "a segment of a segment");
    let loop_back = Command::EditSegment(SegmentEdit::SetFilter { id: a.clone(), filter: in_segment(&b, false) });
    assert_eq!(fx.run(loop_back), Err(SegmentError::Query(QueryError::SegmentLoop).into()));
    let missing = RecordId::from("NOPE");
    let query = Query { object: "contacts".into(), filter: in_segment(&missing, false), sort: None };
    assert_eq!(crate::core::query::run(&fx.ws, &query, Page::first(1), Millis(fx.now)).err(), Some(QueryError::UnknownSegment("NOPE".into())));
}

#[test]
fn segments_are_undoable_and_listed_by_name() {
    let mut fx = Fixture::new();
    create(&mut fx, "beta", Rule::Static { members: BTreeSet::new() }).expect("valid");
    create(&mut fx, "Alpha", Rule::Active { filter: Filter::default() }).expect("valid");
    let listed: Vec<&str> = segments_of(fx.ws.segments(), "contacts").iter().map(|s| s.name.as_str()).collect();
    assert_eq!(listed, ["Alpha", "beta"]);
    fx.run(Command::Undo).expect("undoable");
    assert_eq!(fx.ws.segments().count(), 1);
}
