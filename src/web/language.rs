//! Which language an instance shows: the visitor's earlier choice on this device (when the
//! clinic offers it), else the clinic's. Storage that is missing or throws means "no choice".

use gloo::storage::{LocalStorage, Storage};

use crate::core::config::ClinicConfig;
use crate::core::texts::Lang;

fn key(instance: &str) -> String {
    format!("treatment-widget:v1:language:{instance}")
}

fn available() -> bool {
    matches!(gloo::utils::window().local_storage(), Ok(Some(_)))
}

pub fn chosen(instance: &str, config: &ClinicConfig) -> Lang {
    let remembered = if available() { LocalStorage::get::<String>(key(instance)).ok().and_then(|c| Lang::from_tag(&c)) } else { None };
    remembered.filter(|l| config.languages.contains(l)).unwrap_or(config.language)
}

pub fn remember(instance: &str, lang: Lang) {
    if available() {
        let _ = LocalStorage::set(key(instance), lang.code());
    }
}

/// The locale for `lang`: the clinic's when it is in that language, else the language with the
/// clinic's region ("en-US" shown in Spanish is "es-US"), so money and dates read naturally.
pub fn locale_for(locale: &str, lang: Lang) -> String {
    // A locale in a language the widget does not speak (de-DE) still sets how numbers, money and
    // dates look.
    if Lang::from_tag(locale).is_none_or(|l| l == lang) {
        return locale.to_string();
    }
    match locale.split('-').nth(1).filter(|r| r.len() == 2 && r.chars().all(|c| c.is_ascii_alphabetic())) {
        Some(region) => format!("{}-{region}", lang.code()),
        None => lang.code().to_string(),
    }
}
