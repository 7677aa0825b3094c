//! `/workflows/:id`: the workflow editor. Edits go to a draft; "Save" writes it as one
//! command. Switching on or off applies at once to the saved workflow.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos_router::NavigateOptions;

use crate::core::command::Command;
use crate::core::i18n::{object_plural, Msg};
use crate::core::id::RecordId;
use crate::core::workflow::display::{dry_run, filter_text, trigger_detail, trigger_label};
use crate::core::query::Filter;
use crate::core::workflow::form::{build_trigger, trigger_fields, uses_filter, Entered, TRIGGERS};
use crate::core::workflow::{AutoId, AutomationCommand, Trigger, Workflow};
use crate::ui::app::Base;
use crate::ui::i18n::use_i18n;
use crate::ui::store::{now, use_store, Status};

use super::failure_text;
use super::fields::{Choices, FieldInputs};
use super::filter_field::{complete, FlowFilter};
use super::history::HistoryPanel;
use super::tree::StepsEditor;

#[component]
pub fn WorkflowRoute() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let params = use_params_map();
    let id = Memo::new(move |_| {
        let id = RecordId::from(params.with(|p| p.get("id").unwrap_or_default()));
        store.ws.with(|ws| ws.automation().workflow(&id).is_some()).then_some(id)
    });
    let loading = move || store.status.get() == Status::Loading;
    view! {
        <section class="cairn-page cairn-flow" aria-busy=move || loading().to_string()>
            {move || match (loading(), id.get()) {
                (true, _) => view! { <h1>{i18n.t(Msg::Loading)}</h1> }.into_any(),
                (false, None) => view! { <h1>{move || i18n.t(Msg::NotFound)}</h1> }.into_any(),
                (false, Some(id)) => view! { <WorkflowEditor id=id/> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn WorkflowEditor(id: AutoId) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let base = expect_context::<Base>();
    let saved = {
        let id = id.clone();
        Memo::new(move |_| store.ws.with(|ws| ws.automation().workflow(&id).cloned()))
    };
    let draft = RwSignal::new(saved.get_untracked());
    let status = RwSignal::new(None::<String>);
    // On/off is applied at once, not through the draft, so it never counts as unsaved.
    let switched_off = |w: Option<Workflow>| w.map(|w| Workflow { on_since: None, enroll_existing: false, ..w });
    let dirty = move || switched_off(draft.get()) != switched_off(saved.get());
    let object = saved.get_untracked().map(|w| w.object).unwrap_or_default();
    let choices = {
        let object = object.clone();
        Signal::derive(move || {
            store.ws.with(|ws| {
                let lang = i18n.lang.get();
                let properties = ws.schema().object(&object).map(|o| o.properties.iter().filter(|p| !p.hidden).map(|p| (p.name.clone(), i18n.prop_label(&object, p))).collect()).unwrap_or_default();
                let workflows = ws.automation().workflows().filter(|w| w.object == object).map(|w| (w.id.to_string(), w.name.clone())).collect();
                let objects = ws.schema().objects.iter().filter(|o| o.enabled).map(|o| (o.name.clone(), object_plural(lang, o))).collect();
                let pipelines = ws.pipelines().of_object(&object);
                let stages = pipelines.iter().flat_map(|p| p.stages.iter().map(move |s| (s.id.clone(), format!("{} › {}", p.label, s.label)))).collect();
                let pipelines = pipelines.iter().map(|p| (p.id.as_str().to_string(), p.label.clone())).collect();
                Choices { object: object.clone(), properties, workflows, objects, stages, pipelines }
            })
        })
    };
    let run = move |command: AutomationCommand, done: Option<Msg>| {
        spawn_local(async move {
            match store.dispatch(Command::Automation(command)).await {
                Ok(_) => status.set(done.map(|m| i18n.t(m).to_string())),
                Err(e) => status.set(Some(failure_text(i18n, &e))),
            }
        });
    };
    let save = move |_| {
        if let Some(mut w) = draft.get_untracked() {
            if let Some(current) = saved.get_untracked() {
                w.on_since = current.on_since;
                w.enroll_existing = current.enroll_existing;
            }
            run(AutomationCommand::SaveWorkflow(w), Some(Msg::WfSaved));
        }
    };
    let enroll_existing = RwSignal::new(false);
    let wid = id.clone();
    let toggle = move |_| {
        let on = !saved.get_untracked().is_some_and(|w| w.is_on());
        run(AutomationCommand::SwitchWorkflow { id: wid.clone(), on, enroll_existing: enroll_existing.get_untracked() }, None);
    };
    let navigate = use_navigate();
    let list_href = base.href("/workflows");
    let after_delete = list_href.clone();
    let wid = id.clone();
    let delete = move |_| {
        let (navigate, to, id) = (navigate.clone(), after_delete.clone(), wid.clone());
        spawn_local(async move {
            match store.dispatch(Command::Automation(AutomationCommand::DeleteWorkflow { id })).await {
                Ok(_) => navigate(&to, NavigateOptions { resolve: false, ..Default::default() }),
                Err(e) => status.set(Some(failure_text(i18n, &e))),
            }
        });
    };
    let is_on = move || saved.with(|w| w.as_ref().is_some_and(|w| w.is_on()));
    let object_label = {
        let object = object.clone();
        move || store.ws.with(|ws| ws.schema().object(&object).map(|o| object_plural(i18n.lang.get(), o)).unwrap_or_default())
    };
    view! {
        <header class="cairn-page__header cairn-flow__header">
            <p class="cairn-record__crumb"><a href=list_href>{move || i18n.t(Msg::WfBack)}</a></p>
            <h1>{move || draft.with(|d| d.as_ref().map(|d| d.name.clone()).unwrap_or_default())}</h1>
            <p class="cairn-muted">{object_label}</p>
            <div class="cairn-form__actions">
                <span class=move || if is_on() { "cairn-flow__status cairn-flow__status--on" } else { "cairn-flow__status" }>
                    {move || i18n.t(if is_on() { Msg::WfOn } else { Msg::WfOff })}
                </span>
                <button type="button" class="cairn-button" aria-pressed=move || is_on().to_string() on:click=toggle>
                    {move || i18n.t(if is_on() { Msg::WfTurnOff } else { Msg::WfTurnOn })}
                </button>
                <label class="cairn-field__choice" hidden=is_on>
                    <input type="checkbox" prop:checked=enroll_existing on:change=move |ev| enroll_existing.set(event_target_checked(&ev))/>
                    {move || i18n.t(Msg::WfEnrollExisting)}
                </label>
                <button type="button" class="cairn-button cairn-button--primary" on:click=save>{move || i18n.t(Msg::Save)}</button>
                <button type="button" class="cairn-button cairn-button--danger" on:click=delete>{move || i18n.t(Msg::WfDelete)}</button>
                <span class="cairn-form__status" role="status">{move || if dirty() { Some(i18n.t(Msg::WfUnsaved).to_string()) } else { status.get() }}</span>
            </div>
        </header>
        <div class="cairn-flow__columns">
            <div class="cairn-flow__main">
                <section class="cairn-card cairn-flow__section">
                    <div class="cairn-field">
                        <label for="flow-name">{move || i18n.t(Msg::WfName)}</label>
                        <input id="flow-name" type="text" prop:value=move || draft.with(|d| d.as_ref().map(|d| d.name.clone()).unwrap_or_default())
                            on:input=move |ev| draft.update(|d| if let Some(d) = d { d.name = event_target_value(&ev); })/>
                    </div>
                </section>
                <TriggersEditor draft=draft choices=choices/>
                <StepsEditor draft=draft choices=choices/>
                <GoalEditor draft=draft choices=choices/>
            </div>
            <aside class="cairn-flow__side">
                <DryRun draft=draft/>
                <HistoryPanel id=id.clone()/>
            </aside>
        </div>
    }
}

#[component]
fn TriggersEditor(draft: RwSignal<Option<Workflow>>, choices: Signal<Choices>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let key = RwSignal::new(String::from("created"));
    let entered = RwSignal::new(Entered::default());
    let reenroll = RwSignal::new(false);
    let invalid = RwSignal::new(false);
    let fields = Signal::derive(move || trigger_fields(&key.get()));
    let filter = RwSignal::new(Filter::default());
    let object = choices.with_untracked(|c| c.object.clone());
    let triggers = move || draft.with(|d| d.as_ref().map(|d| d.triggers.clone()).unwrap_or_default());
    let add = move |_| {
        let object = choices.with_untracked(|c| c.object.clone());
        entered.update(|e| e.filter = complete(&object, &filter.get_untracked()));
        let Some(kind) = entered.with_untracked(|e| build_trigger(&key.get_untracked(), e)) else {
            invalid.set(true);
            return;
        };
        invalid.set(false);
        draft.update(|d| if let Some(d) = d { d.triggers.push(Trigger { kind, reenroll: reenroll.get_untracked() }); });
        filter.set(Filter::default());
    };
    view! {
        <section class="cairn-card cairn-flow__section cairn-flow__trigger" aria-labelledby="flow-triggers">
            <h2 id="flow-triggers">{move || i18n.t(Msg::WfTriggers)}</h2>
            {move || {
                let list = triggers();
                if list.is_empty() {
                    return view! { <p class="cairn-muted">{move || i18n.t(Msg::WfNoTriggers)}</p> }.into_any();
                }
                view! {
                    <ul class="cairn-flow__triggers">
                        {list.into_iter().enumerate().map(|(i, t)| {
                            let label = trigger_label(&t.kind);
                            view! {
                                <li class="cairn-flow__card">
                                    <span class="cairn-flow__label">{move || i18n.t(label)}</span>
                                    <span class="cairn-flow__detail">{store.ws.with_untracked(|ws| trigger_detail(ws, &t.kind))}</span>
                                    {t.reenroll.then(|| view! { <span class="cairn-muted">{move || i18n.t(Msg::WfReenroll)}</span> })}
                                    <button type="button" class="cairn-button cairn-button--small" on:click=move |_| draft.update(|d| if let Some(d) = d { if i < d.triggers.len() { d.triggers.remove(i); } })>
                                        {move || i18n.t(Msg::WfRemove)}
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <fieldset class="cairn-flow__form" data-form="trigger">
                <legend>{move || i18n.t(Msg::WfAddTrigger)}</legend>
                <div class="cairn-field">
                    <label for="trigger-kind">{move || i18n.t(Msg::WfTriggerType)}</label>
                    <select id="trigger-kind" on:change=move |ev| key.set(event_target_value(&ev))>
                        {TRIGGERS.iter().map(|(k, m)| { let k = *k; let m = *m; view! { <option value=k selected=move || key.get() == k>{move || i18n.t(m)}</option> } }).collect_view()}
                    </select>
                </div>
                <FieldInputs prefix="trigger" fields=fields entered=entered choices=choices/>
                <Show when=move || uses_filter(&key.get())>
                    <FlowFilter object=object.clone() filter=filter prefix="trigger-filter"/>
                </Show>
                <label class="cairn-field__choice">
                    <input type="checkbox" prop:checked=reenroll on:change=move |ev| reenroll.set(event_target_checked(&ev))/>
                    {move || i18n.t(Msg::WfReenroll)}
                </label>
                <p class="cairn-field__error" role="alert">{move || invalid.get().then(|| i18n.t(Msg::ErrRequired))}</p>
                <button type="button" class="cairn-button" on:click=add>{move || i18n.t(Msg::WfAddTrigger)}</button>
            </fieldset>
        </section>
    }
}

#[component]
fn GoalEditor(draft: RwSignal<Option<Workflow>>, choices: Signal<Choices>) -> impl IntoView {
    let i18n = use_i18n();
    let filter = RwSignal::new(draft.with_untracked(|d| d.as_ref().map(|d| d.goal.clone()).unwrap_or_default()));
    let object = choices.with_untracked(|c| c.object.clone());
    let goal = move || draft.with(|d| d.as_ref().map(|d| filter_text(&d.goal)).unwrap_or_default());
    let set = move |_| {
        let object = choices.with_untracked(|c| c.object.clone());
        let goal = complete(&object, &filter.get_untracked());
        draft.update(|d| if let Some(d) = d { d.goal = goal; });
    };
    view! {
        <section class="cairn-card cairn-flow__section" aria-labelledby="flow-goal">
            <h2 id="flow-goal">{move || i18n.t(Msg::WfGoal)}</h2>
            <p class="cairn-flow__detail">{move || { let g = goal(); if g.is_empty() { i18n.t(Msg::WfNoGoal).to_string() } else { g } }}</p>
            <FlowFilter object=object filter=filter prefix="goal-filter"/>
            <button type="button" class="cairn-button" on:click=set>{move || i18n.t(Msg::WfSetGoal)}</button>
        </section>
    }
}

#[component]
fn DryRun(draft: RwSignal<Option<Workflow>>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let record = RwSignal::new(String::new());
    let result = RwSignal::new(Vec::<(Msg, String)>::new());
    let go = move |_| {
        let id = RecordId::from(record.get_untracked().trim().to_ascii_uppercase());
        let lines = draft.with_untracked(|d| d.as_ref().map(|w| store.ws.with_untracked(|ws| dry_run(ws, w, &id, now())))).unwrap_or_default();
        result.set(lines);
    };
    view! {
        <section class="cairn-card cairn-flow__section" aria-labelledby="flow-dry">
            <h2 id="flow-dry">{move || i18n.t(Msg::WfDryRun)}</h2>
            <div class="cairn-field">
                <label for="dry-record">{move || i18n.t(Msg::WfDryRunHint)}</label>
                <input id="dry-record" type="text" prop:value=record on:input=move |ev| record.set(event_target_value(&ev))/>
            </div>
            <button type="button" class="cairn-button" on:click=go>{move || i18n.t(Msg::WfDryRunGo)}</button>
            <ol class="cairn-flow__log">
                {move || result.get().into_iter().map(|(m, text)| view! { <li>{move || i18n.t(m)}" "<span class="cairn-flow__detail">{text}</span></li> }).collect_view()}
            </ol>
        </section>
    }
}
