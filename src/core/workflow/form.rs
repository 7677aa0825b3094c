//! The editor's forms as plain data: which fields each trigger and step type asks for, and
//! how the raw text entered becomes a trigger or a step (or why it does not).

use super::model::*;
use crate::core::i18n::Msg;
use crate::core::id::RecordId;
use crate::core::query::Filter;

/// Every trigger type, in menu order, with its key for the form.
pub const TRIGGERS: [(&str, Msg); 6] = [
    ("created", Msg::TrCreated),
    ("property_changed", Msg::TrPropertyChanged),
    ("meets_filter", Msg::TrMeetsFilter),
    ("stage_entered", Msg::TrStageEntered),
    ("date_reached", Msg::TrDateReached),
    ("time_in_stage", Msg::TrTimeInStage),
];

/// Every step type, in menu order.
pub const STEPS: [(&str, Msg); 18] = [
    ("delay_for", Msg::DlFor),
    ("delay_until_property", Msg::DlUntilProperty),
    ("delay_until_weekday", Msg::DlUntilWeekday),
    ("branch", Msg::StBranch),
    ("set_property", Msg::AcSetProperty),
    ("clear_property", Msg::AcClearProperty),
    ("copy_property", Msg::AcCopyProperty),
    ("increment_property", Msg::AcIncrement),
    ("create_task", Msg::AcCreateTask),
    ("create_record", Msg::AcCreateRecord),
    ("copy_to_pipeline", Msg::AcCopyToPipeline),
    ("move_to_stage", Msg::AcMoveToStage),
    ("associate", Msg::AcAssociate),
    ("log_note", Msg::AcLogNote),
    ("send_email", Msg::AcSendEmail),
    ("notify", Msg::AcNotify),
    ("enroll_in", Msg::AcEnrollIn),
    ("unenroll_from", Msg::AcUnenrollFrom),
];

/// The fields a form can show; each type uses some of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// A property of the workflow's object.
    Property,
    /// A second property (copy target).
    Property2,
    /// A value, stage, or title: one line of text.
    Value,
    /// A second line of text (previous value, pipeline).
    Value2,
    /// A longer text with tokens.
    Body,
    /// A whole number (days, amount, business days).
    Number,
    /// A number with a unit (delays).
    Duration,
    Weekday,
    TimeOfDay,
    Workflow,
    Object,
    RecordId,
    Labels,
    /// `property=value` lines.
    Values,
    /// A stage of one of the object's pipelines (kept in `value`).
    Stage,
    /// One of the object's pipelines (kept in `value2`).
    Pipeline,
    /// A value of the chosen property, offered as its options where it has some (kept in `value`).
    PropertyValue,
}

/// Whether a trigger or step type is defined by filter groups, edited with the views'
/// filter builder beside its fields.
pub fn uses_filter(key: &str) -> bool {
    matches!(key, "meets_filter" | "branch")
}

/// The fields of a trigger type, with their labels.
pub fn trigger_fields(key: &str) -> Vec<(Field, Msg)> {
    match key {
        "property_changed" => vec![(Field::Property, Msg::WfProperty), (Field::Value, Msg::WfToValue), (Field::Value2, Msg::WfFromValue)],
        "stage_entered" => vec![(Field::Stage, Msg::WfStage)],
        "date_reached" => vec![(Field::Property, Msg::WfProperty), (Field::Number, Msg::WfDays)],
        "time_in_stage" => vec![(Field::Stage, Msg::WfStage), (Field::Number, Msg::UnitDays)],
        _ => Vec::new(),
    }
}

