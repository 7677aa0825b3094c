//! The automation commands: saving and switching workflows, enrolling records, and running
//! one step of an enrollment.
//!
//! A step's effects (record writes, tasks, emails, links) and the enrollment's progress are
//! one commit. The step command names the log number it expects, so a step that already ran
//! is refused, never repeated. Actions run with [`Source::Workflow`] at the step's due time
//! and mint ids from the enrollment and step number, so two tabs running the same step write
//! identical entities. An action that is refused rolls its partial writes back and is logged
//! as failed; the enrollment moves on.

use super::Workspace;
use crate::core::change::{Change, Commit, Entity, EntityKey};
use crate::core::command::{Command, CommandError, Context};
use crate::core::id::RecordId;
use crate::core::query::record_matches_with;
use crate::core::workflow::segments::members_for;
use crate::core::record::Source;
use crate::core::time::Millis;
use crate::core::workflow::business_days::{add_business_days, next_weekday_time};
use crate::core::workflow::cycles::in_cycle;
use crate::core::workflow::steps::{enter, find, successor};
use crate::core::workflow::tokens::{fill, input_text};
use crate::core::workflow::triggers::{parse_instant, stage_property};
use crate::core::workflow::{
    derived_id, step_ids, Action, Automation, AutomationCommand, AutomationError, AutoId, Delay, Enrollment, EnrollmentState,
    LogEntry, Notification, Outcome, OutboxEmail, StepKind, StepProblem, Workflow,
};

type Step = Result<(), StepProblem>;

impl Workspace {
    pub fn automation(&self) -> &Automation {
        &self.automation
    }

    /// Sets one entity, remembering what it replaces.
    fn write(&mut self, changes: &mut Vec<Change>, after: Entity) {
        let key = after.key();
        let before = self.current(&key);
        self.put(key.clone(), Some(after.clone()));
        changes.push(Change { key, before, after: Some(after) });
    }

    fn current(&self, key: &EntityKey) -> Option<Entity> {
        let a = &self.automation;
        match key {
            EntityKey::Workflow(id) => a.workflow(id).cloned().map(Entity::Workflow),
            EntityKey::Enrollment(id) => a.enrollment(id).cloned().map(Entity::Enrollment),
            EntityKey::Outbox(id) => a.email(id).cloned().map(Entity::Outbox),
            EntityKey::Notification(id) => a.notification(id).cloned().map(Entity::Notification),
            _ => None,
        }
    }

