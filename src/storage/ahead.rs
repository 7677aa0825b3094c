//! Takes over the read that `assets/read-ahead.js` starts before the app has loaded: the
//! database connection and the pending requests for the stored workspace, issued while the
//! WebAssembly was still downloading and compiling.

use js_sys::{Array, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::IdbDatabase;

use super::idb::{Database, Reading, DB_VERSION};

const GLOBAL: &str = "cairnReadAhead";

/// The connection and the reading the script started, or `None` when there is none to take:
/// no script, no database yet, another layout version, or any failure before the snapshot's
/// requests were issued. The caller then opens the database itself. Taken at most once.
pub async fn take() -> Option<(Database, Reading)> {
    let window = web_sys::window()?;
    let key = JsValue::from_str(GLOBAL);
    let started = Reflect::get(&window, &key).ok()?.dyn_into::<Promise>().ok()?;
    let _ = Reflect::set(&window, &key, &JsValue::NULL);
    let found = JsFuture::from(started).await.ok().filter(|v| v.is_object())?;
    let db: IdbDatabase = field(&found, "db")?.dyn_into().ok()?;
    if db.version() != f64::from(DB_VERSION) {
        // An older layout is upgraded by `Database::open`, which this connection would block.
        decline(&found, &db);
        return None;
    }
    match reading(&found).await {
        Some(reading) => Some((Database::from_connection(db), reading)),
        None => {
            decline(&found, &db);
            None
        }
    }
}

/// Closes the script's connection and stops its reading worker, if any.
fn decline(found: &JsValue, db: &IdbDatabase) {
    db.close();
    if let Some(stop) = field(found, "stop").and_then(|f| f.dyn_into::<js_sys::Function>().ok()) {
        let _ = stop.call0(&JsValue::NULL);
    }
}

async fn reading(found: &JsValue) -> Option<Reading> {
    let future = |name: &str| field(found, name).and_then(|p| p.dyn_into::<Promise>().ok()).map(JsFuture::from);
    let (format, device, log) = (future("format")?, future("device")?, future("log")?);
    let chunks = Array::from(&field(found, "chunks")?)
        .iter()
        .map(|p| p.dyn_into::<Promise>().ok().map(JsFuture::from))
        .collect::<Option<Vec<_>>>()?;
    Some(Reading::new(&format.await.ok()?, &device.await.ok()?, chunks, log))
}

fn field(object: &JsValue, name: &str) -> Option<JsValue> {
    Reflect::get(object, &JsValue::from_str(name)).ok()
}
