//! Fuzzing the three ways outside text reaches the widget: a clinic's config, a share link (and
//! the URL fragment around it), and the estimate computed from both. Coverage-guided fuzzers
//! (cargo fuzz, afl.rs) need a nightly toolchain these machines do not have, so this is a mutation
//! fuzzer on stable: it starts from the committed corpus (`tests/fuzz-corpus/`), mutates bytes and
//! JSON structure with a seeded generator, and runs every input through parsing, validation,
//! resolving and pricing. Nothing may panic, and what comes back must hold the invariants below.
//!
//! Budget: `FUZZ_CASES` inputs per target (default 4,000, what `scripts/test` runs in a few
//! seconds); `FUZZ_SEED` picks another sequence. A failing input is printed with its seed and case
//! number; add it to the corpus once fixed.

use std::fs;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use serde_json::Value;
use treatment_widget_core::catalog::Catalog;
use treatment_widget_core::config::ClinicConfig;
use treatment_widget_core::date::Date;
use treatment_widget_core::estimate_params::{EstimateForm, EstimateParams};
use treatment_widget_core::financing::finance;
use treatment_widget_core::pricing::{deposit, estimate, EstimateInput, PriceBook};
use treatment_widget_core::route::{fragment_value, is_valid_key, with_fragment_value, Route};
use treatment_widget_core::schedule::plan;

/// xorshift64*: small, seeded, the same sequence on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

fn cases() -> usize {
    std::env::var("FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(4_000)
}

fn seed() -> u64 {
    std::env::var("FUZZ_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or(0x5EED_CAFE)
}

fn corpus_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fuzz-corpus"))
}

fn corpus_configs() -> Vec<String> {
    let mut files: Vec<_> = fs::read_dir(corpus_dir().join("configs")).expect("the config corpus").map(|e| e.unwrap().path()).collect();
    files.sort();
    files.iter().map(|p| fs::read_to_string(p).unwrap()).collect()
}

fn corpus_links() -> Vec<String> {
    fs::read_to_string(corpus_dir().join("links.txt")).expect("the link corpus").lines().filter(|l| !l.is_empty()).map(str::to_string).collect()
}

/// Values that break parsers: extremes, wrong types, odd Unicode, markup.
const INTERESTING_JSON: &[&str] = &[
    "null", "true", "0", "-1", "-0", "0.5", "1e300", "-1e300", "18446744073709551616", "9007199254740993",
    "2147483648", "255", "256", "65536", "\"\"", "\"\\u0000\"", "\"\\u202e<b>x</b>\"", "\"javascript:alert(1)\"",
    "\"<img src=x onerror=alert(1)>\"", "[]", "{}", "[[[[[]]]]]", "\"2026-02-30\"", "\"9999-12-31\"", "\"é\"",
    "{\"__proto__\":{}}", "\"#\"", "\"%\"",
];

const INTERESTING_TEXT: &[&str] = &[
    ";", "=", ",", ":", "/", "&", "#", "%", "%00", "%ZZ", "1e309", "-1e309", "\\u0000", "\\ud800", "pkg:", "mem:", "each", "99999999999", "-1", "0",
    "2026-02-29", "2027-12-31", "0000-01-01", "\u{202e}", "\u{0}", "<script>", "é", "\u{1F600}", "tw=", "a=",
];

fn mutate_bytes(rng: &mut Rng, input: &str, others: &[String]) -> String {
    let mut bytes = input.as_bytes().to_vec();
    for _ in 0..=rng.below(4) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(6) {
            0 if !bytes.is_empty() => {
                let i = at.min(bytes.len() - 1);
                bytes[i] ^= 1 << rng.below(8);
            }
            1 => bytes.insert(at, rng.next() as u8),
            2 if !bytes.is_empty() => {
                let end = (at + 1 + rng.below(16)).min(bytes.len());
                bytes.drain(at.min(end)..end);
            }
            3 if !bytes.is_empty() => {
                let start = rng.below(bytes.len());
                let end = (start + 1 + rng.below(64)).min(bytes.len());
                let piece = bytes[start..end].to_vec();
                bytes.splice(at..at, piece);
            }
            4 => {
                let token = INTERESTING_TEXT[rng.below(INTERESTING_TEXT.len())];
                bytes.splice(at..at, token.bytes());
            }
            _ => {
                // Splice: the start of this input with the end of another.
                let other = others[rng.below(others.len())].as_bytes();
                let from = rng.below(other.len() + 1);
                bytes.truncate(at);
                bytes.extend_from_slice(&other[from..]);
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// The path (child positions) to a random node of the JSON tree, walking down from the root.
fn random_path(rng: &mut Rng, value: &Value) -> Vec<usize> {
    let mut path = Vec::new();
    let mut node = value;
    loop {
        let children = match node {
            Value::Object(map) => map.len(),
            Value::Array(items) => items.len(),
            _ => 0,
        };
        if children == 0 || !rng.chance(75) {
            return path;
        }
        let i = rng.below(children);
        path.push(i);
        node = match node {
            Value::Object(map) => map.values().nth(i).unwrap(),
            Value::Array(items) => &items[i],
            _ => unreachable!(),
        };
    }
}

fn node_at<'a>(value: &'a mut Value, path: &[usize]) -> &'a mut Value {
    path.iter().fold(value, |node, &i| match node {
        Value::Object(map) => map.values_mut().nth(i).unwrap(),
        Value::Array(items) => &mut items[i],
        _ => unreachable!(),
    })
}

fn random_node<'a>(rng: &mut Rng, value: &'a mut Value) -> &'a mut Value {
    let path = random_path(rng, value);
    node_at(value, &path)
}

