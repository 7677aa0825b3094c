use std::collections::HashSet;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_params_map};

use super::bin::BinDialog;
use super::bulk::{BulkEditDialog, SegmentActions};
use super::create::CreateDialog;
use super::delete::{ConfirmDelete, Toast, ToastView};
use super::filters::{FilterBuilder, FilterChips};
use super::table::{Column, IndexTable};
use super::views::{tab_state, Tab, ViewTabs};
use crate::core::command::Command;
use crate::core::i18n::{Counted, Msg};
use crate::core::id::RecordId;
use crate::core::index_table::{default_columns, page_count, table_page_in};
use crate::core::pipeline::with_stage_history;
use crate::core::query::{Filter, Query, Sort};
use crate::core::views::{export_file_name, export_view, runnable, Builtin, TableState};
use crate::storage::prefs;
use crate::ui::bench;
use crate::ui::app::Base;
use crate::ui::data::files::download;
use crate::ui::shell::LoadProgress;
use crate::ui::i18n::use_i18n;
use crate::ui::segments::CreateSegmentDialog;
use crate::ui::store::{now, use_store};

/// How long typing in the quick search must pause before the table is searched.
const SEARCH_DEBOUNCE: Duration = Duration::from_millis(200);

/// The seed of the demo sample: the same data in every browser.
const SAMPLE_SEED: u64 = 42;

/// `/objects/:object`: the index page of the object named in the URL.
#[component]
pub fn IndexRoute() -> impl IntoView {
    let params = use_params_map();
    let object = Memo::new(move |_| params.with(|p| p.get("object").unwrap_or_default()));
    view! { {move || view! { <IndexPage object=object.get()/> }} }
}

