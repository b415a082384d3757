//! The `pricing` part of a clinic's config: derived serde types for its shape (so keys arrive in
//! the clinic's order and shape errors carry their path, `pricing.packages[1].sessions`), then
//! [`validate`] for what needs context: the currency's decimals and price cap, catalog ids, and
//! references between parts. Nothing may be counted twice: a repeated id, area or key is refused.
//!
//! Amounts are written in major units, as a clinic would ("149.50" or 149.5, never cents) and
//! converted exactly; a number with more decimals than the currency has is refused.

use crate::did_you_mean::unknown_id;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;

use super::catalog::Catalog;
use super::config::ConfigError;
use super::texts::{allowed_in_plain_text, LocalText};
use super::config_path::Path;
use super::financing::{MAX_APR_BPS, MAX_MONTHS};
use super::money::{parse_major, BasisPoints, Currency, FULL_BPS};
use super::pricing::{
    AddOn, AtHome, Combination, Deal, Deposit, FinancePlan, Financing, Membership, Package, PriceBook, PriceSource, Range, Tax,
    TreatmentPrices,
};

/// A JSON object read in document order, each key once. (`serde_json::Map` sorts its keys, which
/// would make the alphabetically first area the "standard" one.)
#[derive(Debug, Default)]
pub struct OrderedMap<T>(pub Vec<(String, T)>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for OrderedMap<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct OrderedVisitor<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for OrderedVisitor<T> {
            type Value = OrderedMap<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries: Vec<(String, T)> = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    if entries.iter().any(|(k, _)| *k == key) {
                        return Err(de::Error::custom(format!("the key {key:?} appears twice")));
                    }
                    let value = map.next_value()?;
                    entries.push((key, value));
                }
                Ok(OrderedMap(entries))
            }
        }
        deserializer.deserialize_map(OrderedVisitor(PhantomData))
    }
}

/// A decimal written as a JSON number or a string, kept as the text the clinic wrote ("149.5").
/// Numbers go through the shortest representation that reads back the same.
#[derive(Debug, Clone, PartialEq)]
pub struct Decimal(pub String);