    pub(super) fn automate(&mut self, command: AutomationCommand, ctx: &Context) -> Result<Commit, CommandError> {
        let mut changes = Vec::new();
        let mut subject = None;
        match command {
            AutomationCommand::SaveWorkflow(mut workflow) => {
                if workflow.name.trim().is_empty() {
                    return Err(AutomationError::NameRequired.into());
                }
                self.object(&workflow.object)?;
                if workflow.id == AutoId::default() {
                    workflow.id = self.ids.next(ctx.now);
                }
                self.write(&mut changes, Entity::Workflow(workflow));
            }
            AutomationCommand::DeleteWorkflow { id } => {
                let before = self.workflow(&id)?.clone();
                let active: Vec<Enrollment> = self.automation.enrollments().filter(|e| e.workflow == id && e.is_active()).cloned().collect();
                for e in active {
                    self.write(&mut changes, Entity::Enrollment(ended(e, EnrollmentState::Unenrolled, Outcome::Unenrolled, ctx.now)));
                }
                self.put(EntityKey::Workflow(id.clone()), None);
                changes.push(Change { key: EntityKey::Workflow(id), before: Some(Entity::Workflow(before)), after: None });
            }
            AutomationCommand::SwitchWorkflow { id, on, enroll_existing } => {
                let mut workflow = self.workflow(&id)?.clone();
                workflow.on_since = if on { workflow.on_since.or(Some(ctx.now)) } else { None };
                workflow.enroll_existing = on && enroll_existing;
                self.write(&mut changes, Entity::Workflow(workflow));
            }
            AutomationCommand::Enroll { workflow, record } => {
                let w = self.workflow(&workflow)?.clone();
                self.enrollable(&w, &record)?;
                if self.automation.enrollments_of(&workflow, &record).any(Enrollment::is_active) {
                    return Err(AutomationError::AlreadyEnrolled.into());
                }
                let id = derived_id(ctx.now, &[&workflow.to_string(), &record.to_string(), "manual"]);
                self.write(&mut changes, Entity::Enrollment(enrollment(id, &w, record.clone(), ctx.now)));
                subject = Some(record);
            }
            AutomationCommand::Start { workflow, record, at } => {
                let w = self.workflow(&workflow)?.clone();
                self.enrollable(&w, &record)?;
                let id = derived_id(at, &[&workflow.to_string(), &record.to_string()]);
                if self.automation.enrollment(&id).is_some() || self.automation.enrollments_of(&workflow, &record).any(Enrollment::is_active) {
                    return Err(AutomationError::AlreadyRan.into());
                }
                self.write(&mut changes, Entity::Enrollment(enrollment(id, &w, record.clone(), at)));
                subject = Some(record);
            }
            AutomationCommand::Unenroll { enrollment } => {
                let e = self.automation.enrollment(&enrollment).cloned().ok_or(AutomationError::NoEnrollment(enrollment))?;
                subject = Some(e.record.clone());
                if e.is_active() {
                    self.write(&mut changes, Entity::Enrollment(ended(e, EnrollmentState::Unenrolled, Outcome::Unenrolled, ctx.now)));
                }
            }
            AutomationCommand::RunStep { enrollment, seq, offset_minutes } => {
                let saved = std::mem::replace(&mut self.ids, step_ids(&enrollment, seq));
                let done = self.run_step(&enrollment, seq, offset_minutes, ctx, &mut changes);
                self.ids = saved;
                subject = done?;
            }
            AutomationCommand::MarkSent { email } => {
                let mut item = self.automation.email(&email).cloned().ok_or(AutomationError::NoItem(email))?;
                if item.sent_at.is_none() {
                    let values = vec![
                        ("hs_email_subject".to_string(), item.subject.clone()),
                        ("hs_email_text".to_string(), item.body.clone()),
                        ("hs_email_direction".to_string(), "EMAIL".to_string()),
                        ("hs_email_status".to_string(), "SENT".to_string()),
                    ];
                    let logged = self.run(Command::CreateRecord { object: "emails".into(), values }, ctx)?;
                    let id = logged.subject.clone();
                    changes.extend(logged.changes);
                    if let Some(id) = id {
                        match self.run(Command::Associate { from: id, to: item.record.clone(), labels: Vec::new() }, ctx) {
                            Ok(linked) => changes.extend(linked.changes),
                            Err(e) => {
                                self.undo_changes(&mut changes);
                                return Err(e);
                            }
                        }
                    }
                    item.sent_at = Some(ctx.now);
                    subject = Some(item.record.clone());
                    self.write(&mut changes, Entity::Outbox(item));
                }
            }
            AutomationCommand::MarkRead { notification } => {
                let mut item = self.automation.notification(&notification).cloned().ok_or(AutomationError::NoItem(notification))?;
                item.read = true;
                self.write(&mut changes, Entity::Notification(item));
            }
        }
        Ok(Commit { changes, subject })
    }

    fn workflow(&self, id: &AutoId) -> Result<&Workflow, AutomationError> {
        self.automation.workflow(id).ok_or_else(|| AutomationError::NoWorkflow(id.clone()))
    }

    fn enrollable(&self, workflow: &Workflow, record: &RecordId) -> Result<(), CommandError> {
        let r = self.record(record).ok_or_else(|| CommandError::NotFound(record.clone()))?;
        if r.object != workflow.object {
            return Err(AutomationError::WrongObject.into());
        }
        Ok(())
    }

