use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::command::{Command, CommandError};
use crate::core::i18n::{field_problem, Msg};
use crate::ui::i18n::use_i18n;
use crate::ui::store::{failure_message, use_store, DispatchError};

#[derive(Clone, Debug, PartialEq)]
enum SaveState {
    Idle,
    Saving,
    Saved,
    Failed(Msg),
}

const FIELDS: [(&str, Msg, &str); 3] = [("firstname", Msg::FirstName, "text"), ("lastname", Msg::LastName, "text"), ("email", Msg::Email, "email")];

#[component]
pub fn CreateContactForm() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let values: Vec<RwSignal<String>> = FIELDS.iter().map(|_| RwSignal::new(String::new())).collect();
    let errors = RwSignal::new(None::<CommandError>);
    let state = RwSignal::new(SaveState::Idle);

    let inputs = values.clone();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let entered: Vec<(String, String)> = FIELDS.iter().zip(&inputs).map(|((name, _, _), v)| (name.to_string(), v.get_untracked())).collect();
        let inputs = inputs.clone();
        state.set(SaveState::Saving);
        spawn_local(async move {
            match store.dispatch(Command::CreateRecord { object: "contacts".into(), values: entered }).await {
                Ok(_) => {
                    errors.set(None);
                    inputs.iter().for_each(|v| v.set(String::new()));
                    state.set(SaveState::Saved);
                }
                Err(DispatchError::Command(e)) => {
                    errors.set(Some(e));
                    state.set(SaveState::Idle);
                }
                Err(e) => state.set(SaveState::Failed(failure_message(&e))),
            }
        });
    };

    let fields = FIELDS
        .iter()
        .zip(values)
        .map(|((name, label, kind), value)| {
            let id = format!("contact-{name}");
            let error_id = format!("{id}-error");
            let problem = move || errors.with(|e| e.as_ref().and_then(|e| e.field(name)).map(|p| i18n.t(field_problem(p))));
            view! {
                <div class="cairn-field">
                    <label for=id.clone()>{move || i18n.t(*label)}</label>
                    <input
                        id=id
                        name=*name
                        type=*kind
                        autocomplete="off"
                        aria-invalid=move || problem().is_some().to_string()
                        aria-describedby=error_id.clone()
                        prop:value=move || value.get()
                        on:input=move |ev| value.set(event_target_value(&ev))
                    />
                    <p class="cairn-field__error" id=error_id role="alert">{problem}</p>
                </div>
            }
        })
        .collect_view();

    view! {
        <form class="cairn-card cairn-form" novalidate on:submit=on_submit aria-labelledby="create-contact-title">
            <h2 id="create-contact-title">{move || i18n.t(Msg::CreateContact)}</h2>
            {fields}
            <div class="cairn-form__actions">
                <button type="submit" class="cairn-button cairn-button--primary" disabled=move || state.get() == SaveState::Saving>
                    {move || i18n.t(Msg::Save)}
                </button>
                <span class="cairn-form__status" class:cairn-form__status--error=move || matches!(state.get(), SaveState::Failed(_)) role="status">
                    {move || match state.get() {
                        SaveState::Idle => String::new(),
                        SaveState::Saving => i18n.t(Msg::Saving).to_string(),
                        SaveState::Saved => i18n.t(Msg::Saved).to_string(),
                        SaveState::Failed(why) => format!("{} {}", i18n.t(Msg::SaveFailed), i18n.t(why)),
                    }}
                </span>
            </div>
        </form>
    }
}
