//! The must-work scenarios of workflows, run by the engine with a moving clock.

use super::engine::{due, run_due, Due};
use super::*;
use crate::core::change::{Commit, Entity, EntityKey};
use crate::core::pipeline::{Pipeline, PipelineId, PipelineRules, Stage, StageState};
use crate::core::command::{Command, CommandError, Context};
use crate::core::owner::OwnerEdit;
use crate::core::query::{Condition, Filter, Group, Op};
use crate::core::record::{Record, Source};
use crate::core::schema::default_schema;
use crate::core::stored::{restore, Batch, FORMAT_VERSION};
use crate::core::value::Value;
use crate::core::workspace::Workspace;

pub(super) const HOUR: i64 = 3_600_000;
/// Monday 2026-11-23 09:00 UTC.
pub(super) const T0: i64 = 1_795_424_400_000;

fn deal_pipeline(id: &str, stages: &[&str]) -> Pipeline {
    let stage = |s: &&str| Stage { id: s.to_string(), label: s.to_string(), probability: 50, state: StageState::Open, required: Vec::new(), category: None };
    Pipeline {
        id: PipelineId(id.into()),
        object: "deals".into(),
        label: id.into(),
        stages: stages.iter().map(stage).collect(),
        rules: PipelineRules::default(),
        stalled_after_days: None,
        deleted: false,
    }
}

pub(super) struct World {
    pub(super) ws: Workspace,
    log: Vec<String>,
}

impl World {
    pub(super) fn new() -> World {
        let mut ws = Workspace::new(default_schema(), IdGen::new(7, 0));
        // The scenarios' own deal pipelines: a quote-driven sales one and an administration one.
        for (id, stages) in [("sales", &["quotesent", "quotesigned", "contractsigned"][..]), ("admin", &["onboarding", "live"][..])] {
            let pipeline = deal_pipeline(id, stages);
            ws.put(EntityKey::Pipeline(pipeline.id.clone()), Some(Entity::Pipeline(pipeline)));
        }
        World { ws, log: Vec::new() }
    }

    pub(super) fn exec(&mut self, command: Command, at: i64) -> Result<Commit, CommandError> {
        let commit = self.ws.execute(command, &Context::user(Millis(at)))?;
        self.log.push(Batch::from_commit(&commit).encode());
        Ok(commit)
    }

    pub(super) fn create(&mut self, object: &str, values: &[(&str, &str)], at: i64) -> RecordId {
        let values = values.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        self.exec(Command::CreateRecord { object: object.into(), values }, at).expect("valid record").subject.expect("created")
    }

    pub(super) fn update(&mut self, id: &RecordId, values: &[(&str, &str)], at: i64) {
        let values = values.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        self.exec(Command::UpdateRecord { id: id.clone(), values }, at).expect("valid update");
    }

    fn link(&mut self, from: &RecordId, to: &RecordId, at: i64) {
        self.exec(Command::Associate { from: from.clone(), to: to.clone(), labels: vec![] }, at).expect("links");
    }

    pub(super) fn workflow(&mut self, workflow: Workflow, at: i64) -> AutoId {
        let id = self.exec(Command::Automation(AutomationCommand::SaveWorkflow(workflow)), at).expect("saved").changes[0].key.clone();
        let crate::core::change::EntityKey::Workflow(id) = id else { panic!("a workflow") };
        self.exec(Command::Automation(AutomationCommand::SwitchWorkflow { id: id.clone(), on: true, enroll_existing: false }), at).expect("on");
        id
    }

    pub(super) fn run(&mut self, at: i64) -> usize {
        let (commit, report) = run_due(&mut self.ws, Millis(at), 0, 100_000);
        self.log.push(Batch::from_commit(&commit).encode());
        report.ran
    }

    pub(super) fn of<'a>(&'a self, object: &'a str) -> Vec<&'a Record> {
        self.ws.records_of(object).collect()
    }
}

pub(super) fn step(id: StepId, kind: StepKind) -> Step {
    Step { id, kind }
}

pub(super) fn action(id: StepId, action: Action) -> Step {
    step(id, StepKind::Action(action))
}

pub(super) fn trigger(kind: TriggerKind) -> Trigger {
    Trigger { kind, reenroll: false }
}

pub(super) fn is(property: &str, value: &str) -> Condition {
    Condition::new(property, Op::Is { value: value.into() })
}

pub(super) fn filter(conditions: Vec<Condition>) -> Filter {
    Filter { groups: vec![Group { conditions }] }
}

