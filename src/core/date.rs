//! Calendar dates without a time zone (the day a session is booked for), and the day arithmetic the
//! plan needs. Uses the proleptic Gregorian calendar via day numbers (days since 1970-01-01).

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Days since 1970-01-01; ordering and differences are plain integer arithmetic.
    day: i32,
}

/// What a visitor has typed into a date field so far (`<input type="date">` gives `YYYY-MM-DD`,
/// or nothing while the date is incomplete).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateEntry {
    Empty,
    /// A year still being typed: browsers give `0002-03-01`, `0020-03-01`, `0202-03-01` on the way
    /// to `2027-03-01`. Not a mistake yet, so no message and nothing changes.
    StillTyping,
    NotADate,
    Past(Date),
    Date(Date),
}

impl DateEntry {
    pub fn read(text: &str, today: Date) -> DateEntry {
        let text = text.trim();
        if text.is_empty() {
            return DateEntry::Empty;
        }
        let year_typed_so_far = text.len() == 10 && text.as_bytes()[4] == b'-' && text.starts_with('0') && text[..4].bytes().all(|b| b.is_ascii_digit());
        if year_typed_so_far {
            return DateEntry::StillTyping;
        }
        match Date::parse(text) {
            None => DateEntry::NotADate,
            Some(d) if d < today => DateEntry::Past(d),
            Some(d) => DateEntry::Date(d),
        }
    }
}

impl Date {
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) || !(1900..=2200).contains(&year) {
            return None;
        }
        Some(Date { day: days_from_civil(year, month, day) })
    }

    /// Parses `YYYY-MM-DD` (what `<input type="date">` gives).
    pub fn parse(text: &str) -> Option<Date> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |s: &str| s.bytes().all(|c| c.is_ascii_digit()).then(|| s.parse().ok()).flatten();
        Date::from_ymd(num(&text[0..4])? as i32, num(&text[5..7])?, num(&text[8..10])?)
    }

    pub fn ymd(self) -> (i32, u32, u32) {
        civil_from_days(self.day)
    }

    pub fn add_days(self, days: i32) -> Date {
        Date { day: self.day + days }
    }

    /// `other - self` in days.
    pub fn days_until(self, other: Date) -> i32 {
        other.day - self.day
    }

    /// Days since 1970-01-01, for handing to the browser's date formatting.
    pub fn epoch_days(self) -> i32 {
        self.day
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

fn is_leap(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if is_leap(year) => 29,
        _ => 28,
    }
}

// Howard Hinnant's days_from_civil / civil_from_days.
fn days_from_civil(y: i32, m: u32, d: u32) -> i32 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = (y - era * 400) as u32;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe as i32 - 719_468
}

