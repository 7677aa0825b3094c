//! Property tests of the engine: however the clock jumps, the result is the same, no step
//! runs twice, and re-enrollment follows not-matching → matching changes only.

use proptest::prelude::*;

use super::engine::run_due;
use super::*;
use crate::core::command::{Command, Context};
use crate::core::query::{Condition, Filter, Group, Op};
use crate::core::schema::default_schema;
use crate::core::workspace::Workspace;

const MINUTE: i64 = 60_000;
const T0: i64 = 1_795_424_400_000;

#[derive(Clone, Debug)]
enum Event {
    Create { lead: bool },
    Stage { contact: usize, lead: bool },
    Country { contact: usize, france: bool },
}

fn event() -> impl Strategy<Value = Event> {
    prop_oneof![
        any::<bool>().prop_map(|lead| Event::Create { lead }),
        (0..6usize, any::<bool>()).prop_map(|(contact, lead)| Event::Stage { contact, lead }),
        (0..6usize, any::<bool>()).prop_map(|(contact, france)| Event::Country { contact, france }),
    ]
}

fn flows(delay: i64) -> Vec<Workflow> {
    let act = |id, action| Step { id, kind: StepKind::Action(action) };
    let mut created = Workflow::new("contacts", "Created");
    created.triggers.push(Trigger { kind: TriggerKind::Created, reenroll: false });
    created.steps.push(Step { id: 1, kind: StepKind::Delay(Delay::Minutes { minutes: delay }) });
    created.steps.push(act(2, Action::CreateTask { title: "Call {{contact.firstname}}".into(), body: String::new(), due_in_business_days: 1 }));
    created.steps.push(act(3, Action::IncrementProperty { property: "hs_count".into(), by: 1.0 }));
    let lead = Filter { groups: vec![Group { conditions: vec![Condition::new("lifecyclestage", Op::Is { value: "lead".into() })] }] };
    let mut leads = Workflow::new("contacts", "Leads");
    leads.triggers.push(Trigger { kind: TriggerKind::MeetsFilter { filter: lead }, reenroll: true });
    leads.steps.push(act(1, Action::Notify { text: "lead {{contact.country}}".into() }));
    let mut country = Workflow::new("contacts", "Country");
    country.triggers.push(Trigger { kind: TriggerKind::PropertyChanged { property: "country".into(), to: Some("France".into()), from: None }, reenroll: true });
    country.steps.push(Step { id: 1, kind: StepKind::Delay(Delay::Minutes { minutes: delay / 2 }) });
    country.steps.push(act(2, Action::SetProperty { property: "city".into(), value: "Paris {{contact.lifecyclestage}}".into() }));
    vec![created, leads, country]
}

/// Replays the events; before each one (the app is open when someone edits) and at every
/// extra check-in time the engine runs with that time as now.
fn replay(events: &[(i64, Event)], delay: i64, check_ins: &[i64], end: i64) -> Workspace {
    let mut ws = Workspace::new(default_schema(), IdGen::new(5, 0));
    let field = crate::core::schema::SchemaEdit::CreateProperty {
        object: "contacts".into(),
        property: crate::core::schema::PropertyDef::new("hs_count", "Count", "contactinformation", crate::core::schema::PropertyType::Number { decimals: None, min: None, max: None }),
    };
    ws.execute(Command::EditSchema(field), &Context::user(Millis(T0))).expect("property");
    for flow in flows(delay) {
        let commit = ws.execute(Command::Automation(AutomationCommand::SaveWorkflow(flow)), &Context::user(Millis(T0))).expect("saved");
        let Some(crate::core::change::Entity::Workflow(w)) = commit.changes[0].after.clone() else { panic!("a workflow") };
        ws.execute(Command::Automation(AutomationCommand::SwitchWorkflow { id: w.id, on: true, enroll_existing: false }), &Context::user(Millis(T0))).expect("on");
    }
    let mut contacts = Vec::new();
    let mut checks = check_ins.iter().copied().peekable();
    let mut catch_up = |ws: &mut Workspace, until: i64| {
        while let Some(at) = checks.next_if(|at| *at < until) {
            run_due(ws, Millis(at), 60, usize::MAX);
        }
        run_due(ws, Millis(until), 60, usize::MAX);
    };
    for (at, e) in events {
        catch_up(&mut ws, *at);
        let ctx = Context::user(Millis(*at));
        let (id, values) = match e {
            Event::Create { lead } => {
                let values = vec![("firstname".to_string(), format!("C{}", contacts.len())), ("lifecyclestage".to_string(), if *lead { "lead" } else { "subscriber" }.to_string())];
                let commit = ws.execute(Command::CreateRecord { object: "contacts".into(), values }, &ctx).expect("created");
                contacts.extend(commit.subject);
                continue;
            }
            Event::Stage { contact, lead } => (contact, ("lifecyclestage", if *lead { "lead" } else { "customer" })),
            Event::Country { contact, france } => (contact, ("country", if *france { "France" } else { "Italy" })),
        };
        if let Some(id) = contacts.get(*id) {
            let values = vec![(values.0.to_string(), values.1.to_string())];
            ws.execute(Command::UpdateRecord { id: id.clone(), values }, &ctx).expect("updated");
        }
    }
    catch_up(&mut ws, end);
    ws
}

