//! Actions on the selected records: edit one property for all of them (one command, all or
//! nothing, with the list of refused records), and add them to or remove them from a static
//! segment.

use std::collections::HashSet;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::create::editable;
use super::delete::Toast;
use super::dialog::Modal;
use super::field::PropertyField;
use crate::core::command::{Command, CommandError};
use crate::core::i18n::{command_problem, field_problem, Msg};
use crate::core::id::RecordId;
use crate::core::schema::ObjectDef;
use crate::core::segment::{segments_of, SegmentEdit};
use crate::ui::i18n::use_i18n;
use crate::ui::store::{failure_message, use_store, DispatchError};

/// Why one record refused, as a message.
fn reason(error: &CommandError) -> Msg {
    match error {
        CommandError::Fields(fields) => fields.first().map(|f| field_problem(&f.problem)).unwrap_or(Msg::IdxActionFailed),
        other => command_problem(other).unwrap_or(Msg::IdxActionFailed),
    }
}

#[component]
pub fn BulkEditDialog(def: ObjectDef, selected: RwSignal<HashSet<RecordId>>, toast: RwSignal<Option<Toast>>, on_close: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let props = StoredValue::new(editable(&def));
    let property = RwSignal::new(props.with_value(|p| p.first().map(|p| p.name.clone())).unwrap_or_default());
    let value = RwSignal::new(String::new());
    let refused = RwSignal::new(Vec::<(String, Msg)>::new());
    let failure = RwSignal::new(None::<Msg>);
    let busy = RwSignal::new(false);
    let owners: Vec<(String, String)> = store.ws.with_untracked(|ws| ws.owners().filter(|o| o.active).map(|o| (o.id.0.clone(), o.name.clone())).collect());
    let primary = def.primary_property.clone();
    let object = def.name.clone();
    let object_name = object.clone();
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let mut ids: Vec<RecordId> = selected.get_untracked().into_iter().collect();
        ids.sort();
        let values = vec![(property.get_untracked(), value.get_untracked())];
        let primary = primary.clone();
        busy.set(true);
        spawn_local(async move {
            let result = store.dispatch(Command::UpdateRecords { ids, values }).await;
            busy.set(false);
            match result {
                Ok(_) => {
                    toast.set(Some(Toast { msg: Msg::BulkEdited, undo: 1 }));
                    on_close.run(());
                }
                Err(DispatchError::Command(CommandError::Refused(list))) => {
                    let named = store.ws.with_untracked(|ws| {
                        list.iter()
                            .map(|(id, e)| (ws.record(id).map(|r| r.text(&primary)).filter(|t| !t.is_empty()).unwrap_or_else(|| format!("#{id}")), reason(e)))
                            .collect()
                    });
                    failure.set(Some(Msg::ErrBulkRefused));
                    refused.set(named);
                }
                Err(e) => failure.set(Some(failure_message(&e))),
            }
        });
    };
    let field = move || {
        let name = property.get();
        let prop = props.with_value(|p| p.iter().find(|p| p.name == name).cloned())?;
        value.set(String::new());
        refused.set(Vec::new());
        failure.set(None);
        Some(view! { <PropertyField prop=prop value=value problem=Signal::derive(|| None) object=object.clone() owners=owners.clone()/> })
    };
    view! {
        <Modal title_id="bulk-title" on_close=on_close>
            <form on:submit=submit>
                <header class="cairn-modal__header">
                    <h2 id="bulk-title">{move || i18n.t(Msg::BulkEditTitle)}</h2>
                </header>
                <div class="cairn-modal__body">
                    <p class="cairn-muted">{move || i18n.count(crate::core::i18n::Counted::Selected, selected.with(HashSet::len))}</p>
                    <div class="cairn-field">
                        <label for="bulk-property">{move || i18n.t(Msg::FilterProperty)}</label>
                        <select id="bulk-property" autofocus prop:value=move || property.get() on:change=move |ev| property.set(event_target_value(&ev))>
                            {move || props.get_value().into_iter().map(|p| { let label = i18n.prop_label(&object_name, &p); view! { <option value=p.name>{label}</option> } }).collect_view()}
                        </select>
                    </div>
                    {field}
                    {move || failure.get().map(|m| view! { <p class="cairn-form__status cairn-form__status--error" role="alert">{i18n.t(m)}</p> })}
                    <Show when=move || refused.with(|r| !r.is_empty())>
                        <h3 class="cairn-bulk__refused-title">{move || i18n.t(Msg::BulkRefusedList)}</h3>
                        <ul class="cairn-bulk__refused" data-testid="bulk-refused">
                            {move || refused.get().into_iter().map(|(name, msg)| view! { <li><strong>{name}</strong>": "{i18n.t(msg)}</li> }).collect_view()}
                        </ul>
                    </Show>
                </div>
                <footer class="cairn-modal__footer">
                    <button type="button" class="cairn-button" on:click=move |_| on_close.run(())>{move || i18n.t(Msg::IdxCancel)}</button>
                    <button type="submit" class="cairn-button cairn-button--primary" disabled=move || busy.get()>{move || i18n.t(Msg::BulkEditApply)}</button>
                </footer>
            </form>
        </Modal>
    }
}

/// A static segment chooser with "Add to segment" and "Remove from segment" for the selection.
#[component]
pub fn SegmentActions(object: String, selected: RwSignal<HashSet<RecordId>>, toast: RwSignal<Option<Toast>>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let obj = object.clone();
    let statics = Memo::new(move |_| {
        store.ws.with(|ws| segments_of(ws.segments(), &obj).into_iter().filter(|s| !s.is_active()).map(|s| (s.id.to_string(), s.name.clone())).collect::<Vec<_>>())
    });
    let chosen = RwSignal::new(String::new());
    let run = move |add: bool| {
        let id = chosen.get_untracked();
        let id = if id.is_empty() { statics.with_untracked(|s| s.first().map(|(id, _)| id.clone())).unwrap_or_default() } else { id };
        if id.is_empty() {
            return;
        }
        let id = RecordId::from(id.as_str());
        let records: Vec<RecordId> = selected.get_untracked().into_iter().collect();
        let edit = if add { SegmentEdit::AddMembers { id, records } } else { SegmentEdit::RemoveMembers { id, records } };
        spawn_local(async move {
            let msg = match store.dispatch(Command::EditSegment(edit)).await {
                Ok(_) if add => Msg::SegAdded,
                Ok(_) => Msg::SegRemoved,
                Err(DispatchError::Command(e)) => command_problem(&e).unwrap_or(Msg::IdxActionFailed),
                Err(e) => failure_message(&e),
            };
            toast.set(Some(Toast { msg, undo: 0 }));
        });
    };
    view! {
        <Show when=move || statics.with(|s| !s.is_empty())>
            <span class="cairn-records__segment">
                <label class="cairn-visually-hidden" for="bulk-segment">{move || i18n.t(Msg::SegChoose)}</label>
                <select id="bulk-segment" prop:value=move || chosen.get() on:change=move |ev| chosen.set(event_target_value(&ev))>
                    {move || statics.get().into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                </select>
                <button type="button" class="cairn-button cairn-button--small" on:click=move |_| run(true)>{move || i18n.t(Msg::BulkAddToSegment)}</button>
                <button type="button" class="cairn-button cairn-button--small" on:click=move |_| run(false)>{move || i18n.t(Msg::BulkRemoveFromSegment)}</button>
            </span>
        </Show>
    }
}
