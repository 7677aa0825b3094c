//! One stage row of the pipeline editor: name, probability, state, required properties,
//! order, and deletion that asks where the stage's records go.

use leptos::prelude::*;

use crate::core::i18n::Msg;
use crate::core::forecast::category_msg;
use crate::core::pipeline::{ForecastCategory, PipelineEdit, Stage, StageSettings, StageState};
use crate::ui::i18n::use_i18n;

const STATES: [(StageState, &str, Msg); 4] =
    [(StageState::Open, "open", Msg::StateOpen), (StageState::Won, "won", Msg::StateWon), (StageState::Lost, "lost", Msg::StateLost), (StageState::Closed, "closed", Msg::StateClosed)];

fn state_of(value: &str) -> StageState {
    STATES.iter().find(|(_, v, _)| *v == value).map_or(StageState::Open, |(s, _, _)| *s)
}

#[component]
pub fn StageRow(
    pipeline: String,
    stage: Stage,
    at: usize,
    last: usize,
    /// Other stages of the pipeline: where this one's records can go.
    others: Vec<(String, String)>,
    /// The object's properties a stage can require: name and label.
    properties: Vec<(String, String)>,
    on_edit: Callback<PipelineEdit>,
) -> impl IntoView {
    let i18n = use_i18n();
    let deleting = RwSignal::new(false);
    let move_to = RwSignal::new(others.first().map(|(id, _)| id.clone()).unwrap_or_default());
    let settings = StoredValue::new(StageSettings { probability: stage.probability, state: stage.state, required: stage.required.clone(), category: stage.category });
    let (p, s) = (StoredValue::new(pipeline), StoredValue::new(stage.id.clone()));
    let set = move |change: &dyn Fn(&mut StageSettings)| {
        let mut next = settings.get_value();
        change(&mut next);
        settings.set_value(next.clone());
        on_edit.run(PipelineEdit::SetStage { pipeline: p.get_value(), stage: s.get_value(), settings: next });
    };
    let state_value = STATES.iter().find(|(st, _, _)| *st == stage.state).map_or("open", |(_, v, _)| *v);
    let required = stage.required.clone();
    let (chosen, automatic) = (stage.category, ForecastCategory::default_for(stage.state, stage.probability));
    let label = p.with_value(|id| i18n.stage_label(id, &stage));
    view! {
        <li class="cairn-pipelines__stage" data-testid="pipeline-stage" data-stage=stage.id.clone()>
            <label class="cairn-pipelines__field cairn-pipelines__field--name">
                <span>{move || i18n.t(Msg::StageName)}</span>
                <input type="text" value=label on:change=move |ev| on_edit.run(PipelineEdit::RenameStage { pipeline: p.get_value(), stage: s.get_value(), label: event_target_value(&ev) })/>
            </label>
            <label class="cairn-pipelines__field">
                <span>{move || i18n.t(Msg::StageProbability)}</span>
                <input type="number" min="0" max="100" step="1" value=stage.probability.to_string()
                    on:change=move |ev| { let v = event_target_value(&ev).parse::<u8>().unwrap_or(101); set(&|x| x.probability = v); }/>
            </label>
            <label class="cairn-pipelines__field">
                <span>{move || i18n.t(Msg::StageState)}</span>
                <select on:change=move |ev| { let v = state_of(&event_target_value(&ev)); set(&|x| x.state = v); }>
                    {STATES.iter().map(|(_, v, m)| { let m = *m; view! { <option value=*v selected=*v == state_value>{move || i18n.t(m)}</option> } }).collect_view()}
                </select>
            </label>
            <label class="cairn-pipelines__field">
                <span>{move || i18n.t(Msg::StageCategory)}</span>
                <select data-testid="stage-category" on:change=move |ev| { let v = ForecastCategory::from_key(&event_target_value(&ev)); set(&|x| x.category = v); }>
                    <option value="" selected=chosen.is_none()>{move || i18n.t(Msg::StageCategoryAuto).replace("{category}", i18n.t(category_msg(automatic)))}</option>
                    {ForecastCategory::ALL.iter().map(|c| { let c = *c; view! { <option value=c.key() selected=chosen == Some(c)>{move || i18n.t(category_msg(c))}</option> } }).collect_view()}
                </select>
            </label>
            <details class="cairn-pipelines__required">
                <summary>{move || i18n.t(Msg::StageRequired)}{(!required.is_empty()).then(|| format!(" ({})", required.len()))}</summary>
                {properties.into_iter().map(|(name, plabel)| {
                    let checked = stage.required.contains(&name);
                    view! {
                        <label class="cairn-field__choice">
                            <input type="checkbox" checked=checked on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                let name = name.clone();
                                set(&move |x| { x.required.retain(|r| r != &name); if on { x.required.push(name.clone()); } });
                            }/>
                            {plabel}
                        </label>
                    }
                }).collect_view()}
            </details>
            <div class="cairn-pipelines__actions">
                <button type="button" class="cairn-button" disabled=at == 0 aria-label=move || i18n.t(Msg::StageMoveUp)
                    on:click=move |_| on_edit.run(PipelineEdit::MoveStage { pipeline: p.get_value(), stage: s.get_value(), to: at.saturating_sub(1) })>"↑"</button>
                <button type="button" class="cairn-button" disabled=at == last aria-label=move || i18n.t(Msg::StageMoveDown)
                    on:click=move |_| on_edit.run(PipelineEdit::MoveStage { pipeline: p.get_value(), stage: s.get_value(), to: at + 1 })>"↓"</button>
                <button type="button" class="cairn-button cairn-button--danger" on:click=move |_| deleting.update(|d| *d = !*d)>{move || i18n.t(Msg::StageDelete)}</button>
            </div>
            <Show when=move || deleting.get()>
                <div class="cairn-pipelines__delete">
                    <label class="cairn-pipelines__field">
                        <span>{move || i18n.t(Msg::StageMoveRecordsTo)}</span>
                        <select on:change=move |ev| move_to.set(event_target_value(&ev))>
                            {others.iter().map(|(id, l)| view! { <option value=id.clone()>{l.clone()}</option> }).collect_view()}
                        </select>
                    </label>
                    <button type="button" class="cairn-button cairn-button--danger"
                        on:click=move |_| on_edit.run(PipelineEdit::DeleteStage { pipeline: p.get_value(), stage: s.get_value(), move_to: Some(move_to.get_untracked()).filter(|t| !t.is_empty()) })>
                        {move || i18n.t(Msg::StageDelete)}
                    </button>
                </div>
            </Show>
        </li>
    }
}
