//! The filter builder: groups of conditions (AND inside, OR between), each a property, an
//! operator that fits its type and an operand input that fits both; and the chips that sum
//! up the active filters.
//!
//! The builder is rendered from the filter's *shape* (which properties and operators, in
//! which groups), so typing an operand never rebuilds the inputs. Operands are applied on
//! `change` (Enter or leaving the field), not on every key: a query over 100,000 records
//! runs once per value, not once per keystroke.

use leptos::prelude::*;

use crate::core::i18n::Msg;
use crate::core::query::{Condition, Filter, Group, Operator, QueryError};
use crate::core::schema::ObjectDef;
use crate::core::views::{build_op, filter_properties, operand_input, operands, operators, summary, OperandInput};
use crate::ui::i18n::use_i18n;
use crate::ui::store::use_store;

type Shape = Vec<Vec<(String, Operator)>>;

fn shape(filter: &Filter) -> Shape {
    filter.groups.iter().map(|g| g.conditions.iter().map(|c| (c.property.clone(), c.op.operator())).collect()).collect()
}

/// A new condition on the object's primary property with its first operator.
fn new_condition(def: &ObjectDef) -> Condition {
    let property = def.primary_property.clone();
    let operator = operators(def, &property).first().copied().unwrap_or(Operator::IsKnown);
    Condition { property, op: build_op(operator, &[]) }
}

fn condition_mut(filter: &mut Filter, g: usize, c: usize) -> Option<&mut Condition> {
    filter.groups.get_mut(g)?.conditions.get_mut(c)
}

/// Removes a condition, and its group once empty.
fn remove_condition(filter: &mut Filter, g: usize, c: usize) {
    if let Some(group) = filter.groups.get_mut(g) {
        if c < group.conditions.len() {
            group.conditions.remove(c);
        }
        if group.conditions.is_empty() {
            filter.groups.remove(g);
        }
    }
}

