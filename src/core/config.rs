//! The clinic's configuration: what it offers, in which languages, how it looks, where and at
//! what prices visitors book.
//!
//! Reading is lenient, and never puts another clinic's name on a page: a bad value or an unknown
//! key is left out with one warning naming its path, what was expected and what was found, and the
//! rest of the config is used ([`ClinicConfig::read`]). The strict rules live in one place
//! ([`validate`], [`price_config::validate`]); the lenient reader drops whatever part a rule
//! refuses and reads again, so a price that is wrong drops that price (or the area, then the
//! treatment, if nothing is left of them), never the whole clinic. The built-in demo clinic is
//! shown only when a page gives no config at all.

use crate::did_you_mean::unknown_id;
use std::fmt;

use serde::Deserialize;
use serde_json::Value;

use super::brand::{Density, Font, Rgb, Scheme, Theme, DEFAULT_PRIMARY};
use super::catalog::{Catalog, Setting};
use super::config_path::{describe, Path};
use super::custom_treatment::{self, CustomTreatment, RawCustomTreatment};
use super::money::{apply_bps, Currency, FULL_BPS};
use super::price_config::{self, Decimal, OrderedMap, RawPricing};
use super::pricing::{Deal, PriceBook, Range};
use super::route::Route;
use super::texts::{allowed_in_plain_text, placeholders, Lang, LocalText, Texts};

/// The built-in demo clinic, used when a page gives no config at all.
pub const DEMO_CLINIC_JSON: &str = include_str!("../../content/demo-clinic.json");

/// Larger configs are refused before parsing; a real clinic's is a few kilobytes.
pub const MAX_CONFIG_BYTES: usize = 256 * 1024;

const MAX_NAME_CHARS: usize = 80;
const MAX_URL_CHARS: usize = 2000;
const MAX_COPY_CHARS: usize = 400;

#[derive(Clone, Debug, PartialEq)]
pub struct ClinicConfig {
    /// `None` when the clinic gives none, or its config could not be read: no name is shown.
    pub clinic_name: Option<String>,
    /// A BCP 47 tag such as `en-US` or `de-DE`; numbers, money and dates follow it.
    pub locale: String,
    pub currency: Currency,
    /// The language the widget opens in.
    pub language: Lang,
    /// The languages a visitor can switch between (the opening one first); one means no switch.
    pub languages: Vec<Lang>,
    pub theme: Theme,
    pub booking: Option<Booking>,
    /// Treatment ids the clinic offers, in the clinic's order: only these are shown as bookable.
    pub offered_treatments: Vec<String>,
    /// The clinic's names for built-in treatments (e.g. the device it uses).
    pub treatment_names: Vec<(String, LocalText)>,
    pub custom_treatments: Vec<CustomTreatment>,
    /// True for the demo clinic: its prices are public typical ranges, not a clinic's own.
    pub prices_are_typical_ranges: bool,
    /// The clinic's prices (its first location's, when it has locations); without them the
    /// estimator is not offered.
    pub pricing: Option<PriceBook>,
    pub locations: Vec<Location>,
    /// The views shown, in the clinic's order.
    pub sections: Vec<Section>,
    /// The view the widget opens on (`None`: the contents).
    pub start_view: Option<Section>,
    /// The clinic's own wording for interface strings, per language.
    pub copy: Vec<(Lang, Vec<(String, String)>)>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Booking {
    pub url: String,
    pub open_in_new_tab: bool,
    /// A number to call, shown beside the booking button and wherever the widget cannot run.
    pub phone: Option<Phone>,
}

/// A telephone number as the clinic writes it, and the same for a `tel:` link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phone {
    /// As written: "+1 (555) 010-0199".
    pub shown: String,
    /// Digits only, with a leading `+` when written with one: "+15550100199".
    pub dial: String,
}

/// One of a chain's locations: its own booking link, and its own prices (given, or the clinic's
/// adjusted by a percentage).
#[derive(Clone, Debug, PartialEq)]
pub struct Location {
    pub id: String,
    pub name: LocalText,
    pub booking: Option<Booking>,
    pub pricing: Option<PriceBook>,
}

/// A part of the guide a clinic can show or hide, and order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    About,
    Concerns,
    Treatments,
    Compare,
    Candidate,
    Expect,
    Myths,
    Faq,
    Estimate,
    Sources,
}

impl Section {
    pub const ALL: [Section; 10] = [
        Section::About,
        Section::Concerns,
        Section::Treatments,
        Section::Compare,
        Section::Candidate,
        Section::Expect,
        Section::Myths,
        Section::Faq,
        Section::Estimate,
        Section::Sources,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Section::About => "about",
            Section::Concerns => "concerns",
            Section::Treatments => "treatments",
            Section::Compare => "compare",
            Section::Candidate => "candidate",
            Section::Expect => "expect",
            Section::Myths => "myths",
            Section::Faq => "faq",
            Section::Estimate => "estimate",
            Section::Sources => "sources",
        }
    }

    pub fn from_id(id: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.id() == id)
    }

    /// The section a route belongs to (`None` for the contents, which are always there). A
    /// treatment's own page belongs to no section: every list and comparison links to it.
    pub fn of(route: &Route) -> Option<Section> {
        Some(match route {
            Route::Home | Route::Treatment(_) => return None,
            Route::About => Section::About,
            Route::Concerns => Section::Concerns,
            Route::Treatments => Section::Treatments,
            Route::Compare(_) => Section::Compare,
            Route::Candidate => Section::Candidate,
            Route::Expect => Section::Expect,
            Route::Myths => Section::Myths,
            Route::Faq => Section::Faq,
            Route::Estimate(_) => Section::Estimate,
            Route::Sources => Section::Sources,
        })
    }

    pub fn route(self) -> Route {
        match self {
            Section::About => Route::About,
            Section::Concerns => Route::Concerns,
            Section::Treatments => Route::Treatments,
            Section::Compare => Route::Compare(Vec::new()),
            Section::Candidate => Route::Candidate,
            Section::Expect => Route::Expect,
            Section::Myths => Route::Myths,
            Section::Faq => Route::Faq,
            Section::Estimate => Route::Estimate(None),
            Section::Sources => Route::Sources,
        }
    }
}

