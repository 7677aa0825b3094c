//! The left column: the record's properties with inline editing and per-property history.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::command::{Command, CommandError};
use crate::core::i18n::{command_problem, field_problem, Msg};
use crate::core::id::RecordId;
use crate::core::link::value_link;
use crate::core::record::Source;
use crate::core::record_card::{key_properties, property_groups};
use crate::core::schema::{PropertyDef, PropertyType};
use crate::ui::i18n::use_i18n;
use crate::ui::store::{failure_message, use_store, DispatchError};


fn source_msg(source: Source) -> Msg {
    match source {
        Source::User => Msg::SourceUser,
        Source::Import => Msg::SourceImport,
        Source::Workflow => Msg::SourceWorkflow,
        Source::Merge => Msg::SourceMerge,
        Source::Sync => Msg::SourceSync,
    }
}

#[component]
pub fn PropertiesPanel(id: RecordId, object: String) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let show_all = RwSignal::new(false);
    let obj = object.clone();
    // A memo, so that a write (even a refused one) does not rebuild the rows and lose their state.
    let sections = Memo::new(move |_| {
        store.ws.with(|ws| {
            let Some(def) = ws.schema().object(&obj) else { return Vec::new() };
            if show_all.get() {
                property_groups(def).into_iter().map(|(group, props)| (Some(i18n.group_label(&obj, group)), props.into_iter().cloned().collect())).collect()
            } else {
                vec![(None, key_properties(def).into_iter().cloned().collect::<Vec<PropertyDef>>())]
            }
        })
    });
    view! {
        <section class="cairn-record__column cairn-card" aria-labelledby="record-about">
            <h2 id="record-about">{move || i18n.t(Msg::AboutRecord)}</h2>
            {move || {
                let id = id.clone();
                sections
                    .get()
                    .into_iter()
                    .map(|(label, props)| {
                        let id = id.clone();
                        view! {
                            {label.map(|l| view! { <h3 class="cairn-record__group">{l}</h3> })}
                            <dl class="cairn-props">
                                {props.into_iter().map(|p| view! { <PropertyRow id=id.clone() object=object.clone() def=p/> }).collect_view()}
                            </dl>
                        }
                    })
                    .collect_view()
            }}
            <button type="button" class="cairn-button cairn-record__toggle" aria-expanded=move || show_all.get().to_string() on:click=move |_| show_all.update(|v| *v = !*v)>
                {move || i18n.t(if show_all.get() { Msg::ViewKeyProperties } else { Msg::ViewAllProperties })}
            </button>
        </section>
    }
}

/// One property: its value (as text, or a safe link), an editor and its history.
#[component]
fn PropertyRow(id: RecordId, object: String, def: PropertyDef) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let editing = RwSignal::new(false);
    let draft = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let name = def.name.clone();
    let rid = id.clone();
    // Rollups are computed when read, not stored, so they come from the workspace's query.
    let current = Memo::new(move |_| {
        store.ws.with(|ws| {
            let stored = ws.record(&rid).and_then(|r| r.get(&name).cloned());
            stored.or_else(|| ws.rollup_values(&rid).into_iter().find(|(n, _)| *n == name).and_then(|(_, v)| v))
        })
    });
    let name = def.name.clone();
    let rid = id.clone();
    let history = Memo::new(move |_| store.ws.with(|ws| ws.record(&rid).map(|r| r.history(&name)).unwrap_or_default()));
    let kind = def.kind.clone();
    let (shown_object, shown_def) = (StoredValue::new(object.clone()), StoredValue::new(def.clone()));
    // The value as the user reads it: option labels, local numbers, amounts and dates.
    let shown = move |v: &crate::core::value::Value| store.ws.with(|ws| shown_def.with_value(|d| shown_object.with_value(|o| i18n.value_text(ws, o, d, v))));
    let value_view = move || match current.get() {
        None => view! { <span class="cairn-muted">{i18n.t(Msg::NoValue)}</span> }.into_any(),
        Some(v) => match value_link(&kind, &v) {
            Some(href) => view! { <a href=href>{v.display()}</a> }.into_any(),
            None => view! { <span class="cairn-props__text">{shown(&v)}</span> }.into_any(),
        },
    };
    let input_id = format!("prop-{}", def.name);
    let error_id = format!("{input_id}-error");
    let label = i18n.prop_label(&object, &def);
    let editable = !def.read_only && def.kind != PropertyType::Calculated;
    let start = move |_| {
        draft.set(current.get_untracked().map(|v| shown_def.with_value(|d| i18n.input_text(d, &v))).unwrap_or_default());
        error.set(None);
        editing.set(true);
    };
    let name = def.name.clone();
    let rid = id.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = shown_def.with_value(|d| i18n.typed_input(d, &draft.get_untracked()));
        let command = Command::UpdateRecord { id: rid.clone(), values: vec![(name.clone(), typed)] };
        let name = name.clone();
        spawn_local(async move {
            match store.dispatch(command).await {
                Ok(_) => editing.set(false),
                Err(DispatchError::Command(e)) => error.set(Some(problem_text(i18n.lang.get_untracked(), &e, &name))),
                Err(e) => error.set(Some(format!("{} {}", i18n.t(Msg::SaveFailed), i18n.t(failure_message(&e))))),
            }
        });
    };
    let def_for_input = def.clone();
    let (label2, label3) = (label.clone(), label.clone());
    view! {
        <div class="cairn-props__row" data-property=def.name.clone()>
            <dt>{label.clone()}</dt>
            <dd>
                <Show when=move || editing.get() fallback=move || view! {
                    <div class="cairn-props__value">
                        {value_view.clone()}
                        {editable.then(|| view! {
                            <button type="button" class="cairn-button cairn-button--small" aria-label=format!("{} {}", i18n.t(Msg::Edit), label2) on:click=start>
                                {move || i18n.t(Msg::Edit)}
                            </button>
                        })}
                    </div>
                }>
                    <form class="cairn-props__edit" novalidate on:submit=save.clone()>
                        <label class="cairn-visually-hidden" for=input_id.clone()>{label3.clone()}</label>
                        <PropertyInput object=object.clone() def=def_for_input.clone() id=input_id.clone() value=draft invalid=Signal::derive(move || error.with(Option::is_some)) described_by=error_id.clone()/>
                        <p class="cairn-field__error" id=error_id.clone() role="alert">{move || error.get()}</p>
                        <div class="cairn-props__actions">
                            <button type="submit" class="cairn-button cairn-button--primary cairn-button--small">{move || i18n.t(Msg::Save)}</button>
                            <button type="button" class="cairn-button cairn-button--small" on:click=move |_| editing.set(false)>{move || i18n.t(Msg::Cancel)}</button>
                        </div>
                    </form>
                </Show>
                <Show when=move || history.with(|h| !h.is_empty())>
                    <details class="cairn-props__history">
                        <summary>{move || i18n.t(Msg::History)}</summary>
                        <ol>
                            {move || history.get().into_iter().rev().map(|h| view! {
                                <li>
                                    <span class="cairn-props__text">{h.value.as_ref().map(shown).unwrap_or_else(|| i18n.t(Msg::ValueCleared).to_string())}</span>
                                    <span class="cairn-muted">{format!(" · {} · {}", i18n.instant(h.at), i18n.t(source_msg(h.source)))}</span>
                                </li>
                            }).collect_view()}
                        </ol>
                    </details>
                </Show>
            </dd>
        </div>
    }
}

