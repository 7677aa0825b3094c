use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::ui::contacts::ContactsPage;

/// `/objects/:object`: the index page of the object named in the URL.
#[component]
pub fn IndexRoute() -> impl IntoView {
    let params = use_params_map();
    let object = move || params.with(|p| p.get("object").unwrap_or_default());
    view! { {move || view! { <IndexPage object=object()/> }} }
}

/// The index page of one object.
#[component]
pub fn IndexPage(#[prop(into)] object: String) -> impl IntoView {
    let _ = object;
    view! { <ContactsPage/> }
}
