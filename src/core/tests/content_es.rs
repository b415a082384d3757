//! Checks for the Spanish catalog, `content/catalog.es.json`, against the English one: the same
//! structure (ids, numbers, enums, order, sources on every fact) with only the visitor-facing text
//! translated, every such text actually translated, no English words left behind, and every number
//! an English text states kept in its Spanish text. Native only: `cargo test --test content_es`.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use serde_json::Value;
use treatment_widget_core::catalog::Catalog;

const EN_JSON: &str = include_str!("../../../content/catalog.json");
const ES_JSON: &str = include_str!("../../../content/catalog.es.json");

/// The keys whose string values are translated. `title` is translated everywhere except in the
/// top-level `sources` list, whose titles are the sources' real titles.
const TRANSLATABLE: [&str; 6] = ["text", "name", "title", "myth", "question", "hint"];

/// Texts that are spelled the same in both languages, so may equal the English.
const SAME_IN_BOTH: [&str; 2] = ["Botox", "Abdomen"];

/// Common English words (compared as whole words, case-insensitively) that must not appear in a
/// Spanish text. None of them is also a Spanish word; names kept in English ("microneedling",
/// "derma rolling", "Mayo Clinic", "Accutane") are deliberately absent.
const ENGLISH_WORDS: &[&str] = &[
    "the", "and", "with", "skin", "your", "you", "after", "before", "session", "sessions",
    "treatment", "treatments", "should", "which", "this", "that", "from", "not", "can", "may",
    "of", "for", "is", "are", "it", "or", "if", "but", "by", "into", "also", "all", "any", "each",
    "every", "who", "what", "how", "when", "will", "would", "about", "more", "most", "less",
    "some", "than", "they", "their", "there", "until", "within", "without", "because", "since",
    "between", "over", "under", "get", "see", "help", "look", "feel", "make", "new", "results",
    "needle", "needles", "doctor", "provider", "sunscreen", "redness", "pregnancy",
    "breastfeeding", "scars", "wrinkles", "weeks", "months", "days", "hours", "people", "ask",
    "check", "first", "home", "peel", "peels", "laser", "lasers", "area", "cream", "product",
    "products", "dark", "spots", "patches", "risk", "risks", "infection", "serum", "serums",
    "review", "reviews", "study", "studies", "sources", "vitamin", "hair", "face", "blood", "sun",
    "pain", "mild", "avoid", "only", "still",
];

fn parsed() -> (Value, Value) {
    let en: Value = serde_json::from_str(EN_JSON).expect("content/catalog.json is not valid JSON");
    let es: Value = serde_json::from_str(ES_JSON).expect("content/catalog.es.json is not valid JSON");
    (en, es)
}

/// A readable name for an array element: its index, plus its id (or concern) when it has one.
fn element_path(parent: &str, i: usize, item: &Value) -> String {
    let label = item
        .get("id")
        .or_else(|| item.get("concern"))
        .and_then(Value::as_str)
        .map(|id| format!(" {id}"))
        .unwrap_or_default();
    format!("{parent}[{i}{label}]")
}

fn is_translatable(key: &str, value: &Value, in_sources: bool) -> bool {
    value.is_string() && TRANSLATABLE.contains(&key) && !in_sources
}

/// The tree with every translatable string replaced by "".
fn blanked(value: &Value, in_sources: bool) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| {
                    let v = if is_translatable(k, v, in_sources) {
                        Value::String(String::new())
                    } else {
                        blanked(v, in_sources)
                    };
                    (k.clone(), v)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(|v| blanked(v, in_sources)).collect()),
        other => other.clone(),
    }
}

fn blank_catalog(catalog: &Value) -> Value {
    match catalog {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), blanked(v, k == "sources")))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// Every place where the two trees differ, by path.
