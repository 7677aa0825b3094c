//! The record page's static segments: the ones the record is in, each removable, and a
//! chooser to add it to another.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::command::Command;
use crate::core::i18n::{command_problem, Msg};
use crate::core::id::RecordId;
use crate::core::segment::{segments_of, SegmentEdit};
use crate::ui::i18n::use_i18n;
use crate::ui::store::{use_store, DispatchError};

#[component]
pub fn RecordSegments(id: RecordId, object: String) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let record = StoredValue::new(id);
    // (segment id, name, whether the record is a member), static segments only.
    let statics = Memo::new(move |_| {
        let rid = record.get_value();
        store.ws.with(|ws| {
            segments_of(ws.segments(), &object)
                .into_iter()
                .filter_map(|s| match &s.rule {
                    crate::core::segment::Rule::Static { members } => Some((s.id.clone(), s.name.clone(), members.contains(&rid))),
                    _ => None,
                })
                .collect::<Vec<_>>()
        })
    });
    let chosen = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Msg>);
    let change = move |segment: RecordId, add: bool| {
        let records = vec![record.get_value()];
        let edit = if add { SegmentEdit::AddMembers { id: segment, records } } else { SegmentEdit::RemoveMembers { id: segment, records } };
        spawn_local(async move {
            match store.dispatch(Command::EditSegment(edit)).await {
                Ok(_) => error.set(None),
                Err(DispatchError::Command(e)) => error.set(Some(command_problem(&e).unwrap_or(Msg::IdxActionFailed))),
                Err(_) => error.set(Some(Msg::IdxActionFailed)),
            }
        });
    };
    let add = move |_| {
        let picked = chosen.get_untracked();
        let first_other = statics.with_untracked(|s| s.iter().find(|(_, _, member)| !member).map(|(id, _, _)| id.to_string()));
        let Some(segment) = Some(picked).filter(|p| !p.is_empty()).or(first_other) else { return };
        chosen.set(String::new());
        change(RecordId::from(segment.as_str()), true);
    };
    view! {
        <Show when=move || statics.with(|s| !s.is_empty())>
            <section class="cairn-assoc cairn-record-segments" aria-labelledby="record-segments-title">
                <div class="cairn-assoc__header">
                    <h3 id="record-segments-title">{move || i18n.t(Msg::SegOfRecord)}</h3>
                </div>
                <ul class="cairn-assoc__list" data-testid="record-segments">
                    {move || statics.get().into_iter().filter(|(_, _, member)| *member).map(|(sid, name, _)| view! {
                        <li class="cairn-assoc__item">
                            <span>{name}</span>
                            <button type="button" class="cairn-button cairn-button--small" on:click=move |_| change(sid.clone(), false)>
                                {move || i18n.t(Msg::BulkRemoveFromSegment)}
                            </button>
                        </li>
                    }).collect_view()}
                </ul>
                <Show when=move || statics.with(|s| s.iter().any(|(_, _, member)| !member))>
                    <div class="cairn-records__segment">
                        <label class="cairn-visually-hidden" for="record-segment">{move || i18n.t(Msg::SegChoose)}</label>
                        <select id="record-segment" prop:value=move || chosen.get() on:change=move |ev| chosen.set(event_target_value(&ev))>
                            {move || statics.get().into_iter().filter(|(_, _, member)| !member).map(|(sid, name, _)| view! { <option value=sid.to_string()>{name}</option> }).collect_view()}
                        </select>
                        <button type="button" class="cairn-button cairn-button--small" on:click=add>{move || i18n.t(Msg::BulkAddToSegment)}</button>
                    </div>
                </Show>
                <p class="cairn-field__error" role="alert">{move || error.get().map(|m| i18n.t(m))}</p>
            </section>
        </Show>
    }
}
