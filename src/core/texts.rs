//! Every sentence of the interface, per language, by key: `content/strings.en.json` (compiled in)
//! and `content/strings.es.json` (fetched only by pages that show Spanish). A clinic can override
//! any string per language with its config's `copy`.
//!
//! A string may hold placeholders such as `{clinic}`; [`Texts::fill`] replaces them. Counted
//! strings have `.one` and `.other` forms (`sessions.one` = "1 session", `sessions.other` =
//! "{n} sessions"), chosen by [`Texts::count`].

use std::collections::HashMap;
use std::fmt;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

/// The English strings compiled into the widget: the fallback for any key.
pub const STRINGS_EN: &str = include_str!("../../content/strings.en.json");

/// A language the widget speaks in full.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Es,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// The writing direction, set on the widget's root: a right-to-left host page must not flip
    /// an English or Spanish widget (it would move full stops to the start of sentences).
    pub fn dir(self) -> &'static str {
        match self {
            Lang::En | Lang::Es => "ltr",
        }
    }

    /// "en" or "es", or a BCP 47 tag starting with either ("es-US").
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The language's own name, for the switch.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Español",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A clinic's own words (a treatment name, a location), in one language for all, or per language
/// (`{"en": "Glow facial", "es": "Facial luminoso"}`). A language it lacks shows the first given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LocalText {
    One(String),
    PerLang(Vec<(Lang, String)>),
}

impl LocalText {
    pub fn get(&self, lang: Lang) -> &str {
        match self {
            LocalText::One(s) => s,
            LocalText::PerLang(list) => list.iter().find(|(l, _)| *l == lang).or(list.first()).map(|(_, s)| s.as_str()).unwrap_or(""),
        }
    }

    /// Every text it holds, for checks.
    pub fn all(&self) -> Vec<&str> {
        match self {
            LocalText::One(s) => vec![s.as_str()],
            LocalText::PerLang(list) => list.iter().map(|(_, s)| s.as_str()).collect(),
        }
    }
}

impl From<&str> for LocalText {
    fn from(s: &str) -> LocalText {
        LocalText::One(s.to_string())
    }
}

impl<'de> Deserialize<'de> for LocalText {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct LocalVisitor;
        impl<'de> serde::de::Visitor<'de> for LocalVisitor {
            type Value = LocalText;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("text, or text per language such as {\"en\": \"…\", \"es\": \"…\"}")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<LocalText, E> {
                Ok(LocalText::One(v.to_string()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<LocalText, A::Error> {
                let mut list: Vec<(Lang, String)> = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    let Some(lang) = Lang::ALL.into_iter().find(|l| l.code() == key) else {
                        return Err(serde::de::Error::unknown_field(&key, &["en", "es"]));
                    };
                    if list.iter().any(|(l, _)| *l == lang) {
                        return Err(serde::de::Error::custom(format!("the key {key:?} appears twice")));
                    }
                    list.push((lang, map.next_value()?));
                }
                if list.is_empty() {
                    return Err(serde::de::Error::custom("needs text for at least one language"));
                }
                Ok(LocalText::PerLang(list))
            }
        }
        deserializer.deserialize_any(LocalVisitor)
    }
}

/// The interface strings for one language, with the clinic's overrides applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Texts {
    pub lang: Lang,
    map: Rc<HashMap<String, String>>,
    english: Rc<HashMap<String, String>>,
}

thread_local! {
    /// Parsed once per instance of the module.
    static ENGLISH: Rc<HashMap<String, String>> = Rc::new(parse_table(STRINGS_EN).unwrap_or_default());
}

fn parse_table(json: &str) -> Result<HashMap<String, String>, String> {
    serde_json::from_str::<HashMap<String, String>>(json).map_err(|e| format!("the strings are not valid ({e})"))
}

/// The placeholders (`{name}`) a string uses, sorted.
pub fn placeholders(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) if after[..close].chars().all(|c| c.is_ascii_alphanumeric() || c == '_') && close > 0 => {
                out.push(after[..close].to_string());
                rest = &after[close + 1..];
            }
            _ => rest = after,
        }
    }
    out.sort();
    out.dedup();
    out
}

impl Texts {
    /// English, compiled in.
    pub fn english() -> Texts {
        let map = ENGLISH.with(Rc::clone);
        Texts { lang: Lang::En, english: map.clone(), map }
    }

    /// Another language's table (as fetched); keys it lacks fall back to English.
    pub fn from_json(lang: Lang, json: &str) -> Result<Texts, String> {
        let english = Texts::english().english;
        let map = if lang == Lang::En { english.clone() } else { Rc::new(parse_table(json)?) };
        Ok(Texts { lang, map, english })
    }

    /// The clinic's `copy` for this language, over the built-in strings. Keys were checked when the
    /// config was read.
    pub fn with_overrides(mut self, overrides: &[(String, String)]) -> Texts {
        if !overrides.is_empty() {
            let map = Rc::make_mut(&mut self.map);
            for (key, text) in overrides {
                map.insert(key.clone(), text.clone());
            }
        }
        self
    }

