//! Small bridges from browser callbacks to Rust futures.

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbRequest, IdbTransaction};

/// The `name` and `message` of a DOMException or Error, as plain strings.
pub fn error_name_and_message(err: &JsValue) -> (String, String) {
    let field = |key: &str| Reflect::get(err, &JsValue::from_str(key)).ok().and_then(|v| v.as_string()).unwrap_or_default();
    let name = field("name");
    let name = if name.is_empty() { err.as_string().unwrap_or_else(|| "Error".into()) } else { name };
    (name, field("message"))
}

/// Resolves with the request's result once it succeeds, or its error once it fails.
pub async fn request(req: &IdbRequest) -> Result<JsValue, JsValue> {
    pending(req).await
}

/// Like [`request`], but listens from the moment it is called rather than when first
/// awaited: for requests awaited one after another while other work runs in between, whose
/// events would otherwise fire before anyone listens.
pub fn pending(req: &IdbRequest) -> JsFuture {
    let req_ok = req.clone();
    let req_err = req.clone();
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        let ok_req = req_ok.clone();
        let on_ok = wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ = resolve.call1(&JsValue::NULL, &ok_req.result().unwrap_or(JsValue::UNDEFINED));
        });
        let err_req = req_err.clone();
        let on_err = wasm_bindgen::closure::Closure::once_into_js(move || {
            let error = err_req.error().ok().flatten().map(JsValue::from).unwrap_or(JsValue::NULL);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        req_ok.set_onsuccess(Some(on_ok.unchecked_ref()));
        req_ok.set_onerror(Some(on_err.unchecked_ref()));
    });
    JsFuture::from(promise)
}

/// Resolves when the transaction commits; fails with its error when it aborts.
pub async fn transaction_done(tx: &IdbTransaction) -> Result<(), JsValue> {
    let tx = tx.clone();
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        let on_complete = wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let failed_tx = tx.clone();
        let reject_abort = reject.clone();
        let on_abort = wasm_bindgen::closure::Closure::once_into_js(move || {
            let error = failed_tx.error().map(JsValue::from).unwrap_or_else(|| JsValue::from_str("AbortError"));
            let _ = reject_abort.call1(&JsValue::NULL, &error);
        });
        tx.set_oncomplete(Some(on_complete.unchecked_ref()));
        tx.set_onabort(Some(on_abort.unchecked_ref()));
        // An error event is followed by abort; the abort handler reports it once.
        let _ = reject;
    });
    JsFuture::from(promise).await.map(|_| ())
}
