//! The property editor as data: what a person typed, turned into a [`PropertyDef`] for a
//! new property or a [`PropertyPatch`] for an existing one.
//!
//! Numbers (min, max) are read the user's way ("0,5" in French); an option typed without an
//! internal value gets one from its label. The schema rules themselves (options unique, min
//! not above max…) stay in [`crate::core::schema`] and answer when the command runs.

use crate::core::i18n::format::{format_number, parse_number};
use crate::core::i18n::Lang;
use crate::core::schema::{EnumOption, PropertyDef, PropertyPatch, PropertyType, SchemaError};

use super::names::suggest_internal_name;

/// One row of the options editor; rows are kept in display order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OptionDraft {
    pub label: String,
    pub value: String,
    pub hidden: bool,
}

/// The editor's inputs, as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PropertyForm {
    pub label: String,
    pub name: String,
    pub description: String,
    pub group: String,
    pub kind: Option<PropertyType>,
    pub decimals: String,
    pub min: String,
    pub max: String,
    pub options: Vec<OptionDraft>,
    pub required: bool,
    pub unique: bool,
    pub hidden: bool,
}

/// An input of the editor that can hold a problem of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormField {
    Decimals,
    Min,
    Max,
}

/// The part of the editor a refused property edit points at, so the message shows there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditorPart {
    Label,
    Name,
    Options,
    Number,
    Unique,
    /// The form as a whole, with any records the refusal names listed below it.
    Form,
}

/// Where the editor shows a schema refusal.
pub fn editor_part(error: &SchemaError) -> EditorPart {
    match error {
        SchemaError::EmptyLabel => EditorPart::Label,
        SchemaError::InvalidName(_) | SchemaError::NameTaken(_) => EditorPart::Name,
        SchemaError::NoOptions | SchemaError::InvalidOption(_) | SchemaError::DuplicateOption(_) | SchemaError::OptionsNotAllowed => EditorPart::Options,
        SchemaError::NumberSettings => EditorPart::Number,
        SchemaError::CannotBeUnique => EditorPart::Unique,
        _ => EditorPart::Form,
    }
}

/// Every type a person can give a property; calculated ones are defined by Cairn.
pub const PICKABLE_TYPES: [&str; 15] = [
    "single_line_text", "multi_line_text", "number", "currency", "date", "date_time", "dropdown", "radio", "checkbox", "checkboxes",
    "email", "phone", "url", "domain", "owner",
];

/// The type a picker value stands for (a number without settings for `number`).
pub fn type_from_tag(tag: &str) -> Option<PropertyType> {
    Some(match tag {
        "single_line_text" => PropertyType::SingleLineText,
        "multi_line_text" => PropertyType::MultiLineText,
        "number" => PropertyType::Number { decimals: None, min: None, max: None },
        "currency" => PropertyType::Currency,
        "date" => PropertyType::Date,
        "date_time" => PropertyType::DateTime,
        "dropdown" => PropertyType::Dropdown,
        "radio" => PropertyType::Radio,
        "checkbox" => PropertyType::Checkbox,
        "checkboxes" => PropertyType::Checkboxes,
        "email" => PropertyType::Email,
        "phone" => PropertyType::Phone,
        "url" => PropertyType::Url,
        "domain" => PropertyType::Domain,
        "owner" => PropertyType::Owner,
        "calculated" => PropertyType::Calculated,
        _ => return None,
    })
}

/// The picker value of a type.
pub fn type_tag(kind: &PropertyType) -> &'static str {
    match kind {
        PropertyType::SingleLineText => "single_line_text",
        PropertyType::MultiLineText => "multi_line_text",
        PropertyType::Number { .. } => "number",
        PropertyType::Currency => "currency",
        PropertyType::Date => "date",
        PropertyType::DateTime => "date_time",
        PropertyType::Dropdown => "dropdown",
        PropertyType::Radio => "radio",
        PropertyType::Checkbox => "checkbox",
        PropertyType::Checkboxes => "checkboxes",
        PropertyType::Email => "email",
        PropertyType::Phone => "phone",
        PropertyType::Url => "url",
        PropertyType::Domain => "domain",
        PropertyType::Owner => "owner",
        PropertyType::Calculated => "calculated",
    }
}

