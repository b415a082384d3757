//! Per-instance styles: the clinic's theme (colours, font, radius, density, scheme) as custom
//! properties on the widget root.
//!
//! The sheet is a constructed `CSSStyleSheet` adopted by the shadow root, which a strict CSP
//! (`style-src 'self'`) allows, unlike a `style` attribute or an inline `<style>`.

use wasm_bindgen::JsCast;
use web_sys::{CssStyleSheet, ShadowRoot};

use crate::core::brand::Theme;

/// Adopts (or updates) this instance's theme sheet. Returns the sheet to update it later.
pub fn apply_theme(root: &ShadowRoot, existing: Option<CssStyleSheet>, theme: &Theme) -> Option<CssStyleSheet> {
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
    // Only checked values reach this text (hex colours, numbers, vetted font names).
    // Adopted after the main sheet, so these win over its defaults at equal specificity.
    let css = theme.css();
    if sheet.replace_sync(&css).is_err() {
        gloo::console::warn!("[treatment-widget] could not apply the clinic's colours; using defaults");
    }
    Some(sheet)
}

/// Removes this instance's theme sheet from the root (on destroy).
pub fn remove_theme(root: &ShadowRoot, sheet: &CssStyleSheet) {
    let kept = js_sys::Array::new();
    for s in root.adopted_style_sheets().iter() {
        if s.dyn_ref::<CssStyleSheet>() != Some(sheet) {
            kept.push(&s);
        }
    }
    root.set_adopted_style_sheets(&kept);
}
