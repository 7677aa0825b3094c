//! The association dialog: find or create a record to link, with labels; or relabel a link.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::command::Command;
use crate::core::i18n::{tr, Msg};
use crate::core::id::RecordId;
use crate::core::record_card::record_name;
use crate::core::search::search;
use crate::ui::i18n::use_i18n;
use crate::ui::store::{use_store, DispatchError, Store};

use super::properties::problem_text;

/// Search results shown at most.
const RESULTS: usize = 8;

#[derive(Clone, Debug, PartialEq)]
pub enum LinkMode {
    Add { object: String },
    Labels { object: String, other: RecordId },
}

/// Runs the commands in order, stopping at the first refusal, whose text goes to `error`.
async fn run(store: Store, lang: crate::core::i18n::Lang, commands: Vec<Command>, error: RwSignal<Option<String>>) -> bool {
    for command in commands {
        if let Err(e) = store.dispatch(command).await {
            error.set(Some(match e {
                DispatchError::Command(e) => problem_text(lang, &e, ""),
                _ => tr(lang, Msg::SaveFailed).to_string(),
            }));
            return false;
        }
    }
    true
}

#[component]
pub fn LinkDialog(from: RecordId, mode: LinkMode, open: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let error = RwSignal::new(None::<String>);
    let (object, other) = match &mode {
        LinkMode::Add { object } => (object.clone(), None),
        LinkMode::Labels { object, other } => (object.clone(), Some(other.clone())),
    };
    // The labels this record may give the other one, and those it gives it now.
    let (views, current) = store.ws.with_untracked(|ws| {
        let from_object = ws.record(&from).map(|r| r.object.clone()).unwrap_or_default();
        let views: Vec<(String, String)> = ws
            .associations()
            .def(&from_object, &object)
            .map(|d| d.views_for(&from_object).map(|v| (v.name.clone(), i18n.assoc_label(v))).collect())
            .unwrap_or_default();
        let current: Vec<String> = other
            .as_ref()
            .and_then(|o| ws.associations().edge(&from, o).zip(ws.associations().def(&from_object, &object)).map(|(e, d)| e.labels_from(d, &from).into_iter().collect()))
            .unwrap_or_default();
        (views, current)
    });
    let chosen = RwSignal::new(current);
    let label_boxes = views
        .into_iter()
        .map(|(name, text)| {
            let (n1, n2) = (name.clone(), name.clone());
            let box_id = format!("label-{name}");
            view! {
                <div class="cairn-check">
                    <input type="checkbox" id=box_id.clone() prop:checked=move || chosen.with(|c| c.contains(&n1))
                        on:change=move |ev| { let on = event_target_checked(&ev); chosen.update(|c| { c.retain(|x| x != &n2); if on { c.push(n2.clone()); } }); }/>
                    <label for=box_id>{text}</label>
                </div>
            }
        })
        .collect_view();
    let has_labels = store.ws.with_untracked(|ws| {
        let from_object = ws.record(&from).map(|r| r.object.clone()).unwrap_or_default();
        ws.associations().def(&from_object, &object).is_some_and(|d| d.views_for(&from_object).next().is_some())
    });
    let labels_fieldset = view! {
        <fieldset class="cairn-form__group" hidden=!has_labels>
            <legend>{move || i18n.t(Msg::Labels)}</legend>
            {label_boxes}
        </fieldset>
    };
    match other {
        Some(other) => {
            let save = move |_| {
                let command = Command::SetAssociationLabels { from: from.clone(), to: other.clone(), labels: chosen.get_untracked() };
                let lang = i18n.lang.get_untracked();
                spawn_local(async move {
                    if run(store, lang, vec![command], error).await {
                        open.set(false);
                    }
                });
            };
            view! {
                <div class="cairn-form">
                    {labels_fieldset}
                    <p class="cairn-field__error" role="alert">{move || error.get()}</p>
                    <div class="cairn-form__actions">
                        <button type="button" class="cairn-button cairn-button--primary" on:click=save>{move || i18n.t(Msg::Save)}</button>
                    </div>
                </div>
            }
            .into_any()
        }
        None => {
            let query = RwSignal::new(String::new());
            let name = RwSignal::new(String::new());
            let (obj, fid) = (object.clone(), from.clone());
            let results = Memo::new(move |_| {
                let q = query.get();
                if q.trim().is_empty() {
                    return Vec::new();
                }
                store.ws.with(|ws| {
                    let linked: Vec<RecordId> = ws.associated(&fid, &obj).into_iter().map(|a| a.id.clone()).collect();
                    search(ws, &obj, &q, RESULTS + linked.len() + 1)
                        .into_iter()
                        .filter(|r| r.id != fid && !linked.contains(&r.id))
                        .take(RESULTS)
                        .map(|r| (r.id.clone(), record_name(ws, r)))
                        .collect::<Vec<_>>()
                })
            });
            let fid = from.clone();
            let link = move |to: RecordId| {
                let command = Command::Associate { from: fid.clone(), to, labels: chosen.get_untracked() };
                let lang = i18n.lang.get_untracked();
                spawn_local(async move {
                    if run(store, lang, vec![command], error).await {
                        open.set(false);
                    }
                });
            };
            let (obj, fid) = (object.clone(), from.clone());
            let create = move |_| {
                let primary = store.ws.with_untracked(|ws| ws.schema().object(&obj).map(|o| o.primary_property.clone()).unwrap_or_default());
                let command = Command::CreateRecord { object: obj.clone(), values: vec![(primary, name.get_untracked())] };
                let (fid, lang) = (fid.clone(), i18n.lang.get_untracked());
                spawn_local(async move {
                    match store.dispatch(command).await {
                        Ok(commit) => {
                            let Some(to) = commit.subject else { return };
                            if run(store, lang, vec![Command::Associate { from: fid, to, labels: chosen.get_untracked() }], error).await {
                                open.set(false);
                            }
                        }
                        Err(DispatchError::Command(e)) => error.set(Some(problem_text(lang, &e, ""))),
                        Err(_) => error.set(Some(tr(lang, Msg::SaveFailed).to_string())),
                    }
                });
            };
            view! {
                <div class="cairn-form">
                    {labels_fieldset}
                    <div class="cairn-field">
                        <label for="link-search">{move || i18n.t(Msg::SearchByName)}</label>
                        <input id="link-search" type="search" autocomplete="off" prop:value=move || query.get() on:input=move |ev| query.set(event_target_value(&ev))/>
                    </div>
                    <ul class="cairn-link__results" aria-live="polite">
                        {move || {
                            let link = link.clone();
                            if results.with(Vec::is_empty) && !query.with(|q| q.trim().is_empty()) {
                                return view! { <li class="cairn-muted">{i18n.t(Msg::NoMatches)}</li> }.into_any();
                            }
                            results.get().into_iter().map(|(id, label)| {
                                let link = link.clone();
                                view! { <li><button type="button" class="cairn-button cairn-button--small" data-id=id.to_string() on:click=move |_| link(id.clone())>{label}</button></li> }
                            }).collect_view().into_any()
                        }}
                    </ul>
                    <div class="cairn-field">
                        <label for="link-new-name">{move || i18n.t(Msg::RecordName)}</label>
                        <input id="link-new-name" type="text" autocomplete="off" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                    </div>
                    <p class="cairn-field__error" role="alert">{move || error.get()}</p>
                    <div class="cairn-form__actions">
                        <button type="button" class="cairn-button cairn-button--primary" on:click=create>{move || i18n.t(Msg::CreateNew)}</button>
                    </div>
                </div>
            }
            .into_any()
        }
    }
}
