//! How much this site stores and whether the browser keeps it under storage pressure
//! (`navigator.storage`: `estimate`, `persisted`, `persist`).

use thiserror::Error;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{StorageEstimate, StorageManager};

#[derive(Clone, Debug, Error, PartialEq)]
pub enum UsageError {
    #[error("this browser has no storage manager")]
    Unsupported,
    #[error("the storage manager failed: {0}")]
    Failed(String),
}

/// Bytes used by this site and the most it may use, as the browser estimates them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Usage {
    pub usage: u64,
    pub quota: u64,
}

fn manager() -> Result<StorageManager, UsageError> {
    let navigator = web_sys::window().ok_or(UsageError::Unsupported)?.navigator();
    // Older browsers lack `navigator.storage`; web-sys would hand back `undefined` as one.
    let storage = js_sys::Reflect::get(&navigator, &"storage".into()).map_err(|_| UsageError::Unsupported)?;
    if storage.is_undefined() {
        return Err(UsageError::Unsupported);
    }
    Ok(navigator.storage())
}

fn failed(err: wasm_bindgen::JsValue) -> UsageError {
    let (name, message) = super::js::error_name_and_message(&err);
    UsageError::Failed(format!("{name}: {message}"))
}

async fn call(promise: Result<js_sys::Promise, wasm_bindgen::JsValue>) -> Result<wasm_bindgen::JsValue, UsageError> {
    JsFuture::from(promise.map_err(failed)?).await.map_err(failed)
}

pub async fn estimate() -> Result<Usage, UsageError> {
    let value = call(manager()?.estimate()).await?;
    let estimate: StorageEstimate = value.unchecked_into();
    let bytes = |n: Option<f64>| n.filter(|n| n.is_finite() && *n >= 0.0).unwrap_or(0.0) as u64;
    Ok(Usage { usage: bytes(estimate.get_usage()), quota: bytes(estimate.get_quota()) })
}

/// Whether the browser already promised to keep this site's data.
pub async fn persisted() -> Result<bool, UsageError> {
    Ok(call(manager()?.persisted()).await?.as_bool().unwrap_or(false))
}

/// Asks the browser to keep this site's data; the answer is whether it agreed.
pub async fn persist() -> Result<bool, UsageError> {
    Ok(call(manager()?.persist()).await?.as_bool().unwrap_or(false))
}