/// "When a contact is created, wait 1 day, create a task 'Call {{contact.firstname}}'".
fn call_tomorrow() -> Workflow {
    let mut w = Workflow::new("contacts", "Call new contacts");
    w.triggers.push(trigger(TriggerKind::Created));
    w.steps.push(step(1, StepKind::Delay(Delay::Minutes { minutes: 24 * 60 })));
    w.steps.push(action(2, Action::CreateTask { title: "Call {{contact.firstname}}".into(), body: String::new(), due_in_business_days: 0 }));
    w
}

#[test]
fn a_delay_falls_due_while_closed_and_its_action_runs_once() {
    let mut w = World::new();
    w.workflow(call_tomorrow(), T0);
    let ada = w.create("contacts", &[("firstname", "Ada")], T0 + HOUR);
    assert!(super::engine::has_due(&w.ws, Millis(T0 + 2 * HOUR)));
    assert_eq!(w.run(T0 + 2 * HOUR), 2, "enrolled, then waiting");
    assert!(!super::engine::has_due(&w.ws, Millis(T0 + 2 * HOUR)), "the delay is not over");
    assert!(w.of("tasks").is_empty());
    // The app was closed for three days.
    assert_eq!(w.run(T0 + 72 * HOUR), 1);
    let tasks = w.of("tasks");
    assert_eq!(tasks.len(), 1);
    assert_eq!(tasks[0].text("hs_task_subject"), "Call Ada");
    assert_eq!(tasks[0].created, Millis(T0 + 25 * HOUR), "runs at the time it fell due");
    assert_eq!(tasks[0].history("hs_task_subject")[0].source, Source::Workflow);
    assert_eq!(w.ws.associations().ids(&tasks[0].id, "contacts").next(), Some(&ada));
    assert!(!super::engine::has_due(&w.ws, Millis(T0 + 73 * HOUR)));
    assert_eq!(w.run(T0 + 73 * HOUR), 0, "nothing runs twice");
    assert_eq!(w.of("tasks").len(), 1);
    let enrollment = w.ws.automation().enrollments().next().expect("enrolled");
    assert_eq!(enrollment.state, EnrollmentState::Finished);
    assert_eq!(enrollment.log.iter().map(|e| e.seq).collect::<Vec<_>>(), vec![0, 1, 2]);
}

#[test]
fn a_step_command_that_already_ran_is_refused() {
    let mut w = World::new();
    w.workflow(call_tomorrow(), T0);
    w.create("contacts", &[("firstname", "Ada")], T0);
    w.run(T0);
    let items = due(&w.ws, Millis(T0 + 25 * HOUR));
    let [Due::Step { enrollment, seq, .. }] = items.as_slice() else { panic!("one step due: {items:?}") };
    let command = Command::Automation(AutomationCommand::RunStep { enrollment: enrollment.clone(), seq: *seq, offset_minutes: 0 });
    let ctx = Context { now: Millis(T0 + 25 * HOUR), source: Source::Workflow };
    w.ws.execute(command.clone(), &ctx).expect("runs once");
    assert_eq!(w.ws.execute(command, &ctx), Err(CommandError::Automation(AutomationError::AlreadyRan)));
    assert_eq!(w.of("tasks").len(), 1);
}

#[test]
fn two_tabs_that_race_on_a_step_write_the_same_entities() {
    let mut w = World::new();
    w.workflow(call_tomorrow(), T0);
    w.create("contacts", &[("firstname", "Ada")], T0);
    w.run(T0);
    let tab = |log: &[String], device: u64| {
        let mut ws = Workspace::new(default_schema(), IdGen::new(device, 99));
        restore(&mut ws, FORMAT_VERSION, &[], log).expect("loads");
        ws
    };
    let (mut one, mut two) = (tab(&w.log, 1), tab(&w.log, 2));
    let (a, _) = run_due(&mut one, Millis(T0 + 30 * HOUR), 0, 100);
    let (b, _) = run_due(&mut two, Millis(T0 + 31 * HOUR), 0, 100);
    assert!(!a.changes.is_empty());
    assert_eq!(Batch::from_commit(&a), Batch::from_commit(&b), "both tabs write identical entities, so one task");
    let mut both = w.log.clone();
    both.push(Batch::from_commit(&a).encode());
    both.push(Batch::from_commit(&b).encode());
    assert_eq!(tab(&both, 3).records_of("tasks").count(), 1);
}

