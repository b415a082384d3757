//! The clinic's configuration: what it offers, how it looks, where visitors book.
//!
//! Parsing is strict on purpose: a misspelt key or a bad value is reported with its path (for
//! example `booking.url`) and the whole config is refused, because a half-applied config could show
//! a visitor wrong prices. The caller then falls back to the built-in demo clinic.

use std::fmt;

use serde::Deserialize;

use super::brand::{Palette, Rgb};
use super::catalog::{Catalog, Setting};
use super::money::Currency;
use super::price_config;
use super::pricing::PriceBook;

/// The built-in demo clinic, used when a page gives no config or an unusable one.
pub const DEMO_CLINIC_JSON: &str = include_str!("../../content/demo-clinic.json");

/// Larger configs are refused before parsing; a real clinic's is a few kilobytes.
pub const MAX_CONFIG_BYTES: usize = 256 * 1024;

const MAX_NAME_CHARS: usize = 80;
const MAX_URL_CHARS: usize = 2000;

#[derive(Clone, Debug, PartialEq)]
pub struct ClinicConfig {
    pub clinic_name: String,
    /// A BCP 47 tag such as `en-US` or `de-DE`; numbers, money and dates follow it.
    pub locale: String,
    pub currency: Currency,
    pub palette: Palette,
    pub booking: Option<Booking>,
    /// Treatment ids the clinic offers: only these are shown as bookable.
    pub offered_treatments: Vec<String>,
    /// True for the demo clinic: its prices are public typical ranges, not a clinic's own.
    pub prices_are_typical_ranges: bool,
    /// The clinic's prices; without them the estimator is not offered.
    pub pricing: Option<PriceBook>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Booking {
    pub url: String,
    pub open_in_new_tab: bool,
}

/// Why a config was refused: where in the JSON, and what is wrong there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    /// A dotted path such as `booking.url`, or empty for the document as a whole.
    pub path: String,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() || self.path == "." {
            write!(f, "{}", self.message)
        } else {
            write!(f, "`{}`: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for ConfigError {}

fn err(path: &str, message: impl Into<String>) -> ConfigError {
    ConfigError { path: path.to_string(), message: message.into() }
}

/// Quotes a value from the config for a message, short and with control characters escaped,
/// so a hostile string cannot forge console output.
fn quoted(value: &str) -> String {
    let short: String = value.chars().take(60).collect();
    let ellipsis = if value.chars().count() > 60 { "…" } else { "" };
    format!("{:?}{ellipsis}", short)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct RawConfig {
    version: u32,
    clinic_name: String,
    #[serde(default = "default_locale")]
    locale: String,
    #[serde(default = "default_currency")]
    currency: String,
    #[serde(default = "default_accent")]
    accent_color: String,
    #[serde(default)]
    booking: Option<RawBooking>,
    #[serde(default)]
    offered_treatments: Option<Vec<String>>,
    #[serde(default)]
    prices_are_typical_ranges: bool,
    #[serde(default)]
    pricing: Option<price_config::RawPricing>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct RawBooking {
    url: String,
    #[serde(default)]
    open_in_new_tab: bool,
}

fn default_locale() -> String {
    "en-US".into()
}
fn default_currency() -> String {
    "USD".into()
}
fn default_accent() -> String {
    "#0f766e".into()
}

impl ClinicConfig {
    /// Parses and validates a clinic's JSON against the catalog it will be shown with.
    pub fn from_json(text: &str, catalog: &Catalog) -> Result<ClinicConfig, ConfigError> {
        if text.len() > MAX_CONFIG_BYTES {
            return Err(err("", format!("the config is {} bytes; the limit is {MAX_CONFIG_BYTES}", text.len())));
        }
        if text.trim().is_empty() {
            return Err(err("", "the config is empty"));
        }
        if !text.trim_start().starts_with('{') && serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok() {
            return Err(err("", "the config must be a JSON object, such as {\"version\": 1, \"clinicName\": \"Rose Clinic\"}"));
        }
        let de = &mut serde_json::Deserializer::from_str(text);
        let raw: RawConfig = serde_path_to_error::deserialize(de).map_err(|e| {
            let path = e.path().to_string();
            let inner = e.into_inner();
            if inner.is_syntax() || inner.is_eof() {
                // The line and column say where; a path into half-read JSON would only confuse.
                return err("", format!("not valid JSON ({inner})"));
            }
            // "." is serde_path_to_error's name for the document itself.
            err(if path == "." { "" } else { &path }, inner.to_string())
        })?;
        validate(raw, catalog)
    }

    /// The demo clinic compiled into the widget.
    pub fn demo(catalog: &Catalog) -> Result<ClinicConfig, ConfigError> {
        ClinicConfig::from_json(DEMO_CLINIC_JSON, catalog)
    }

    /// The demo clinic, or, should the compiled-in demo ever fail to load (the native tests make
    /// sure it does not), a plain config built in code, so the widget always has something to show.
    pub fn demo_or_minimal(catalog: &Catalog) -> ClinicConfig {
        ClinicConfig::demo(catalog).unwrap_or_else(|_| ClinicConfig {
            clinic_name: "Treatment guide".into(),
            locale: default_locale(),
            currency: Currency::USD,
            palette: Palette::from_accent(Rgb(0x0f, 0x76, 0x6e)),
            booking: None,
            offered_treatments: Vec::new(),
            prices_are_typical_ranges: true,
            pricing: None,
        })
    }

    pub fn offers(&self, treatment_id: &str) -> bool {
        self.offered_treatments.iter().any(|t| t == treatment_id)
    }
}

fn validate(raw: RawConfig, catalog: &Catalog) -> Result<ClinicConfig, ConfigError> {
    if raw.version != 1 {
        return Err(err("version", format!("this widget reads config version 1, not {}", raw.version)));
    }
    let clinic_name = raw.clinic_name.trim().to_string();
    if clinic_name.is_empty() {
        return Err(err("clinicName", "must not be empty"));
    }
    if clinic_name.chars().count() > MAX_NAME_CHARS {
        return Err(err("clinicName", format!("must be at most {MAX_NAME_CHARS} characters")));
    }
    if clinic_name.chars().any(char::is_control) {
        return Err(err("clinicName", "must not contain control characters"));
    }
    if !is_locale_tag(&raw.locale) {
        return Err(err("locale", format!("{} is not a language tag such as \"en-US\"", quoted(&raw.locale))));
    }
    let currency = Currency::from_code(&raw.currency).ok_or_else(|| {
        err("currency", format!("{} is not a supported ISO 4217 code such as \"USD\"", quoted(&raw.currency)))
    })?;
    let accent = Rgb::parse_hex(&raw.accent_color).ok_or_else(|| {
        err("accentColor", format!("{} is not a hex colour such as \"#0f766e\"", quoted(&raw.accent_color)))
    })?;
    let booking = match raw.booking {
        None => None,
        Some(b) => {
            check_booking_url(&b.url)?;
            Some(Booking { url: b.url.trim().to_string(), open_in_new_tab: b.open_in_new_tab })
        }
    };
    let offered_treatments = match raw.offered_treatments {
        // A clinic that does not say offers every in-clinic treatment in the catalog.
        None => catalog
            .treatments
            .iter()
            .filter(|t| t.setting == Setting::Professional)
            .map(|t| t.id.clone())
            .collect(),
        Some(ids) => {
            for (i, id) in ids.iter().enumerate() {
                if catalog.treatment(id).is_none() {
                    let known: Vec<&str> = catalog.treatments.iter().map(|t| t.id.as_str()).collect();
                    return Err(err(
                        &format!("offeredTreatments[{i}]"),
                        format!("{} is not a treatment id; known ids: {}", quoted(id), known.join(", ")),
                    ));
                }
            }
            let mut unique: Vec<String> = Vec::new();
            for id in ids {
                if !unique.contains(&id) {
                    unique.push(id);
                }
            }
            unique
        }
    };
    let pricing = match raw.pricing {
        None => None,
        Some(raw) => Some(price_config::validate(raw, currency, catalog)?),
    };
    Ok(ClinicConfig {
        clinic_name,
        locale: raw.locale,
        currency,
        palette: Palette::from_accent(accent),
        booking,
        offered_treatments,
        prices_are_typical_ranges: raw.prices_are_typical_ranges,
        pricing,
    })
}

/// BCP 47 shape only (`en`, `en-US`, `zh-Hant-TW`); the browser's `Intl` has the final say.
fn is_locale_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let Some(lang) = parts.next() else { return false };
    (2..=3).contains(&lang.len())
        && lang.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
        && tag.len() <= 35
}

/// A booking link must be a plain web address: `https://`, or `http://` on the local machine for
/// development. Anything else (`javascript:`, `data:`, relative paths) is refused.
fn check_booking_url(url: &str) -> Result<(), ConfigError> {
    let url = url.trim();
    let bad = |why: &str| Err(err("booking.url", format!("{} {why}", quoted(url))));
    if url.len() > MAX_URL_CHARS {
        return bad("is too long");
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '\\' | '`')) {
        return bad("contains characters a web address cannot have");
    }
    let lower = url.to_ascii_lowercase();
    let rest = if let Some(rest) = lower.strip_prefix("https://") {
        rest
    } else if let Some(rest) = lower.strip_prefix("http://") {
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        let host = host.rsplit_once(':').map_or(host, |(h, _)| h);
        if !matches!(host, "localhost" | "127.0.0.1" | "[::1]") {
            return bad("must start with https://");
        }
        rest
    } else {
        return bad("must start with https://");
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || host.contains('@') {
        return bad("has no host name");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> Catalog {
        Catalog::built_in().expect("catalog")
    }

    fn parse(json: &str) -> Result<ClinicConfig, ConfigError> {
        ClinicConfig::from_json(json, &catalog())
    }

    #[test]
    fn the_demo_clinic_is_valid() {
        let demo = ClinicConfig::demo(&catalog()).expect("demo config");
        assert!(demo.prices_are_typical_ranges);
        assert!(!demo.offered_treatments.is_empty());
    }

    #[test]
    fn a_minimal_config_gets_sensible_defaults() {
        let c = parse(r#"{"version":1,"clinicName":"  Rose Clinic "}"#).unwrap();
        assert_eq!(c.clinic_name, "Rose Clinic");
        assert_eq!(c.locale, "en-US");
        assert_eq!(c.currency.code(), "USD");
        assert!(c.booking.is_none());
        assert!(c.offers("professional-microneedling"));
        assert!(!c.offers("at-home-microneedling"), "a clinic does not sell derma rollers by default");
    }

    #[test]
    fn errors_name_the_field() {
        let e = parse(r#"{"version":1,"clinicName":"X","currency":"USS"}"#).unwrap_err();
        assert_eq!(e.path, "currency");
        let e = parse(r#"{"version":1,"clinicName":5}"#).unwrap_err();
        assert_eq!(e.path, "clinicName");
        let e = parse(r#"{"version":1,"clinicName":"X","bookingURL":"https://a.b"}"#).unwrap_err();
        assert!(e.message.contains("bookingURL"), "{e}");
        let e = parse(r#"{"version":1,"clinicName":"X","offeredTreatments":["microneedling","nope"]}"#).unwrap_err();
        assert_eq!(e.path, "offeredTreatments[0]");
        let e = parse(r#"{"version":2,"clinicName":"X"}"#).unwrap_err();
        assert_eq!(e.path, "version");
    }

    #[test]
    fn garbage_is_refused_with_a_message_that_says_what_is_wrong() {
        // (text, path, words the message must contain)
        let cases: &[(&str, &str, &str)] = &[
            ("", "", "empty"),
            ("   ", "", "empty"),
            ("<html>404</html>", "", "not valid JSON"),
            ("{", "", "not valid JSON"),
            ("null", "", "must be a JSON object"),
            ("[]", "", "must be a JSON object"),
            ("\"Rose Clinic\"", "", "must be a JSON object"),
            ("{\"version\":1}", "", "missing field `clinicName`"),
        ];
        for (text, path, words) in cases {
            let e = parse(text).unwrap_err();
            assert_eq!(e.path, *path, "{text:?}: {e}");
            assert!(e.message.contains(words), "{text:?}: {e}");
        }
        let huge = format!("{{\"version\":1,\"clinicName\":\"{}\"}}", "a".repeat(MAX_CONFIG_BYTES));
        let e = parse(&huge).unwrap_err();
        assert_eq!(e.message, format!("the config is {} bytes; the limit is {MAX_CONFIG_BYTES}", huge.len()));
    }

    #[test]
    fn a_clinic_name_is_one_to_eighty_characters_of_plain_text() {
        let named = |name: &str| parse(&format!(r#"{{"version":1,"clinicName":{}}}"#, serde_json::json!(name)));
        assert_eq!(named(&"é".repeat(80)).unwrap().clinic_name.chars().count(), 80, "80 characters, not bytes");
        let e = named(&"a".repeat(81)).unwrap_err();
        assert_eq!((e.path.as_str(), e.message.as_str()), ("clinicName", "must be at most 80 characters"));
        assert_eq!(named("   ").unwrap_err().message, "must not be empty");
        assert_eq!(named("Rose\nClinic").unwrap_err().message, "must not contain control characters");
    }

    #[test]
    fn hostile_booking_links_are_refused() {
        for url in [
            "javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            "data:text/html,hi",
            "/book",
            "http://example.com/book",
            "https://",
            "https://user@evil.example/",
            "https://a.example/\"><script>",
            "https://a.example/ b",
        ] {
            let json = format!(r#"{{"version":1,"clinicName":"X","booking":{{"url":{}}}}}"#, serde_json::json!(url));
            let e = parse(&json).unwrap_err();
            assert_eq!(e.path, "booking.url", "{url}");
        }
        let ok = parse(r#"{"version":1,"clinicName":"X","booking":{"url":"https://clinic.example/book?src=widget","openInNewTab":true}}"#).unwrap();
        assert_eq!(ok.booking.unwrap().url, "https://clinic.example/book?src=widget");
        assert!(parse(r#"{"version":1,"clinicName":"X","booking":{"url":"http://localhost:8080/book"}}"#).is_ok());
    }

    #[test]
    fn hostile_strings_stay_text() {
        let c = parse(r#"{"version":1,"clinicName":"<img src=x onerror=alert(1)>"}"#).unwrap();
        assert_eq!(c.clinic_name, "<img src=x onerror=alert(1)>", "kept as text; the view escapes it");
        let e = parse(r#"{"version":1,"clinicName":"X","accentColor":"red;}*{display:none"}"#).unwrap_err();
        assert_eq!(e.path, "accentColor");
        let e = parse(r#"{"version":1,"clinicName":"a\u0007b"}"#).unwrap_err();
        assert_eq!(e.path, "clinicName");
        let e = parse(r#"{"version":1,"clinicName":"X","locale":"en_US<script>"}"#).unwrap_err();
        assert!(e.to_string().contains("\"en_US<script>\""), "{e}");
    }

    #[test]
    fn locale_tags() {
        for ok in ["en", "en-US", "de-DE", "zh-Hant-TW", "es-419"] {
            assert!(is_locale_tag(ok), "{ok}");
        }
        for bad in ["", "e", "english", "en_US", "en-", "-US", "en-US-x-!"] {
            assert!(!is_locale_tag(bad), "{bad}");
        }
    }
}

/// Where an instance's config came from, in the order the embed contract checks them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigOrigin {
    /// A child `<script type="application/json">`.
    Inline,
    /// The `config` attribute, fetched.
    Url(String),
    /// No config given: the built-in demo clinic.
    BuiltIn,
}

impl ConfigOrigin {
    /// The short name used in events: `inline`, `url` or `default`.
    pub fn kind(&self) -> &'static str {
        match self {
            ConfigOrigin::Inline => "inline",
            ConfigOrigin::Url(_) => "url",
            ConfigOrigin::BuiltIn => "default",
        }
    }

    fn describe(&self) -> String {
        match self {
            ConfigOrigin::Inline => "The clinic config in the <script type=\"application/json\"> inside <treatment-widget>".into(),
            ConfigOrigin::Url(url) => format!("The clinic config at {}", quoted(url)),
            ConfigOrigin::BuiltIn => "The built-in demo config".into(),
        }
    }
}

/// The one console message for a config that could not be used.
pub fn fallback_message(origin: &ConfigOrigin, problem: &str) -> String {
    format!(
        "[treatment-widget] {} could not be used: {problem}. Showing the built-in demo clinic instead; fix the config and reload.",
        origin.describe()
    )
}

#[cfg(test)]
mod origin_tests {
    use super::*;

    #[test]
    fn fallback_message_names_source_and_problem() {
        let m = fallback_message(&ConfigOrigin::Url("/clinic.json".into()), "HTTP 404 Not Found");
        assert!(m.starts_with("[treatment-widget]"));
        assert!(m.contains("\"/clinic.json\""));
        assert!(m.contains("HTTP 404 Not Found"));
        assert!(m.contains("demo clinic"));
        assert_eq!(ConfigOrigin::Inline.kind(), "inline");
    }
}
