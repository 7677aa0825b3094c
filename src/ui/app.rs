//! The app shell: services, router and the page frame.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use super::board::BoardRoute;
use super::data::DataPage;
use super::import::ImportPage;
use super::pipelines::PipelinesPage;
use super::reports::ReportsPage;
use super::record::RecordRoute;
use super::records::{IndexPage, IndexRoute};
use super::search::GlobalSearch;
use super::settings::{AssociationsSettings, ObjectsSettings, OwnersSettings, PropertiesRoute, SettingsPage, StorageSettings};
use super::segments::{SegmentRoute, SegmentsRoute};
use super::tasks::TasksPage;
use super::workflows::{start_runner, OutboxPage, WorkflowRoute, WorkflowsPage};
use super::i18n::{use_i18n, I18n};
use super::shell::{Nav, StorageBanner, UpdateBanner};
use super::leader::Leader;
use super::store::Store;
use crate::core::i18n::Msg;
use crate::core::route::app_base;

/// Turns `…/index.html` into `…/` so that routes match the same way on every host.
pub fn canonicalize_location() {
    let Some(window) = web_sys::window() else { return };
    pin_head_links(&window);
    let Ok(path) = window.location().pathname() else { return };
    if let Some(dir) = path.strip_suffix("index.html") {
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(dir));
        }
    }
}

/// The browser resolves the icon's relative URL again when it fetches it late, after a route
/// change; made absolute against the page's own URL, it keeps pointing into the app.
fn pin_head_links(window: &web_sys::Window) {
    let (Some(document), Ok(page)) = (window.document(), window.location().href()) else { return };
    for selector in ["link[rel=icon]", "link[rel=manifest]"] {
        let Ok(Some(link)) = document.query_selector(selector) else { continue };
        let Some(href) = link.get_attribute("href") else { continue };
        if let Ok(url) = web_sys::Url::new_with_base(&href, &page) {
            let _ = link.set_attribute("href", &url.href());
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
    let leader = Leader::start();
    provide_context(leader);
    start_runner(store, leader);

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
            <div class="cairn-app" data-leader=move || leader.is_leader.get().to_string()>
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
                            <Route path=path!("/objects/:object/segments") view=SegmentsRoute/>
                            <Route path=path!("/objects/:object/segments/:segment") view=SegmentRoute/>
                            <Route path=path!("/objects/:object/board") view=BoardRoute/>
                            <Route path=path!("/objects/:object/:id") view=RecordRoute/>
                            <Route path=path!("/tasks") view=TasksPage/>
                            <Route path=path!("/reports") view=ReportsPage/>
                            <Route path=path!("/settings") view=SettingsPage/>
                            <Route path=path!("/settings/objects") view=ObjectsSettings/>
                            <Route path=path!("/settings/objects/:object") view=PropertiesRoute/>
                            <Route path=path!("/settings/owners") view=OwnersSettings/>
                            <Route path=path!("/settings/associations") view=AssociationsSettings/>
                            <Route path=path!("/settings/storage") view=StorageSettings/>
                            <Route path=path!("/settings/pipelines") view=PipelinesPage/>
                            <Route path=path!("/data") view=DataPage/>
                            <Route path=path!("/import") view=ImportPage/>
                            <Route path=path!("/import/:object") view=ImportPage/>
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
