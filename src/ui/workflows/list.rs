//! `/workflows`: every workflow with its on/off switch and how many records are in it.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use crate::core::change::EntityKey;
use crate::core::command::Command;
use crate::core::i18n::format::format_number;
use crate::core::i18n::{object_plural, Msg};
use crate::core::schema::ObjectKind;
use crate::core::workflow::display::workflow_rows;
use crate::core::workflow::{AutoId, AutomationCommand, Workflow};
use crate::ui::app::Base;
use crate::ui::i18n::use_i18n;
use crate::ui::store::{use_store, Status};

use super::failure_text;

#[component]
pub fn WorkflowsPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let base = expect_context::<Base>();
    let rows = Memo::new(move |_| store.ws.with(workflow_rows));
    let objects = Memo::new(move |_| {
        store.ws.with(|ws| {
            ws.schema()
                .objects
                .iter()
                .filter(|o| o.enabled && o.kind != ObjectKind::Activity)
                .map(|o| (o.name.clone(), object_plural(i18n.lang.get(), o)))
                .collect::<Vec<_>>()
        })
    });
    let name = RwSignal::new(String::new());
    let object = RwSignal::new(String::from("contacts"));
    let error = RwSignal::new(None::<String>);
    let navigate = use_navigate();
    let open_base = base.clone();
    let create = move |ev: SubmitEvent| {
        ev.prevent_default();
        let workflow = Workflow::new(&object.get_untracked(), name.get_untracked().trim());
        let (navigate, base) = (navigate.clone(), open_base.clone());
        spawn_local(async move {
            match store.dispatch(Command::Automation(AutomationCommand::SaveWorkflow(workflow))).await {
                Ok(commit) => {
                    error.set(None);
                    name.set(String::new());
                    if let Some(EntityKey::Workflow(id)) = commit.changes.first().map(|c| c.key.clone()) {
                        navigate(&base.href(&format!("/workflows/{id}")), NavigateOptions { resolve: false, ..Default::default() });
                    }
                }
                Err(e) => error.set(Some(failure_text(i18n, &e))),
            }
        });
    };
    let toggle = move |id: AutoId, on: bool| {
        spawn_local(async move {
            if let Err(e) = store.dispatch(Command::Automation(AutomationCommand::SwitchWorkflow { id, on, enroll_existing: false })).await {
                error.set(Some(failure_text(i18n, &e)));
            }
        });
    };
    let loading = move || store.status.get() == Status::Loading;
    view! {
        <section class="cairn-page cairn-flows" aria-busy=move || loading().to_string()>
            <header class="cairn-page__header">
                <h1>{move || i18n.t(Msg::WfTitle)}</h1>
            </header>
            <form class="cairn-card cairn-flows__create" on:submit=create>
                <h2>{move || i18n.t(Msg::WfNew)}</h2>
                <div class="cairn-flows__create-fields">
                    <div class="cairn-field">
                        <label for="new-flow-name">{move || i18n.t(Msg::WfName)}</label>
                        <input id="new-flow-name" type="text" required prop:value=name on:input=move |ev| name.set(event_target_value(&ev))/>
                    </div>
                    <div class="cairn-field">
                        <label for="new-flow-object">{move || i18n.t(Msg::WfObject)}</label>
                        <select id="new-flow-object" on:change=move |ev| object.set(event_target_value(&ev))>
                            {move || objects.get().into_iter().map(|(value, label)| {
                                let selected = value == object.get_untracked();
                                view! { <option value=value selected=selected>{label}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    <button type="submit" class="cairn-button cairn-button--primary">{move || i18n.t(Msg::WfCreate)}</button>
                </div>
                <p class="cairn-field__error" role="alert">{move || error.get()}</p>
            </form>
            {move || {
                let rows = rows.get();
                if rows.is_empty() {
                    return view! { <p class="cairn-muted cairn-flows__empty">{move || i18n.t(Msg::WfEmpty)}</p> }.into_any();
                }
                let base = base.clone();
                view! {
                    <table class="cairn-card cairn-flows__table">
                        <thead><tr>
                            <th scope="col">{move || i18n.t(Msg::WfName)}</th>
                            <th scope="col">{move || i18n.t(Msg::WfObject)}</th>
                            <th scope="col">{move || i18n.t(Msg::WfEnrolledNow)}</th>
                            <th scope="col">{move || i18n.t(Msg::WfOn)}</th>
                        </tr></thead>
                        <tbody>
                            {rows.into_iter().map(|row| {
                                let href = base.href(&format!("/workflows/{}", row.id));
                                let object = objects.get_untracked().into_iter().find(|(n, _)| *n == row.object).map(|(_, l)| l).unwrap_or(row.object.clone());
                                let (id, on) = (row.id.clone(), row.on);
                                let count = format_number(i18n.lang.get_untracked(), row.active as f64, 0);
                                view! {
                                    <tr class="cairn-flows__row" data-id=row.id.to_string()>
                                        <td>
                                            <a href=href>{row.name.clone()}</a>
                                            {row.in_loop.then(|| view! { <p class="cairn-field__error">{move || i18n.t(Msg::WfLoop)}</p> })}
                                        </td>
                                        <td>{object}</td>
                                        <td class="cairn-flows__count">{count}</td>
                                        <td>
                                            <button type="button" role="switch" class=if on { "cairn-flows__switch cairn-flows__switch--on" } else { "cairn-flows__switch" }
                                                aria-checked=on.to_string() aria-label=format!("{} {}", i18n.t(Msg::WfOn), row.name)
                                                on:click=move |_| toggle(id.clone(), !on)>
                                                {move || i18n.t(if on { Msg::WfOn } else { Msg::WfOff })}
                                            </button>
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
        </section>
    }
}
