//! Settings › Data model: every object with its record and property counts, switching
//! admin-activated and custom objects on or off, and creating custom objects.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::create_object::CreateObjectDialog;
use super::errors::CommandProblem;
use super::frame::SettingsFrame;
use crate::core::command::Command;
use crate::core::i18n::format::format_number;
use crate::core::i18n::Msg;
use crate::core::schema::{ObjectKind, SchemaEdit};
use crate::core::settings::{object_rows, ObjectRow};
use crate::ui::app::Base;
use crate::ui::i18n::use_i18n;
use crate::ui::store::{use_store, DispatchError};

pub fn kind_label(kind: ObjectKind) -> Msg {
    match kind {
        ObjectKind::Standard => Msg::SetKindStandard,
        ObjectKind::Activity => Msg::SetKindActivity,
        ObjectKind::AdminActivated => Msg::SetKindAdmin,
        ObjectKind::Custom => Msg::SetKindCustom,
    }
}

#[component]
pub fn ObjectsSettings() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let base = expect_context::<Base>();
    let rows = Memo::new(move |_| store.ws.with(|ws| object_rows(ws, i18n.lang.get())));
    let error = RwSignal::new(None::<DispatchError>);
    let creating = RwSignal::new(false);

    let switch = move |object: String, enabled: bool| {
        spawn_local(async move {
            let result = store.dispatch(Command::EditSchema(SchemaEdit::SetObjectEnabled { object, enabled })).await;
            error.set(result.err());
        });
    };
    let number = move |n: usize| format_number(i18n.lang.get(), n as f64, 0);

    let row = move |r: ObjectRow| {
        let switchable = matches!(r.kind, ObjectKind::AdminActivated | ObjectKind::Custom);
        let (name, enabled) = (r.name.clone(), r.enabled);
        let label = r.label.clone();
        view! {
            <tr data-object=r.name.clone()>
                <th scope="row"><a href=base.href(&format!("/settings/objects/{}", r.name))>{r.label.clone()}</a></th>
                <td>{move || i18n.t(kind_label(r.kind))}</td>
                <td class="cairn-settings__number">{move || number(r.records)}</td>
                <td class="cairn-settings__number">{move || number(r.properties)}</td>
                <td>
                    <span class="cairn-settings__status">{move || i18n.t(if enabled { Msg::SetOn } else { Msg::SetOff })}</span>
                    {switchable.then(|| view! {
                        <button type="button" class="cairn-button cairn-button--small"
                            aria-label=move || format!("{} · {}", i18n.t(if enabled { Msg::SetSwitchOff } else { Msg::SetSwitchOn }), label)
                            on:click=move |_| switch(name.clone(), !enabled)>
                            {move || i18n.t(if enabled { Msg::SetSwitchOff } else { Msg::SetSwitchOn })}
                        </button>
                    })}
                </td>
            </tr>
        }
    };

    view! {
        <SettingsFrame>
            <header class="cairn-page__header">
                <h1>{move || i18n.t(Msg::SetDataModel)}</h1>
                <button type="button" class="cairn-button cairn-button--primary" on:click=move |_| creating.set(true)>
                    {move || i18n.t(Msg::SetCreateObject)}
                </button>
            </header>
            <CommandProblem error=error id="objects-problem"/>
            <div class="cairn-table__scroll">
                <table class="cairn-table cairn-settings__table">
                    <thead>
                        <tr>
                            <th scope="col">{move || i18n.t(Msg::SetColObject)}</th>
                            <th scope="col">{move || i18n.t(Msg::SetColKind)}</th>
                            <th scope="col" class="cairn-settings__number">{move || i18n.t(Msg::SetColRecords)}</th>
                            <th scope="col" class="cairn-settings__number">{move || i18n.t(Msg::SetColProperties)}</th>
                            <th scope="col">{move || i18n.t(Msg::SetColStatus)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || rows.get() key=|r| (r.name.clone(), r.label.clone(), r.enabled, r.records, r.properties) children=row/>
                    </tbody>
                </table>
            </div>
            <CreateObjectDialog open=creating/>
        </SettingsFrame>
    }
}
