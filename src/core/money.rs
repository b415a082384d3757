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
}

/// Currencies and their minor units (ISO 4217). A clinic's currency must be one of these, so a
/// typo such as "USS" is caught when the config loads instead of showing wrong amounts.
const KNOWN: &[(&str, u8)] = &[
    ("AED", 2), ("ARS", 2), ("AUD", 2), ("BGN", 2), ("BHD", 3), ("BRL", 2), ("CAD", 2), ("CHF", 2),
    ("CLP", 0), ("CNY", 2), ("COP", 2), ("CZK", 2), ("DKK", 2), ("EGP", 2), ("EUR", 2), ("GBP", 2),
    ("HKD", 2), ("HUF", 2), ("IDR", 2), ("ILS", 2), ("INR", 2), ("ISK", 0), ("JOD", 3), ("JPY", 0),
    ("KRW", 0), ("KWD", 3), ("MAD", 2), ("MXN", 2), ("MYR", 2), ("NGN", 2), ("NOK", 2), ("NZD", 2),
    ("OMR", 3), ("PEN", 2), ("PHP", 2), ("PKR", 2), ("PLN", 2), ("QAR", 2), ("RON", 2), ("SAR", 2),
    ("SEK", 2), ("SGD", 2), ("THB", 2), ("TRY", 2), ("TWD", 2), ("UAH", 2), ("USD", 2), ("VND", 0),
    ("ZAR", 2),
];

impl Currency {
    pub const USD: Currency = Currency { code: *b"USD", minor_digits: 2 };

    pub fn from_code(code: &str) -> Option<Currency> {
        KNOWN.iter().find(|(c, _)| *c == code).map(|(c, digits)| {
            let b = c.as_bytes();
            Currency { code: [b[0], b[1], b[2]], minor_digits: *digits }
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
    fn renders_plain_amounts() {
        assert_eq!(plain(123_450, usd()), "1234.50 USD");
        assert_eq!(plain(-5, usd()), "-0.05 USD");
        assert_eq!(plain(1500, Currency::from_code("JPY").unwrap()), "1500 JPY");
    }
}
