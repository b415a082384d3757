//! Moving focus inside one instance's shadow root, for the moments a control the visitor used goes
//! away (a "clear" button that clears itself away, a view that replaces the one they were on):
//! focus goes to a heading that says where they are now, never to the page's `<body>`.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// Focuses the element matching `selector` in the same shadow root (or document) as `near`.
pub fn focus_in_same_root(near: &Element, selector: &str) {
    let root = near.get_root_node();
    let found = if let Some(shadow) = root.dyn_ref::<web_sys::ShadowRoot>() {
        shadow.query_selector(selector).ok().flatten()
    } else if let Some(document) = root.dyn_ref::<web_sys::Document>() {
        document.query_selector(selector).ok().flatten()
    } else {
        None
    };
    if let Some(target) = found.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let _ = target.focus();
    }
}

/// The current view's heading (every view but the contents has one).
pub const VIEW_HEADING: &str = "#tw-view-title";
/// The guide's title, at the top of every view.
pub const TITLE: &str = ".tw-title";
