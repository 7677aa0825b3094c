//! The global search dialog: a combobox over every object's records, grouped by object.
//! Arrow keys move through the results, Enter opens the highlighted record.

use leptos::ev;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use web_sys::KeyboardEvent;

use crate::core::i18n::{object_plural, Msg};
use crate::core::index_table::global_search;
use crate::ui::bench;
use crate::ui::app::Base;
use crate::ui::i18n::use_i18n;
use crate::ui::records::dialog::Modal;
use crate::ui::store::use_store;

/// Hits shown per object.
const PER_OBJECT: usize = 8;

/// Whether a key press happened while typing, where `/` must stay a character.
fn typing(ev: &KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else { return false };
    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || el.is_content_editable()
}

/// Listens for the shortcuts and shows the dialog; mount once per page.
#[component]
pub fn GlobalSearch() -> impl IntoView {
    let open = RwSignal::new(false);
    let handle = window_event_listener(ev::keydown, move |ev: KeyboardEvent| {
        let key = ev.key();
        let shortcut = (ev.ctrl_key() || ev.meta_key()) && key.eq_ignore_ascii_case("k");
        if shortcut || (key == "/" && !typing(&ev) && !open.get_untracked()) {
            ev.prevent_default();
            open.set(true);
        }
    });
    on_cleanup(move || handle.remove());
    view! { {move || open.get().then(|| view! { <SearchDialog on_close=Callback::new(move |_| open.set(false))/> })} }
}

#[component]
fn SearchDialog(on_close: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let base = expect_context::<Base>();
    let navigate = use_navigate();
    let text = RwSignal::new(String::new());
    let active = RwSignal::new(0usize);
    let groups = Memo::new(move |_| {
        let text = text.get();
        let lang = i18n.lang.get();
        store.ws.with(|ws| {
            bench::timed("cairn:search", || global_search(ws, &text, PER_OBJECT))
                .into_iter()
                .map(|mut g| {
                    if let Some(def) = ws.schema().object(&g.object) {
                        g.plural = object_plural(lang, def);
                    }
                    g
                })
                .collect::<Vec<_>>()
        })
    });
    // Every hit in display order, as (object, id): what the arrow keys walk through.
    let flat = Memo::new(move |_| groups.with(|gs| gs.iter().flat_map(|g| g.hits.iter().map(|(id, _)| (g.object.clone(), id.to_string()))).collect::<Vec<_>>()));
    let open_hit = move |i: usize| {
        if let Some((object, id)) = flat.with_untracked(|f| f.get(i).cloned()) {
            on_close.run(());
            navigate(&format!("/objects/{object}/{id}"), Default::default());
        }
    };
    let on_keydown = move |ev: KeyboardEvent| {
        let n = flat.with_untracked(Vec::len);
        match ev.key().as_str() {
            "ArrowDown" if n > 0 => {
                ev.prevent_default();
                active.update(|a| *a = (*a + 1) % n);
            }
            "ArrowUp" if n > 0 => {
                ev.prevent_default();
                active.update(|a| *a = (*a + n - 1) % n);
            }
            "Enter" => {
                ev.prevent_default();
                open_hit(active.get_untracked());
            }
            _ => {}
        }
    };
    let option_id = |i: usize| format!("search-hit-{i}");
    let results = move || {
        let mut index = 0;
        groups
            .get()
            .into_iter()
            .map(|g| {
                let items = g
                    .hits
                    .into_iter()
                    .map(|(id, name)| {
                        let i = index;
                        index += 1;
                        let name = if name.is_empty() { format!("#{id}") } else { name };
                        let href = base.href(&format!("/objects/{}/{id}", g.object));
                        view! {
                            <li role="option" id=option_id(i) aria-selected=move || (active.get() == i).to_string()>
                                <a class="cairn-search__item" href=href tabindex="-1" on:mouseenter=move |_| active.set(i)
                                    on:click=move |_| on_close.run(())>{name}</a>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <li role="presentation">
                        <p class="cairn-search__group" aria-hidden="true">{g.plural.clone()}</p>
                        <ul role="group" aria-label=g.plural.clone() class="cairn-search__list">{items}</ul>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <Modal title_id="search-title" on_close=on_close class="cairn-search">
            <header class="cairn-modal__header">
                <h2 id="search-title"><label for="global-search">{move || i18n.t(Msg::IdxSearchAll)}</label></h2>
                <button type="button" class="cairn-icon-button" aria-label=move || i18n.t(Msg::IdxClose) on:click=move |_| on_close.run(())>"×"</button>
            </header>
            <div class="cairn-modal__body">
                <input id="global-search" class="cairn-search__input" type="search" role="combobox" autocomplete="off" autofocus
                    aria-expanded=move || (!flat.with(Vec::is_empty)).to_string() aria-controls="search-results" aria-describedby="search-hint"
                    aria-activedescendant=move || (!flat.with(Vec::is_empty)).then(|| option_id(active.get()))
                    prop:value=move || text.get() on:input=move |ev| { text.set(event_target_value(&ev)); active.set(0); } on:keydown=on_keydown/>
                <p id="search-hint" class="cairn-muted">{move || i18n.t(Msg::IdxSearchHint)}</p>
                <ul id="search-results" role="listbox" class="cairn-search__list" aria-labelledby="search-title"
                    aria-busy=move || store.loading().to_string()>{results}</ul>
                <Show when=move || flat.with(Vec::is_empty) && text.with(|t| !t.trim().is_empty())>
                    <p class="cairn-muted">{move || i18n.t(Msg::IdxNoResults)}</p>
                </Show>
            </div>
        </Modal>
    }
}
