//! Reading the `pricing` part of a clinic's config into a [`PriceBook`], checking every value and
//! naming the exact path of anything wrong (`pricing.packages[1].sessions`).
//!
//! Amounts are written in major units, as a clinic would ("149.50" or 149.5, never cents) and
//! converted exactly; a number with more decimals than the currency has is refused.

use serde_json::{Map, Value};

use super::catalog::Catalog;
use super::config::ConfigError;
use super::financing::{MAX_APR_BPS, MAX_MONTHS};
use super::money::{parse_major, BasisPoints, Currency, FULL_BPS};
use super::pricing::{
    AddOn, AtHome, Combination, Deal, Deposit, FinancePlan, Financing, Membership, Package, PriceBook, PriceSource, Range, Tax,
    TreatmentPrices,
};

/// The largest single amount accepted, in major units: a guard against typos like an extra zero… or five.
const MAX_MAJOR: i64 = 1_000_000;

fn err(path: &str, message: impl Into<String>) -> ConfigError {
    ConfigError { path: path.to_string(), message: message.into() }
}

struct Reader<'a> {
    currency: Currency,
    catalog: &'a Catalog,
}

fn object<'v>(v: &'v Value, path: &str) -> Result<&'v Map<String, Value>, ConfigError> {
    v.as_object().ok_or_else(|| err(path, "must be an object"))
}

fn array<'v>(v: &'v Value, path: &str) -> Result<&'v Vec<Value>, ConfigError> {
    v.as_array().ok_or_else(|| err(path, "must be a list"))
}

fn check_keys(map: &Map<String, Value>, path: &str, allowed: &[&str]) -> Result<(), ConfigError> {
    for key in map.keys() {
        if !allowed.contains(&key.as_str()) {
            return Err(err(&join(path, key), format!("unknown key; expected one of: {}", allowed.join(", "))));
        }
    }
    Ok(())
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn text(map: &Map<String, Value>, path: &str, key: &str, max: usize) -> Result<String, ConfigError> {
    let at = join(path, key);
    let s = map.get(key).and_then(Value::as_str).ok_or_else(|| err(&at, "must be text"))?.trim().to_string();
    if s.is_empty() || s.chars().count() > max || s.chars().any(char::is_control) {
        return Err(err(&at, format!("must be 1 to {max} characters of plain text")));
    }
    Ok(s)
}

fn optional_text(map: &Map<String, Value>, path: &str, key: &str, max: usize) -> Result<Option<String>, ConfigError> {
    match map.get(key) {
        None => Ok(None),
        Some(_) => text(map, path, key, max).map(Some),
    }
}

fn whole(map: &Map<String, Value>, path: &str, key: &str, min: u64, max: u64) -> Result<u64, ConfigError> {
    let at = join(path, key);
    map.get(key)
        .and_then(Value::as_u64)
        .filter(|n| (min..=max).contains(n))
        .ok_or_else(|| err(&at, format!("must be a whole number from {min} to {max}")))
}

fn flag(map: &Map<String, Value>, path: &str, key: &str, default: bool) -> Result<bool, ConfigError> {
    match map.get(key) {
        None => Ok(default),
        Some(v) => v.as_bool().ok_or_else(|| err(&join(path, key), "must be true or false")),
    }
}

/// A decimal written as a number or a string, as text ("149.5"). Numbers go through the shortest
/// representation that reads back the same, which is the decimal the clinic typed.
fn decimal_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A percentage such as 15 or "8.25", as basis points (at most 100 %).
fn percent(v: Option<&Value>, path: &str) -> Result<BasisPoints, ConfigError> {
    let two_places = Currency::USD;
    let bps = v
        .and_then(decimal_text)
        .and_then(|t| parse_major(&t, two_places))
        .filter(|b| *b <= i64::from(FULL_BPS))
        .ok_or_else(|| err(path, "must be a percentage from 0 to 100 with at most two decimals, such as 15 or \"8.25\""))?;
    Ok(bps as BasisPoints)
}

impl Reader<'_> {
    fn amount(&self, v: Option<&Value>, path: &str) -> Result<i64, ConfigError> {
        let digits = self.currency.minor_digits;
        let minor = v.and_then(decimal_text).and_then(|t| parse_major(&t, self.currency)).ok_or_else(|| {
            err(path, format!("must be an amount in {} such as 150 or \"149.50\" (at most {digits} decimals, not negative)", self.currency.code()))
        })?;
        if minor > MAX_MAJOR * self.currency.minor_per_major() {
            return Err(err(path, format!("is more than {MAX_MAJOR} {}", self.currency.code())));
        }
        Ok(minor)
    }

    /// A price: one amount, or `{ "low": …, "high": … }`.
    fn price(&self, v: Option<&Value>, path: &str) -> Result<Range, ConfigError> {
        match v {
            Some(Value::Object(map)) => {
                check_keys(map, path, &["low", "high"])?;
                let low = self.amount(map.get("low"), &join(path, "low"))?;
                let high = self.amount(map.get("high"), &join(path, "high"))?;
                if low > high {
                    return Err(err(path, "low must not be above high"));
                }
                Ok(Range::new(low, high))
            }
            other => self.amount(other, path).map(Range::exact),
        }
    }

    fn area(&self, v: &Value, path: &str) -> Result<String, ConfigError> {
        let id = v.as_str().ok_or_else(|| err(path, "must be an area id"))?;
        if self.catalog.area(id).is_none() {
            let known: Vec<&str> = self.catalog.areas.iter().map(|a| a.id.as_str()).collect();
            return Err(err(path, format!("{id:?} is not an area; known areas: {}", known.join(", "))));
        }
        Ok(id.to_string())
    }

    fn treatment_id(&self, v: Option<&Value>, path: &str) -> Result<String, ConfigError> {
        let id = v.and_then(Value::as_str).ok_or_else(|| err(path, "must be a treatment id"))?;
        if self.catalog.treatment(id).is_none() {
            return Err(err(path, format!("{id:?} is not a treatment id")));
        }
        Ok(id.to_string())
    }
}

