//! Per-instance styles: the clinic's brand colours as custom properties on the widget root.
//!
//! The sheet is a constructed `CSSStyleSheet` adopted by the shadow root, which a strict CSP
//! (`style-src 'self'`) allows, unlike a `style` attribute or an inline `<style>`.

use wasm_bindgen::JsCast;
use web_sys::{CssStyleSheet, ShadowRoot};

use crate::core::brand::Palette;

/// Adopts (or updates) this instance's brand sheet. Returns the sheet to update it later.
pub fn apply_brand(root: &ShadowRoot, existing: Option<CssStyleSheet>, palette: &Palette) -> Option<CssStyleSheet> {
    let sheet = match existing {
        Some(sheet) => sheet,
        None => {
            let sheet = CssStyleSheet::new().ok()?;
            let sheets = root.adopted_style_sheets();
            sheets.push(&sheet);
            root.set_adopted_style_sheets(&sheets);
            sheet
        }
    };
    // Only hex digits from a validated colour reach this text.
    // Adopted after the main sheet, so these win over its defaults at equal specificity.
    let css = format!(".tw-root{{{}}}", palette.css_custom_properties());
    if sheet.replace_sync(&css).is_err() {
        gloo::console::warn!("[treatment-widget] could not apply the clinic's colours; using defaults");
    }
    Some(sheet)
}

/// Removes this instance's brand sheet from the root (on destroy).
pub fn remove_brand(root: &ShadowRoot, sheet: &CssStyleSheet) {
    let kept = js_sys::Array::new();
    for s in root.adopted_style_sheets().iter() {
        if s.dyn_ref::<CssStyleSheet>() != Some(sheet) {
            kept.push(&s);
        }
    }
    root.set_adopted_style_sheets(&kept);
}
