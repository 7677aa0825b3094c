//! The Web Locks API: which tab runs background work.
//!
//! Each tab asks for the `cairn-background` lock and, once granted, holds it for the rest of
//! its life (the callback's promise never settles). The browser grants it to one tab at a
//! time and hands it to a waiting tab as soon as the holder closes or crashes, so exactly
//! one open tab is the leader without any messages between tabs.

use wasm_bindgen::{closure::Closure, prelude::wasm_bindgen, JsCast, JsValue};

/// The lock that designates the tab running background work.
pub const BACKGROUND_LOCK: &str = "cairn-background";

#[wasm_bindgen]
extern "C" {
    type LockManager;

    #[wasm_bindgen(method, catch)]
    fn request(this: &LockManager, name: &str, callback: &js_sys::Function) -> Result<js_sys::Promise, JsValue>;
}

/// Waits for the lock named `name` and calls `on_acquired` once this tab holds it. Without
/// the Web Locks API (older browsers, insecure pages) the tab is its own leader at once.
pub fn hold_for_life(name: &str, on_acquired: impl FnOnce() + 'static) {
    let locks = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &"locks".into()).ok())
        .filter(|l| !l.is_undefined() && !l.is_null());
    let Some(locks) = locks else {
        on_acquired();
        return;
    };
    let granted = Closure::once_into_js(move |_lock: JsValue| -> JsValue {
        on_acquired();
        // A promise that never settles: the lock is released only when the tab goes away.
        js_sys::Promise::new(&mut |_, _| {}).into()
    });
    let Ok(callback) = granted.dyn_into::<js_sys::Function>() else { return };
    if locks.unchecked_ref::<LockManager>().request(name, &callback).is_err() {
        web_sys::console::warn_1(&"Cairn: the Web Locks request failed; this tab does not run background work".into());
    }
}
