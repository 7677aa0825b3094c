//! The column mapping screen: one line per column of the file, with an example value and
//! what it is imported as, then what to do with records that already exist.

use leptos::prelude::*;

use crate::core::csv::{choices, Dedup, Target};
use crate::core::i18n::{object_plural, Msg};
use crate::ui::i18n::use_i18n;
use crate::ui::store::use_store;

use super::page::Wizard;

/// The first non-empty cell of a column among the first rows, as an example.
fn sample(wizard: Wizard, index: usize) -> String {
    wizard.table.with(|t| {
        t.as_ref().and_then(|t| t.rows.iter().take(20).filter_map(|r| r.cells.get(index)).find(|c| !c.trim().is_empty()).cloned()).unwrap_or_default()
    })
}

#[component]
pub fn ColumnMapping(wizard: Wizard) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    // (select value, option text) for every target the object offers.
    let options = Memo::new(move |_| {
        let object = wizard.object.get();
        let lang = i18n.lang.get();
        store.ws.with(|ws| {
            let def = ws.schema().object(&object);
            choices(ws.schema(), ws.associations(), &object)
                .into_iter()
                .map(|target| {
                    let text = match &target {
                        Target::Property(name) => def.and_then(|d| d.property(name)).map(|p| i18n.prop_label(&object, p)).unwrap_or_else(|| name.clone()),
                        Target::Associate(other) => {
                            let plural = ws.schema().object(other).map(|o| object_plural(lang, o)).unwrap_or_else(|| other.clone());
                            format!("{} {plural}", i18n.t(Msg::ImportAssociateWith))
                        }
                        _ => String::new(),
                    };
                    (target.key(), text)
                })
                .collect::<Vec<_>>()
        })
    });
    let header = move || wizard.table.with(|t| t.as_ref().map(|t| t.header.clone()).unwrap_or_default());
    let links = move || wizard.columns.with(|c| c.iter().any(|t| matches!(t, Target::Associate(_))));
    view! {
        <div class="cairn-table__scroll">
            <table class="cairn-table cairn-import__mapping" data-testid="import-mapping">
                <thead><tr>
                    <th scope="col">{move || i18n.t(Msg::ImportColumn)}</th>
                    <th scope="col">{move || i18n.t(Msg::ImportSample)}</th>
                    <th scope="col">{move || i18n.t(Msg::ImportMapsTo)}</th>
                </tr></thead>
                <tbody>
                    {move || header().into_iter().enumerate().map(|(index, column)| {
                        let id = format!("cairn-import-column-{index}");
                        let chosen = move || wizard.columns.with(|c| c.get(index).map(Target::key).unwrap_or_default());
                        let column_for_change = column.clone();
                        let on_change = move |ev| {
                            let target = Target::from_key(&event_target_value(&ev), &column_for_change);
                            wizard.columns.update(|c| if let Some(slot) = c.get_mut(index) { *slot = target; });
                        };
                        view! {
                            <tr>
                                <th scope="row"><label for=id.clone()>{column.clone()}</label></th>
                                <td class="cairn-import__sample">{sample(wizard, index)}</td>
                                <td>
                                    <select id=id class="cairn-import__select" data-column=column.clone() prop:value=chosen on:change=on_change>
                                        <option value="skip" selected=move || chosen() == "skip">{move || i18n.t(Msg::ImportDontImport)}</option>
                                        <option value="new" selected=move || chosen() == "new">{move || i18n.t(Msg::ImportNewProperty)}</option>
                                        {move || options.get().into_iter().map(|(key, text)| {
                                            let selected = { let key = key.clone(); move || chosen() == key };
                                            view! { <option value=key selected=selected>{text}</option> }
                                        }).collect_view()}
                                    </select>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <fieldset class="cairn-field cairn-field--group cairn-import__dedup">
            <legend>{move || i18n.t(Msg::ImportExisting)}</legend>
            {[(Dedup::Update, Msg::DedupUpdate, "update"), (Dedup::Skip, Msg::DedupSkip, "skip"), (Dedup::CreateOnly, Msg::DedupCreateOnly, "create-only")].into_iter().map(|(mode, msg, value)| view! {
                <label class="cairn-field__choice">
                    <input type="radio" name="cairn-import-dedup" value=value prop:checked=move || wizard.dedup.get() == mode on:change=move |_| wizard.dedup.set(mode)/>
                    {move || i18n.t(msg)}
                </label>
            }).collect_view()}
        </fieldset>
        <Show when=links>
            <label class="cairn-field__choice cairn-import__create-missing">
                <input type="checkbox" prop:checked=move || wizard.create_missing.get() on:change=move |ev| wizard.create_missing.set(event_target_checked(&ev))/>
                {move || i18n.t(Msg::ImportCreateMissing)}
            </label>
        </Show>
    }
}
