//! The vertical flow of a workflow's steps, branches nested, and the form that adds a step.

use leptos::prelude::*;

use crate::core::i18n::Msg;
use crate::core::workflow::display::{filter_text, step_summary};
use crate::core::query::Filter;
use crate::core::workflow::form::{build_step, step_fields, uses_filter, Entered, STEPS};
use crate::core::workflow::steps::{add, places, remove, Place};
use crate::core::workflow::{Step, StepKind, Workflow};
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::store::use_store;

use super::fields::{Choices, FieldInputs};
use super::filter_field::{complete, FlowFilter};

/// One list of steps, as an ordered list; branches render their own lists inside.
fn step_list(i18n: I18n, draft: RwSignal<Option<Workflow>>, steps: Vec<Step>) -> AnyView {
    let store = use_store();
    if steps.is_empty() {
        return view! { <p class="cairn-muted cairn-flow__empty">{move || i18n.t(Msg::WfNoSteps)}</p> }.into_any();
    }
    view! {
        <ol class="cairn-flow__steps">
            {steps.into_iter().map(|step| {
                let (label, detail) = store.ws.with_untracked(|ws| step_summary(ws, &step));
                let id = step.id;
                let drop = move |_| draft.update(|d| { if let Some(d) = d { remove(&mut d.steps, id); } });
                let kind = match &step.kind { StepKind::Delay(_) => "delay", StepKind::Branch { .. } => "branch", StepKind::Action(_) => "action" };
                let nested = match step.kind {
                    StepKind::Branch { branches, otherwise } => {
                        let lists = branches.into_iter().map(|b| {
                            let head = format!("{} — {}", b.name, filter_text(&b.filter));
                            view! {
                                <div class="cairn-flow__branch">
                                    <p class="cairn-flow__branch-head">{move || i18n.t(Msg::BrIf)}" "{head}</p>
                                    {step_list(i18n, draft, b.steps)}
                                </div>
                            }
                        }).collect_view();
                        Some(view! {
                            <div class="cairn-flow__branches">
                                {lists}
                                <div class="cairn-flow__branch cairn-flow__branch--otherwise">
                                    <p class="cairn-flow__branch-head">{move || i18n.t(Msg::BrOtherwise)}</p>
                                    {step_list(i18n, draft, otherwise)}
                                </div>
                            </div>
                        })
                    }
                    _ => None,
                };
                view! {
                    <li class=format!("cairn-flow__step cairn-flow__step--{kind}") data-step=id.to_string()>
                        <div class="cairn-flow__card">
                            <span class="cairn-flow__label">{move || i18n.t(label)}</span>
                            <span class="cairn-flow__detail">{detail}</span>
                            <button type="button" class="cairn-button cairn-button--small" on:click=drop>{move || i18n.t(Msg::WfRemove)}</button>
                        </div>
                        {nested}
                    </li>
                }
            }).collect_view()}
        </ol>
    }
    .into_any()
}

/// The steps of the draft, and the form to add one anywhere in the tree.
#[component]
pub fn StepsEditor(draft: RwSignal<Option<Workflow>>, choices: Signal<Choices>) -> impl IntoView {
    let i18n = use_i18n();
    let key = RwSignal::new(String::from("delay_for"));
    let place = RwSignal::new(0usize);
    let blank = || Entered { unit: "days".into(), weekday: "0".into(), ..Entered::default() };
    let entered = RwSignal::new(blank());
    let invalid = RwSignal::new(false);
    let fields = Signal::derive(move || step_fields(&key.get()));
    let filter = RwSignal::new(Filter::default());
    let object = choices.with_untracked(|c| c.object.clone());
    let place_options = move || {
        draft.with(|d| {
            let Some(d) = d else { return Vec::new() };
            places(&d.steps)
                .into_iter()
                .map(|p| match p {
                    Place::Main => i18n.t(Msg::WfMainFlow).to_string(),
                    Place::Branch { step, branch } => {
                        let name = crate::core::workflow::steps::find(&d.steps, step).and_then(|s| match (&s.kind, branch) {
                            (StepKind::Branch { branches, .. }, Some(i)) => branches.get(i).map(|b| format!("{} {}", i18n.t(Msg::BrIf), b.name)),
                            _ => Some(i18n.t(Msg::BrOtherwise).to_string()),
                        });
                        format!("#{step} {}", name.unwrap_or_default())
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let add_step = move |_| {
        let object = choices.with_untracked(|c| c.object.clone());
        entered.update(|e| e.filter = complete(&object, &filter.get_untracked()));
        let Some(kind) = entered.with_untracked(|e| build_step(&key.get_untracked(), e)) else {
            invalid.set(true);
            return;
        };
        invalid.set(false);
        draft.update(|d| {
            if let Some(d) = d {
                let target = places(&d.steps).get(place.get_untracked()).copied().unwrap_or(Place::Main);
                let step = Step { id: d.next_step_id(), kind };
                add(&mut d.steps, target, step);
            }
        });
        entered.set(blank());
        filter.set(Filter::default());
    };
    view! {
        <section class="cairn-card cairn-flow__section" aria-labelledby="flow-steps">
            <h2 id="flow-steps">{move || i18n.t(Msg::WfSteps)}</h2>
            {move || draft.with(|d| d.as_ref().map(|d| d.steps.clone())).map(|steps| step_list(i18n, draft, steps))}
            <fieldset class="cairn-flow__form" data-form="step">
                <legend>{move || i18n.t(Msg::WfAddStep)}</legend>
                <div class="cairn-field">
                    <label for="step-place">{move || i18n.t(Msg::WfAddTo)}</label>
                    <select id="step-place" on:change=move |ev| place.set(event_target_value(&ev).parse().unwrap_or(0))>
                        {move || place_options().into_iter().enumerate().map(|(i, label)| view! { <option value=i.to_string() selected=move || place.get() == i>{label}</option> }).collect_view()}
                    </select>
                </div>
                <div class="cairn-field">
                    <label for="step-kind">{move || i18n.t(Msg::WfStepKind)}</label>
                    <select id="step-kind" on:change=move |ev| key.set(event_target_value(&ev))>
                        {STEPS.iter().map(|(k, m)| { let k = *k; let m = *m; view! { <option value=k selected=move || key.get() == k>{move || i18n.t(m)}</option> } }).collect_view()}
                    </select>
                </div>
                <FieldInputs prefix="step" fields=fields entered=entered choices=choices/>
                <Show when=move || uses_filter(&key.get())>
                    <FlowFilter object=object.clone() filter=filter prefix="branch-filter"/>
                </Show>
                <p class="cairn-muted cairn-flow__hint">{move || i18n.t(Msg::WfTokensHint)}</p>
                <p class="cairn-field__error" role="alert">{move || invalid.get().then(|| i18n.t(Msg::ErrRequired))}</p>
                <button type="button" class="cairn-button" on:click=add_step>{move || i18n.t(Msg::WfAddStep)}</button>
            </fieldset>
        </section>
    }
}