impl PropertyForm {
    /// The editor filled in with an existing property.
    pub fn from_def(def: &PropertyDef, lang: Lang) -> Self {
        let shown = |n: Option<f64>| n.map(|n| plain_number(lang, n)).unwrap_or_default();
        let (decimals, min, max) = match def.kind {
            PropertyType::Number { decimals, min, max } => (decimals.map(|d| d.to_string()).unwrap_or_default(), shown(min), shown(max)),
            _ => Default::default(),
        };
        PropertyForm {
            label: def.label.clone(),
            name: def.name.clone(),
            description: def.description.clone(),
            group: def.group.clone(),
            kind: Some(def.kind.clone()),
            decimals,
            min,
            max,
            options: def.options.iter().map(|o| OptionDraft { label: o.label.clone(), value: o.value.clone(), hidden: o.hidden }).collect(),
            required: def.required,
            unique: def.unique,
            hidden: def.hidden,
        }
    }

    /// The property's type with its number settings read from the inputs.
    pub fn kind(&self, lang: Lang) -> Result<PropertyType, Vec<FormField>> {
        let kind = self.kind.clone().unwrap_or(PropertyType::SingleLineText);
        let PropertyType::Number { .. } = kind else { return Ok(kind) };
        let mut problems = Vec::new();
        let mut read = |raw: &str, field| {
            if raw.trim().is_empty() {
                return None;
            }
            let n = parse_number(lang, raw);
            if n.is_none() {
                problems.push(field);
            }
            n
        };
        let min = read(&self.min, FormField::Min);
        let max = read(&self.max, FormField::Max);
        let decimals = match self.decimals.trim() {
            "" => None,
            raw => match raw.parse::<u8>() {
                Ok(d) => Some(d),
                Err(_) => {
                    problems.push(FormField::Decimals);
                    None
                }
            },
        };
        if problems.is_empty() {
            Ok(PropertyType::Number { decimals, min, max })
        } else {
            Err(problems)
        }
    }

    /// The options in display order, each with a value (from its label when left empty).
    pub fn options(&self) -> Vec<EnumOption> {
        self.options
            .iter()
            .filter(|o| !(o.label.trim().is_empty() && o.value.trim().is_empty()))
            .map(|o| {
                let value = if o.value.trim().is_empty() { suggest_internal_name(&o.label) } else { o.value.trim().to_string() };
                EnumOption { value, label: o.label.trim().to_string(), hidden: o.hidden }
            })
            .collect()
    }

    /// A new property as typed.
    pub fn definition(&self, lang: Lang) -> Result<PropertyDef, Vec<FormField>> {
        let kind = self.kind(lang)?;
        let mut def = PropertyDef::new(self.name.trim(), &self.label, &self.group, kind);
        def.description = self.description.trim().to_string();
        if def.kind.is_enumeration() {
            def.options = self.options();
        }
        def.required = self.required;
        def.unique = self.unique;
        def.hidden = self.hidden;
        Ok(def)
    }

    /// What changed from `old`, for an existing property.
    pub fn patch(&self, old: &PropertyDef, lang: Lang) -> Result<PropertyPatch, Vec<FormField>> {
        let new = self.definition(lang)?;
        let differs = |a: bool| a.then_some(());
        Ok(PropertyPatch {
            label: differs(new.label.trim() != old.label).map(|_| new.label.clone()),
            description: differs(new.description != old.description).map(|_| new.description.clone()),
            group: differs(new.group != old.group).map(|_| new.group.clone()),
            kind: differs(new.kind != old.kind).map(|_| new.kind.clone()),
            options: differs(new.kind.is_enumeration() && new.options != old.options).map(|_| new.options.clone()),
            required: differs(new.required != old.required).map(|_| new.required),
            unique: differs(new.unique != old.unique).map(|_| new.unique),
            hidden: differs(new.hidden != old.hidden).map(|_| new.hidden),
        })
    }
}