/// The fields of a step type, with their labels.
pub fn step_fields(key: &str) -> Vec<(Field, Msg)> {
    match key {
        "delay_for" => vec![(Field::Duration, Msg::DlAmount)],
        "delay_until_property" => vec![(Field::Property, Msg::WfProperty)],
        "delay_until_weekday" => vec![(Field::Weekday, Msg::WfWeekday), (Field::TimeOfDay, Msg::WfTimeOfDay)],
        "branch" => vec![(Field::Value2, Msg::BrName)],
        "set_property" => vec![(Field::Property, Msg::WfProperty), (Field::PropertyValue, Msg::WfValue)],
        "clear_property" => vec![(Field::Property, Msg::WfProperty)],
        "copy_property" => vec![(Field::Property, Msg::WfProperty), (Field::Property2, Msg::FdCopyTo)],
        "increment_property" => vec![(Field::Property, Msg::WfProperty), (Field::Number, Msg::FdIncrementBy)],
        "create_task" => vec![(Field::Value, Msg::FdTaskTitle), (Field::Body, Msg::FdBody), (Field::Number, Msg::FdDueInBusinessDays)],
        "create_record" => vec![(Field::Object, Msg::WfObject), (Field::Values, Msg::FdValues)],
        "copy_to_pipeline" => vec![(Field::Pipeline, Msg::FdPipeline), (Field::Stage, Msg::WfStage)],
        "move_to_stage" => vec![(Field::Stage, Msg::WfStage)],
        "associate" => vec![(Field::RecordId, Msg::FdRecordId), (Field::Labels, Msg::FdLabels)],
        "log_note" | "notify" => vec![(Field::Body, Msg::FdBody)],
        "send_email" => vec![(Field::Value, Msg::FdSubject), (Field::Body, Msg::FdBody)],
        "enroll_in" | "unenroll_from" => vec![(Field::Workflow, Msg::FdWorkflow)],
        _ => Vec::new(),
    }
}

/// What was entered in a form, as raw text per field.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Entered {
    pub property: String,
    pub property2: String,
    pub value: String,
    pub value2: String,
    pub body: String,
    pub number: String,
    /// `minutes`, `hours` or `days`.
    pub unit: String,
    pub weekday: String,
    /// `HH:MM`.
    pub time: String,
    pub workflow: String,
    pub object: String,
    pub record: String,
    pub labels: String,
    pub values: String,
    /// The filter groups of a type that [`uses_filter`].
    pub filter: Filter,
}

impl Entered {
    /// The text a field edits (a duration's amount; its unit is [`Entered::unit`]).
    pub fn slot(&self, field: Field) -> &str {
        match field {
            Field::Property => &self.property,
            Field::Property2 => &self.property2,
            Field::Value | Field::Stage | Field::PropertyValue => &self.value,
            Field::Value2 | Field::Pipeline => &self.value2,
            Field::Body => &self.body,
            Field::Number | Field::Duration => &self.number,
            Field::Weekday => &self.weekday,
            Field::TimeOfDay => &self.time,
            Field::Workflow => &self.workflow,
            Field::Object => &self.object,
            Field::RecordId => &self.record,
            Field::Labels => &self.labels,
            Field::Values => &self.values,
        }
    }

    pub fn set(&mut self, field: Field, text: String) {
        let slot = match field {
            Field::Property => &mut self.property,
            Field::Property2 => &mut self.property2,
            Field::Value | Field::Stage | Field::PropertyValue => &mut self.value,
            Field::Value2 | Field::Pipeline => &mut self.value2,
            Field::Body => &mut self.body,
            Field::Number | Field::Duration => &mut self.number,
            Field::Weekday => &mut self.weekday,
            Field::TimeOfDay => &mut self.time,
            Field::Workflow => &mut self.workflow,
            Field::Object => &mut self.object,
            Field::RecordId => &mut self.record,
            Field::Labels => &mut self.labels,
            Field::Values => &mut self.values,
        };
        *slot = text;
    }
}

/// The weekdays' names, Monday first, for the weekday menu.
pub const WEEKDAYS: [Msg; 7] = [Msg::DayMon, Msg::DayTue, Msg::DayWed, Msg::DayThu, Msg::DayFri, Msg::DaySat, Msg::DaySun];

