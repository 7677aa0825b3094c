//! Settings › General, beside the language: the workspace currency (a schema edit, so it
//! syncs and backs up with the data model) and "I am", which owner this device's user is
//! (a device preference the "My" tabs filter on).

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::errors::error_text;
use crate::core::command::Command;
use crate::core::i18n::Msg;
use crate::core::schema::{Currency, SchemaEdit};
use crate::storage::prefs;
use crate::ui::i18n::use_i18n;
use crate::ui::store::use_store;

#[component]
pub fn CurrencySetting() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let current = Memo::new(move |_| store.ws.with(|ws| ws.schema().currency));
    let status = RwSignal::new(None::<String>);
    let choose = move |ev: leptos::ev::Event| {
        let Some(currency) = Currency::from_code(&event_target_value(&ev)) else { return };
        spawn_local(async move {
            let result = store.dispatch(Command::EditSchema(SchemaEdit::SetCurrency(currency))).await;
            let lang = i18n.lang.get_untracked();
            status.set(Some(match result {
                Ok(_) => i18n.t(Msg::SetCurrencySaved).to_string(),
                Err(e) => error_text(lang, &e),
            }));
        });
    };
    view! {
        <div class="cairn-field">
            <label for="settings-currency">{move || i18n.t(Msg::SetCurrency)}</label>
            <select id="settings-currency" data-testid="settings-currency" aria-describedby="settings-currency-hint" on:change=choose>
                {Currency::ALL.into_iter().map(|c| view! { <option value=c.code() selected=move || current.get() == c>{c.choice_text()}</option> }).collect_view()}
            </select>
            <p id="settings-currency-hint" class="cairn-muted">{move || i18n.t(Msg::SetCurrencyHint)}</p>
            <p class="cairn-form__status" role="status">{move || status.get()}</p>
        </div>
    }
}

#[component]
pub fn IAmSetting() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let owners = Memo::new(move |_| {
        store.ws.with(|ws| {
            let mut active: Vec<(String, String)> = ws.owners().filter(|o| o.active).map(|o| (o.id.0.clone(), o.name.clone())).collect();
            active.sort_by_key(|(_, name)| name.to_lowercase());
            active
        })
    });
    let me = RwSignal::new(prefs::my_owner().unwrap_or_default());
    let choose = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev);
        prefs::set_my_owner(Some(id.as_str()).filter(|id| !id.is_empty()));
        me.set(id);
    };
    view! {
        <div class="cairn-field">
            <label for="settings-i-am">{move || i18n.t(Msg::SetIAm)}</label>
            <select id="settings-i-am" data-testid="settings-i-am" aria-describedby="settings-i-am-hint" on:change=choose>
                <option value="" selected=move || me.with(String::is_empty)>{move || i18n.t(Msg::SetIAmNobody)}</option>
                {move || owners.get().into_iter().map(|(id, name)| {
                    let selected = me.with(|m| *m == id);
                    view! { <option value=id selected=selected>{name}</option> }
                }).collect_view()}
            </select>
            <p id="settings-i-am-hint" class="cairn-muted">{move || i18n.t(Msg::SetIAmHint)}</p>
        </div>
    }
}