/// A number the user's way but without grouping, as it would be typed: "1000,5".
fn plain_number(lang: Lang, n: f64) -> String {
    let decimal = if format_number(lang, 0.5, 1).contains(',') { ',' } else { '.' };
    format_number(lang, n, decimals_of(n)).chars().filter(|c| c.is_ascii_digit() || *c == decimal || *c == '-').collect()
}

/// Enough decimals to show a setting exactly (a minimum of 0.25 stays 0.25).
fn decimals_of(n: f64) -> usize {
    (0..6).find(|d| (n * 10f64.powi(*d as i32)).fract().abs() < 1e-9).unwrap_or(6)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dropdown() -> PropertyForm {
        PropertyForm {
            label: "Roast level".into(),
            name: "roast_level".into(),
            group: "contactinformation".into(),
            kind: Some(PropertyType::Dropdown),
            options: vec![
                OptionDraft { label: "Light roast".into(), value: String::new(), hidden: false },
                OptionDraft { label: "Dark".into(), value: "dark".into(), hidden: true },
                OptionDraft::default(),
            ],
            ..Default::default()
        }
    }

    #[test]
    fn options_keep_their_order_and_get_values_from_labels() {
        let def = dropdown().definition(Lang::En).expect("valid");
        let values: Vec<(&str, &str, bool)> = def.options.iter().map(|o| (o.value.as_str(), o.label.as_str(), o.hidden)).collect();
        assert_eq!(values, vec![("light_roast", "Light roast", false), ("dark", "Dark", true)]);
    }

    #[test]
    fn number_settings_are_read_the_users_way_and_bad_ones_named() {
        let mut form = PropertyForm { label: "Score".into(), name: "score".into(), kind: type_from_tag("number"), ..Default::default() };
        form.min = "0,5".into();
        form.max = "100".into();
        form.decimals = "1".into();
        assert_eq!(form.kind(Lang::Fr), Ok(PropertyType::Number { decimals: Some(1), min: Some(0.5), max: Some(100.0) }));
        form.min = "low".into();
        form.decimals = "-1".into();
        assert_eq!(form.kind(Lang::Fr), Err(vec![FormField::Min, FormField::Decimals]));
    }

    #[test]
    fn an_edit_patches_only_what_changed_and_round_trips_settings() {
        let mut old = PropertyDef::new("score", "Score", "g", PropertyType::Number { decimals: Some(2), min: Some(0.25), max: Some(1000.0) });
        old.custom = true;
        let form = PropertyForm::from_def(&old, Lang::Fr);
        assert_eq!((form.min.as_str(), form.max.as_str()), ("0,25", "1000"));
        assert_eq!(form.patch(&old, Lang::Fr), Ok(PropertyPatch::default()));
        let mut form = PropertyForm::from_def(&old, Lang::En);
        form.label = "Quality".into();
        form.kind = type_from_tag("single_line_text");
        let patch = form.patch(&old, Lang::En).expect("valid");
        assert_eq!(patch.label.as_deref(), Some("Quality"));
        assert_eq!(patch.kind, Some(PropertyType::SingleLineText));
        assert_eq!((patch.group, patch.required, patch.options), (None, None, None));
    }

    #[test]
    fn refusals_point_at_the_input_to_fix() {
        assert_eq!(editor_part(&SchemaError::NameTaken("email".into())), EditorPart::Name);
        assert_eq!(editor_part(&SchemaError::DuplicateOption("a".into())), EditorPart::Options);
        assert_eq!(editor_part(&SchemaError::NumberSettings), EditorPart::Number);
        assert_eq!(editor_part(&SchemaError::EmptyLabel), EditorPart::Label);
        assert_eq!(editor_part(&SchemaError::ValuesRefused(Vec::new())), EditorPart::Form);
    }

    #[test]
    fn every_pickable_type_has_a_tag_that_round_trips() {
        for tag in PICKABLE_TYPES {
            let kind = type_from_tag(tag).expect(tag);
            assert_eq!(type_tag(&kind), tag);
            assert_ne!(kind, PropertyType::Calculated);
        }
    }
}
