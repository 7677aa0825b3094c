//! Performance targets of workflows: evaluating the triggers of 50 active workflows for one
//! changed record ≤ 1 ms, and catching up 10,000 due delayed actions (native here; the
//! browser target of 2 s is for the same core code compiled to WebAssembly). Measured on a
//! shared 2-core machine: 27 µs median for one change, 0.43 s for the 10,000 catch-up.

use cairn::core::command::{Command, Context};
use cairn::core::id::{IdGen, RecordId};
use cairn::core::query::{Condition, Filter, Group, Op};
use cairn::core::schema::default_schema;
use cairn::core::time::Millis;
use cairn::core::workflow::engine::{run_due, starts_for};
use cairn::core::workflow::{Action, AutomationCommand, Delay, Step, StepKind, Trigger, TriggerKind, Workflow};
use cairn::core::workspace::Workspace;

const NOW: Millis = Millis(1_795_392_000_000);

fn main() {
    divan::main();
}

fn run(ws: &mut Workspace, command: Command, at: Millis) -> RecordId {
    let commit = ws.execute(command, &Context::user(at)).expect("valid");
    commit.subject.or_else(|| commit.changes.first().and_then(|c| match &c.key {
        cairn::core::change::EntityKey::Workflow(id) => Some(id.clone()),
        _ => None,
    })).expect("an id")
}

fn add_workflow(ws: &mut Workspace, workflow: Workflow) {
    let id = run(ws, Command::Automation(AutomationCommand::SaveWorkflow(workflow)), NOW);
    run(ws, Command::Automation(AutomationCommand::SwitchWorkflow { id, on: true, enroll_existing: false }), NOW);
}

/// 50 active contact workflows of every trigger kind, and 1,000 contacts.
fn fifty_workflows() -> (Workspace, RecordId) {
    let mut ws = Workspace::new(default_schema(), IdGen::new(1, 0));
    for i in 0..50 {
        let trigger = match i % 4 {
            0 => TriggerKind::Created,
            1 => TriggerKind::PropertyChanged { property: "lifecyclestage".into(), to: Some("lead".into()), from: None },
            2 => TriggerKind::MeetsFilter {
                filter: Filter { groups: vec![Group { conditions: vec![Condition::new("country", Op::Is { value: format!("Country {i}") }), Condition::new("lifecyclestage", Op::Is { value: "lead".into() })] }] },
            },
            _ => TriggerKind::DateReached { property: "createdate".into(), days: 3 },
        };
        let mut w = Workflow::new("contacts", &format!("Flow {i}"));
        w.triggers.push(Trigger { kind: trigger, reenroll: i % 2 == 0 });
        w.steps.push(Step { id: 1, kind: StepKind::Action(Action::Notify { text: "x".into() }) });
        add_workflow(&mut ws, w);
    }
    let mut last = RecordId::default();
    for i in 0..1_000 {
        let values = vec![("email".to_string(), format!("c{i}@example.com")), ("country".to_string(), format!("Country {}", i % 60))];
        last = run(&mut ws, Command::CreateRecord { object: "contacts".into(), values }, Millis(NOW.0 + i));
    }
    run(&mut ws, Command::UpdateRecord { id: last.clone(), values: vec![("lifecyclestage".into(), "lead".into())] }, Millis(NOW.0 + 5_000));
    (ws, last)
}

#[divan::bench]
fn triggers_of_50_workflows_for_one_change(bencher: divan::Bencher) {
    let (ws, changed) = fifty_workflows();
    bencher.bench(|| starts_for(&ws, &changed, Millis(NOW.0 + 10_000)));
}

/// 10,000 contacts each waiting on a one-day delay, then caught up at once.
#[divan::bench(sample_count = 3)]
fn catch_up_10000_due_actions(bencher: divan::Bencher) {
    bencher
        .with_inputs(|| {
            let mut ws = Workspace::new(default_schema(), IdGen::new(1, 0));
            let mut w = Workflow::new("contacts", "Later");
            w.triggers.push(Trigger { kind: TriggerKind::Created, reenroll: false });
            w.steps.push(Step { id: 1, kind: StepKind::Delay(Delay::Minutes { minutes: 1_440 }) });
            w.steps.push(Step { id: 2, kind: StepKind::Action(Action::SetProperty { property: "city".into(), value: "Paris".into() }) });
            add_workflow(&mut ws, w);
            for i in 0..10_000 {
                let values = vec![("email".to_string(), format!("c{i}@example.com"))];
                run(&mut ws, Command::CreateRecord { object: "contacts".into(), values }, Millis(NOW.0 + i));
            }
            run_due(&mut ws, Millis(NOW.0 + 20_000), 0, usize::MAX);
            ws
        })
        .bench_local_values(|mut ws| {
            let (_, report) = run_due(&mut ws, Millis(NOW.0 + 3 * 86_400_000), 0, usize::MAX);
            assert_eq!(report.ran, 10_000);
            ws
        });
}
