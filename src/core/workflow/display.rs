//! What the automation pages show: workflow rows, labels of triggers, steps and outcomes,
//! the outbox and notifications, and a dry run of a workflow on one record.

use super::cycles::workflows_in_cycles;
use super::model::*;
use super::steps::find;
use super::tokens::fill;
use super::triggers::parse_instant;
use crate::core::i18n::Msg;
use crate::core::id::RecordId;
use crate::core::query::record_matches_with;
use super::segments::members_for;
use crate::core::time::Millis;
use crate::core::workspace::Workspace;

/// One line of the workflow list.
#[derive(Clone, Debug, PartialEq)]
pub struct WorkflowRow {
    pub id: AutoId,
    pub name: String,
    pub object: String,
    pub on: bool,
    /// Records in the workflow now.
    pub active: usize,
    pub in_loop: bool,
}

/// The workflow list, by name.
pub fn workflow_rows(ws: &Workspace) -> Vec<WorkflowRow> {
    let looped = workflows_in_cycles(ws.automation());
    let mut rows: Vec<WorkflowRow> = ws
        .automation()
        .workflows()
        .map(|w| WorkflowRow {
            id: w.id.clone(),
            name: w.name.clone(),
            object: w.object.clone(),
            on: w.is_on(),
            active: ws.automation().active_count(&w.id),
            in_loop: looped.contains(&w.id),
        })
        .collect();
    rows.sort_by(|a, b| a.name.to_lowercase().cmp(&b.name.to_lowercase()).then_with(|| a.id.cmp(&b.id)));
    rows
}

pub fn trigger_label(kind: &TriggerKind) -> Msg {
    match kind {
        TriggerKind::Created => Msg::TrCreated,
        TriggerKind::PropertyChanged { .. } => Msg::TrPropertyChanged,
        TriggerKind::MeetsFilter { .. } => Msg::TrMeetsFilter,
        TriggerKind::StageEntered { .. } => Msg::TrStageEntered,
        TriggerKind::DateReached { .. } => Msg::TrDateReached,
        TriggerKind::TimeInStage { .. } => Msg::TrTimeInStage,
    }
}

/// A filter as `property = value & … | …`.
pub fn filter_text(filter: &crate::core::query::Filter) -> String {
    let group = |g: &crate::core::query::Group| {
        g.conditions.iter().map(|c| format!("{} {}", c.property, op_operand(&c.op))).collect::<Vec<_>>().join(" & ")
    };
    filter.groups.iter().map(group).collect::<Vec<_>>().join(" | ")
}

fn op_operand(op: &crate::core::query::Op) -> String {
    use crate::core::query::Op;
    match op {
        Op::Is { value } => format!("= {value}"),
        Op::IsNot { value } => format!("≠ {value}"),
        Op::IsKnown => "✓".into(),
        Op::IsUnknown => "∅".into(),
        other => format!("{:?}", other.operator()),
    }
}

/// A stage as "Pipeline › Stage" by the names the user gave them (its id if it is gone).
pub fn stage_text(ws: &Workspace, stage: &str) -> String {
    ws.pipelines().all().filter(|p| !p.deleted).find_map(|p| p.stage(stage).map(|s| format!("{} › {}", p.label, s.label))).unwrap_or_else(|| stage.to_string())
}

/// The data of a trigger, as shown after its label (property names and values, not prose).
pub fn trigger_detail(ws: &Workspace, kind: &TriggerKind) -> String {
    match kind {
        TriggerKind::Created => String::new(),
        TriggerKind::PropertyChanged { property, to, from } => {
            let mut out = property.clone();
            if let Some(from) = from {
                out.push_str(&format!(": {from} →"));
            }
            if let Some(to) = to {
                out.push_str(&format!(" → {to}"));
            }
            out
        }
        TriggerKind::MeetsFilter { filter } => filter_text(filter),
        TriggerKind::StageEntered { stage } => stage_text(ws, stage),
        TriggerKind::DateReached { property, days } => format!("{property} {days:+}"),
        TriggerKind::TimeInStage { stage, days } => format!("{}: {days}", stage_text(ws, stage)),
    }
}

