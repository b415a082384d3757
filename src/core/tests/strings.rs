//! Checks for the Spanish interface strings, `content/strings.es.json`, against the English ones,
//! `content/strings.en.json`: the same keys, the same placeholders in every string, both forms of
//! every counted string, every string actually translated, no English words left behind, and a
//! table the widget itself can load. Native only: `cargo test --test strings`.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};

use treatment_widget_core::texts::{placeholders, Lang, Texts};

const EN_JSON: &str = include_str!("../../../content/strings.en.json");
const ES_JSON: &str = include_str!("../../../content/strings.es.json");

/// Texts spelled the same in both languages, so a Spanish string may equal its English one.
/// Strings made only of placeholders and symbols ("{areas} × {sessions}", "{from}–{to}") may too.
const SAME_IN_BOTH: &[&str] = &["APR", "Botox", "Dermis", "Email", "Epidermis", "No", "Total"];

/// Common English words (compared as whole words, case-insensitively, with placeholders taken
/// out first) that must not appear in a Spanish string. None of them is also a Spanish word; the
/// names kept in English ("microneedling", "APR") are deliberately absent.
const ENGLISH_WORDS: &[&str] = &[
    "the", "and", "your", "you", "with", "of", "session", "sessions", "to", "for", "is", "are",
    "not", "this", "that", "it", "its", "in", "on", "at", "by", "or", "if", "be", "an", "from",
    "after", "before", "each", "every", "only", "still", "until", "within", "between", "more",
    "less", "than", "what", "how", "when", "which", "who", "why", "ask", "see", "pick", "choose",
    "clear", "book", "share", "print", "copy", "link", "page", "price", "prices", "pricing",
    "cost", "costs", "saves", "pay", "paying", "payment", "payments", "deposit", "down",
    "financing", "financed", "interest", "estimate", "estimated", "quote", "quotes", "package",
    "membership", "fee", "discount", "off", "tax", "treatment", "treatments", "clinic", "skin",
    "results", "result", "typically", "usually", "vary", "needle", "needles", "downtime",
    "aftercare", "sources", "source", "facts", "fact", "myth", "myths", "home", "day", "days",
    "week", "weeks", "month", "months", "yes", "none", "low", "high", "medium", "answer",
    "answers", "question", "questions", "concern", "concerns", "advised", "check", "professional",
    "first", "private", "event", "areas", "area", "language", "guide", "rollers", "here",
    "compare", "compared", "course", "common", "may", "help", "little", "main", "location",
    "together", "joint", "cheapest", "lowest", "include", "whole", "usual", "typical", "amount",
    "public", "references", "offered", "candidate",
];

fn table(json: &str, file: &str) -> BTreeMap<String, String> {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("{file} is not a flat JSON object of strings: {e}"))
}

fn en() -> BTreeMap<String, String> {
    table(EN_JSON, "content/strings.en.json")
}

fn es() -> BTreeMap<String, String> {
    table(ES_JSON, "content/strings.es.json")
}

/// The text without its placeholders, so `{from}` is not read as the English word "from".
fn without_placeholders(text: &str) -> String {
    let mut out = text.to_string();
    for name in placeholders(text) {
        out = out.replace(&format!("{{{name}}}"), " ");
    }
    out
}

/// The words of a text, lowercased; a word is a run of letters (accented ones included).
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

#[test]
fn both_files_have_the_same_keys() {
    let (en, es) = (en(), es());
    let missing: Vec<&String> = en.keys().filter(|k| !es.contains_key(*k)).collect();
    let extra: Vec<&String> = es.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "content/strings.es.json must have exactly the keys of content/strings.en.json.\n  missing in Spanish: {missing:?}\n  not in English: {extra:?}"
    );
}

#[test]
fn every_string_keeps_its_placeholders() {
    let (en, es) = (en(), es());
    let wrong: Vec<String> = en
        .iter()
        .filter_map(|(key, english)| {
            let spanish = es.get(key)?;
            let (a, b) = (placeholders(english), placeholders(spanish));
            (a != b).then(|| format!("{key}: English {a:?}, Spanish {b:?}"))
        })
        .collect();
    assert!(wrong.is_empty(), "placeholders differ:\n  {}", wrong.join("\n  "));
}

/// Counted strings come in `.one` / `.other` pairs, and the `.other` form always shows the count
/// (`{n}`). A key that merely ends in `.other` without showing a count (`pay.other`, "Another way
/// to pay") is an ordinary string, not a plural form.
#[test]
fn counted_strings_have_both_forms() {
    for (file, map) in [("content/strings.en.json", en()), ("content/strings.es.json", es())] {
        let keys: BTreeSet<&str> = map.keys().map(String::as_str).collect();
        let mut wrong = Vec::new();
        for key in &keys {
            let partner = if let Some(stem) = key.strip_suffix(".one") {
                format!("{stem}.other")
            } else if let Some(stem) = key.strip_suffix(".other") {
                let counted = placeholders(&map[*key]).iter().any(|p| p == "n");
                if !counted && !keys.contains(format!("{stem}.one").as_str()) {
                    continue;
                }
                format!("{stem}.one")
            } else {
                continue;
            };
            if !keys.contains(partner.as_str()) {
                wrong.push(format!("{key} has no {partner}"));
            }
        }
        assert!(wrong.is_empty(), "{file}: counted strings need both forms:\n  {}", wrong.join("\n  "));
    }
}

