//! The app shell: services, router and the page frame.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use super::data::DataPage;
use super::record::RecordRoute;
use super::records::{IndexPage, IndexRoute};
use super::search::GlobalSearch;
use super::settings::SettingsPage;
use super::tasks::TasksPage;
use super::workflows::{start_runner, OutboxPage, WorkflowRoute, WorkflowsPage};
use super::i18n::{use_i18n, I18n};
use super::shell::{Nav, StorageBanner, UpdateBanner};
use super::store::Store;
use crate::core::i18n::Msg;
use crate::core::route::app_base;

/// Turns `…/index.html` into `…/` so that routes match the same way on every host.
pub fn canonicalize_location() {
    let Some(window) = web_sys::window() else { return };
    let Ok(path) = window.location().pathname() else { return };
    if let Some(dir) = path.strip_suffix("index.html") {
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(dir));
        }
    }
}

fn current_base() -> String {
    let path = web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_default();
    app_base(&path)
}

#[component]
pub fn App() -> impl IntoView {
    let i18n = I18n::detect();
    provide_context(i18n);
    let store = Store::new();
    provide_context(store);
    store.start();
    start_runner(store);

    Effect::new(move |_| {
        let tag = i18n.lang.get().tag();
        if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = root.set_attribute("lang", tag);
        }
    });

    let base = current_base();
    provide_context(Base(base.clone()));
    view! {
        <Router base=base>
            <div class="cairn-app">
                <Nav/>
                <div class="cairn-app__main">
                    <StorageBanner/>
                    <UpdateBanner/>
                    <GlobalSearch/>
                    <main class="cairn-main">
                        <Routes fallback=NotFound>
                            <Route path=path!("/") view=|| view! { <IndexPage object="contacts"/> }/>
                            <Route path=path!("/contacts") view=|| view! { <IndexPage object="contacts"/> }/>
                            <Route path=path!("/objects/:object") view=IndexRoute/>
                            <Route path=path!("/objects/:object/:id") view=RecordRoute/>
                            <Route path=path!("/tasks") view=TasksPage/>
                            <Route path=path!("/settings") view=SettingsPage/>
                            <Route path=path!("/data") view=DataPage/>
                            <Route path=path!("/workflows") view=WorkflowsPage/>
                            <Route path=path!("/workflows/:id") view=WorkflowRoute/>
                            <Route path=path!("/outbox") view=OutboxPage/>
                        </Routes>
                    </main>
                </div>
            </div>
        </Router>
    }
}

/// The app's base path, for building links.
#[derive(Clone, Debug)]
pub struct Base(pub String);

impl Base {
    pub fn href(&self, path: &str) -> String {
        format!("{}{}", self.0, path)
    }
}

#[component]
fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    view! { <h1>{move || i18n.t(Msg::NotFound)}</h1> }
}
