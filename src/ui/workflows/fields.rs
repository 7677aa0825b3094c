//! The inputs of the trigger and step forms, one per field the core lists for a type.

use leptos::prelude::*;

use crate::core::i18n::Msg;
use crate::core::query::Operator;
use crate::core::views::{operand_input, OperandInput};
use crate::core::workflow::form::{Entered, Field, WEEKDAYS};
use crate::ui::i18n::use_i18n;
use crate::ui::store::use_store;

/// Options of the menus the fields offer: (value, label).
#[derive(Clone, Default)]
pub struct Choices {
    /// The workflow's object.
    pub object: String,
    pub properties: Vec<(String, String)>,
    /// Stages of the object's pipelines, labelled "Pipeline › Stage".
    pub stages: Vec<(String, String)>,
    pub pipelines: Vec<(String, String)>,
    pub workflows: Vec<(String, String)>,
    pub objects: Vec<(String, String)>,
}

fn options(list: Vec<(String, String)>, selected: String) -> impl IntoView {
    list.into_iter()
        .map(|(value, label)| {
            let is = value == selected;
            view! { <option value=value selected=is>{label}</option> }
        })
        .collect_view()
}

/// The inputs for `fields`, reading and writing `entered`; ids start with `prefix`.
#[component]
pub fn FieldInputs(prefix: &'static str, fields: Signal<Vec<(Field, Msg)>>, entered: RwSignal<Entered>, choices: Signal<Choices>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    move || {
        fields
            .get()
            .into_iter()
            .map(|(field, label)| {
                let id = format!("{prefix}-{field:?}").to_lowercase();
                let value = move || entered.with(|e| e.slot(field).to_string());
                let on_input = move |ev| entered.update(|e| e.set(field, event_target_value(&ev)));
                // Read untracked: this closure re-renders only when the type changes, so an
                // input keeps its focus while someone types in it.
                let initial = entered.with_untracked(|e| e.slot(field).to_string());
                let select = |list: Vec<(String, String)>| {
                    view! {
                        <select id=id.clone() on:change=on_input prop:value=value>
                            <option value="">"—"</option>
                            {options(list, initial.clone())}
                        </select>
                    }
                    .into_any()
                };
                let input = match field {
                    Field::Property | Field::Property2 => select(choices.get_untracked().properties),
                    Field::Workflow => select(choices.get_untracked().workflows),
                    Field::Object => select(choices.get_untracked().objects),
                    Field::Stage => select(choices.get_untracked().stages),
                    Field::Pipeline => select(choices.get_untracked().pipelines),
                    Field::PropertyValue => {
                        // Options of the chosen property (an owner, a lifecycle stage), else text.
                        let id = id.clone();
                        // Only the property's change re-renders it, so typing keeps the focus.
                        let property = Memo::new(move |_| entered.with(|e| e.property.clone()));
                        (move || {
                            let property = property.get();
                            let object = choices.with(|c| c.object.clone());
                            let lang = i18n.lang.get();
                            let input = store.ws.with(|ws| ws.schema().object(&object).map(|def| operand_input(ws, def, &property, Operator::Is, lang)));
                            let current = entered.with_untracked(|e| e.value.clone());
                            match input {
                                Some(OperandInput::Choice(list)) if !list.is_empty() => view! {
                                    <select id=id.clone() on:change=move |ev| entered.update(|e| e.value = event_target_value(&ev))>
                                        <option value="">"—"</option>
                                        {options(list, current)}
                                    </select>
                                }
                                .into_any(),
                                _ => view! { <input id=id.clone() type="text" prop:value=current on:input=move |ev| entered.update(|e| e.value = event_target_value(&ev))/> }.into_any(),
                            }
                        })
                        .into_any()
                    }
                    Field::Weekday => {
                        let days = WEEKDAYS.iter().enumerate().map(|(i, m)| (i.to_string(), i18n.t(*m).to_string())).collect();
                        select(days)
                    }
                    Field::Body | Field::Values => view! { <textarea id=id.clone() rows="3" prop:value=value on:input=on_input></textarea> }.into_any(),
                    Field::Number => view! { <input id=id.clone() type="number" step="any" prop:value=value on:input=on_input/> }.into_any(),
                    Field::TimeOfDay => view! { <input id=id.clone() type="time" prop:value=value on:input=on_input/> }.into_any(),
                    Field::Duration => {
                        let unit = move |ev| entered.update(|e| e.unit = event_target_value(&ev));
                        view! {
                            <span class="cairn-flow__duration">
                                <input id=id.clone() type="number" min="0" step="any" prop:value=value on:input=on_input/>
                                <select aria-label=move || i18n.t(Msg::DlUnit) on:change=unit prop:value=move || entered.with(|e| e.unit.clone())>
                                    <option value="minutes">{move || i18n.t(Msg::UnitMinutes)}</option>
                                    <option value="hours">{move || i18n.t(Msg::UnitHours)}</option>
                                    <option value="days">{move || i18n.t(Msg::UnitDays)}</option>
                                </select>
                            </span>
                        }
                        .into_any()
                    }
                    _ => view! { <input id=id.clone() type="text" prop:value=value on:input=on_input/> }.into_any(),
                };
                view! {
                    <div class="cairn-field">
                        <label for=id.clone()>{move || i18n.t(label)}</label>
                        {input}
                    </div>
                }
            })
            .collect_view()
    }
}
