//! The translation layer as a reactive service: the current language and `t(msg)`.

use leptos::prelude::*;

use crate::core::i18n::{tr, tr_count, Counted, Lang, Msg};
use crate::storage::prefs;

#[derive(Clone, Copy)]
pub struct I18n {
    pub lang: RwSignal<Lang>,
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
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}