fn mutate_json(rng: &mut Rng, input: &str, donors: &[Value]) -> Option<String> {
    let mut value: Value = serde_json::from_str(input).ok()?;
    for _ in 0..=rng.below(3) {
        let donor = donors[rng.below(donors.len())].clone();
        let node = random_node(rng, &mut value);
        match rng.below(6) {
            0 => *node = serde_json::from_str(INTERESTING_JSON[rng.below(INTERESTING_JSON.len())]).unwrap(),
            1 => {
                if let Value::Object(map) = node {
                    if !map.is_empty() {
                        let key = map.keys().nth(rng.below(map.len())).unwrap().clone();
                        map.remove(&key);
                    }
                }
            }
            2 => {
                if let Value::Array(items) = node {
                    if !items.is_empty() {
                        let copy = items[rng.below(items.len())].clone();
                        items.push(copy); // duplicate ids, repeated add-ons
                    }
                }
            }
            3 => {
                if let Value::Number(n) = node {
                    let scaled = n.as_f64().unwrap_or(0.0) * [-1.0, 0.0, 1e9, 1e-9, 100.0, 0.01][rng.below(6)];
                    *node = serde_json::Number::from_f64(scaled).map(Value::Number).unwrap_or(Value::Null);
                }
            }
            4 => {
                // A subtree of another config, grafted here (a price book where a name was, ...).
                let mut donor = donor;
                *node = random_node(rng, &mut donor).clone();
            }
            _ => {
                if let Value::String(s) = node {
                    s.push_str(INTERESTING_TEXT[rng.below(INTERESTING_TEXT.len())]);
                }
            }
        }
    }
    Some(serde_json::to_string(&value).unwrap())
}

fn today() -> Date {
    Date::parse("2026-11-22").unwrap()
}

/// Runs `body` and turns a panic into a failure that names the input.
fn no_panic(what: &str, case: usize, input: &str, body: impl FnOnce()) {
    if catch_unwind(AssertUnwindSafe(body)).is_err() {
        let shown: String = input.chars().take(2_000).collect();
        panic!("{what} panicked on case {case} (FUZZ_SEED={}):\n{shown}", seed());
    }
}

/// Prices every treatment the clinic prices, in each way it can be paid and financed, with the
/// visitor's link applied; checks what a visitor would see.
fn price_everything(config: &ClinicConfig, catalog: &Catalog, link: &str, reached: &mut Reached) {
    let books: Vec<(Option<&str>, &PriceBook)> = std::iter::once((None, config.pricing.as_ref()))
        .chain(config.locations.iter().map(|l| (Some(l.id.as_str()), l.pricing.as_ref())))
        .filter_map(|(id, book)| book.map(|b| (id, b)))
        .collect();
    let Some(form) = EstimateForm::resolve(&EstimateParams::parse(link), config, catalog, today()) else { return };
    reached.forms += 1;
    // The link written for this form reads back as the same form.
    let again = EstimateForm::resolve(&EstimateParams::parse(&form.to_value()), config, catalog, today());
    assert_eq!(again.as_ref(), Some(&form), "a share link must restore the estimate it was made from");
    for (_, book) in books {
        // The visitor's treatment with their areas, and every other priced one at its standard area.
        let others = book.treatments.iter().filter_map(|t| Some((t.treatment.clone(), vec![t.areas.first()?.0.clone()])));
        for (treatment, areas) in std::iter::once((form.treatment.clone(), form.areas.clone())).chain(others) {
            let input = EstimateInput {
                treatment,
                areas,
                sessions: form.sessions,
                add_ons: form.add_ons.clone(),
                spacing_days: form.spacing_days,
            };
            let Ok(result) = estimate(book, &input) else { continue };
            reached.estimates += 1;
            assert!(result.per_session.low >= 0 && result.per_session.low <= result.per_session.high, "per session {:?}", result.per_session);
            assert!(!result.options.is_empty(), "an estimate always has a way to pay");
            assert!(result.cheapest.index() < result.options.len(), "the chosen way to pay exists");
            for option in &result.options {
                assert!(option.total.low >= 0 && option.total.low <= option.total.high, "total {:?}", option.total);
                if let Some(d) = deposit(book, option.total) {
                    assert!(d.low >= 0 && d.low <= option.total.low && d.high <= option.total.high, "deposit {d:?} of {:?}", option.total);
                }
                for p in &book.financing.plans {
                    if let Ok(quote) = finance(book, option, &p.id) {
                        reached.financed += 1;
                        let _ = format!("{quote:?}");
                    }
                }
            }
            let schedule = plan(form.start, form.sessions, form.spacing_days, None);
            assert!(!schedule.sessions.is_empty() && schedule.sessions.len() <= 24, "{} sessions planned", schedule.sessions.len());
        }
    }
}

