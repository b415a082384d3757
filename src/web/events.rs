//! `treatment-widget:<what>` events on the host element. They bubble and cross the shadow
//! boundary (`composed`) so a clinic's analytics can listen on `document`. Details never carry a
//! visitor's health answers.

use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

/// Dispatches `treatment-widget:<name>` with a JSON detail.
pub fn dispatch(host: &HtmlElement, name: &str, detail: &serde_json::Value) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    let detail = js_sys::JSON::parse(&detail.to_string()).unwrap_or(JsValue::NULL);
    init.set_detail(&detail);
    match CustomEvent::new_with_event_init_dict(&format!("treatment-widget:{name}"), &init) {
        Ok(event) => {
            let _ = host.dispatch_event(&event);
        }
        Err(_) => gloo::console::error!(format!("[treatment-widget] could not create the {name} event")),
    }
}