#[test]
fn a_failed_write_is_reverted_whole() {
    let mut w = World::new();
    w.workflow(call_tomorrow(), T0);
    w.create("contacts", &[("firstname", "Ada")], T0);
    w.run(T0);
    let before = w.ws.entities();
    let (commit, _) = run_due(&mut w.ws, Millis(T0 + 30 * HOUR), 0, 100);
    w.ws.revert(&commit);
    assert_eq!(w.ws.entities(), before, "the task and the enrollment's progress go back together");
    assert_eq!(w.run(T0 + 30 * HOUR), 1, "and the step is still due");
}

/// Scenario 1: a deal in "Quote sent" for 15 days without reaching "Quote signed".
#[test]
fn a_stalled_quote_gets_a_task_and_an_email_and_a_signed_one_does_not() {
    let mut w = World::new();
    w.exec(Command::EditOwner(OwnerEdit::Create { name: "Grace".into(), email: "grace@example.com".into(), team: None }), T0).expect("owner");
    let mut flow = Workflow::new("deals", "Quote follow-up");
    flow.triggers.push(trigger(TriggerKind::TimeInStage { stage: "quotesent".into(), days: 15 }));
    flow.steps.push(action(1, Action::CreateTask { title: "Follow up {{deal.dealname}}".into(), body: String::new(), due_in_business_days: 1 }));
    flow.steps.push(action(2, Action::SendEmail { subject: "Your quote for {{deal.dealname}}".into(), body: "Hello {{contact.firstname}}".into() }));
    w.workflow(flow, T0);
    let ada = w.create("contacts", &[("firstname", "Ada"), ("email", "ada@example.com")], T0);
    let stalled = w.create("deals", &[("dealname", "Boilers"), ("dealstage", "quotesent"), ("hubspot_owner_id", "grace@example.com")], T0 + HOUR);
    let signed = w.create("deals", &[("dealname", "Pumps"), ("dealstage", "quotesent")], T0 + HOUR);
    w.link(&stalled, &ada, T0 + HOUR);
    w.link(&signed, &ada, T0 + HOUR);
    w.run(T0 + 2 * HOUR);
    w.update(&signed, &[("dealstage", "quotesigned")], T0 + 10 * 24 * HOUR);
    w.run(T0 + 14 * 24 * HOUR);
    assert!(w.of("tasks").is_empty(), "not yet 15 days");
    w.run(T0 + 20 * 24 * HOUR);
    let tasks = w.of("tasks");
    assert_eq!(tasks.len(), 1);
    assert_eq!(tasks[0].text("hs_task_subject"), "Follow up Boilers");
    let grace = w.ws.find_owner("grace@example.com").expect("owner").id.0.clone();
    assert_eq!(tasks[0].text("hubspot_owner_id"), grace, "for the deal's owner");
    let emails: Vec<&OutboxEmail> = w.ws.automation().outbox().collect();
    assert_eq!(emails.len(), 1);
    assert_eq!((emails[0].to.as_str(), emails[0].subject.as_str(), emails[0].body.as_str()), ("ada@example.com", "Your quote for Boilers", "Hello Ada"));
    assert_eq!(emails[0].record, stalled);
}

/// Scenario 2: a signed contract hands the deal to the administration pipeline.
#[test]
fn a_deal_entering_contract_signed_is_copied_with_its_associations() {
    let mut w = World::new();
    let mut flow = Workflow::new("deals", "Hand over");
    flow.triggers.push(trigger(TriggerKind::StageEntered { stage: "contractsigned".into() }));
    flow.steps.push(action(1, Action::CopyToPipeline { pipeline: "admin".into(), stage: "onboarding".into() }));
    w.workflow(flow, T0);
    let ada = w.create("contacts", &[("firstname", "Ada")], T0);
    let acme = w.create("companies", &[("name", "Acme")], T0);
    let deal = w.create("deals", &[("dealname", "Boilers"), ("pipeline", "sales"), ("dealstage", "quotesent"), ("amount", "1200")], T0);
    w.link(&deal, &ada, T0);
    w.link(&deal, &acme, T0);
    w.run(T0 + HOUR);
    assert_eq!(w.of("deals").len(), 1);
    w.update(&deal, &[("dealstage", "contractsigned")], T0 + 2 * HOUR);
    w.run(T0 + 3 * HOUR);
    let copy = w.of("deals").into_iter().find(|d| d.id != deal).expect("copied").clone();
    assert_eq!((copy.text("pipeline").as_str(), copy.text("dealstage").as_str()), ("admin", "onboarding"));
    assert_eq!(copy.text("dealname"), "Boilers");
    assert_eq!(copy.get("amount"), w.ws.record(&deal).and_then(|d| d.get("amount")));
    assert_eq!(w.ws.associations().ids(&copy.id, "contacts").collect::<Vec<_>>(), vec![&ada]);
    assert_eq!(w.ws.associations().ids(&copy.id, "companies").collect::<Vec<_>>(), vec![&acme]);
    w.run(T0 + 4 * HOUR);
    assert_eq!(w.of("deals").len(), 2, "copied once");
}