fn required(text: &str) -> Option<String> {
    Some(text.trim().to_string()).filter(|t| !t.is_empty())
}

fn optional(text: &str) -> Option<String> {
    required(text)
}

fn number(text: &str) -> Option<f64> {
    text.trim().replace(',', ".").parse::<f64>().ok().filter(|n| n.is_finite())
}

/// The entered filter, unless it has no condition (which would match every record).
fn filter(e: &Entered) -> Option<Filter> {
    Some(e.filter.clone()).filter(|f| f.groups.iter().any(|g| !g.conditions.is_empty()))
}

/// The trigger the form describes, or `None` while a required field is missing or invalid.
pub fn build_trigger(key: &str, e: &Entered) -> Option<TriggerKind> {
    Some(match key {
        "created" => TriggerKind::Created,
        "property_changed" => TriggerKind::PropertyChanged { property: required(&e.property)?, to: optional(&e.value), from: optional(&e.value2) },
        "meets_filter" => TriggerKind::MeetsFilter { filter: filter(e)? },
        "stage_entered" => TriggerKind::StageEntered { stage: required(&e.value)? },
        "date_reached" => TriggerKind::DateReached { property: required(&e.property)?, days: number(&e.number)? as i64 },
        "time_in_stage" => TriggerKind::TimeInStage { stage: required(&e.value)?, days: number(&e.number).filter(|n| *n >= 0.0)? as i64 },
        _ => return None,
    })
}