    pub fn has(&self, key: &str) -> bool {
        self.english.contains_key(key)
    }

    /// Every key, sorted (for the docs and the checks).
    pub fn keys(&self) -> Vec<&str> {
        let mut keys: Vec<&str> = self.english.keys().map(String::as_str).collect();
        keys.sort_unstable();
        keys
    }

    /// The string for `key`, in this language, else English, else the key itself (a missing key is
    /// a bug the native tests catch; the visitor still sees something readable).
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        self.map.get(key).or_else(|| self.english.get(key)).map(String::as_str).unwrap_or(key)
    }

    /// The string with each `{name}` replaced by its value.
    pub fn fill(&self, key: &str, args: &[(&str, &str)]) -> String {
        let template = self.get(key);
        let mut out = template.to_string();
        for (name, value) in args {
            out = out.replace(&format!("{{{name}}}"), value);
        }
        // A sentence that opens with a value ("the clinic does not…") still opens with a capital.
        if template.starts_with('{') && out.starts_with(|c: char| c.is_lowercase()) {
            let mut chars = out.chars();
            if let Some(first) = chars.next() {
                out = first.to_uppercase().chain(chars).collect();
            }
        }
        out
    }

    /// `key.one` for 1, `key.other` otherwise, with `{n}` and `args` filled in.
    pub fn count(&self, key: &str, n: impl Into<u64>, args: &[(&str, &str)]) -> String {
        let n = n.into();
        let form = if n == 1 { format!("{key}.one") } else { format!("{key}.other") };
        let n_text = n.to_string();
        let mut all = vec![("n", n_text.as_str())];
        all.extend_from_slice(args);
        self.fill(&form, &all)
    }
}

/// Whether a character may appear in text a clinic writes: no control characters, and none of the
/// bidirectional embeddings, overrides or isolates (U+202A–U+202E, U+2066–U+2069), which can make
/// the words after a name read backwards. The left-to-right and
/// right-to-left marks (U+200E, U+200F) stay allowed for names in Arabic or Hebrew.
pub fn allowed_in_plain_text(c: char) -> bool {
    !c.is_control() && !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_names_itself_and_writes_left_to_right() {
        assert_eq!(Lang::ALL.map(|l| (l.to_string(), l.own_name(), l.dir())), [("en".to_string(), "English", "ltr"), ("es".to_string(), "Español", "ltr")]);
    }

    #[test]
    fn text_that_is_neither_a_string_nor_per_language_says_what_was_expected() {
        let e = serde_json::from_str::<LocalText>("12").unwrap_err().to_string();
        assert!(e.contains("text, or text per language"), "{e}");
    }

    #[test]
    fn empty_braces_are_not_a_placeholder() {
        assert_eq!(placeholders("a {} b {x} {y z} {x}"), ["x"]);
    }

    #[test]
    fn another_languages_table_is_its_own_and_english_is_the_built_in_one() {
        let es = Texts::from_json(Lang::Es, r#"{"nav.home": "Inicio"}"#).unwrap();
        assert_eq!(es.get("nav.home"), "Inicio");
        assert!(Texts::from_json(Lang::Es, "not json").is_err());
        // English ignores what it is given: its table is compiled in.
        let en = Texts::from_json(Lang::En, "not json").unwrap();
        assert_eq!(en.get("nav.home"), Texts::english().get("nav.home"));
        assert_ne!(en.get("nav.home"), "Inicio");
    }

    #[test]
    fn english_is_complete_and_readable() {
        let t = Texts::english();
        assert!(t.keys().len() > 100, "{}", t.keys().len());
        for key in t.keys() {
            assert!(!t.get(key).trim().is_empty(), "{key} is empty");
        }
    }

    #[test]
    fn placeholders_are_filled_and_counts_pick_their_form() {
        let t = Texts::english();
        assert_eq!(t.count("sessions", 1u8, &[]), "1 session");
        assert_eq!(t.count("sessions", 4u8, &[]), "4 sessions");
        assert_eq!(placeholders("For {clinic}, {n} of {total} and {n}; not {this one}"), ["clinic", "n", "total"]);
        let over = Texts::english().with_overrides(&[("sessions.one".into(), "one visit".into())]);
        assert_eq!(over.count("sessions", 1u8, &[]), "one visit");
        assert_eq!(t.get("no.such.key"), "no.such.key");
        // A sentence that opens with a value opens with a capital.
        assert_eq!(t.fill("finance.not_packages", &[("clinic", "the clinic")]), "The clinic does not combine packages with financing.");
    }

    #[test]
    fn languages_from_tags() {
        assert_eq!(Lang::from_tag("es-US"), Some(Lang::Es));
        assert_eq!(Lang::from_tag("EN"), Some(Lang::En));
        assert_eq!(Lang::from_tag("de-DE"), None);
        assert_eq!(Lang::from_tag(""), None);
    }
}