/// Scenario 3: new French leads go to one owner with a "call within 2 days" task.
#[test]
fn a_new_french_lead_is_assigned_and_gets_a_task() {
    let mut w = World::new();
    w.exec(Command::EditOwner(OwnerEdit::Create { name: "Grace".into(), email: "grace@example.com".into(), team: None }), T0).expect("owner");
    let mut flow = Workflow::new("contacts", "French leads");
    flow.triggers.push(trigger(TriggerKind::MeetsFilter { filter: filter(vec![is("lifecyclestage", "lead"), is("country", "France")]) }));
    flow.steps.push(action(1, Action::SetProperty { property: "hubspot_owner_id".into(), value: "grace@example.com".into() }));
    flow.steps.push(action(2, Action::CreateTask { title: "Call within 2 days".into(), body: String::new(), due_in_business_days: 2 }));
    w.workflow(flow, T0);
    let lead = w.create("contacts", &[("firstname", "Zoé"), ("lifecyclestage", "lead"), ("country", "France")], T0 + HOUR);
    w.create("contacts", &[("firstname", "Max"), ("lifecyclestage", "lead"), ("country", "Germany")], T0 + HOUR);
    w.run(T0 + 2 * HOUR);
    let grace = w.ws.find_owner("grace@example.com").expect("owner").id.0.clone();
    assert_eq!(w.ws.record(&lead).map(|r| r.text("hubspot_owner_id")), Some(grace.clone()));
    let tasks = w.of("tasks");
    assert_eq!(tasks.len(), 1);
    assert_eq!(tasks[0].text("hubspot_owner_id"), grace);
    // Monday 10:00 + 2 business days = Wednesday 10:00.
    assert_eq!(tasks[0].text("hs_timestamp"), Millis(T0 + HOUR + 2 * 24 * HOUR).to_iso());
}

#[test]
fn reenrollment_needs_a_new_change_from_not_matching_to_matching() {
    let mut w = World::new();
    let mut flow = Workflow::new("contacts", "Leads");
    flow.triggers.push(Trigger { kind: TriggerKind::MeetsFilter { filter: filter(vec![is("lifecyclestage", "lead")]) }, reenroll: true });
    flow.steps.push(action(1, Action::Notify { text: "{{contact.firstname}} is a lead".into() }));
    let id = w.workflow(flow, T0);
    let ada = w.create("contacts", &[("firstname", "Ada"), ("lifecyclestage", "lead")], T0);
    w.run(T0 + HOUR);
    w.update(&ada, &[("firstname", "Ada L.")], T0 + 2 * HOUR);
    w.run(T0 + 3 * HOUR);
    assert_eq!(w.ws.automation().enrollments_of(&id, &ada).count(), 1, "still matching is no new change");
    w.update(&ada, &[("lifecyclestage", "customer")], T0 + 4 * HOUR);
    w.update(&ada, &[("lifecyclestage", "lead")], T0 + 5 * HOUR);
    w.run(T0 + 6 * HOUR);
    assert_eq!(w.ws.automation().enrollments_of(&id, &ada).count(), 2);
    let texts: Vec<&str> = w.ws.automation().notifications().map(|n| n.text.as_str()).collect();
    assert_eq!(texts, vec!["Ada is a lead", "Ada L. is a lead"]);
}

#[test]
fn without_reenrollment_a_record_enrolls_once() {
    let mut w = World::new();
    let mut flow = Workflow::new("contacts", "Leads");
    flow.triggers.push(trigger(TriggerKind::PropertyChanged { property: "lifecyclestage".into(), to: Some("lead".into()), from: None }));
    flow.steps.push(action(1, Action::Notify { text: "lead".into() }));
    let id = w.workflow(flow, T0);
    let ada = w.create("contacts", &[("firstname", "Ada")], T0);
    for (i, stage) in ["lead", "customer", "lead"].iter().enumerate() {
        w.update(&ada, &[("lifecyclestage", stage)], T0 + (i as i64 + 1) * HOUR);
        w.run(T0 + (i as i64 + 1) * HOUR);
    }
    assert_eq!(w.ws.automation().enrollments_of(&id, &ada).count(), 1);
}

