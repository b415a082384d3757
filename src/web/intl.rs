//! Money, numbers and dates in the clinic's locale, by the browser's `Intl`.
//!
//! The bindings are declared with `catch` so a locale the browser rejects becomes an error we
//! handle (falling back to en-US), never an exception unwinding through Rust.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::core::date::Date;
use crate::core::money::{BasisPoints, Currency};
use crate::core::pricing::Range;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = NumberFormat)]
    type NumberFormat;
    #[wasm_bindgen(catch, constructor, js_namespace = Intl, js_class = "NumberFormat")]
    fn new(locales: &Array, options: &Object) -> Result<NumberFormat, JsValue>;
    #[wasm_bindgen(method, js_class = "NumberFormat")]
    fn format(this: &NumberFormat, value: f64) -> String;

    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
    type DateTimeFormat;
    #[wasm_bindgen(catch, constructor, js_namespace = Intl, js_class = "DateTimeFormat")]
    fn new(locales: &Array, options: &Object) -> Result<DateTimeFormat, JsValue>;
    #[wasm_bindgen(method, js_class = "DateTimeFormat", js_name = format)]
    fn format_date(this: &DateTimeFormat, date: &js_sys::Date) -> String;
}

fn options(pairs: &[(&str, &str)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    o
}

/// Formatters for one clinic's locale and currency.
pub struct Formats {
    currency: Currency,
    money: Option<NumberFormat>,
    /// Whole units ("$2,000"), for a chart's axis.
    money_whole: Option<NumberFormat>,
    percent: Option<NumberFormat>,
    date: Option<DateTimeFormat>,
    long_date: Option<DateTimeFormat>,
    /// "Feb", for the plan's timeline.
    month: Option<DateTimeFormat>,
}

impl PartialEq for Formats {
    fn eq(&self, other: &Self) -> bool {
        self.currency == other.currency
    }
}

impl Formats {
    pub fn new(locale: &str, currency: Currency) -> Formats {
        let build = |locale: &str| -> Option<(NumberFormat, NumberFormat, DateTimeFormat, DateTimeFormat, DateTimeFormat, NumberFormat)> {
            let locales = Array::of1(&JsValue::from_str(locale));
            let money = NumberFormat::new(&locales, &options(&[("style", "currency"), ("currency", currency.code())])).ok()?;
            let percent = NumberFormat::new(&locales, &options(&[("style", "percent"), ("maximumFractionDigits", "2")])).ok()?;
            let date = DateTimeFormat::new(&locales, &options(&[("dateStyle", "medium"), ("timeZone", "UTC")])).ok()?;
            let long = DateTimeFormat::new(&locales, &options(&[("dateStyle", "full"), ("timeZone", "UTC")])).ok()?;
            let month = DateTimeFormat::new(&locales, &options(&[("month", "short"), ("timeZone", "UTC")])).ok()?;
            let whole = NumberFormat::new(&locales, &options(&[("style", "currency"), ("currency", currency.code()), ("minimumFractionDigits", "0"), ("maximumFractionDigits", "0")])).ok()?;
            Some((money, percent, date, long, month, whole))
        };
        let built = build(locale).or_else(|| {
            gloo::console::warn!(format!("[treatment-widget] the browser does not accept the locale {locale:?}; using en-US"));
            build("en-US")
        });
        match built {
            Some((money, percent, date, long, month, whole)) => Formats {
                currency, money: Some(money), money_whole: Some(whole), percent: Some(percent), date: Some(date), long_date: Some(long), month: Some(month),
            },
            None => Formats { currency, money: None, money_whole: None, percent: None, date: None, long_date: None, month: None },
        }
    }

    /// An amount in minor units, e.g. "$1,250.00" or "1.250,00 €". Converting to a float here is
    /// for display only; no arithmetic happens on it.
    pub fn money(&self, minor: i64) -> String {
        let major = minor as f64 / self.currency.minor_per_major() as f64;
        match &self.money {
            Some(f) => f.format(major),
            None => crate::core::money::plain(minor, self.currency),
        }
    }

    /// An amount in whole units, rounded: "$2,000" (for an axis whose ticks are round amounts).
    pub fn money_whole(&self, minor: i64) -> String {
        let major = minor as f64 / self.currency.minor_per_major() as f64;
        match &self.money_whole {
            Some(f) => f.format(major),
            None => crate::core::money::plain(minor, self.currency),
        }
    }

    /// "$150.00 – $700.00", or one amount when the range is exact.
    pub fn range(&self, r: Range) -> String {
        if r.is_exact() {
            self.money(r.low)
        } else {
            format!("{} – {}", self.money(r.low), self.money(r.high))
        }
    }

    /// Basis points as a percentage in the locale: 825 → "8.25%" (en-US), "8,25 %" (de-DE).
    pub fn percent(&self, bps: BasisPoints) -> String {
        match &self.percent {
            Some(f) => f.format(f64::from(bps) / 10_000.0),
            None => crate::core::money::plain_percent(bps),
        }
    }

    /// Two amounts as a range, the smaller first (for figures that rounding can leave out of order).
    pub fn between(&self, r: Range) -> String {
        self.range(Range::new(r.low.min(r.high), r.low.max(r.high)))
    }

    pub fn date(&self, d: Date) -> String {
        self.format_with(&self.date, d)
    }

    pub fn long_date(&self, d: Date) -> String {
        self.format_with(&self.long_date, d)
    }

    /// The month of `d`, short: "Feb" (en-US), "feb" (es-US).
    pub fn month(&self, d: Date) -> String {
        match &self.month {
            Some(f) => Self::js_format(f, d),
            None => format!("{:02}", d.ymd().1),
        }
    }

    fn format_with(&self, f: &Option<DateTimeFormat>, d: Date) -> String {
        match f {
            Some(f) => Self::js_format(f, d),
            None => d.to_string(),
        }
    }

    fn js_format(f: &DateTimeFormat, d: Date) -> String {
        let js = js_sys::Date::new(&JsValue::from_f64(f64::from(d.epoch_days()) * 86_400_000.0));
        f.format_date(&js)
    }
}

/// Today's date where the visitor is.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date::from_ymd(now.get_full_year() as i32, now.get_month() + 1, now.get_date())
        .unwrap_or_else(|| Date::from_ymd(2026, 1, 1).expect("a valid constant date"))
}
