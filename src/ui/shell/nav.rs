use leptos::prelude::*;

use crate::core::i18n::Msg;
use crate::ui::app::Base;
use crate::ui::i18n::use_i18n;

#[component]
pub fn Nav() -> impl IntoView {
    let i18n = use_i18n();
    let base = expect_context::<Base>();
    view! {
        <nav class="cairn-nav" aria-label=move || i18n.t(Msg::MainNavigation)>
            <a class="cairn-nav__brand" href=base.href("/")>{move || i18n.t(Msg::AppName)}</a>
            <a class="cairn-nav__link" href=base.href("/contacts")>{move || i18n.t(Msg::NavContacts)}</a>
        </nav>
    }
}
