//! `/outbox`: emails workflows prepared, to open in the user's mail program and mark as
//! sent, which logs them on the record's timeline.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::command::Command;
use crate::core::i18n::Msg;
use crate::core::record_card::{local_stamp, record_name};
use crate::core::workflow::display::ready_emails;
use crate::core::workflow::tokens::mailto;
use crate::core::workflow::{AutoId, AutomationCommand};
use crate::ui::app::Base;
use crate::ui::i18n::use_i18n;
use crate::ui::record::utc_offset;
use crate::ui::store::{use_store, Status};

use super::failure_text;

#[derive(Clone, PartialEq)]
struct Ready {
    id: AutoId,
    to: String,
    subject: String,
    body: String,
    link: String,
    record: String,
    record_href: String,
    created: String,
}

#[component]
pub fn OutboxPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let base = expect_context::<Base>();
    let error = RwSignal::new(None::<String>);
    let emails = Memo::new(move |_| {
        let offset = utc_offset();
        store.ws.with(|ws| {
            ready_emails(ws)
                .into_iter()
                .map(|e| {
                    let record = ws.record(&e.record);
                    Ready {
                        id: e.id.clone(),
                        to: e.to.clone(),
                        subject: e.subject.clone(),
                        body: e.body.clone(),
                        link: mailto(&e.to, &e.subject, &e.body),
                        record: record.map(|r| record_name(ws, r)).unwrap_or_default(),
                        record_href: record.map(|r| format!("/objects/{}/{}", r.object, r.id)).unwrap_or_default(),
                        created: local_stamp(e.created, offset),
                    }
                })
                .collect::<Vec<_>>()
        })
    });
    let sent = move |email: AutoId| {
        spawn_local(async move {
            match store.dispatch(Command::Automation(AutomationCommand::MarkSent { email })).await {
                Ok(_) => error.set(None),
                Err(e) => error.set(Some(failure_text(i18n, &e))),
            }
        });
    };
    let loading = move || store.status.get() == Status::Loading;
    view! {
        <section class="cairn-page cairn-outbox" aria-busy=move || loading().to_string()>
            <header class="cairn-page__header">
                <h1>{move || i18n.t(Msg::ObTitle)}</h1>
            </header>
            <p class="cairn-muted">{move || i18n.t(Msg::ObHint)}</p>
            <p class="cairn-field__error" role="alert">{move || error.get()}</p>
            {move || {
                let list = emails.get();
                if list.is_empty() {
                    return view! { <p class="cairn-muted cairn-outbox__empty">{move || i18n.t(Msg::ObEmpty)}</p> }.into_any();
                }
                let base = base.clone();
                view! {
                    <ul class="cairn-outbox__list">
                        {list.into_iter().map(|e| {
                            let id = e.id.clone();
                            view! {
                                <li class="cairn-card cairn-outbox__email" data-id=e.id.to_string()>
                                    <p class="cairn-outbox__meta"><span class="cairn-muted">{move || i18n.t(Msg::ObTo)}": "</span>{e.to.clone()}" · "<a href=base.href(&e.record_href)>{e.record.clone()}</a>" · "<span class="cairn-muted">{e.created.clone()}</span></p>
                                    <h2 class="cairn-outbox__subject">{e.subject.clone()}</h2>
                                    <p class="cairn-outbox__body">{e.body.clone()}</p>
                                    <div class="cairn-form__actions">
                                        <a class="cairn-button cairn-button--primary" href=e.link.clone()>{move || i18n.t(Msg::ObOpen)}</a>
                                        <button type="button" class="cairn-button" on:click=move |_| sent(id.clone())>{move || i18n.t(Msg::ObMarkSent)}</button>
                                    </div>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}
