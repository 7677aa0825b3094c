use leptos::prelude::*;

use super::form::CreateContactForm;
use super::table::RecordTable;
use crate::core::i18n::{Counted, Msg};
use crate::core::view::rows;
use crate::ui::i18n::use_i18n;
use crate::ui::store::{use_store, Status};

const COLUMNS: [(&str, Msg); 3] = [("firstname", Msg::FirstName), ("lastname", Msg::LastName), ("email", Msg::Email)];

#[component]
pub fn ContactsPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let names: Vec<&'static str> = COLUMNS.iter().map(|(name, _)| *name).collect();
    let rows = Memo::new(move |_| store.ws.with(|ws| rows(ws, "contacts", &names)));
    let loading = move || store.status.get() == Status::Loading;
    view! {
        <section class="cairn-page" aria-busy=move || loading().to_string()>
            <header class="cairn-page__header">
                <h1>{move || i18n.t(Msg::NavContacts)}</h1>
                <p class="cairn-page__count" data-testid="record-count">
                    {move || i18n.count(Counted::Contacts, rows.with(Vec::len))}
                </p>
            </header>
            <div class="cairn-page__body">
                <Show when=move || !loading() fallback=move || view! { <p class="cairn-muted">{i18n.t(Msg::Loading)}</p> }>
                    <RecordTable headers=COLUMNS.iter().map(|(_, m)| *m).collect() rows=rows empty=Msg::NoContactsYet/>
                </Show>
                <CreateContactForm/>
            </div>
        </section>
    }
}
