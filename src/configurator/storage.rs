//! The draft on the device (localStorage). Storage can be missing, full or refused (private modes,
//! blocked cookies): each failure is a message the page shows, never a crash.

const KEY: &str = "treatment-widget-configurator:draft";

fn storage() -> Result<web_sys::Storage, String> {
    let refused = || "This browser is not keeping your draft on this device (storage is turned off), so copy the config before you leave the page.".to_string();
    web_sys::window().ok_or_else(refused)?.local_storage().ok().flatten().ok_or_else(refused)
}

pub fn load() -> Option<String> {
    storage().ok()?.get_item(KEY).ok().flatten()
}

pub fn save(json: &str) -> Result<(), String> {
    storage()?
        .set_item(KEY, json)
        .map_err(|_| "Your draft could not be kept on this device (storage is full or refused), so copy the config before you leave the page.".to_string())
}

/// Forgets the language a visitor picked inside the preview (the widget remembers it per
/// instance), so the form's language setting is what the preview shows.
pub fn forget_preview_language() {
    if let Ok(storage) = storage() {
        let _ = storage.remove_item("treatment-widget:v1:language:cf-preview");
    }
}
