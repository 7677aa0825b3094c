//! The property editor's inputs for a calculated property: a formula over the object's
//! numbers and amounts, or a rollup (count, sum, minimum, maximum, average) over associated
//! records. The core turns them into a calculation (`core::settings::CalculationDraft`).

use leptos::prelude::*;

use crate::core::i18n::{object_plural, Msg};
use crate::core::settings::{formula_inputs, rollup_inputs, rollup_objects, CalculationDraft, CalculationProblem, ROLLUP_FUNCTIONS};
use crate::ui::i18n::use_i18n;
use crate::ui::store::use_store;

/// The editor's inputs, as signals the dialog reads when it saves.
#[derive(Clone, Copy)]
pub struct CalculationInputs {
    pub rollup: RwSignal<bool>,
    pub formula: RwSignal<String>,
    pub object: RwSignal<String>,
    pub function: RwSignal<String>,
    pub property: RwSignal<String>,
    pub problem: RwSignal<Option<CalculationProblem>>,
}

impl CalculationInputs {
    pub fn new() -> Self {
        CalculationInputs {
            rollup: RwSignal::new(false),
            formula: RwSignal::new(String::new()),
            object: RwSignal::new(String::new()),
            function: RwSignal::new("count".into()),
            property: RwSignal::new(String::new()),
            problem: RwSignal::new(None),
        }
    }

    pub fn draft(&self) -> CalculationDraft {
        CalculationDraft {
            rollup: self.rollup.get_untracked(),
            formula: self.formula.get_untracked(),
            object: self.object.get_untracked(),
            function: self.function.get_untracked(),
            property: self.property.get_untracked(),
        }
    }
}

fn function_label(tag: &str) -> Msg {
    match tag {
        "sum" => Msg::SetCalcSum,
        "min" => Msg::SetCalcMin,
        "max" => Msg::SetCalcMax,
        "average" => Msg::SetCalcAverage,
        _ => Msg::SetCalcCount,
    }
}

#[component]
pub fn CalculationEditor(object: String, inputs: CalculationInputs, #[prop(into)] prefix: String) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let CalculationInputs { rollup, formula, object: other, function, property, problem } = inputs;
    let prefix = StoredValue::new(prefix);
    let id = move |name: &str| format!("{}-calc-{name}", prefix.get_value());
    let object = StoredValue::new(object);
    let names = Memo::new(move |_| store.ws.with(|ws| ws.schema().object(&object.get_value()).map(|o| formula_inputs(o).join(", ")).unwrap_or_default()));
    let objects = Memo::new(move |_| {
        let lang = i18n.lang.get();
        store.ws.with(|ws| {
            rollup_objects(ws.associations().defs(), &object.get_value())
                .into_iter()
                .filter_map(|name| ws.schema().object(&name).filter(|o| o.enabled).map(|o| (name.clone(), object_plural(lang, o))))
                .collect::<Vec<_>>()
        })
    });
    // The first associated object is chosen until the user picks another.
    Effect::new(move |_| {
        if other.with_untracked(String::is_empty) {
            if let Some((first, _)) = objects.with(|o| o.first().cloned()) {
                other.set(first);
            }
        }
    });
    let properties = Memo::new(move |_| {
        store.ws.with(|ws| {
            let Some(def) = ws.schema().object(&other.get()) else { return Vec::new() };
            rollup_inputs(def, &function.get()).into_iter().filter_map(|n| def.property(n)).map(|p| (p.name.clone(), i18n.prop_label(&def.name, p))).collect::<Vec<_>>()
        })
    });
    let message = move || {
        problem.get().map(|p| match p {
            CalculationProblem::EmptyFormula => i18n.t(Msg::ErrCalcEmpty).to_string(),
            CalculationProblem::Syntax(_) => i18n.t(Msg::ErrCalcSyntax).to_string(),
            CalculationProblem::NotANumber(name) => format!("{} {name}", i18n.t(Msg::ErrCalcNotNumber)),
            CalculationProblem::NoObject => i18n.t(Msg::ErrCalcNoObject).to_string(),
            CalculationProblem::NoProperty => i18n.t(Msg::ErrCalcNoProperty).to_string(),
        })
    };
    let formula_problem = move || problem.with(|p| matches!(p, Some(CalculationProblem::EmptyFormula | CalculationProblem::Syntax(_) | CalculationProblem::NotANumber(_))));
    view! {
        <div class="cairn-field--group cairn-calculation" data-testid="calculation-editor">
            <div class="cairn-field">
                <label for=id("source")>{move || i18n.t(Msg::SetCalcSource)}</label>
                <select id=id("source") on:change=move |ev| { rollup.set(event_target_value(&ev) == "rollup"); problem.set(None); }>
                    <option value="formula" selected=move || !rollup.get()>{move || i18n.t(Msg::SetCalcFormula)}</option>
                    <option value="rollup" selected=move || rollup.get()>{move || i18n.t(Msg::SetCalcRollup)}</option>
                </select>
            </div>
            <Show when=move || !rollup.get()>
                <div class="cairn-field">
                    <label for=id("formula")>{move || i18n.t(Msg::SetCalcFormula)}</label>
                    <input id=id("formula") type="text" autocomplete="off" spellcheck="false" class="cairn-calculation__formula"
                        prop:value=move || formula.get() on:input=move |ev| { formula.set(event_target_value(&ev)); problem.set(None); }
                        aria-invalid=move || formula_problem().to_string() aria-describedby=id("formula-hint")/>
                    <p id=id("formula-hint") class="cairn-muted cairn-calculation__hint">{move || i18n.t(Msg::SetCalcFormulaHint)}" "<code>{move || names.get()}</code></p>
                </div>
            </Show>
            <Show when=move || rollup.get()>
                <div class="cairn-settings__inline">
                    <div class="cairn-field">
                        <label for=id("object")>{move || i18n.t(Msg::SetCalcObject)}</label>
                        <select id=id("object") on:change=move |ev| { other.set(event_target_value(&ev)); property.set(String::new()); }>
                            {move || objects.get().into_iter().map(|(name, plural)| {
                                let selected = other.with(|o| *o == name);
                                view! { <option value=name selected=selected>{plural}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="cairn-field">
                        <label for=id("function")>{move || i18n.t(Msg::SetCalcFunction)}</label>
                        <select id=id("function") on:change=move |ev| function.set(event_target_value(&ev))>
                            {ROLLUP_FUNCTIONS.into_iter().map(|tag| view! { <option value=tag selected=move || function.get() == tag>{move || i18n.t(function_label(tag))}</option> }).collect_view()}
                        </select>
                    </div>
                    <Show when=move || function.get() != "count">
                        <div class="cairn-field">
                            <label for=id("property")>{move || i18n.t(Msg::SetCalcProperty)}</label>
                            <select id=id("property") on:change=move |ev| property.set(event_target_value(&ev))>
                                <option value="" selected=move || property.with(String::is_empty)></option>
                                {move || properties.get().into_iter().map(|(name, label)| {
                                    let selected = property.with(|p| *p == name);
                                    view! { <option value=name selected=selected>{label}</option> }
                                }).collect_view()}
                            </select>
                        </div>
                    </Show>
                </div>
            </Show>
            <p class="cairn-field__error" role="alert" data-testid="calculation-problem">{message}</p>
        </div>
    }
}
