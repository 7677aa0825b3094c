use leptos::prelude::*;

use crate::core::i18n::{object_plural, Msg};
use crate::core::schema::ObjectKind;
use crate::ui::app::Base;
use crate::ui::i18n::use_i18n;
use crate::ui::store::use_store;
use crate::ui::workflows::NotificationBell;

use super::LanguagePicker;

/// The side navigation: every object a user works with, then the app's tools.
#[component]
pub fn Nav() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let base = expect_context::<Base>();
    let objects = Memo::new(move |_| {
        store.ws.with(|ws| {
            ws.schema()
                .objects
                .iter()
                .filter(|o| o.enabled && o.kind != ObjectKind::Activity && o.name != "line_items")
                .map(|o| (o.name.clone(), object_plural(i18n.lang.get(), o)))
                .collect::<Vec<_>>()
        })
    });
    let link_base = base.clone();
    view! {
        <nav class="cairn-nav" aria-label=move || i18n.t(Msg::MainNavigation)>
            <a class="cairn-nav__brand" href=base.href("/")>{move || i18n.t(Msg::AppName)}</a>
            <For each=move || objects.get() key=|o| o.clone() children=move |(name, plural)| {
                view! { <a class="cairn-nav__link" href=link_base.href(&format!("/objects/{name}"))>{plural}</a> }
            }/>
            <a class="cairn-nav__link" href=base.href("/tasks")>{move || i18n.t(Msg::NavTasks)}</a>
            <a class="cairn-nav__link" href=base.href("/reports")>{move || i18n.t(Msg::NavReports)}</a>
            <a class="cairn-nav__link" href=base.href("/workflows")>{move || i18n.t(Msg::NavAutomation)}</a>
            <a class="cairn-nav__link" href=base.href("/outbox")>{move || i18n.t(Msg::NavOutbox)}</a>
            <NotificationBell/>
            <a class="cairn-nav__link" href=base.href("/data")>{move || i18n.t(Msg::NavData)}</a>
            <a class="cairn-nav__link" href=base.href("/settings")>{move || i18n.t(Msg::NavSettings)}</a>
            <LanguagePicker/>
        </nav>
    }
}
