//! The notification bell in the navigation: how many unread notifications, and their list.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::command::Command;
use crate::core::i18n::format::format_number;
use crate::core::i18n::Msg;
use crate::core::workflow::display::unread;
use crate::core::workflow::AutomationCommand;
use crate::ui::app::Base;
use crate::ui::i18n::use_i18n;
use crate::ui::store::use_store;

#[component]
pub fn NotificationBell() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let base = expect_context::<Base>();
    let open = RwSignal::new(false);
    let items = Memo::new(move |_| {
        store.ws.with(|ws| {
            unread(ws)
                .into_iter()
                .map(|n| {
                    let href = ws.record(&n.record).map(|r| format!("/objects/{}/{}", r.object, r.id)).unwrap_or_default();
                    (n.id.clone(), n.text.clone(), href)
                })
                .collect::<Vec<_>>()
        })
    });
    let count = move || items.with(Vec::len);
    view! {
        <div class="cairn-bell">
            <button type="button" class="cairn-nav__link cairn-bell__button" aria-expanded=move || open.get().to_string() aria-controls="cairn-bell-list"
                aria-label=move || format!("{} ({})", i18n.t(Msg::WfNotifications), count())
                on:click=move |_| open.update(|o| *o = !*o)>
                {move || i18n.t(Msg::WfNotifications)}
                <span class="cairn-bell__count" hidden=move || count() == 0>{move || format_number(i18n.lang.get(), count() as f64, 0)}</span>
            </button>
            <div id="cairn-bell-list" class="cairn-bell__list" hidden=move || !open.get()>
                {move || {
                    let list = items.get();
                    if list.is_empty() {
                        return view! { <p class="cairn-muted">{move || i18n.t(Msg::WfNoNotifications)}</p> }.into_any();
                    }
                    let base = base.clone();
                    view! {
                        <ul>
                            {list.into_iter().map(|(id, text, href)| view! {
                                <li class="cairn-bell__item">
                                    <a href=base.href(&href)>{text}</a>
                                    <button type="button" class="cairn-button cairn-button--small" on:click=move |_| {
                                        let command = Command::Automation(AutomationCommand::MarkRead { notification: id.clone() });
                                        spawn_local(async move { let _ = store.dispatch(command).await; });
                                    }>{move || i18n.t(Msg::WfMarkRead)}</button>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </div>
        </div>
    }
}
