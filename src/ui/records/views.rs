//! Saved views as tabs: "All", "My …" when the device knows its owner, then the object's
//! saved views; "Save view" and "Save as new view" when the table differs from its tab.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::delete::Toast;
use crate::core::change::EntityKey;
use crate::core::command::{Command, CommandError};
use crate::core::i18n::{command_problem, Msg};
use crate::core::id::RecordId;
use crate::core::views::{builtin_query, views_of, Builtin, TableState, ViewEdit};
use crate::storage::prefs;
use crate::ui::i18n::use_i18n;
use crate::ui::store::{use_store, DispatchError};

/// Which tab an index page shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Tab {
    Builtin(Builtin),
    Saved(RecordId),
}

impl Tab {
    /// How the tab is remembered in preferences.
    pub fn key(&self) -> String {
        match self {
            Tab::Builtin(Builtin::All) => "all".into(),
            Tab::Builtin(Builtin::Mine) => "mine".into(),
            Tab::Saved(id) => id.to_string(),
        }
    }

    pub fn from_key(key: &str) -> Tab {
        match key {
            "all" => Tab::Builtin(Builtin::All),
            "mine" => Tab::Builtin(Builtin::Mine),
            id => Tab::Saved(RecordId::from(id)),
        }
    }
}

/// The owner this device's user is, when it names an existing owner.
pub fn my_owner() -> Option<String> {
    prefs::my_owner().filter(|o| !o.trim().is_empty())
}

/// What a tab shows, or `None` when it cannot be shown (a deleted view, no owner for "My").
pub fn tab_state(ws: &crate::core::workspace::Workspace, tab: &Tab) -> Option<TableState> {
    match tab {
        Tab::Builtin(b) => builtin_query(*b, my_owner().as_deref()),
        Tab::Saved(id) => ws.view(id).map(|v| v.state.clone()),
    }
}

fn problem(error: &DispatchError) -> Msg {
    match error {
        DispatchError::Command(e @ CommandError::View(_)) => command_problem(e).unwrap_or(Msg::IdxActionFailed),
        _ => Msg::IdxActionFailed,
    }
}

