//! Stage history as read-only properties, under HubSpot's names.
//!
//! For every stage of a record's pipelines: `hs_date_entered_<stage>` and
//! `hs_date_exited_<stage>` (date-times, the last entry and exit), `hs_time_in_<stage>` (the
//! latest stay) and `hs_v2_cumulative_time_in_<stage>` (all stays), plus
//! `hs_v2_date_entered_current_stage`. Times are in **days** (decimal, two places), so a
//! filter reads "time in stage > 7"; HubSpot's API gives milliseconds, which a person never
//! types. A stay still running counts up to the `now` the caller passes.
//!
//! Nothing is stored: values come from the stage property's history ([`super::history`]).
//! A property's type follows from its name alone ([`history_property`]), so a query compiles
//! a condition on one without the pipelines; the labels naming stage and pipeline
//! ([`with_stage_history`]) need them and are what column pickers and filter editors list.

use std::borrow::Cow;

use super::{properties_of, stage_times, Pipelines};
use crate::core::i18n::{tr, Lang, Msg};
use crate::core::record::Record;
use crate::core::schema::{ObjectDef, PropertyDef, PropertyType};
use crate::core::time::Millis;
use crate::core::value::Value;

const ENTERED: &str = "hs_date_entered_";
const EXITED: &str = "hs_date_exited_";
const LATEST: &str = "hs_time_in_";
const CUMULATIVE: &str = "hs_v2_cumulative_time_in_";
/// When the record entered the stage it is in now.
pub const ENTERED_CURRENT: &str = "hs_v2_date_entered_current_stage";

/// Which figure of stage history a property name asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HistoryField<'a> {
    Entered(&'a str),
    Exited(&'a str),
    LatestDays(&'a str),
    CumulativeDays(&'a str),
    EnteredCurrent,
}

impl<'a> HistoryField<'a> {
    /// The figure a property name names, if it is a stage history property.
    pub fn parse(name: &'a str) -> Option<HistoryField<'a>> {
        if name == ENTERED_CURRENT {
            return Some(HistoryField::EnteredCurrent);
        }
        let stage = |prefix: &str| name.strip_prefix(prefix).filter(|s| !s.is_empty());
        stage(ENTERED)
            .map(HistoryField::Entered)
            .or_else(|| stage(EXITED).map(HistoryField::Exited))
            .or_else(|| stage(LATEST).map(HistoryField::LatestDays))
            .or_else(|| stage(CUMULATIVE).map(HistoryField::CumulativeDays))
    }

    fn kind(&self) -> PropertyType {
        match self {
            HistoryField::LatestDays(_) | HistoryField::CumulativeDays(_) => PropertyType::Number { decimals: None, min: None, max: None },
            _ => PropertyType::DateTime,
        }
    }

    /// Whether the value changes with time alone (a stay still running grows).
    pub fn follows_the_clock(&self) -> bool {
        matches!(self, HistoryField::LatestDays(_) | HistoryField::CumulativeDays(_))
    }
}

/// Milliseconds as days with two decimals.
fn days(ms: i64) -> f64 {
    (ms as f64 / Millis::DAY as f64 * 100.0).round() / 100.0
}

/// The value of stage history property `name` for a record at `now`; `None` when the record
/// never entered that stage (or left it, for a date exited) or the name is no such property.
pub fn stage_history_value(record: &Record, name: &str, now: Millis) -> Option<Value> {
    let field = HistoryField::parse(name)?;
    if field == HistoryField::EnteredCurrent {
        return super::entered_current_stage(record).map(|t| Value::Text(t.to_iso()));
    }
    let times = stage_times(record, now);
    let of = |stage: &str| times.iter().find(|t| t.stage == stage);
    match field {
        HistoryField::Entered(stage) => of(stage).map(|t| Value::Text(t.entered.to_iso())),
        HistoryField::Exited(stage) => of(stage).and_then(|t| t.exited).map(|t| Value::Text(t.to_iso())),
        HistoryField::LatestDays(stage) => of(stage).map(|t| Value::Number(days(t.latest))),
        HistoryField::CumulativeDays(stage) => of(stage).map(|t| Value::Number(days(t.cumulative))),
        HistoryField::EnteredCurrent => None,
    }
}

/// A property's value as queries, tables and exports read it: the stored value, the record's
/// system properties, else a stage history figure at `now`.
pub fn value_at<'r>(record: &'r Record, name: &str, now: Millis) -> Option<Cow<'r, Value>> {
    if let Some(key) = crate::core::prop_key::PropKey::find(name) {
        if let Some(value) = record.value(key) {
            return Some(value);
        }
    }
    stage_history_value(record, name, now).map(Cow::Owned)
}

/// The definition of a stage history property of an object with a stage property, from
/// the name alone and labelled by it: enough to compile a filter or a sort on it.
pub fn history_property(def: &ObjectDef, name: &str) -> Option<PropertyDef> {
    def.property(properties_of(&def.name).1)?;
    let field = HistoryField::parse(name)?;
    let mut def = PropertyDef::new(name, name, "dealstage_history", field.kind());
    def.read_only = true;
    Some(def)
}

fn labelled(name: String, label: String, group: &str, field: HistoryField) -> PropertyDef {
    let mut def = PropertyDef::new(&name, &label, group, field.kind());
    def.read_only = true;
    def
}

/// The stage history properties of an object's pipelines, labelled in `lang`
/// ("Date entered “Qualified to buy” (Sales Pipeline)"), stage by stage in board order.
pub fn stage_history_properties(pipelines: &Pipelines, def: &ObjectDef, lang: Lang) -> Vec<PropertyDef> {
    let (_, stage_prop) = properties_of(&def.name);
    let Some(group) = def.property(stage_prop).map(|p| p.group.clone()) else { return Vec::new() };
    let live = pipelines.of_object(&def.name);
    if live.is_empty() {
        return Vec::new();
    }
    let fill = |msg: Msg, stage: &str, pipeline: &str| tr(lang, msg).replace("{stage}", stage).replace("{pipeline}", pipeline);
    let mut out = vec![labelled(ENTERED_CURRENT.to_string(), tr(lang, Msg::StageDateEnteredCurrent).to_string(), &group, HistoryField::EnteredCurrent)];
    for pipeline in live {
        for stage in &pipeline.stages {
            let fields = [
                (ENTERED, Msg::StageDateEntered, HistoryField::Entered(&stage.id)),
                (EXITED, Msg::StageDateExited, HistoryField::Exited(&stage.id)),
                (LATEST, Msg::StageLatestTime, HistoryField::LatestDays(&stage.id)),
                (CUMULATIVE, Msg::StageCumulativeTime, HistoryField::CumulativeDays(&stage.id)),
            ];
            for (prefix, msg, field) in fields {
                out.push(labelled(format!("{prefix}{}", stage.id), fill(msg, &stage.label, &pipeline.label), &group, field));
            }
        }
    }
    out
}

/// The object's definition with its stage history properties appended (unchanged for an
/// object without pipelines): what index pages list in their column picker and filters.
pub fn with_stage_history(pipelines: &Pipelines, def: &ObjectDef, lang: Lang) -> ObjectDef {
    let mut out = def.clone();
    let extra: Vec<PropertyDef> = stage_history_properties(pipelines, def, lang).into_iter().filter(|p| def.property(&p.name).is_none()).collect();
    out.properties.extend(extra);
    out
}
