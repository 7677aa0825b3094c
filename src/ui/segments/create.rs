//! Creating a segment from an index page: an active one from the table's filters, or a
//! static one holding the selected records (or, without a selection, every record shown).

use std::collections::{BTreeSet, HashSet};

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::command::{Command, CommandError};
use crate::core::i18n::{command_problem, Msg};
use crate::core::id::RecordId;
use crate::core::query::{run, Filter, Page, Query};
use crate::core::segment::{Rule, SegmentEdit};
use crate::ui::i18n::use_i18n;
use crate::ui::records::dialog::Modal;
use crate::ui::store::{failure_message, now, use_store, DispatchError};

#[component]
pub fn CreateSegmentDialog(object: String, filter: Signal<Filter>, selected: RwSignal<HashSet<RecordId>>, on_close: Callback<()>, on_created: Callback<Msg>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let name = RwSignal::new(String::new());
    let active = RwSignal::new(true);
    let error = RwSignal::new(None::<Msg>);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let rule = if active.get_untracked() {
            Rule::Active { filter: filter.get_untracked() }
        } else {
            let picked = selected.get_untracked();
            let members: BTreeSet<RecordId> = if picked.is_empty() {
                let query = Query { object: object.clone(), filter: filter.get_untracked(), sort: None };
                store.ws.with_untracked(|ws| run(ws, &query, Page::first(usize::MAX), now()).map(|r| r.records.iter().map(|r| r.id.clone()).collect()).unwrap_or_default())
            } else {
                picked.into_iter().collect()
            };
            Rule::Static { members }
        };
        let edit = SegmentEdit::Create { object: object.clone(), name: name.get_untracked(), rule };
        spawn_local(async move {
            match store.dispatch(Command::EditSegment(edit)).await {
                Ok(_) => on_created.run(Msg::SegCreated),
                Err(DispatchError::Command(e @ CommandError::Segment(_))) => error.set(command_problem(&e)),
                Err(e) => error.set(Some(failure_message(&e))),
            }
        });
    };
    view! {
        <Modal title_id="segment-title" on_close=on_close>
            <form on:submit=submit>
                <header class="cairn-modal__header">
                    <h2 id="segment-title">{move || i18n.t(Msg::SegCreate)}</h2>
                </header>
                <div class="cairn-modal__body">
                    <div class="cairn-field">
                        <label for="segment-name">{move || i18n.t(Msg::SegName)}</label>
                        <input id="segment-name" type="text" autocomplete="off" autofocus prop:value=move || name.get()
                            on:input=move |ev| name.set(event_target_value(&ev)) aria-describedby="segment-name-error"/>
                        <p id="segment-name-error" class="cairn-field__error" role="alert">{move || error.get().map(|m| i18n.t(m))}</p>
                    </div>
                    <fieldset class="cairn-field cairn-field--group">
                        <legend>{move || i18n.t(Msg::SegKind)}</legend>
                        <label class="cairn-field__choice">
                            <input type="radio" name="segment-kind" prop:checked=move || active.get() on:change=move |_| active.set(true)/>
                            {move || i18n.t(Msg::SegActive)}
                        </label>
                        <p class="cairn-muted">{move || i18n.t(Msg::SegFromFilters)}</p>
                        <label class="cairn-field__choice">
                            <input type="radio" name="segment-kind" prop:checked=move || !active.get() on:change=move |_| active.set(false)/>
                            {move || i18n.t(Msg::SegStatic)}
                        </label>
                        <p class="cairn-muted">{move || i18n.t(Msg::SegStaticHint)}</p>
                    </fieldset>
                </div>
                <footer class="cairn-modal__footer">
                    <button type="button" class="cairn-button" on:click=move |_| on_close.run(())>{move || i18n.t(Msg::IdxCancel)}</button>
                    <button type="submit" class="cairn-button cairn-button--primary">{move || i18n.t(Msg::ViewSave2)}</button>
                </footer>
            </form>
        </Modal>
    }
}
