//! How a stored value reads on screen, and how a typed value goes back to the core.
//!
//! Screens never show `Value::display()` (internal option values, amounts in minor units,
//! owner ids, ISO instants): they show [`value_text`], which writes option labels in the
//! user's language, amounts, numbers and dates the locale's way and owners by name. Inputs
//! start from [`input_text`] and what the user typed passes through [`typed_input`], so a
//! French user may type `1 234,5` where the core expects `1234.5`. The JSON export never
//! comes here: it stays locale-independent.

use super::format::{decimal_separator, format_date, format_datetime, format_money, format_number, natural_decimals, parse_number};
use super::{pipeline_label, stage_label, tr, value_label, Lang, Msg};
use crate::core::pipeline::properties_of;
use crate::core::schema::{CalculatedType, PropertyDef, PropertyType};
use crate::core::value::Value;
use crate::core::workspace::Workspace;

/// What formatting depends on besides the value: the language and the local time offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Locale {
    pub lang: Lang,
    /// Minutes east of UTC, for date-times.
    pub utc_offset_minutes: i64,
}

impl Locale {
    pub fn new(lang: Lang, utc_offset_minutes: i64) -> Locale {
        Locale { lang, utc_offset_minutes }
    }
}

/// The kind a value is shown as: a calculated property shows as what it calculates.
fn shown_kind(def: &PropertyDef) -> PropertyType {
    match (&def.kind, def.calculation.as_ref().map(|c| c.output)) {
        (PropertyType::Calculated, Some(CalculatedType::Currency)) => PropertyType::Currency,
        (PropertyType::Calculated, Some(CalculatedType::Date)) => PropertyType::Date,
        (PropertyType::Calculated, Some(CalculatedType::DateTime)) => PropertyType::DateTime,
        (PropertyType::Calculated, _) => PropertyType::Number { decimals: None, min: None, max: None },
        (kind, _) => kind.clone(),
    }
}

fn number_text(lang: Lang, decimals: Option<u8>, n: f64) -> String {
    format_number(lang, n, decimals.map_or_else(|| natural_decimals(n), usize::from))
}

/// A value of property `def` of `object` as the user reads it.
pub fn value_text(ws: &Workspace, locale: Locale, object: &str, def: &PropertyDef, value: &Value) -> String {
    let lang = locale.lang;
    match (shown_kind(def), value) {
        (PropertyType::Dropdown | PropertyType::Radio | PropertyType::Checkboxes, Value::List(items)) => {
            items.iter().map(|v| value_label(lang, object, def, v).into_owned()).collect::<Vec<_>>().join(", ")
        }
        (PropertyType::Dropdown | PropertyType::Radio | PropertyType::Checkboxes, Value::Text(v)) => value_label(lang, object, def, v).into_owned(),
        (PropertyType::Checkbox, Value::Bool(b)) => tr(lang, if *b { Msg::Yes } else { Msg::No }).to_string(),
        (PropertyType::Currency, Value::Int(minor)) => format_money(lang, *minor, ws.schema().currency.code()),
        (PropertyType::Number { decimals, .. }, Value::Int(n)) => number_text(lang, decimals, *n as f64),
        (PropertyType::Number { decimals, .. }, Value::Number(n)) => number_text(lang, decimals, *n),
        (PropertyType::Date, Value::Text(iso)) => format_date(lang, iso),
        (PropertyType::DateTime, Value::Text(iso)) => format_datetime(lang, iso, locale.utc_offset_minutes),
        (_, Value::Text(id)) if is_pipeline_property(object, &def.name) => pipeline_text(ws, lang, object, &def.name, id),
        (PropertyType::Owner, Value::Text(id)) => ws.owners().find(|o| o.id.0 == *id).map_or_else(|| id.clone(), |o| o.name.clone()),
        (_, other) => other.display(),
    }
}

fn is_pipeline_property(object: &str, property: &str) -> bool {
    let (pipeline, stage) = properties_of(object);
    property == pipeline || property == stage
}

/// A stored pipeline or stage id as its name in the user's language; an id no pipeline
/// knows (any more) shows as stored.
fn pipeline_text(ws: &Workspace, lang: Lang, object: &str, property: &str, id: &str) -> String {
    let pipelines = ws.pipelines();
    if property == properties_of(object).0 {
        return pipelines.get(id).filter(|p| p.object == object).map_or_else(|| id.to_string(), |p| pipeline_label(lang, p).into_owned());
    }
    match pipelines.holding(object, id) {
        Some(pipeline) => pipeline.stage(id).map_or_else(|| id.to_string(), |s| stage_label(lang, pipeline.id.as_str(), s).into_owned()),
        None => id.to_string(),
    }
}

/// What an input for `def` starts with: amounts in major units and numbers with the
/// locale's decimal separator (no grouping, so the text edits easily); other values as stored.
pub fn input_text(lang: Lang, def: &PropertyDef, value: &Value) -> String {
    match (&def.kind, value) {
        (PropertyType::Currency, Value::Int(minor)) => plain(lang, *minor as f64 / 100.0, 2),
        (PropertyType::Number { .. }, Value::Int(n)) => n.to_string(),
        (PropertyType::Number { .. }, Value::Number(n)) => plain(lang, *n, natural_decimals(*n)),
        (_, other) => other.display(),
    }
}

