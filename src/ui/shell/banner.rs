use leptos::prelude::*;

use crate::core::i18n::Msg;
use crate::ui::i18n::use_i18n;
use crate::ui::store::{use_store, Status};

/// Says plainly when data will not be kept, for as long as that is true.
#[component]
pub fn StorageBanner() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    move || {
        let msg = match store.status.get() {
            Status::MemoryOnly => Msg::StorageUnavailable,
            Status::Damaged => Msg::StorageDamaged,
            Status::Outdated => Msg::NewerVersionOpened,
            Status::Loading | Status::Ready => return None,
        };
        Some(view! {
            <div class="cairn-banner cairn-banner--warning" role="alert" data-testid="storage-banner">
                <p>{i18n.t(msg)}</p>
            </div>
        })
    }
}
