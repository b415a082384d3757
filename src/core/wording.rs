//! Turning the catalog's numbers into plain words ("every 4–6 weeks", "0.25–0.5 mm").

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

/// A span of days in the unit a person would use: days, weeks or months.
pub fn days_range(min: u16, max: u16) -> String {
    let (min, max) = (min.min(max), min.max(max));
    let unit = |d: u16| -> (u16, &'static str) {
        if max >= 84 && d % 30 < 8 || max >= 84 && d >= 84 {
            (((d + 15) / 30).max(1), "month")
        } else if max >= 14 && d % 7 == 0 {
            (d / 7, "week")
        } else if max >= 14 {
            (((d + 3) / 7).max(1), "week")
        } else {
            (d, "day")
        }
    };
    let (a, unit_a) = unit(min);
    let (b, unit_b) = unit(max);
    let plural = |n: u16, u: &str| if n == 1 { format!("{n} {u}") } else { format!("{n} {u}s") };
    if a == b && unit_a == unit_b {
        plural(a, unit_a)
    } else if unit_a == unit_b {
        format!("{a}–{}", plural(b, unit_b))
    } else {
        format!("{} to {}", plural(a, unit_a), plural(b, unit_b))
    }
}

/// A typical course in words: "3–6 sessions, every 4–6 weeks", "1 session", or for a single
/// treatment repeated to keep its effect, "1 session; repeat visits every 3–4 months".
pub fn course(c: &super::catalog::Course) -> String {
    let sessions = count_range(c.sessions_min, c.sessions_max, "session");
    match (c.sessions_max, c.spacing_days_max) {
        (_, 0) => sessions,
        (1, _) => format!("{sessions}; repeat visits every {}", days_range(c.spacing_days_min, c.spacing_days_max)),
        _ => format!("{sessions}, every {}", days_range(c.spacing_days_min, c.spacing_days_max)),
    }
}

pub fn count_range(min: u8, max: u8, noun: &str) -> String {
    match (min, max) {
        (1, 1) => format!("1 {noun}"),
        (a, b) if a == b => format!("{a} {noun}s"),
        (a, b) => format!("{a}–{b} {noun}s"),
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
        assert_eq!(days_range(28, 42), "4–6 weeks");
        assert_eq!(days_range(90, 180), "3–6 months");
        assert_eq!(days_range(7, 7), "7 days");
        assert_eq!(days_range(10, 14), "1–2 weeks");
        assert_eq!(days_range(7, 28), "1–4 weeks");
        assert_eq!(days_range(90, 120), "3–4 months");
        assert_eq!(days_range(84, 168), "3–6 months");
        assert_eq!(days_range(1, 2), "1–2 days");
        assert_eq!(days_range(60, 120), "2–4 months");
    }

    #[test]
    fn courses_in_words() {
        use crate::core::catalog::{Course, Fact};
        let c = |min, max, typical, gap_min, gap_max| Course {
            sessions_min: min,
            sessions_max: max,
            sessions_typical: typical,
            spacing_days_min: gap_min,
            spacing_days_max: gap_max,
            fact: Fact { text: String::new(), sources: vec![] },
        };
        assert_eq!(course(&c(3, 6, 3, 28, 42)), "3–6 sessions, every 4–6 weeks");
        assert_eq!(course(&c(1, 1, 1, 0, 0)), "1 session");
        assert_eq!(course(&c(1, 1, 1, 90, 120)), "1 session; repeat visits every 3–4 months");
    }

    #[test]
    fn counts() {
        assert_eq!(count_range(3, 6, "session"), "3–6 sessions");
        assert_eq!(count_range(1, 1, "session"), "1 session");
        assert_eq!(count_range(5, 5, "session"), "5 sessions");
    }
}
