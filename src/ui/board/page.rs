//! `/objects/:object/board`: the board of one of the object's pipelines, with filters.
//!
//! A move runs the command at once (the card changes column in the same frame), then the
//! commit is persisted; a refusal leaves the card where it was and says why, or asks for
//! the stage's required properties and retries with them.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;

use super::column::{BoardColumn, StageChoice};
use super::required::{Ask, RequiredDialog};
use crate::core::board::{board_columns, bottleneck, BoardFilter};
use crate::core::command::{Command, CommandError};
use crate::core::i18n::{command_problem, object_plural, Msg};
use crate::core::id::RecordId;
use crate::core::pipeline::{properties_of, PipelineError};
use crate::ui::bench;
use crate::ui::app::Base;
use crate::ui::i18n::use_i18n;
use crate::ui::store::{failure_message, now, use_store, DispatchError, Status};

/// Cards drawn per column before "Show more".
const CARDS_PER_COLUMN: usize = 40;

#[component]
pub fn BoardRoute() -> impl IntoView {
    let params = use_params_map();
    let object = Memo::new(move |_| params.with(|p| p.get("object").unwrap_or_default()));
    view! { {move || view! { <BoardPage object=object.get()/> }} }
}

fn none_if_empty(text: String) -> Option<String> {
    (!text.trim().is_empty()).then_some(text)
}