/// The step the form describes, or `None` while a required field is missing or invalid.
pub fn build_step(key: &str, e: &Entered) -> Option<StepKind> {
    let act = StepKind::Action;
    Some(match key {
        "delay_for" => {
            let per = match e.unit.as_str() {
                "hours" => 60.0,
                "days" => 1_440.0,
                _ => 1.0,
            };
            StepKind::Delay(Delay::Minutes { minutes: (number(&e.number).filter(|n| *n >= 0.0)? * per).round() as i64 })
        }
        "delay_until_property" => StepKind::Delay(Delay::UntilProperty { property: required(&e.property)? }),
        "delay_until_weekday" => {
            let (h, m) = e.time.trim().split_once(':')?;
            let minute_of_day = h.parse::<u32>().ok().filter(|h| *h < 24)? * 60 + m.parse::<u32>().ok().filter(|m| *m < 60)?;
            StepKind::Delay(Delay::UntilWeekday { weekdays: vec![e.weekday.trim().parse::<u8>().ok().filter(|d| *d < 7)?], minute_of_day })
        }
        "branch" => {
            let branch = Branch { name: required(&e.value2)?, filter: filter(e)?, steps: Vec::new() };
            StepKind::Branch { branches: vec![branch], otherwise: Vec::new() }
        }
        "set_property" => act(Action::SetProperty { property: required(&e.property)?, value: e.value.trim().to_string() }),
        "clear_property" => act(Action::ClearProperty { property: required(&e.property)? }),
        "copy_property" => act(Action::CopyProperty { from: required(&e.property)?, to: required(&e.property2)? }),
        "increment_property" => act(Action::IncrementProperty { property: required(&e.property)?, by: number(&e.number)? }),
        "create_task" => act(Action::CreateTask {
            title: required(&e.value)?,
            body: e.body.trim().to_string(),
            due_in_business_days: number(&e.number).unwrap_or(0.0).max(0.0) as u32,
        }),
        "create_record" => {
            let values = e.values.lines().filter_map(|l| l.split_once('=')).map(|(k, v)| (k.trim().to_string(), v.trim().to_string())).filter(|(k, _)| !k.is_empty());
            act(Action::CreateRecord { object: required(&e.object)?, values: values.collect() })
        }
        "copy_to_pipeline" => act(Action::CopyToPipeline { pipeline: required(&e.value2)?, stage: required(&e.value)? }),
        "move_to_stage" => act(Action::MoveToStage { stage: required(&e.value)? }),
        "associate" => act(Action::Associate {
            with: RecordId::from(required(&e.record)?.to_ascii_uppercase()),
            labels: e.labels.split(',').filter_map(required).collect(),
        }),
        "log_note" => act(Action::LogNote { body: required(&e.body)? }),
        "notify" => act(Action::Notify { text: required(&e.body)? }),
        "send_email" => act(Action::SendEmail { subject: required(&e.value)?, body: e.body.trim().to_string() }),
        "enroll_in" => act(Action::EnrollIn { workflow: RecordId::from(required(&e.workflow)?) }),
        "unenroll_from" => act(Action::UnenrollFrom { workflow: RecordId::from(required(&e.workflow)?) }),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_build_steps_and_refuse_missing_fields() {
        let e = Entered { number: "1".into(), unit: "days".into(), ..Entered::default() };
        assert_eq!(build_step("delay_for", &e), Some(StepKind::Delay(Delay::Minutes { minutes: 1_440 })));
        let e = Entered { value: "Call {{contact.firstname}}".into(), number: "2".into(), ..Entered::default() };
        assert_eq!(
            build_step("create_task", &e),
            Some(StepKind::Action(Action::CreateTask { title: "Call {{contact.firstname}}".into(), body: String::new(), due_in_business_days: 2 }))
        );
        assert_eq!(build_step("create_task", &Entered::default()), None, "a task needs a title");
        let e = Entered { weekday: "1".into(), time: "09:30".into(), ..Entered::default() };
        assert_eq!(build_step("delay_until_weekday", &e), Some(StepKind::Delay(Delay::UntilWeekday { weekdays: vec![1], minute_of_day: 570 })));
        assert_eq!(build_step("delay_until_weekday", &Entered { time: "25:00".into(), ..e }), None);
        let e = Entered { object: "notes".into(), values: "hs_note_body = Hi\nbad line\n".into(), ..Entered::default() };
        assert_eq!(build_step("create_record", &e), Some(StepKind::Action(Action::CreateRecord { object: "notes".into(), values: vec![("hs_note_body".into(), "Hi".into())] })));
        for (key, _) in STEPS.iter().filter(|(k, _)| !k.is_empty()) {
            assert!(!step_fields(key).is_empty(), "{key} has fields");
        }
    }

    #[test]
    fn forms_build_triggers() {
        assert_eq!(build_trigger("created", &Entered::default()), Some(TriggerKind::Created));
        let e = Entered { property: "lifecyclestage".into(), value: "lead".into(), ..Entered::default() };
        assert_eq!(build_trigger("property_changed", &e), Some(TriggerKind::PropertyChanged { property: "lifecyclestage".into(), to: Some("lead".into()), from: None }));
        assert_eq!(build_trigger("time_in_stage", &Entered { value: "quotesent".into(), number: "-1".into(), ..Entered::default() }), None);
    }

    #[test]
    fn filter_triggers_and_branches_need_a_condition() {
        use crate::core::query::{Condition, Group, Op};
        assert_eq!(build_trigger("meets_filter", &Entered::default()), None, "an empty filter would enroll every record");
        let lead = Condition::new("lifecyclestage", Op::Is { value: "lead".into() });
        let france = Condition::new("country", Op::Is { value: "France".into() });
        let both = Filter { groups: vec![Group { conditions: vec![lead, france] }] };
        let e = Entered { filter: both.clone(), ..Entered::default() };
        assert_eq!(build_trigger("meets_filter", &e), Some(TriggerKind::MeetsFilter { filter: both.clone() }));
        assert_eq!(build_step("branch", &e), None, "a branch needs a name");
        let named = Entered { value2: "French leads".into(), ..e };
        let Some(StepKind::Branch { branches, .. }) = build_step("branch", &named) else { panic!("a branch") };
        assert_eq!((branches[0].name.as_str(), &branches[0].filter), ("French leads", &both));
        assert!(uses_filter("branch") && uses_filter("meets_filter") && !uses_filter("created"));
    }
}
