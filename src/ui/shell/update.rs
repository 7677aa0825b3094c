//! The offline app shell: registers the service worker and offers a new version when one
//! has been downloaded ("Update available — Reload"), instead of switching under the user.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

use crate::core::i18n::Msg;
use crate::ui::app::Base;
use crate::ui::i18n::use_i18n;

fn sw_container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Browsers without service workers (or insecure origins) simply run online-only.
    js_sys::Reflect::has(&navigator, &"serviceWorker".into()).ok()?.then(|| navigator.service_worker())
}

async fn register(script: String, available: RwSignal<bool>) -> Result<(), JsValue> {
    let Some(container) = sw_container() else { return Ok(()) };
    let registration: ServiceWorkerRegistration = JsFuture::from(container.register(&script)).await?.dyn_into()?;
    // A waiting worker while another one controls the page is a downloaded update.
    if registration.waiting().is_some() && container.controller().is_some() {
        available.set(true);
    }
    let reg = registration.clone();
    let on_update = Closure::<dyn Fn()>::new(move || {
        let Some(worker) = reg.installing() else { return };
        let watched = worker.clone();
        let on_state = Closure::<dyn Fn()>::new(move || {
            let controlled = sw_container().and_then(|c| c.controller()).is_some();
            if watched.state() == ServiceWorkerState::Installed && controlled {
                available.set(true);
            }
        });
        worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
        on_state.forget();
    });
    registration.set_onupdatefound(Some(on_update.as_ref().unchecked_ref()));
    on_update.forget();
    Ok(())
}

/// Activates the waiting version and reloads once it controls the page.
async fn apply_update() -> Result<(), JsValue> {
    let Some(container) = sw_container() else { return Ok(()) };
    let reload = Closure::<dyn Fn()>::new(|| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
    reload.forget();
    let registration: ServiceWorkerRegistration = JsFuture::from(container.ready()?).await?.dyn_into()?;
    match registration.waiting() {
        Some(worker) => worker.post_message(&"cairn:activate".into()),
        None => web_sys::window().map(|w| w.location().reload()).unwrap_or(Ok(())),
    }
}

#[component]
pub fn UpdateBanner() -> impl IntoView {
    let i18n = use_i18n();
    let available = RwSignal::new(false);
    // Under the app's base, not the current page: the app may start on a deep link.
    let script = expect_context::<Base>().href("/sw.js");
    spawn_local(async move {
        if let Err(e) = register(script, available).await {
            web_sys::console::warn_2(&"Cairn: offline mode unavailable".into(), &e);
        }
    });
    let on_reload = move |_| spawn_local(async move {
        if let Err(e) = apply_update().await {
            web_sys::console::warn_2(&"Cairn: update failed".into(), &e);
        }
    });
    view! {
        <Show when=move || available.get()>
            <div class="cairn-banner cairn-banner--info" role="status" data-testid="update-banner">
                <p>{move || i18n.t(Msg::UpdateAvailable)}</p>
                <button type="button" class="cairn-button" on:click=on_reload>{move || i18n.t(Msg::ReloadNow)}</button>
            </div>
        </Show>
    }
}
