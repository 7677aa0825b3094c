//! Settings › Storage: how much Cairn stores on this device, the browser's quota, and
//! whether the browser promised to keep the data ("Keep data on this device").

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::frame::SettingsFrame;
use crate::core::i18n::Msg;
use crate::core::settings::{format_bytes, format_percent, usage_share};
use crate::storage::usage::{estimate, persist, persisted, Usage};
use crate::ui::i18n::use_i18n;

#[derive(Clone, Copy, PartialEq)]
enum Persistence {
    Unknown,
    Granted,
    NotGranted,
    Refused,
}

#[component]
pub fn StorageSettings() -> impl IntoView {
    let i18n = use_i18n();
    let usage = RwSignal::new(None::<Option<Usage>>);
    let persistence = RwSignal::new(Persistence::Unknown);
    // The page may be left before the browser answers: `try_set` then does nothing.
    spawn_local(async move {
        usage.try_set(Some(estimate().await.ok()));
        persistence.try_set(match persisted().await {
            Ok(true) => Persistence::Granted,
            Ok(false) => Persistence::NotGranted,
            Err(_) => Persistence::Unknown,
        });
    });
    let ask = move |_| {
        spawn_local(async move {
            let granted = persist().await.unwrap_or(false);
            persistence.try_set(if granted { Persistence::Granted } else { Persistence::Refused });
            usage.try_set(Some(estimate().await.ok()));
        });
    };
    let figures = move || match usage.get() {
        None => view! { <p class="cairn-muted">{move || i18n.t(Msg::Loading)}</p> }.into_any(),
        Some(None) => view! { <p class="cairn-muted">{move || i18n.t(Msg::SetNoEstimate)}</p> }.into_any(),
        Some(Some(u)) => {
            let share = usage_share(u.usage, u.quota);
            view! {
                <dl class="cairn-settings__figures">
                    <div><dt>{move || i18n.t(Msg::SetStorageUsed)}</dt><dd data-figure="usage">{move || format_bytes(i18n.lang.get(), u.usage)}</dd></div>
                    <div><dt>{move || i18n.t(Msg::SetStorageQuota)}</dt><dd data-figure="quota">{move || format_bytes(i18n.lang.get(), u.quota)}</dd></div>
                    <div><dt>{move || i18n.t(Msg::SetStorageShare)}</dt><dd data-figure="share">{move || format_percent(i18n.lang.get(), share)}</dd></div>
                </dl>
                <progress class="cairn-settings__meter" max="100" value=share.to_string() aria-hidden="true"></progress>
            }
            .into_any()
        }
    };
    let status = move || match persistence.get() {
        Persistence::Granted => Some(Msg::SetPersisted),
        Persistence::NotGranted => Some(Msg::SetNotPersisted),
        Persistence::Refused => Some(Msg::SetPersistRefused),
        Persistence::Unknown => None,
    };
    view! {
        <SettingsFrame>
            <h1>{move || i18n.t(Msg::SetStorage)}</h1>
            <section class="cairn-card cairn-settings__section">{figures}</section>
            <section class="cairn-card cairn-settings__section">
                <p data-persistence=move || (persistence.get() == Persistence::Granted).to_string()>{move || status().map(|m| i18n.t(m))}</p>
                <Show when=move || persistence.get() != Persistence::Granted>
                    <button type="button" class="cairn-button cairn-button--primary" on:click=ask>{move || i18n.t(Msg::SetPersistButton)}</button>
                </Show>
            </section>
        </SettingsFrame>
    }
}
