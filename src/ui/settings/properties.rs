//! Settings › Data model › one object: its properties by group (label, internal name, type,
//! flags, how many records hold a value), creating and editing properties, and groups.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;

use super::errors::CommandProblem;
use super::frame::SettingsFrame;
use super::property_dialog::PropertyEditor;
use crate::core::command::Command;
use crate::core::i18n::format::format_number;
use crate::core::i18n::{object_plural, property_type, Msg};
use crate::core::schema::{PropertyDef, PropertyGroup, SchemaEdit};
use crate::core::settings::{property_groups, suggest_internal_name, PropertyRow};
use crate::ui::app::Base;
use crate::ui::i18n::use_i18n;
use crate::ui::record::modal::Modal;
use crate::ui::store::{use_store, DispatchError};

#[component]
pub fn PropertiesRoute() -> impl IntoView {
    let params = use_params_map();
    let object = Memo::new(move |_| params.with(|p| p.get("object").unwrap_or_default()));
    move || view! { <PropertiesPage object=object.get()/> }
}

/// The flags of a property, as words.
fn flags(def: &PropertyDef) -> Vec<Msg> {
    [(def.required, Msg::SetRequired), (def.unique, Msg::SetUnique), (def.hidden, Msg::SetHidden), (def.read_only, Msg::SetMaintained)]
        .into_iter()
        .filter_map(|(on, msg)| on.then_some(msg))
        .collect()
}

