//! The options editor of enumeration properties: label, internal value, hidden, in order.
//! Removing an option that records still use is refused by the core when saving, with the
//! records listed.

use leptos::prelude::*;

use crate::core::i18n::Msg;
use crate::core::settings::{suggest_internal_name, OptionDraft};
use crate::ui::i18n::use_i18n;

/// One option row, as signals; `key` stays with the row when it moves.
#[derive(Clone, Copy)]
pub struct OptionRow {
    key: usize,
    label: RwSignal<String>,
    value: RwSignal<String>,
    hidden: RwSignal<bool>,
    /// A stored option keeps its value; a new one follows its label until edited.
    value_edited: RwSignal<bool>,
}

impl OptionRow {
    pub fn new(key: usize, draft: &OptionDraft, stored: bool) -> OptionRow {
        OptionRow {
            key,
            label: RwSignal::new(draft.label.clone()),
            value: RwSignal::new(draft.value.clone()),
            hidden: RwSignal::new(draft.hidden),
            value_edited: RwSignal::new(stored),
        }
    }

    pub fn draft(&self) -> OptionDraft {
        OptionDraft { label: self.label.get_untracked(), value: self.value.get_untracked(), hidden: self.hidden.get_untracked() }
    }
}

fn moved(rows: &mut [OptionRow], key: usize, up: bool) {
    let Some(at) = rows.iter().position(|r| r.key == key) else { return };
    let to = if up { at.checked_sub(1) } else { Some(at + 1).filter(|t| *t < rows.len()) };
    if let Some(to) = to {
        rows.swap(at, to);
    }
}

#[component]
pub fn OptionsEditor(rows: RwSignal<Vec<OptionRow>>) -> impl IntoView {
    let i18n = use_i18n();
    let next_key = StoredValue::new(rows.with_untracked(|r| r.iter().map(|x| x.key + 1).max().unwrap_or(0)));
    let add = move |_| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        rows.update(|r| r.push(OptionRow::new(key, &OptionDraft::default(), false)));
    };
    let row = move |r: OptionRow| {
        let k = r.key;
        let position = move || rows.with(|all| all.iter().position(|x| x.key == k).map(|p| p + 1).unwrap_or(0));
        let named = move |msg: Msg| format!("{} · {}", i18n.t(msg), position());
        view! {
            <li class="cairn-options__row" data-option=move || r.value.get()>
                <div class="cairn-field">
                    <label for=format!("option-{k}-label")>{move || named(Msg::SetColLabel)}</label>
                    <input id=format!("option-{k}-label") prop:value=move || r.label.get() on:input=move |ev| {
                        let text = event_target_value(&ev);
                        if !r.value_edited.get_untracked() {
                            r.value.set(suggest_internal_name(&text));
                        }
                        r.label.set(text);
                    }/>
                </div>
                <div class="cairn-field">
                    <label for=format!("option-{k}-value")>{move || named(Msg::SetOptionValue)}</label>
                    <input id=format!("option-{k}-value") prop:value=move || r.value.get() on:input=move |ev| {
                        r.value_edited.set(true);
                        r.value.set(event_target_value(&ev));
                    }/>
                </div>
                <label class="cairn-field__choice">
                    <input type="checkbox" prop:checked=move || r.hidden.get() on:change=move |ev| r.hidden.set(event_target_checked(&ev))/>
                    {move || i18n.t(Msg::SetHidden)}
                </label>
                <div class="cairn-options__buttons">
                    <button type="button" class="cairn-icon-button" aria-label=move || named(Msg::SetMoveUp) on:click=move |_| rows.update(|all| moved(all, k, true))>"↑"</button>
                    <button type="button" class="cairn-icon-button" aria-label=move || named(Msg::SetMoveDown) on:click=move |_| rows.update(|all| moved(all, k, false))>"↓"</button>
                    <button type="button" class="cairn-icon-button" aria-label=move || named(Msg::Remove) on:click=move |_| rows.update(|all| all.retain(|x| x.key != k))>"×"</button>
                </div>
            </li>
        }
    };
    view! {
        <fieldset class="cairn-field cairn-field--group cairn-options">
            <legend>{move || i18n.t(Msg::SetOptions)}</legend>
            <ol class="cairn-options__list">
                <For each=move || rows.get() key=|r| r.key children=row/>
            </ol>
            <button type="button" class="cairn-button cairn-button--small" on:click=add>{move || i18n.t(Msg::SetAddOption)}</button>
        </fieldset>
    }
}
