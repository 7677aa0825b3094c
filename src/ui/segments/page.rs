//! `/objects/:object/segments`: the object's segments with their kind and member count.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;

use crate::core::command::Command;
use crate::core::i18n::{format::format_number, object_plural, Msg};
use crate::core::segment::{member_count, segments_of, SegmentEdit};
use crate::ui::app::Base;
use crate::ui::i18n::use_i18n;
use crate::ui::records::delete::{Toast, ToastView};
use crate::ui::shell::LoadProgress;
use crate::ui::store::{now, use_store};

#[component]
pub fn SegmentsRoute() -> impl IntoView {
    let params = use_params_map();
    let object = Memo::new(move |_| params.with(|p| p.get("object").unwrap_or_default()));
    view! { {move || view! { <SegmentsPage object=object.get()/> }} }
}

#[component]
fn SegmentsPage(object: String) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let base = expect_context::<Base>();
    let toast = RwSignal::new(None::<Toast>);
    let obj = StoredValue::new(object);
    let plural = move || store.ws.with(|ws| ws.schema().object(&obj.get_value()).map(|d| object_plural(i18n.lang.get(), d))).unwrap_or_default();
    let rows = Memo::new(move |_| {
        let at = now();
        store.ws.with(|ws| {
            segments_of(ws.segments(), &obj.get_value()).into_iter().map(|s| (s.id.clone(), s.name.clone(), s.is_active(), member_count(ws, s, at))).collect::<Vec<_>>()
        })
    });
    // Member counts read every record: shown once the whole workspace is loaded.
    let back = base.href(&format!("/objects/{}", obj.get_value()));
    let base = StoredValue::new(base);
    view! {
        <section class="cairn-page cairn-segments" aria-busy=move || store.loading().to_string()>
            <header class="cairn-page__header">
                <h1>{move || format!("{} · {}", plural(), i18n.t(Msg::SegTitle))}</h1>
                <a class="cairn-button" href=back>{move || i18n.t(Msg::SegBack)}</a>
            </header>
            <Show when=move || !store.loading() fallback=move || view! { <LoadProgress/> }>
            <Show when=move || rows.with(|r| !r.is_empty()) fallback=move || view! { <p class="cairn-empty">{move || i18n.t(Msg::SegEmpty)}</p> }>
                <div class="cairn-table__scroll">
                    <table class="cairn-table" data-testid="segments">
                        <thead>
                            <tr>
                                <th scope="col">{move || i18n.t(Msg::SegName)}</th>
                                <th scope="col">{move || i18n.t(Msg::SegKind)}</th>
                                <th scope="col" class="cairn-table__number">{move || i18n.t(Msg::SegMembers)}</th>
                                <th scope="col"><span class="cairn-visually-hidden">{move || i18n.t(Msg::SegDelete)}</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            {move || rows.get().into_iter().map(|(id, name, active, count)| {
                                let href = base.with_value(|b| b.href(&format!("/objects/{}/segments/{id}", obj.get_value())));
                                let delete = move |_| {
                                    let id = id.clone();
                                    spawn_local(async move {
                                        let msg = match store.dispatch(Command::EditSegment(SegmentEdit::Delete { id })).await {
                                            Ok(_) => Msg::SegDeleted,
                                            Err(_) => Msg::IdxActionFailed,
                                        };
                                        toast.set(Some(Toast { msg, undo: 1 }));
                                    });
                                };
                                view! {
                                    <tr data-testid="segment-row">
                                        <td><a class="cairn-table__primary" href=href>{name}</a></td>
                                        <td>{move || i18n.t(if active { Msg::SegActive } else { Msg::SegStatic })}</td>
                                        <td class="cairn-table__number" data-testid="segment-count">{move || format_number(i18n.lang.get(), count as f64, 0)}</td>
                                        <td><button type="button" class="cairn-button cairn-button--small" on:click=delete>{move || i18n.t(Msg::SegDelete)}</button></td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </Show>
            </Show>
            <ToastView toast=toast/>
        </section>
    }
}
