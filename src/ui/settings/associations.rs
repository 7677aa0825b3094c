//! Settings › Associations: per pair of objects, its labels (single or paired, as seen from
//! each side), their limits and the pair's limits; new pairs and new labels.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::errors::error_text;
use super::fields::TextField;
use super::frame::SettingsFrame;
use super::label_form::LabelForm;
use crate::core::association::{AssociationDef, LabelView};
use crate::core::command::Command;
use crate::core::i18n::{object_plural, Msg};
use crate::core::schema::ObjectKind;
use crate::core::settings::parse_limit;
use crate::ui::i18n::use_i18n;
use crate::ui::store::use_store;

fn limit_text(max: Option<u32>) -> String {
    max.map(|m| m.to_string()).unwrap_or_default()
}

#[component]
pub fn AssociationsSettings() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let defs = Memo::new(move |_| store.ws.with(|ws| ws.associations().defs().defs.clone()));
    let objects = Memo::new(move |_| {
        store.ws.with(|ws| {
            ws.schema().objects.iter().filter(|o| o.enabled && o.kind != ObjectKind::Activity).map(|o| (o.name.clone(), object_plural(i18n.lang.get(), o))).collect::<Vec<_>>()
        })
    });
    // Every object's name, activities included (the timeline's links are listed too).
    let label_of = move |name: &str| {
        store.ws.with_untracked(|ws| ws.schema().object(name).map(|o| object_plural(i18n.lang.get_untracked(), o))).unwrap_or_else(|| name.to_string())
    };
    let failure = RwSignal::new(None::<String>);
    let define = move |def: AssociationDef| {
        spawn_local(async move {
            let result = store.dispatch(Command::DefineAssociation(def)).await;
            failure.set(result.err().map(|e| error_text(i18n.lang.get_untracked(), &e)));
        });
    };
    // Which pairs are unfolded, so that a saved change (which redraws the cards) keeps them open.
    let opened = RwSignal::new(std::collections::HashSet::<String>::new());
    let (first, second) = (RwSignal::new("contacts".to_string()), RwSignal::new("contacts".to_string()));
    let add_pair = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (a, b) = (first.get_untracked(), second.get_untracked());
        // Defining an existing pair again would replace its labels: only new pairs are added.
        if store.ws.with_untracked(|ws| ws.associations().defs().get(&a, &b).is_none()) {
            define(AssociationDef::new(&a, &b));
        }
    };
    let picker = move |id: &'static str, msg: Msg, value: RwSignal<String>| {
        view! {
            <div class="cairn-field">
                <label for=id>{move || i18n.t(msg)}</label>
                <select id=id on:change=move |ev| value.set(event_target_value(&ev))>
                    <For each=move || objects.get() key=|o| o.clone() children=move |(name, label)| {
                        let n = name.clone();
                        view! { <option value=name selected=move || value.get() == n>{label}</option> }
                    }/>
                </select>
            </div>
        }
    };

    let card = move |def: AssociationDef| {
        let key = format!("assoc-{}-{}", def.a, def.b);
        let (a_label, b_label) = (label_of(&def.a), label_of(&def.b));
        let (max_a, max_b) = (RwSignal::new(limit_text(def.max_b_per_a)), RwSignal::new(limit_text(def.max_a_per_b)));
        let bad = move |raw: RwSignal<String>| Signal::derive(move || raw.with(|r| parse_limit(r).is_err()).then(|| i18n.t(Msg::ErrNumber).to_string()));
        let save_limits = {
            let def = def.clone();
            move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                let (Ok(a), Ok(b)) = (parse_limit(&max_a.get_untracked()), parse_limit(&max_b.get_untracked())) else { return };
                define(AssociationDef { max_b_per_a: a, max_a_per_b: b, ..def.clone() });
            }
        };
        let view_text = |v: &LabelView| format!("{}{}", i18n.assoc_label(v), v.max.map(|m| format!(" (≤ {m})")).unwrap_or_default());
        let labels = def
            .labels
            .iter()
            .map(|l| {
                let without = AssociationDef { labels: def.labels.iter().filter(|x| *x != l).cloned().collect(), ..def.clone() };
                let text = i18n.assoc_label(&l.a);
                view! {
                    <tr data-label=l.a.name.clone()>
                        <td>{view_text(&l.a)}</td>
                        <td>{view_text(&l.b)}</td>
                        <td>
                            <button type="button" class="cairn-button cairn-button--small" aria-label=move || format!("{} · {}", i18n.t(Msg::Remove), text)
                                on:click=move |_| define(without.clone())>{move || i18n.t(Msg::Remove)}</button>
                        </td>
                    </tr>
                }
            })
            .collect_view();
        let empty = def.labels.is_empty();
        let (a_seen, b_seen) = (format!("{} {a_label}", i18n.t(Msg::SetSeenFrom)), format!("{} {b_label}", i18n.t(Msg::SetSeenFrom)));
        let count = def.labels.len();
        let pair = key.clone();
        let is_open = {
            let pair = pair.clone();
            move || opened.with(|o| o.contains(&pair))
        };
        let on_toggle = move |ev: leptos::ev::Event| {
            let open = ev.target().and_then(|t| js_sys::Reflect::get(&t, &"open".into()).ok()).and_then(|v| v.as_bool()).unwrap_or(false);
            opened.update(|o| {
                if open {
                    o.insert(pair.clone());
                } else {
                    o.remove(&pair);
                }
            });
        };
        view! {
            <details class="cairn-card cairn-settings__pair" data-pair=key.clone() prop:open=is_open on:toggle=on_toggle>
                <summary>
                    <h2>{a_label.clone()}" ↔ "{b_label.clone()}</h2>
                    <span class="cairn-settings__count">{format!("({count})")}</span>
                </summary>
                {if empty {
                    view! { <p class="cairn-muted">{move || i18n.t(Msg::SetNoLabels)}</p> }.into_any()
                } else {
                    view! {
                        <div class="cairn-table__scroll">
                            <table class="cairn-table cairn-settings__table">
                                <thead><tr>
                                    <th scope="col">{a_seen}</th>
                                    <th scope="col">{b_seen}</th>
                                    <th scope="col"><span class="cairn-visually-hidden">{move || i18n.t(Msg::Actions)}</span></th>
                                </tr></thead>
                                <tbody>{labels}</tbody>
                            </table>
                        </div>
                    }.into_any()
                }}
                <form class="cairn-settings__inline" novalidate on:submit=save_limits>
                    <TextField label=Msg::SetPairLimit id=format!("{key}-limit-a") suffix=a_label.clone() value=max_a problem=bad(max_a) input_type="number"/>
                    <TextField label=Msg::SetPairLimit id=format!("{key}-limit-b") suffix=b_label.clone() value=max_b problem=bad(max_b) input_type="number"/>
                    <button type="submit" class="cairn-button">{move || i18n.t(Msg::Save)}</button>
                </form>
                <LabelForm def=def.clone() key=key.clone() a_label=a_label b_label=b_label/>
            </details>
        }
    };

    view! {
        <SettingsFrame>
            <h1>{move || i18n.t(Msg::SetAssociations)}</h1>
            <p class="cairn-form__status cairn-form__status--error" role="alert">{move || failure.get()}</p>
            <form class="cairn-card cairn-settings__section cairn-settings__inline" on:submit=add_pair>
                {picker("pair-first", Msg::SetFirstObject, first)}
                {picker("pair-second", Msg::SetSecondObject, second)}
                <button type="submit" class="cairn-button cairn-button--primary">{move || i18n.t(Msg::SetNewAssociation)}</button>
            </form>
            {move || defs.get().into_iter().map(card).collect_view()}
        </SettingsFrame>
    }
}
