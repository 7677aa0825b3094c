//! The default schema's labels in the user's language.
//!
//! The default schema is written in English (`core::schema::defaults`); each other language
//! has one table keyed by internal names: object → (singular, plural), group, (object,
//! property), (object, property, option value) and association label name. A label is
//! translated only while it still equals the default English label for its internal name:
//! a label the user typed or edited, and anything on a custom object, shows as stored.
//!
//! The "no missing label" test walks the whole default schema and asks every table for every
//! object, group, property and option.

mod fr;
mod it;
mod pipelines;
mod pl;
mod zh;

pub use pipelines::{pipeline_label, stage_label};

use std::borrow::Cow;
use std::sync::OnceLock;

use super::Lang;
use crate::core::association::{default_associations, AssociationDefs, LabelView};
use crate::core::schema::{default_schema, EnumOption, ObjectDef, ObjectKind, PropertyDef, PropertyGroup, Schema};

/// One language's translations of the default schema.
struct Table {
    object: fn(&str) -> Option<(&'static str, &'static str)>,
    group: fn(&str) -> Option<&'static str>,
    property: fn(&str, &str) -> Option<&'static str>,
    option: fn(&str, &str, &str) -> Option<&'static str>,
    association: fn(&str) -> Option<&'static str>,
}

/// The table of a language; English has none, the default schema is English.
fn table(lang: Lang) -> Option<&'static Table> {
    match lang {
        Lang::En => None,
        Lang::Fr => Some(&fr::TABLE),
        Lang::It => Some(&it::TABLE),
        Lang::Pl => Some(&pl::TABLE),
        Lang::Zh => Some(&zh::TABLE),
    }
}

/// The default schema, built once: the English labels translations are checked against.
fn defaults() -> &'static Schema {
    static DEFAULTS: OnceLock<Schema> = OnceLock::new();
    DEFAULTS.get_or_init(default_schema)
}

fn default_associations_once() -> &'static AssociationDefs {
    static DEFAULTS: OnceLock<AssociationDefs> = OnceLock::new();
    DEFAULTS.get_or_init(default_associations)
}

/// The translation when `stored` is still the default English text, else the stored text.
fn translated<'a>(stored: &'a str, default_english: Option<&str>, translation: Option<&'static str>) -> Cow<'a, str> {
    match (default_english, translation) {
        (Some(english), Some(text)) if english == stored => Cow::Borrowed(text),
        _ => Cow::Borrowed(stored),
    }
}

/// An object's name, singular or plural.
pub fn object_label(lang: Lang, object: &ObjectDef, plural: bool) -> Cow<'_, str> {
    let stored = if plural { &object.plural } else { &object.singular };
    let Some(table) = table(lang).filter(|_| object.kind != ObjectKind::Custom) else {
        return Cow::Borrowed(stored);
    };
    let english = defaults().object(&object.name).map(|d| if plural { d.plural.as_str() } else { d.singular.as_str() });
    let text = (table.object)(&object.name).map(|(singular, many)| if plural { many } else { singular });
    translated(stored, english, text)
}

/// A property group's label.
pub fn group_label<'a>(lang: Lang, object: &str, group: &'a PropertyGroup) -> Cow<'a, str> {
    let Some(table) = table(lang) else { return Cow::Borrowed(&group.label) };
    let english = defaults().object(object).and_then(|o| o.group(&group.name)).map(|g| g.label.as_str());
    translated(&group.label, english, (table.group)(&group.name))
}

/// A property's label.
pub fn property_label<'a>(lang: Lang, object: &str, def: &'a PropertyDef) -> Cow<'a, str> {
    let Some(table) = table(lang).filter(|_| !def.custom) else { return Cow::Borrowed(&def.label) };
    let english = defaults().object(object).and_then(|o| o.property(&def.name)).map(|d| d.label.as_str());
    translated(&def.label, english, (table.property)(object, &def.name))
}

/// The label of one option of an enumeration property.
pub fn option_label<'a>(lang: Lang, object: &str, property: &str, option: &'a EnumOption) -> Cow<'a, str> {
    let Some(table) = table(lang) else { return Cow::Borrowed(&option.label) };
    let english = defaults()
        .object(object)
        .and_then(|o| o.property(property))
        .and_then(|p| p.options.iter().find(|o| o.value == option.value))
        .map(|o| o.label.as_str());
    translated(&option.label, english, (table.option)(object, property, &option.value))
}

/// The label shown for a stored option value: the option's label in the user's language, or
/// the value itself when the property has no such option (any more).
pub fn value_label<'a>(lang: Lang, object: &str, def: &'a PropertyDef, value: &'a str) -> Cow<'a, str> {
    match def.options.iter().find(|o| o.value == value) {
        Some(option) => option_label(lang, object, &def.name, option),
        None => Cow::Borrowed(value),
    }
}

/// One side's reading of an association label ("Primary", "Parent company").
pub fn association_label(lang: Lang, view: &LabelView) -> Cow<'_, str> {
    let Some(table) = table(lang) else { return Cow::Borrowed(&view.text) };
    let english = default_associations_once()
        .defs
        .iter()
        .flat_map(|d| d.labels.iter().flat_map(|l| [&l.a, &l.b]))
        .find(|v| v.name == view.name)
        .map(|v| v.text.as_str());
    translated(&view.text, english, (table.association)(&view.name))
}

#[cfg(test)]
mod tests;
