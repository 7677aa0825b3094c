//! The views' filter builder inside the workflow editor, for filter triggers, branches and
//! the goal: chips sum up the filter, the builder opens on demand.

use leptos::prelude::*;

use crate::core::i18n::Msg;
use crate::core::query::Filter;
use crate::core::views::runnable;
use crate::ui::i18n::use_i18n;
use crate::ui::records::filters::{FilterBuilder, FilterChips};
use crate::ui::store::{now, use_store};

/// `filter` without the conditions that cannot run yet (no operand chosen): what is saved.
pub fn complete(object: &str, filter: &Filter) -> Filter {
    let store = use_store();
    store.ws.with_untracked(|ws| ws.schema().object(object).map(|def| runnable(ws, def, filter, now()).0)).unwrap_or_default()
}

/// Edits `filter` over the records of `object`; `prefix` keeps the inputs' ids unique.
#[component]
pub fn FlowFilter(object: String, filter: RwSignal<Filter>, prefix: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let def = Memo::new(move |_| store.ws.with(|ws| ws.schema().object(&object).cloned()));
    let open = RwSignal::new(false);
    let problems = Memo::new(move |_| {
        let f = filter.get();
        def.with(|d| d.as_ref().map(|d| store.ws.with(|ws| runnable(ws, d, &f, now()).1))).unwrap_or_default()
    });
    let count = move || filter.with(|f| f.groups.iter().map(|g| g.conditions.len()).sum::<usize>());
    view! {
        <div class="cairn-flow__filter" data-filter=prefix>
            <FilterChips def=def filter=filter on_open=Callback::new(move |_| open.set(true))/>
            <Show when=move || !open.get()>
                <button type="button" class="cairn-button" aria-expanded="false" on:click=move |_| open.set(true)>
                    {move || match count() {
                        0 => i18n.t(Msg::FilterTitle).to_string(),
                        n => format!("{} ({n})", i18n.t(Msg::FilterTitle)),
                    }}
                </button>
            </Show>
            <Show when=move || open.get()>
                <FilterBuilder def=def filter=filter problems=problems on_close=Callback::new(move |_| open.set(false)) prefix=prefix/>
            </Show>
        </div>
    }
}