/// A number with the locale's decimal separator and no grouping.
fn plain(lang: Lang, n: f64, decimals: usize) -> String {
    format!("{n:.decimals$}").replace('.', &decimal_separator(lang).to_string())
}

/// What the user typed into an input for `def`, as the text the core parses: numbers and
/// amounts typed the locale's way become plain decimals; anything else goes as typed, and the
/// core says what is wrong with it.
pub fn typed_input(lang: Lang, def: &PropertyDef, raw: &str) -> String {
    match def.kind {
        PropertyType::Number { .. } | PropertyType::Currency if !raw.trim().is_empty() => match parse_number(lang, raw) {
            Some(n) => n.to_string(),
            None => raw.to_string(),
        },
        _ => raw.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::id::IdGen;
    use crate::core::schema::default_schema;

    fn property(object: &str, name: &str) -> PropertyDef {
        default_schema().object(object).and_then(|o| o.property(name)).cloned().expect("default property")
    }

    fn shown(lang: Lang, object: &str, name: &str, value: Value) -> String {
        value_text(&Workspace::new(default_schema(), IdGen::new(1, 0)), Locale::new(lang, 60), object, &property(object, name), &value)
    }

    #[test]
    fn amounts_numbers_and_dates_follow_the_locale() {
        assert_eq!(shown(Lang::Fr, "deals", "amount", Value::Int(123_456)), "1\u{202f}234,56\u{a0}€");
        assert_eq!(shown(Lang::It, "deals", "amount", Value::Int(123_456)), "1.234,56\u{a0}€");
        assert_eq!(shown(Lang::En, "deals", "hs_projected_amount", Value::Int(50)), "€0.50");
        assert_eq!(shown(Lang::Pl, "deals", "hs_deal_stage_probability", Value::Number(0.25)), "0,25");
        assert_eq!(shown(Lang::Fr, "companies", "numberofemployees", Value::Int(12_000)), "12\u{202f}000");
        assert_eq!(shown(Lang::Fr, "deals", "closedate", Value::Text("2026-11-23".into())), "23/11/2026");
        assert_eq!(shown(Lang::Zh, "tasks", "hs_timestamp", Value::Text("2026-11-23T08:00:00.000Z".into())), "2026/11/23 09:00");
    }

    #[test]
    fn amounts_take_the_workspace_currency() {
        let mut schema = default_schema();
        schema.currency = crate::core::schema::Currency::Cny;
        let ws = Workspace::new(schema, IdGen::new(1, 0));
        let amount = property("deals", "amount");
        let text = |lang| value_text(&ws, Locale::new(lang, 0), "deals", &amount, &Value::Int(123_456));
        assert_eq!(text(Lang::Zh), "¥1,234.56");
        assert_eq!(text(Lang::Fr), "1\u{202f}234,56\u{a0}¥");
    }

    #[test]
    fn stages_and_pipelines_read_as_their_names() {
        assert_eq!(shown(Lang::Fr, "deals", "dealstage", Value::Text("closedwon".into())), "Conclue gagnée");
        assert_eq!(shown(Lang::En, "deals", "dealstage", Value::Text("closedwon".into())), "Closed won");
        assert_eq!(shown(Lang::Zh, "deals", "pipeline", Value::Text("default".into())), "销售管道");
        assert_eq!(shown(Lang::Pl, "tickets", "hs_pipeline_stage", Value::Text("2".into())), "Oczekuje na kontakt");
        // An id no pipeline holds shows as stored.
        assert_eq!(shown(Lang::Fr, "deals", "dealstage", Value::Text("gone".into())), "gone");
    }

    #[test]
    fn options_and_checkboxes_read_as_words() {
        assert_eq!(shown(Lang::Fr, "deals", "hs_priority", Value::Text("high".into())), "Haute");
        assert_eq!(shown(Lang::En, "deals", "hs_priority", Value::Text("high".into())), "High");
        assert_eq!(shown(Lang::It, "companies", "is_public", Value::Bool(true)), tr(Lang::It, Msg::Yes));
        assert_eq!(shown(Lang::Fr, "contacts", "firstname", Value::Text("Zoë".into())), "Zoë");
    }

    #[test]
    fn inputs_take_the_locales_decimal_separator_both_ways() {
        let amount = property("deals", "amount");
        assert_eq!(input_text(Lang::Fr, &amount, &Value::Int(123_456)), "1234,56");
        assert_eq!(input_text(Lang::It, &amount, &Value::Int(123_456)), "1234,56");
        assert_eq!(input_text(Lang::En, &amount, &Value::Int(-5)), "-0.05");
        assert_eq!(typed_input(Lang::Fr, &amount, "1 234,56"), "1234.56");
        assert_eq!(typed_input(Lang::It, &amount, "1.234,5"), "1234.5");
        assert_eq!(typed_input(Lang::En, &amount, "12.5"), "12.5");
        assert_eq!(typed_input(Lang::Fr, &amount, "lots"), "lots");
        assert_eq!(typed_input(Lang::Fr, &amount, ""), "");
        let name = property("contacts", "firstname");
        assert_eq!(typed_input(Lang::Fr, &name, "1,5"), "1,5");
        let probability = property("deals", "hs_deal_stage_probability");
        assert_eq!(input_text(Lang::Pl, &probability, &Value::Number(0.5)), "0,5");
    }
}
