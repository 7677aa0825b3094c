//! Deleting selected records (after a confirmation) and the toast that offers Undo.

use std::collections::HashSet;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::dialog::Modal;
use crate::core::command::Command;
use crate::core::i18n::Msg;
use crate::core::id::RecordId;
use crate::ui::i18n::use_i18n;
use crate::ui::store::use_store;

/// A short message after an action; `undo` is how many commands the Undo button reverts.
#[derive(Clone, Debug, PartialEq)]
pub struct Toast {
    pub msg: Msg,
    pub undo: usize,
}

#[component]
pub fn ConfirmDelete(selected: RwSignal<HashSet<RecordId>>, toast: RwSignal<Option<Toast>>, on_close: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let busy = RwSignal::new(false);
    let confirm = move |_| {
        busy.set(true);
        let mut ids: Vec<RecordId> = selected.get_untracked().into_iter().collect();
        ids.sort();
        spawn_local(async move {
            // One command per record, each its own undo step; Undo reverts them all.
            let mut done = 0;
            let mut failed = false;
            for id in ids {
                match store.dispatch(Command::DeleteRecord { id }).await {
                    Ok(_) => done += 1,
                    Err(_) => failed = true,
                }
            }
            selected.set(HashSet::new());
            let msg = if failed { Msg::IdxActionFailed } else { Msg::IdxDeleted };
            toast.set(Some(Toast { msg, undo: done }));
            on_close.run(());
        });
    };
    view! {
        <Modal title_id="delete-title" on_close=on_close>
            <header class="cairn-modal__header">
                <h2 id="delete-title">{move || i18n.t(Msg::IdxDeleteConfirmTitle)}</h2>
            </header>
            <div class="cairn-modal__body">
                <p>{move || i18n.t(Msg::IdxDeleteConfirmText)}</p>
            </div>
            <footer class="cairn-modal__footer">
                <button type="button" class="cairn-button" autofocus on:click=move |_| on_close.run(())>{move || i18n.t(Msg::IdxCancel)}</button>
                <button type="button" class="cairn-button cairn-button--danger" disabled=move || busy.get() on:click=confirm>{move || i18n.t(Msg::IdxDelete)}</button>
            </footer>
        </Modal>
    }
}

#[component]
pub fn ToastView(toast: RwSignal<Option<Toast>>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let undo = move |_| {
        let Some(Toast { undo: n, .. }) = toast.get_untracked() else { return };
        spawn_local(async move {
            let mut ok = true;
            for _ in 0..n {
                if store.dispatch(Command::Undo).await.is_err() {
                    ok = false;
                    break;
                }
            }
            toast.set(Some(Toast { msg: if ok { Msg::IdxUndone } else { Msg::IdxActionFailed }, undo: 0 }));
        });
    };
    view! {
        <div class="cairn-toast" role="status" aria-live="polite">
            {move || toast.get().map(|t| view! {
                <div class="cairn-toast__body">
                    <span>{i18n.t(t.msg)}</span>
                    {(t.undo > 0).then(|| view! { <button type="button" class="cairn-button" on:click=undo>{i18n.t(Msg::IdxUndo)}</button> })}
                    <button type="button" class="cairn-icon-button" aria-label=i18n.t(Msg::IdxClose) on:click=move |_| toast.set(None)>"×"</button>
                </div>
            })}
        </div>
    }
}
