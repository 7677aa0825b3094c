//! The CSV export card: one object's records, all properties or the table's columns,
//! headed by labels or internal names.

use leptos::prelude::*;

use crate::core::csv::{all_columns, export_records_with, Header};
use crate::core::i18n::{object_plural, Msg};
use crate::core::index_table::default_columns;
use crate::core::schema::ObjectKind;
use crate::ui::i18n::use_i18n;
use crate::ui::store::{now, use_store};

use super::files::download;

#[component]
pub fn CsvExportCard() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let object = RwSignal::new("contacts".to_string());
    let all = RwSignal::new(true);
    let header = RwSignal::new(Header::Labels);
    let bom = RwSignal::new(false);
    let objects = Memo::new(move |_| {
        let lang = i18n.lang.get();
        store.ws.with(|ws| ws.schema().objects.iter().filter(|o| o.enabled && o.kind != ObjectKind::Activity).map(|o| (o.name.clone(), object_plural(lang, o))).collect::<Vec<_>>())
    });
    let on_export = move |_| {
        let name = object.get_untracked();
        let text = store.ws.with_untracked(|ws| {
            let def = ws.schema().object(&name)?;
            let columns = if all.get_untracked() { all_columns(def) } else { default_columns(def) };
            Some(export_records_with(def, ws.records_of(&name), &columns, header.get_untracked(), bom.get_untracked()))
        });
        let Some(text) = text else { return };
        if let Err(e) = download(&format!("cairn-{name}-{}.csv", now().to_date()), "text/csv;charset=utf-8", &text) {
            web_sys::console::warn_2(&"Cairn: export failed".into(), &e);
        }
    };
    let choice = |name: &'static str, value: &'static str, msg: Msg, checked: Signal<bool>, set: Callback<()>| {
        view! {
            <label class="cairn-field__choice">
                <input type="radio" name=name value=value prop:checked=move || checked.get() on:change=move |_| set.run(())/>
                {move || i18n.t(msg)}
            </label>
        }
    };
    view! {
        <div class="cairn-card cairn-data__csv-export">
            <h2>{move || i18n.t(Msg::ExportCsvTitle)}</h2>
            <p class="cairn-muted">{move || i18n.t(Msg::ExportCsvHint)}</p>
            <div class="cairn-field">
                <label for="cairn-export-object">{move || i18n.t(Msg::ExportObject)}</label>
                <select id="cairn-export-object" prop:value=move || object.get() on:change=move |ev| object.set(event_target_value(&ev))>
                    {move || objects.get().into_iter().map(|(name, plural)| {
                        let selected = { let name = name.clone(); move || object.get() == name };
                        view! { <option value=name selected=selected>{plural}</option> }
                    }).collect_view()}
                </select>
            </div>
            <fieldset class="cairn-field cairn-field--group">
                <legend>{move || i18n.t(Msg::ExportColumns)}</legend>
                {choice("cairn-export-columns", "all", Msg::ExportAllColumns, Signal::derive(move || all.get()), Callback::new(move |_| all.set(true)))}
                {choice("cairn-export-columns", "table", Msg::ExportTableColumns, Signal::derive(move || !all.get()), Callback::new(move |_| all.set(false)))}
            </fieldset>
            <fieldset class="cairn-field cairn-field--group">
                <legend>{move || i18n.t(Msg::ExportHeaderRow)}</legend>
                {choice("cairn-export-header", "labels", Msg::ExportHeaderLabels, Signal::derive(move || header.get() == Header::Labels), Callback::new(move |_| header.set(Header::Labels)))}
                {choice("cairn-export-header", "names", Msg::ExportHeaderNames, Signal::derive(move || header.get() == Header::InternalNames), Callback::new(move |_| header.set(Header::InternalNames)))}
            </fieldset>
            <label class="cairn-field__choice">
                <input type="checkbox" prop:checked=move || bom.get() on:change=move |ev| bom.set(event_target_checked(&ev))/>
                {move || i18n.t(Msg::ExportBom)}
            </label>
            <div class="cairn-form__actions">
                <button type="button" class="cairn-button cairn-button--primary" disabled=move || store.loading() on:click=on_export>{move || i18n.t(Msg::ExportCsvAction)}</button>
            </div>
        </div>
    }
}