/// The index page of one object: a table of its records with search, sort and paging.
#[component]
pub fn IndexPage(#[prop(into)] object: String) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let def = Memo::new({
        let object = object.clone();
        // With the stage history properties of its pipelines, labelled in the user's language.
        move |_| {
            let lang = i18n.lang.get();
            store.ws.with(|ws| ws.schema().object(&object).filter(|o| o.enabled).map(|o| with_stage_history(ws.pipelines(), o, lang)))
        }
    });
    let state = RwSignal::new(TableState::default());
    let tab = RwSignal::new(Tab::Builtin(Builtin::All));
    // The last tab used for this object, once the settings (and their views) have loaded.
    let restored = StoredValue::new(false);
    let restore_object = object.clone();
    Effect::new(move |_| {
        if !store.settings_ready() || restored.get_value() {
            return;
        }
        restored.set_value(true);
        let Some(last) = prefs::last_view(&restore_object).map(|k| Tab::from_key(&k)) else { return };
        if let Some(shown) = store.ws.with_untracked(|ws| tab_state(ws, &last)) {
            state.set(shown);
            tab.set(last);
        }
    });
    let baseline = Memo::new(move |_| store.ws.with(|ws| tab_state(ws, &tab.get())));
    let dirty = Memo::new(move |_| baseline.with(|b| b.as_ref() != Some(&state.get())));
    let column_names = Memo::new(move |_| {
        let chosen = state.with(|s| s.columns.clone());
        if chosen.is_empty() { def.with(|d| d.as_ref().map(default_columns)).unwrap_or_default() } else { chosen }
    });
    let columns = Memo::new(move |_| {
        def.with(|d| {
            let Some(d) = d else { return Vec::<Column>::new() };
            column_names.get().iter().filter_map(|n| d.property(n)).map(|p| (p.name.clone(), i18n.prop_label(&d.name, p), p.kind.clone())).collect()
        })
    });
    let filter = RwSignal::new(Filter::default());
    // The builder edits `filter`; the state (what views save) follows it, and back on a tab switch.
    Effect::new(move |_| {
        let f = filter.get();
        if state.with_untracked(|s| s.filter != f) {
            state.update(|s| s.filter = f);
        }
    });
    Effect::new(move |_| {
        let f = state.with(|s| s.filter.clone());
        if filter.with_untracked(|cur| *cur != f) {
            filter.set(f);
        }
    });
    let sort = RwSignal::new(None::<Sort>);
    Effect::new(move |_| {
        let s = state.with(|s| s.sort.clone());
        if sort.with_untracked(|cur| *cur != s) {
            sort.set(s);
        }
    });
    let checked = Memo::new(move |_| {
        let f = filter.get();
        let at = now();
        def.with(|d| d.as_ref().map(|d| store.ws.with(|ws| runnable(ws, d, &f, at)))).unwrap_or_default()
    });
    let problems = Memo::new(move |_| checked.with(|(_, p)| p.clone()));
    let typed = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let typing = StoredValue::new(0u32);
    let on_type = move |value: String| {
        typed.set(value);
        typing.update_value(|n| *n += 1);
        let mine = typing.get_value();
        set_timeout(
            move || {
                if typing.try_get_value() == Some(mine) {
                    text.set(typed.get_untracked());
                }
            },
            SEARCH_DEBOUNCE,
        );
    };
    let page = RwSignal::new(0usize);
    Effect::new(move |_| {
        state.track();
        text.track();
        page.set(0);
    });
    let selected = RwSignal::new(HashSet::<RecordId>::new());
    let query_of = {
        let object = object.clone();
        move || Query { object: object.clone(), filter: checked.with(|(f, _)| f.clone()), sort: sort.get() }
    };
    // The table shows once what it reads is loaded (this object's records and the settings),
    // usually before the rest of the workspace.
    let ready = Memo::new({
        let query_of = query_of.clone();
        move |_| store.table_ready(&query_of(), &column_names.get())
    });
    let shown = StoredValue::new(false);
    Effect::new(move |_| {
        if ready.get() && !shown.get_value() {
            shown.set_value(true);
            bench::first_table_shown();
        }
    });
    let data = Memo::new({
        let query_of = query_of.clone();
        move |_| {
            let query = query_of();
            let names: Vec<String> = columns.with(|c| c.iter().map(|(n, _, _)| n.clone()).collect());
            let text = text.get();
            let index = page.get();
            let locale = i18n.locale();
            // Computed again when the table becomes ready: parts of the workspace that arrive
            // after the settings do not notify the workspace signal.
            ready.track();
            bench::timed("cairn:query", || store.ws.with(|ws| table_page_in(ws, locale, &query, &text, &names, index, now()).unwrap_or_default()))
        }
    });
    let pages = move || data.with(|d| page_count(d.total));
    // A page past the end (after deletes or a narrower search) shows the last page instead.
    Effect::new(move |_| {
        let last = pages() - 1;
        if page.get_untracked() > last {
            page.set(last);
        }
    });

    let creating = RwSignal::new(false);
    let bin_open = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let toast = RwSignal::new(None::<Toast>);
    let loading = move || !ready.get();
    // Binned records load after every object's records.
    let all_loading = move || store.loading();
    let object_name = object.clone();
    let count_text = move || {
        let n = data.with(|d| d.total);
        if object_name == "contacts" {
            i18n.count(Counted::Contacts, n)
        } else {
            i18n.count(Counted::Records, n)
        }
    };
    let title = move || def.with(|d| d.as_ref().map(|d| i18n.object_label(d, true))).unwrap_or_else(|| i18n.t(Msg::NotFound).to_string());
    let on_sort = Callback::new(move |name: String| {
        state.update(|st| {
            st.sort = match st.sort.take() {
                Some(cur) if cur.property == name && !cur.descending => Some(Sort { property: name, descending: true }),
                Some(cur) if cur.property == name => None,
                _ => Some(Sort { property: name, descending: false }),
            }
        });
    });
    let load_sample = move |_| {
        spawn_local(async move {
            let msg = match store.dispatch(Command::LoadSample { seed: SAMPLE_SEED }).await {
                Ok(_) => Msg::IdxSampleLoaded,
                Err(_) => Msg::IdxActionFailed,
            };
            toast.set(Some(Toast { msg, undo: 0 }));
        });
    };
    let navigate = use_navigate();
    let created_object = object.clone();
    let on_created = Callback::new(move |id: RecordId| {
        creating.set(false);
        toast.set(Some(Toast { msg: Msg::Saved, undo: 0 }));
        // Stay on the list for contacts (the table shows the new row); open other records.
        if created_object != "contacts" {
            navigate(&format!("/objects/{created_object}/{id}"), Default::default());
        }
    });
    let picker_columns = move || {
        def.with(|d| d.as_ref().map(|d| d.properties.iter().filter(|p| !p.hidden).map(|p| (p.name.clone(), i18n.prop_label(&d.name, p))).collect::<Vec<_>>()))
            .unwrap_or_default()
    };
    let toggle_column = move |name: String, on: bool| {
        let mut names = column_names.get_untracked();
        names.retain(|n| n != &name);
        if on {
            names.push(name);
        }
        // The primary property always stays first: it carries the link to the record.
        if let Some(primary) = def.with_untracked(|d| d.as_ref().map(|d| d.primary_property.clone())) {
            names.retain(|n| n != &primary);
            names.insert(0, primary);
        }
        state.update(|s| s.columns = names);
    };
    let export = {
        let object = object.clone();
        move |only_selected: bool| {
            let query = query_of();
            let names = column_names.get_untracked();
            let picked = selected.get_untracked();
            let at = now();
            let csv = store.ws.with_untracked(|ws| export_view(ws, &query, &text.get_untracked(), &names, only_selected.then_some(&picked), at));
            let msg = match csv.map(|csv| download(&export_file_name(&object, at), "text/csv;charset=utf-8", &csv)) {
                Ok(Ok(())) => Msg::BulkExported,
                _ => Msg::IdxActionFailed,
            };
            toast.set(Some(Toast { msg, undo: 0 }));
        }
    };
    let export_all = export.clone();
    let filters_open = RwSignal::new(false);
    let editing = RwSignal::new(false);
    let making_segment = RwSignal::new(false);
    let base = expect_context::<Base>();
    let segments_href = base.href(&format!("/objects/{object}/segments"));
    // The empty state and the toolbar both open the CSV import wizard for this object.
    let empty_import_href = StoredValue::new(base.href(&format!("/import/{object}")));
    let condition_count = move || filter.with(|f| f.groups.iter().map(|g| g.conditions.len()).sum::<usize>());
    let tabs_object = object.clone();
    let segment_object = StoredValue::new(object.clone());
    let empty = move || data.with(|d| d.total == 0);
    let bin_object = object.clone();
    let import_href = base.href(&format!("/import/{object}"));
    // Objects with pipelines can also be shown as a board.
    let board_link = expect_context::<crate::ui::app::Base>().href(&format!("/objects/{object}/board"));
    let board_object = object.clone();
    let board_href = move || store.ws.with(|ws| !ws.pipelines().of_object(&board_object).is_empty()).then(|| board_link.clone());
    // Copy, so that the nested table views can each take the name.
    let table_object = StoredValue::new(object.clone());

    view! {
        <section class="cairn-page cairn-records" aria-busy=move || loading().to_string()>
            <header class="cairn-page__header">
                <h1>{title}</h1>
                <p class="cairn-page__count" data-testid="record-count" aria-live="polite">{count_text}</p>
                <div class="cairn-records__actions">
                    {move || board_href().map(|href| view! { <a class="cairn-button" href=href data-testid="view-board">{i18n.t(Msg::ViewBoard)}</a> })}
                    <button type="button" class="cairn-button" disabled=all_loading on:click=move |_| bin_open.set(true)>{move || i18n.t(Msg::IdxBin)}</button>
                    <a class="cairn-button" href=import_href>{move || i18n.t(Msg::ImportAction)}</a>
                    <button type="button" class="cairn-button cairn-button--primary" on:click=move |_| creating.set(true)>{move || i18n.t(Msg::IdxCreate)}</button>
                </div>
            </header>
            <ViewTabs object=tabs_object tab=tab state=state dirty=dirty toast=toast/>
            <div class="cairn-records__toolbar">
                <div class="cairn-records__search">
                    <label for="quick-search" class="cairn-visually-hidden">{move || i18n.t(Msg::IdxSearch)}</label>
                    <input id="quick-search" type="search" autocomplete="off" placeholder=move || i18n.t(Msg::IdxSearch) prop:value=move || typed.get()
                        on:input=move |ev| on_type(event_target_value(&ev))/>
                </div>
                <button type="button" class="cairn-button" aria-expanded=move || filters_open.get().to_string() data-testid="filters-toggle"
                    on:click=move |_| filters_open.update(|o| *o = !*o)>
                    {move || match condition_count() {
                        0 => i18n.t(Msg::FilterTitle).to_string(),
                        n => format!("{} ({n})", i18n.t(Msg::FilterTitle)),
                    }}
                </button>
                <details class="cairn-records__columns">
                    <summary class="cairn-button">{move || i18n.t(Msg::IdxColumns)}</summary>
                    <div class="cairn-records__column-list">
                        {move || picker_columns().into_iter().map(|(name, label)| {
                            let (n1, n2) = (name.clone(), name.clone());
                            view! {
                                <label class="cairn-field__choice">
                                    <input type="checkbox" prop:checked=move || column_names.with(|c| c.contains(&n1))
                                        on:change=move |ev| toggle_column(n2.clone(), event_target_checked(&ev))/>
                                    {label}
                                </label>
                            }
                        }).collect_view()}
                    </div>
                </details>
                <button type="button" class="cairn-button" on:click=move |_| export_all(false)>{move || i18n.t(Msg::BulkExportView)}</button>
                <button type="button" class="cairn-button" on:click=move |_| making_segment.set(true)>{move || i18n.t(Msg::SegCreate)}</button>
                <a class="cairn-button" href=segments_href>{move || i18n.t(Msg::SegLink)}</a>
            </div>
            <FilterChips def=def filter=filter on_open=Callback::new(move |_| filters_open.set(true))/>
            <Show when=move || filters_open.get()>
                <FilterBuilder def=def filter=filter problems=problems on_close=Callback::new(move |_| filters_open.set(false))/>
            </Show>
            <Show when=move || selected.with(|s| !s.is_empty())>
                <div class="cairn-records__bulk" data-testid="bulk-bar">
                    <span>{move || i18n.count(Counted::Selected, selected.with(HashSet::len))}</span>
                    <button type="button" class="cairn-button" on:click=move |_| editing.set(true)>{move || i18n.t(Msg::BulkEdit)}</button>
                    <button type="button" class="cairn-button" on:click={let export = export.clone(); move |_| export(true)}>{move || i18n.t(Msg::BulkExport)}</button>
                    <SegmentActions object=segment_object.get_value() selected=selected toast=toast/>
                    <button type="button" class="cairn-button cairn-button--danger" on:click=move |_| confirming.set(true)>{move || i18n.t(Msg::IdxDelete)}</button>
                </div>
            </Show>
            <Show when=move || !loading() fallback=move || view! { <LoadProgress/> }>
                <Show when=move || !empty() fallback=move || view! {
                    <div class="cairn-empty cairn-records__empty">
                        <Show when=move || text.with(|t| t.trim().is_empty()) && condition_count() == 0 fallback=move || view! { <p>{i18n.t(Msg::IdxNoMatches)}</p> }>
                            <p>{move || i18n.t(Msg::IdxEmpty)}</p>
                            <div class="cairn-records__empty-actions">
                                <button type="button" class="cairn-button cairn-button--primary" on:click=move |_| creating.set(true)>{move || i18n.t(Msg::IdxCreate)}</button>
                                <a class="cairn-button" href=empty_import_href.get_value()>{move || i18n.t(Msg::IdxImport)}</a>
                                <button type="button" class="cairn-button" on:click=load_sample>{move || i18n.t(Msg::IdxLoadSample)}</button>
                            </div>
                        </Show>
                    </div>
                }>
                    <IndexTable object=table_object.get_value() columns=columns data=data sort=sort selected=selected on_sort=on_sort/>
                    <nav class="cairn-records__pager" aria-label=move || i18n.t(Msg::IdxPage)>
                        <button type="button" class="cairn-button" disabled=move || page.get() == 0 on:click=move |_| page.update(|p| *p = p.saturating_sub(1))>
                            {move || i18n.t(Msg::IdxPrevPage)}
                        </button>
                        <span data-testid="page-status">{move || format!("{} {} / {}", i18n.t(Msg::IdxPage), page.get() + 1, pages())}</span>
                        <button type="button" class="cairn-button" disabled=move || { page.get() + 1 >= pages() } on:click=move |_| page.update(|p| *p += 1)>
                            {move || i18n.t(Msg::IdxNextPage)}
                        </button>
                    </nav>
                </Show>
            </Show>
            {move || (creating.get()).then(|| def.get().map(|d| view! {
                <CreateDialog def=d on_close=Callback::new(move |_| creating.set(false)) on_created=on_created/>
            }))}
            {move || bin_open.get().then(|| view! {
                <BinDialog object=bin_object.clone() on_close=Callback::new(move |_| bin_open.set(false))
                    on_done=Callback::new(move |msg| toast.set(Some(Toast { msg, undo: 0 })))/>
            })}
            {move || confirming.get().then(|| view! {
                <ConfirmDelete selected=selected toast=toast on_close=Callback::new(move |_| confirming.set(false))/>
            })}
            {move || editing.get().then(|| def.get().map(|d| view! {
                <BulkEditDialog def=d selected=selected toast=toast on_close=Callback::new(move |_| editing.set(false))/>
            }))}
            {move || making_segment.get().then(|| view! {
                <CreateSegmentDialog object=segment_object.get_value() filter=Signal::derive(move || checked.with(|(f, _)| f.clone())) selected=selected
                    on_close=Callback::new(move |_| making_segment.set(false))
                    on_created=Callback::new(move |msg| { making_segment.set(false); toast.set(Some(Toast { msg, undo: 1 })); })/>
            })}
            <ToastView toast=toast/>
        </section>
    }
}