fn differences(path: &str, en: &Value, es: &Value, out: &mut Vec<String>) {
    match (en, es) {
        (Value::Object(a), Value::Object(b)) => {
            let keys_a: Vec<&String> = a.keys().collect();
            let keys_b: Vec<&String> = b.keys().collect();
            if keys_a != keys_b {
                out.push(format!("{path}: keys differ: English {keys_a:?}, Spanish {keys_b:?}"));
            }
            for (k, va) in a {
                if let Some(vb) = b.get(k) {
                    differences(&format!("{path}.{k}"), va, vb, out);
                }
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            if a.len() != b.len() {
                out.push(format!("{path}: {} items in English, {} in Spanish", a.len(), b.len()));
            }
            for (i, (va, vb)) in a.iter().zip(b).enumerate() {
                differences(&element_path(path, i, va), va, vb, out);
            }
        }
        (a, b) if a != b => out.push(format!("{path}: English {a}, Spanish {b}")),
        _ => {}
    }
}

/// Every translatable string of the English tree beside the string at the same place in the
/// Spanish tree: (path, English, Spanish). Places where the structures differ are skipped here;
/// `same_structure_once_text_is_blanked` reports them.
fn translatable_pairs(path: &str, en: &Value, es: &Value, in_sources: bool, out: &mut Vec<(String, String, String)>) {
    match (en, es) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, va) in a {
                let Some(vb) = b.get(k) else { continue };
                let at = format!("{path}.{k}");
                if is_translatable(k, va, in_sources) {
                    let text = |v: &Value| v.as_str().unwrap_or_default().to_owned();
                    out.push((at, text(va), text(vb)));
                } else {
                    translatable_pairs(&at, va, vb, in_sources || (path.is_empty() && k == "sources"), out);
                }
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            for (i, (va, vb)) in a.iter().zip(b).enumerate() {
                translatable_pairs(&element_path(path, i, va), va, vb, in_sources, out);
            }
        }
        _ => {}
    }
}

/// English and Spanish translatable strings side by side: (path, English, Spanish).
fn pairs() -> Vec<(String, String, String)> {
    let (en, es) = parsed();
    let mut out = Vec::new();
    translatable_pairs("", &en, &es, false, &mut out);
    out
}

fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase)
}

/// The numbers a text states, as written with a decimal point ("0.25", "2.5", "24"). A comma
/// followed by exactly three digits is a thousands separator and is dropped.
fn numbers(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let mut n = String::new();
        loop {
            while i < chars.len() && chars[i].is_ascii_digit() {
                n.push(chars[i]);
                i += 1;
            }
            let digits_after = |from: usize| chars[from..].iter().take_while(|c| c.is_ascii_digit()).count();
            if i + 1 < chars.len() && chars[i] == ',' && digits_after(i + 1) == 3 {
                i += 1; // thousands separator
            } else if i + 1 < chars.len() && chars[i] == '.' && !n.contains('.') && digits_after(i + 1) > 0 {
                n.push('.');
                i += 1;
            } else {
                break;
            }
        }
        out.push(n);
    }
    out.sort();
    out
}