#[component]
pub fn FilterChips(def: Memo<Option<ObjectDef>>, filter: RwSignal<Filter>, on_open: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let chips = move || {
        let lang = i18n.lang.get();
        let Some(def) = def.get() else { return Vec::new() };
        let groups = filter.get().groups;
        store.ws.with(|ws| {
            groups
                .iter()
                .enumerate()
                .flat_map(|(g, group)| group.conditions.iter().enumerate().map(move |(c, cond)| (g, c, cond)))
                .map(|(g, c, cond)| (g, c, summary(ws, &def, cond, lang)))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <Show when=move || filter.with(|f| !f.groups.is_empty())>
            <ul class="cairn-chips" aria-label=move || i18n.t(Msg::FilterActive)>
                {move || {
                    let mut last_group = None;
                    chips().into_iter().map(|(g, c, text)| {
                        let or = last_group.is_some_and(|l| l != g);
                        last_group = Some(g);
                        view! {
                            {or.then(|| view! { <li class="cairn-chips__or">{i18n.t(Msg::FilterOr)}</li> })}
                            <li class="cairn-chip">
                                <button type="button" class="cairn-chip__text" on:click=move |_| on_open.run(())>{text}</button>
                                <button type="button" class="cairn-chip__remove" aria-label=move || i18n.t(Msg::FilterRemoveCondition)
                                    on:click=move |_| filter.update(|f| remove_condition(f, g, c))>"×"</button>
                            </li>
                        }
                    }).collect_view()
                }}
                <li><button type="button" class="cairn-button cairn-button--small" on:click=move |_| filter.set(Filter::default())>{move || i18n.t(Msg::FilterClearAll)}</button></li>
            </ul>
        </Show>
    }
}

/// The builder; `prefix` keeps element ids unique when a page holds several builders
/// (a workflow's trigger, branch and goal).
#[component]
pub fn FilterBuilder(
    def: Memo<Option<ObjectDef>>,
    filter: RwSignal<Filter>,
    problems: Memo<Vec<((usize, usize), QueryError)>>,
    on_close: Callback<()>,
    #[prop(optional)] prefix: Option<&'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    let prefix = prefix.unwrap_or("filter");
    let title_id = format!("{prefix}-title");
    let labelled_by = title_id.clone();
    let shape = Memo::new(move |_| filter.with(shape));
    let add_group = move |_| {
        if let Some(d) = def.get_untracked() {
            filter.update(|f| f.groups.push(Group { conditions: vec![new_condition(&d)] }));
        }
    };
    let groups = move || {
        shape
            .get()
            .into_iter()
            .enumerate()
            .map(|(g, conditions)| {
                let rows = conditions
                    .into_iter()
                    .enumerate()
                    .map(|(c, (property, operator))| {
                        view! {
                            {(c > 0).then(|| view! { <p class="cairn-filters__and">{move || i18n.t(Msg::FilterAnd)}</p> })}
                            <ConditionRow def=def filter=filter problems=problems g=g c=c property=property operator=operator prefix=prefix/>
                        }
                    })
                    .collect_view();
                let add_condition = move |_| {
                    if let Some(d) = def.get_untracked() {
                        filter.update(|f| {
                            if let Some(group) = f.groups.get_mut(g) {
                                group.conditions.push(new_condition(&d));
                            }
                        });
                    }
                };
                view! {
                    {(g > 0).then(|| view! { <p class="cairn-filters__or">{move || i18n.t(Msg::FilterOr)}</p> })}
                    <fieldset class="cairn-filters__group" data-testid="filter-group">
                        <legend>{move || format!("{} {}", i18n.t(Msg::FilterGroup), g + 1)}</legend>
                        {rows}
                        <button type="button" class="cairn-button cairn-button--small" on:click=add_condition>{move || i18n.t(Msg::FilterAddCondition)}</button>
                    </fieldset>
                }
            })
            .collect_view()
    };
    view! {
        <section class="cairn-filters" aria-labelledby=labelled_by>
            <header class="cairn-filters__header">
                <h2 id=title_id>{move || i18n.t(Msg::FilterTitle)}</h2>
                <button type="button" class="cairn-button cairn-button--small" on:click=move |_| on_close.run(())>{move || i18n.t(Msg::FilterDone)}</button>
            </header>
            {groups}
            <div class="cairn-filters__actions">
                <button type="button" class="cairn-button" on:click=add_group>{move || i18n.t(Msg::FilterAddGroup)}</button>
                <button type="button" class="cairn-button" on:click=move |_| filter.set(Filter::default())>{move || i18n.t(Msg::FilterClearAll)}</button>
            </div>
        </section>
    }
}

#[component]
fn ConditionRow(
    def: Memo<Option<ObjectDef>>,
    filter: RwSignal<Filter>,
    problems: Memo<Vec<((usize, usize), QueryError)>>,
    g: usize,
    c: usize,
    property: String,
    operator: Operator,
    prefix: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let id = format!("{prefix}-{g}-{c}");
    let current = move || filter.with(|f| f.groups.get(g).and_then(|gr| gr.conditions.get(c)).map(|cond| operands(&cond.op)).unwrap_or_default());
    let set_operands = move |values: Vec<String>| {
        filter.update(|f| {
            if let Some(cond) = condition_mut(f, g, c) {
                cond.op = build_op(cond.op.operator(), &values);
            }
        })
    };
    let set_property = move |name: String| {
        let Some(d) = def.get_untracked() else { return };
        let first = operators(&d, &name).first().copied().unwrap_or(Operator::IsKnown);
        filter.update(|f| {
            if let Some(cond) = condition_mut(f, g, c) {
                cond.property = name;
                cond.op = build_op(first, &[]);
            }
        });
    };
    let set_operator = move |raw: String| {
        let Some(d) = def.get_untracked() else { return };
        filter.update(|f| {
            if let Some(cond) = condition_mut(f, g, c) {
                let Some(op) = operators(&d, &cond.property).iter().copied().find(|o| format!("{o:?}") == raw) else { return };
                cond.op = build_op(op, &operands(&cond.op));
            }
        });
    };
    let lang = i18n.lang.get_untracked();
    let (properties, ops, input) = match def.get_untracked() {
        Some(d) => store.ws.with_untracked(|ws| (filter_properties(ws, &d, lang), operators(&d, &property).to_vec(), operand_input(ws, &d, &property, operator, lang))),
        None => (Vec::new(), Vec::new(), OperandInput::None),
    };
    let value_id = format!("{id}-value");
    let problem = move || {
        problems.with(|p| p.iter().find(|(at, _)| *at == (g, c)).map(|(_, e)| e.message())).filter(|_| current().iter().any(|v| !v.trim().is_empty()))
    };
    let text_input = |kind: &'static str, index: usize, input_id: String| {
        view! {
            <input id=input_id type=kind class="cairn-filters__value" prop:value=move || current().get(index).cloned().unwrap_or_default()
                on:change=move |ev| {
                    let mut values = current();
                    values.resize(values.len().max(index + 1), String::new());
                    values[index] = event_target_value(&ev);
                    set_operands(values);
                }/>
        }
    };
    let value = match input {
        OperandInput::None => ().into_any(),
        OperandInput::Text | OperandInput::Number | OperandInput::Date | OperandInput::Days => {
            let kind = match input {
                OperandInput::Number | OperandInput::Days => "number",
                OperandInput::Date => "date",
                _ => "text",
            };
            let second = (operator == Operator::Between).then(|| {
                view! {
                    <span class="cairn-filters__to">{move || i18n.t(Msg::FilterValueTo)}</span>
                    <label class="cairn-visually-hidden" for=format!("{value_id}-2")>{move || i18n.t(Msg::FilterValue)}</label>
                    {text_input(kind, 1, format!("{value_id}-2"))}
                }
            });
            view! {
                <label class="cairn-visually-hidden" for=value_id.clone()>{move || i18n.t(Msg::FilterValue)}</label>
                {text_input(kind, 0, value_id.clone())}
                {second}
            }
            .into_any()
        }
        OperandInput::Choice(options) => view! {
            <label class="cairn-visually-hidden" for=value_id.clone()>{move || i18n.t(Msg::FilterValue)}</label>
            <select id=value_id.clone() class="cairn-filters__value" prop:value=move || current().first().cloned().unwrap_or_default()
                on:change=move |ev| set_operands(vec![event_target_value(&ev)])>
                <option value="">{move || i18n.t(Msg::FilterChoose)}</option>
                {options.into_iter().map(|(v, l)| view! { <option value=v>{l}</option> }).collect_view()}
            </select>
        }
        .into_any(),
        OperandInput::Choices(options) => view! {
            <fieldset class="cairn-filters__choices">
                <legend class="cairn-visually-hidden">{move || i18n.t(Msg::FilterValue)}</legend>
                {options.into_iter().map(|(v, l)| {
                    let (v1, v2) = (v.clone(), v);
                    view! {
                        <label class="cairn-field__choice">
                            <input type="checkbox" prop:checked=move || current().contains(&v1)
                                on:change=move |ev| {
                                    let mut values = current();
                                    values.retain(|x| x != &v2);
                                    if event_target_checked(&ev) { values.push(v2.clone()); }
                                    set_operands(values);
                                }/>
                            {l}
                        </label>
                    }
                }).collect_view()}
            </fieldset>
        }
        .into_any(),
    };
    let prop_id = format!("{id}-property");
    let op_id = format!("{id}-operator");
    let selected_property = property.clone();
    view! {
        <div class="cairn-filters__condition" data-testid="filter-condition">
            <label class="cairn-visually-hidden" for=prop_id.clone()>{move || i18n.t(Msg::FilterProperty)}</label>
            <select id=prop_id class="cairn-filters__property" on:change=move |ev| set_property(event_target_value(&ev))>
                {properties.into_iter().map(|(name, label)| {
                    let selected = name == selected_property;
                    view! { <option value=name selected=selected>{label}</option> }
                }).collect_view()}
            </select>
            <label class="cairn-visually-hidden" for=op_id.clone()>{move || i18n.t(Msg::FilterOperator)}</label>
            <select id=op_id class="cairn-filters__operator" on:change=move |ev| set_operator(event_target_value(&ev))>
                {ops.into_iter().map(|o| {
                    let selected = o == operator;
                    view! { <option value=format!("{o:?}") selected=selected>{move || i18n.t(o.label())}</option> }
                }).collect_view()}
            </select>
            {value}
            <button type="button" class="cairn-icon-button" aria-label=move || i18n.t(Msg::FilterRemoveCondition)
                on:click=move |_| filter.update(|f| remove_condition(f, g, c))>"×"</button>
            {move || problem().map(|m| view! { <p class="cairn-field__error" role="alert">{i18n.t(m)}</p> })}
        </div>
    }
}