#[test]
fn branches_pick_the_first_match_and_goals_end_the_run() {
    let mut w = World::new();
    let mut flow = Workflow::new("contacts", "Route");
    flow.triggers.push(trigger(TriggerKind::Created));
    let french = Branch { name: "France".into(), filter: filter(vec![is("country", "France")]), steps: vec![action(2, Action::SetProperty { property: "city".into(), value: "Paris".into() })] };
    flow.steps.push(step(1, StepKind::Branch { branches: vec![french], otherwise: vec![action(3, Action::SetProperty { property: "city".into(), value: "Elsewhere".into() })] }));
    flow.steps.push(step(4, StepKind::Delay(Delay::Minutes { minutes: 60 })));
    flow.steps.push(action(5, Action::SetProperty { property: "jobtitle".into(), value: "Reached".into() }));
    flow.goal = filter(vec![is("lifecyclestage", "customer")]);
    w.workflow(flow, T0);
    let zoe = w.create("contacts", &[("country", "France")], T0);
    let max = w.create("contacts", &[("country", "Germany")], T0);
    w.run(T0 + 1);
    let city = |w: &World, id: &RecordId| w.ws.record(id).map(|r| r.text("city")).unwrap_or_default();
    assert_eq!((city(&w, &zoe), city(&w, &max)), ("Paris".to_string(), "Elsewhere".to_string()));
    w.update(&max, &[("lifecyclestage", "customer")], T0 + 10);
    w.run(T0 + 2 * HOUR);
    let title = |w: &World, id: &RecordId| w.ws.record(id).map(|r| r.text("jobtitle")).unwrap_or_default();
    assert_eq!(title(&w, &zoe), "Reached");
    assert_eq!(title(&w, &max), "", "met the goal and left");
    assert!(w.ws.automation().enrollments().any(|e| e.state == EnrollmentState::GoalMet && e.record == max));
}

#[test]
fn workflows_that_enroll_each_other_are_reported_and_stopped() {
    let mut w = World::new();
    let a = w.workflow(Workflow { triggers: vec![trigger(TriggerKind::Created)], ..Workflow::new("contacts", "A") }, T0);
    let b = w.workflow(Workflow { steps: vec![action(1, Action::EnrollIn { workflow: a.clone() })], ..Workflow::new("contacts", "B") }, T0);
    let mut flow_a = w.ws.automation().workflow(&a).cloned().expect("saved");
    flow_a.steps.push(action(1, Action::EnrollIn { workflow: b.clone() }));
    w.exec(Command::Automation(AutomationCommand::SaveWorkflow(flow_a)), T0).expect("saved");
    assert_eq!(cycles::workflows_in_cycles(w.ws.automation()).len(), 2);
    w.create("contacts", &[("firstname", "Ada")], T0);
    w.run(T0 + HOUR);
    let failed = w.ws.automation().enrollments().flat_map(|e| &e.log).filter(|l| l.outcome == Outcome::Failed { problem: StepProblem::Cycle }).count();
    assert_eq!(failed, 1);
    assert_eq!(w.ws.automation().enrollments().count(), 1, "B was never entered");
}

#[test]
fn marking_an_outbox_email_sent_logs_it_on_the_timeline() {
    let mut w = World::new();
    let mut flow = Workflow::new("contacts", "Welcome");
    flow.triggers.push(trigger(TriggerKind::Created));
    flow.steps.push(action(1, Action::SendEmail { subject: "Welcome {{contact.firstname}}".into(), body: "Hi!".into() }));
    w.workflow(flow, T0);
    let ada = w.create("contacts", &[("firstname", "Ada"), ("email", "ada@example.com")], T0);
    let max = w.create("contacts", &[("firstname", "Max")], T0);
    w.run(T0 + 1);
    let email = w.ws.automation().outbox().next().expect("ready").id.clone();
    assert!(w.ws.automation().enrollments().any(|e| e.record == max && e.log.iter().any(|l| l.outcome == Outcome::Failed { problem: StepProblem::NoEmailAddress })));
    w.exec(Command::Automation(AutomationCommand::MarkSent { email: email.clone() }), T0 + HOUR).expect("sent");
    let logged = w.of("emails");
    assert_eq!(logged.len(), 1);
    assert_eq!(logged[0].text("hs_email_subject"), "Welcome Ada");
    assert_eq!(w.ws.associations().ids(&logged[0].id, "contacts").next(), Some(&ada));
    w.exec(Command::Automation(AutomationCommand::MarkSent { email }), T0 + 2 * HOUR).expect("no-op");
    assert_eq!(w.of("emails").len(), 1, "logged once");
}

