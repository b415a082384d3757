//! Money in integer minor units (cents, pence, yen), and percentages in basis points.
//!
//! The one rounding rule, used everywhere a fraction of a minor unit appears: round half away
//! from zero to the nearest minor unit. [`round_div`] is the only place it is applied.

use serde::{Deserialize, Serialize};

/// An ISO 4217 currency the widget knows the minor units of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Currency {
    code: [u8; 3],
    /// Digits after the decimal point (2 for USD, 0 for JPY, 3 for KWD).
    pub minor_digits: u8,
    /// The largest price a clinic may write, as a power of ten in major units (see [`KNOWN`]).
    cap_exponent: u8,
}

/// Currencies: code, minor units (ISO 4217), and the cap on a single price as a power of ten in
/// major units: 10^7 times the currency's units per US dollar, rounded down to a power of ten
/// (10^7 dollars, 10^9 yen at about 150 to the dollar, 10^11 dong at about 25 000), one power
/// higher where high inflation or a rate near the next power would soon make it too tight (CLP,
/// EGP, MAD, TRY). No real treatment price comes near it in any currency, while an
/// everyday price typed with four extra zeros goes over it. A clinic's currency must be
/// in this table, so a typo such as "USS" is caught when the config loads.
const KNOWN: &[(&str, u8, u8)] = &[
    ("AED", 2, 7), ("ARS", 2, 10), ("AUD", 2, 7), ("BGN", 2, 7), ("BHD", 3, 7), ("BRL", 2, 7), ("CAD", 2, 7),
    ("CHF", 2, 7), ("CLP", 0, 10), ("CNY", 2, 7), ("COP", 2, 10), ("CZK", 2, 8), ("DKK", 2, 7), ("EGP", 2, 9),
    ("EUR", 2, 7), ("GBP", 2, 7), ("HKD", 2, 7), ("HUF", 2, 9), ("IDR", 2, 11), ("ILS", 2, 7), ("INR", 2, 8),
    ("ISK", 0, 9), ("JOD", 3, 7), ("JPY", 0, 9), ("KRW", 0, 10), ("KWD", 3, 7), ("MAD", 2, 8), ("MXN", 2, 8),
    ("MYR", 2, 7), ("NGN", 2, 10), ("NOK", 2, 8), ("NZD", 2, 7), ("OMR", 3, 7), ("PEN", 2, 7), ("PHP", 2, 8),
    ("PKR", 2, 9), ("PLN", 2, 7), ("QAR", 2, 7), ("RON", 2, 7), ("SAR", 2, 7), ("SEK", 2, 8), ("SGD", 2, 7),
    ("THB", 2, 8), ("TRY", 2, 9), ("TWD", 2, 8), ("UAH", 2, 8), ("USD", 2, 7), ("VND", 0, 11), ("ZAR", 2, 8),
];

impl Currency {
    pub const USD: Currency = Currency { code: *b"USD", minor_digits: 2, cap_exponent: 7 };

    pub fn from_code(code: &str) -> Option<Currency> {
        KNOWN.iter().find(|(c, _, _)| *c == code).map(|(c, digits, cap)| {
            let b = c.as_bytes();
            Currency { code: [b[0], b[1], b[2]], minor_digits: *digits, cap_exponent: *cap }
        })
    }

    pub fn code(&self) -> &str {
        // Built only from the ASCII table above.
        std::str::from_utf8(&self.code).unwrap_or("XXX")
    }

    /// How many minor units make one major unit (100 for USD).
    pub fn minor_per_major(&self) -> i64 {
        10_i64.pow(u32::from(self.minor_digits))
    }

    /// The largest single price a config may hold, in major units (10 000 000 for USD).
    pub fn max_major(&self) -> i64 {
        10_i64.pow(u32::from(self.cap_exponent))
    }

    /// The same cap in minor units. At most 10^13, so sums over any course stay far inside `i64`.
    pub fn max_minor(&self) -> i64 {
        self.max_major() * self.minor_per_major()
    }
}

