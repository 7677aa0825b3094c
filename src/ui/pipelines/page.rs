//! `/settings/pipelines`: choose an object and one of its pipelines, then edit its name,
//! rules, stalled threshold and stages. Every change is one command, saved at once.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::stage::StageRow;
use crate::core::command::Command;
use crate::core::i18n::{command_problem, object_plural, Msg};
use crate::core::pipeline::{properties_of, PipelineEdit, PipelineRules};
use crate::core::schema::PropertyType;
use crate::ui::app::Base;
use crate::ui::i18n::use_i18n;
use crate::ui::store::{failure_message, use_store, DispatchError};

#[component]
pub fn PipelinesPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let base = expect_context::<Base>();
    // Objects that can hold pipelines: enabled ones with a stage property.
    let objects = Memo::new(move |_| {
        store.ws.with(|ws| {
            ws.schema()
                .objects
                .iter()
                .filter(|o| o.enabled && o.property(properties_of(&o.name).1).is_some())
                .map(|o| (o.name.clone(), object_plural(i18n.lang.get(), o)))
                .collect::<Vec<_>>()
        })
    });
    let object = RwSignal::new(String::from("deals"));
    let chosen = RwSignal::new(None::<String>);
    let pipelines = Memo::new(move |_| object.with(|o| store.ws.with(|ws| ws.pipelines().of_object(o).into_iter().cloned().collect::<Vec<_>>())));
    let pipeline = Memo::new(move |_| pipelines.with(|list| chosen.with(|c| c.as_ref().and_then(|id| list.iter().find(|p| &p.id.0 == id)).or_else(|| list.first()).cloned())));
    let properties = Memo::new(move |_| {
        object.with(|o| {
            store.ws.with(|ws| {
                ws.schema()
                    .object(o)
                    .map(|d| {
                        // The pipeline, the stage and what follows from the stage are never asked for.
                        let (pipeline_prop, stage_prop) = properties_of(o);
                        let derived = |name: &str| name == pipeline_prop || name == stage_prop || name == "hs_deal_stage_probability";
                        d.properties
                            .iter()
                            .filter(|p| !p.hidden && !p.read_only && p.kind != PropertyType::Calculated && !derived(&p.name))
                            .map(|p| (p.name.clone(), i18n.prop_label(o, p)))
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default()
            })
        })
    });
    let message = RwSignal::new(None::<Msg>);
    let new_name = RwSignal::new(String::new());
    let new_stage = RwSignal::new(String::new());

    let on_edit = Callback::new(move |edit: PipelineEdit| {
        spawn_local(async move {
            let created = matches!(edit, PipelineEdit::Create { .. });
            match store.dispatch(Command::EditPipeline(edit)).await {
                Ok(commit) => {
                    message.set(Some(Msg::Saved));
                    if created {
                        if let Some(crate::core::change::Entity::Pipeline(p)) = commit.changes.first().and_then(|c| c.after.as_ref()) {
                            chosen.set(Some(p.id.0.clone()));
                        }
                    }
                }
                Err(DispatchError::Command(e)) => message.set(Some(command_problem(&e).unwrap_or(Msg::IdxActionFailed))),
                Err(e) => message.set(Some(failure_message(&e))),
            }
        });
    });

    let editor = move || {
        let Some(p) = pipeline.get() else { return view! { <p class="cairn-empty">{i18n.t(Msg::BoardNoPipeline)}</p> }.into_any() };
        let id = StoredValue::new(p.id.0.clone());
        let rules = p.rules;
        let stalled = p.stalled_after_days;
        let set_rules = move |rules: PipelineRules, stalled: Option<u32>| on_edit.run(PipelineEdit::SetRules { pipeline: id.get_value(), rules, stalled_after_days: stalled });
        let last = p.stages.len().saturating_sub(1);
        let rows = p
            .stages
            .iter()
            .enumerate()
            .map(|(at, stage)| {
                let others: Vec<(String, String)> = p.stages.iter().filter(|s| s.id != stage.id).map(|s| (s.id.clone(), i18n.stage_label(p.id.as_str(), s))).collect();
                view! { <StageRow pipeline=p.id.0.clone() stage=stage.clone() at=at last=last others=others properties=properties.get() on_edit=on_edit/> }
            })
            .collect_view();
        let label = i18n.pipeline_label(&p);
        view! {
            <div class="cairn-pipelines__editor cairn-card" data-testid="pipeline-editor">
                <div class="cairn-pipelines__row">
                    <label class="cairn-pipelines__field cairn-pipelines__field--name">
                        <span>{move || i18n.t(Msg::PipelineName)}</span>
                        <input type="text" value=label on:change=move |ev| on_edit.run(PipelineEdit::Rename { pipeline: id.get_value(), label: event_target_value(&ev) })/>
                    </label>
                    <button type="button" class="cairn-button cairn-button--danger" on:click=move |_| on_edit.run(PipelineEdit::Delete { pipeline: id.get_value() })>
                        {move || i18n.t(Msg::PipelineDelete)}
                    </button>
                </div>
                <div class="cairn-pipelines__row">
                    <label class="cairn-field__choice">
                        <input type="checkbox" checked=rules.no_skipping on:change=move |ev| set_rules(PipelineRules { no_skipping: event_target_checked(&ev), ..rules }, stalled)/>
                        {move || i18n.t(Msg::RuleNoSkipping)}
                    </label>
                    <label class="cairn-field__choice">
                        <input type="checkbox" checked=rules.no_backwards on:change=move |ev| set_rules(PipelineRules { no_backwards: event_target_checked(&ev), ..rules }, stalled)/>
                        {move || i18n.t(Msg::RuleNoBackwards)}
                    </label>
                    <label class="cairn-pipelines__field">
                        <span>{move || i18n.t(Msg::StalledAfter)}</span>
                        <input type="number" min="1" step="1" value=stalled.map(|d| d.to_string()).unwrap_or_default()
                            on:change=move |ev| set_rules(rules, event_target_value(&ev).parse::<u32>().ok())/>
                    </label>
                </div>
                <ol class="cairn-pipelines__stages">{rows}</ol>
                <form class="cairn-pipelines__row" on:submit=move |ev| {
                    ev.prevent_default();
                    let settings = crate::core::pipeline::StageSettings { probability: 0, state: crate::core::pipeline::StageState::Open, required: Vec::new(), category: None };
                    on_edit.run(PipelineEdit::AddStage { pipeline: id.get_value(), label: new_stage.get_untracked(), settings });
                    new_stage.set(String::new());
                }>
                    <label class="cairn-pipelines__field cairn-pipelines__field--name">
                        <span>{move || i18n.t(Msg::StageName)}</span>
                        <input type="text" prop:value=move || new_stage.get() on:input=move |ev| new_stage.set(event_target_value(&ev))/>
                    </label>
                    <button type="submit" class="cairn-button">{move || i18n.t(Msg::StageAdd)}</button>
                </form>
            </div>
        }
        .into_any()
    };

    view! {
        <section class="cairn-page cairn-pipelines">
            <header class="cairn-page__header">
                <h1>{move || i18n.t(Msg::PipelinesTitle)}</h1>
                <a class="cairn-button" href=move || base.href(&format!("/objects/{}/board", object.get()))>{move || i18n.t(Msg::ViewBoard)}</a>
            </header>
            <div class="cairn-pipelines__row">
                <label class="cairn-pipelines__field">
                    <span>{move || i18n.t(Msg::PipelineObject)}</span>
                    <select on:change=move |ev| { object.set(event_target_value(&ev)); chosen.set(None); }>
                        {move || objects.get().into_iter().map(|(name, plural)| {
                            let selected = object.with_untracked(|o| *o == name);
                            view! { <option value=name selected=selected>{plural}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <label class="cairn-pipelines__field">
                    <span>{move || i18n.t(Msg::BoardPipeline)}</span>
                    <select data-testid="editor-pipeline" on:change=move |ev| chosen.set(Some(event_target_value(&ev)))>
                        {move || pipelines.get().into_iter().map(|p| {
                            let selected = pipeline.with(|c| c.as_ref().is_some_and(|c| c.id == p.id));
                            view! { <option value=p.id.0.clone() selected=selected>{i18n.pipeline_label(&p)}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <form class="cairn-pipelines__row" on:submit=move |ev| {
                    ev.prevent_default();
                    on_edit.run(PipelineEdit::Create { object: object.get_untracked(), label: new_name.get_untracked() });
                    new_name.set(String::new());
                }>
                    <label class="cairn-pipelines__field">
                        <span>{move || i18n.t(Msg::PipelineName)}</span>
                        <input type="text" prop:value=move || new_name.get() on:input=move |ev| new_name.set(event_target_value(&ev))/>
                    </label>
                    <button type="submit" class="cairn-button">{move || i18n.t(Msg::PipelineNew)}</button>
                </form>
            </div>
            <p class="cairn-board__message" role="status" data-testid="pipelines-message">{move || message.get().map(|m| i18n.t(m))}</p>
            {editor}
        </section>
    }
}