fn id(map: &Map<String, Value>, path: &str) -> Result<String, ConfigError> {
    let at = join(path, "id");
    let id = map.get("id").and_then(Value::as_str).ok_or_else(|| err(&at, "must be text"))?;
    let ok = !id.is_empty()
        && id.len() <= 40
        && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if !ok {
        return Err(err(&at, "must be 1 to 40 letters, digits, - or _"));
    }
    Ok(id.to_string())
}

/// Reads `pricing`. `path` is where it sits in the config (for messages).
pub fn read(value: &Value, currency: Currency, catalog: &Catalog) -> Result<PriceBook, ConfigError> {
    let r = Reader { currency, catalog };
    let p = "pricing";
    let root = object(value, p)?;
    check_keys(root, p, &["treatments", "addOns", "packages", "memberships", "financing", "tax", "deposit", "atHome", "sourceNote", "priceSources"])?;

    let mut add_ons = Vec::new();
    if let Some(v) = root.get("addOns") {
        for (i, a) in array(v, "pricing.addOns")?.iter().enumerate() {
            let at = format!("pricing.addOns[{i}]");
            let m = object(a, &at)?;
            check_keys(m, &at, &["id", "name", "perSession"])?;
            let add_on = AddOn { id: id(m, &at)?, name: text(m, &at, "name", 60)?, per_session: r.price(m.get("perSession"), &join(&at, "perSession"))? };
            if add_ons.iter().any(|x: &AddOn| x.id == add_on.id) {
                return Err(err(&join(&at, "id"), format!("{:?} is used twice", add_on.id)));
            }
            add_ons.push(add_on);
        }
    }

    let mut treatments = Vec::new();
    let tmap = object(root.get("treatments").ok_or_else(|| err("pricing.treatments", "is required"))?, "pricing.treatments")?;
    for (tid, tv) in tmap {
        let at = format!("pricing.treatments.{tid}");
        if catalog.treatment(tid).is_none() {
            return Err(err(&at, format!("{tid:?} is not a treatment id")));
        }
        let m = object(tv, &at)?;
        check_keys(m, &at, &["areas", "combinations", "addOns"])?;
        let areas_at = join(&at, "areas");
        let areas_map = object(m.get("areas").ok_or_else(|| err(&areas_at, "is required"))?, &areas_at)?;
        if areas_map.is_empty() {
            return Err(err(&areas_at, "must price at least one area"));
        }
        let mut areas = Vec::new();
        for (area, price) in areas_map {
            let area_at = join(&areas_at, area);
            r.area(&Value::String(area.clone()), &area_at)?;
            areas.push((area.clone(), r.price(Some(price), &area_at)?));
        }
        let mut combinations = Vec::new();
        if let Some(v) = m.get("combinations") {
            for (i, c) in array(v, &join(&at, "combinations"))?.iter().enumerate() {
                let cat = format!("{at}.combinations[{i}]");
                let cm = object(c, &cat)?;
                check_keys(cm, &cat, &["areas", "price"])?;
                let mut list = Vec::new();
                for (j, a) in array(cm.get("areas").unwrap_or(&Value::Null), &join(&cat, "areas"))?.iter().enumerate() {
                    let area = r.area(a, &format!("{cat}.areas[{j}]"))?;
                    if list.contains(&area) {
                        return Err(err(&format!("{cat}.areas[{j}]"), "is listed twice"));
                    }
                    list.push(area);
                }
                if list.len() < 2 {
                    return Err(err(&join(&cat, "areas"), "a combination needs at least two areas"));
                }
                combinations.push(Combination { areas: list, price: r.price(cm.get("price"), &join(&cat, "price"))? });
            }
        }
        let mut offered_add_ons = Vec::new();
        if let Some(v) = m.get("addOns") {
            for (i, a) in array(v, &join(&at, "addOns"))?.iter().enumerate() {
                let aat = format!("{at}.addOns[{i}]");
                let aid = a.as_str().ok_or_else(|| err(&aat, "must be an add-on id"))?;
                if !add_ons.iter().any(|x| x.id == aid) {
                    return Err(err(&aat, format!("{aid:?} is not in pricing.addOns")));
                }
                offered_add_ons.push(aid.to_string());
            }
        }
        treatments.push(TreatmentPrices { treatment: tid.clone(), areas, combinations, add_ons: offered_add_ons });
    }

    let mut packages = Vec::new();
    if let Some(v) = root.get("packages") {
        for (i, pv) in array(v, "pricing.packages")?.iter().enumerate() {
            let at = format!("pricing.packages[{i}]");
            let m = object(pv, &at)?;
            check_keys(m, &at, &["id", "name", "treatment", "sessions", "price", "areas", "percentOff"])?;
            let treatment = r.treatment_id(m.get("treatment"), &join(&at, "treatment"))?;
            if !treatments.iter().any(|t| t.treatment == treatment) {
                return Err(err(&join(&at, "treatment"), format!("{treatment:?} has no prices in pricing.treatments")));
            }
            let deal = match (m.get("price"), m.get("percentOff")) {
                (Some(price), None) => {
                    let prices = treatments.iter().find(|t| t.treatment == treatment);
                    let areas = match m.get("areas") {
                        Some(list) => {
                            let mut out = Vec::new();
                            for (j, a) in array(list, &join(&at, "areas"))?.iter().enumerate() {
                                out.push(r.area(a, &format!("{at}.areas[{j}]"))?);
                            }
                            out
                        }
                        // By default a set-price package is for the treatment's standard area.
                        None => prices.and_then(|t| t.standard_area()).map(|a| vec![a.to_string()]).unwrap_or_default(),
                    };
                    Deal::SetPrice { price: r.price(Some(price), &join(&at, "price"))?, areas }
                }
                (None, Some(pct)) => Deal::PercentOff(percent(Some(pct), &join(&at, "percentOff"))?),
                _ => return Err(err(&at, "needs either a price or a percentOff, not both")),
            };
            packages.push(Package {
                id: id(m, &at)?,
                name: text(m, &at, "name", 60)?,
                treatment,
                sessions: whole(m, &at, "sessions", 1, 24)? as u8,
                deal,
            });
        }
    }

    let mut memberships = Vec::new();
    if let Some(v) = root.get("memberships") {
        for (i, mv) in array(v, "pricing.memberships")?.iter().enumerate() {
            let at = format!("pricing.memberships[{i}]");
            let m = object(mv, &at)?;
            check_keys(m, &at, &["id", "name", "monthlyFee", "percentOff", "minimumMonths", "treatments"])?;
            let mut covered = Vec::new();
            if let Some(list) = m.get("treatments") {
                for (j, t) in array(list, &join(&at, "treatments"))?.iter().enumerate() {
                    covered.push(r.treatment_id(Some(t), &format!("{at}.treatments[{j}]"))?);
                }
            }
            memberships.push(Membership {
                id: id(m, &at)?,
                name: text(m, &at, "name", 60)?,
                monthly_fee: r.price(m.get("monthlyFee"), &join(&at, "monthlyFee"))?,
                percent_off: percent(m.get("percentOff"), &join(&at, "percentOff"))?,
                minimum_months: match m.get("minimumMonths") {
                    None => 1,
                    Some(_) => whole(m, &at, "minimumMonths", 1, 36)? as u8,
                },
                treatments: covered,
            });
        }
    }

    let mut financing = Financing { with_packages: true, with_memberships: true, ..Financing::default() };
    if let Some(v) = root.get("financing") {
        let at = "pricing.financing";
        let m = object(v, at)?;
        check_keys(m, at, &["plans", "minimumAmount", "withPackages", "withMemberships", "lender"])?;
        for (i, pv) in array(m.get("plans").unwrap_or(&Value::Null), &join(at, "plans"))?.iter().enumerate() {
            let pat = format!("{at}.plans[{i}]");
            let pm = object(pv, &pat)?;
            check_keys(pm, &pat, &["id", "name", "months", "apr"])?;
            let apr = percent(pm.get("apr"), &join(&pat, "apr"))?;
            if apr > MAX_APR_BPS {
                return Err(err(&join(&pat, "apr"), format!("must be at most {}%", MAX_APR_BPS / 100)));
            }
            financing.plans.push(FinancePlan {
                id: id(pm, &pat)?,
                name: text(pm, &pat, "name", 60)?,
                months: whole(pm, &pat, "months", 1, u64::from(MAX_MONTHS))? as u16,
                apr_bps: apr,
            });
        }
        if m.contains_key("minimumAmount") {
            financing.minimum = r.amount(m.get("minimumAmount"), &join(at, "minimumAmount"))?;
        }
        financing.with_packages = flag(m, at, "withPackages", true)?;
        financing.with_memberships = flag(m, at, "withMemberships", true)?;
        financing.lender = optional_text(m, at, "lender", 160)?;
    }

    let tax = match root.get("tax") {
        None => None,
        Some(v) => {
            let m = object(v, "pricing.tax")?;
            check_keys(m, "pricing.tax", &["label", "percent"])?;
            Some(Tax { label: text(m, "pricing.tax", "label", 40)?, bps: percent(m.get("percent"), "pricing.tax.percent")? })
        }
    };

    let deposit = match root.get("deposit") {
        None => None,
        Some(v) => {
            let m = object(v, "pricing.deposit")?;
            check_keys(m, "pricing.deposit", &["percent", "amount"])?;
            Some(match (m.get("percent"), m.get("amount")) {
                (Some(p), None) => Deposit::Percent(percent(Some(p), "pricing.deposit.percent")?),
                (None, Some(a)) => Deposit::Fixed(r.amount(Some(a), "pricing.deposit.amount")?),
                _ => return Err(err("pricing.deposit", "needs either a percent or an amount")),
            })
        }
    };

    let at_home = match root.get("atHome") {
        None => None,
        Some(v) => {
            let at = "pricing.atHome";
            let m = object(v, at)?;
            check_keys(m, at, &["devicePrice", "devicesPerYear", "note"])?;
            Some(AtHome {
                device: r.price(m.get("devicePrice"), &join(at, "devicePrice"))?,
                devices_per_year: whole(m, at, "devicesPerYear", 1, 52)? as u8,
                note: optional_text(m, at, "note", 240)?,
            })
        }
    };

    let mut price_sources = Vec::new();
    if let Some(v) = root.get("priceSources") {
        for (i, sv) in array(v, "pricing.priceSources")?.iter().enumerate() {
            let at = format!("pricing.priceSources[{i}]");
            let m = object(sv, &at)?;
            check_keys(m, &at, &["item", "figure", "source"])?;
            price_sources.push(PriceSource {
                item: text(m, &at, "item", 120)?,
                figure: text(m, &at, "figure", 160)?,
                source: text(m, &at, "source", 200)?,
            });
        }
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
        source_note: optional_text(root, p, "sourceNote", 400)?,
    })
}
