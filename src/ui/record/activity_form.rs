//! The form that logs an activity (note, call, email, meeting or task) on a record.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::command::{Command, CommandError};
use crate::core::i18n::{Msg, tr};
use crate::core::id::RecordId;
use crate::core::record_card::{activity_body, from_local_input, local_input};
use crate::core::schema::ACTIVITY_TIMESTAMP;
use crate::ui::i18n::use_i18n;
use crate::ui::store::{failure_message, now, use_store, DispatchError};

use super::properties::problem_text;
use super::utc_offset;

const TASK_TITLE: &str = "hs_task_subject";

#[component]
pub fn ActivityForm(target: RecordId, object: &'static str, open: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let is_task = object == "tasks";
    let title = RwSignal::new(String::new());
    let body = RwSignal::new(String::new());
    let when = RwSignal::new(local_input(now(), utc_offset()));
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let mut values = Vec::new();
        if is_task {
            values.push((TASK_TITLE.to_string(), title.get_untracked()));
        }
        if let Some(prop) = activity_body(object) {
            values.push((prop.to_string(), body.get_untracked()));
        }
        // An unreadable date goes to the core as typed, so its error shows on the field.
        let raw = when.get_untracked();
        values.push((ACTIVITY_TIMESTAMP.to_string(), from_local_input(&raw, utc_offset()).unwrap_or(raw)));
        let target = target.clone();
        busy.set(true);
        spawn_local(async move {
            let lang = i18n.lang.get_untracked();
            let result = match store.dispatch(Command::CreateRecord { object: object.into(), values }).await {
                Ok(commit) => match commit.subject {
                    Some(activity) => match store.dispatch(Command::Associate { from: activity.clone(), to: target, labels: Vec::new() }).await {
                        Ok(_) => Ok(()),
                        Err(e) => {
                            // Do not leave an activity that appears on no timeline.
                            let _ = store.dispatch(Command::DeleteRecord { id: activity }).await;
                            Err(e)
                        }
                    },
                    None => Ok(()),
                },
                Err(e) => Err(e),
            };
            busy.set(false);
            match result {
                Ok(()) => open.set(false),
                Err(DispatchError::Command(e)) => error.set(Some(describe(lang, &e, is_task))),
                Err(e) => error.set(Some(format!("{} {}", tr(lang, Msg::SaveFailed), tr(lang, failure_message(&e))))),
            }
        });
    };
    view! {
        <form class="cairn-form" novalidate on:submit=on_submit>
            {is_task.then(|| view! {
                <div class="cairn-field">
                    <label for="activity-title">{move || i18n.t(Msg::TaskTitle)}</label>
                    <input id="activity-title" type="text" autocomplete="off" prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev))/>
                </div>
            })}
            <div class="cairn-field">
                <label for="activity-body">{move || i18n.t(Msg::ActivityDetails)}</label>
                <textarea id="activity-body" rows="4" prop:value=move || body.get() on:input=move |ev| body.set(event_target_value(&ev))></textarea>
            </div>
            <div class="cairn-field">
                <label for="activity-when">{move || i18n.t(Msg::ActivityWhen)}</label>
                <input id="activity-when" type="datetime-local" prop:value=move || when.get() on:input=move |ev| when.set(event_target_value(&ev))/>
            </div>
            <p class="cairn-field__error" role="alert">{move || error.get()}</p>
            <div class="cairn-form__actions">
                <button type="submit" class="cairn-button cairn-button--primary" disabled=move || busy.get()>{move || i18n.t(Msg::Save)}</button>
                <button type="button" class="cairn-button" on:click=move |_| open.set(false)>{move || i18n.t(Msg::Cancel)}</button>
            </div>
        </form>
    }
}

/// The first problem of a refused activity, with the field it concerns.
fn describe(lang: crate::core::i18n::Lang, e: &CommandError, is_task: bool) -> String {
    let field = match e {
        CommandError::Fields(errs) => errs.first().map(|f| f.property.clone()).unwrap_or_default(),
        _ => String::new(),
    };
    let label = match field.as_str() {
        TASK_TITLE if is_task => format!("{}: ", tr(lang, Msg::TaskTitle)),
        ACTIVITY_TIMESTAMP => format!("{}: ", tr(lang, Msg::ActivityWhen)),
        "" => String::new(),
        _ => format!("{}: ", tr(lang, Msg::ActivityDetails)),
    };
    format!("{label}{}", problem_text(lang, e, &field))
}
