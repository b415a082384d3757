//! The wasm entry point and the JavaScript-facing surface used by the loader
//! (`static/treatment-widget.js`). Everything else lives in the library.

use treatment_widget::web::{crash, embed};
use wasm_bindgen::prelude::*;

/// One `<treatment-widget>` element's app, as the loader sees it.
#[wasm_bindgen]
pub struct TreatmentWidget(embed::Widget);

#[wasm_bindgen]
impl TreatmentWidget {
    /// Mounts into the element's shadow root. Errors are returned as a message, never thrown as a panic.
    pub fn mount(host: web_sys::HtmlElement, root: web_sys::ShadowRoot) -> Result<TreatmentWidget, JsError> {
        embed::Widget::mount(host, root).map(TreatmentWidget).map_err(|e| JsError::new(&e))
    }

    /// The `config` attribute changed: load the new config and re-render.
    #[wasm_bindgen(js_name = configChanged)]
    pub fn config_changed(&self) {
        self.0.config_changed();
    }

    /// The element left the document: unmount cleanly.
    pub fn destroy(&self) {
        self.0.destroy();
    }

    /// Test hook: fail this instance on purpose, to check that a failure stays inside it. Only in
    /// test builds (feature `test-hooks`).
    #[cfg(feature = "test-hooks")]
    #[wasm_bindgen(js_name = simulateInternalError)]
    pub fn simulate_internal_error(&self) {
        panic!("simulated internal error (test hook)");
    }
}

fn main() {
    crash::install_panic_hook();
}