#[component]
pub fn BoardPage(object: String) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let base = expect_context::<Base>();
    let object = StoredValue::new(object);
    let pipelines = Memo::new(move |_| store.ws.with(|ws| ws.pipelines().of_object(&object.get_value()).into_iter().cloned().collect::<Vec<_>>()));
    let chosen = RwSignal::new(None::<String>);
    let pipeline = Memo::new(move |_| {
        pipelines.with(|list| chosen.with(|c| c.as_ref().and_then(|id| list.iter().find(|p| &p.id.0 == id)).or_else(|| list.first()).cloned()))
    });
    let filter = RwSignal::new(BoardFilter::default());
    let limit = RwSignal::new(CARDS_PER_COLUMN);
    let columns = Memo::new(move |_| {
        let Some(p) = pipeline.get() else { return Vec::new() };
        filter.with(|f| bench::timed("cairn:board", || store.ws.with(|ws| board_columns(ws, &p, f, limit.get(), now()))))
    });
    let message = RwSignal::new(None::<Msg>);
    let asking = RwSignal::new(None::<Ask>);
    let ask_errors = RwSignal::new(None::<CommandError>);
    let dragged = RwSignal::new(None::<RecordId>);

    let send = move |id: RecordId, stage: String, extra: Vec<(String, String)>| {
        let stage_prop = properties_of(&object.get_value()).1.to_string();
        let mut values = extra;
        values.push((stage_prop, stage.clone()));
        spawn_local(async move {
            match store.dispatch(Command::UpdateRecord { id: id.clone(), values }).await {
                Ok(_) => {
                    asking.set(None);
                    message.set(Some(Msg::BoardMoved));
                }
                Err(DispatchError::Command(CommandError::Pipeline(PipelineError::MissingRequired { stage: english, properties }))) => {
                    ask_errors.set(None);
                    let stage_label = pipeline
                        .with_untracked(|p| p.as_ref().and_then(|p| p.stage(&stage).map(|s| i18n.stage_label(p.id.as_str(), s))))
                        .unwrap_or(english);
                    asking.set(Some(Ask { id, stage, stage_label, properties }));
                }
                Err(DispatchError::Command(e)) if asking.with_untracked(Option::is_some) && matches!(e, CommandError::Fields(_)) => ask_errors.set(Some(e)),
                Err(DispatchError::Command(e)) => message.set(Some(command_problem(&e).unwrap_or(Msg::IdxActionFailed))),
                Err(e) => message.set(Some(failure_message(&e))),
            }
        });
    };
    let on_move = Callback::new(move |(id, stage): (RecordId, String)| send(id, stage, Vec::new()));
    let on_save_required = Callback::new(move |(id, stage, values): (RecordId, String, Vec<(String, String)>)| send(id, stage, values));
    let on_more = Callback::new(move |_| limit.update(|l| *l += CARDS_PER_COLUMN));

    let owners = Memo::new(move |_| store.ws.with(|ws| ws.owners().map(|o| (o.id.0.clone(), o.name.clone())).collect::<Vec<_>>()));
    let title = move || store.ws.with(|ws| ws.schema().object(&object.get_value()).map(|d| object_plural(i18n.lang.get(), d)).unwrap_or_default());
    let table_href = base.href(&format!("/objects/{}", object.get_value()));
    let editor_href = base.href("/settings/pipelines");
    let loading = move || store.status.get() == Status::Loading;

    let board = move || {
        let Some(p) = pipeline.get() else { return view! { <p class="cairn-empty">{i18n.t(Msg::BoardNoPipeline)}</p> }.into_any() };
        let stages: Vec<StageChoice> = p.stages.iter().map(|s| (s.id.clone(), i18n.stage_label(p.id.as_str(), s))).collect();
        let cols = columns.get();
        let worst = bottleneck(&cols, &p);
        let views = cols
            .into_iter()
            .enumerate()
            .map(|(i, column)| {
                let label = p.stages.get(i).map(|s| i18n.stage_label(p.id.as_str(), s)).unwrap_or_default();
                view! { <BoardColumn column=column label=label stages=stages.clone() object=object.get_value() bottleneck=worst == Some(i) dragged=dragged on_move=on_move on_more=on_more/> }
            })
            .collect_view();
        view! { <div class="cairn-board__columns" data-testid="board">{views}</div> }.into_any()
    };

    view! {
        <section class="cairn-page cairn-board" aria-busy=move || loading().to_string()>
            <header class="cairn-page__header">
                <h1>{title}</h1>
                <nav class="cairn-board__views">
                    <a class="cairn-button" href=table_href>{move || i18n.t(Msg::ViewTable)}</a>
                    <span class="cairn-button cairn-button--primary" aria-current="page">{move || i18n.t(Msg::ViewBoard)}</span>
                    <a class="cairn-button" href=editor_href>{move || i18n.t(Msg::BoardEditPipelines)}</a>
                </nav>
            </header>
            <div class="cairn-board__filters">
                <label class="cairn-board__filter">
                    <span>{move || i18n.t(Msg::BoardPipeline)}</span>
                    <select data-testid="board-pipeline" on:change=move |ev| { chosen.set(Some(event_target_value(&ev))); limit.set(CARDS_PER_COLUMN); }>
                        {move || pipelines.get().into_iter().map(|p| {
                            let selected = pipeline.with(|c| c.as_ref().is_some_and(|c| c.id == p.id));
                            view! { <option value=p.id.0.clone() selected=selected>{i18n.pipeline_label(&p)}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <label class="cairn-board__filter">
                    <span>{move || i18n.t(Msg::BoardOwner)}</span>
                    <select on:change=move |ev| filter.update(|f| f.owner = none_if_empty(event_target_value(&ev)))>
                        <option value="">{move || i18n.t(Msg::BoardAnyOwner)}</option>
                        {move || owners.get().into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                    </select>
                </label>
                <label class="cairn-board__filter">
                    <span>{move || i18n.t(Msg::BoardCloseFrom)}</span>
                    <input type="date" on:change=move |ev| filter.update(|f| f.close_from = none_if_empty(event_target_value(&ev)))/>
                </label>
                <label class="cairn-board__filter">
                    <span>{move || i18n.t(Msg::BoardCloseTo)}</span>
                    <input type="date" on:change=move |ev| filter.update(|f| f.close_to = none_if_empty(event_target_value(&ev)))/>
                </label>
                <label class="cairn-board__filter cairn-board__filter--search">
                    <span>{move || i18n.t(Msg::IdxSearch)}</span>
                    <input type="search" autocomplete="off" data-testid="board-search" on:input=move |ev| filter.update(|f| f.search = event_target_value(&ev))/>
                </label>
            </div>
            <p class="cairn-board__message" role="status" data-testid="board-message">{move || message.get().map(|m| i18n.t(m))}</p>
            <Show when=move || !loading() fallback=move || view! { <p class="cairn-muted">{i18n.t(Msg::Loading)}</p> }>
                {board}
            </Show>
            {move || asking.get().map(|ask| view! {
                <RequiredDialog ask=ask object=object.get_value() errors=ask_errors on_close=Callback::new(move |_| asking.set(None)) on_save=on_save_required/>
            })}
        </section>
    }
}