#[test]
fn every_string_is_translated() {
    let (en, es) = (en(), es());
    let same: Vec<String> = en
        .iter()
        .filter(|(key, english)| es.get(*key) == Some(english))
        .filter(|(_, english)| !SAME_IN_BOTH.contains(&english.as_str()))
        .filter(|(_, english)| without_placeholders(english).chars().any(char::is_alphabetic))
        .map(|(key, english)| format!("{key}: {english:?}"))
        .collect();
    assert!(same.is_empty(), "left in English:\n  {}", same.join("\n  "));
    let blank: Vec<&String> = es.iter().filter(|(_, v)| v.trim().is_empty()).map(|(k, _)| k).collect();
    assert!(blank.is_empty(), "empty Spanish strings: {blank:?}");
}

#[test]
fn no_english_words_in_spanish() {
    let es = es();
    let english: BTreeSet<&str> = ENGLISH_WORDS.iter().copied().collect();
    let found: Vec<String> = es
        .iter()
        .filter_map(|(key, text)| {
            let hits: Vec<String> = words(&without_placeholders(text)).into_iter().filter(|w| english.contains(w.as_str())).collect();
            (!hits.is_empty()).then(|| format!("{key}: {hits:?} in {text:?}"))
        })
        .collect();
    assert!(found.is_empty(), "English words in Spanish strings:\n  {}", found.join("\n  "));
}

#[test]
fn the_english_word_list_does_catch_english() {
    // The word check is only worth something if it fires on the English originals.
    let en = en();
    let english: BTreeSet<&str> = ENGLISH_WORDS.iter().copied().collect();
    let caught = en.values().filter(|text| words(&without_placeholders(text)).iter().any(|w| english.contains(w.as_str()))).count();
    assert!(caught * 10 >= en.len() * 9, "the word list catches only {caught} of {} English strings", en.len());
}

#[test]
fn the_widget_loads_the_spanish_table() {
    let texts = Texts::from_json(Lang::Es, ES_JSON).expect("Texts::from_json(Lang::Es, …) refuses content/strings.es.json");
    assert_eq!(texts.lang, Lang::Es);
    let es = es();
    for key in texts.keys() {
        assert_eq!(Some(texts.get(key)), es.get(key).map(String::as_str), "{key} does not come from the Spanish table");
    }
    assert_eq!(texts.count("sessions", 1u8, &[]), "1 sesión");
    assert_eq!(texts.count("sessions", 4u8, &[]), "4 sesiones");
    assert_eq!(texts.count("unit.week", 6u8, &[]), "6 semanas");
    assert_eq!(texts.fill("span.to", &[("from", "3 semanas"), ("to", "3 meses")]), "3 semanas a 3 meses");
}

/// Every string literal in the widget's Rust source that looks like a key of the table (its first
/// part is one the table uses, as in "price.before_tax") is in the table, so no visitor ever sees
/// a raw key where a sentence should be. Counted strings are used by their base key.
#[test]
fn every_key_the_source_uses_is_in_the_table() {
    let table = en();
    let prefixes: BTreeSet<&str> = table.keys().filter_map(|k| k.split('.').next()).collect();
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    let mut dirs = vec![src];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    assert!(files.len() > 30, "the widget's source files were found ({})", files.len());
    let mut used = 0;
    let mut missing = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for literal in text.split('"').skip(1).step_by(2) {
            let looks_like_key = literal.contains('.')
                && literal.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '.')
                && literal.split('.').next().is_some_and(|p| prefixes.contains(p));
            // Paths inside a config or the catalog, named in messages, not interface strings.
            let a_path = ["booking.url", "booking.phone", "results.early", "results.full", "sessions.typical", "sessions.min", "sessions.max"].contains(&literal);
            if !looks_like_key || a_path || literal.ends_with(".json") {
                continue;
            }
            used += 1;
            if !table.contains_key(literal) && !table.contains_key(&format!("{literal}.one")) {
                missing.push(format!("{}: {literal}", file.display()));
            }
        }
    }
    assert!(used > 200, "keys were found in the source ({used})");
    assert!(missing.is_empty(), "keys used but not in content/strings.en.json:\n{}", missing.join("\n"));
}

/// Downtime and fit are worded through keys made from their ids (`downtime.very-low`,
/// `fit.strong`): each id names a string, in both languages, and no two share one.
#[test]
fn every_downtime_and_fit_has_its_words() {
    use treatment_widget_core::catalog::{Downtime, Fit};
    let (en, es) = (en(), es());
    let downtime = [Downtime::None, Downtime::VeryLow, Downtime::Low, Downtime::Medium, Downtime::High].map(|d| format!("downtime.{}", d.id()));
    let fit = [Fit::Strong, Fit::Good, Fit::Some].map(|f| format!("fit.{}", f.id()));
    let keys: Vec<&String> = downtime.iter().chain(fit.iter()).collect();
    for key in &keys {
        assert!(en.contains_key(*key) && es.contains_key(*key), "{key} has no words");
    }
    let distinct: BTreeSet<&&String> = keys.iter().collect();
    assert_eq!(distinct.len(), keys.len());
    assert_eq!(downtime[1], "downtime.very-low", "the id is the config's spelling");
}
