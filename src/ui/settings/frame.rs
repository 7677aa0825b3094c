//! The frame of every settings page: the section menu beside the page's content.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::core::i18n::Msg;
use crate::ui::app::Base;
use crate::ui::i18n::use_i18n;

const SECTIONS: [(&str, Msg); 5] = [
    ("/settings", Msg::SetGeneral),
    ("/settings/objects", Msg::SetDataModel),
    ("/settings/owners", Msg::SetOwners),
    ("/settings/associations", Msg::SetAssociations),
    ("/settings/storage", Msg::SetStorage),
];

/// Whether the menu entry for `section` leads to the page at `path` (a sub-page counts).
fn is_current(section: &str, path: &str) -> bool {
    let path = path.trim_end_matches('/');
    if section == "/settings" {
        path.ends_with("/settings")
    } else {
        path.ends_with(section) || path.contains(&format!("{section}/"))
    }
}

#[component]
pub fn SettingsFrame(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let base = expect_context::<Base>();
    let location = use_location();
    let links = SECTIONS
        .iter()
        .map(|(path, msg)| {
            let (path, msg) = (*path, *msg);
            let current = move || location.pathname.with(|p| is_current(path, p)).then_some("page");
            view! { <a class="cairn-settings__link" href=base.href(path) aria-current=current>{move || i18n.t(msg)}</a> }
        })
        .collect_view();
    view! {
        <div class="cairn-settings">
            <nav class="cairn-settings__menu" aria-label=move || i18n.t(Msg::SetMenu)>{links}</nav>
            <div class="cairn-settings__content">{children()}</div>
        </div>
    }
}
