use leptos::prelude::*;

use crate::core::i18n::Msg;
use crate::ui::i18n::use_i18n;

#[component]
pub fn TasksPage() -> impl IntoView {
    let i18n = use_i18n();
    view! { <h1>{move || i18n.t(Msg::NavTasks)}</h1> }
}
