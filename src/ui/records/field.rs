//! One property as a form input that fits its type. Values are kept as the raw text the
//! core's validation reads (`;` between the options of a multiple-checkbox property).

use leptos::prelude::*;

use crate::core::command::{CommandError, FieldProblem};
use crate::core::i18n::{field_problem, Msg};
use crate::core::schema::{PropertyDef, PropertyType};
use crate::ui::app::Base;
use crate::ui::i18n::use_i18n;

/// The HTML input type for a simple property type.
fn input_type(kind: &PropertyType) -> &'static str {
    match kind {
        // Text, so that the locale's decimal separator can be typed; the core parses it.
        PropertyType::Number { .. } | PropertyType::Currency => "text",
        PropertyType::Date => "date",
        PropertyType::DateTime => "datetime-local",
        PropertyType::Email => "email",
        PropertyType::Phone => "tel",
        PropertyType::Url => "url",
        _ => "text",
    }
}

fn toggle(list: &str, option: &str, on: bool) -> String {
    let mut items: Vec<&str> = list.split(';').filter(|s| !s.is_empty() && *s != option).collect();
    if on {
        items.push(option);
    }
    items.join(";")
}

/// One input per property, each showing the problem `errors` names for it; the first takes
/// the focus. What the create dialog and the board's required-properties dialog both show.
pub fn property_fields(
    props: Vec<PropertyDef>,
    values: &[(String, RwSignal<String>)],
    errors: RwSignal<Option<CommandError>>,
    object: &str,
    owners: &[(String, String)],
) -> impl IntoView {
    props
        .into_iter()
        .zip(values.iter().cloned())
        .enumerate()
        .map(|(i, (prop, (name, value)))| {
            let problem = Signal::derive(move || errors.with(|e| e.as_ref().and_then(|e| e.field(&name)).cloned()));
            view! { <PropertyField prop=prop value=value problem=problem object=object.to_string() owners=owners.to_vec() autofocus=i == 0/> }
        })
        .collect_view()
}

#[component]
pub fn PropertyField(
    prop: PropertyDef,
    value: RwSignal<String>,
    problem: Signal<Option<FieldProblem>>,
    object: String,
    owners: Vec<(String, String)>,
    #[prop(optional)] autofocus: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let base = expect_context::<Base>();
    let id = format!("create-{}", prop.name);
    let error_id = format!("{id}-error");
    let invalid = move || problem.with(Option::is_some).to_string();
    let label_text = {
        let (object, prop) = (object.clone(), prop.clone());
        move || i18n.prop_label(&object, &prop)
    };
    let required = prop.required;
    let mode = match prop.kind {
        PropertyType::Currency | PropertyType::Number { .. } => "decimal",
        _ => "text",
    };
    let (eid, iid) = (error_id.clone(), id.clone());
    let control = match prop.kind {
        PropertyType::MultiLineText => view! {
            <textarea id=iid name=prop.name.clone() rows="3" aria-invalid=invalid aria-describedby=eid autofocus=autofocus
                prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))></textarea>
        }
        .into_any(),
        PropertyType::Dropdown | PropertyType::Radio | PropertyType::Owner => {
            let choices: Vec<(String, String)> = if prop.kind == PropertyType::Owner {
                owners
            } else {
                prop.options.iter().filter(|o| !o.hidden).map(|o| (o.value.clone(), i18n.option_label(&object, &prop.name, o))).collect()
            };
            let none = if prop.kind == PropertyType::Owner { i18n.t(Msg::IdxNoOwner) } else { "" };
            view! {
                <select id=iid name=prop.name.clone() aria-invalid=invalid aria-describedby=eid autofocus=autofocus
                    prop:value=move || value.get() on:change=move |ev| value.set(event_target_value(&ev))>
                    <option value="">{none}</option>
                    {choices.into_iter().map(|(v, l)| view! { <option value=v>{l}</option> }).collect_view()}
                </select>
            }
            .into_any()
        }
        PropertyType::Checkbox => view! {
            <input id=iid type="checkbox" name=prop.name.clone() aria-invalid=invalid aria-describedby=eid autofocus=autofocus
                prop:checked=move || value.get() == "true"
                on:change=move |ev| value.set(if event_target_checked(&ev) { "true".into() } else { String::new() })/>
        }
        .into_any(),
        PropertyType::Checkboxes => {
            let boxes = prop
                .options
                .iter()
                .filter(|o| !o.hidden)
                .map(|o| {
                    let (v, v2) = (o.value.clone(), o.value.clone());
                    view! {
                        <label class="cairn-field__choice">
                            <input type="checkbox" prop:checked=move || value.with(|s| s.split(';').any(|x| x == v))
                                on:change=move |ev| value.update(|s| *s = toggle(s, &v2, event_target_checked(&ev)))/>
                            {i18n.option_label(&object, &prop.name, o)}
                        </label>
                    }
                })
                .collect_view();
            // A group of boxes is labelled by its fieldset legend instead of one <label>.
            let described = error_id.clone();
            return view! {
                <fieldset class="cairn-field cairn-field--group" aria-describedby=described>
                    <legend>{label_text}</legend>
                    {boxes}
                    <p class="cairn-field__error" id=error_id role="alert">{move || problem.get().map(|p| i18n.t(field_problem(&p)))}</p>
                </fieldset>
            }
            .into_any();
        }
        _ => view! {
            <input id=iid type=input_type(&prop.kind) name=prop.name.clone() inputmode=mode autocomplete="off" aria-invalid=invalid aria-describedby=eid
                autofocus=autofocus prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
        }
        .into_any(),
    };
    let duplicate_link = move || match problem.get() {
        Some(FieldProblem::Duplicate(existing)) => {
            let href = base.href(&format!("/objects/{object}/{existing}"));
            Some(view! { " " <a class="cairn-field__existing" href=href>{i18n.t(Msg::IdxOpenExisting)}</a> })
        }
        _ => None,
    };
    view! {
        <div class="cairn-field" class:cairn-field--checkbox=prop.kind == PropertyType::Checkbox>
            <label for=id>
                {label_text}
                {required.then(|| view! { " " <span class="cairn-field__required">{move || format!("({})", i18n.t(Msg::IdxRequired))}</span> })}
            </label>
            {control}
            <p class="cairn-field__error" id=error_id role="alert">
                {move || problem.get().map(|p| match p {
                    FieldProblem::Duplicate(_) => i18n.t(Msg::IdxDuplicateOf).to_string(),
                    other => i18n.t(field_problem(&other)).to_string(),
                })}
                {duplicate_link}
            </p>
        </div>
    }
    .into_any()
}
