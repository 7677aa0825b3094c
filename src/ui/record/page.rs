use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// `/objects/:object/:id`: one record.
#[component]
pub fn RecordRoute() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    view! { <h1>{id}</h1> }
}
