//! What happens when the widget's own code fails: one clear console message, a visible notice in
//! the instance instead of a frozen box, and a `treatment-widget:error` event.
//!
//! The loader gives every element its own wasm instance, so a failure here stops this instance only;
//! the host page and other instances keep working.

use std::cell::RefCell;

use web_sys::{HtmlElement, ShadowRoot};

thread_local! {
    static LIVE: RefCell<Vec<(HtmlElement, ShadowRoot)>> = const { RefCell::new(Vec::new()) };
}

pub fn register(host: &HtmlElement, root: &ShadowRoot) {
    LIVE.with(|live| live.borrow_mut().push((host.clone(), root.clone())));
}

pub fn unregister(host: &HtmlElement) {
    LIVE.with(|live| live.borrow_mut().retain(|(h, _)| h != host));
}

/// Replaces yew's default hook (which only logs) with one that also tells the visitor.
pub fn install_panic_hook() {
    yew::set_custom_panic_hook(Box::new(|info| {
        let message = format!(
            "[treatment-widget] This widget stopped because of an internal error: {info}. \
             The rest of the page is unaffected; reloading the page starts the widget again."
        );
        web_sys::console::error_1(&message.into());
        // The hook may run while state is borrowed; touch nothing but the registry, and only if free.
        let _ = LIVE.try_with(|live| {
            if let Ok(live) = live.try_borrow() {
                for (host, root) in live.iter() {
                    show_notice(root);
                    super::events::dispatch(host, "error", &serde_json::json!({ "reason": "internal-error" }));
                }
            }
        });
    }));
}

fn show_notice(root: &ShadowRoot) {
    let Some(document) = root.owner_document() else { return };
    let Ok(notice) = document.create_element("div") else { return };
    notice.set_class_name("tw-root tw-crash");
    let _ = notice.set_attribute("role", "alert");
    notice.set_text_content(Some(
        "Sorry, this treatment guide stopped working. Please reload the page to try again.",
    ));
    root.set_text_content(None);
    let _ = root.append_child(&notice);
}