/// Basis points: 1 bp = 0.01 %, 10 000 bp = 100 %.
pub type BasisPoints = u32;

pub const FULL_BPS: BasisPoints = 10_000;

/// `numerator / denominator`, rounded half away from zero. The single rounding rule.
pub fn round_div(numerator: i128, denominator: i128) -> i128 {
    debug_assert!(denominator > 0);
    let q = numerator / denominator;
    let r = numerator % denominator;
    if 2 * r.abs() >= denominator {
        q + numerator.signum()
    } else {
        q
    }
}

/// `amount * bps / 10 000`, rounded by the one rule.
pub fn apply_bps(amount_minor: i64, bps: BasisPoints) -> i64 {
    round_div(i128::from(amount_minor) * i128::from(bps), i128::from(FULL_BPS)) as i64
}

/// Parses a decimal amount in major units ("149.5", "1200") into minor units, exactly.
/// Rejects more decimals than the currency has, signs, exponents and anything that is not a number.
pub fn parse_major(text: &str, currency: Currency) -> Option<i64> {
    let text = text.trim();
    let (whole, frac) = match text.split_once('.') {
        Some((w, f)) => (w, f),
        None => (text, ""),
    };
    if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) || whole.len() > 12 {
        return None;
    }
    if frac.len() > usize::from(currency.minor_digits) || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if text.contains('.') && frac.is_empty() {
        return None;
    }
    let whole: i64 = whole.parse().ok()?;
    let mut frac_minor: i64 = if frac.is_empty() { 0 } else { frac.parse().ok()? };
    for _ in frac.len()..usize::from(currency.minor_digits) {
        frac_minor *= 10;
    }
    whole.checked_mul(currency.minor_per_major())?.checked_add(frac_minor)
}

/// Plain, locale-free rendering used in messages and tests ("1234.50 USD"); the view formats
/// money with the browser's `Intl` instead.
pub fn plain(amount_minor: i64, currency: Currency) -> String {
    let per = currency.minor_per_major();
    let sign = if amount_minor < 0 { "-" } else { "" };
    let abs = amount_minor.unsigned_abs() as i64;
    if currency.minor_digits == 0 {
        format!("{sign}{abs} {}", currency.code())
    } else {
        format!("{sign}{}.{:0width$} {}", abs / per, abs % per, currency.code(), width = usize::from(currency.minor_digits))
    }
}