#[component]
fn PropertiesPage(object: String) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let base = expect_context::<Base>();
    let title = {
        let object = object.clone();
        move || store.ws.with(|ws| ws.schema().object(&object).map(|o| object_plural(i18n.lang.get(), o))).unwrap_or_else(|| i18n.t(Msg::NotFound).to_string())
    };
    let groups = {
        let object = object.clone();
        Memo::new(move |_| store.ws.with(|ws| property_groups(ws, &object)))
    };
    let error = RwSignal::new(None::<DispatchError>);
    let (creating, editing) = (RwSignal::new(false), RwSignal::new(false));
    let edited = RwSignal::new(None::<PropertyDef>);
    let new_group = RwSignal::new(String::new());

    let rename = {
        let object = object.clone();
        move |group: String, label: String| {
            let edit = SchemaEdit::RenameGroup { object: object.clone(), group, label };
            spawn_local(async move { error.set(store.dispatch(Command::EditSchema(edit)).await.err()) });
        }
    };
    let create_group = {
        let object = object.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let label = new_group.get_untracked();
            let edit = SchemaEdit::CreateGroup { object: object.clone(), name: suggest_internal_name(&label), label };
            spawn_local(async move {
                let result = store.dispatch(Command::EditSchema(edit)).await;
                if result.is_ok() {
                    new_group.set(String::new());
                }
                error.set(result.err());
            });
        }
    };

    let row_object = object.clone();
    let property_row = move |row: PropertyRow| {
        let def = row.def.clone();
        let label = i18n.prop_label(&row_object, &def);
        let kind = def.kind.clone();
        let flag_text = move || flags(&row.def).into_iter().map(|m| i18n.t(m)).collect::<Vec<_>>().join(", ");
        view! {
            <tr data-property=def.name.clone()>
                <th scope="row">{label.clone()}</th>
                <td><code>{def.name.clone()}</code></td>
                <td>{move || i18n.t(property_type(&kind))}</td>
                <td>{flag_text}</td>
                <td class="cairn-settings__number">{move || format_number(i18n.lang.get(), row.filled as f64, 0)}</td>
                <td>
                    <button type="button" class="cairn-button cairn-button--small" aria-label=move || format!("{} · {}", i18n.t(Msg::Edit), label)
                        on:click={
                            let def = def.clone();
                            move |_| { edited.set(Some(def.clone())); editing.set(true); }
                        }>
                        {move || i18n.t(Msg::Edit)}
                    </button>
                </td>
            </tr>
        }
    };
    let group_object = object.clone();
    let group_section = move |(group, rows): (PropertyGroup, Vec<PropertyRow>)| {
        let label = RwSignal::new(i18n.group_label(&group_object, &group));
        let renaming = RwSignal::new(false);
        let rename = rename.clone();
        let name = group.name.clone();
        let on_rename = move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            renaming.set(false);
            rename(name.clone(), label.get_untracked());
        };
        let input_id = format!("group-{}-label", group.name);
        view! {
            <section class="cairn-settings__group" data-group=group.name.clone()>
                <div class="cairn-settings__group-header">
                    <Show when=move || renaming.get() fallback=move || view! {
                        <h2>{move || label.get()}</h2>
                        <button type="button" class="cairn-button cairn-button--small" on:click=move |_| renaming.set(true)>{move || i18n.t(Msg::SetRename)}</button>
                    }>
                        <form class="cairn-settings__inline" on:submit=on_rename.clone()>
                            <div class="cairn-field">
                                <label for=input_id.clone()>{move || i18n.t(Msg::SetGroupLabel)}</label>
                                <input id=input_id.clone() prop:value=move || label.get() on:input=move |ev| label.set(event_target_value(&ev))/>
                            </div>
                            <button type="submit" class="cairn-button cairn-button--small">{move || i18n.t(Msg::Save)}</button>
                        </form>
                    </Show>
                </div>
                <div class="cairn-table__scroll">
                    <table class="cairn-table cairn-settings__table">
                        <thead>
                            <tr>
                                <th scope="col">{move || i18n.t(Msg::SetColLabel)}</th>
                                <th scope="col">{move || i18n.t(Msg::SetInternalName)}</th>
                                <th scope="col">{move || i18n.t(Msg::SetFieldType)}</th>
                                <th scope="col">{move || i18n.t(Msg::SetColFlags)}</th>
                                <th scope="col" class="cairn-settings__number">{move || i18n.t(Msg::SetColFilled)}</th>
                                <th scope="col"><span class="cairn-visually-hidden">{move || i18n.t(Msg::Actions)}</span></th>
                            </tr>
                        </thead>
                        <tbody>{rows.into_iter().map(property_row.clone()).collect_view()}</tbody>
                    </table>
                </div>
            </section>
        }
    };

    let (create_object, edit_object) = (object.clone(), object.clone());
    view! {
        <SettingsFrame>
            <a class="cairn-record__crumb" href=base.href("/settings/objects")>{move || i18n.t(Msg::SetBackToObjects)}</a>
            <header class="cairn-page__header">
                <h1>{title}" · "{move || i18n.t(Msg::SetProperties)}</h1>
                <button type="button" class="cairn-button cairn-button--primary" on:click=move |_| creating.set(true)>{move || i18n.t(Msg::SetCreateProperty)}</button>
            </header>
            <CommandProblem error=error id="properties-problem"/>
            <form class="cairn-settings__inline cairn-settings__new-group" on:submit=create_group>
                <div class="cairn-field">
                    <label for="new-group-label">{move || i18n.t(Msg::SetGroupLabel)}</label>
                    <input id="new-group-label" prop:value=move || new_group.get() on:input=move |ev| new_group.set(event_target_value(&ev))/>
                </div>
                <button type="submit" class="cairn-button">{move || i18n.t(Msg::SetCreateGroup)}</button>
            </form>
            {move || groups.get().into_iter().map(group_section.clone()).collect_view()}
            <Modal open=creating title=Msg::SetCreateProperty id="create-property">
                <PropertyEditor object=create_object.clone() existing=None open=creating/>
            </Modal>
            <Modal open=editing title=Msg::SetEditProperty id="edit-property">
                <PropertyEditor object=edit_object.clone() existing=edited.get_untracked() open=editing/>
            </Modal>
        </SettingsFrame>
    }
}
