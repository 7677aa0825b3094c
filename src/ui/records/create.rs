//! The create dialog: every editable property, required ones first, errors next to fields.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::dialog::Modal;
use super::field::property_fields;
use crate::core::command::{Command, CommandError};
use crate::core::i18n::{command_problem, Msg};
use crate::core::id::RecordId;
use crate::core::schema::{ObjectDef, PropertyDef, PropertyType, RECORD_ID};
use crate::ui::i18n::use_i18n;
use crate::ui::store::{failure_message, use_store, DispatchError};

/// The properties a person fills in when creating a record, required ones first.
pub(super) fn editable(def: &ObjectDef) -> Vec<PropertyDef> {
    let mut props: Vec<PropertyDef> =
        def.properties.iter().filter(|p| !p.hidden && !p.read_only && p.kind != PropertyType::Calculated && p.name != RECORD_ID).cloned().collect();
    props.sort_by_key(|p| !p.required);
    props
}

#[component]
pub fn CreateDialog(def: ObjectDef, on_close: Callback<()>, on_created: Callback<RecordId>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let props = editable(&def);
    let values: Vec<(String, RwSignal<String>)> = props.iter().map(|p| (p.name.clone(), RwSignal::new(String::new()))).collect();
    let errors = RwSignal::new(None::<CommandError>);
    let failure = RwSignal::new(None::<String>);
    let saving = RwSignal::new(false);
    let owners: Vec<(String, String)> = store.ws.with_untracked(|ws| ws.owners().filter(|o| o.active).map(|o| (o.id.0.clone(), o.name.clone())).collect());
    let object = def.name.clone();

    let inputs: Vec<(PropertyDef, RwSignal<String>)> = props.iter().cloned().zip(values.iter().map(|(_, v)| *v)).collect();
    let target = object.clone();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() {
            return;
        }
        let entered: Vec<(String, String)> =
            inputs.iter().map(|(p, v)| (p.name.clone(), i18n.typed_input(p, &v.get_untracked()))).filter(|(_, v)| !v.trim().is_empty()).collect();
        let object = target.clone();
        saving.set(true);
        spawn_local(async move {
            let result = store.dispatch(Command::CreateRecord { object, values: entered }).await;
            saving.set(false);
            match result {
                Ok(commit) => {
                    if let Some(id) = commit.subject {
                        on_created.run(id);
                    }
                }
                Err(DispatchError::Command(e)) => {
                    failure.set(command_problem(&e).map(|m| i18n.t(m).to_string()));
                    errors.set(Some(e));
                }
                Err(e) => failure.set(Some(format!("{} {}", i18n.t(Msg::SaveFailed), i18n.t(failure_message(&e))))),
            }
        });
    };

    let fields = property_fields(props, &values, errors, &object, &owners);

    view! {
        <Modal title_id="create-title" on_close=on_close class="cairn-modal__dialog--form">
            <form class="cairn-form" novalidate on:submit=on_submit>
                <header class="cairn-modal__header">
                    <h2 id="create-title">{move || i18n.t(Msg::IdxCreateRecord)}" · "{move || i18n.object_label(&def, false)}</h2>
                    <button type="button" class="cairn-icon-button" aria-label=move || i18n.t(Msg::IdxClose) on:click=move |_| on_close.run(())>"×"</button>
                </header>
                <div class="cairn-modal__body">{fields}</div>
                <footer class="cairn-modal__footer">
                    <p class="cairn-form__status cairn-form__status--error" role="alert">{move || failure.get()}</p>
                    <button type="button" class="cairn-button" on:click=move |_| on_close.run(())>{move || i18n.t(Msg::IdxCancel)}</button>
                    <button type="submit" class="cairn-button cairn-button--primary" disabled=move || saving.get()>{move || i18n.t(Msg::Save)}</button>
                </footer>
            </form>
        </Modal>
    }
}