/// Basis points as a plain percentage, for messages and as a fallback where `Intl` is missing:
/// 1500 → "15%", 825 → "8.25%", 550 → "5.5%".
pub fn plain_percent(bps: BasisPoints) -> String {
    let (whole, frac) = (bps / 100, bps % 100);
    match frac {
        0 => format!("{whole}%"),
        f if f % 10 == 0 => format!("{whole}.{}%", f / 10),
        f => format!("{whole}.{f:02}%"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn usd() -> Currency {
        Currency::from_code("USD").unwrap()
    }

    #[test]
    fn rounds_half_away_from_zero() {
        assert_eq!(round_div(5, 10), 1);
        assert_eq!(round_div(4, 10), 0);
        assert_eq!(round_div(15, 10), 2);
        assert_eq!(round_div(-15, 10), -2);
        assert_eq!(round_div(-14, 10), -1);
    }

    #[test]
    fn applies_basis_points() {
        assert_eq!(apply_bps(10_000, 1_500), 1_500); // 15 % of $100.00
        assert_eq!(apply_bps(333, 5_000), 167); // half of $3.33 rounds up to $1.67
        assert_eq!(apply_bps(0, 2_000), 0);
    }

    #[test]
    fn parses_major_units_exactly() {
        assert_eq!(parse_major("149.5", usd()), Some(14_950));
        assert_eq!(parse_major("1200", usd()), Some(120_000));
        assert_eq!(parse_major("0.07", usd()), Some(7));
        assert_eq!(parse_major("1.234", usd()), None);
        assert_eq!(parse_major("-5", usd()), None);
        assert_eq!(parse_major("1e3", usd()), None);
        assert_eq!(parse_major("5.", usd()), None);
        assert_eq!(parse_major("1500", Currency::from_code("JPY").unwrap()), Some(1_500));
        assert_eq!(parse_major("1.5", Currency::from_code("JPY").unwrap()), None);
    }

    #[test]
    fn knows_minor_units() {
        assert_eq!(Currency::from_code("JPY").unwrap().minor_digits, 0);
        assert_eq!(Currency::from_code("KWD").unwrap().minor_per_major(), 1000);
        assert_eq!(Currency::from_code("EUR").unwrap().code(), "EUR");
        assert!(Currency::from_code("usd").is_none());
        assert!(Currency::from_code("USS").is_none());
    }

    #[test]
    fn every_currency_takes_an_everyday_price_and_refuses_a_typo_of_extra_zeros() {
        // An everyday facial price in each currency's own terms, in major units, written
        // independently of the cap table from 2026 price levels (about $150–$5 000).
        let everyday: &[(&str, i64)] = &[
            ("USD", 5_000), ("EUR", 5_000), ("GBP", 4_000), ("JPY", 750_000), ("KRW", 7_000_000),
            ("VND", 130_000_000), ("IDR", 80_000_000), ("COP", 20_000_000), ("CLP", 4_500_000),
            ("HUF", 1_800_000), ("ISK", 700_000), ("KWD", 1_500), ("TRY", 200_000), ("ARS", 6_000_000),
            ("NGN", 7_500_000), ("INR", 420_000), ("PKR", 1_400_000),
        ];
        for (code, price) in everyday {
            let c = Currency::from_code(code).unwrap();
            assert!(*price <= c.max_major(), "{code}: {price} must be accepted");
            // The same price with four extra zeros is a typo and must be refused.
            assert!(price * 10_000 > c.max_major(), "{code}: {price}0000 must be refused");
        }
        for (code, _, _) in KNOWN {
            let c = Currency::from_code(code).unwrap();
            assert!(c.max_minor() <= 10_000_000_000_000, "{code}: sums must stay far inside i64");
        }
    }

    #[test]
    fn twelve_digits_of_whole_units_at_most_and_zero_has_no_sign() {
        let usd = Currency::from_code("USD").unwrap();
        assert_eq!(parse_major("999999999999", usd), Some(99_999_999_999_900));
        assert_eq!(parse_major("1000000000000", usd), None);
        assert_eq!(plain(0, usd), "0.00 USD");
        assert_eq!(plain(-5, usd), "-0.05 USD");
    }

    #[test]
    fn the_cap_in_minor_units_is_the_same_amount() {
        // $10,000,000 is 1,000,000,000 cents; ¥ has no minor unit; 1 KWD is 1,000 fils.
        let usd = Currency::from_code("USD").unwrap();
        assert_eq!((usd.max_major(), usd.max_minor()), (10_000_000, 1_000_000_000));
        let jpy = Currency::from_code("JPY").unwrap();
        assert_eq!(jpy.max_minor(), jpy.max_major());
        let kwd = Currency::from_code("KWD").unwrap();
        assert_eq!(kwd.max_minor(), kwd.max_major() * 1_000);
    }

    #[test]
    fn plain_percentages() {
        assert_eq!(plain_percent(1_500), "15%");
        assert_eq!(plain_percent(825), "8.25%");
        assert_eq!(plain_percent(550), "5.5%");
        assert_eq!(plain_percent(5), "0.05%");
        assert_eq!(plain_percent(10_000), "100%");
    }

    #[test]
    fn renders_plain_amounts() {
        assert_eq!(plain(123_450, usd()), "1234.50 USD");
        assert_eq!(plain(-5, usd()), "-0.05 USD");
        assert_eq!(plain(1500, Currency::from_code("JPY").unwrap()), "1500 JPY");
    }
}