    /// Puts back the `before` of every change, newest first.
    fn undo_changes(&mut self, changes: &mut Vec<Change>) {
        for change in changes.drain(..).rev() {
            self.put(change.key, change.before);
        }
    }

    fn run_step(&mut self, id: &AutoId, seq: u32, offset: i32, ctx: &Context, changes: &mut Vec<Change>) -> Result<Option<RecordId>, CommandError> {
        let mut e = self.automation.enrollment(id).cloned().ok_or_else(|| AutomationError::NoEnrollment(id.clone()))?;
        if !e.is_active() || e.log.len() != seq as usize {
            return Err(AutomationError::AlreadyRan.into());
        }
        let ctx = Context { now: ctx.now, source: Source::Workflow };
        let Some(workflow) = self.automation.workflow(&e.workflow).cloned() else {
            let e = ended(e, EnrollmentState::Unenrolled, Outcome::Failed { problem: StepProblem::UnknownWorkflow }, ctx.now);
            self.write(changes, Entity::Enrollment(e));
            return Ok(None);
        };
        let record = e.record.clone();
        let Some(def) = self.schema.object(&workflow.object).cloned() else { return Err(CommandError::UnknownObject(workflow.object)) };
        let step = e.next.and_then(|s| find(&workflow.steps, s)).cloned();
        let (outcome, next, due) = match (self.record(&record), step) {
            (None, _) => (Outcome::Failed { problem: StepProblem::RecordGone }, None, ctx.now),
            (Some(r), _) if !workflow.goal.groups.is_empty() && record_matches_with(&def, &workflow.goal, r, ctx.now, &members_for(self, &workflow.goal, ctx.now)).unwrap_or(false) => {
                e.state = EnrollmentState::GoalMet;
                (Outcome::GoalMet, None, ctx.now)
            }
            (Some(_), None) => (Outcome::Done, None, ctx.now),
            (Some(r), Some(step)) => match &step.kind {
                StepKind::Delay(delay) => {
                    let until = match delay {
                        Delay::Minutes { minutes } => Millis(ctx.now.0 + minutes.max(&0) * 60_000),
                        Delay::UntilProperty { property } => r.get(property).and_then(|v| parse_instant(&v.display())).unwrap_or(ctx.now),
                        Delay::UntilWeekday { weekdays, minute_of_day } => next_weekday_time(ctx.now, weekdays, *minute_of_day, offset),
                    }
                    .max(ctx.now);
                    (Outcome::Waiting { until }, successor(&workflow.steps, step.id), until)
                }
                StepKind::Branch { branches, otherwise } => {
                    let chosen = branches.iter().position(|b| record_matches_with(&def, &b.filter, r, ctx.now, &members_for(self, &b.filter, ctx.now)).unwrap_or(false));
                    let list = chosen.map_or(otherwise, |i| &branches[i].steps);
                    (Outcome::Branched { branch: chosen }, enter(&workflow.steps, list, step.id), ctx.now)
                }
                StepKind::Action(action) => {
                    let outcome = match self.perform(action, &workflow, &record, offset, &ctx, changes) {
                        Ok(()) => Outcome::Done,
                        Err(problem) => {
                            self.undo_changes(changes);
                            Outcome::Failed { problem }
                        }
                    };
                    (outcome, successor(&workflow.steps, step.id), ctx.now)
                }
            },
        };
        e.log.push(LogEntry { seq, step: e.next, at: ctx.now, outcome });
        e.next = next;
        e.due = due;
        if e.next.is_none() && e.state == EnrollmentState::Active {
            e.state = EnrollmentState::Finished;
        }
        self.write(changes, Entity::Enrollment(e));
        Ok(Some(record))
    }

