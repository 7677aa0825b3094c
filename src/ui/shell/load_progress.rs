//! What a page shows while the stored workspace loads: the message and how far along it is.

use leptos::prelude::*;

use crate::core::i18n::Msg;
use crate::ui::i18n::use_i18n;
use crate::ui::store::use_store;

#[component]
pub fn LoadProgress() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    view! {
        <div class="cairn-load" role="status">
            <p class="cairn-muted">{move || i18n.t(Msg::Loading)}</p>
            <progress class="cairn-load__bar" max="100" value=move || store.progress.get().to_string()
                aria-label=move || i18n.t(Msg::Loading)></progress>
        </div>
    }
}