pub fn action_label(action: &Action) -> Msg {
    match action {
        Action::SetProperty { .. } => Msg::AcSetProperty,
        Action::ClearProperty { .. } => Msg::AcClearProperty,
        Action::CopyProperty { .. } => Msg::AcCopyProperty,
        Action::IncrementProperty { .. } => Msg::AcIncrement,
        Action::CreateTask { .. } => Msg::AcCreateTask,
        Action::CreateRecord { .. } => Msg::AcCreateRecord,
        Action::CopyToPipeline { .. } => Msg::AcCopyToPipeline,
        Action::MoveToStage { .. } => Msg::AcMoveToStage,
        Action::Associate { .. } => Msg::AcAssociate,
        Action::LogNote { .. } => Msg::AcLogNote,
        Action::SendEmail { .. } => Msg::AcSendEmail,
        Action::Notify { .. } => Msg::AcNotify,
        Action::EnrollIn { .. } => Msg::AcEnrollIn,
        Action::UnenrollFrom { .. } => Msg::AcUnenrollFrom,
    }
}

/// A step's label and its data, for the vertical flow.
pub fn step_summary(ws: &Workspace, step: &Step) -> (Msg, String) {
    let name = |id: &AutoId| ws.automation().workflow(id).map(|w| w.name.clone()).unwrap_or_default();
    match &step.kind {
        StepKind::Delay(Delay::Minutes { minutes }) => (Msg::DlFor, duration_text(*minutes)),
        StepKind::Delay(Delay::UntilProperty { property }) => (Msg::DlUntilProperty, property.clone()),
        StepKind::Delay(Delay::UntilWeekday { weekdays, minute_of_day }) => {
            let days: Vec<String> = weekdays.iter().map(|d| (d + 1).to_string()).collect();
            (Msg::DlUntilWeekday, format!("{} {:02}:{:02}", days.join(","), minute_of_day / 60, minute_of_day % 60))
        }
        StepKind::Branch { branches, .. } => (Msg::StBranch, branches.iter().map(|b| b.name.clone()).collect::<Vec<_>>().join(" / ")),
        StepKind::Action(action) => {
            let detail = match action {
                Action::SetProperty { property, value } => {
                    // An owner is shown by name, not by the id the menu stored.
                    let value = ws.owners().find(|o| o.id.0 == *value).map_or_else(|| value.clone(), |o| o.name.clone());
                    format!("{property} = {value}")
                }
                Action::ClearProperty { property } => property.clone(),
                Action::CopyProperty { from, to } => format!("{from} → {to}"),
                Action::IncrementProperty { property, by } => format!("{property} + {by}"),
                Action::CreateTask { title, due_in_business_days, .. } => format!("{title} (+{due_in_business_days})"),
                Action::CreateRecord { object, .. } => object.clone(),
                Action::CopyToPipeline { stage, .. } => stage_text(ws, stage),
                Action::MoveToStage { stage } => stage_text(ws, stage),
                Action::Associate { with, labels } => format!("{with} {}", labels.join(", ")),
                Action::LogNote { body } => body.clone(),
                Action::SendEmail { subject, .. } => subject.clone(),
                Action::Notify { text } => text.clone(),
                Action::EnrollIn { workflow } | Action::UnenrollFrom { workflow } => name(workflow),
            };
            (action_label(action), detail)
        }
    }
}

/// A delay as days, hours and minutes in compact notation (`1d 2h 5m`).
pub fn duration_text(minutes: i64) -> String {
    let (d, h, m) = (minutes / 1_440, minutes % 1_440 / 60, minutes % 60);
    let parts: Vec<String> = [(d, "d"), (h, "h"), (m, "m")].iter().filter(|(n, _)| *n != 0).map(|(n, u)| format!("{n}{u}")).collect();
    if parts.is_empty() { "0m".into() } else { parts.join(" ") }
}

pub fn outcome_label(outcome: &Outcome) -> Msg {
    match outcome {
        Outcome::Enrolled => Msg::OcEnrolled,
        Outcome::Done => Msg::OcDone,
        Outcome::Waiting { .. } => Msg::OcWaiting,
        Outcome::Branched { .. } => Msg::OcBranched,
        Outcome::GoalMet => Msg::OcGoalMet,
        Outcome::Unenrolled => Msg::OcUnenrolled,
        Outcome::Failed { .. } => Msg::OcFailed,
    }
}

pub fn problem_label(problem: &StepProblem) -> Msg {
    match problem {
        StepProblem::RecordGone => Msg::PrRecordGone,
        StepProblem::NoEmailAddress => Msg::PrNoEmail,
        StepProblem::UnknownWorkflow => Msg::PrUnknownWorkflow,
        StepProblem::Cycle => Msg::PrCycle,
        StepProblem::BadFilter => Msg::PrBadFilter,
        StepProblem::Refused(_) => Msg::PrRefused,
    }
}

