//! Adding a label to an association definition: one text (a single label) or one per side
//! (a paired label such as Manager / Employee), each with an optional limit.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::errors::error_text;
use super::fields::TextField;
use crate::core::association::AssociationDef;
use crate::core::command::Command;
use crate::core::i18n::{association_problem, Msg};
use crate::core::settings::{add_label, parse_limit, LabelDraft};
use crate::ui::i18n::use_i18n;
use crate::ui::store::use_store;

/// `key` makes the inputs' ids unique per definition; `a_label`/`b_label` name the sides.
#[component]
pub fn LabelForm(def: AssociationDef, #[prop(into)] key: String, a_label: String, b_label: String) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let (a_text, b_text, a_max, b_max) = (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()));
    let failure = RwSignal::new(None::<String>);
    let bad_limit = |raw: RwSignal<String>| Signal::derive(move || raw.with(|r| parse_limit(r).is_err()).then(|| i18n.t(Msg::ErrNumber).to_string()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Ok(a), Ok(b)) = (parse_limit(&a_max.get_untracked()), parse_limit(&b_max.get_untracked())) else { return };
        let draft = LabelDraft { a_text: a_text.get_untracked(), b_text: b_text.get_untracked(), a_max: a, b_max: b };
        let next = match store.ws.with_untracked(|ws| add_label(&def, &draft, ws.schema())) {
            Ok(next) => next,
            Err(e) => {
                failure.set(Some(i18n.t(association_problem(&e)).to_string()));
                return;
            }
        };
        spawn_local(async move {
            // A saved label re-renders the page's cards, this form included: its signals may
            // be gone by now, hence `try_set`.
            match store.dispatch(Command::DefineAssociation(next)).await {
                Ok(_) => {
                    failure.try_set(None);
                    for s in [a_text, b_text, a_max, b_max] {
                        s.try_set(String::new());
                    }
                }
                Err(e) => {
                    failure.try_set(Some(error_text(i18n.lang.get_untracked(), &e)));
                }
            }
        });
    };
    let (a_seen, b_seen) = (format!("{} {a_label}", i18n.t(Msg::SetSeenFrom)), format!("{} {b_label}", i18n.t(Msg::SetSeenFrom)));
    view! {
        <form class="cairn-form cairn-settings__label-form" novalidate on:submit=submit>
            <h3>{move || i18n.t(Msg::SetAddLabel)}</h3>
            <p class="cairn-muted cairn-settings__hint">{a_seen.clone()}</p>
            <div class="cairn-settings__inline">
                <TextField label=Msg::SetColLabel id=format!("{key}-a-text") suffix=a_label.clone() value=a_text/>
                <TextField label=Msg::SetLimit id=format!("{key}-a-max") suffix=a_label.clone() value=a_max problem=bad_limit(a_max) input_type="number"/>
            </div>
            <p class="cairn-muted cairn-settings__hint">{b_seen.clone()}</p>
            <div class="cairn-settings__inline">
                <TextField label=Msg::SetColLabel id=format!("{key}-b-text") suffix=b_label.clone() value=b_text hint=Msg::SetPairedHint/>
                <TextField label=Msg::SetLimit id=format!("{key}-b-max") suffix=b_label.clone() value=b_max problem=bad_limit(b_max) input_type="number"/>
            </div>
            <p class="cairn-form__status cairn-form__status--error" role="alert">{move || failure.get()}</p>
            <button type="submit" class="cairn-button">{move || i18n.t(Msg::SetAddLabel)}</button>
        </form>
    }
}
