//! Labelled inputs shared by the settings forms, each with its error right below it.

use leptos::prelude::*;

use crate::core::i18n::Msg;
use crate::ui::i18n::use_i18n;

/// A text input with its label and, when `problem` holds one, its error.
#[component]
pub fn TextField(
    label: Msg,
    #[prop(into)] id: String,
    value: RwSignal<String>,
    #[prop(optional, into)] problem: Signal<Option<String>>,
    #[prop(optional)] hint: Option<Msg>,
    #[prop(optional)] on_input: Option<Callback<String>>,
    #[prop(optional, into)] input_type: Option<&'static str>,
    /// Added after the label, e.g. the side of an association a limit applies to.
    #[prop(optional, into)] suffix: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = if hint.is_some() { format!("{error_id} {hint_id}") } else { error_id.clone() };
    view! {
        <div class="cairn-field">
            <label for=id.clone()>{move || i18n.t(label)}{suffix.map(|s| format!(" · {s}"))}</label>
            <input id=id type=input_type.unwrap_or("text") aria-describedby=described
                aria-invalid=move || problem.with(Option::is_some).to_string()
                prop:value=move || value.get()
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    value.set(text.clone());
                    if let Some(cb) = on_input {
                        cb.run(text);
                    }
                }/>
            {hint.map(|h| view! { <p class="cairn-muted cairn-settings__hint" id=hint_id>{move || i18n.t(h)}</p> })}
            <p class="cairn-field__error" id=error_id>{move || problem.get()}</p>
        </div>
    }
}

/// A checkbox with its label after it.
#[component]
pub fn CheckField(label: Msg, #[prop(into)] id: String, checked: RwSignal<bool>, #[prop(optional, into)] disabled: Signal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="cairn-field cairn-field--checkbox">
            <label for=id.clone()>{move || i18n.t(label)}</label>
            <input id=id type="checkbox" prop:checked=move || checked.get() disabled=move || disabled.get()
                on:change=move |ev| checked.set(event_target_checked(&ev))/>
        </div>
    }
}

/// A `<select>` of property types, every pickable one, named in the user's language.
#[component]
pub fn TypePicker(
    #[prop(into)] id: String,
    value: RwSignal<String>,
    #[prop(optional, into)] disabled: Signal<bool>,
    #[prop(optional)] labelled: Option<Msg>,
    /// Offers "Calculated" too (creating a property; a calculation is set up, not converted to).
    #[prop(optional)]
    calculated: bool,
) -> impl IntoView {
    use crate::core::i18n::property_type;
    use crate::core::settings::{type_from_tag, PICKABLE_TYPES};
    let i18n = use_i18n();
    let options = PICKABLE_TYPES
        .iter()
        .chain(calculated.then_some(&"calculated"))
        .filter_map(|tag| type_from_tag(tag).map(|k| (*tag, property_type(&k))))
        .map(|(tag, msg)| view! { <option value=tag selected=move || value.get() == tag>{move || i18n.t(msg)}</option> })
        .collect_view();
    view! {
        <div class="cairn-field">
            <label for=id.clone()>{move || i18n.t(labelled.unwrap_or(Msg::SetFieldType))}</label>
            <select id=id disabled=move || disabled.get() on:change=move |ev| value.set(event_target_value(&ev))>{options}</select>
        </div>
    }
}
