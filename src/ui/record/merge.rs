//! Merging this record with another of the same object: pick it, pick the primary, read the
//! core's preview, then confirm.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use crate::core::command::Command;
use crate::core::i18n::{tr, Msg};
use crate::core::id::RecordId;
use crate::core::record_card::record_name;
use crate::core::search::search;
use crate::ui::app::Base;
use crate::ui::i18n::use_i18n;
use crate::ui::store::{now, use_store, DispatchError};

use super::properties::problem_text;

#[component]
pub fn MergeDialog(id: RecordId, object: String, open: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let navigate = use_navigate();
    let base = expect_context::<Base>();
    let query = RwSignal::new(String::new());
    let other = RwSignal::new(None::<RecordId>);
    let keep_this = RwSignal::new(true);
    let error = RwSignal::new(None::<String>);
    let (obj, me) = (object.clone(), id.clone());
    let results = Memo::new(move |_| {
        let q = query.get();
        if q.trim().is_empty() {
            return Vec::new();
        }
        store.ws.with(|ws| search(ws, &obj, &q, 9).into_iter().filter(|r| r.id != me).take(8).map(|r| (r.id.clone(), record_name(ws, r))).collect::<Vec<_>>())
    });
    let me = id.clone();
    let pair = move || other.get().map(|o| if keep_this.get() { (me.clone(), o) } else { (o, me.clone()) });
    let p2 = pair.clone();
    // The merged record's name and the properties filled from the secondary, with their values.
    let preview = Memo::new(move |_| {
        let (primary, secondary) = p2()?;
        store.ws.with(|ws| {
            let preview = ws.merge_preview(&primary, &secondary, now()).ok()?;
            let def = ws.schema().object(&preview.record.object)?;
            let filled: Vec<(String, String)> = preview
                .filled
                .iter()
                .map(|p| match def.property(p) {
                    Some(d) => (i18n.prop_label(&def.name, d), preview.record.get(p).map(|v| i18n.value_text(ws, &def.name, d, v)).unwrap_or_default()),
                    None => (p.clone(), preview.record.text(p)),
                })
                .collect();
            Some((record_name(ws, &preview.record), filled))
        })
    });
    let (me, obj) = (id.clone(), object.clone());
    let this_name = move || store.ws.with(|ws| ws.record(&me).map(|r| record_name(ws, r)).unwrap_or_default());
    let other_name = move || store.ws.with(|ws| other.get().and_then(|o| ws.record(&o).map(|r| record_name(ws, r))).unwrap_or_default());
    let confirm = move |_| {
        let Some((primary, secondary)) = pair() else { return };
        let (navigate, href) = (navigate.clone(), base.href(&format!("/objects/{obj}/{primary}")));
        let lang = i18n.lang.get_untracked();
        spawn_local(async move {
            match store.dispatch(Command::MergeRecords { primary, secondary }).await {
                Ok(_) => {
                    open.set(false);
                    navigate(&href, NavigateOptions { resolve: false, ..Default::default() });
                }
                Err(DispatchError::Command(e)) => error.set(Some(problem_text(lang, &e, ""))),
                Err(_) => error.set(Some(tr(lang, Msg::SaveFailed).to_string())),
            }
        });
    };
    view! {
        <div class="cairn-form">
            <div class="cairn-field">
                <label for="merge-search">{move || i18n.t(Msg::MergeWith)}</label>
                <input id="merge-search" type="search" autocomplete="off" placeholder=move || i18n.t(Msg::SearchByName) prop:value=move || query.get() on:input=move |ev| query.set(event_target_value(&ev))/>
            </div>
            <ul class="cairn-link__results" aria-live="polite">
                {move || results.get().into_iter().map(|(rid, label)| {
                    let pressed = { let rid = rid.clone(); move || (other.get().as_ref() == Some(&rid)).to_string() };
                    view! { <li><button type="button" class="cairn-button cairn-button--small" data-id=rid.to_string() aria-pressed=pressed on:click=move |_| other.set(Some(rid.clone()))>{label}</button></li> }
                }).collect_view()}
            </ul>
            <Show when=move || other.with(Option::is_some)>
                <fieldset class="cairn-form__group">
                    <legend>{move || i18n.t(Msg::MergeKeep)}</legend>
                    <div class="cairn-check">
                        <input type="radio" id="merge-keep-this" name="merge-keep" prop:checked=move || keep_this.get() on:change=move |_| keep_this.set(true)/>
                        <label for="merge-keep-this">{this_name.clone()}</label>
                    </div>
                    <div class="cairn-check">
                        <input type="radio" id="merge-keep-other" name="merge-keep" prop:checked=move || !keep_this.get() on:change=move |_| keep_this.set(false)/>
                        <label for="merge-keep-other">{other_name.clone()}</label>
                    </div>
                </fieldset>
                <section class="cairn-merge__preview" aria-labelledby="merge-preview-title" data-testid="merge-preview">
                    <h3 id="merge-preview-title">{move || i18n.t(Msg::MergePreview)}</h3>
                    {move || preview.get().map(|(name, filled)| view! {
                        <p class="cairn-merge__name">{name}</p>
                        <Show when={let n = filled.len(); move || n > 0}>
                            <p class="cairn-muted">{move || i18n.t(Msg::MergeFilled)}</p>
                        </Show>
                        <dl class="cairn-props">
                            {filled.clone().into_iter().map(|(label, value)| view! { <div class="cairn-props__row"><dt>{label}</dt><dd>{value}</dd></div> }).collect_view()}
                        </dl>
                    })}
                </section>
            </Show>
            <p class="cairn-field__error" role="alert">{move || error.get()}</p>
            <div class="cairn-form__actions">
                <button type="button" class="cairn-button cairn-button--primary" disabled=move || other.with(Option::is_none) on:click=confirm>{move || i18n.t(Msg::ConfirmMerge)}</button>
            </div>
        </div>
    }
}
