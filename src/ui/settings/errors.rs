//! A refused settings command in the user's language, and the records a refusal names
//! listed as links to them.

use leptos::prelude::*;

use crate::core::command::CommandError;
use crate::core::i18n::{command_problem, field_problem, schema_error, tr, Lang, Msg};
use crate::core::schema::SchemaError;
use crate::core::settings::{refused_records, RefusedRecord};
use crate::ui::app::Base;
use crate::ui::i18n::use_i18n;
use crate::ui::store::{failure_message, use_store, DispatchError};

/// One sentence saying why a command was not carried out.
pub fn error_text(lang: Lang, error: &DispatchError) -> String {
    match error {
        DispatchError::Command(CommandError::Schema(e)) => schema_error(lang, e),
        DispatchError::Command(CommandError::Fields(fields)) => {
            fields.iter().map(|f| tr(lang, field_problem(&f.problem))).collect::<Vec<_>>().join(" ")
        }
        DispatchError::Command(e) => tr(lang, command_problem(e).unwrap_or(Msg::SaveFailed)).to_string(),
        other => format!("{} {}", tr(lang, Msg::SaveFailed), tr(lang, failure_message(other))),
    }
}

/// The records a refused schema edit names, if it names any.
pub fn refused_by(error: &DispatchError) -> Vec<crate::core::id::RecordId> {
    match error {
        DispatchError::Command(CommandError::Schema(SchemaError::ValuesRefused(ids) | SchemaError::DuplicateValues(ids))) => ids.clone(),
        _ => Vec::new(),
    }
}

/// The error of a form and, below it, the records it names as links.
#[component]
pub fn CommandProblem(error: RwSignal<Option<DispatchError>>, #[prop(into)] id: String) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let base = expect_context::<Base>();
    let text = move || error.with(|e| e.as_ref().map(|e| error_text(i18n.lang.get(), e)));
    let records = move || {
        let ids = error.with(|e| e.as_ref().map(refused_by).unwrap_or_default());
        store.ws.with_untracked(|ws| refused_records(ws, &ids))
    };
    view! {
        <div class="cairn-settings__problem" id=id role="alert">
            <p class="cairn-field__error">{text}</p>
            <Show when=move || !records().is_empty()>
                <p class="cairn-muted">{move || i18n.t(Msg::SetRefusedList)}</p>
                <ul class="cairn-settings__refused">
                    <For each=records key=|r: &RefusedRecord| r.id.clone() children={
                        let base = base.clone();
                        move |r: RefusedRecord| view! { <li><a href=base.href(&format!("/objects/{}/{}", r.object, r.id))>{r.name}</a></li> }
                    }/>
                </ul>
            </Show>
        </div>
    }
}
