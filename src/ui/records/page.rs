use std::collections::HashSet;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_params_map};

use super::bin::BinDialog;
use super::create::CreateDialog;
use super::delete::{ConfirmDelete, Toast, ToastView};
use super::table::{Column, IndexTable};
use crate::core::command::Command;
use crate::core::i18n::{object_plural, Counted, Msg};
use crate::core::id::RecordId;
use crate::core::index_table::{default_columns, page_count, table_page};
use crate::core::query::{Query, Sort};
use crate::ui::i18n::use_i18n;
use crate::ui::store::{now, use_store, Status};

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
        move |_| store.ws.with(|ws| ws.schema().object(&object).filter(|o| o.enabled).cloned())
    });
    let chosen = RwSignal::new(None::<Vec<String>>);
    let column_names = Memo::new(move |_| chosen.get().or_else(|| def.with(|d| d.as_ref().map(default_columns))).unwrap_or_default());
    let columns = Memo::new(move |_| {
        def.with(|d| {
            let Some(d) = d else { return Vec::<Column>::new() };
            column_names.get().iter().filter_map(|n| d.property(n)).map(|p| (p.name.clone(), p.label.clone(), p.kind.clone())).collect()
        })
    });
    let sort = RwSignal::new(None::<Sort>);
    let text = RwSignal::new(String::new());
    let page = RwSignal::new(0usize);
    let selected = RwSignal::new(HashSet::<RecordId>::new());
    let data = Memo::new({
        let object = object.clone();
        move |_| {
            let query = Query { object: object.clone(), filter: Default::default(), sort: sort.get() };
            let names: Vec<String> = columns.with(|c| c.iter().map(|(n, _, _)| n.clone()).collect());
            let text = text.get();
            let index = page.get();
            store.ws.with(|ws| table_page(ws, &query, &text, &names, index, now()).unwrap_or_default())
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
    let loading = move || store.status.get() == Status::Loading;
    let object_name = object.clone();
    let count_text = move || {
        let n = data.with(|d| d.total);
        if object_name == "contacts" {
            i18n.count(Counted::Contacts, n)
        } else {
            i18n.count(Counted::Records, n)
        }
    };
    let title = move || def.with(|d| d.as_ref().map(|d| object_plural(i18n.lang.get(), d))).unwrap_or_else(|| i18n.t(Msg::NotFound).to_string());
    let on_sort = Callback::new(move |name: String| {
        sort.update(|s| {
            *s = match s.take() {
                Some(cur) if cur.property == name && !cur.descending => Some(Sort { property: name, descending: true }),
                Some(cur) if cur.property == name => None,
                _ => Some(Sort { property: name, descending: false }),
            }
        });
        page.set(0);
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
        def.with(|d| d.as_ref().map(|d| d.properties.iter().filter(|p| !p.hidden).map(|p| (p.name.clone(), p.label.clone())).collect::<Vec<_>>()))
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
        chosen.set(Some(names));
    };
    let empty = move || data.with(|d| d.total == 0);
    let bin_object = object.clone();
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
                    <button type="button" class="cairn-button" on:click=move |_| bin_open.set(true)>{move || i18n.t(Msg::IdxBin)}</button>
                    <button type="button" class="cairn-button cairn-button--primary" on:click=move |_| creating.set(true)>{move || i18n.t(Msg::IdxCreate)}</button>
                </div>
            </header>
            <div class="cairn-records__toolbar">
                <div class="cairn-records__search">
                    <label for="quick-search">{move || i18n.t(Msg::IdxSearch)}</label>
                    <input id="quick-search" type="search" autocomplete="off" prop:value=move || text.get()
                        on:input=move |ev| { text.set(event_target_value(&ev)); page.set(0); }/>
                </div>
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
                <Show when=move || selected.with(|s| !s.is_empty())>
                    <div class="cairn-records__bulk">
                        <span>{move || i18n.count(Counted::Selected, selected.with(HashSet::len))}</span>
                        <button type="button" class="cairn-button cairn-button--danger" on:click=move |_| confirming.set(true)>{move || i18n.t(Msg::IdxDelete)}</button>
                    </div>
                </Show>
            </div>
            <Show when=move || !loading() fallback=move || view! { <p class="cairn-muted">{i18n.t(Msg::Loading)}</p> }>
                <Show when=move || !empty() fallback=move || view! {
                    <div class="cairn-empty cairn-records__empty">
                        <Show when=move || text.with(|t| t.trim().is_empty()) fallback=move || view! { <p>{i18n.t(Msg::IdxNoMatches)}</p> }>
                            <p>{move || i18n.t(Msg::IdxEmpty)}</p>
                            <div class="cairn-records__empty-actions">
                                <button type="button" class="cairn-button cairn-button--primary" on:click=move |_| creating.set(true)>{move || i18n.t(Msg::IdxCreate)}</button>
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
            <ToastView toast=toast/>
        </section>
    }
}