/// A problem in a config: where in the JSON, and what is wrong there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    /// A path such as `booking.url` (see [`Path`]), or empty for the document as a whole.
    pub path: String,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
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
    #[serde(default)]
    version: Option<u64>,
    #[serde(default)]
    clinic_name: Option<String>,
    #[serde(default)]
    locale: Option<String>,
    #[serde(default)]
    currency: Option<String>,
    #[serde(default)]
    language: Option<String>,
    #[serde(default)]
    languages: Option<Vec<String>>,
    #[serde(default)]
    accent_color: Option<String>,
    #[serde(default)]
    theme: Option<RawTheme>,
    #[serde(default)]
    booking: Option<RawBooking>,
    #[serde(default)]
    offered_treatments: Option<Vec<String>>,
    #[serde(default)]
    treatment_names: Option<OrderedMap<LocalText>>,
    #[serde(default)]
    custom_treatments: Vec<RawCustomTreatment>,
    #[serde(default)]
    prices_are_typical_ranges: bool,
    #[serde(default)]
    pricing: Option<RawPricing>,
    #[serde(default)]
    locations: Vec<RawLocation>,
    #[serde(default)]
    sections: Option<Vec<String>>,
    #[serde(default)]
    start_view: Option<String>,
    #[serde(default)]
    copy: Option<OrderedMap<OrderedMap<String>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct RawBooking {
    url: String,
    #[serde(default)]
    open_in_new_tab: bool,
    #[serde(default)]
    phone: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTheme {
    #[serde(default)]
    primary: Option<String>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    background: Option<String>,
    #[serde(default)]
    font: Option<String>,
    #[serde(default)]
    radius: Option<u64>,
    #[serde(default)]
    density: Option<String>,
    #[serde(default)]
    scheme: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct RawLocation {
    id: String,
    name: LocalText,
    #[serde(default)]
    booking: Option<RawBooking>,
    #[serde(default)]
    pricing: Option<RawPricing>,
    #[serde(default)]
    price_adjust_percent: Option<Decimal>,
}

/// A config as read: what could be used, and a warning for each part left out.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    pub config: ClinicConfig,
    pub warnings: Vec<ConfigError>,
}

impl ClinicConfig {
    /// Reads a clinic's JSON leniently: each unusable part is left out with a warning and the rest
    /// used. `Err` only when nothing can be read at all (too big, empty, not JSON, not an object).
    pub fn read(text: &str, catalog: &Catalog) -> Result<Reading, ConfigError> {
        if text.len() > MAX_CONFIG_BYTES {
            return Err(err("", format!("the config is {} bytes; the limit is {MAX_CONFIG_BYTES}", text.len())));
        }
        if text.trim().is_empty() {
            return Err(err("", "the config is empty"));
        }
        let mut value: Value = serde_json::from_str(text).map_err(|e| err("", format!("not valid JSON ({e})")))?;
        if !value.is_object() {
            return Err(err("", "the config must be a JSON object, such as {\"version\": 1, \"clinicName\": \"Rose Clinic\"}"));
        }
        let mut warnings: Vec<ConfigError> = Vec::new();
        // A key given twice is ambiguous (JSON keeps the last): neither is used.
        // The part left out in the last round: a problem inside it that follows (its parent now
        // lacks a required field, or has nothing left) is the same problem, not a new one.
        let mut last_removed: Option<Path> = None;
        for at in duplicate_keys(text) {
            if at.remove_from(&mut value) {
                warnings.push(err(&at.to_string(), "this key is given twice, so neither is used; left out"));
                last_removed = Some(at);
            }
        }
        // Every round leaves out at least one part, so this ends; the bound is a guard.
        for _ in 0..1_000 {
            match read_once(&value, catalog) {
                Ok((config, notes)) => {
                    warnings.extend(notes);
                    return Ok(Reading { config, warnings });
                }
                Err((problem, at)) => {
                    let found = at.get(&value).map(describe);
                    let mut removed = at.clone();
                    while !removed.remove_from(&mut value) {
                        // Up to the whole config, which cannot be left out: then it cannot be read.
                        match removed.parent() {
                            Some(p) => removed = p,
                            None => return Err(problem),
                        }
                    }
                    let follows = last_removed.as_ref().is_some_and(|last| last.0.starts_with(&removed.0));
                    match (follows, warnings.last_mut()) {
                        (true, Some(last)) => {
                            let base = last.message.split("; left out").next().unwrap_or_default().to_string();
                            last.message = format!("{base}; left out, and with it `{removed}`");
                        }
                        _ => {
                            let found = found.map(|f| format!(" (found {f})")).unwrap_or_default();
                            warnings.push(err(&problem.path, format!("{}{found}; left out", problem.message)));
                        }
                    }
                    last_removed = Some(removed);
                    // Prices in an unknown currency would show the wrong money: leave them out too.
                    if at == Path::root().key("currency") {
                        let mut dropped = Path::root().key("pricing").remove_from(&mut value);
                        if let Some(Value::Array(locations)) = value.get_mut("locations") {
                            for l in locations.iter_mut() {
                                dropped |= l.as_object_mut().is_some_and(|o| o.shift_remove("pricing").is_some());
                            }
                        }
                        if dropped {
                            warnings.push(err("pricing", "not shown, because the currency is not one the widget knows"));
                        }
                    }
                }
            }
        }
        Err(err("", "the config has too many problems to read"))
    }

    /// Reads a config strictly: the first problem is an error (for the configurator's checks and
    /// the tests; pages use [`ClinicConfig::read`]).
    pub fn from_json(text: &str, catalog: &Catalog) -> Result<ClinicConfig, ConfigError> {
        let reading = ClinicConfig::read(text, catalog)?;
        match reading.warnings.into_iter().next() {
            Some(first) => Err(first),
            None => Ok(reading.config),
        }
    }

    /// The demo clinic compiled into the widget.
    pub fn demo(catalog: &Catalog) -> Result<ClinicConfig, ConfigError> {
        ClinicConfig::from_json(DEMO_CLINIC_JSON, catalog)
    }

    /// What the widget shows when a clinic's config cannot be read at all: the treatment guide
    /// with no clinic name, no prices and no booking link.
    pub fn unnamed() -> ClinicConfig {
        ClinicConfig {
            clinic_name: None,
            locale: default_locale(),
            currency: Currency::USD,
            language: Lang::En,
            languages: vec![Lang::En],
            theme: Theme::with_primary(DEFAULT_PRIMARY),
            booking: None,
            offered_treatments: Vec::new(),
            treatment_names: Vec::new(),
            custom_treatments: Vec::new(),
            prices_are_typical_ranges: false,
            pricing: None,
            locations: Vec::new(),
            sections: Section::ALL.iter().copied().filter(|s| *s != Section::Estimate).collect(),
            start_view: None,
            copy: Vec::new(),
        }
    }

    pub fn offers(&self, treatment_id: &str) -> bool {
        self.offered_treatments.iter().any(|t| t == treatment_id)
    }

    pub fn shows(&self, section: Section) -> bool {
        self.sections.contains(&section) && (section != Section::Estimate || self.pricing.is_some())
    }

    /// The view the widget opens on when a link asks for none: the clinic's start view if it is
    /// shown, else the contents.
    pub fn start_route(&self) -> Route {
        self.start_view.filter(|s| self.shows(*s)).map(Section::route).unwrap_or(Route::Home)
    }

    /// `route` if this clinic shows it; a link to a section the clinic left out (or an estimate
    /// without prices) opens the start view instead.
    pub fn allowed(&self, route: Route) -> Route {
        match Section::of(&route) {
            Some(section) if !self.shows(section) => self.start_route(),
            _ => route,
        }
    }

    /// The prices at a location (the first when `location` is `None` or unknown).
    pub fn price_book(&self, location: Option<&str>) -> Option<&PriceBook> {
        if self.locations.is_empty() {
            return self.pricing.as_ref();
        }
        let l = location.and_then(|id| self.locations.iter().find(|l| l.id == id)).or(self.locations.first())?;
        l.pricing.as_ref()
    }

    /// The booking link for a location (its own, else the clinic's).
    pub fn booking_for(&self, location: Option<&str>) -> Option<&Booking> {
        location.and_then(|id| self.locations.iter().find(|l| l.id == id)).and_then(|l| l.booking.as_ref()).or(self.booking.as_ref())
    }

    /// The clinic's copy overrides for a language.
    pub fn copy_for(&self, lang: Lang) -> &[(String, String)] {
        self.copy.iter().find(|(l, _)| *l == lang).map(|(_, c)| c.as_slice()).unwrap_or(&[])
    }
}

/// Every key given twice in the same object, anywhere in the JSON.
fn duplicate_keys(text: &str) -> Vec<Path> {
    use serde::de::{DeserializeSeed, MapAccess, SeqAccess, Visitor};
    struct Walk<'a> {
        at: Path,
        found: &'a std::cell::RefCell<Vec<Path>>,
    }
    impl<'de> DeserializeSeed<'de> for Walk<'_> {
        type Value = ();
        fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
            d.deserialize_any(self)
        }
    }
    impl<'de> Visitor<'de> for Walk<'_> {
        type Value = ();
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("JSON")
        }
        fn visit_bool<E>(self, _: bool) -> Result<(), E> { Ok(()) }
        fn visit_i64<E>(self, _: i64) -> Result<(), E> { Ok(()) }
        fn visit_u64<E>(self, _: u64) -> Result<(), E> { Ok(()) }
        fn visit_f64<E>(self, _: f64) -> Result<(), E> { Ok(()) }
        fn visit_str<E>(self, _: &str) -> Result<(), E> { Ok(()) }
        fn visit_unit<E>(self) -> Result<(), E> { Ok(()) }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
            let mut i = 0;
            while seq.next_element_seed(Walk { at: self.at.index(i), found: self.found })?.is_some() {
                i += 1;
            }
            Ok(())
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            let mut seen: Vec<String> = Vec::new();
            while let Some(key) = map.next_key::<String>()? {
                let at = self.at.key(&key);
                if seen.contains(&key) {
                    if !self.found.borrow().contains(&at) {
                        self.found.borrow_mut().push(at.clone());
                    }
                } else {
                    seen.push(key);
                }
                map.next_value_seed(Walk { at, found: self.found })?;
            }
            Ok(())
        }
    }
    let found = std::cell::RefCell::new(Vec::new());
    let mut de = serde_json::Deserializer::from_str(text);
    let _ = Walk { at: Path::root(), found: &found }.deserialize(&mut de);
    found.into_inner()
}