/// Why a save was refused, for the field named `property`.
pub fn problem_text(lang: crate::core::i18n::Lang, e: &CommandError, property: &str) -> String {
    let msg = e.field(property).map(field_problem).or_else(|| command_problem(e));
    match (msg, e) {
        (Some(m), _) => crate::core::i18n::tr(lang, m).to_string(),
        (None, CommandError::Schema(s)) => crate::core::i18n::schema_error(lang, s),
        (None, CommandError::Fields(errs)) => errs.first().map(|f| crate::core::i18n::tr(lang, field_problem(&f.problem)).to_string()).unwrap_or_default(),
        (None, _) => crate::core::i18n::tr(lang, Msg::SaveFailed).to_string(),
    }
}

/// An input fitting the property's type; values go to the core as typed, which validates them.
#[component]
pub fn PropertyInput(#[prop(into)] object: String, def: PropertyDef, #[prop(into)] id: String, value: RwSignal<String>, #[prop(into)] invalid: Signal<bool>, #[prop(into)] described_by: String) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let on_input = move |ev| value.set(event_target_value(&ev));
    let invalid = move || invalid.get().to_string();
    match def.kind {
        PropertyType::MultiLineText => view! {
            <textarea id=id aria-invalid=invalid aria-describedby=described_by rows="3" prop:value=move || value.get() on:input=on_input></textarea>
        }
        .into_any(),
        PropertyType::Dropdown | PropertyType::Radio | PropertyType::Checkbox | PropertyType::Owner => {
            let options: Vec<(String, String)> = match def.kind {
                PropertyType::Checkbox => vec![("true".into(), i18n.t(Msg::Yes).into()), ("false".into(), i18n.t(Msg::No).into())],
                PropertyType::Owner => store.ws.with_untracked(|ws| ws.owners().map(|o| (o.id.to_string(), o.name.clone())).collect()),
                _ => def.options.iter().filter(|o| !o.hidden).map(|o| (o.value.clone(), i18n.option_label(&object, &def.name, o))).collect(),
            };
            view! {
                <select id=id aria-invalid=invalid aria-describedby=described_by prop:value=move || value.get() on:change=on_input>
                    <option value="">{move || i18n.t(Msg::NoValue)}</option>
                    {options.into_iter().map(|(v, l)| { let selected = value.get_untracked() == v; view! { <option value=v selected=selected>{l}</option> } }).collect_view()}
                </select>
            }
            .into_any()
        }
        ref kind => {
            let kind = match kind {
                PropertyType::Date => "date",
                PropertyType::Email => "email",
                PropertyType::Phone => "tel",
                PropertyType::Url => "url",
                _ => "text",
            };
            let mode = match def.kind {
                PropertyType::Number { .. } | PropertyType::Currency => "decimal",
                _ => "text",
            };
            view! {
                <input id=id type=kind inputmode=mode autocomplete="off" aria-invalid=invalid aria-describedby=described_by prop:value=move || value.get() on:input=on_input/>
            }
            .into_any()
        }
    }
}
