//! One stage column of the board: header figures, cards, drop target.
//!
//! Cards are dragged with HTML5 drag and drop; each card also has a "Move to…" menu, the
//! keyboard's way to move it. A drop or a menu choice hands (record, stage) to `on_move`.

use leptos::prelude::*;
use web_sys::DragEvent;

use crate::core::board::{Card, Column};
use crate::core::i18n::format::format_date;
use crate::core::i18n::{Counted, Msg};
use crate::core::id::RecordId;
use crate::core::schema::Currency;
use crate::ui::app::Base;
use crate::ui::i18n::use_i18n;
use crate::ui::store::use_store;

/// Stage id and label, for the "Move to…" menus.
pub type StageChoice = (String, String);

#[component]
pub fn BoardColumn(
    column: Column,
    label: String,
    stages: Vec<StageChoice>,
    object: String,
    bottleneck: bool,
    dragged: RwSignal<Option<RecordId>>,
    on_move: Callback<(RecordId, String)>,
    on_more: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    // The board rebuilds its columns on every change, so reading the currency once is enough.
    let currency = use_store().ws.with_untracked(|ws| ws.schema().currency);
    let over = RwSignal::new(false);
    let stage = column.totals.stage.clone();
    let totals = column.totals.clone();
    let on_dragover = move |ev: DragEvent| {
        if dragged.with_untracked(Option::is_some) {
            ev.prevent_default();
            over.set(true);
        }
    };
    let drop_stage = stage.clone();
    let on_drop = move |ev: DragEvent| {
        ev.prevent_default();
        over.set(false);
        if let Some(id) = dragged.get_untracked() {
            dragged.set(None);
            on_move.run((id, drop_stage.clone()));
        }
    };
    let more = column.more;
    let cards = column
        .cards
        .into_iter()
        .map(|card| view! { <BoardCard card=card currency=currency stage=stage.clone() stages=stages.clone() object=object.clone() dragged=dragged on_move=on_move/> })
        .collect_view();
    view! {
        <section class="cairn-board__column" class:cairn-board__column--over=move || over.get() class:cairn-board__column--bottleneck=bottleneck
            data-testid="board-column" data-stage=stage.clone() aria-label=label.clone()
            on:dragover=on_dragover on:dragleave=move |_| over.set(false) on:drop=on_drop>
            <header class="cairn-board__header">
                <h2 class="cairn-board__title">
                    <span>{label.clone()}</span>
                    <span class="cairn-board__count" data-testid="column-count">{totals.count}</span>
                </h2>
                {bottleneck.then(|| view! { <p class="cairn-board__badge cairn-board__badge--bottleneck">{move || i18n.t(Msg::BoardBottleneck)}</p> })}
                <dl class="cairn-board__figures">
                    <div><dt>{move || i18n.t(Msg::BoardTotal)}</dt><dd data-testid="column-total">{move || i18n.money_whole(currency, totals.amount)}</dd></div>
                    <div><dt>{move || i18n.t(Msg::BoardWeighted)}</dt><dd data-testid="column-weighted">{move || i18n.money_whole(currency, totals.weighted)}</dd></div>
                </dl>
            </header>
            <div class="cairn-board__cards">{cards}</div>
            {(more > 0).then(|| view! {
                <button type="button" class="cairn-button cairn-board__more" on:click=move |_| on_more.run(())>{move || i18n.count(Counted::MoreCards, more)}</button>
            })}
        </section>
    }
}

#[component]
fn BoardCard(card: Card, currency: Currency, stage: String, stages: Vec<StageChoice>, object: String, dragged: RwSignal<Option<RecordId>>, on_move: Callback<(RecordId, String)>) -> impl IntoView {
    let i18n = use_i18n();
    let base = expect_context::<Base>();
    let href = base.href(&format!("/objects/{object}/{}", card.id));
    let drag_id = card.id.clone();
    let on_dragstart = move |ev: DragEvent| {
        if let Some(data) = ev.data_transfer() {
            let _ = data.set_data("text/plain", &drag_id.to_string());
            data.set_effect_allowed("move");
        }
        dragged.set(Some(drag_id.clone()));
    };
    let move_id = card.id.clone();
    let on_choose = move |ev: leptos::ev::Event| {
        let target = event_target_value(&ev);
        if !target.is_empty() {
            on_move.run((move_id.clone(), target));
        }
    };
    let choices = stages.into_iter().filter(|(id, _)| *id != stage).map(|(id, label)| view! { <option value=id>{label}</option> }).collect_view();
    let (amount, close, days) = (card.amount, card.close_date.clone(), card.days_in_stage.max(0) as usize);
    view! {
        <article class="cairn-board__card" class:cairn-board__card--stalled=card.stalled data-testid="board-card" data-id=card.id.to_string() draggable="true"
            on:dragstart=on_dragstart on:dragend=move |_| dragged.set(None)>
            <a class="cairn-board__name" href=href draggable="false">{card.name.clone()}</a>
            {amount.map(|a| view! { <p class="cairn-board__amount">{move || i18n.money_whole(currency, a)}</p> })}
            {(!close.is_empty()).then(|| {
                let close = close.clone();
                view! { <p class="cairn-board__line"><span class="cairn-muted">{move || i18n.t(Msg::BoardCloseDate)}": "</span>{move || format_date(i18n.lang.get(), &close)}</p> }
            })}
            {card.owner.clone().map(|o| view! { <p class="cairn-board__line">{o}</p> })}
            <p class="cairn-board__line cairn-muted">
                {move || i18n.count(Counted::DaysInStage, days)}
                {card.stalled.then(|| view! { " " <span class="cairn-board__badge">{move || i18n.t(Msg::BoardStalled)}</span> })}
            </p>
            <select class="cairn-board__move" aria-label=move || i18n.t(Msg::BoardMoveTo) on:change=on_choose>
                <option value="" selected>{move || i18n.t(Msg::BoardMoveTo)}</option>
                {choices}
            </select>
        </article>
    }
}
