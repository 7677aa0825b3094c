//! The dialog that asks for a stage's required properties when a move was refused for
//! lacking them; saving sends the values and the move as one update.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::core::command::CommandError;
use crate::core::i18n::Msg;
use crate::core::id::RecordId;
use crate::ui::i18n::use_i18n;
use crate::ui::records::dialog::Modal;
use crate::ui::records::field::property_fields;
use crate::ui::store::use_store;

/// A refused move waiting for the properties its stage requires.
#[derive(Clone, Debug, PartialEq)]
pub struct Ask {
    pub id: RecordId,
    pub stage: String,
    pub stage_label: String,
    pub properties: Vec<String>,
}

#[component]
pub fn RequiredDialog(ask: Ask, object: String, on_close: Callback<()>, on_save: Callback<(RecordId, String, Vec<(String, String)>)>, errors: RwSignal<Option<CommandError>>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let props = store.ws.with_untracked(|ws| {
        let def = ws.schema().object(&object).cloned();
        ask.properties.iter().filter_map(|p| def.as_ref().and_then(|d| d.property(p)).cloned()).collect::<Vec<_>>()
    });
    let owners: Vec<(String, String)> = store.ws.with_untracked(|ws| ws.owners().filter(|o| o.active).map(|o| (o.id.0.clone(), o.name.clone())).collect());
    let values: Vec<(String, RwSignal<String>)> = props.iter().map(|p| (p.name.clone(), RwSignal::new(String::new()))).collect();
    let inputs = values.clone();
    let (id, stage) = (ask.id.clone(), ask.stage.clone());
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let entered = inputs.iter().map(|(n, v)| (n.clone(), v.get_untracked())).filter(|(_, v)| !v.trim().is_empty()).collect();
        on_save.run((id.clone(), stage.clone(), entered));
    };
    let fields = property_fields(props, &values, errors, &object, &owners);
    view! {
        <Modal title_id="board-required-title" on_close=on_close class="cairn-modal__dialog--form">
            <form class="cairn-form" novalidate on:submit=on_submit data-testid="board-required">
                <header class="cairn-modal__header">
                    <h2 id="board-required-title">{move || i18n.t(Msg::BoardRequiredTitle)}" · "{ask.stage_label.clone()}</h2>
                    <button type="button" class="cairn-icon-button" aria-label=move || i18n.t(Msg::IdxClose) on:click=move |_| on_close.run(())>"×"</button>
                </header>
                <div class="cairn-modal__body">{fields}</div>
                <footer class="cairn-modal__footer">
                    <button type="button" class="cairn-button" on:click=move |_| on_close.run(())>{move || i18n.t(Msg::IdxCancel)}</button>
                    <button type="submit" class="cairn-button cairn-button--primary">{move || i18n.t(Msg::BoardMove)}</button>
                </footer>
            </form>
        </Modal>
    }
}
