//! The inputs of the trigger and step forms, one per field the core lists for a type.

use leptos::prelude::*;

use crate::core::i18n::Msg;
use crate::core::workflow::form::{Entered, Field, WEEKDAYS};
use crate::ui::i18n::use_i18n;

/// Options of the menus the fields offer: (value, label).
#[derive(Clone, Default)]
pub struct Choices {
    pub properties: Vec<(String, String)>,
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