    /// Runs a command as part of a step, keeping its changes.
    fn sub(&mut self, command: Command, ctx: &Context, changes: &mut Vec<Change>) -> Result<Option<RecordId>, StepProblem> {
        let commit = self.run(command, ctx).map_err(|e| StepProblem::Refused(e.to_string()))?;
        changes.extend(commit.changes);
        Ok(commit.subject)
    }

    /// Creates a record and links it to the enrolled one.
    fn create_linked(&mut self, object: &str, values: Vec<(String, String)>, to: &RecordId, ctx: &Context, changes: &mut Vec<Change>) -> Result<RecordId, StepProblem> {
        let id = self.sub(Command::CreateRecord { object: object.into(), values }, ctx, changes)?.ok_or(StepProblem::RecordGone)?;
        self.sub(Command::Associate { from: id.clone(), to: to.clone(), labels: Vec::new() }, ctx, changes)?;
        Ok(id)
    }

    fn perform(&mut self, action: &Action, workflow: &Workflow, record: &RecordId, offset: i32, ctx: &Context, changes: &mut Vec<Change>) -> Step {
        let r = self.record(record).cloned().ok_or(StepProblem::RecordGone)?;
        let def = self.schema.object(&r.object).cloned().ok_or(StepProblem::RecordGone)?;
        let text = |name: &str| r.get(name).map(|v| input_text(def.property(name), v)).unwrap_or_default();
        let update = |values: Vec<(String, String)>| Command::UpdateRecord { id: record.clone(), values };
        match action {
            Action::SetProperty { property, value } => {
                let value = fill(self, record, value);
                self.sub(update(vec![(property.clone(), value)]), ctx, changes)?;
            }
            Action::ClearProperty { property } => {
                self.sub(update(vec![(property.clone(), String::new())]), ctx, changes)?;
            }
            Action::CopyProperty { from, to } => {
                self.sub(update(vec![(to.clone(), text(from))]), ctx, changes)?;
            }
            Action::IncrementProperty { property, by } => {
                let current: f64 = text(property).trim().parse().unwrap_or(0.0);
                let sum = current + by;
                let sum = if sum.fract() == 0.0 && sum.abs() < 1e15 { format!("{}", sum as i64) } else { sum.to_string() };
                self.sub(update(vec![(property.clone(), sum)]), ctx, changes)?;
            }
            Action::CreateTask { title, body, due_in_business_days } => {
                let due = add_business_days(ctx.now, *due_in_business_days, offset);
                let mut values = vec![
                    ("hs_task_subject".to_string(), fill(self, record, title)),
                    ("hs_task_body".to_string(), fill(self, record, body)),
                    ("hs_timestamp".to_string(), due.to_iso()),
                    ("hs_task_status".to_string(), "NOT_STARTED".to_string()),
                ];
                let owner = r.text("hubspot_owner_id");
                if !owner.is_empty() {
                    values.push(("hubspot_owner_id".to_string(), owner));
                }
                self.create_linked("tasks", values, record, ctx, changes)?;
            }
            Action::CreateRecord { object, values } => {
                let values = values.iter().map(|(k, v)| (k.clone(), fill(self, record, v))).collect();
                self.create_linked(object, values, record, ctx, changes)?;
            }
            Action::CopyToPipeline { pipeline, stage } => {
                let stage_prop = stage_property(&r.object);
                let pipeline_prop = if r.object == "deals" { "pipeline" } else { "hs_pipeline" };
                let mut values: Vec<(String, String)> = def
                    .properties
                    .iter()
                    .filter(|p| !p.read_only && !p.unique && p.calculation.is_none() && p.name != stage_prop && p.name != pipeline_prop)
                    .filter_map(|p| r.get(&p.name).map(|v| (p.name.clone(), input_text(Some(p), v))))
                    .collect();
                values.push((pipeline_prop.to_string(), pipeline.clone()));
                values.push((stage_prop.to_string(), stage.clone()));
                let copy = self.sub(Command::CreateRecord { object: r.object.to_string(), values }, ctx, changes)?.ok_or(StepProblem::RecordGone)?;
                let links: Vec<(RecordId, Vec<String>)> = self
                    .associations
                    .edges_of(record)
                    .map(|edge| {
                        let labels = self.associations.def(&edge.a_object, &edge.b_object).map(|d| edge.labels_from(d, record)).unwrap_or_default();
                        (edge.other(record).id.clone(), labels.into_iter().collect())
                    })
                    .collect();
                for (other, labels) in links {
                    self.sub(Command::Associate { from: copy.clone(), to: other, labels }, ctx, changes)?;
                }
            }
            Action::MoveToStage { stage } => {
                self.sub(update(vec![(stage_property(&r.object).to_string(), stage.clone())]), ctx, changes)?;
            }
            Action::Associate { with, labels } => {
                self.sub(Command::Associate { from: record.clone(), to: with.clone(), labels: labels.clone() }, ctx, changes)?;
            }
            Action::LogNote { body } => {
                let values = vec![("hs_note_body".to_string(), fill(self, record, body))];
                self.create_linked("notes", values, record, ctx, changes)?;
            }
            Action::SendEmail { subject, body } => {
                let to = Some(r.text("email"))
                    .filter(|t| !t.is_empty())
                    .or_else(|| self.associations.ids(record, "contacts").find_map(|c| self.record(c).map(|c| c.text("email")).filter(|t| !t.is_empty())))
                    .ok_or(StepProblem::NoEmailAddress)?;
                let email = OutboxEmail {
                    id: self.ids.next(ctx.now),
                    record: record.clone(),
                    to,
                    subject: fill(self, record, subject),
                    body: fill(self, record, body),
                    created: ctx.now,
                    sent_at: None,
                };
                self.write(changes, Entity::Outbox(email));
            }
            Action::Notify { text } => {
                let item = Notification { id: self.ids.next(ctx.now), record: record.clone(), text: fill(self, record, text), created: ctx.now, read: false };
                self.write(changes, Entity::Notification(item));
            }
            Action::EnrollIn { workflow: target } => {
                let other = self.automation.workflow(target).filter(|w| w.object == r.object).cloned().ok_or(StepProblem::UnknownWorkflow)?;
                if in_cycle(&self.automation, &workflow.id, target) {
                    return Err(StepProblem::Cycle);
                }
                if !self.automation.enrollments_of(target, record).any(Enrollment::is_active) {
                    let id = self.ids.next(ctx.now);
                    self.write(changes, Entity::Enrollment(enrollment(id, &other, record.clone(), ctx.now)));
                }
            }
            Action::UnenrollFrom { workflow: target } => {
                let active: Vec<Enrollment> = self.automation.enrollments_of(target, record).filter(|e| e.is_active()).cloned().collect();
                for e in active {
                    self.write(changes, Entity::Enrollment(ended(e, EnrollmentState::Unenrolled, Outcome::Unenrolled, ctx.now)));
                }
            }
        }
        Ok(())
    }
}

/// A fresh enrollment at the workflow's first step.
fn enrollment(id: AutoId, workflow: &Workflow, record: RecordId, at: Millis) -> Enrollment {
    let next = workflow.steps.first().map(|s| s.id);
    Enrollment {
        id,
        workflow: workflow.id.clone(),
        record,
        enrolled_at: at,
        next,
        due: at,
        state: if next.is_some() { EnrollmentState::Active } else { EnrollmentState::Finished },
        log: vec![LogEntry { seq: 0, step: None, at, outcome: Outcome::Enrolled }],
    }
}

/// The enrollment stopped, with the reason logged.
fn ended(mut e: Enrollment, state: EnrollmentState, outcome: Outcome, at: Millis) -> Enrollment {
    let seq = e.log.len() as u32;
    e.log.push(LogEntry { seq, step: None, at, outcome });
    e.state = state;
    e.next = None;
    e
}
