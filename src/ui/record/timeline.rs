//! The middle column: the record's activities, filtered by type, and the buttons that log new ones.

use leptos::prelude::*;

use crate::core::i18n::Msg;
use crate::core::id::RecordId;
use crate::core::record_card::record_name;
use crate::core::timeline::timeline;
use crate::ui::i18n::use_i18n;
use crate::ui::store::use_store;

use super::activity_form::ActivityForm;
use super::modal::Modal;

/// Tabs: their label and the activity objects they keep (empty keeps all).
const TABS: [(Msg, &str); 6] = [
    (Msg::TabAll, ""),
    (Msg::TabNotes, "notes"),
    (Msg::TabEmails, "emails"),
    (Msg::TabCalls, "calls"),
    (Msg::TabTasks, "tasks"),
    (Msg::TabMeetings, "meetings"),
];

/// The create buttons: label and activity object.
const CREATE: [(Msg, &str); 5] = [
    (Msg::CreateNote, "notes"),
    (Msg::LogEmail, "emails"),
    (Msg::LogCall, "calls"),
    (Msg::CreateTask, "tasks"),
    (Msg::LogMeeting, "meetings"),
];

fn type_msg(object: &str) -> Msg {
    TABS.iter().find(|(_, o)| *o == object).map(|(m, _)| *m).unwrap_or(Msg::Activity)
}

#[component]
pub fn TimelinePanel(id: RecordId) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let tab = RwSignal::new(0usize);
    let creating = RwSignal::new(None::<(Msg, &'static str)>);
    let dialog_open = RwSignal::new(false);
    let rid = id.clone();
    let entries = Memo::new(move |_| {
        let types: Vec<&str> = match TABS[tab.get()].1 {
            "" => Vec::new(),
            one => vec![one],
        };
        store.ws.with(|ws| {
            timeline(ws, &rid, &types)
                .into_iter()
                .filter_map(|e| Some((e.id.clone(), e.object.clone(), e.at, record_name(ws, ws.record(&e.id)?))))
                .collect::<Vec<_>>()
        })
    });
    let tabs = TABS
        .iter()
        .enumerate()
        .map(|(i, (msg, _))| {
            let msg = *msg;
            view! {
                <button type="button" role="tab" id=format!("timeline-tab-{i}") class="cairn-tabs__tab" aria-selected=move || (tab.get() == i).to_string()
                    aria-controls="timeline-panel" tabindex=move || if tab.get() == i { "0" } else { "-1" } on:click=move |_| tab.set(i)
                    on:keydown=move |ev: web_sys::KeyboardEvent| {
                        let next = match ev.key().as_str() { "ArrowRight" => (i + 1) % TABS.len(), "ArrowLeft" => (i + TABS.len() - 1) % TABS.len(), _ => return };
                        tab.set(next);
                        if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(&format!("timeline-tab-{next}"))) {
                            use wasm_bindgen::JsCast;
                            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() { let _ = el.focus(); }
                        }
                    }>
                    {move || i18n.t(msg)}
                </button>
            }
        })
        .collect_view();
    let buttons = CREATE
        .iter()
        .map(|(msg, object)| {
            let (msg, object) = (*msg, *object);
            view! {
                <button type="button" class="cairn-button cairn-button--small" on:click=move |_| { creating.set(Some((msg, object))); dialog_open.set(true); }>
                    {move || i18n.t(msg)}
                </button>
            }
        })
        .collect_view();
    let rid = id.clone();
    view! {
        <section class="cairn-record__column cairn-record__timeline cairn-card" aria-labelledby="record-activity">
            <h2 id="record-activity">{move || i18n.t(Msg::Activity)}</h2>
            <div class="cairn-record__actions">{buttons}</div>
            <div class="cairn-tabs" role="tablist" aria-labelledby="record-activity">{tabs}</div>
            <div id="timeline-panel" role="tabpanel" aria-labelledby=move || format!("timeline-tab-{}", tab.get())>
                <Show when=move || entries.with(|e| !e.is_empty()) fallback=move || view! { <p class="cairn-muted">{move || i18n.t(Msg::NoActivity)}</p> }>
                    <ol class="cairn-timeline">
                        {move || entries.get().into_iter().map(|(id, object, at, name)| {
                            let fallback = type_msg(&object);
                            // One activity is named by its object's singular ("Task", "Tâche").
                            let kind_object = object.clone();
                            let kind = move || store.ws.with(|ws| ws.schema().object(&kind_object).map(|o| i18n.object_label(o, false))).unwrap_or_else(|| i18n.t(fallback).to_string());
                            view! {
                            <li class="cairn-timeline__entry" data-id=id.to_string() data-object=object>
                                <p class="cairn-timeline__meta">
                                    <strong>{kind}</strong>
                                    <span class="cairn-muted">{format!(" · {}", i18n.instant(at))}</span>
                                </p>
                                <p class="cairn-timeline__text">{name}</p>
                            </li>
                        }}).collect_view()}
                    </ol>
                </Show>
            </div>
            {move || creating.get().map(|(msg, object)| {
                let rid = rid.clone();
                view! {
                    <Modal open=dialog_open title=msg id="activity-dialog">
                        <ActivityForm target=rid.clone() object=object open=dialog_open/>
                    </Modal>
                }
            })}
        </section>
    }
}
