//! The recycle bin of one object: what was deleted, when, and a Restore button.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::dialog::Modal;
use crate::core::command::Command;
use crate::core::i18n::Msg;
use crate::core::id::RecordId;
use crate::core::time::Millis;
use crate::ui::i18n::use_i18n;
use crate::ui::store::use_store;

/// A binned record as the list shows it: id, name and when it was deleted.
fn binned_rows(ws: &crate::core::workspace::Workspace, object: &str) -> Vec<(RecordId, String, Millis)> {
    let Some(def) = ws.schema().object(object) else { return Vec::new() };
    let mut rows: Vec<_> = ws
        .binned()
        .filter(|b| b.record.object == object)
        .map(|b| (b.deleted_at, b.record.id.clone(), crate::core::index_table::cell_text(ws, def, &b.record, &def.primary_property)))
        .collect();
    rows.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    rows.into_iter().map(|(at, id, name)| (id, name, at)).collect()
}

#[component]
pub fn BinDialog(object: String, on_close: Callback<()>, on_done: Callback<Msg>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let rows = Memo::new(move |_| store.ws.with(|ws| binned_rows(ws, &object)));
    let restore = move |id: RecordId| {
        spawn_local(async move {
            let msg = match store.dispatch(Command::RestoreRecord { id }).await {
                Ok(_) => Msg::IdxRestored,
                Err(_) => Msg::IdxActionFailed,
            };
            on_done.run(msg);
        });
    };
    view! {
        <Modal title_id="bin-title" on_close=on_close>
            <header class="cairn-modal__header">
                <h2 id="bin-title">{move || i18n.t(Msg::IdxBin)}</h2>
                <button type="button" class="cairn-icon-button" aria-label=move || i18n.t(Msg::IdxClose) on:click=move |_| on_close.run(())>"×"</button>
            </header>
            <div class="cairn-modal__body">
                <Show when=move || rows.with(|r| !r.is_empty()) fallback=move || view! { <p class="cairn-muted">{i18n.t(Msg::IdxBinEmpty)}</p> }>
                    <table class="cairn-table cairn-bin__table">
                        <thead>
                            <tr>
                                <th scope="col">{move || i18n.t(Msg::IdxRecord)}</th>
                                <th scope="col">{move || i18n.t(Msg::IdxDeletedOn)}</th>
                                <th scope="col"><span class="cairn-visually-hidden">{move || i18n.t(Msg::IdxRestore)}</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            {move || rows.get().into_iter().map(|(id, name, day)| {
                                let name = if name.is_empty() { format!("#{id}") } else { name };
                                let key = id.to_string();
                                view! {
                                    <tr data-id=key>
                                        <td>{name}</td>
                                        <td>{move || i18n.instant(day)}</td>
                                        <td><button type="button" class="cairn-button" on:click=move |_| restore(id.clone())>{move || i18n.t(Msg::IdxRestore)}</button></td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </Show>
            </div>
        </Modal>
    }
}
