//! "Is member of segment X" as a workflow trigger, branch and goal.

use super::tests::{action, filter, is, trigger, World, HOUR, T0};
use super::*;
use crate::core::command::Command;
use crate::core::query::{Condition, Filter, Op, SEGMENT_PROPERTY};
use crate::core::segment::{Rule, SegmentEdit};

fn segment(w: &mut World, name: &str, rule: Rule, at: i64) -> RecordId {
    w.exec(Command::EditSegment(SegmentEdit::Create { object: "contacts".into(), name: name.into(), rule }), at).expect("segment");
    w.ws.segments().find(|s| s.name == name).map(|s| s.id.clone()).expect("stored")
}

fn member_of(id: &RecordId) -> Condition {
    Condition::new(SEGMENT_PROPERTY, Op::InSegment { segment: id.to_string() })
}

/// "When a contact is a member of the segment, log a note."
fn welcome(segment: &RecordId) -> Workflow {
    let mut flow = Workflow::new("contacts", "Segment welcome");
    flow.triggers.push(trigger(TriggerKind::MeetsFilter { filter: filter(vec![member_of(segment)]) }));
    flow.steps.push(action(1, Action::LogNote { body: "Welcome {{contact.firstname}}".into() }));
    flow
}

fn notes(w: &World) -> Vec<String> {
    let mut out: Vec<String> = w.of("notes").iter().map(|n| n.text("hs_note_body")).collect();
    out.sort();
    out
}

#[test]
fn entering_an_active_segment_enrolls_at_the_moment_of_the_change_even_when_caught_up_later() {
    let mut w = World::new();
    let leads = segment(&mut w, "Leads", Rule::Active { filter: filter(vec![is("lifecyclestage", "lead")]) }, T0);
    let before = w.create("contacts", &[("firstname", "Ada"), ("lifecyclestage", "lead")], T0);
    let flow = w.workflow(welcome(&leads), T0 + HOUR);
    let later = w.create("contacts", &[("firstname", "Bob"), ("lifecyclestage", "subscriber")], T0 + HOUR);
    w.update(&later, &[("lifecyclestage", "lead")], T0 + 3 * HOUR);
    // The engine was not running: it catches up a day later.
    w.run(T0 + 27 * HOUR);
    assert_eq!(notes(&w), vec!["Welcome Bob".to_string()], "a member before the switch-on is not enrolled");
    let runs: Vec<&Enrollment> = w.ws.automation().enrollments_of(&flow, &later).collect();
    assert_eq!(runs.len(), 1);
    assert_eq!(runs[0].enrolled_at, Millis(T0 + 3 * HOUR), "enrolled when the record joined the segment");
    assert_eq!(w.ws.automation().enrollments_of(&flow, &before).count(), 0);
    w.run(T0 + 28 * HOUR);
    assert_eq!(notes(&w).len(), 1, "once");
}

#[test]
fn a_record_added_to_a_static_segment_enrolls_once_when_the_engine_sees_it() {
    let mut w = World::new();
    let vip = segment(&mut w, "VIP", Rule::Static { members: Default::default() }, T0);
    let ada = w.create("contacts", &[("firstname", "Ada")], T0);
    let bob = w.create("contacts", &[("firstname", "Bob")], T0);
    let mut flow = welcome(&vip);
    flow.triggers[0].reenroll = true;
    w.workflow(flow, T0 + HOUR);
    w.run(T0 + 2 * HOUR);
    assert!(notes(&w).is_empty(), "nobody is in the segment yet");
    w.exec(Command::EditSegment(SegmentEdit::AddMembers { id: vip.clone(), records: vec![ada.clone()] }), T0 + 3 * HOUR).expect("added");
    w.run(T0 + 4 * HOUR);
    assert_eq!(notes(&w), vec!["Welcome Ada".to_string()]);
    // The run ended and Ada is still a member: a static segment has no dated changes to
    // re-enroll on, so she is not enrolled again and again.
    w.run(T0 + 5 * HOUR);
    w.run(T0 + 6 * HOUR);
    assert_eq!(notes(&w).len(), 1);
    assert!(w.ws.record(&bob).is_some());
}

#[test]
fn branches_and_goals_read_segment_membership() {
    let mut w = World::new();
    let vip = segment(&mut w, "VIP", Rule::Static { members: Default::default() }, T0);
    let ada = w.create("contacts", &[("firstname", "Ada")], T0);
    let bob = w.create("contacts", &[("firstname", "Bob")], T0);
    w.exec(Command::EditSegment(SegmentEdit::AddMembers { id: vip.clone(), records: vec![ada.clone()] }), T0).expect("added");
    let mut flow = Workflow::new("contacts", "Sort by segment");
    flow.steps.push(super::tests::step(
        1,
        StepKind::Branch {
            branches: vec![Branch { name: "VIP".into(), filter: filter(vec![member_of(&vip)]), steps: vec![action(2, Action::LogNote { body: "vip".into() })] }],
            otherwise: vec![action(3, Action::LogNote { body: "other".into() })],
        },
    ));
    let id = w.workflow(flow, T0);
    for record in [&ada, &bob] {
        w.exec(Command::Automation(AutomationCommand::Enroll { workflow: id.clone(), record: record.clone() }), T0 + HOUR).expect("enrolled");
    }
    w.run(T0 + 2 * HOUR);
    assert_eq!(notes(&w), vec!["other".to_string(), "vip".to_string()]);

    // A goal "member of VIP" ends Bob's run once he is added.
    let mut goal = Workflow::new("contacts", "Until VIP");
    goal.steps.push(super::tests::step(1, StepKind::Delay(Delay::Minutes { minutes: 60 })));
    goal.steps.push(action(2, Action::LogNote { body: "not yet VIP".into() }));
    goal.goal = Filter { groups: filter(vec![member_of(&vip)]).groups };
    let id = w.workflow(goal, T0 + 3 * HOUR);
    w.exec(Command::Automation(AutomationCommand::Enroll { workflow: id.clone(), record: bob.clone() }), T0 + 3 * HOUR).expect("enrolled");
    w.exec(Command::EditSegment(SegmentEdit::AddMembers { id: vip.clone(), records: vec![bob.clone()] }), T0 + 3 * HOUR + 1).expect("added");
    w.run(T0 + 5 * HOUR);
    let run = w.ws.automation().enrollments_of(&id, &bob).last().cloned().expect("enrolled");
    assert_eq!(run.state, EnrollmentState::GoalMet);
    assert!(!notes(&w).contains(&"not yet VIP".to_string()));
}

#[test]
fn an_active_segment_is_inlined_as_its_own_groups() {
    let mut w = World::new();
    let either = Filter { groups: vec![filter(vec![is("lifecyclestage", "lead")]).groups.remove(0), filter(vec![is("country", "France")]).groups.remove(0)] };
    let seg = segment(&mut w, "Leads or France", Rule::Active { filter: either }, T0);
    let asked = filter(vec![member_of(&seg), is("firstname", "Ada")]);
    let inlined = segments::inline(&w.ws, "contacts", &asked);
    assert_eq!(inlined.groups.len(), 2, "(lead OR France) AND Ada = two groups");
    assert!(inlined.groups.iter().all(|g| g.conditions.len() == 2 && g.conditions[1] == is("firstname", "Ada")));
    assert!(!segments::reads_membership(&inlined));
    assert!(segments::reads_membership(&segments::inline(&w.ws, "companies", &asked)), "a segment of another object stays as it is");
}
