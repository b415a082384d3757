//! Remembering the visitor's last estimate on this device (localStorage, through gloo).
//!
//! Storage can be missing (disabled, a sandboxed frame), full, throw, or hold anything; every
//! failure means "nothing remembered", never an error the visitor sees. Only the estimate's
//! parameters are stored: no concern, no candidate answer.

use gloo::storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};

const VERSION: u32 = 1;

thread_local! {
    static WARNED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

#[derive(Serialize, Deserialize)]
struct Saved {
    v: u32,
    params: String,
}

fn key(instance: &str) -> String {
    format!("treatment-widget:v{VERSION}:estimate:{instance}")
}

/// gloo's LocalStorage assumes storage exists and throws otherwise; look first.
fn available() -> bool {
    matches!(gloo::utils::window().local_storage(), Ok(Some(_)))
}

pub fn load(instance: &str) -> Option<String> {
    if !available() {
        return None;
    }
    match LocalStorage::get::<Saved>(key(instance)) {
        Ok(saved) if saved.v == VERSION && saved.params.len() < 2_000 => Some(saved.params),
        Ok(_) | Err(gloo::storage::errors::StorageError::SerdeError(_)) => {
            // Another version or garbage: forget it rather than trip over it every visit.
            LocalStorage::delete(key(instance));
            None
        }
        Err(_) => None,
    }
}

pub fn save(instance: &str, params: &str) {
    if !available() {
        return;
    }
    if let Err(e) = LocalStorage::set(key(instance), Saved { v: VERSION, params: params.to_string() }) {
        // Full or refused: the estimate still works, it just will not be remembered. Say so once.
        if !WARNED.with(|w| w.replace(true)) {
            gloo::console::warn!(format!("[treatment-widget] could not remember the estimate on this device ({e})"));
        }
    }
}