/// What to tell the user when an automation command is refused.
pub fn automation_problem(error: &super::AutomationError) -> Msg {
    use super::AutomationError as E;
    match error {
        E::NameRequired => Msg::WfNameRequired,
        E::AlreadyEnrolled | E::AlreadyRan => Msg::WfAlreadyEnrolled,
        E::NoWorkflow(_) | E::NoEnrollment(_) | E::NoItem(_) => Msg::NotFound,
        E::WrongObject => Msg::PrUnknownWorkflow,
    }
}

pub fn state_label(state: EnrollmentState) -> Msg {
    match state {
        EnrollmentState::Active => Msg::OcActive,
        EnrollmentState::Finished => Msg::OcFinished,
        EnrollmentState::GoalMet => Msg::OcGoalMet,
        EnrollmentState::Unenrolled => Msg::OcUnenrolled,
    }
}

/// A workflow's enrollments, newest first: its history tab.
pub fn history<'a>(ws: &'a Workspace, workflow: &AutoId) -> Vec<&'a Enrollment> {
    let mut list: Vec<&Enrollment> = ws.automation().enrollments().filter(|e| &e.workflow == workflow).collect();
    list.sort_by(|a, b| b.enrolled_at.cmp(&a.enrolled_at).then_with(|| b.id.cmp(&a.id)));
    list
}

/// Emails not yet sent, oldest first.
pub fn ready_emails(ws: &Workspace) -> Vec<&OutboxEmail> {
    let mut list: Vec<&OutboxEmail> = ws.automation().outbox().filter(|e| e.sent_at.is_none()).collect();
    list.sort_by(|a, b| a.created.cmp(&b.created).then_with(|| a.id.cmp(&b.id)));
    list
}

/// Unread notifications, newest first.
pub fn unread(ws: &Workspace) -> Vec<&Notification> {
    let mut list: Vec<&Notification> = ws.automation().notifications().filter(|n| !n.read).collect();
    list.sort_by(|a, b| b.created.cmp(&a.created).then_with(|| b.id.cmp(&a.id)));
    list
}

/// What running the workflow on a record would do now, step by step, changing nothing:
/// each step's label and detail (tokens filled in; the branch taken; the time a delay ends).
pub fn dry_run(ws: &Workspace, workflow: &Workflow, record: &RecordId, now: Millis) -> Vec<(Msg, String)> {
    let Some(r) = ws.record(record).filter(|r| r.object == workflow.object) else { return vec![(Msg::OcFailed, String::new())] };
    let Some(def) = ws.schema().object(&workflow.object) else { return Vec::new() };
    let mut out = Vec::new();
    let mut at = workflow.steps.first().map(|s| s.id);
    let mut clock = now;
    while let Some(step) = at.and_then(|id| find(&workflow.steps, id)) {
        if out.len() > 200 {
            break;
        }
        let (label, detail) = step_summary(ws, step);
        match &step.kind {
            StepKind::Delay(delay) => {
                clock = match delay {
                    Delay::Minutes { minutes } => Millis(clock.0 + minutes * 60_000),
                    Delay::UntilProperty { property } => r.get(property).and_then(|v| parse_instant(&v.display())).unwrap_or(clock).max(clock),
                    Delay::UntilWeekday { .. } => clock,
                };
                out.push((label, format!("{detail} → {}", clock.to_iso())));
                at = super::steps::successor(&workflow.steps, step.id);
            }
            StepKind::Branch { branches, otherwise } => {
                let chosen = branches.iter().position(|b| record_matches_with(def, &b.filter, r, clock, &members_for(ws, &b.filter, clock)).unwrap_or(false));
                let name = chosen.map(|i| branches[i].name.clone()).unwrap_or_default();
                out.push((Msg::OcBranched, name));
                let list = chosen.map_or(otherwise, |i| &branches[i].steps);
                at = super::steps::enter(&workflow.steps, list, step.id);
            }
            StepKind::Action(_) => {
                out.push((label, fill(ws, record, &detail)));
                at = super::steps::successor(&workflow.steps, step.id);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_compactly() {
        assert_eq!(duration_text(0), "0m");
        assert_eq!(duration_text(1_440), "1d");
        assert_eq!(duration_text(1_440 + 125), "1d 2h 5m");
    }
}
