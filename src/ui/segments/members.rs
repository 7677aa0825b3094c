//! `/objects/:object/segments/:segment`: one segment's members as a table; members of a
//! static segment can be removed from here.

use std::collections::HashSet;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;

use crate::core::command::Command;
use crate::core::i18n::{Counted, Msg};
use crate::core::id::RecordId;
use crate::core::index_table::{default_columns, page_count, table_page};
use crate::core::query::{Condition, Filter, Group, Op, Query, Sort, SEGMENT_PROPERTY};
use crate::core::segment::SegmentEdit;
use crate::ui::app::Base;
use crate::ui::i18n::use_i18n;
use crate::ui::records::delete::{Toast, ToastView};
use crate::ui::records::table::{Column, IndexTable};
use crate::ui::shell::LoadProgress;
use crate::ui::store::{now, use_store};

#[component]
pub fn SegmentRoute() -> impl IntoView {
    let params = use_params_map();
    let key = Memo::new(move |_| params.with(|p| (p.get("object").unwrap_or_default(), p.get("segment").unwrap_or_default())));
    view! { {move || { let (object, segment) = key.get(); view! { <SegmentMembers object=object segment=segment/> } }} }
}

#[component]
fn SegmentMembers(object: String, segment: String) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let base = expect_context::<Base>();
    let id = RecordId::from(segment.as_str());
    let seg = Memo::new({
        let id = id.clone();
        move |_| store.ws.with(|ws| ws.segment(&id).map(|s| (s.name.clone(), s.is_active())))
    });
    let obj = StoredValue::new(object.clone());
    let columns = Memo::new(move |_| {
        store.ws.with(|ws| {
            let Some(def) = ws.schema().object(&obj.get_value()) else { return Vec::<Column>::new() };
            default_columns(def).iter().filter_map(|n| def.property(n)).map(|p| (p.name.clone(), i18n.prop_label(&def.name, p), p.kind.clone())).collect()
        })
    });
    let sort = RwSignal::new(None::<Sort>);
    let page = RwSignal::new(0usize);
    let selected = RwSignal::new(HashSet::<RecordId>::new());
    let toast = RwSignal::new(None::<Toast>);
    let data = Memo::new(move |_| {
        let condition = Condition::new(SEGMENT_PROPERTY, Op::InSegment { segment: segment.clone() });
        let query = Query { object: obj.get_value(), filter: Filter { groups: vec![Group { conditions: vec![condition] }] }, sort: sort.get() };
        let names: Vec<String> = columns.with(|c| c.iter().map(|(n, _, _)| n.clone()).collect());
        let index = page.get();
        store.ws.with(|ws| table_page(ws, &query, "", &names, index, now()).unwrap_or_default())
    });
    let on_sort = Callback::new(move |name: String| {
        sort.update(|s| {
            *s = match s.take() {
                Some(cur) if cur.property == name && !cur.descending => Some(Sort { property: name, descending: true }),
                Some(cur) if cur.property == name => None,
                _ => Some(Sort { property: name, descending: false }),
            }
        });
    });
    let remove = move |_| {
        let records: Vec<RecordId> = selected.get_untracked().into_iter().collect();
        let edit = SegmentEdit::RemoveMembers { id: id.clone(), records };
        spawn_local(async move {
            let msg = match store.dispatch(Command::EditSegment(edit)).await {
                Ok(_) => Msg::SegRemoved,
                Err(_) => Msg::IdxActionFailed,
            };
            selected.set(HashSet::new());
            toast.set(Some(Toast { msg, undo: 1 }));
        });
    };
    let is_static = move || seg.with(|s| s.as_ref().is_some_and(|(_, active)| !active));
    let back = base.href(&format!("/objects/{object}/segments"));
    view! {
        <section class="cairn-page cairn-records" aria-busy=move || store.loading().to_string()>
            <header class="cairn-page__header">
                <h1>{move || seg.get().map(|(name, _)| name).unwrap_or_else(|| i18n.t(Msg::ErrSegmentGone).to_string())}</h1>
                <p class="cairn-page__count" data-testid="record-count">{move || i18n.count(Counted::Records, data.with(|d| d.total))}</p>
                <div class="cairn-records__actions">
                    <a class="cairn-button" href=back>{move || i18n.t(Msg::SegTitle)}</a>
                </div>
            </header>
            <Show when=move || is_static() && selected.with(|s| !s.is_empty())>
                <div class="cairn-records__bulk">
                    <span>{move || i18n.count(Counted::Selected, selected.with(HashSet::len))}</span>
                    <button type="button" class="cairn-button" on:click=remove.clone()>{move || i18n.t(Msg::BulkRemoveFromSegment)}</button>
                </div>
            </Show>
            <Show when=move || !store.loading() fallback=move || view! { <LoadProgress/> }>
            <Show when=move || data.with(|d| d.total > 0) fallback=move || view! { <p class="cairn-empty">{move || i18n.t(Msg::SegNone)}</p> }>
                <IndexTable object=obj.get_value() columns=columns data=data sort=sort selected=selected on_sort=on_sort/>
                <nav class="cairn-records__pager" aria-label=move || i18n.t(Msg::IdxPage)>
                    <button type="button" class="cairn-button" disabled=move || page.get() == 0 on:click=move |_| page.update(|p| *p = p.saturating_sub(1))>{move || i18n.t(Msg::IdxPrevPage)}</button>
                    <span>{move || format!("{} {} / {}", i18n.t(Msg::IdxPage), page.get() + 1, data.with(|d| page_count(d.total)))}</span>
                    <button type="button" class="cairn-button" disabled=move || { page.get() + 1 >= data.with(|d| page_count(d.total)) } on:click=move |_| page.update(|p| *p += 1)>{move || i18n.t(Msg::IdxNextPage)}</button>
                </nav>
            </Show>
            </Show>
            <ToastView toast=toast/>
        </section>
    }
}
