//! The translation layer as a reactive service: the current language, `t(msg)`, and the
//! labels and values of the schema in that language.
//!
//! Every helper reads the language signal, so text built inside a reactive closure follows a
//! language change. Screens show schema labels only through these helpers (never
//! `def.label`), so default labels appear translated and labels users typed stay as typed.

use leptos::prelude::*;

use crate::core::association::LabelView;
use crate::core::i18n::display::{input_text, typed_input, value_text, Locale};
use crate::core::i18n::format::{format_instant, format_money_whole};
use crate::core::pipeline::{Pipeline, Stage};
use crate::core::i18n::{self, tr, tr_count, Counted, Lang, Msg};
use crate::core::schema::{Currency, EnumOption, ObjectDef, PropertyDef, PropertyGroup};
use crate::core::time::Millis;
use crate::core::value::Value;
use crate::core::workspace::Workspace;
use crate::storage::prefs;

#[derive(Clone, Copy)]
pub struct I18n {
    pub lang: RwSignal<Lang>,
}

/// The browser's offset east of UTC in minutes, for showing local times.
pub fn utc_offset() -> i64 {
    -(js_sys::Date::new_0().get_timezone_offset() as i64)
}

impl I18n {
    /// The chosen language if the user picked one, else the browser's preference.
    pub fn detect() -> I18n {
        let lang = match prefs::language() {
            Some(tag) => Lang::from_tag(&tag),
            None => {
                let tags: Vec<String> = web_sys::window()
                    .map(|w| w.navigator().languages().iter().filter_map(|v| v.as_string()).collect())
                    .unwrap_or_default();
                Lang::negotiate(tags.iter().map(String::as_str))
            }
        };
        I18n { lang: RwSignal::new(lang) }
    }

    /// The message in the current language; reading it subscribes to language changes.
    pub fn t(&self, msg: Msg) -> &'static str {
        tr(self.lang.get(), msg)
    }

    pub fn count(&self, msg: Counted, n: usize) -> String {
        tr_count(self.lang.get(), msg, n as u64)
    }

    /// The language and the local time offset, for formatting values.
    pub fn locale(&self) -> Locale {
        Locale::new(self.lang.get(), utc_offset())
    }

    /// An object's name, singular or plural.
    pub fn object_label(&self, object: &ObjectDef, plural: bool) -> String {
        i18n::object_label(self.lang.get(), object, plural).into_owned()
    }

    /// A property's label on object `object`.
    pub fn prop_label(&self, object: &str, def: &PropertyDef) -> String {
        i18n::property_label(self.lang.get(), object, def).into_owned()
    }

    /// A property group's label on object `object`.
    pub fn group_label(&self, object: &str, group: &PropertyGroup) -> String {
        i18n::group_label(self.lang.get(), object, group).into_owned()
    }

    /// An option's label of property `property` on object `object`.
    pub fn option_label(&self, object: &str, property: &str, option: &EnumOption) -> String {
        i18n::option_label(self.lang.get(), object, property, option).into_owned()
    }

    /// A pipeline's name.
    pub fn pipeline_label(&self, pipeline: &Pipeline) -> String {
        i18n::pipeline_label(self.lang.get(), pipeline).into_owned()
    }

    /// A stage's label in pipeline `pipeline_id`.
    pub fn stage_label(&self, pipeline_id: &str, stage: &Stage) -> String {
        i18n::stage_label(self.lang.get(), pipeline_id, stage).into_owned()
    }

    /// An amount in whole units of `currency` (board and report totals).
    pub fn money_whole(&self, currency: Currency, minor_units: i64) -> String {
        format_money_whole(self.lang.get(), minor_units, currency.code())
    }

    /// One side's reading of an association label.
    pub fn assoc_label(&self, view: &LabelView) -> String {
        i18n::association_label(self.lang.get(), view).into_owned()
    }

    /// A stored value as the user reads it (option labels, local numbers, amounts, dates).
    pub fn value_text(&self, ws: &Workspace, object: &str, def: &PropertyDef, value: &Value) -> String {
        value_text(ws, self.locale(), object, def, value)
    }

    /// What an input for `def` starts with (amounts in major units, the local decimal sign).
    pub fn input_text(&self, def: &PropertyDef, value: &Value) -> String {
        input_text(self.lang.get(), def, value)
    }

    /// What the user typed for `def`, as the text the core parses.
    pub fn typed_input(&self, def: &PropertyDef, raw: &str) -> String {
        typed_input(self.lang.get(), def, raw)
    }

    /// An instant as the local date and time, the locale's way.
    pub fn instant(&self, at: Millis) -> String {
        format_instant(self.lang.get(), at, utc_offset())
    }
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}