#[derive(Default, Debug)]
struct Reached {
    configs_read: usize,
    forms: usize,
    estimates: usize,
    financed: usize,
}

#[test]
fn mutated_configs_and_links_never_panic_and_price_sensibly() {
    let catalog = Catalog::built_in().unwrap();
    let configs = corpus_configs();
    let links = corpus_links();
    let donors: Vec<Value> = configs.iter().map(|c| serde_json::from_str(c).unwrap()).collect();
    let mut rng = Rng(seed());
    let mut reached = Reached::default();
    for case in 0..cases() {
        let base = &configs[rng.below(configs.len())];
        let text = if rng.chance(60) { mutate_json(&mut rng, base, &donors).unwrap_or_else(|| base.clone()) } else { mutate_bytes(&mut rng, base, &configs) };
        let picked = rng.below(links.len());
        let link = if rng.chance(50) { links[picked].clone() } else { mutate_bytes(&mut rng, &links[picked], &links) };
        no_panic("reading a config and pricing it", case, &format!("{text}\n--- link: {link}"), || {
            if let Ok(config) = ClinicConfig::from_json(&text, &catalog) {
                reached.configs_read += 1;
                price_everything(&config, &catalog, &link, &mut reached);
            }
        });
    }
    println!("fuzz (configs): {} cases, {reached:?}", cases());
    // Not vacuous: a good share of mutated configs is still read and priced end to end.
    assert!(reached.configs_read * 100 >= cases() * 15, "{reached:?}");
    assert!(reached.estimates >= cases(), "{reached:?}");
    assert!(reached.financed > 0, "{reached:?}");
}

#[test]
fn mutated_fragments_and_routes_never_panic_and_keep_other_keys() {
    let catalog = Catalog::built_in().unwrap();
    let known = |id: &str| catalog.treatments.iter().any(|t| t.id == id);
    let links = corpus_links();
    let mut rng = Rng(seed() ^ 0xF00D);
    for case in 0..cases() * 4 {
        let (a, b) = (rng.below(links.len()), rng.below(links.len()));
        let fragment = mutate_bytes(&mut rng, &links[a], &links);
        let value = mutate_bytes(&mut rng, &links[b], &links);
        no_panic("reading a fragment", case, &format!("{fragment}\n--- value: {value}"), || {
            let route = Route::parse(&value, known);
            // A route the widget writes reads back as itself.
            if let Some(written) = route.to_value() {
                assert_eq!(Route::parse(&written, known), route, "{written}");
            }
            for key in ["tw", "clinic-a"] {
                assert!(is_valid_key(key));
                let _ = fragment_value(&fragment, key);
                // Writing this widget's part leaves every other widget's part as it was.
                let written = with_fragment_value(&fragment, key, Some("faq"));
                assert_eq!(fragment_value(&written, key).as_deref(), Some("faq"), "{written}");
                // Every other widget's key found in the fragment (the corpus has links with both
                // keys and more, so this runs), not only the one other key this test writes.
                let fragment_body = fragment.strip_prefix('#').unwrap_or(&fragment);
                for other in fragment_body.split('&').filter_map(|pair| pair.split_once('=').map(|(k, _)| k)) {
                    if other != key && is_valid_key(other) {
                        assert_eq!(fragment_value(&written, other), fragment_value(&fragment, other), "{other}: {fragment} -> {written}");
                    }
                }
                let removed = with_fragment_value(&written, key, None);
                assert_eq!(fragment_value(&removed, key), None, "{removed}");
            }
            let _ = EstimateParams::parse(&value);
        });
    }
    println!("fuzz (fragments): {} cases", cases() * 4);
}
