//! Settings › Owners: the people records are assigned to. Add, edit, deactivate and
//! reactivate; owners are never deleted so that records keep a readable owner.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::errors::error_text;
use super::fields::TextField;
use super::frame::SettingsFrame;
use crate::core::command::{Command, CommandError};
use crate::core::i18n::{owner_error, tr, Msg};
use crate::core::owner::{Owner, OwnerEdit, OwnerError, OwnerId, OwnerPatch};
use crate::ui::i18n::use_i18n;
use crate::ui::record::modal::Modal;
use crate::ui::store::{use_store, DispatchError};

/// Which input an owner error belongs to; `None` for the form as a whole.
fn owner_field(error: &DispatchError) -> Option<&'static str> {
    match error {
        DispatchError::Command(CommandError::Owner(OwnerError::EmptyName)) => Some("name"),
        DispatchError::Command(CommandError::Owner(OwnerError::InvalidEmail | OwnerError::EmailTaken(_))) => Some("email"),
        _ => None,
    }
}

/// The name, email and team inputs; `existing` edits that owner, else a new one is added.
#[component]
fn OwnerForm(existing: Option<Owner>, #[prop(into)] prefix: String, on_done: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let name = RwSignal::new(existing.as_ref().map(|o| o.name.clone()).unwrap_or_default());
    let email = RwSignal::new(existing.as_ref().map(|o| o.email.clone()).unwrap_or_default());
    let team = RwSignal::new(existing.as_ref().and_then(|o| o.team.clone()).unwrap_or_default());
    let error = RwSignal::new(None::<DispatchError>);
    let id = existing.map(|o| o.id);
    let creating = id.is_none();
    let problem = move |field: &'static str| {
        Signal::derive(move || {
            error.with(|e| {
                let e = e.as_ref()?;
                (owner_field(e) == Some(field)).then(|| match e {
                    DispatchError::Command(CommandError::Owner(o)) => tr(i18n.lang.get(), owner_error(o)).to_string(),
                    other => error_text(i18n.lang.get(), other),
                })
            })
        })
    };
    let general = move || error.with(|e| e.as_ref().filter(|e| owner_field(e).is_none()).map(|e| error_text(i18n.lang.get(), e)));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let team_text = team.get_untracked().trim().to_string();
        let team_value = (!team_text.is_empty()).then_some(team_text);
        let edit = match &id {
            None => OwnerEdit::Create { name: name.get_untracked(), email: email.get_untracked(), team: team_value },
            Some(id) => OwnerEdit::Update {
                id: id.clone(),
                patch: OwnerPatch { name: Some(name.get_untracked()), email: Some(email.get_untracked()), team: Some(team_value) },
            },
        };
        spawn_local(async move {
            match store.dispatch(Command::EditOwner(edit)).await {
                Ok(_) => {
                    error.set(None);
                    if creating {
                        name.set(String::new());
                        email.set(String::new());
                        team.set(String::new());
                    }
                    on_done.run(());
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <form class="cairn-form cairn-settings__inline cairn-settings__owner-form" novalidate on:submit=submit>
            <TextField label=Msg::SetOwnerName id=format!("{prefix}-name") value=name problem=problem("name")/>
            <TextField label=Msg::Email id=format!("{prefix}-email") value=email problem=problem("email") input_type="email"/>
            <TextField label=Msg::SetTeam id=format!("{prefix}-team") value=team/>
            <button type="submit" class="cairn-button cairn-button--primary">{move || i18n.t(if creating { Msg::SetAddOwner } else { Msg::Save })}</button>
            <p class="cairn-form__status cairn-form__status--error" role="alert">{general}</p>
        </form>
    }
}

#[component]
pub fn OwnersSettings() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let owners = Memo::new(move |_| {
        store.ws.with(|ws| {
            let mut all: Vec<Owner> = ws.owners().cloned().collect();
            all.sort_by(|a, b| (!a.active, a.name.to_lowercase()).cmp(&(!b.active, b.name.to_lowercase())));
            all
        })
    });
    let editing = RwSignal::new(false);
    let edited = RwSignal::new(None::<Owner>);
    let failure = RwSignal::new(None::<String>);
    let set_active = move |id: OwnerId, active: bool| {
        let edit = if active { OwnerEdit::Reactivate { id } } else { OwnerEdit::Deactivate { id } };
        spawn_local(async move {
            let result = store.dispatch(Command::EditOwner(edit)).await;
            failure.set(result.err().map(|e| error_text(i18n.lang.get_untracked(), &e)));
        });
    };
    let row = move |o: Owner| {
        let (id, active, name) = (o.id.clone(), o.active, o.name.clone());
        let named = move |msg: Msg| format!("{} · {}", i18n.t(msg), name);
        let owner = o.clone();
        view! {
            <tr data-owner=o.id.to_string() class:cairn-settings__row--inactive=!active>
                <th scope="row">{o.name.clone()}</th>
                <td>{o.email.clone()}</td>
                <td>{o.team.clone().unwrap_or_default()}</td>
                <td>{move || i18n.t(if active { Msg::SetActive } else { Msg::SetInactive })}</td>
                <td class="cairn-settings__actions">
                    <button type="button" class="cairn-button cairn-button--small" aria-label={let named = named.clone(); move || named(Msg::Edit)}
                        on:click=move |_| { edited.set(Some(owner.clone())); editing.set(true); }>
                        {move || i18n.t(Msg::Edit)}
                    </button>
                    <button type="button" class="cairn-button cairn-button--small" aria-label=move || named(if active { Msg::SetDeactivate } else { Msg::SetReactivate })
                        on:click=move |_| set_active(id.clone(), !active)>
                        {move || i18n.t(if active { Msg::SetDeactivate } else { Msg::SetReactivate })}
                    </button>
                </td>
            </tr>
        }
    };
    view! {
        <SettingsFrame>
            <h1>{move || i18n.t(Msg::SetOwners)}</h1>
            <section class="cairn-card cairn-settings__section">
                <h2>{move || i18n.t(Msg::SetAddOwner)}</h2>
                <OwnerForm existing=None prefix="new-owner" on_done=Callback::new(|_| ())/>
            </section>
            <p class="cairn-form__status cairn-form__status--error" role="alert">{move || failure.get()}</p>
            <Show when=move || !owners.with(Vec::is_empty) fallback=move || view! { <p class="cairn-empty">{move || i18n.t(Msg::SetNoOwners)}</p> }>
                <div class="cairn-table__scroll">
                    <table class="cairn-table cairn-settings__table">
                        <thead>
                            <tr>
                                <th scope="col">{move || i18n.t(Msg::SetOwnerName)}</th>
                                <th scope="col">{move || i18n.t(Msg::Email)}</th>
                                <th scope="col">{move || i18n.t(Msg::SetTeam)}</th>
                                <th scope="col">{move || i18n.t(Msg::SetColStatus)}</th>
                                <th scope="col"><span class="cairn-visually-hidden">{move || i18n.t(Msg::Actions)}</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            <For each=move || owners.get() key=|o| format!("{:?}", o) children=row/>
                        </tbody>
                    </table>
                </div>
            </Show>
            <Modal open=editing title=Msg::SetEditOwner id="edit-owner">
                <OwnerForm existing=edited.get_untracked() prefix="edit-owner" on_done=Callback::new(move |_| editing.set(false))/>
            </Modal>
        </SettingsFrame>
    }
}
