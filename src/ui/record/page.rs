use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos_router::NavigateOptions;

use crate::core::command::Command;
use crate::core::i18n::{object_plural, Msg};
use crate::core::id::RecordId;
use crate::core::record_card::record_name;
use crate::ui::app::Base;
use crate::ui::i18n::use_i18n;
use crate::ui::store::{failure_message, use_store, Status};
use crate::ui::workflows::EnrollControl;

use super::associations::AssociationsPanel;
use super::merge::MergeDialog;
use super::modal::Modal;
use super::properties::PropertiesPanel;
use super::timeline::TimelinePanel;

/// `/objects/:object/:id`: one record; a merged-away id shows the record it was merged into.
#[component]
pub fn RecordRoute() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let params = use_params_map();
    let raw = move || params.with(|p| p.get("id").unwrap_or_default());
    // The live id and object, once the workspace has loaded.
    let target = Memo::new(move |_| {
        let id = RecordId::from(raw());
        store.ws.with(|ws| {
            let live = ws.resolve(&id).clone();
            ws.record(&live).map(|r| (live.clone(), r.object.to_string()))
        })
    });
    let loading = move || store.status.get() == Status::Loading;
    view! {
        <section class="cairn-page cairn-record" aria-busy=move || loading().to_string()>
            {move || match (loading(), target.get()) {
                (true, _) => view! { <h1>{i18n.t(Msg::Loading)}</h1> }.into_any(),
                (false, None) => view! { <h1>{move || i18n.t(Msg::RecordNotFound)}</h1> }.into_any(),
                (false, Some((id, object))) => view! { <RecordPage id=id object=object/> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn RecordPage(id: RecordId, object: String) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let base = expect_context::<Base>();
    let rid = id.clone();
    let name = move || store.ws.with(|ws| ws.record(&rid).map(|r| record_name(ws, r)).unwrap_or_default());
    let obj = object.clone();
    let plural = move || store.ws.with(|ws| ws.schema().object(&obj).map(|o| object_plural(i18n.lang.get(), o)).unwrap_or_default());
    let confirm_delete = RwSignal::new(false);
    let merging = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let navigate = use_navigate();
    let back = base.href(&format!("/objects/{object}"));
    let back_after = back.clone();
    let rid = id.clone();
    let delete = move |_| {
        let (navigate, back) = (navigate.clone(), back_after.clone());
        let command = Command::DeleteRecord { id: rid.clone() };
        spawn_local(async move {
            match store.dispatch(command).await {
                Ok(_) => {
                    confirm_delete.set(false);
                    navigate(&back, NavigateOptions { resolve: false, ..Default::default() });
                }
                Err(e) => error.set(Some(format!("{} {}", i18n.t(Msg::SaveFailed), i18n.t(failure_message(&e))))),
            }
        });
    };
    view! {
        <header class="cairn-record__header">
            <p class="cairn-record__crumb"><a href=back>{plural}</a></p>
            <h1 class="cairn-record__title">{move || { let n = name(); if n.is_empty() { i18n.t(Msg::Untitled).to_string() } else { n } }}</h1>
            <div class="cairn-record__actions">
                <button type="button" class="cairn-button" on:click=move |_| merging.set(true)>{move || i18n.t(Msg::MergeRecord)}</button>
                <button type="button" class="cairn-button cairn-button--danger" on:click=move |_| confirm_delete.set(true)>{move || i18n.t(Msg::DeleteRecord)}</button>
            </div>
            <p class="cairn-field__error" role="alert">{move || error.get()}</p>
            <EnrollControl id=id.clone() object=object.clone()/>
        </header>
        <div class="cairn-record__columns">
            <PropertiesPanel id=id.clone() object=object.clone()/>
            <TimelinePanel id=id.clone()/>
            <div class="cairn-record__column">
                <AssociationsPanel id=id.clone() object=object.clone()/>
                <crate::ui::segments::RecordSegments id=id.clone() object=object.clone()/>
            </div>
        </div>
        <Modal open=confirm_delete title=Msg::DeleteRecord id="delete-dialog">
            <p>{move || i18n.t(Msg::DeleteRecordConfirm)}</p>
            <div class="cairn-form__actions">
                <button type="button" class="cairn-button cairn-button--danger" on:click=delete.clone()>{move || i18n.t(Msg::DeleteRecord)}</button>
                <button type="button" class="cairn-button" on:click=move |_| confirm_delete.set(false)>{move || i18n.t(Msg::Cancel)}</button>
            </div>
        </Modal>
        <Modal open=merging title=Msg::MergeRecord id="merge-dialog">
            <MergeDialog id=id.clone() object=object.clone() open=merging/>
        </Modal>
    }
}
