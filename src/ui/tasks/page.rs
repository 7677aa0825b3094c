use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::agenda::{agenda, due_at, TASK_COMPLETED, TASK_STATUS};
use crate::core::command::Command;
use crate::core::i18n::Msg;
use crate::core::id::RecordId;
use crate::core::record_card::record_name;
use crate::ui::i18n::use_i18n;
use crate::ui::record::utc_offset;
use crate::ui::store::{failure_message, now, use_store, Status};

/// A task as the list shows it: id, title and due time.
type Item = (RecordId, String, String);

#[component]
pub fn TasksPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let error = RwSignal::new(None::<String>);
    let groups = Memo::new(move |_| {
        store.ws.with(|ws| {
            let offset = utc_offset();
            let items = |ids: Vec<RecordId>| -> Vec<Item> {
                ids.into_iter()
                    .filter_map(|id| {
                        let task = ws.record(&id)?;
                        let due = due_at(task).map(|d| i18n.instant(d)).unwrap_or_default();
                        Some((id.clone(), record_name(ws, task), due))
                    })
                    .collect()
            };
            let a = agenda(ws, now(), offset);
            vec![(Msg::Overdue, "overdue", items(a.overdue)), (Msg::DueToday, "today", items(a.today)), (Msg::Upcoming, "upcoming", items(a.upcoming))]
        })
    });
    let complete = move |id: RecordId| {
        let command = Command::UpdateRecord { id, values: vec![(TASK_STATUS.into(), TASK_COMPLETED.into())] };
        spawn_local(async move {
            match store.dispatch(command).await {
                Ok(_) => error.set(None),
                Err(e) => error.set(Some(format!("{} {}", i18n.t(Msg::SaveFailed), i18n.t(failure_message(&e))))),
            }
        });
    };
    let loading = move || store.status.get() == Status::Loading;
    view! {
        <section class="cairn-page cairn-tasks" aria-busy=move || loading().to_string()>
            <header class="cairn-page__header">
                <h1>{move || i18n.t(Msg::NavTasks)}</h1>
            </header>
            <p class="cairn-field__error" role="alert">{move || error.get()}</p>
            <div class="cairn-tasks__groups">
                {move || groups.get().into_iter().map(|(title, key, items)| {
                    let heading = format!("tasks-{key}");
                    let heading_ref = heading.clone();
                    view! {
                        <section class=format!("cairn-card cairn-tasks__group cairn-tasks__group--{key}") aria-labelledby=heading_ref data-group=key>
                            <h2 id=heading>{move || i18n.t(title)}" ("{items.len()}")"</h2>
                            {if items.is_empty() {
                                view! { <p class="cairn-muted">{move || i18n.t(Msg::NothingHere)}</p> }.into_any()
                            } else {
                                view! {
                                    <ul class="cairn-tasks__list">
                                        {items.into_iter().map(|(id, name, due)| {
                                            let label = format!("{}: {}", i18n.t(Msg::CompleteTask), name);
                                            let tid = id.clone();
                                            view! {
                                                <li class="cairn-tasks__item" data-id=id.to_string()>
                                                    <button type="button" class="cairn-tasks__done" aria-label=label title=move || i18n.t(Msg::CompleteTask) on:click=move |_| complete(tid.clone())>"✓"</button>
                                                    <span class="cairn-tasks__name">{if name.is_empty() { i18n.t(Msg::Untitled).to_string() } else { name }}</span>
                                                    <span class="cairn-muted cairn-tasks__due">{due}</span>
                                                </li>
                                            }
                                        }).collect_view()}
                                    </ul>
                                }.into_any()
                            }}
                        </section>
                    }
                }).collect_view()}
            </div>
        </section>
    }
}
