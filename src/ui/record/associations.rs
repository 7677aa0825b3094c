//! The right column: associated records by object, with labels; add, create, relabel, remove.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::command::Command;
use crate::core::i18n::Msg;
use crate::core::id::RecordId;
use crate::core::record_card::record_name;
use crate::core::schema::ObjectKind;
use crate::ui::app::Base;
use crate::ui::i18n::use_i18n;
use crate::ui::store::use_store;

use super::link_dialog::{LinkDialog, LinkMode};
use super::modal::Modal;
use super::properties::problem_text;

/// One associated record as the card lists it.
#[derive(Clone, PartialEq)]
struct Linked {
    id: RecordId,
    name: String,
    labels: Vec<String>,
}

/// The objects a record of `object` can be linked to, activities excepted (the timeline shows them).
fn linkable(ws: &crate::core::workspace::Workspace, object: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for def in &ws.associations().defs().defs {
        let other = if def.a == object { &def.b } else if def.b == object { &def.a } else { continue };
        let usable = ws.schema().object(other).is_some_and(|o| o.enabled && o.kind != ObjectKind::Activity);
        if usable && !out.contains(other) {
            out.push(other.clone());
        }
    }
    out
}

#[component]
pub fn AssociationsPanel(id: RecordId, object: String) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let dialog = RwSignal::new(None::<LinkMode>);
    let open = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let objects = store.ws.with_untracked(|ws| linkable(ws, &object));
    let cards = objects
        .into_iter()
        .map(|other| {
            let rid = id.clone();
            let other_for_list = other.clone();
            let items = Memo::new(move |_| {
                store.ws.with(|ws| {
                    ws.associated(&rid, &other_for_list)
                        .into_iter()
                        .filter_map(|a| {
                            let record = ws.record(a.id)?;
                            Some(Linked { id: a.id.clone(), name: record_name(ws, record), labels: a.labels().iter().map(|l| i18n.assoc_label(l)).collect() })
                        })
                        .collect::<Vec<_>>()
                })
            });
            let other_title = other.clone();
            let title = move || store.ws.with(|ws| ws.schema().object(&other_title).map(|o| i18n.object_label(o, true)).unwrap_or_default());
            let heading_id = format!("assoc-{other}");
            let (heading_ref, data_object) = (heading_id.clone(), other.clone());
            let (other_list, rid_list) = (other.clone(), id.clone());
            let other_add = other.clone();
            view! {
                <section class="cairn-assoc" aria-labelledby=heading_ref data-object=data_object>
                    <div class="cairn-assoc__header">
                        <h3 id=heading_id>{title.clone()}" ("{move || items.with(Vec::len)}")"</h3>
                        <button type="button" class="cairn-button cairn-button--small" aria-label=move || format!("{} — {}", i18n.t(Msg::Add), title())
                            on:click=move |_| { dialog.set(Some(LinkMode::Add { object: other_add.clone() })); open.set(true); }>
                            {move || i18n.t(Msg::Add)}
                        </button>
                    </div>
                    <Show when=move || items.with(|i| !i.is_empty()) fallback=move || view! { <p class="cairn-muted">{move || i18n.t(Msg::NoAssociations)}</p> }>
                        <ul class="cairn-assoc__list">
                            {let other = other_list.clone(); let rid = rid_list.clone(); move || items.get().into_iter().map(|l| {
                                let base = expect_context::<Base>();
                                let href = base.href(&format!("/objects/{}/{}", other, l.id));
                                let (other_id, other_id2) = (l.id.clone(), l.id.clone());
                                let other_obj = other.clone();
                                let rid = rid.clone();
                                let name = if l.name.is_empty() { i18n.t(Msg::Untitled).to_string() } else { l.name.clone() };
                                let (n1, n2) = (name.clone(), name.clone());
                                view! {
                                    <li class="cairn-assoc__item" data-id=l.id.to_string()>
                                        <a href=href>{name}</a>
                                        <span class="cairn-assoc__labels">{l.labels.join(", ")}</span>
                                        <span class="cairn-assoc__actions">
                                            <button type="button" class="cairn-button cairn-button--small" aria-label=move || format!("{}: {}", i18n.t(Msg::EditLabels), n1)
                                                on:click=move |_| { dialog.set(Some(LinkMode::Labels { object: other_obj.clone(), other: other_id.clone() })); open.set(true); }>
                                                {move || i18n.t(Msg::Labels)}
                                            </button>
                                            <button type="button" class="cairn-button cairn-button--small" aria-label=move || format!("{}: {}", i18n.t(Msg::Remove), n2)
                                                on:click=move |_| {
                                                    let command = Command::Unassociate { from: rid.clone(), to: other_id2.clone() };
                                                    spawn_local(async move {
                                                        match store.dispatch(command).await {
                                                            Ok(_) => error.set(None),
                                                            Err(crate::ui::store::DispatchError::Command(e)) => error.set(Some(problem_text(i18n.lang.get_untracked(), &e, ""))),
                                                            Err(_) => error.set(Some(i18n.t(Msg::SaveFailed).to_string())),
                                                        }
                                                    });
                                                }>
                                                {move || i18n.t(Msg::Remove)}
                                            </button>
                                        </span>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </Show>
                </section>
            }
        })
        .collect_view();
    let rid = id.clone();
    view! {
        <section class="cairn-record__column cairn-card" aria-labelledby="record-assoc">
            <h2 id="record-assoc">{move || i18n.t(Msg::Associations)}</h2>
            <p class="cairn-field__error" role="alert">{move || error.get()}</p>
            {cards}
            {move || dialog.get().map(|mode| {
                let title = match mode { LinkMode::Add { .. } => Msg::Add, LinkMode::Labels { .. } => Msg::EditLabels };
                let rid = rid.clone();
                view! {
                    <Modal open=open title=title id="assoc-dialog">
                        <LinkDialog from=rid.clone() mode=mode.clone() open=open/>
                    </Modal>
                }
            })}
        </section>
    }
}
