//! "Enroll in a workflow" on the record page.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::command::Command;
use crate::core::i18n::Msg;
use crate::core::id::RecordId;
use crate::core::workflow::AutomationCommand;
use crate::ui::i18n::use_i18n;
use crate::ui::store::use_store;

use super::failure_text;

#[component]
pub fn EnrollControl(id: RecordId, object: String) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let workflows = Memo::new(move |_| {
        store.ws.with(|ws| ws.automation().workflows().filter(|w| w.object == object).map(|w| (w.id.to_string(), w.name.clone())).collect::<Vec<_>>())
    });
    let chosen = RwSignal::new(String::new());
    let status = RwSignal::new(None::<String>);
    let enroll = move |_| {
        let pick = chosen.get_untracked();
        let workflow = workflows.with_untracked(|list| list.iter().find(|(w, _)| *w == pick).or(list.first()).map(|(w, _)| RecordId::from(w.as_str())));
        let Some(workflow) = workflow else { return };
        let command = Command::Automation(AutomationCommand::Enroll { workflow, record: id.clone() });
        spawn_local(async move {
            match store.dispatch(command).await {
                Ok(_) => status.set(Some(i18n.t(Msg::WfEnrolledOk).to_string())),
                Err(e) => status.set(Some(failure_text(i18n, &e))),
            }
        });
    };
    view! {
        <div class="cairn-enroll" hidden=move || workflows.with(Vec::is_empty)>
            <label class="cairn-enroll__label" for="enroll-workflow">{move || i18n.t(Msg::WfEnrollIn)}</label>
            <select id="enroll-workflow" on:change=move |ev| chosen.set(event_target_value(&ev))>
                {move || workflows.get().into_iter().map(|(value, name)| view! { <option value=value>{name}</option> }).collect_view()}
            </select>
            <button type="button" class="cairn-button" on:click=enroll>{move || i18n.t(Msg::WfEnroll)}</button>
            <span class="cairn-form__status" role="status">{move || status.get()}</span>
        </div>
    }
}
