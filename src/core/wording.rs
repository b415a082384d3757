//! Turning the catalog's numbers into plain words in the visitor's language ("every 4–6 weeks",
//! "0.25–0.5 mm"). Which unit a span of days is said in is decided here, language-free
//! ([`span`]); the words come from the strings ([`Texts`]).

use super::catalog::Course;
use super::texts::Texts;

/// Hundredths of a millimetre as millimetres: 25 → "0.25", 50 → "0.5", 250 → "2.5".
pub fn mm(hundredths: u16) -> String {
    let whole = hundredths / 100;
    let frac = hundredths % 100;
    match frac {
        0 => format!("{whole}"),
        f if f % 10 == 0 => format!("{whole}.{}", f / 10),
        f => format!("{whole}.{f:02}"),
    }
}

pub fn mm_range(min: u16, max: u16) -> String {
    if min == max {
        format!("{} mm", mm(min))
    } else {
        format!("{}–{} mm", mm(min), mm(max))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    Day,
    Week,
    Month,
}

impl Unit {
    fn key(self) -> &'static str {
        match self {
            Unit::Day => "unit.day",
            Unit::Week => "unit.week",
            Unit::Month => "unit.month",
        }
    }
}

/// A span of days as a person would say it: (from, unit) to (to, unit).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Span {
    pub from: (u16, Unit),
    pub to: (u16, Unit),
}

/// Days in the unit a person would use: days, weeks or months.
pub fn span(min: u16, max: u16) -> Span {
    let (min, max) = (min.min(max), min.max(max));
    let unit = |d: u16| -> (u16, Unit) {
        if max >= 84 && d % 30 < 8 || max >= 84 && d >= 84 {
            (((d + 15) / 30).max(1), Unit::Month)
        } else if max >= 14 && d % 7 == 0 {
            (d / 7, Unit::Week)
        } else if max >= 14 {
            (((d + 3) / 7).max(1), Unit::Week)
        } else {
            (d, Unit::Day)
        }
    };
    Span { from: unit(min), to: unit(max) }
}

/// "4–6 weeks", "3 months", "1 week to 3 months".
pub fn days_range(t: &Texts, min: u16, max: u16) -> String {
    let Span { from: (a, unit_a), to: (b, unit_b) } = span(min, max);
    if a == b && unit_a == unit_b {
        t.count(unit_b.key(), b, &[])
    } else if unit_a == unit_b {
        t.fill("span.range", &[("from", &a.to_string()), ("to", &t.count(unit_b.key(), b, &[]))])
    } else {
        t.fill("span.to", &[("from", &t.count(unit_a.key(), a, &[])), ("to", &t.count(unit_b.key(), b, &[]))])
    }
}

/// "3–6 sessions", "1 session".
pub fn count_range(t: &Texts, min: u8, max: u8, noun: &str) -> String {
    if min == max {
        t.count(noun, max, &[])
    } else {
        t.fill("span.range", &[("from", &min.to_string()), ("to", &t.count(noun, max, &[]))])
    }
}

/// A typical course in words: "3–6 sessions, every 4–6 weeks", "1 session", or for a single
/// treatment repeated to keep its effect, "1 session; repeat visits every 3–4 months".
pub fn course(t: &Texts, c: &Course) -> String {
    let sessions = count_range(t, c.sessions_min, c.sessions_max, "sessions");
    match (c.sessions_max, c.spacing_days_max) {
        (_, 0) => sessions,
        (1, _) => t.fill("course.repeat", &[("sessions", &sessions), ("spacing", &days_range(t, c.spacing_days_min, c.spacing_days_max))]),
        _ => t.fill("course.every", &[("sessions", &sessions), ("spacing", &days_range(t, c.spacing_days_min, c.spacing_days_max))]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn millimetres() {
        assert_eq!(mm(25), "0.25");
        assert_eq!(mm(50), "0.5");
        assert_eq!(mm(250), "2.5");
        assert_eq!(mm(200), "2");
        assert_eq!(mm_range(25, 50), "0.25–0.5 mm");
        assert_eq!(mm_range(50, 50), "0.5 mm");
    }

    #[test]
    fn day_spans_in_natural_units() {
        let t = Texts::english();
        assert_eq!(days_range(&t, 28, 42), "4–6 weeks");
        assert_eq!(days_range(&t, 90, 180), "3–6 months");
        assert_eq!(days_range(&t, 7, 7), "7 days");
        assert_eq!(days_range(&t, 10, 14), "1–2 weeks");
        assert_eq!(days_range(&t, 7, 28), "1–4 weeks");
        assert_eq!(days_range(&t, 90, 120), "3–4 months");
        assert_eq!(days_range(&t, 84, 168), "3–6 months");
        assert_eq!(days_range(&t, 1, 2), "1–2 days");
        assert_eq!(days_range(&t, 60, 120), "2–4 months");
        assert_eq!(days_range(&t, 21, 90), "3 weeks to 3 months");
        assert_eq!(span(97, 97), span(90, 90), "97 days is said as 3 months too");
        // Days that are not whole weeks round to the nearest week (19 days is nearer 3 weeks).
        assert_eq!(days_range(&t, 19, 30), "3–4 weeks");
        assert_eq!(days_range(&t, 17, 24), "2–3 weeks");
        assert_eq!(days_range(&t, 5, 14), "1–2 weeks", "under a week, beside weeks, is 1 week");
        // Beside months, a day count said in months only within a week past a whole month:
        // 37 days is "1 month", 38 (a month and 8 days) is still said in weeks.
        assert_eq!(days_range(&t, 37, 90), "1–3 months");
        assert_eq!(days_range(&t, 38, 90), "5 weeks to 3 months");
    }

    #[test]
    fn counts_and_courses() {
        use crate::catalog::Fact;
        let t = Texts::english();
        assert_eq!(count_range(&t, 3, 6, "sessions"), "3–6 sessions");
        assert_eq!(count_range(&t, 1, 1, "sessions"), "1 session");
        assert_eq!(count_range(&t, 5, 5, "sessions"), "5 sessions");
        let c = |min, max, typical, gap_min, gap_max| Course {
            sessions_min: min,
            sessions_max: max,
            sessions_typical: typical,
            spacing_days_min: gap_min,
            spacing_days_max: gap_max,
            fact: Fact { text: String::new(), sources: vec![] },
        };
        assert_eq!(course(&t, &c(3, 6, 3, 28, 42)), "3–6 sessions, every 4–6 weeks");
        assert_eq!(course(&t, &c(1, 1, 1, 0, 0)), "1 session");
        assert_eq!(course(&t, &c(1, 1, 1, 90, 120)), "1 session; repeat visits every 3–4 months");
    }
}
