//! A modal dialog: `role="dialog"`, focus kept inside while open, closed by Escape.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};

const FOCUSABLE: &str = "a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled])";

/// The dialog's focusable elements in document order. `querySelectorAll` is called through
/// js-sys so that the web-sys `NodeList` binding (and its rebuild) is not needed.
fn focusables(root: &HtmlElement) -> Vec<HtmlElement> {
    let Ok(method) = js_sys::Reflect::get(root, &"querySelectorAll".into()) else { return Vec::new() };
    let Ok(method) = method.dyn_into::<js_sys::Function>() else { return Vec::new() };
    let Ok(list) = method.call1(root, &FOCUSABLE.into()) else { return Vec::new() };
    js_sys::Array::from(&list).iter().filter_map(|n| n.dyn_into::<HtmlElement>().ok()).collect()
}

fn active_element() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.active_element()
}

/// The dialog frame; `title_id` names the element that labels it.
#[component]
pub fn Modal(#[prop(into)] title_id: String, on_close: Callback<()>, #[prop(optional, into)] class: String, children: Children) -> impl IntoView {
    let root = NodeRef::<Div>::new();
    // Where focus was before opening, to give it back on close.
    let opener = StoredValue::new_local(active_element().and_then(|e| e.dyn_into::<HtmlElement>().ok()));
    Effect::new(move |_| {
        if let Some(el) = root.get() {
            let el: HtmlElement = el.into();
            let first = el.query_selector("[autofocus]").ok().flatten().and_then(|e| e.dyn_into::<HtmlElement>().ok());
            if let Some(target) = first.or_else(|| focusables(&el).into_iter().next()) {
                let _ = target.focus();
            }
        }
    });
    on_cleanup(move || {
        if let Some(el) = opener.try_get_value().flatten() {
            let _ = el.focus();
        }
    });
    let on_keydown = move |ev: KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            ev.stop_propagation();
            on_close.run(());
            return;
        }
        if ev.key() != "Tab" {
            return;
        }
        let Some(el) = root.get_untracked() else { return };
        let items = focusables(&el.into());
        let (Some(first), Some(last)) = (items.first(), items.last()) else { return };
        let active = active_element();
        let at = |e: &HtmlElement| active.as_ref().is_some_and(|a| a == e.unchecked_ref::<web_sys::Element>());
        if ev.shift_key() && at(first) {
            ev.prevent_default();
            let _ = last.focus();
        } else if !ev.shift_key() && at(last) {
            ev.prevent_default();
            let _ = first.focus();
        }
    };
    view! {
        <div class="cairn-modal" on:click=move |_| on_close.run(())>
            <div
                class=format!("cairn-modal__dialog {class}")
                role="dialog"
                aria-modal="true"
                aria-labelledby=title_id
                node_ref=root
                on:keydown=on_keydown
                on:click=|ev| ev.stop_propagation()
            >
                {children()}
            </div>
        </div>
    }
}
