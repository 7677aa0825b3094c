//! The index table: sortable headers, a selection box per row, the primary cell as a link.

use std::collections::HashSet;

use leptos::prelude::*;

use crate::core::i18n::Msg;
use crate::core::id::RecordId;
use crate::core::index_table::{value_link, TablePage};
use crate::core::query::Sort;
use crate::core::schema::PropertyType;
use crate::ui::app::Base;
use crate::ui::i18n::use_i18n;

/// A column: property name, label and type.
pub type Column = (String, String, PropertyType);

fn aria_sort(sort: &Option<Sort>, name: &str) -> &'static str {
    match sort {
        Some(s) if s.property == name && s.descending => "descending",
        Some(s) if s.property == name => "ascending",
        _ => "none",
    }
}

#[component]
pub fn IndexTable(
    object: String,
    columns: Memo<Vec<Column>>,
    data: Memo<TablePage>,
    sort: RwSignal<Option<Sort>>,
    selected: RwSignal<HashSet<RecordId>>,
    on_sort: Callback<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let base = expect_context::<Base>();
    let page_ids = move || data.with(|d| d.rows.iter().map(|r| r.id.clone()).collect::<Vec<_>>());
    let all_checked = move || {
        let ids = page_ids();
        !ids.is_empty() && selected.with(|s| ids.iter().all(|id| s.contains(id)))
    };
    let toggle_all = move |on: bool| {
        let ids = page_ids();
        selected.update(|s| {
            for id in ids {
                if on {
                    s.insert(id);
                } else {
                    s.remove(&id);
                }
            }
        })
    };
    let header = move || {
        columns
            .get()
            .into_iter()
            .map(|(name, label, _)| {
                let n = name.clone();
                let arrow = move || match aria_sort(&sort.get(), &n) {
                    "ascending" => "▲",
                    "descending" => "▼",
                    _ => "↕",
                };
                let n3 = name.clone();
                let unsorted = move || aria_sort(&sort.get(), &n3) == "none";
                let n2 = name.clone();
                view! {
                    <th scope="col" aria-sort=move || aria_sort(&sort.get(), &n2)>
                        <button type="button" class="cairn-table__sort" title=move || i18n.t(Msg::IdxSortBy) on:click=move |_| on_sort.run(name.clone())>
                            {label}<span class="cairn-table__arrow" class:cairn-table__arrow--none=unsorted aria-hidden="true">{arrow}</span>
                        </button>
                    </th>
                }
            })
            .collect_view()
    };
    let rows = move || {
        let cols = columns.get();
        data.get()
            .rows
            .into_iter()
            .map(|row| {
                let id = row.id.clone();
                let (id_check, id_toggle) = (id.clone(), id.clone());
                let href = base.href(&format!("/objects/{object}/{id}"));
                let cells = row
                    .cells
                    .into_iter()
                    .zip(cols.iter())
                    .enumerate()
                    .map(|(i, (text, (_, _, kind)))| {
                        if i == 0 {
                            // The primary cell always links, even when the value is empty.
                            let shown = if text.is_empty() { format!("#{}", id) } else { text };
                            view! { <td><a class="cairn-table__primary" href=href.clone()>{shown}</a></td> }.into_any()
                        } else if let Some(link) = value_link(kind, &text) {
                            view! { <td><a href=link.href rel="noopener noreferrer">{text}</a></td> }.into_any()
                        } else {
                            view! { <td>{text}</td> }.into_any()
                        }
                    })
                    .collect_view();
                view! {
                    <tr data-id=id.to_string() class:cairn-table__row--selected=move || selected.with(|s| s.contains(&id))>
                        <td class="cairn-table__check">
                            <input type="checkbox" aria-label=move || i18n.t(Msg::IdxSelectRow)
                                prop:checked=move || selected.with(|s| s.contains(&id_check))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let id = id_toggle.clone();
                                    selected.update(|s| { if on { s.insert(id); } else { s.remove(&id); } });
                                }/>
                        </td>
                        {cells}
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <div class="cairn-table__scroll">
            <table class="cairn-table">
                <thead>
                    <tr>
                        <th scope="col" class="cairn-table__check">
                            <input type="checkbox" aria-label=move || i18n.t(Msg::IdxSelectAll) prop:checked=all_checked
                                on:change=move |ev| toggle_all(event_target_checked(&ev))/>
                        </th>
                        {header}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