/// A decimal comma ("0,25"), which this catalog does not use: it keeps the decimal point.
fn decimal_commas(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let digits = |from: usize| chars[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let digits_before = |to: usize| chars[..to].iter().rev().take_while(|c| c.is_ascii_digit()).count();
    (1..chars.len().saturating_sub(1))
        .filter(|&i| chars[i] == ',' && digits_before(i) > 0 && digits(i + 1) > 0 && digits(i + 1) != 3)
        .map(|i| chars[i - digits_before(i)..i + 1 + digits(i + 1)].iter().collect())
        .collect()
}

fn fail_if_any(problems: &[String], what: &str) {
    assert!(problems.is_empty(), "{what} ({} found):\n  {}", problems.len(), problems.join("\n  "));
}

#[test]
fn both_catalogs_parse_as_catalogs() {
    let en = serde_json::from_str::<Catalog>(EN_JSON);
    let es = serde_json::from_str::<Catalog>(ES_JSON);
    assert!(en.is_ok(), "content/catalog.json does not parse as a Catalog: {}", en.unwrap_err());
    assert!(es.is_ok(), "content/catalog.es.json does not parse as a Catalog: {}", es.unwrap_err());
}

#[test]
fn same_structure_once_text_is_blanked() {
    let (en, es) = parsed();
    let (en, es) = (blank_catalog(&en), blank_catalog(&es));
    let mut problems = Vec::new();
    differences("", &en, &es, &mut problems);
    fail_if_any(
        &problems,
        "content/catalog.es.json differs from content/catalog.json in more than translatable text \
         (ids, numbers, enums, sources or order); translate new English facts in place",
    );
    assert_eq!(en, es);
}

#[test]
fn sources_are_identical() {
    let en = serde_json::from_str::<Catalog>(EN_JSON).expect("English catalog parses");
    let es = serde_json::from_str::<Catalog>(ES_JSON).expect("Spanish catalog parses");
    let by_id = |c: &Catalog| c.sources.iter().map(|s| (s.id.clone(), s.clone())).collect::<BTreeMap<_, _>>();
    let (a, b) = (by_id(&en), by_id(&es));
    let mut problems = Vec::new();
    for (id, s) in &a {
        match b.get(id) {
            None => problems.push(format!("source {id}: missing from the Spanish catalog")),
            Some(t) if t != s => problems.push(format!("source {id}: English {s:?}, Spanish {t:?}")),
            _ => {}
        }
    }
    problems.extend(b.keys().filter(|id| !a.contains_key(*id)).map(|id| format!("source {id}: only in Spanish")));
    fail_if_any(&problems, "sources must be copied unchanged (real titles, publishers and addresses)");
    assert_eq!(en.sources, es.sources, "sources are in a different order");
}

#[test]
fn every_translatable_string_is_translated() {
    let mut problems = Vec::new();
    for (path, en, es) in pairs() {
        if es.trim().is_empty() {
            problems.push(format!("{path}: empty"));
        } else if es == en && !SAME_IN_BOTH.contains(&en.as_str()) {
            problems.push(format!("{path}: still in English: {en:?}"));
        }
    }
    fail_if_any(&problems, "untranslated text in content/catalog.es.json");
}

#[test]
fn no_english_words_left_in_spanish_text() {
    let mut problems = Vec::new();
    for (path, _, es) in pairs() {
        let found: Vec<String> = words(&es).filter(|w| ENGLISH_WORDS.contains(&w.as_str())).collect();
        if !found.is_empty() {
            problems.push(format!("{path}: English word(s) {found:?} in {es:?}"));
        }
    }
    fail_if_any(&problems, "English words left in content/catalog.es.json");
}

#[test]
fn numbers_are_kept_with_a_decimal_point() {
    let mut problems = Vec::new();
    for (path, en, es) in pairs() {
        let commas = decimal_commas(&es);
        if !commas.is_empty() {
            problems.push(format!("{path}: decimal comma in {commas:?}; this catalog writes 0.25, 2.5"));
        }
        let (a, b) = (numbers(&en), numbers(&es));
        if a != b {
            problems.push(format!("{path}: English states {a:?}, Spanish states {b:?}\n    EN {en:?}\n    ES {es:?}"));
        }
    }
    fail_if_any(&problems, "numbers differ between an English text and its Spanish text");
}

#[test]
fn number_and_word_helpers() {
    assert_eq!(numbers("redness fades within 24 to 48 hours"), ["24", "48"]);
    assert_eq!(numbers("0.25–0.5 mm, up to 2.5 mm."), ["0.25", "0.5", "2.5"]);
    assert_eq!(numbers("3–6 weeks, 3 to 6 sessions"), ["3", "3", "6", "6"]);
    assert_eq!(numbers("5% minoxidil over 12 weeks; 1,000 people"), ["1000", "12", "5"]);
    assert_eq!(numbers("0,25 mm"), ["0", "25"]);
    assert_eq!(decimal_commas("de 0,25 a 2,5 mm"), ["0,25", "2,5"]);
    assert!(decimal_commas("1,000 personas; 3, 4 y 5").is_empty());
    assert_eq!(words("Use la crema, no Your skin.").collect::<Vec<_>>(), ["use", "la", "crema", "no", "your", "skin"]);
    assert!(words("áreas láser acné sérum clínica").all(|w| !ENGLISH_WORDS.contains(&w.as_str())));
}