impl<'de> Deserialize<'de> for Decimal {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DecimalVisitor;
        impl Visitor<'_> for DecimalVisitor {
            type Value = Decimal;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number such as 150 or \"149.50\"")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Decimal, E> {
                Ok(Decimal(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Decimal, E> {
                Ok(Decimal(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Decimal, E> {
                Ok(Decimal(v.to_string()))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
                Ok(Decimal(v.trim().to_string()))
            }
        }
        deserializer.deserialize_any(DecimalVisitor)
    }
}

/// A price: one amount, or `{ "low": …, "high": … }`. Written by hand because serde's untagged
/// enums only say "did not match any variant".
#[derive(Debug, Clone, PartialEq)]
pub enum RawPrice {
    One(Decimal),
    Range { low: Decimal, high: Decimal },
}

impl<'de> Deserialize<'de> for RawPrice {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PriceVisitor;
        impl<'de> Visitor<'de> for PriceVisitor {
            type Value = RawPrice;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an amount such as 150 or \"149.50\", or a range such as {\"low\": 150, \"high\": 300}")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawPrice, E> {
                Ok(RawPrice::One(Decimal(v.to_string())))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawPrice, E> {
                Ok(RawPrice::One(Decimal(v.to_string())))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<RawPrice, E> {
                Ok(RawPrice::One(Decimal(v.to_string())))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawPrice, E> {
                Ok(RawPrice::One(Decimal(v.trim().to_string())))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawPrice, A::Error> {
                let (mut low, mut high) = (None, None);
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "low" if low.is_none() => low = Some(map.next_value::<Decimal>()?),
                        "high" if high.is_none() => high = Some(map.next_value::<Decimal>()?),
                        "low" | "high" => return Err(de::Error::custom(format!("the key {key:?} appears twice"))),
                        _ => return Err(de::Error::unknown_field(&key, &["low", "high"])),
                    }
                }
                match (low, high) {
                    (Some(low), Some(high)) => Ok(RawPrice::Range { low, high }),
                    (None, _) => Err(de::Error::missing_field("low")),
                    (_, None) => Err(de::Error::missing_field("high")),
                }
            }
        }
        deserializer.deserialize_any(PriceVisitor)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct RawPricing {
    treatments: OrderedMap<RawTreatmentPrices>,
    #[serde(default)]
    add_ons: Vec<RawAddOn>,
    #[serde(default)]
    packages: Vec<RawPackage>,
    #[serde(default)]
    memberships: Vec<RawMembership>,
    #[serde(default)]
    financing: Option<RawFinancing>,
    #[serde(default)]
    tax: Option<RawTax>,
    #[serde(default)]
    deposit: Option<RawDeposit>,
    #[serde(default)]
    at_home: Option<RawAtHome>,
    #[serde(default)]
    source_note: Option<LocalText>,
    #[serde(default)]
    price_sources: Vec<RawPriceSource>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct RawTreatmentPrices {
    areas: OrderedMap<RawPrice>,
    #[serde(default)]
    combinations: Vec<RawCombination>,
    #[serde(default)]
    add_ons: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCombination {
    areas: Vec<String>,
    price: RawPrice,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct RawAddOn {
    id: String,
    name: LocalText,
    per_session: RawPrice,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct RawPackage {
    id: String,
    name: LocalText,
    treatment: String,
    sessions: u64,
    #[serde(default)]
    price: Option<RawPrice>,
    #[serde(default)]
    percent_off: Option<Decimal>,
    #[serde(default)]
    areas: Option<Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct RawMembership {
    id: String,
    name: LocalText,
    monthly_fee: RawPrice,
    percent_off: Decimal,
    #[serde(default)]
    minimum_months: Option<u64>,
    #[serde(default)]
    treatments: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct RawFinancing {
    #[serde(default)]
    plans: Vec<RawPlan>,
    #[serde(default)]
    minimum_amount: Option<Decimal>,
    #[serde(default = "yes")]
    with_packages: bool,
    #[serde(default = "yes")]
    with_memberships: bool,
    #[serde(default)]
    lender: Option<LocalText>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct RawPlan {
    id: String,
    name: LocalText,
    months: u64,
    apr: Decimal,
    #[serde(default)]
    deferred_interest: bool,
    #[serde(default)]
    minimum_payment: Option<Decimal>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTax {
    label: LocalText,
    percent: Decimal,
    /// The prices already include this tax (VAT-inclusive price lists).
    #[serde(default)]
    included: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDeposit {
    #[serde(default)]
    percent: Option<Decimal>,
    #[serde(default)]
    amount: Option<Decimal>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct RawAtHome {
    device_price: RawPrice,
    devices_per_year: u64,
    #[serde(default)]
    note: Option<LocalText>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPriceSource {
    item: String,
    figure: String,
    source: String,
}

fn err(path: impl Into<String>, message: impl Into<String>) -> ConfigError {
    ConfigError { path: path.into(), message: message.into() }
}

/// Plain text of 1 to `max` characters, trimmed.
fn text(value: &str, path: &str, max: usize) -> Result<String, ConfigError> {
    let s = value.trim();
    if s.is_empty() || s.chars().count() > max || !s.chars().all(allowed_in_plain_text) {
        return Err(err(path, format!("must be 1 to {max} characters of plain text")));
    }
    Ok(s.to_string())
}

fn optional_text(value: &Option<LocalText>, path: &str, max: usize) -> Result<Option<LocalText>, ConfigError> {
    value.as_ref().map(|v| local(v, path, max)).transpose()
}

/// The clinic's words in one language or several, each checked as plain text.
fn local(value: &LocalText, path: &str, max: usize) -> Result<LocalText, ConfigError> {
    Ok(match value {
        LocalText::One(s) => LocalText::One(text(s, path, max)?),
        LocalText::PerLang(list) => LocalText::PerLang(list.iter().map(|(l, s)| Ok((*l, text(s, &format!("{path}.{l}"), max)?))).collect::<Result<_, ConfigError>>()?),
    })
}

/// A name from the config, quoted for a message.
fn quoted_name(name: &str) -> String {
    format!("{:?}", name.chars().take(60).collect::<String>())
}

fn id(value: &str, path: &str) -> Result<String, ConfigError> {
    let ok = !value.is_empty() && value.len() <= 40 && value.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if !ok {
        return Err(err(path, "must be 1 to 40 letters, digits, - or _"));
    }
    Ok(value.to_string())
}

fn whole(value: u64, path: &str, min: u64, max: u64) -> Result<u64, ConfigError> {
    if !(min..=max).contains(&value) {
        return Err(err(path, format!("must be a whole number from {min} to {max}")));
    }
    Ok(value)
}

/// Refuses a second use of the same id in one list.
fn once<'a>(seen: &mut Vec<&'a str>, value: &'a str, path: &str) -> Result<(), ConfigError> {
    if seen.contains(&value) {
        return Err(err(path, format!("{value:?} is listed twice")));
    }
    seen.push(value);
    Ok(())
}

/// A percentage such as 15 or "8.25", as basis points (at most 100 %).
fn percent(v: &Decimal, path: &str) -> Result<BasisPoints, ConfigError> {
    let two_places = Currency::USD;
    parse_major(&v.0, two_places)
        .filter(|b| *b <= i64::from(FULL_BPS))
        .map(|b| b as BasisPoints)
        .ok_or_else(|| err(path, "must be a percentage from 0 to 100 with at most two decimals, such as 15 or \"8.25\""))
}

/// A plan's name as the checks read it: lower case, every kind of space a plain space, full-width
/// digits and percent signs as ASCII, so "0 % APR" with a no-break space or "０％" is still read.
fn plain_name(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            c if c.is_whitespace() => ' ',
            '\u{FF05}' | '\u{FE6A}' | '\u{066A}' => '%',
            '\u{FF10}'..='\u{FF19}' => char::from(b'0' + (c as u32 - 0xFF10) as u8),
            '\u{FF0C}' => ',',
            '\u{FF0E}' => '.',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Every number written in `text` (with "." or "," as the decimal mark) and the text after it.
fn numbers(text: &str) -> Vec<(String, &str)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() && (i == 0 || !(b[i - 1].is_ascii_digit() || b[i - 1] == b'.' || b[i - 1] == b',')) {
            let start = i;
            while i < b.len() && (b[i].is_ascii_digit() || ((b[i] == b'.' || b[i] == b',') && b.get(i + 1).is_some_and(u8::is_ascii_digit))) {
                i += 1;
            }
            out.push((text[start..i].replace(',', "."), text[i..].trim_start()));
        } else {
            i += 1;
        }
    }
    out
}

/// A plan's name is shown to visitors as it is written, so it may not say anything its terms do
/// not bear out: every percentage it states is its APR, every count of months is its months, it
/// states no amounts (the widget shows the payments it works out), and only a plan with no
/// interest at all may be called interest-free; a deferred-interest plan may say "no interest" only
/// with "if paid in full".
fn check_plan_name(name: &str, plan: &RawPlan, apr: BasisPoints, currency: Currency) -> Result<(), String> {
    let text = plain_name(name);
    let apr_text = format!("{}.{:02}", apr / 100, apr % 100);
    for (number, after) in numbers(&text) {
        let as_bps = parse_major(&number, Currency::USD).map(|v| v as BasisPoints);
        if after.starts_with('%') && as_bps != Some(apr) {
            return Err(format!("says {number}% but the plan's APR is {apr_text}%"));
        }
        let months_word = ["month", "mo ", "mo.", "monat", "mes", "mois", "mese", "maand", "mån"].iter().any(|w| after.starts_with(w)) || after == "mo";
        if months_word && number.parse::<u64>().ok() != Some(plan.months) {
            return Err(format!("says {number} months but the plan runs for {} months", plan.months));
        }
    }
    let symbols = ['$', '€', '£', '¥', '₩', '₫', '₹', '₺', '₱', '₦', '₴', '₪', '฿'];
    let code = currency.code().to_lowercase();
    let has_amount = text.char_indices().any(|(i, c)| {
        symbols.contains(&c) && (text[..i].trim_end().ends_with(|d: char| d.is_ascii_digit()) || text[i + c.len_utf8()..].trim_start().starts_with(|d: char| d.is_ascii_digit()))
    }) || numbers(&text).iter().any(|(_, after)| after.starts_with(&code)) || text.contains(&format!("{code} "));
    if has_amount {
        return Err("must not state an amount: the widget shows the payments it works out from the plan's terms".into());
    }
    let free_words = ["no interest", "interest-free", "interest free", "zero percent", "zero interest", "0 apr", "sin intereses", "zinsfrei", "sans frais"];
    let says_free = free_words.iter().any(|w| text.contains(w));
    if says_free && plan.deferred_interest && !text.contains("if paid in full") {
        return Err("a deferred-interest plan may say \"no interest\" only with \"if paid in full\": interest is charged from the purchase date otherwise".into());
    }
    if says_free && !plan.deferred_interest && apr > 0 {
        return Err(format!("says it is interest-free but the plan's APR is {apr_text}%"));
    }
    Ok(())
}

struct Context<'a> {
    currency: Currency,
    catalog: &'a Catalog,
    known: &'a [&'a str],
}

impl Context<'_> {
    fn amount(&self, v: &Decimal, path: &str) -> Result<i64, ConfigError> {
        let c = self.currency;
        let minor = parse_major(&v.0, c).ok_or_else(|| {
            err(path, format!("must be an amount in {} such as 150 or \"149.50\" (at most {} decimals, not negative)", c.code(), c.minor_digits))
        })?;
        if minor > c.max_minor() {
            return Err(err(path, format!("is more than {} {}, the most a single price may be; check for extra zeros", c.max_major(), c.code())));
        }
        Ok(minor)
    }

    fn price(&self, v: &RawPrice, path: &str) -> Result<Range, ConfigError> {
        match v {
            RawPrice::One(d) => self.amount(d, path).map(Range::exact),
            RawPrice::Range { low, high } => {
                let low = self.amount(low, &format!("{path}.low"))?;
                let high = self.amount(high, &format!("{path}.high"))?;
                if low > high {
                    return Err(err(path, "low must not be above high"));
                }
                Ok(Range::new(low, high))
            }
        }
    }

    fn area(&self, id: &str, path: &str) -> Result<String, ConfigError> {
        if self.catalog.area(id).is_none() {
            let known: Vec<&str> = self.catalog.areas.iter().map(|a| a.id.as_str()).collect();
            return Err(err(path, unknown_id(id, "an area", &known)));
        }
        Ok(id.to_string())
    }

    /// A list of areas, each known and listed once.
    fn areas(&self, list: &[String], path: &str) -> Result<Vec<String>, ConfigError> {
        let mut seen = Vec::new();
        for (j, a) in list.iter().enumerate() {
            let at = format!("{path}[{j}]");
            self.area(a, &at)?;
            once(&mut seen, a, &at)?;
        }
        Ok(list.to_vec())
    }

    fn treatment(&self, id: &str, path: &str) -> Result<String, ConfigError> {
        if !self.known.contains(&id) {
            return Err(err(path, unknown_id(id, "a treatment id", self.known)));
        }
        Ok(id.to_string())
    }
}

/// Checks a price book (at `at`: `pricing`, or a location's) against the currency, the catalog and
/// the clinic's own treatments (`known` says which ids exist) and builds the [`PriceBook`].
pub fn validate(raw: RawPricing, currency: Currency, catalog: &Catalog, known: &[&str], at: &str) -> Result<PriceBook, ConfigError> {
    let cx = Context { currency, catalog, known };
    let root = Path::parse(at).unwrap_or_default();

    let mut add_ons = Vec::new();
    let mut seen = Vec::new();
    for (i, a) in raw.add_ons.iter().enumerate() {
        let at = format!("{at}.addOns[{i}]");
        let add_on_id = id(&a.id, &format!("{at}.id"))?;
        once(&mut seen, &a.id, &format!("{at}.id"))?;
        add_ons.push(AddOn { id: add_on_id, name: local(&a.name, &format!("{at}.name"), 60)?, per_session: cx.price(&a.per_session, &format!("{at}.perSession"))? });
    }

    let mut treatments = Vec::new();
    let prefix = at;
    for (tid, t) in &raw.treatments.0 {
        let tpath = root.key("treatments").key(tid);
        let at = tpath.to_string();
        if !known.contains(&tid.as_str()) {
            return Err(err(&at, unknown_id(tid, "a treatment id", known)));
        }
        if t.areas.0.is_empty() {
            return Err(err(format!("{at}.areas"), "must price at least one area"));
        }
        let mut areas = Vec::new();
        for (area, price) in &t.areas.0 {
            let area_at = tpath.key("areas").key(area).to_string();
            cx.area(area, &area_at)?;
            areas.push((area.clone(), cx.price(price, &area_at)?));
        }
        let mut combinations = Vec::new();
        for (i, c) in t.combinations.iter().enumerate() {
            let cat = format!("{at}.combinations[{i}]");
            let list = cx.areas(&c.areas, &format!("{cat}.areas"))?;
            if list.len() < 2 {
                return Err(err(format!("{cat}.areas"), "a combination needs at least two areas"));
            }
            combinations.push(Combination { areas: list, price: cx.price(&c.price, &format!("{cat}.price"))? });
        }
        let mut offered = Vec::new();
        for (i, a) in t.add_ons.iter().enumerate() {
            let aat = format!("{at}.addOns[{i}]");
            if !add_ons.iter().any(|x| x.id == *a) {
                return Err(err(&aat, format!("{a:?} is not in {prefix}.addOns")));
            }
            let mut seen: Vec<&str> = offered.iter().map(String::as_str).collect();
            once(&mut seen, a, &aat)?;
            offered.push(a.clone());
        }
        treatments.push(TreatmentPrices { treatment: tid.clone(), areas, combinations, add_ons: offered });
    }

    let mut packages = Vec::new();
    let mut seen = Vec::new();
    for (i, p) in raw.packages.iter().enumerate() {
        let at = format!("{prefix}.packages[{i}]");
        let package_id = id(&p.id, &format!("{at}.id"))?;
        once(&mut seen, &p.id, &format!("{at}.id"))?;
        let treatment = cx.treatment(&p.treatment, &format!("{at}.treatment"))?;
        let Some(prices) = treatments.iter().find(|t: &&TreatmentPrices| t.treatment == treatment) else {
            return Err(err(format!("{at}.treatment"), format!("{treatment:?} has no prices in {prefix}.treatments")));
        };
        let deal = match (&p.price, &p.percent_off) {
            (Some(price), None) => {
                let areas = match &p.areas {
                    Some(list) => cx.areas(list, &format!("{at}.areas"))?,
                    // By default a set-price package is for the treatment's standard area.
                    None => prices.standard_area().map(|a| vec![a.to_string()]).unwrap_or_default(),
                };
                if areas.is_empty() {
                    return Err(err(format!("{at}.areas"), "must list at least one area"));
                }
                Deal::SetPrice { price: cx.price(price, &format!("{at}.price"))?, areas }
            }
            (None, Some(pct)) => Deal::PercentOff(percent(pct, &format!("{at}.percentOff"))?),
            _ => return Err(err(&at, "needs either a price or a percentOff, not both")),
        };
        packages.push(Package {
            id: package_id,
            name: local(&p.name, &format!("{at}.name"), 60)?,
            treatment,
            sessions: whole(p.sessions, &format!("{at}.sessions"), 1, 24)? as u8,
            deal,
        });
    }

    let mut memberships = Vec::new();
    let mut seen = Vec::new();
    for (i, m) in raw.memberships.iter().enumerate() {
        let at = format!("{prefix}.memberships[{i}]");
        let membership_id = id(&m.id, &format!("{at}.id"))?;
        once(&mut seen, &m.id, &format!("{at}.id"))?;
        let mut covered = Vec::new();
        let mut seen_treatments = Vec::new();
        for (j, t) in m.treatments.iter().enumerate() {
            let tat = format!("{at}.treatments[{j}]");
            covered.push(cx.treatment(t, &tat)?);
            once(&mut seen_treatments, t, &tat)?;
        }
        memberships.push(Membership {
            id: membership_id,
            name: local(&m.name, &format!("{at}.name"), 60)?,
            monthly_fee: cx.price(&m.monthly_fee, &format!("{at}.monthlyFee"))?,
            percent_off: percent(&m.percent_off, &format!("{at}.percentOff"))?,
            minimum_months: m.minimum_months.map(|n| whole(n, &format!("{at}.minimumMonths"), 1, 36)).transpose()?.unwrap_or(1) as u8,
            treatments: covered,
        });
    }

    let mut financing = Financing { with_packages: true, with_memberships: true, ..Financing::default() };
    if let Some(f) = &raw.financing {
        let at = &format!("{prefix}.financing");
        let mut seen = Vec::new();
        for (i, p) in f.plans.iter().enumerate() {
            let pat = format!("{at}.plans[{i}]");
            let plan_id = id(&p.id, &format!("{pat}.id"))?;
            once(&mut seen, &p.id, &format!("{pat}.id"))?;
            let apr = percent(&p.apr, &format!("{pat}.apr"))?;
            if apr > MAX_APR_BPS {
                return Err(err(format!("{pat}.apr"), format!("must be at most {}%", MAX_APR_BPS / 100)));
            }
            let name = local(&p.name, &format!("{pat}.name"), 60)?;
            if p.deferred_interest && apr == 0 {
                return Err(err(format!("{pat}.apr"), "a deferred-interest plan needs the APR charged from the purchase date if the balance is not paid in full"));
            }
            for n in name.all() {
                check_plan_name(n, p, apr, currency).map_err(|why| err(format!("{pat}.name"), format!("{} {why}", quoted_name(n))))?;
            }
            financing.plans.push(FinancePlan {
                id: plan_id,
                name,
                months: whole(p.months, &format!("{pat}.months"), 1, u64::from(MAX_MONTHS))? as u16,
                apr_bps: apr,
                deferred_interest: p.deferred_interest,
                minimum_payment: p.minimum_payment.as_ref().map(|d| cx.amount(d, &format!("{pat}.minimumPayment"))).transpose()?.unwrap_or(0),
            });
        }
        if let Some(min) = &f.minimum_amount {
            financing.minimum = cx.amount(min, &format!("{at}.minimumAmount"))?;
        }
        financing.with_packages = f.with_packages;
        financing.with_memberships = f.with_memberships;
        financing.lender = optional_text(&f.lender, &format!("{at}.lender"), 160)?;
    }

    let tax = match &raw.tax {
        None => None,
        Some(t) => Some(Tax { label: local(&t.label, &format!("{prefix}.tax.label"), 40)?, bps: percent(&t.percent, &format!("{prefix}.tax.percent"))?, included: t.included }),
    };

    let deposit = match &raw.deposit {
        None => None,
        Some(d) => Some(match (&d.percent, &d.amount) {
            (Some(p), None) => Deposit::Percent(percent(p, &format!("{prefix}.deposit.percent"))?),
            (None, Some(a)) => Deposit::Fixed(cx.amount(a, &format!("{prefix}.deposit.amount"))?),
            _ => return Err(err(format!("{prefix}.deposit"), "needs either a percent or an amount")),
        }),
    };

    let at_home = match &raw.at_home {
        None => None,
        Some(h) => Some(AtHome {
            device: cx.price(&h.device_price, &format!("{prefix}.atHome.devicePrice"))?,
            devices_per_year: whole(h.devices_per_year, &format!("{prefix}.atHome.devicesPerYear"), 1, 52)? as u8,
            note: optional_text(&h.note, &format!("{prefix}.atHome.note"), 240)?,
        }),
    };

    let mut price_sources = Vec::new();
    for (i, s) in raw.price_sources.iter().enumerate() {
        let at = format!("{prefix}.priceSources[{i}]");
        price_sources.push(PriceSource {
            item: text(&s.item, &format!("{at}.item"), 120)?,
            figure: text(&s.figure, &format!("{at}.figure"), 160)?,
            source: text(&s.source, &format!("{at}.source"), 200)?,
        });
    }

    Ok(PriceBook {
        price_sources,
        treatments,
        add_ons,
        packages,
        memberships,
        financing,
        tax,
        deposit,
        at_home,
        source_note: optional_text(&raw.source_note, &format!("{prefix}.sourceNote"), 400)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::ClinicConfig;
    use crate::pricing::{estimate, EstimateInput, PaymentChoice};

    fn parse_pricing(pricing: &str) -> Result<ClinicConfig, ConfigError> {
        let json = format!(r#"{{"version":1,"clinicName":"X","currency":"USD","pricing":{pricing}}}"#);
        ClinicConfig::from_json(&json, &Catalog::built_in().unwrap())
    }

    #[test]
    fn a_value_of_the_wrong_kind_is_described_as_what_was_expected() {
        let err = |e: serde_json::Error| e.to_string();
        assert!(err(serde_json::from_str::<RawPrice>("true").unwrap_err()).contains("an amount such as 150 or \"149.50\", or a range"));
        assert!(err(serde_json::from_str::<Decimal>("true").unwrap_err()).contains("a number such as 150 or \"149.50\""));
        assert!(err(serde_json::from_str::<OrderedMap<u8>>("[1]").unwrap_err()).contains("an object"));
    }

    #[test]
    fn names_are_one_to_the_limit_of_plain_characters() {
        assert_eq!(text("  Glow  ", "n", 4).unwrap(), "Glow");
        assert!(text("   ", "n", 4).is_err(), "blank");
        assert!(text("Glows", "n", 4).is_err(), "one too many");
        assert!(text("Gl\u{7}w", "n", 4).is_err(), "a control character");
        assert!(text("Gl\u{202E}w", "n", 4).is_err(), "a direction override");
        assert_eq!(text("éééé", "n", 4).unwrap(), "éééé", "counted in characters");
    }

    #[test]
    fn ids_are_one_to_forty_letters_digits_dashes_or_underscores() {
        assert_eq!(id(&"a".repeat(40), "x").unwrap().len(), 40);
        assert_eq!(id("pkg_3-b", "x").unwrap(), "pkg_3-b");
        for bad in ["", &"a".repeat(41), "pkg 3", "pkg.3", "pkg/3", "é"] {
            assert_eq!(id(bad, "x").unwrap_err().message, "must be 1 to 40 letters, digits, - or _", "{bad:?}");
        }
    }

    #[test]
    fn optional_notes_are_kept_and_a_plan_name_that_contradicts_its_terms_is_quoted() {
        let c = parse_pricing(r#"{"treatments":{"botox":{"areas":{"face":300}}},"sourceNote":"  Our prices, 2026.  "}"#).unwrap();
        assert_eq!(c.pricing.unwrap().source_note, Some(LocalText::One("Our prices, 2026.".into())));
        let e = parse_pricing(r#"{"treatments":{"botox":{"areas":{"face":300}}},"financing":{"plans":[{"id":"p","name":"0% APR for 12 months","months":12,"apr":9.9}]}}"#).unwrap_err();
        assert!(e.message.starts_with("\"0% APR for 12 months\" says 0% but the plan's APR is 9.90% "), "{}", e.message);
    }

    #[test]
    fn plan_names_are_read_whatever_spaces_digits_and_percent_signs_they_use() {
        assert_eq!(plain_name("0\u{00A0}% APR\u{2003}for １２ Months"), "0 % apr for 12 months");
        assert_eq!(plain_name("５０％ off"), "50% off");
        // A number starts at a digit that follows no digit, point or comma: "v.5" and "x,7" hold none.
        assert_eq!(numbers("1.5% then 2,5 months"), vec![("1.5".to_string(), "% then 2,5 months"), ("2.5".to_string(), "months")]);
        assert_eq!(numbers("v.5% x,7 months 12 mo"), vec![("12".to_string(), "mo")]);
        assert_eq!(numbers("over 12"), vec![("12".to_string(), "")], "a number at the very end");
        assert_eq!(numbers("in 3. or 4, then 5x6"), vec![("3".to_string(), ". or 4, then 5x6"), ("4".to_string(), ", then 5x6"), ("5".to_string(), "x6"), ("6".to_string(), "")],
            "a point or comma with no digit after it ends the number, and so does a letter");
    }

    #[test]
    fn a_plan_name_may_not_state_an_amount_in_any_way() {
        let named = |name: &str| {
            let json = format!(r#"{{"treatments":{{"botox":{{"areas":{{"face":300}}}}}},"financing":{{"plans":[{{"id":"p","name":"{name}","months":12,"apr":0}}]}}}}"#);
            parse_pricing(&json).err().map(|e| e.message.contains("must not state an amount")).unwrap_or(false)
        };
        assert!(named("Pay USD 50 a month"), "the currency's code before the number");
        assert!(named("Just 50 usd a month"), "the currency's code after it");
        assert!(named("Only $50 a month"), "a symbol");
        assert!(!named("12 months at 0% APR"), "terms only");
    }

    #[test]
    fn a_price_of_exactly_the_cap_and_a_range_of_one_amount_are_read() {
        // The cap for US dollars is $10,000,000 (money.rs); a cent more is refused.
        let face = |price: &str| parse_pricing(&format!(r#"{{"treatments":{{"botox":{{"areas":{{"face":{price}}}}}}}}}"#));
        assert_eq!(face("10000000").unwrap().pricing.unwrap().treatment("botox").unwrap().area("face"), Some(Range::exact(1_000_000_000)));
        assert!(face("\"10000000.01\"").unwrap_err().message.contains("the most a single price may be"));
        assert_eq!(face(r#"{"low":200,"high":200}"#).unwrap().pricing.unwrap().treatment("botox").unwrap().area("face"), Some(Range::exact(20_000)));
        assert!(face(r#"{"low":201,"high":200}"#).unwrap_err().message.contains("low must not be above high"));
    }

    #[test]
    fn the_apr_limit_itself_is_allowed_and_a_deposit_is_a_percent_or_an_amount() {
        let book = |extra: &str| parse_pricing(&format!(r#"{{"treatments":{{"botox":{{"areas":{{"face":300}}}}}}{extra}}}"#));
        let plan = |apr: &str| book(&format!(r#","financing":{{"plans":[{{"id":"p","name":"Plan","months":12,"apr":{apr}}}]}}"#));
        assert!(plan("60").is_ok(), "60% APR, the most, is allowed");
        assert!(plan("\"60.01\"").unwrap_err().message.starts_with("must be at most 60%"));
        assert_eq!(book(r#","deposit":{"percent":20}"#).unwrap().pricing.unwrap().deposit, Some(Deposit::Percent(2_000)));
        assert_eq!(book(r#","deposit":{"amount":50}"#).unwrap().pricing.unwrap().deposit, Some(Deposit::Fixed(5_000)));
        assert!(book(r#","deposit":{"percent":20,"amount":50}"#).unwrap_err().message.contains("needs either a percent or an amount"));
    }

    #[test]
    fn a_range_names_each_end_once() {
        // The config reader refuses repeated keys before this; a price read on its own does too.
        let twice = |json: &str| serde_json::from_str::<RawPrice>(json).unwrap_err().to_string();
        assert!(twice(r#"{"low":1,"low":2,"high":3}"#).contains("the key \"low\" appears twice"));
        assert!(twice(r#"{"low":1,"high":2,"high":3}"#).contains("the key \"high\" appears twice"));
        assert_eq!(serde_json::from_str::<RawPrice>(r#"{"high":3,"low":1}"#).unwrap(), RawPrice::Range { low: Decimal("1".into()), high: Decimal("3".into()) });
    }

    #[test]
    fn financing_covers_packages_and_memberships_unless_the_clinic_says_not() {
        let plans = r#""plans":[{"id":"p12","name":"12 months","months":12,"apr":0}]"#;
        let book = parse_pricing(&format!(r#"{{"treatments":{{"botox":{{"areas":{{"face":300}}}}}},"financing":{{{plans}}}}}"#)).unwrap().pricing.unwrap();
        assert!(book.financing.with_packages && book.financing.with_memberships);
        let book = parse_pricing(&format!(r#"{{"treatments":{{"botox":{{"areas":{{"face":300}}}}}},"financing":{{{plans},"withMemberships":false}}}}"#)).unwrap().pricing.unwrap();
        assert!(book.financing.with_packages && !book.financing.with_memberships);
    }

    #[test]
    fn prices_are_read_exactly_from_numbers_and_strings() {
        let c = parse_pricing(r#"{"treatments":{"botox":{"areas":{"face":{"low":99.5,"high":"1200.25"},"neck":150}}}}"#).unwrap();
        let book = c.pricing.unwrap();
        let t = book.treatment("botox").unwrap();
        assert_eq!(t.area("face").unwrap(), Range::new(9_950, 120_025));
        assert_eq!(t.area("neck").unwrap(), Range::exact(15_000));
    }

    #[test]
    fn the_first_area_the_clinic_lists_is_the_standard_one_whatever_the_alphabet() {
        let c = parse_pricing(r#"{"treatments":{"professional-microneedling":{"areas":{"neck":100,"face":200}}}}"#).unwrap();
        let book = c.pricing.unwrap();
        let t = book.treatment("professional-microneedling").unwrap();
        assert_eq!(t.standard_area(), Some("neck"));
        let order: Vec<&str> = t.areas.iter().map(|(a, _)| a.as_str()).collect();
        assert_eq!(order, ["neck", "face"]);
        // Treatments keep the clinic's order too.
        let c = parse_pricing(r#"{"treatments":{"microdermabrasion":{"areas":{"face":1}},"botox":{"areas":{"face":1}}}}"#).unwrap();
        let ids: Vec<String> = c.pricing.unwrap().treatments.into_iter().map(|t| t.treatment).collect();
        assert_eq!(ids, ["microdermabrasion", "botox"]);
    }

    #[test]
    fn every_pricing_mistake_names_its_path() {
        let cases = [
            (r#"{"treatments":{"botox":{"areas":{"face":-5}}}}"#, "pricing.treatments.botox.areas.face"),
            (r#"{"treatments":{"botox":{"areas":{"face":1.234}}}}"#, "pricing.treatments.botox.areas.face"),
            (r#"{"treatments":{"botox":{"areas":{"face":true}}}}"#, "pricing.treatments.botox.areas.face"),
            (r#"{"treatments":{"botox":{"areas":{"moon":100}}}}"#, "pricing.treatments.botox.areas.moon"),
            (r#"{"treatments":{"botox":{"areas":{"face":{"low":300,"high":100}}}}}"#, "pricing.treatments.botox.areas.face"),
            (r#"{"treatments":{"botox":{"areas":{"face":{"low":300}}}}}"#, "pricing.treatments.botox.areas.face"),
            (r#"{"treatments":{"botox":{"areas":{"face":{"low":1,"high":2,"mid":1}}}}}"#, "pricing.treatments.botox.areas.face"),
            (r#"{"treatments":{"nope":{"areas":{"face":1}}}}"#, "pricing.treatments.nope"),
            (r#"{"treatments":{"botox":{"areas":{}}}}"#, "pricing.treatments.botox.areas"),
            (r#"{"treatments":{"botox":{"areas":{"face":1,"face":2}}}}"#, "pricing.treatments.botox.areas.face"),
            (r#"{"treatments":{"botox":{"areas":{"face":1}},"botox":{"areas":{"face":2}}}}"#, "pricing.treatments.botox"),
            (r#"{"treatments":{"botox":{"areas":{"face":1},"addOns":["prp"]}}}"#, "pricing.treatments.botox.addOns[0]"),
            (r#"{"treatments":{"botox":{"areas":{"face":1},"addOns":["prp","prp"]}},"addOns":[{"id":"prp","name":"PRP","perSession":5}]}"#, "pricing.treatments.botox.addOns[1]"),
            (r#"{"treatments":{"botox":{"areas":{"face":1}}},"addOns":[{"id":"prp","name":"PRP","perSession":5},{"id":"prp","name":"Again","perSession":6}]}"#, "pricing.addOns[1].id"),
            (r#"{"treatments":{"botox":{"areas":{"face":1},"combinations":[{"areas":["face"],"price":1}]}}}"#, "pricing.treatments.botox.combinations[0].areas"),
            (r#"{"treatments":{"botox":{"areas":{"face":1},"combinations":[{"areas":["face","face"],"price":1}]}}}"#, "pricing.treatments.botox.combinations[0].areas[1]"),
            (r#"{"treatments":{"botox":{"areas":{"face":1}}},"packages":[{"id":"p","name":"P","treatment":"botox","sessions":3,"price":1,"percentOff":5}]}"#, "pricing.packages[0]"),
            (r#"{"treatments":{"botox":{"areas":{"face":1}}},"packages":[{"id":"p","name":"P","treatment":"botox","sessions":0,"percentOff":5}]}"#, "pricing.packages[0].sessions"),
            (r#"{"treatments":{"botox":{"areas":{"face":1}}},"packages":[{"id":"p","name":"P","treatment":"chemical-peel","sessions":2,"percentOff":5}]}"#, "pricing.packages[0].treatment"),
            (r#"{"treatments":{"botox":{"areas":{"face":1,"neck":1}}},"packages":[{"id":"p","name":"P","treatment":"botox","sessions":2,"price":1,"areas":["face","face"]}]}"#, "pricing.packages[0].areas[1]"),
            (r#"{"treatments":{"botox":{"areas":{"face":1}}},"packages":[{"id":"p","name":"P","treatment":"botox","sessions":2,"percentOff":5},{"id":"p","name":"Q","treatment":"botox","sessions":3,"percentOff":6}]}"#, "pricing.packages[1].id"),
            (r#"{"treatments":{"botox":{"areas":{"face":1}}},"memberships":[{"id":"m","name":"M","monthlyFee":50,"percentOff":150}]}"#, "pricing.memberships[0].percentOff"),
            (r#"{"treatments":{"botox":{"areas":{"face":1}}},"memberships":[{"id":"m","name":"M","monthlyFee":50,"percentOff":10},{"id":"m","name":"N","monthlyFee":50,"percentOff":10}]}"#, "pricing.memberships[1].id"),
            (r#"{"treatments":{"botox":{"areas":{"face":1}}},"memberships":[{"id":"m","name":"M","monthlyFee":50,"percentOff":10,"treatments":["botox","botox"]}]}"#, "pricing.memberships[0].treatments[1]"),
            (r#"{"treatments":{"botox":{"areas":{"face":1}}},"financing":{"plans":[{"id":"f","name":"F","months":12,"apr":99}]}}"#, "pricing.financing.plans[0].apr"),
            (r#"{"treatments":{"botox":{"areas":{"face":1}}},"financing":{"plans":[{"id":"f","name":"F","months":12,"apr":0},{"id":"f","name":"G","months":6,"apr":0}]}}"#, "pricing.financing.plans[1].id"),
            (r#"{"treatments":{"botox":{"areas":{"face":1}}},"financing":{"plans":[{"id":"f","name":"0% for 12 months","months":12,"apr":"26.99","deferredInterest":true}]}}"#, "pricing.financing.plans[0].name"),
            (r#"{"treatments":{"botox":{"areas":{"face":1}}},"financing":{"plans":[{"id":"f","name":"Promo","months":12,"apr":0,"deferredInterest":true}]}}"#, "pricing.financing.plans[0].apr"),
            (r#"{"treatments":{"botox":{"areas":{"face":1}}},"tax":{"label":"Tax","percent":"8.255"}}"#, "pricing.tax.percent"),
            (r#"{"treatments":{"botox":{"areas":{"face":1}}},"deposit":{}}"#, "pricing.deposit"),
            (r#"{"treatments":{"botox":{"areas":{"face":99999999}}}}"#, "pricing.treatments.botox.areas.face"),
            (r#"{"treatments":{"botox":{"areas":{"face":1}}},"extra":1}"#, "pricing.extra"),
            (r#"{"treatments":{"botox":{"areas":{"face":1}}},"atHome":{"devicePrice":6,"devicesPerYear":0}}"#, "pricing.atHome.devicesPerYear"),
            (r#"{}"#, "pricing"),
        ];
        for (pricing, path) in cases {
            let e = parse_pricing(pricing).unwrap_err();
            assert_eq!(e.path, path, "{pricing}: {e}");
        }
        // Unknown and missing keys are named in the message.
        assert!(parse_pricing(r#"{"treatments":{"botox":{"areas":{"face":1}}},"extra":1}"#).unwrap_err().message.contains("extra"));
        assert!(parse_pricing(r#"{}"#).unwrap_err().message.contains("treatments"));
    }

    #[test]
    fn a_deferred_interest_plan_is_read_with_its_minimum_payment() {
        let c = parse_pricing(
            r#"{"treatments":{"botox":{"areas":{"face":1}}},"financing":{"plans":[{"id":"cc","name":"No interest if paid in full in 12 months","months":12,"apr":"26.99","deferredInterest":true,"minimumPayment":30}]}}"#,
        )
        .unwrap();
        let plan = &c.pricing.unwrap().financing.plans[0];
        assert!(plan.deferred_interest);
        assert_eq!((plan.apr_bps, plan.minimum_payment), (2_699, 3_000));
    }

    #[test]
    fn a_plan_name_says_nothing_its_terms_do_not_bear_out() {
        let plan = |name: &str, months: u32, apr: &str, deferred: bool| {
            parse_pricing(&format!(
                r#"{{"treatments":{{"botox":{{"areas":{{"face":1}}}}}},"financing":{{"plans":[{{"id":"p","name":{},"months":{months},"apr":"{apr}","deferredInterest":{deferred}}}]}}}}"#,
                serde_json::json!(name)
            ))
        };
        for (name, months, apr, deferred) in [
            ("0% APR for 12 months (promotional)", 12, "0", false),
            ("5.99% APR over 24 months", 24, "5.99", false),
            ("7,9 % über 24 Monate", 24, "7.9", false),
            ("0 % über 12 Monate", 12, "0", false),
            ("No interest if paid in full in 12 months", 12, "26.99", true),
            ("Interest-free for a year", 12, "0", false),
            ("Plan B", 6, "9.9", false),
        ] {
            assert!(plan(name, months, apr, deferred).is_ok(), "{name}: {:?}", plan(name, months, apr, deferred).err());
        }
        for (name, months, apr, deferred, why) in [
            ("0% APR for 12 months", 12, "25.99", false, "says 0% but the plan's APR is 25.99%"),
            ("0\u{a0}% APR", 12, "25.99", false, "says 0%"),
            ("０％ for a year", 12, "25.99", false, "says 0%"),
            ("9.9% APR over 24 months", 12, "9.9", false, "says 24 months but the plan runs for 12 months"),
            ("Just $49 a month!", 12, "9.9", false, "must not state an amount"),
            ("From 49 USD a month", 12, "9.9", false, "must not state an amount"),
            ("No interest for 12 months", 12, "26.99", true, "only with \"if paid in full\""),
            ("0% for 12 months", 12, "26.99", true, "says 0%"),
            ("Interest-free over 12 months", 12, "9.9", false, "says it is interest-free"),
        ] {
            let e = plan(name, months, apr, deferred).unwrap_err();
            assert_eq!(e.path, "pricing.financing.plans[0].name", "{name}");
            assert!(e.message.contains(why), "{name}: {e}");
        }
    }

    #[test]
    fn the_price_cap_follows_the_currency() {
        let parse = |currency: &str, amount: &str| {
            let json = format!(r#"{{"version":1,"clinicName":"X","currency":"{currency}","pricing":{{"treatments":{{"botox":{{"areas":{{"face":{amount}}}}}}}}}}}"#);
            ClinicConfig::from_json(&json, &Catalog::built_in().unwrap())
        };
        // An ordinary Botox price in dong, won and rupiah is accepted...
        assert!(parse("VND", "8500000").is_ok());
        assert!(parse("KRW", "450000").is_ok());
        assert!(parse("IDR", "\"5500000.00\"").is_ok());
        // ...while a dollar price with extra zeros is refused, naming the cap.
        let e = parse("USD", "85000000").unwrap_err();
        assert!(e.message.contains("10000000 USD"), "{e}");
    }

    #[test]
    fn yen_has_no_decimals() {
        let json = r#"{"version":1,"clinicName":"X","currency":"JPY","pricing":{"treatments":{"botox":{"areas":{"face":"15000.5"}}}}}"#;
        let e = ClinicConfig::from_json(json, &Catalog::built_in().unwrap()).unwrap_err();
        assert!(e.message.contains("JPY"), "{e}");
    }

    /// The example config in docs/embedding.md, exactly as published.
    fn docs_example() -> String {
        let docs = include_str!("../../docs/embedding.md");
        let start = docs.find("<!-- example-config -->").expect("the docs mark their example config");
        let block = &docs[start..];
        let open = block.find("```json\n").expect("a json block follows the marker") + "```json\n".len();
        let close = block[open..].find("```").expect("the block ends");
        block[open..open + close].to_string()
    }

    #[test]
    fn the_docs_example_config_does_what_the_docs_say() {
        let catalog = Catalog::built_in().unwrap();
        let config = ClinicConfig::from_json(&docs_example(), &catalog).expect("the published example is valid");
        let book = config.pricing.as_ref().unwrap();
        let pmn = book.treatment("professional-microneedling").unwrap();
        // "The first area listed is the treatment's standard area."
        assert_eq!(pmn.standard_area(), Some("face"));
        let face_only = |sessions: u8, areas: &[&str]| EstimateInput {
            treatment: "professional-microneedling".into(),
            areas: areas.iter().map(|a| a.to_string()).collect(),
            sessions,
            add_ons: vec![],
            spacing_days: 28,
        };
        // "A set-price package applies to its areas (default: the standard area)": the course of 4
        // applies to the face, not to the face and neck together.
        let e = estimate(book, &face_only(4, &["face"])).unwrap();
        assert!(e.options.iter().any(|o| o.choice == PaymentChoice::Package("course-4".into())));
        let e = estimate(book, &face_only(4, &["face", "neck"])).unwrap();
        assert!(!e.options.iter().any(|o| o.choice == PaymentChoice::Package("course-4".into())));
        // "A session is the cheapest way to cover the chosen areas": face and neck together are the
        // combination (280–420), cheaper than the singles (180–320 + 140).
        assert_eq!(e.per_session, Range::new(28_000, 42_000));
        // Course of 4 face sessions: per session 4 × (180–320) = 720–1,280 plus 20 % VAT; the
        // package is 900 plus VAT: 864–1,536 against 1,080. It costs more at the low end.
        let e = estimate(book, &face_only(4, &["face"])).unwrap();
        assert_eq!(e.options[0].total, Range::new(86_400, 153_600));
        let pkg = e.options.iter().find(|o| o.choice == PaymentChoice::Package("course-4".into())).unwrap();
        assert_eq!(pkg.total, Range::exact(108_000));
        // "The deposit (an amount) is due at booking, never more than the total."
        assert_eq!(crate::pricing::deposit(book, Range::new(5_000, 20_000)), Some(Range::new(5_000, 10_000)));
        assert_eq!(book.financing.minimum, 20_000);
        assert!(!book.financing.with_packages);
    }
}