fn default_locale() -> String {
    "en-US".into()
}

/// One strict read of the (possibly already trimmed) config: the config and notes (colours that
/// had to change), or the first problem and the part to leave out for it.
fn read_once(value: &Value, catalog: &Catalog) -> Result<(ClinicConfig, Vec<ConfigError>), (ConfigError, Path)> {
    let raw: RawConfig = serde_path_to_error::deserialize(value).map_err(|e| {
        let at = Path::from_serde(e.path());
        (err(&at.to_string(), e.into_inner().to_string()), at)
    })?;
    validate(raw, catalog).map_err(|e| {
        let at = Path::parse(&e.path).unwrap_or_default();
        (e, at)
    })
}

fn check_text(value: &str, path: &str, max: usize) -> Result<String, ConfigError> {
    let t = value.trim();
    if t.is_empty() {
        return Err(err(path, "must not be empty"));
    }
    if t.chars().count() > max {
        return Err(err(path, format!("must be at most {max} characters")));
    }
    if !t.chars().all(allowed_in_plain_text) {
        return Err(err(path, "must not contain control characters or bidirectional overrides"));
    }
    Ok(t.to_string())
}

fn read_booking(raw: &RawBooking, path: &str) -> Result<Booking, ConfigError> {
    check_booking_url(&raw.url, &format!("{path}.url"))?;
    let phone = raw.phone.as_deref().map(|p| read_phone(p, &format!("{path}.phone"))).transpose()?;
    Ok(Booking { url: raw.url.trim().to_string(), open_in_new_tab: raw.open_in_new_tab, phone })
}

/// A phone number: digits, spaces and `( ) - .`, a `+` only in front, 5 to 15 digits (the
/// international maximum), at most 30 characters.
fn read_phone(text: &str, path: &str) -> Result<Phone, ConfigError> {
    let shown = text.trim();
    let digits: String = shown.chars().filter(char::is_ascii_digit).collect();
    let allowed = shown.chars().enumerate().all(|(i, c)| c.is_ascii_digit() || matches!(c, ' ' | '(' | ')' | '-' | '.') || (c == '+' && i == 0));
    if !allowed || shown.chars().count() > 30 || !(5..=15).contains(&digits.len()) {
        return Err(err(path, format!("{} is not a phone number such as \"+1 555 010 0199\" (5 to 15 digits; spaces, ( ) - . and a leading + allowed)", quoted(text))));
    }
    let dial = if shown.starts_with('+') { format!("+{digits}") } else { digits };
    Ok(Phone { shown: shown.to_string(), dial })
}

fn colour(value: &Option<String>, path: &str) -> Result<Option<Rgb>, ConfigError> {
    value
        .as_deref()
        .map(|v| Rgb::parse_hex(v).ok_or_else(|| err(path, format!("{} is not a hex colour such as \"#0f766e\"", quoted(v)))))
        .transpose()
}

/// Every price in a book moved by `bps` (may be negative), rounded by the one rule.
fn adjusted(book: &PriceBook, bps: i64) -> PriceBook {
    let mv = |amount: i64| amount + super::money::round_div(i128::from(amount) * i128::from(bps), i128::from(FULL_BPS)) as i64;
    let r = |range: Range| Range::new(mv(range.low), mv(range.high));
    let mut b = book.clone();
    for t in &mut b.treatments {
        for (_, price) in &mut t.areas {
            *price = r(*price);
        }
        for c in &mut t.combinations {
            c.price = r(c.price);
        }
    }
    for a in &mut b.add_ons {
        a.per_session = r(a.per_session);
    }
    for p in &mut b.packages {
        if let Deal::SetPrice { price, .. } = &mut p.deal {
            *price = r(*price);
        }
    }
    for m in &mut b.memberships {
        m.monthly_fee = r(m.monthly_fee);
    }
    let _ = apply_bps;
    b
}

/// A percentage that may be negative, such as -10 or "7.5", as basis points.
fn signed_percent(v: &Decimal, path: &str) -> Result<i64, ConfigError> {
    let (negative, digits) = match v.0.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, v.0.as_str()),
    };
    let bps = super::money::parse_major(digits, Currency::USD)
        .filter(|b| *b <= 20_000)
        .ok_or_else(|| err(path, format!("must be a percentage from -90 to 200 with at most two decimals, such as -10 or \"7.5\" (found {:?})", v.0)))?;
    let bps = if negative { -bps } else { bps };
    if bps < -9_000 {
        return Err(err(path, "must be a percentage from -90 to 200"));
    }
    Ok(bps)
}