fn timeline() -> impl Strategy<Value = (Vec<(i64, Event)>, i64, Vec<i64>)> {
    (prop::collection::vec((1..3_000i64, event()), 1..25), 1..4_000i64, prop::collection::vec(0..60_000i64, 0..30)).prop_map(|(gaps, delay, checks)| {
        let mut at = T0;
        let events = gaps.into_iter().map(|(gap, e)| {
            at += gap * MINUTE;
            (at, e)
        });
        let events: Vec<(i64, Event)> = events.collect();
        let mut checks: Vec<i64> = checks.into_iter().map(|m| T0 + m * MINUTE).collect();
        checks.sort();
        (events, delay, checks)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn catching_up_at_once_or_step_by_step_gives_the_same_data((events, delay, checks) in timeline()) {
        let end = events.last().map_or(T0, |(at, _)| *at) + 10 * 24 * 60 * MINUTE;
        let at_once = replay(&events, delay, &[], end);
        let step_by_step = replay(&events, delay, &checks, end);
        prop_assert_eq!(at_once.entities(), step_by_step.entities());
    }

    #[test]
    fn no_step_runs_twice_and_reenrollment_follows_changes((events, delay, checks) in timeline()) {
        let end = events.last().map_or(T0, |(at, _)| *at) + 10 * 24 * 60 * MINUTE;
        let ws = replay(&events, delay, &checks, end);
        let auto = ws.automation();
        for e in auto.enrollments() {
            let seqs: Vec<u32> = e.log.iter().map(|l| l.seq).collect();
            prop_assert_eq!(seqs, (0..e.log.len() as u32).collect::<Vec<_>>());
            let mut steps: Vec<StepId> = e.log.iter().filter_map(|l| l.step).collect();
            let n = steps.len();
            steps.dedup();
            prop_assert_eq!(steps.len(), n, "a step ran twice");
        }
        let created = auto.workflows().find(|w| w.name == "Created").map(|w| w.id.clone()).expect("saved");
        let leads = auto.workflows().find(|w| w.name == "Leads").map(|w| w.id.clone()).expect("saved");
        for contact in ws.records_of("contacts") {
            prop_assert_eq!(auto.enrollments_of(&created, &contact.id).count(), 1);
            prop_assert_eq!(contact.text("hs_count"), "1", "the increment ran once");
            let tasks = ws.associations().ids(&contact.id, "tasks").count();
            prop_assert_eq!(tasks, 1);
            // Each change into "lead" (creation included) is one run of the Leads workflow.
            let history = contact.history("lifecyclestage");
            let into_lead = history.iter().enumerate().filter(|(i, h)| {
                let is_lead = |h: &crate::core::record::HistoryEntry| h.value.as_ref().map(|v| v.display()) == Some("lead".into());
                is_lead(h) && (*i == 0 || !is_lead(&history[i - 1]))
            }).count();
            prop_assert_eq!(auto.enrollments_of(&leads, &contact.id).count(), into_lead);
        }
    }
}
