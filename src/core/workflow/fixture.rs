//! A benchmark fixture: contacts that each wait in a workflow whose 3-day delay fell due
//! while the app was closed, so that opening the app has that many delayed actions to
//! catch up (`?bench-catchup=N`, `bench/catchup.mjs`).

use super::engine::run_due;
use super::model::*;
use super::AutomationCommand;
use crate::core::change::EntityKey;
use crate::core::command::{Command, CommandError, Context};
use crate::core::time::Millis;
use crate::core::workspace::Workspace;

const DAY: i64 = 24 * 3_600_000;

/// Fills `ws` with a "created → wait 3 days → create a task" workflow switched on four days
/// before `now`, and `contacts` contacts created then, each enrolled and waiting: at `now`,
/// `contacts` delayed tasks are one day overdue.
pub fn catch_up(ws: &mut Workspace, contacts: usize, now: Millis) -> Result<AutoId, CommandError> {
    let start = Millis(now.0 - 4 * DAY);
    let mut flow = Workflow::new("contacts", "Call new contacts");
    flow.triggers.push(Trigger { kind: TriggerKind::Created, reenroll: false });
    flow.steps.push(Step { id: 1, kind: StepKind::Delay(Delay::Minutes { minutes: 3 * 24 * 60 }) });
    let task = Action::CreateTask { title: "Call {{contact.firstname}}".into(), body: String::new(), due_in_business_days: 1 };
    flow.steps.push(Step { id: 2, kind: StepKind::Action(task) });
    let saved = ws.execute(Command::Automation(AutomationCommand::SaveWorkflow(flow)), &Context::user(start))?;
    let Some(EntityKey::Workflow(id)) = saved.changes.first().map(|c| c.key.clone()) else { return Err(CommandError::UnknownObject("workflow".into())) };
    ws.execute(Command::Automation(AutomationCommand::SwitchWorkflow { id: id.clone(), on: true, enroll_existing: false }), &Context::user(start))?;
    for i in 0..contacts {
        let values = vec![("firstname".to_string(), format!("Contact {i}")), ("email".to_string(), format!("contact{i}@example.com"))];
        ws.execute(Command::CreateRecord { object: "contacts".into(), values }, &Context::user(Millis(start.0 + i as i64)))?;
    }
    // The engine ran back then: every contact entered and began its wait.
    run_due(ws, Millis(start.0 + 60_000), 0, usize::MAX);
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::id::IdGen;
    use crate::core::schema::default_schema;

    #[test]
    fn the_fixture_leaves_one_overdue_task_step_per_contact() {
        let now = Millis(1_795_424_400_000);
        let mut ws = Workspace::new(default_schema(), IdGen::new(3, 0));
        let flow = catch_up(&mut ws, 25, now).expect("fixture");
        assert_eq!(ws.automation().active_count(&flow), 25);
        assert_eq!(ws.automation().due_by(now).count(), 25, "every wait ended a day ago");
        assert_eq!(ws.records_of("tasks").count(), 0, "no task yet");
        let (_, report) = run_due(&mut ws, now, 0, usize::MAX);
        assert!(report.ran >= 25);
        assert_eq!(ws.records_of("tasks").count(), 25);
    }
}
