//! The tasks page's grouping: overdue, due today and upcoming open tasks.
//!
//! "Today" is the user's calendar day, so the edge passes its UTC offset along with `now`.

use super::id::RecordId;
use super::record::Record;
use super::schema::ACTIVITY_TIMESTAMP;
use super::time::Millis;
use super::value::Value;
use super::workspace::Workspace;

/// The task status property and the value that closes a task.
pub const TASK_STATUS: &str = "hs_task_status";
pub const TASK_COMPLETED: &str = "COMPLETED";

/// Open tasks by when they are due, each list soonest first.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Agenda {
    pub overdue: Vec<RecordId>,
    pub today: Vec<RecordId>,
    pub upcoming: Vec<RecordId>,
}

/// When a task is due, if its due date is set and readable.
pub fn due_at(task: &Record) -> Option<Millis> {
    match task.get(ACTIVITY_TIMESTAMP)? {
        Value::Text(text) => chrono::DateTime::parse_from_rfc3339(text).ok().map(|t| Millis(t.timestamp_millis())),
        Value::Int(ms) => Some(Millis(*ms)),
        _ => None,
    }
}

pub fn is_completed(task: &Record) -> bool {
    task.get(TASK_STATUS).and_then(Value::as_text) == Some(TASK_COMPLETED)
}

/// Groups the open tasks. `utc_offset_minutes` is the user's offset east of UTC (Paris in
/// winter: 60). Overdue means due before now; today, later on the user's current day.
pub fn agenda(ws: &Workspace, now: Millis, utc_offset_minutes: i64) -> Agenda {
    let local_day = |t: Millis| (t.0 + utc_offset_minutes * 60_000).div_euclid(Millis::DAY);
    let mut open: Vec<(Millis, &RecordId)> =
        ws.records_of("tasks").filter(|t| !is_completed(t)).filter_map(|t| Some((due_at(t)?, &t.id))).collect();
    open.sort();
    let mut agenda = Agenda::default();
    for (due, id) in open {
        let list = if due < now {
            &mut agenda.overdue
        } else if local_day(due) == local_day(now) {
            &mut agenda.today
        } else {
            &mut agenda.upcoming
        };
        list.push(id.clone());
    }
    agenda
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::command::{Command, Context};
    use crate::core::id::IdGen;
    use crate::core::schema::default_schema;

    /// 2026-11-23T12:00:00Z.
    const NOON: Millis = Millis(1_795_435_200_000);

    fn task(ws: &mut Workspace, title: &str, due: &str, status: &str) -> RecordId {
        let values = vec![("hs_task_subject".into(), title.into()), (ACTIVITY_TIMESTAMP.into(), due.into()), (TASK_STATUS.into(), status.into())];
        let commit = ws.execute(Command::CreateRecord { object: "tasks".into(), values }, &Context::user(NOON)).expect("valid task");
        commit.subject.expect("created")
    }

    #[test]
    fn open_tasks_are_grouped_by_due_date_soonest_first() {
        let mut ws = Workspace::new(default_schema(), IdGen::new(1, 0));
        let late = task(&mut ws, "late", "2026-11-20T09:00:00Z", "NOT_STARTED");
        let earlier_today = task(&mut ws, "this morning", "2026-11-23T08:00:00Z", "IN_PROGRESS");
        let tonight = task(&mut ws, "tonight", "2026-11-23T20:00:00Z", "NOT_STARTED");
        let soon = task(&mut ws, "this afternoon", "2026-11-23T15:00:00Z", "NOT_STARTED");
        let next_week = task(&mut ws, "next week", "2026-11-30T09:00:00Z", "WAITING");
        task(&mut ws, "done", "2026-11-19T09:00:00Z", TASK_COMPLETED);
        let agenda = agenda(&ws, NOON, 0);
        assert_eq!(agenda.overdue, vec![late, earlier_today]);
        assert_eq!(agenda.today, vec![soon, tonight.clone()]);
        assert_eq!(agenda.upcoming, vec![next_week]);
        // At UTC+5 it is already 17:00: 20:00 UTC is 01:00 tomorrow there.
        let east = super::agenda(&ws, NOON, 300);
        assert!(east.upcoming.contains(&tonight));
    }
}