#[component]
pub fn ViewTabs(object: String, tab: RwSignal<Tab>, state: RwSignal<TableState>, dirty: Memo<bool>, toast: RwSignal<Option<Toast>>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let obj = StoredValue::new(object);
    let saved = Memo::new(move |_| store.ws.with(|ws| views_of(ws.views(), &obj.get_value()).into_iter().map(|v| (v.id.clone(), v.name.clone())).collect::<Vec<_>>()));
    let naming = RwSignal::new(false);
    // Renaming reuses the name form; `naming` then saves under the current tab's id.
    let renaming = RwSignal::new(false);
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Msg>);
    let choose = move |t: Tab| {
        let shown = store.ws.with_untracked(|ws| tab_state(ws, &t));
        if let Some(s) = shown {
            prefs::set_last_view(&obj.get_value(), &t.key());
            state.set(s);
            tab.set(t);
        }
    };
    let tab_button = move |t: Tab, label: Signal<String>| {
        let (t1, t2) = (t.clone(), t);
        view! {
            <li>
                <button type="button" class="cairn-views__tab" aria-pressed=move || (tab.get() == t1).to_string() on:click=move |_| choose(t2.clone())>
                    {label}
                </button>
            </li>
        }
    };
    let save = move |_| {
        let Tab::Saved(id) = tab.get_untracked() else { return };
        let edit = ViewEdit::Update { id, state: state.get_untracked() };
        spawn_local(async move {
            let msg = match store.dispatch(Command::EditView(edit)).await {
                Ok(_) => Msg::ViewSaved,
                Err(e) => problem(&e),
            };
            toast.set(Some(Toast { msg, undo: 0 }));
        });
    };
    let rename = move |id: RecordId| {
        let edit = ViewEdit::Rename { id, name: name.get_untracked() };
        spawn_local(async move {
            match store.dispatch(Command::EditView(edit)).await {
                Ok(_) => {
                    naming.set(false);
                    renaming.set(false);
                    error.set(None);
                    toast.set(Some(Toast { msg: Msg::ViewRenamed, undo: 1 }));
                }
                Err(e) => error.set(Some(problem(&e))),
            }
        });
    };
    let start_rename = move |_| {
        let Tab::Saved(id) = tab.get_untracked() else { return };
        let current = saved.with_untracked(|s| s.iter().find(|(v, _)| *v == id).map(|(_, n)| n.clone())).unwrap_or_default();
        name.set(current);
        error.set(None);
        renaming.set(true);
        naming.set(true);
    };
    let save_new = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if renaming.get_untracked() {
            if let Tab::Saved(id) = tab.get_untracked() {
                rename(id);
            }
            return;
        }
        let edit = ViewEdit::Create { object: obj.get_value(), name: name.get_untracked(), state: state.get_untracked() };
        spawn_local(async move {
            match store.dispatch(Command::EditView(edit)).await {
                Ok(commit) => {
                    if let Some(EntityKey::View(id)) = commit.changes.first().map(|c| c.key.clone()) {
                        prefs::set_last_view(&obj.get_value(), &id.to_string());
                        tab.set(Tab::Saved(id));
                    }
                    naming.set(false);
                    name.set(String::new());
                    error.set(None);
                    toast.set(Some(Toast { msg: Msg::ViewSaved, undo: 0 }));
                }
                Err(e) => error.set(Some(problem(&e))),
            }
        });
    };
    let delete = move |_| {
        let Tab::Saved(id) = tab.get_untracked() else { return };
        spawn_local(async move {
            let msg = match store.dispatch(Command::EditView(ViewEdit::Delete { id })).await {
                Ok(_) => {
                    choose(Tab::Builtin(Builtin::All));
                    Msg::ViewDeleted
                }
                Err(e) => problem(&e),
            };
            toast.set(Some(Toast { msg, undo: 1 }));
        });
    };
    let move_left = move |_| {
        let Tab::Saved(id) = tab.get_untracked() else { return };
        let mut ids: Vec<RecordId> = saved.get_untracked().into_iter().map(|(id, _)| id).collect();
        let Some(at) = ids.iter().position(|x| *x == id).filter(|at| *at > 0) else { return };
        ids.swap(at, at - 1);
        let edit = ViewEdit::Reorder { object: obj.get_value(), ids };
        spawn_local(async move {
            if let Err(e) = store.dispatch(Command::EditView(edit)).await {
                toast.set(Some(Toast { msg: problem(&e), undo: 0 }));
            }
        });
    };
    let on_saved_tab = move || matches!(tab.get(), Tab::Saved(_));
    let can_move_left = move || match tab.get() {
        Tab::Saved(id) => saved.with(|s| s.first().is_some_and(|(first, _)| *first != id)),
        _ => false,
    };
    view! {
        <div class="cairn-views">
            <ul class="cairn-views__tabs" aria-label=move || i18n.t(Msg::ViewTabs)>
                {tab_button(Tab::Builtin(Builtin::All), Signal::derive(move || i18n.t(Msg::ViewAll).to_string()))}
                {my_owner().map(|_| tab_button(Tab::Builtin(Builtin::Mine), Signal::derive(move || i18n.t(Msg::ViewMine).to_string())))}
                <For each=move || saved.get() key=|v| v.clone() let:v>
                    {tab_button(Tab::Saved(v.0), Signal::derive(move || v.1.clone()))}
                </For>
            </ul>
            <div class="cairn-views__actions">
                <Show when=move || dirty.get() && on_saved_tab()>
                    <button type="button" class="cairn-button cairn-button--primary cairn-button--small" on:click=save>{move || i18n.t(Msg::ViewSave)}</button>
                </Show>
                <Show when=move || dirty.get()>
                    <button type="button" class="cairn-button cairn-button--small" on:click=move |_| { renaming.set(false); name.set(String::new()); naming.set(true); }>{move || i18n.t(Msg::ViewSaveAsNew)}</button>
                </Show>
                <Show when=can_move_left>
                    <button type="button" class="cairn-button cairn-button--small" on:click=move_left>{move || i18n.t(Msg::ViewMoveLeft)}</button>
                </Show>
                <Show when=on_saved_tab>
                    <button type="button" class="cairn-button cairn-button--small" data-testid="view-rename" on:click=start_rename>{move || i18n.t(Msg::ViewRename)}</button>
                </Show>
                <Show when=on_saved_tab>
                    <button type="button" class="cairn-button cairn-button--small" on:click=delete>{move || i18n.t(Msg::ViewDelete)}</button>
                </Show>
            </div>
            <Show when=move || naming.get()>
                <form class="cairn-views__name" on:submit=save_new>
                    <label for="view-name">{move || i18n.t(Msg::ViewName)}</label>
                    <input id="view-name" type="text" autocomplete="off" autofocus prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))
                        aria-invalid=move || error.with(Option::is_some).to_string() aria-describedby="view-name-error"/>
                    <button type="submit" class="cairn-button cairn-button--primary cairn-button--small">{move || i18n.t(Msg::ViewSave2)}</button>
                    <button type="button" class="cairn-button cairn-button--small" on:click=move |_| { naming.set(false); renaming.set(false); error.set(None); }>{move || i18n.t(Msg::IdxCancel)}</button>
                    <p id="view-name-error" class="cairn-field__error" role="alert">{move || error.get().map(|m| i18n.t(m))}</p>
                </form>
            </Show>
        </div>
    }
}
