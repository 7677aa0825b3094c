//! A modal dialog: `role="dialog"`, `aria-modal`, focus kept inside, Escape closes, and focus
//! goes back to what opened it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::i18n::Msg;
use crate::ui::i18n::use_i18n;

const FOCUSABLE: &str = "button:not([disabled]), input:not([disabled]), select, textarea, a[href], [tabindex='0']";

/// The focusable elements inside `root`, in document order. `NodeList` is not among the
/// enabled web-sys features, so the method is called dynamically.
fn focusables(root: &web_sys::Element) -> Vec<web_sys::HtmlElement> {
    let list = js_sys::Reflect::get(root, &"querySelectorAll".into())
        .ok()
        .and_then(|m| m.dyn_into::<js_sys::Function>().ok())
        .and_then(|m| m.call1(root, &FOCUSABLE.into()).ok());
    match list {
        Some(list) => js_sys::Array::from(&list).iter().filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok()).collect(),
        None => Vec::new(),
    }
}

fn active_element() -> Option<web_sys::HtmlElement> {
    web_sys::window()?.document()?.active_element()?.dyn_into().ok()
}

/// Shows `children` in a dialog while `open` is true.
#[component]
pub fn Modal(open: RwSignal<bool>, title: Msg, #[prop(into)] id: String, children: ChildrenFn) -> impl IntoView {
    let i18n = use_i18n();
    let panel = NodeRef::<leptos::html::Div>::new();
    let opener = StoredValue::new_local(None::<web_sys::HtmlElement>);
    Effect::new(move |_| {
        if open.get() {
            opener.set_value(active_element());
            request_animation_frame(move || {
                if let Some(first) = panel.get_untracked().and_then(|p| focusables(&p).into_iter().nth(1)) {
                    let _ = first.focus();
                }
            });
        } else if let Some(el) = opener.get_value() {
            let _ = el.focus();
            opener.set_value(None);
        }
    });
    let on_key = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            open.set(false);
        } else if ev.key() == "Tab" {
            let Some(root) = panel.get_untracked() else { return };
            let items = focusables(&root);
            let (Some(first), Some(last)) = (items.first(), items.last()) else { return };
            let current = active_element();
            if ev.shift_key() && current.as_ref() == Some(first) {
                ev.prevent_default();
                let _ = last.focus();
            } else if !ev.shift_key() && current.as_ref() == Some(last) {
                ev.prevent_default();
                let _ = first.focus();
            }
        }
    };
    let title_id = format!("{id}-title");
    view! {
        <Show when=move || open.get()>
            <div class="cairn-modal" on:click=move |_| open.set(false)>
                <div
                    class="cairn-modal__panel cairn-card"
                    role="dialog"
                    aria-modal="true"
                    aria-labelledby=title_id.clone()
                    id=id.clone()
                    node_ref=panel
                    on:keydown=on_key
                    on:click=|ev| ev.stop_propagation()
                >
                    <div class="cairn-modal__header">
                        <button type="button" class="cairn-button cairn-modal__close" aria-label=move || i18n.t(Msg::Close) on:click=move |_| open.set(false)>
                            "×"
                        </button>
                        <h2 id=title_id.clone()>{move || i18n.t(title)}</h2>
                    </div>
                    {children()}
                </div>
            </div>
        </Show>
    }
}