fn validate(raw: RawConfig, catalog: &Catalog) -> Result<(ClinicConfig, Vec<ConfigError>), ConfigError> {
    let mut notes = Vec::new();
    if let Some(v) = raw.version {
        if v != 1 {
            return Err(err("version", format!("this widget reads config version 1, not {v}")));
        }
    }
    let clinic_name = raw.clinic_name.as_deref().map(|n| check_text(n, "clinicName", MAX_NAME_CHARS)).transpose()?;
    let locale = match raw.locale {
        None => default_locale(),
        Some(l) if is_locale_tag(&l) => l,
        Some(l) => return Err(err("locale", format!("{} is not a language tag such as \"en-US\"", quoted(&l)))),
    };
    let currency = match &raw.currency {
        None => Currency::USD,
        Some(c) => Currency::from_code(c).ok_or_else(|| err("currency", format!("{} is not a supported ISO 4217 code such as \"USD\"", quoted(c))))?,
    };
    let language = match &raw.language {
        Some(l) => Lang::ALL.into_iter().find(|x| x.code() == l).ok_or_else(|| err("language", format!("{} is not a language the widget speaks; use \"en\" or \"es\"", quoted(l))))?,
        None => Lang::from_tag(&locale).unwrap_or(Lang::En),
    };
    let mut languages = vec![language];
    for (i, l) in raw.languages.iter().flatten().enumerate() {
        let lang = Lang::ALL.into_iter().find(|x| x.code() == l).ok_or_else(|| err(&format!("languages[{i}]"), format!("{} is not a language the widget speaks; use \"en\" or \"es\"", quoted(l))))?;
        if !languages.contains(&lang) {
            languages.push(lang);
        }
    }

    // The look: `theme`, with `accentColor` as its primary when the theme gives none.
    let t = raw.theme.as_ref();
    let primary = match t.and_then(|t| t.primary.as_ref()) {
        Some(_) => colour(&t.unwrap().primary, "theme.primary")?,
        None => colour(&raw.accent_color, "accentColor")?,
    }
    .unwrap_or(DEFAULT_PRIMARY);
    let text = colour(&t.and_then(|t| t.text.clone()), "theme.text")?;
    let background = colour(&t.and_then(|t| t.background.clone()), "theme.background")?;
    let font = match t.and_then(|t| t.font.as_deref()) {
        None => Font::System,
        Some(f) => Font::parse(f).ok_or_else(|| err("theme.font", format!("{} is not \"inherit\", \"system\" or a list of font names (letters, digits, spaces)", quoted(f))))?,
    };
    let radius = match t.and_then(|t| t.radius) {
        None => 12,
        Some(r) if r <= 24 => r as u8,
        Some(r) => return Err(err("theme.radius", format!("must be a whole number of pixels from 0 to 24 (found {r})"))),
    };
    let density = match t.and_then(|t| t.density.as_deref()) {
        None | Some("comfortable") => Density::Comfortable,
        Some("compact") => Density::Compact,
        Some(d) => return Err(err("theme.density", format!("{} is not \"comfortable\" or \"compact\"", quoted(d)))),
    };
    let scheme = match t.and_then(|t| t.scheme.as_deref()) {
        None | Some("light") => Scheme::Light,
        Some("dark") => Scheme::Dark,
        Some("auto") => Scheme::Auto,
        Some(s) => return Err(err("theme.scheme", format!("{} is not \"light\", \"dark\" or \"auto\"", quoted(s)))),
    };
    let (theme, adjusted_colours) = Theme::new(primary, text, background, scheme, font, radius, density);
    for a in adjusted_colours {
        let path = if a.what == "text" { "theme.text" } else { "theme.primary" };
        notes.push(err(
            path,
            format!(
                "{} on {} has a contrast of {:.2}:1, below the 4.5:1 WCAG AA needs for text; using {} instead",
                a.chosen.to_hex(),
                a.against.to_hex(),
                a.ratio,
                a.used.to_hex()
            ),
        ));
    }

    let booking = raw.booking.as_ref().map(|b| read_booking(b, "booking")).transpose()?;
    let custom = custom_treatment::validate(&raw.custom_treatments, catalog)?;
    let built_in: Vec<&str> = catalog.treatments.iter().map(|t| t.id.as_str()).collect();
    let known: Vec<&str> = built_in.iter().copied().chain(custom.iter().map(|c| c.id.as_str())).collect();

    let mut treatment_names = Vec::new();
    for (id, name) in raw.treatment_names.iter().flat_map(|m| &m.0) {
        let at = Path::root().key("treatmentNames").key(id).to_string();
        if catalog.treatment(id).is_none() {
            return Err(err(&at, unknown_id(id, "a built-in treatment id", &built_in)));
        }
        for text in name.all() {
            check_text(text, &at, 60)?;
        }
        treatment_names.push((id.clone(), name.clone()));
    }

    let mut offered_treatments: Vec<String> = match raw.offered_treatments {
        // A clinic that does not say offers every in-clinic treatment in the catalog.
        None => catalog.treatments.iter().filter(|t| t.setting == Setting::Professional).map(|t| t.id.clone()).collect(),
        Some(ids) => {
            let mut unique: Vec<String> = Vec::new();
            for (i, id) in ids.iter().enumerate() {
                if !known.contains(&id.as_str()) {
                    return Err(err(&format!("offeredTreatments[{i}]"), unknown_id(id, "a treatment id", &known)));
                }
                if !unique.contains(id) {
                    unique.push(id.clone());
                }
            }
            unique
        }
    };
    // The clinic's own treatments are offered; listed ones keep their place, the rest go last.
    for c in &custom {
        if !offered_treatments.contains(&c.id) {
            offered_treatments.push(c.id.clone());
        }
    }

    let pricing = raw.pricing.map(|p| price_config::validate(p, currency, catalog, &known, "pricing")).transpose()?;
    let mut locations: Vec<Location> = Vec::new();
    for (i, l) in raw.locations.into_iter().enumerate() {
        let at = format!("locations[{i}]");
        let id_ok = !l.id.is_empty() && l.id.len() <= 40 && l.id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !id_ok {
            return Err(err(&format!("{at}.id"), format!("must be 1 to 40 letters, digits, - or _ (found {})", quoted(&l.id))));
        }
        if locations.iter().any(|x| x.id == l.id) {
            return Err(err(&format!("{at}.id"), format!("{} is listed twice", quoted(&l.id))));
        }
        for text in l.name.all() {
            check_text(text, &format!("{at}.name"), 60)?;
        }
        let location_booking = l.booking.as_ref().map(|b| read_booking(b, &format!("{at}.booking"))).transpose()?;
        let book = match (l.pricing, &l.price_adjust_percent) {
            (Some(_), Some(_)) => return Err(err(&at, "needs either its own pricing or a priceAdjustPercent, not both")),
            (Some(p), None) => Some(price_config::validate(p, currency, catalog, &known, &format!("{at}.pricing"))?),
            (None, Some(pct)) => {
                let bps = signed_percent(pct, &format!("{at}.priceAdjustPercent"))?;
                match &pricing {
                    Some(base) => Some(adjusted(base, bps)),
                    None => return Err(err(&format!("{at}.priceAdjustPercent"), "adjusts the clinic's pricing, but the config has no pricing")),
                }
            }
            (None, None) => pricing.clone(),
        };
        locations.push(Location { id: l.id, name: l.name, booking: location_booking, pricing: book });
    }
    let pricing = if locations.is_empty() { pricing } else { locations[0].pricing.clone() };

    let sections = match raw.sections {
        None => Section::ALL.to_vec(),
        Some(ids) => {
            let mut list: Vec<Section> = Vec::new();
            for (i, id) in ids.iter().enumerate() {
                let s = Section::from_id(id).ok_or_else(|| {
                    let known: Vec<&str> = Section::ALL.iter().map(|s| s.id()).collect();
                    err(&format!("sections[{i}]"), unknown_id(id, "a section", &known))
                })?;
                if list.contains(&s) {
                    return Err(err(&format!("sections[{i}]"), format!("{} is listed twice", quoted(id))));
                }
                list.push(s);
            }
            if list.is_empty() {
                return Err(err("sections", "must list at least one section"));
            }
            list
        }
    };
    let start_view = match raw.start_view.as_deref() {
        None | Some("home") => None,
        Some(id) => {
            let s = Section::from_id(id).filter(|s| sections.contains(s)).ok_or_else(|| err("startView", format!("{} is not \"home\" or one of the config's sections", quoted(id))))?;
            Some(s)
        }
    };

    let english = Texts::english();
    let mut copy: Vec<(Lang, Vec<(String, String)>)> = Vec::new();
    for (lang_code, strings) in raw.copy.iter().flat_map(|c| &c.0) {
        let at = Path::root().key("copy").key(lang_code);
        let lang = Lang::ALL.into_iter().find(|l| l.code() == lang_code).ok_or_else(|| err(&at.to_string(), format!("{} is not a language the widget speaks; use \"en\" or \"es\"", quoted(lang_code))))?;
        let mut list = Vec::new();
        for (key, text) in &strings.0 {
            let kat = at.key(key).to_string();
            if !english.has(key) {
                return Err(err(&kat, "is not a string the widget shows; see the list of copy keys in docs/configuration.md"));
            }
            let text = check_text(text, &kat, MAX_COPY_CHARS)?;
            let allowed = placeholders(english.get(key));
            if let Some(extra) = placeholders(&text).into_iter().find(|p| !allowed.contains(p)) {
                return Err(err(&kat, format!("uses {{{extra}}}, which this string does not have; it can use: {}", if allowed.is_empty() { "none".to_string() } else { allowed.iter().map(|p| format!("{{{p}}}")).collect::<Vec<_>>().join(", ") })));
            }
            list.push((key.clone(), text));
        }
        copy.push((lang, list));
    }

    Ok((
        ClinicConfig {
            clinic_name,
            locale,
            currency,
            language,
            languages,
            theme,
            booking,
            offered_treatments,
            treatment_names,
            custom_treatments: custom,
            prices_are_typical_ranges: raw.prices_are_typical_ranges,
            pricing,
            locations,
            sections,
            start_view,
            copy,
        },
        notes,
    ))
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
fn check_booking_url(url: &str, path: &str) -> Result<(), ConfigError> {
    let url = url.trim();
    let bad = |why: &str| Err(err(path, format!("{} {why}", quoted(url))));
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

/// The one console error for a config that could not be read at all.
pub fn unreadable_message(origin: &ConfigOrigin, problem: &str) -> String {
    format!(
        "[treatment-widget] {} could not be read: {problem}. Showing the treatment guide without a clinic name, prices or booking link; fix the config and reload.",
        origin.describe()
    )
}

/// The console warning for one part of a config left out.
pub fn warning_message(origin: &ConfigOrigin, warning: &ConfigError) -> String {
    format!("[treatment-widget] {}: {warning}", origin.describe())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brand::{contrast, AA_TEXT};
    use crate::pricing::Range;

    fn catalog() -> Catalog {
        Catalog::built_in().expect("catalog")
    }

    fn parse(json: &str) -> Result<ClinicConfig, ConfigError> {
        ClinicConfig::from_json(json, &catalog())
    }

    fn read(json: &str) -> Reading {
        ClinicConfig::read(json, &catalog()).expect("readable")
    }

    #[test]
    fn the_demo_clinic_is_valid() {
        let demo = ClinicConfig::demo(&catalog()).expect("demo config");
        assert!(demo.prices_are_typical_ranges);
        assert_eq!(demo.clinic_name.as_deref(), Some("Juniper Skin Studio"));
        assert!(!demo.offered_treatments.is_empty());
    }

    #[test]
    fn a_minimal_config_gets_sensible_defaults() {
        let c = parse(r#"{"version":1,"clinicName":"  Rose Clinic "}"#).unwrap();
        assert_eq!(c.clinic_name.as_deref(), Some("Rose Clinic"));
        assert_eq!((c.locale.as_str(), c.currency.code(), c.language), ("en-US", "USD", Lang::En));
        assert_eq!(c.languages, [Lang::En]);
        assert!(c.booking.is_none());
        assert!(c.offers("professional-microneedling"));
        assert!(!c.offers("at-home-microneedling"), "a clinic does not sell derma rollers by default");
        assert_eq!(c.sections, Section::ALL);
        assert_eq!(c.start_view, None);
        // Even `{}` is a config: no name, nothing priced, the whole guide.
        let empty = parse("{}").unwrap();
        assert_eq!((empty.clinic_name, empty.pricing), (None, None));
    }

    #[test]
    fn garbage_that_cannot_be_read_at_all_says_what_is_wrong() {
        let cases: &[(&str, &str)] = &[
            ("", "the config is empty"),
            ("   ", "the config is empty"),
            ("<html>404</html>", "not valid JSON"),
            ("{", "not valid JSON"),
            ("null", "must be a JSON object"),
            ("[]", "must be a JSON object"),
            ("\"Rose Clinic\"", "must be a JSON object"),
        ];
        for (text, words) in cases {
            let e = ClinicConfig::read(text, &catalog()).unwrap_err();
            assert_eq!(e.path, "", "{text:?}: {e}");
            assert!(e.message.contains(words), "{text:?}: {e}");
        }
        let huge = format!("{{\"version\":1,\"clinicName\":\"{}\"}}", "a".repeat(MAX_CONFIG_BYTES));
        let e = ClinicConfig::read(&huge, &catalog()).unwrap_err();
        assert_eq!(e.message, format!("the config is {} bytes; the limit is {MAX_CONFIG_BYTES}", huge.len()));
    }

    #[test]
    fn a_config_of_exactly_the_size_limit_is_read() {
        let skeleton = r#"{"version":1,"clinicName":"Rose","note":""}"#;
        let text = format!(r#"{{"version":1,"clinicName":"Rose","note":"{}"}}"#, "a".repeat(MAX_CONFIG_BYTES - skeleton.len()));
        assert_eq!(text.len(), 256 * 1024);
        let reading = ClinicConfig::read(&text, &catalog()).expect("at the limit is within it");
        assert_eq!(reading.config.clinic_name.as_deref(), Some("Rose"));
    }

    #[test]
    fn the_guide_without_a_clinic_has_every_section_but_the_estimate() {
        use Section::*;
        assert_eq!(ClinicConfig::unnamed().sections, [About, Concerns, Treatments, Compare, Candidate, Expect, Myths, Faq, Sources]);
        assert!(ClinicConfig::unnamed().pricing.is_none() && ClinicConfig::unnamed().booking.is_none());
    }

    /// Each field wrong in each way: the exact warning, and that the rest of the clinic's config
    /// (its name above all) is still used.
    #[test]
    fn a_link_to_a_section_the_clinic_left_out_opens_the_start_view() {
        let config = read(r#"{"version": 1, "clinicName": "Rose Clinic", "sections": ["faq", "myths", "compare"], "startView": "myths"}"#).config;
        assert_eq!(config.start_route(), Route::Myths);
        assert_eq!(config.allowed(Route::Faq), Route::Faq);
        assert_eq!(config.allowed(Route::Compare(vec!["botox".into()])), Route::Compare(vec!["botox".into()]));
        assert_eq!(config.allowed(Route::Candidate), Route::Myths, "left out");
        assert_eq!(config.allowed(Route::Estimate(None)), Route::Myths, "no prices, no estimator");
        // The contents and a treatment's own page belong to no section: always there.
        assert_eq!(config.allowed(Route::Home), Route::Home);
        assert_eq!(config.allowed(Route::Treatment("botox".into())), Route::Treatment("botox".into()));
        // A start view that is not shown falls back to the contents.
        let config = read(r#"{"version": 1, "sections": ["faq"], "startView": "faq"}"#).config;
        assert_eq!(config.start_route(), Route::Faq);
        // The estimate is listed and chosen to start, but with no prices it is not shown.
        let config = read(r#"{"version": 1, "sections": ["estimate", "faq"], "startView": "estimate"}"#).config;
        assert_eq!(config.start_route(), Route::Home);
        assert_eq!(config.allowed(Route::Estimate(None)), Route::Home);
        let demo = read(r#"{"version": 1}"#).config;
        assert_eq!(demo.start_route(), Route::Home);
        for (route, section) in [(Route::About, Section::About), (Route::Concerns, Section::Concerns), (Route::Treatments, Section::Treatments), (Route::Expect, Section::Expect), (Route::Sources, Section::Sources)] {
            assert_eq!(Section::of(&route), Some(section));
        }
    }

    #[test]
    fn values_quoted_in_messages_are_short() {
        let sixty = "x".repeat(60);
        assert_eq!(quoted(&sixty), format!("\"{sixty}\""));
        assert_eq!(quoted(&"x".repeat(61)), format!("\"{sixty}\"…"));
        assert_eq!(quoted("a\u{1b}[31mred"), "\"a\\u{1b}[31mred\"", "control characters escaped");
    }

    #[test]
    fn a_bad_field_is_left_out_with_one_warning_and_the_rest_is_used() {
        let cases: &[(&str, &str, &str)] = &[
            (r#""clinicName": 5"#, "clinicName", "invalid type: integer `5`, expected a string (found 5); left out"),
            (r#""clinicName": "Rose \u202e Clinic""#, "clinicName", "must not contain control characters or bidirectional overrides"),
            (r#""bookingURL": "https://a.b""#, "bookingURL", "unknown field `bookingURL`, expected one of"),
            (r#""booking": {"url": "javascript:alert(1)"}"#, "booking.url", "\"javascript:alert(1)\" must start with https:// (found \"javascript:alert(1)\"); left out, and with it `booking`"),
            (r#""pricing": {"treatments": {"botox": {"areas": {"face": 1, "face": 2}}}}"#, "pricing.treatments.botox.areas.face", "this key is given twice, so neither is used; left out"),
            (r#""booking": {"url": "https://rose.example/book", "newTab": true}"#, "booking.newTab", "unknown field `newTab`"),
            (r#""booking": {"url": "https://rose.example/book", "phone": "555-CALL-NOW"}"#, "booking.phone", "\"555-CALL-NOW\" is not a phone number"),
            (r#""booking": {"url": "https://rose.example/book", "phone": "<a href=x>1234567</a>"}"#, "booking.phone", "is not a phone number"),
            (r#""booking": {"url": "https://rose.example/book", "phone": "1-2-3"}"#, "booking.phone", "is not a phone number"),
            (r#""currency": "USS""#, "currency", "\"USS\" is not a supported ISO 4217 code such as \"USD\" (found \"USS\"); left out"),
            (r#""locale": "en_US""#, "locale", "\"en_US\" is not a language tag such as \"en-US\" (found \"en_US\"); left out"),
            (r#""accentColor": "red""#, "accentColor", "\"red\" is not a hex colour such as \"#0f766e\" (found \"red\"); left out"),
            (r#""offeredTreatments": ["botox", "nope"]"#, "offeredTreatments[1]", "\"nope\" is not a treatment id"),
            (r#""offeredTreatments": ["prp-microneedling"]"#, "offeredTreatments[0]", "\"prp-microneedling\" is not a treatment id; did you mean \"microneedling-with-prp\"?"),
            (r#""pricing": {"treatments": {"botox": {"areas": {"face": 300, "decollete": 200}}}}"#, "pricing.treatments.botox.areas.decollete", "\"decollete\" is not an area; did you mean \"decolletage\"?"),
            (r#""pricing": {"treatments": {"chemical-peels": {"areas": {"face": 90}}}}"#, "pricing.treatments.chemical-peels", "\"chemical-peels\" is not a treatment id; did you mean \"chemical-peel\"?"),
            (r#""language": "fr""#, "language", "\"fr\" is not a language the widget speaks; use \"en\" or \"es\" (found \"fr\"); left out"),
            (r#""languages": ["en", "de"]"#, "languages[1]", "\"de\" is not a language the widget speaks"),
            (r#""theme": {"radius": 99}"#, "theme.radius", "must be a whole number of pixels from 0 to 24 (found 99)"),
            (r#""theme": {"scheme": "sepia"}"#, "theme.scheme", "\"sepia\" is not \"light\", \"dark\" or \"auto\""),
            (r#""theme": {"font": "x;}*{display:none"}"#, "theme.font", "is not \"inherit\", \"system\" or a list of font names"),
            (r#""sections": ["faq", "blog"]"#, "sections[1]", "\"blog\" is not a section"),
            (r#""startView": "blog""#, "startView", "\"blog\" is not \"home\" or one of the config's sections"),
            (r#""copy": {"en": {"no.such": "x"}}"#, r#"copy.en["no.such"]"#, "is not a string the widget shows"),
            (r#""copy": {"en": {"home.lead": "Welcome to {clnic}"}}"#, r#"copy.en["home.lead"]"#, "uses {clnic}, which this string does not have"),
            (r#""treatmentNames": {"nope": "X"}"#, "treatmentNames.nope", "\"nope\" is not a built-in treatment id"),
            (r#""version": 2"#, "version", "this widget reads config version 1, not 2 (found 2); left out"),
        ];
        for (field, path, words) in cases {
            let json = if field.starts_with(r#""clinicName""#) {
                format!(r#"{{"version": 1, {field}}}"#)
            } else if field.starts_with(r#""version""#) {
                format!(r#"{{"clinicName": "Rose Clinic", {field}}}"#)
            } else {
                format!(r#"{{"version": 1, "clinicName": "Rose Clinic", {field}}}"#)
            };
            let reading = read(&json);
            let warnings: Vec<String> = reading.warnings.iter().map(ToString::to_string).collect();
            if *path == "clinicName" {
                assert_eq!(reading.config.clinic_name, None, "a bad name is left out, never replaced");
            } else {
                assert_eq!(reading.config.clinic_name.as_deref(), Some("Rose Clinic"), "{field}");
            }
            assert_eq!(warnings.len(), 1, "{field}: {warnings:?}");
            assert_eq!(reading.warnings[0].path, *path, "{field}");
            assert!(warnings[0].contains(words), "{field}: {}", warnings[0]);
            assert!(!warnings.iter().any(|w| w.contains("Juniper")), "never another clinic's name");
        }
    }

    #[test]
    fn a_bad_price_drops_that_price_and_keeps_the_rest_of_the_book() {
        let reading = read(
            r#"{"clinicName":"Rose Clinic","pricing":{"treatments":{
                "botox":{"areas":{"face":-5,"neck":150}},
                "chemical-peel":{"areas":{"face":"abc"}}},
                "packages":[{"id":"p","name":"P","treatment":"botox","sessions":0,"price":100}],
                "tax":{"label":"VAT","percent":20}}}"#,
        );
        let book = reading.config.pricing.as_ref().expect("the book is kept");
        let botox = book.treatment("botox").unwrap();
        assert_eq!(botox.areas, vec![("neck".to_string(), Range::exact(15_000))], "the bad face price alone is dropped");
        assert!(book.treatment("chemical-peel").is_none(), "a treatment with no usable price is dropped");
        assert!(book.packages.is_empty(), "the bad package is dropped");
        assert_eq!(book.tax.as_ref().map(|t| t.bps), Some(2_000), "the rest stays");
        let paths: Vec<&str> = reading.warnings.iter().map(|w| w.path.as_str()).collect();
        assert_eq!(paths, ["pricing.treatments.botox.areas.face", "pricing.treatments.chemical-peel.areas.face", "pricing.packages[0].sessions"]);
        // One warning per problem, naming what else had to go with it.
        assert!(reading.warnings[1].message.ends_with("; left out, and with it `pricing.treatments.chemical-peel`"), "{}", reading.warnings[1]);
        assert!(reading.warnings[2].message.ends_with("; left out, and with it `pricing.packages[0]`"), "{}", reading.warnings[2]);
    }

    #[test]
    fn prices_in_an_unknown_currency_are_not_shown_at_all() {
        let reading = read(r#"{"clinicName":"Rose Clinic","currency":"EURO","pricing":{"treatments":{"botox":{"areas":{"face":150}}}}}"#);
        assert_eq!(reading.config.pricing, None, "never shown as dollars");
        let messages: Vec<String> = reading.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(messages[1].contains("not shown, because the currency is not one the widget knows"), "{messages:?}");
    }

    #[test]
    fn prices_at_locations_in_an_unknown_currency_are_not_shown_either() {
        let reading = read(r#"{"clinicName":"Rose Clinic","currency":"EURO","locations":[
            {"id":"a","name":"A","pricing":{"treatments":{"botox":{"areas":{"face":150}}}}},
            {"id":"b","name":"B","pricing":{"treatments":{"botox":{"areas":{"face":170}}}}}]}"#);
        assert!(reading.config.locations.iter().all(|l| l.pricing.is_none()), "never shown as dollars");
        assert_eq!(reading.config.locations.len(), 2, "the locations themselves stay");
        assert!(reading.warnings.iter().any(|w| w.to_string().contains("not shown, because the currency is not one the widget knows")), "{:?}", reading.warnings);
    }

    #[test]
    fn a_key_given_twice_inside_a_list_is_named_by_its_place() {
        let reading = read(r#"{"clinicName":"Rose Clinic","locations":[
            {"id":"a","name":"A"},
            {"id":"b","name":"B","name":"C"}]}"#);
        let messages: Vec<String> = reading.warnings.iter().map(ToString::to_string).collect();
        assert!(messages.iter().any(|m| m.starts_with("`locations[1].name`: this key is given twice")), "{messages:?}");
    }

    #[test]
    fn a_location_price_adjustment_is_from_minus_90_to_200_percent() {
        let with = |percent: &str| {
            parse(&format!(r#"{{"version":1,"pricing":{{"treatments":{{"botox":{{"areas":{{"face":100}}}}}}}},"locations":[{{"id":"a","name":"A","priceAdjustPercent":{percent}}}]}}"#))
        };
        let price = |percent: &str| with(percent).map(|c| c.locations[0].pricing.as_ref().unwrap().treatments[0].areas[0].1.low);
        assert_eq!(price("-90"), Ok(1_000));
        assert_eq!(price("200"), Ok(30_000));
        assert_eq!(price("\"-12.5\""), Ok(8_750));
        for bad in ["\"-90.01\"", "-91", "\"200.01\"", "201"] {
            assert!(with(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_location_id_is_letters_digits_dashes_and_underscores() {
        let with = |id: &str| parse(&format!(r#"{{"version":1,"locations":[{{"id":{},"name":"A"}}]}}"#, serde_json::json!(id)));
        for good in ["downtown", "down-town", "down_town", "Harbor2", &"a".repeat(40)] {
            assert!(with(good).is_ok(), "{good}");
        }
        for bad in ["", "down town", "down/town", "<b>", &"a".repeat(41)] {
            let e = with(bad).unwrap_err();
            assert_eq!(e.path, "locations[0].id", "{bad}");
        }
    }

    #[test]
    fn a_clinic_name_is_one_to_eighty_characters_of_plain_text() {
        let named = |name: &str| parse(&format!(r#"{{"version":1,"clinicName":{}}}"#, serde_json::json!(name)));
        assert_eq!(named(&"é".repeat(80)).unwrap().clinic_name.unwrap().chars().count(), 80, "80 characters, not bytes");
        let e = named(&"a".repeat(81)).unwrap_err();
        assert_eq!(e.path, "clinicName");
        assert!(e.message.starts_with("must be at most 80 characters"), "{e}");
        assert!(named("   ").unwrap_err().message.starts_with("must not be empty"));
        assert!(named("Rose\nClinic").unwrap_err().message.starts_with("must not contain control characters"));
    }

    #[test]
    fn a_phone_number_is_kept_as_written_and_dialled_as_digits() {
        let phone = |text: &str| read_phone(text, "booking.phone").map(|p| (p.shown, p.dial));
        assert_eq!(phone(" +1 (555) 010-0199 "), Ok(("+1 (555) 010-0199".into(), "+15550100199".into())));
        assert_eq!(phone("020 7946 0018"), Ok(("020 7946 0018".into(), "02079460018".into())));
        assert_eq!(phone("91.123.45.67"), Ok(("91.123.45.67".into(), "911234567".into())));
        for bad in ["1234", "+1 555 010 0199 0199 0199", "555 +0100 199", "tel:5550100199", "555\n0100199", "0800 FLOWERS", ""] {
            assert!(phone(bad).is_err(), "{bad:?}");
        }
        // The limits: 5 and 15 digits.
        assert!(phone("12345").is_ok() && phone("123456789012345").is_ok() && phone("1234567890123456").is_err());
        // And 30 characters as written (five digits spread out by spaces), not 31.
        let spread = |spaces: usize| format!("1{}2345", " ".repeat(spaces));
        assert_eq!(spread(25).chars().count(), 30);
        assert!(phone(&spread(25)).is_ok() && phone(&spread(26)).is_err());
    }

    #[test]
    fn hostile_booking_links_are_refused() {
        for url in [
            "javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            "data:text/html,hi",
            "vbscript:msgbox(1)",
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
        // A link of 2,000 characters is kept; one more is too long.
        let long = |n: usize| format!(r#"{{"version":1,"clinicName":"X","booking":{{"url":"https://clinic.example/{}"}}}}"#, "a".repeat(n - 23));
        assert_eq!("https://clinic.example/".len(), 23);
        assert!(parse(&long(2_000)).is_ok());
        let e = parse(&long(2_001)).unwrap_err();
        assert!(e.path == "booking.url" && e.message.contains("… is too long"), "{e}");
    }

    #[test]
    fn hostile_strings_stay_text() {
        let c = parse(r#"{"version":1,"clinicName":"<img src=x onerror=alert(1)>"}"#).unwrap();
        assert_eq!(c.clinic_name.as_deref(), Some("<img src=x onerror=alert(1)>"), "kept as text; the view escapes it");
        let e = parse(r#"{"version":1,"clinicName":"X","accentColor":"red;}*{display:none"}"#).unwrap_err();
        assert_eq!(e.path, "accentColor");
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

    #[test]
    fn the_language_follows_the_locale_unless_given_and_the_switch_lists_the_rest() {
        assert_eq!(parse(r#"{"locale":"es-US"}"#).unwrap().language, Lang::Es);
        assert_eq!(parse(r#"{"locale":"es-US","language":"en"}"#).unwrap().language, Lang::En);
        let c = parse(r#"{"language":"es","languages":["en","es","en"]}"#).unwrap();
        assert_eq!((c.language, c.languages), (Lang::Es, vec![Lang::Es, Lang::En]));
    }

    #[test]
    fn a_theme_is_read_and_a_poor_contrast_is_fixed_and_reported() {
        let reading = read(r##"{"clinicName":"Rose","theme":{"primary":"#db2777","text":"#aaaaaa","background":"#ffffff","font":"inherit","radius":4,"density":"compact","scheme":"auto"}}"##);
        let theme = &reading.config.theme;
        assert!(contrast(theme.light.ink, theme.light.paper) >= AA_TEXT);
        assert_eq!((theme.radius, theme.font.clone()), (4, crate::brand::Font::Inherit));
        assert_eq!(reading.warnings.len(), 1, "{:?}", reading.warnings);
        assert_eq!(reading.warnings[0].path, "theme.text");
        assert!(reading.warnings[0].message.starts_with("#aaaaaa on #ffffff has a contrast of 2.32:1, below the 4.5:1 WCAG AA needs for text; using #"), "{}", reading.warnings[0]);
        // accentColor keeps working as theme.primary; theme.primary wins when both are given.
        let old = parse(r##"{"accentColor":"#9d174d"}"##).unwrap();
        assert_eq!(old.theme.light.accent, Rgb(0x9d, 0x17, 0x4d));
        let both = parse(r##"{"accentColor":"#9d174d","theme":{"primary":"#1d4ed8"}}"##).unwrap();
        assert_eq!(both.theme.light.accent, Rgb(0x1d, 0x4e, 0xd8));
    }

    #[test]
    fn custom_treatments_are_offered_in_the_clinics_order_and_priced() {
        let c = parse(
            r#"{"clinicName":"Rose","offeredTreatments":["glow-facial","botox"],
               "customTreatments":[{"id":"glow-facial","name":{"en":"Glow facial","es":"Facial luminoso"},"summary":"Our signature facial.",
                 "sessions":{"typical":3,"min":1,"max":6},"weeksBetween":{"min":2,"max":4},"downtime":"none",
                 "concerns":[{"concern":"dull-skin","fit":"good"}],"areas":["face"]}],
               "treatmentNames":{"rf-microneedling":"Morpheus8"},
               "pricing":{"treatments":{"glow-facial":{"areas":{"face":120}}}}}"#,
        )
        .unwrap();
        assert_eq!(c.offered_treatments, ["glow-facial", "botox"]);
        let glow = &c.custom_treatments[0];
        assert_eq!((glow.name.get(Lang::Es), glow.spacing_days), ("Facial luminoso", (14, 28)));
        assert_eq!(c.pricing.unwrap().treatment("glow-facial").unwrap().area("face"), Some(Range::exact(12_000)));
        let cat = crate::custom_treatment::clinic_catalog(&catalog(), &c.custom_treatments, &c.treatment_names, Lang::En, c.clinic_name.as_deref());
        let t = cat.treatment("glow-facial").unwrap();
        assert!(t.described_by_clinic);
        assert!(t.summary.sources == ["clinic"], "every statement carries the clinic as its source");
        let rf = cat.treatment("rf-microneedling").unwrap();
        assert_eq!((rf.name.as_str(), rf.catalog_name.as_deref()), ("Morpheus8", Some("RF microneedling")));
        // An id that clashes with the catalog is refused; the rest of the config is kept.
        let reading = read(r#"{"clinicName":"Rose","customTreatments":[{"id":"botox","name":"B","summary":"S","sessions":{"typical":1}}]}"#);
        assert_eq!(reading.warnings[0].path, "customTreatments[0].id");
        assert!(reading.config.custom_treatments.is_empty());
    }

    #[test]
    fn locations_price_and_book_separately() {
        let c = parse(
            r#"{"clinicName":"Rose","booking":{"url":"https://rose.example/book"},
               "pricing":{"treatments":{"botox":{"areas":{"face":{"low":200,"high":400}}}}},
               "locations":[
                 {"id":"downtown","name":"Downtown","booking":{"url":"https://rose.example/book/downtown"}},
                 {"id":"uptown","name":{"en":"Uptown","es":"Zona alta"},"priceAdjustPercent":"-12.5"},
                 {"id":"beach","name":"Beach","pricing":{"treatments":{"chemical-peel":{"areas":{"face":90}}}}}]}"#,
        )
        .unwrap();
        let face = |l: &str| c.price_book(Some(l)).and_then(|b| b.treatment("botox")).and_then(|t| t.area("face"));
        assert_eq!(face("downtown"), Some(Range::new(20_000, 40_000)));
        assert_eq!(face("uptown"), Some(Range::new(17_500, 35_000)), "12.5 % less");
        assert_eq!(face("beach"), None, "its own book has no Botox");
        assert_eq!(c.booking_for(Some("downtown")).unwrap().url, "https://rose.example/book/downtown");
        assert_eq!(c.booking_for(Some("uptown")).unwrap().url, "https://rose.example/book", "the clinic's link");
        assert_eq!(c.pricing.as_ref().and_then(|b| b.treatment("botox")).and_then(|t| t.area("face")), Some(Range::new(20_000, 40_000)), "the first location's prices are the default");
    }

    #[test]
    fn sections_and_the_start_view() {
        let c = parse(r#"{"sections":["estimate","faq","treatments"],"startView":"faq"}"#).unwrap();
        assert_eq!(c.sections, [Section::Estimate, Section::Faq, Section::Treatments]);
        assert_eq!(c.start_view, Some(Section::Faq));
        assert!(!c.shows(Section::Estimate), "no prices, so no estimator even when listed");
        assert!(!c.shows(Section::Myths));
    }

    #[test]
    fn copy_overrides_are_checked_against_the_strings() {
        let c = parse(r#"{"copy":{"en":{"home.estimate":"See your price"},"es":{"home.estimate":"Vea su precio"}}}"#).unwrap();
        assert_eq!(c.copy_for(Lang::Es), [("home.estimate".to_string(), "Vea su precio".to_string())]);
        let reading = read(r#"{"clinicName":"Rose","copy":{"en":{"home.lead":"Welcome to {clnic}","header.title":"Rose's guide"}}}"#);
        assert_eq!(reading.warnings.len(), 1);
        assert!(reading.warnings[0].message.starts_with("uses {clnic}, which this string does not have; it can use: {clinic}"), "{}", reading.warnings[0]);
        assert_eq!(reading.config.copy_for(Lang::En), [("header.title".to_string(), "Rose's guide".to_string())]);
    }
}

#[cfg(test)]
mod properties {
    //! Whatever a clinic (or an attacker) puts in any field, reading never panics, always gives a
    //! config, and never gives another clinic's name.
    use super::*;
    use proptest::prelude::*;

    fn any_json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(|n| Value::from(n)),
            any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(|f| Value::from(f)),
            ".{0,20}".prop_map(Value::String),
            prop_oneof![Just("face"), Just("botox"), Just("#fff"), Just("https://a.example"), Just("en"), Just("150")].prop_map(|s| Value::String(s.to_string())),
        ];
        leaf.prop_recursive(3, 24, 4, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                proptest::collection::vec(("[a-zA-Z]{1,10}", inner), 0..4).prop_map(|kv| Value::Object(kv.into_iter().collect())),
            ]
        })
    }

    const FIELDS: [&str; 19] = [
        "version", "clinicName", "locale", "currency", "language", "languages", "accentColor", "theme", "booking",
        "offeredTreatments", "treatmentNames", "customTreatments", "pricesAreTypicalRanges", "pricing", "locations",
        "sections", "startView", "copy", "unknownKey",
    ];

    proptest! {
        #[test]
        fn any_value_in_any_field_gives_a_usable_config(values in proptest::collection::vec(any_json(), FIELDS.len())) {
            let catalog = Catalog::built_in().unwrap();
            let mut object = serde_json::Map::new();
            object.insert("clinicName".into(), Value::from("Rose Clinic"));
            for (field, value) in FIELDS.iter().zip(values) {
                if *field != "clinicName" {
                    object.insert(field.to_string(), value);
                }
            }
            let text = Value::Object(object).to_string();
            let reading = ClinicConfig::read(&text, &catalog).expect("an object is always readable");
            prop_assert_eq!(reading.config.clinic_name.as_deref(), Some("Rose Clinic"));
            // Every warning names a path and says it was left out (or what was used instead).
            for w in &reading.warnings {
                prop_assert!(!w.path.is_empty(), "{w}");
                prop_assert!(w.message.contains("; left out") || w.message.contains("not shown") || w.message.contains(" instead"), "{w}");
            }
            // What was kept reads strictly without a problem: nothing unusable survives.
            prop_assert!(reading.config.offered_treatments.iter().all(|id| catalog.treatment(id).is_some() || reading.config.custom_treatments.iter().any(|c| &c.id == id)));
        }

        #[test]
        fn any_value_as_a_whole_field_of_the_demo_never_brings_in_a_stranger(field in 0usize..FIELDS.len(), value in any_json()) {
            let catalog = Catalog::built_in().unwrap();
            let mut demo: Value = serde_json::from_str(DEMO_CLINIC_JSON).unwrap();
            demo.as_object_mut().unwrap().insert(FIELDS[field].to_string(), value);
            let reading = ClinicConfig::read(&demo.to_string(), &catalog).unwrap();
            let name = reading.config.clinic_name.clone();
            prop_assert!(name.is_none() || name.as_deref() == Some("Juniper Skin Studio") || FIELDS[field] == "clinicName");
        }
    }
}

#[cfg(test)]
mod origin_tests {
    use super::*;

    #[test]
    fn messages_name_the_source_and_the_problem() {
        let m = unreadable_message(&ConfigOrigin::Url("/clinic.json".into()), "the server answered HTTP 404 Not Found");
        assert_eq!(
            m,
            "[treatment-widget] The clinic config at \"/clinic.json\" could not be read: the server answered HTTP 404 Not Found. Showing the treatment guide without a clinic name, prices or booking link; fix the config and reload."
        );
        let w = warning_message(&ConfigOrigin::Inline, &ConfigError { path: "booking.url".into(), message: "x; left out".into() });
        assert_eq!(w, "[treatment-widget] The clinic config in the <script type=\"application/json\"> inside <treatment-widget>: `booking.url`: x; left out");
        assert_eq!(ConfigOrigin::Inline.kind(), "inline");
    }
}
