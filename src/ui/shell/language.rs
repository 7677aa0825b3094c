use leptos::prelude::*;

use crate::core::i18n::{Lang, Msg};
use crate::storage::prefs;
use crate::ui::i18n::use_i18n;

/// Switches the interface language; the choice is remembered on this device. A second
/// picker on the same page (Settings › General) needs its own `id`, and looks like the
/// page's other fields with `as_field`.
#[component]
pub fn LanguagePicker(#[prop(optional, into)] id: Option<String>, #[prop(optional)] as_field: bool) -> impl IntoView {
    let i18n = use_i18n();
    let id = id.unwrap_or_else(|| "cairn-language".to_string());
    let on_change = move |ev: leptos::ev::Event| {
        let lang = Lang::from_tag(&event_target_value(&ev));
        prefs::set_language(lang.tag());
        i18n.lang.set(lang);
    };
    view! {
        <div class=if as_field { "cairn-field" } else { "cairn-nav__language" }>
            <label for=id.clone()>{move || i18n.t(Msg::Language)}</label>
            <select id=id on:change=on_change>
                {Lang::ALL.iter().map(|l| {
                    let l = *l;
                    view! { <option value=l.tag() selected=move || i18n.lang.get() == l>{l.native_name()}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}