fn civil_from_days(z: i32) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = (z - era * 146_097) as u32;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe as i32 + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod calendar_edges {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn leap_years_follow_the_four_hundred_year_rule() {
        // Divisible by 400: leap (2000). By 100 but not 400: not (1900, 2100). By 4: leap (2024).
        for (year, february) in [(2000, 29), (1900, 28), (2100, 28), (2024, 29), (2023, 28)] {
            assert!(Date::from_ymd(year, 2, february).is_some(), "{year}-02-{february}");
            assert_eq!(Date::from_ymd(year, 2, february + 1), None, "{year}-02-{}", february + 1);
        }
    }

    #[test]
    fn the_last_day_of_the_algorithms_400_year_cycle_and_the_epoch() {
        // 2000-02-29 closes one of the calendar algorithm's 400-year cycles (they start in March).
        let leap_day = Date::from_ymd(2000, 2, 29).unwrap();
        assert_eq!((leap_day.ymd(), leap_day.add_days(1).ymd(), leap_day.add_days(-1).ymd()), ((2000, 2, 29), (2000, 3, 1), (2000, 2, 28)));
        // Days since 1970-01-01: 30 years of 365 days and the 7 leap days from 1972 to 1996.
        assert_eq!(Date::from_ymd(1970, 1, 1).unwrap().epoch_days(), 0);
        assert_eq!(Date::from_ymd(2000, 1, 1).unwrap().epoch_days(), 30 * 365 + 7);
    }

    #[test]
    fn both_separators_must_be_dashes() {
        assert_eq!(Date::parse("2026/12-06"), None);
        assert_eq!(Date::parse("2026-12/06"), None);
        assert!(Date::parse("2026-12-06").is_some());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]

        /// The conversion holds far outside the widget's years too (before year 0 and after
        /// 4000), so no branch of it is left unchecked.
        #[test]
        fn days_and_dates_convert_both_ways_in_any_year(day in -2_000_000i32..2_000_000) {
            let (y, m, d) = civil_from_days(day);
            prop_assert!((1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m));
            prop_assert_eq!(days_from_civil(y, m, d), day);
            // The next day is the next date.
            let (y2, m2, d2) = civil_from_days(day + 1);
            let next = if d < days_in_month(y, m) { (y, m, d + 1) } else if m < 12 { (y, m + 1, 1) } else { (y + 1, 1, 1) };
            prop_assert_eq!((y2, m2, d2), next);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_being_typed_is_not_a_mistake_until_it_is_whole() {
        let today = Date::from_ymd(2026, 11, 23).unwrap();
        let read = |t: &str| DateEntry::read(t, today);
        // Typing 03 01 2027 into a date field: the browser's value after each digit of the year.
        for partial in ["0002-03-01", "0020-03-01", "0202-03-01"] {
            assert_eq!(read(partial), DateEntry::StillTyping, "{partial}");
        }
        assert_eq!(read("2027-03-01"), DateEntry::Date(Date::from_ymd(2027, 3, 1).unwrap()));
        assert_eq!(read("2026-11-23"), DateEntry::Date(today), "today is not past");
        assert_eq!(read("2026-11-22"), DateEntry::Past(Date::from_ymd(2026, 11, 22).unwrap()));
        assert_eq!(read(""), DateEntry::Empty);
        assert_eq!(read("  "), DateEntry::Empty);
        for bad in ["2027-02-30", "1899-05-01", "27-03-01", "March 1", "2027-3-1"] {
            assert_eq!(read(bad), DateEntry::NotADate, "{bad}");
        }
    }

    #[test]
    fn parses_and_prints_iso_dates() {
        let d = Date::parse("2026-11-22").unwrap();
        assert_eq!(d.ymd(), (2026, 11, 22));
        assert_eq!(d.to_string(), "2026-11-22");
        assert_eq!(Date::from_ymd(1970, 1, 1).unwrap().epoch_days(), 0);
        for bad in ["2026-02-29", "2026-13-01", "2026-1-01", "26-01-01", "", "2026-00-10", "abcd-ef-gh", "2026-04-31"] {
            assert!(Date::parse(bad).is_none(), "{bad}");
        }
        assert!(Date::parse("2028-02-29").is_some(), "leap year");
    }

    #[test]
    fn crosses_month_and_year_ends() {
        let d = Date::parse("2026-12-20").unwrap();
        assert_eq!(d.add_days(28).to_string(), "2027-01-17");
        assert_eq!(Date::parse("2028-02-01").unwrap().add_days(28).to_string(), "2028-02-29");
        assert_eq!(Date::parse("2027-02-01").unwrap().add_days(28).to_string(), "2027-03-01");
        assert_eq!(Date::parse("2026-01-31").unwrap().days_until(Date::parse("2026-03-01").unwrap()), 29);
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn days_round_trip(day in -25_000i32..80_000) {
            let d = Date { day };
            let (y, m, dd) = d.ymd();
            if (1900..=2200).contains(&y) {
                prop_assert_eq!(Date::from_ymd(y, m, dd), Some(d));
                prop_assert_eq!(Date::parse(&d.to_string()), Some(d));
            }
        }

        #[test]
        fn adding_days_is_exact(day in 0i32..60_000, add in -3000i32..3000) {
            let d = Date { day };
            prop_assert_eq!(d.days_until(d.add_days(add)), add);
        }
    }
}
