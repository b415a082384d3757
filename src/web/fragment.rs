//! Reading and writing this instance's route in the page's URL fragment, with real history
//! entries so the browser's Back button walks back through the widget's views.

use wasm_bindgen::JsValue;

use crate::core::route::{fragment_value, with_fragment_value, Route};

/// The route a deep link asks this instance for (Home when there is none).
pub fn read(key: &str, is_known: impl Fn(&str) -> bool) -> Route {
    let hash = gloo::utils::window().location().hash().unwrap_or_default();
    fragment_value(&hash, key).map(|v| Route::parse(&v, is_known)).unwrap_or_default()
}

/// Adds a history entry for `route`, leaving other instances' parts of the fragment alone.
/// A page that forbids it (a sandboxed frame) still navigates, just without a history entry.
pub fn push(key: &str, route: &Route) {
    write(key, route, false);
}

/// Rewrites the current history entry (the estimate's inputs change often; one entry is enough).
pub fn replace(key: &str, route: &Route) {
    write(key, route, true);
}

fn write(key: &str, route: &Route, replace: bool) {
    let window = gloo::utils::window();
    let location = window.location();
    let Ok(href) = location.href() else { return };
    let Ok(url) = web_sys::Url::new(&href) else { return };
    let current = url.hash();
    let next = with_fragment_value(&current, key, route.to_value().as_deref());
    if next == current.trim_start_matches('#') {
        return;
    }
    url.set_hash(&next);
    let mut target = url.href();
    if next.is_empty() && target.ends_with('#') {
        target.pop();
    }
    if let Ok(history) = window.history() {
        let _ = if replace {
            history.replace_state_with_url(&JsValue::NULL, "", Some(&target))
        } else {
            history.push_state_with_url(&JsValue::NULL, "", Some(&target))
        };
    }
}
