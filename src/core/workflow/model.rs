//! What a workflow is made of, and what running one leaves behind.
//!
//! A [`Workflow`] belongs to one object and holds its triggers, a tree of [`Step`]s and goal
//! criteria. Each record that enters it gets an [`Enrollment`]: where it is in the tree, when
//! its next step falls due (an absolute time, so a closed laptop only postpones it), and a
//! numbered log of every step run. The log's length is the idempotency key of the next step.

use serde::{Deserialize, Serialize};

use crate::core::id::RecordId;
use crate::core::query::Filter;
use crate::core::time::Millis;

/// A workflow's, enrollment's, outbox email's or notification's id: same format as records.
pub type AutoId = RecordId;

/// A step's id, unique within its workflow and stable across edits.
pub type StepId = u32;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Workflow {
    pub id: AutoId,
    pub object: String,
    pub name: String,
    /// When the workflow was last switched on; `None` while off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_since: Option<Millis>,
    /// When switched on, also enroll records that already met a trigger.
    #[serde(default)]
    pub enroll_existing: bool,
    #[serde(default)]
    pub triggers: Vec<Trigger>,
    #[serde(default)]
    pub steps: Vec<Step>,
    /// A record that meets these leaves the workflow; no groups means no goal.
    #[serde(default)]
    pub goal: Filter,
}

impl Workflow {
    pub fn new(object: &str, name: &str) -> Workflow {
        Workflow {
            id: AutoId::default(),
            object: object.to_string(),
            name: name.to_string(),
            on_since: None,
            enroll_existing: false,
            triggers: Vec::new(),
            steps: Vec::new(),
            goal: Filter::default(),
        }
    }

    pub fn is_on(&self) -> bool {
        self.on_since.is_some()
    }

    /// The next free step id.
    pub fn next_step_id(&self) -> StepId {
        let mut max = 0;
        super::steps::visit(&self.steps, &mut |s| max = max.max(s.id));
        max + 1
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Trigger {
    #[serde(flatten)]
    pub kind: TriggerKind,
    /// Enroll again on a new not-matching → matching change, once the last run ended.
    #[serde(default)]
    pub reenroll: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "trigger", rename_all = "snake_case")]
pub enum TriggerKind {
    Created,
    /// A write of the property; `to`/`from` narrow it to those values (as display text).
    PropertyChanged {
        property: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        to: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        from: Option<String>,
    },
    /// The record starts to meet the filter groups.
    MeetsFilter { filter: Filter },
    /// The stage property (`dealstage`, `hs_pipeline_stage`) is set to `stage`.
    StageEntered { stage: String },
    /// `days` after (negative: before) the date in `property`.
    DateReached { property: String, days: i64 },
    /// The record stayed in `stage` for `days` without moving to another stage.
    TimeInStage { stage: String, days: i64 },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Step {
    pub id: StepId,
    #[serde(flatten)]
    pub kind: StepKind,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum StepKind {
    Delay(Delay),
    /// The first branch whose filter the record meets runs, else `otherwise`; then the flow
    /// continues after the branch step.
    Branch { branches: Vec<Branch>, otherwise: Vec<Step> },
    Action(Action),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Branch {
    pub name: String,
    pub filter: Filter,
    pub steps: Vec<Step>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "delay", rename_all = "snake_case")]
pub enum Delay {
    Minutes { minutes: i64 },
    /// Until the date or date-time in a property of the record (no wait if it has passed).
    UntilProperty { property: String },
    /// Until the next of these weekdays (0 = Monday) at this minute of the user's day.
    UntilWeekday { weekdays: Vec<u8>, minute_of_day: u32 },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Action {
    SetProperty { property: String, value: String },
    ClearProperty { property: String },
    CopyProperty { from: String, to: String },
    IncrementProperty { property: String, by: f64 },
    /// A task for the record's owner, associated with the record.
    CreateTask { title: String, body: String, due_in_business_days: u32 },
    /// A record of another object (values may hold tokens), associated with this one.
    CreateRecord { object: String, values: Vec<(String, String)> },
    /// A copy of this record in another pipeline and stage, keeping its associations.
    CopyToPipeline { pipeline: String, stage: String },
    /// Sets the stage property to `stage`.
    MoveToStage { stage: String },
    Associate { with: RecordId, labels: Vec<String> },
    LogNote { body: String },
    /// A ready email in the outbox, to the record's (or its first contact's) address.
    SendEmail { subject: String, body: String },
    Notify { text: String },
    EnrollIn { workflow: AutoId },
    UnenrollFrom { workflow: AutoId },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EnrollmentState {
    Active,
    Finished,
    /// Left because the record met the goal.
    GoalMet,
    Unenrolled,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Enrollment {
    pub id: AutoId,
    pub workflow: AutoId,
    pub record: RecordId,
    /// When the trigger fired (or the manual enrollment happened).
    pub enrolled_at: Millis,
    /// The step to run next; `None` once the flow is done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<StepId>,
    /// When the next step falls due.
    pub due: Millis,
    pub state: EnrollmentState,
    /// Every step run, numbered from 0 in order.
    #[serde(default)]
    pub log: Vec<LogEntry>,
}

impl Enrollment {
    pub fn is_active(&self) -> bool {
        self.state == EnrollmentState::Active
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LogEntry {
    pub seq: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<StepId>,
    pub at: Millis,
    pub outcome: Outcome,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Outcome {
    Enrolled,
    Done,
    Waiting { until: Millis },
    /// Which branch ran; `None` for "none matched".
    Branched { branch: Option<usize> },
    GoalMet,
    Unenrolled,
    Failed { problem: StepProblem },
}

/// Why a step did not do its work. The enrollment moves on; the log keeps the reason.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "problem", content = "detail", rename_all = "snake_case")]
pub enum StepProblem {
    RecordGone,
    NoEmailAddress,
    UnknownWorkflow,
    /// Enrolling would close a loop of workflows enrolling each other.
    Cycle,
    BadFilter,
    /// The command the action built was refused, with the reason as text.
    Refused(String),
}

/// An email a workflow prepared; the user sends it from their mail program.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutboxEmail {
    pub id: AutoId,
    /// The record the email is about, where it is logged once sent.
    pub record: RecordId,
    pub to: String,
    pub subject: String,
    pub body: String,
    pub created: Millis,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent_at: Option<Millis>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Notification {
    pub id: AutoId,
    pub record: RecordId,
    pub text: String,
    pub created: Millis,
    #[serde(default)]
    pub read: bool,
}