#[test]
fn manual_enrollment_and_switching_off() {
    let mut w = World::new();
    let mut flow = Workflow::new("contacts", "Manual");
    flow.steps.push(action(1, Action::IncrementProperty { property: "hs_lead_status".into(), by: 1.0 }));
    flow.steps[0] = action(1, Action::SetProperty { property: "city".into(), value: "{{contact.firstname}}ville".into() });
    let id = w.workflow(flow, T0);
    let ada = w.create("contacts", &[("firstname", "Ada")], T0);
    w.exec(Command::Automation(AutomationCommand::Enroll { workflow: id.clone(), record: ada.clone() }), T0 + 1).expect("enrolled");
    assert_eq!(
        w.exec(Command::Automation(AutomationCommand::Enroll { workflow: id.clone(), record: ada.clone() }), T0 + 2),
        Err(CommandError::Automation(AutomationError::AlreadyEnrolled))
    );
    w.run(T0 + 3);
    assert_eq!(w.ws.record(&ada).map(|r| r.text("city")), Some("Adaville".into()));
    let company = w.create("companies", &[("name", "Acme")], T0);
    assert_eq!(
        w.exec(Command::Automation(AutomationCommand::Enroll { workflow: id.clone(), record: company }), T0 + 4),
        Err(CommandError::Automation(AutomationError::WrongObject))
    );
    let mut off = World::new();
    let flow = off.workflow(call_tomorrow(), T0);
    off.exec(Command::Automation(AutomationCommand::SwitchWorkflow { id: flow, on: false, enroll_existing: false }), T0).expect("off");
    off.create("contacts", &[("firstname", "Ada")], T0 + 1);
    assert_eq!(off.run(T0 + 30 * HOUR), 0, "an off workflow enrolls no one");
}

#[test]
fn increment_and_date_triggers() {
    let mut w = World::new();
    let mut flow = Workflow::new("deals", "Before close");
    flow.triggers.push(trigger(TriggerKind::DateReached { property: "closedate".into(), days: -2 }));
    flow.steps.push(action(1, Action::IncrementProperty { property: "amount".into(), by: 5.0 }));
    w.workflow(flow, T0);
    let deal = w.create("deals", &[("dealname", "X"), ("amount", "10"), ("closedate", "2026-11-30")], T0);
    w.run(T0 + 24 * HOUR);
    let amount = |w: &World| w.ws.record(&deal).and_then(|r| r.get("amount").cloned());
    assert_eq!(amount(&w), Some(Value::Int(1_000)), "not two days before yet");
    w.run(T0 + 5 * 24 * HOUR);
    w.run(T0 + 6 * 24 * HOUR);
    assert_eq!(amount(&w), Some(Value::Int(1_500)), "10.00 + 5 once, kept in minor units");
}

#[test]
fn a_dry_run_shows_the_path_without_changing_anything() {
    let mut w = World::new();
    let mut flow = Workflow::new("contacts", "Route");
    let french = Branch { name: "France".into(), filter: filter(vec![is("country", "France")]), steps: vec![action(2, Action::Notify { text: "Bonjour {{contact.firstname}}".into() })] };
    flow.steps.push(step(1, StepKind::Branch { branches: vec![french], otherwise: vec![] }));
    flow.steps.push(step(3, StepKind::Delay(Delay::Minutes { minutes: 90 })));
    let id = w.workflow(flow, T0);
    let zoe = w.create("contacts", &[("firstname", "Zoé"), ("country", "France")], T0);
    let before = w.ws.entities();
    let flow = w.ws.automation().workflow(&id).cloned().expect("saved");
    let run = display::dry_run(&w.ws, &flow, &zoe, Millis(T0));
    assert_eq!(run, vec![
        (crate::core::i18n::Msg::OcBranched, "France".to_string()),
        (crate::core::i18n::Msg::AcNotify, "Bonjour Zoé".to_string()),
        (crate::core::i18n::Msg::DlFor, format!("1h 30m → {}", Millis(T0 + 90 * 60_000).to_iso())),
    ]);
    assert_eq!(w.ws.entities(), before);
    let rows = display::workflow_rows(&w.ws);
    assert_eq!((rows.len(), rows[0].on, rows[0].active), (1, true, 0));
}
