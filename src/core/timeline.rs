//! Where the plan's picture puts things: the session dates, the settling time after each, when
//! results typically show (as ranges), and the visitor's event, on one time axis with month ticks.
//! Pure layout: positions are shares of the axis in basis points (0 = the axis start, 10,000 = its
//! end), so the picture can place shapes by percentage at any width while its text keeps its size.
//! The dates are the plan's own ([`super::schedule::plan`]), so the picture and the text beside it
//! cannot disagree.

use super::date::Date;
use super::schedule::{Plan, PlanByEvent};

/// The axis end in basis points.
pub const FULL: i32 = 10_000;
/// At most this many month ticks: beyond, every second, third, sixth or twelfth month.
pub const MAX_TICKS: usize = 8;

/// A date and its place on the axis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    pub date: Date,
    pub at: i32,
}

/// A stretch of days and its place on the axis (`from` to `to`, both included).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub from: Mark,
    pub to: Mark,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timeline {
    pub start: Date,
    pub end: Date,
    pub sessions: Vec<Mark>,
    /// After each session, the days the skin typically needs to settle (the treatment's
    /// early-results time, as the event answer counts it); none when the catalog gives no timeline.
    pub settling: Vec<Span>,
    pub first_changes: Option<Mark>,
    pub full_results: Option<Span>,
    pub event: Option<EventMark>,
    /// The first day of each shown month inside the axis.
    pub ticks: Vec<Mark>,
}

/// The visitor's event, and whether the plan is ready by it: every session done and settled, and
/// the full-results window typically begun (the same test as the text's answer).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EventMark {
    pub mark: Mark,
    pub ready: bool,
}

/// The axis runs from the first session to the latest of: the last session's settling, the end
/// of the full-results window, and the event; a week is added at the end so a mark on the last
/// day is not cut by the edge.
pub fn timeline(plan: &Plan, settle_days: Option<u16>, event: Option<(Date, PlanByEvent)>) -> Timeline {
    let start = plan.sessions.first().copied().unwrap_or_else(|| Date::from_ymd(2000, 1, 1).expect("a valid date"));
    let last = plan.sessions.last().copied().unwrap_or(start);
    let settle = settle_days.map(i32::from);
    let mut end = last.add_days(settle.unwrap_or(0));
    if let Some(results) = plan.results {
        end = end.max(results.full_to);
    }
    if let Some((date, _)) = event {
        end = end.max(date);
    }
    let end = end.add_days(7);
    let span = start.days_until(end).max(1);
    // Rounded to the nearest basis point; dates before the start (an event in the past) sit at 0.
    let at = |date: Date| -> i32 {
        let days = i64::from(start.days_until(date).clamp(0, span));
        ((days * i64::from(FULL) * 2 + i64::from(span)) / (2 * i64::from(span))) as i32
    };
    let mark = |date: Date| Mark { date, at: at(date) };
    Timeline {
        start,
        end,
        sessions: plan.sessions.iter().map(|&d| mark(d)).collect(),
        settling: settle
            .map(|days| plan.sessions.iter().map(|&d| Span { from: mark(d), to: mark(d.add_days(days)) }).collect())
            .unwrap_or_default(),
        first_changes: plan.results.map(|r| mark(r.early)),
        full_results: plan.results.map(|r| Span { from: mark(r.full_from), to: mark(r.full_to) }),
        event: event.map(|(date, by)| EventMark { mark: mark(date), ready: by.fits() }),
        ticks: month_ticks(start, end).into_iter().map(mark).collect(),
    }
}

/// The first day of every month after `start` up to `end` (included), thinned to at most
/// [`MAX_TICKS`] by keeping every second, third, sixth or twelfth month (counted from January, so
/// the kept months are the same whatever the start), and beyond that every so many Januaries.
fn month_ticks(start: Date, end: Date) -> Vec<Date> {
    let (mut year, mut month, _) = start.ymd();
    let mut all = Vec::new();
    loop {
        month += 1;
        if month > 12 {
            month = 1;
            year += 1;
        }
        let Some(first) = Date::from_ymd(year, month, 1) else { break };
        if first > end {
            break;
        }
        all.push(first);
    }
    for step in [1u32, 2, 3, 6, 12] {
        let kept: Vec<Date> = all.iter().copied().filter(|d| (d.ymd().1 - 1) % step == 0).collect();
        if kept.len() <= MAX_TICKS {
            return kept;
        }
    }
    // Beyond eight years: every second (third, ...) January.
    let januaries: Vec<Date> = all.into_iter().filter(|d| d.ymd().1 == 1).collect();
    let every = januaries.len().div_ceil(MAX_TICKS).max(1);
    januaries.into_iter().step_by(every).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Fact, ResultsTimeline};
    use crate::schedule::{plan, plan_by_event};
    use proptest::prelude::*;

    fn d(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    fn results(early: u16, full_min: u16, full_max: u16) -> ResultsTimeline {
        let fact = Fact { text: String::new(), sources: vec![] };
        ResultsTimeline { early_days: early, early: fact.clone(), full_days_min: full_min, full_days_max: full_max, full: fact }
    }

    #[test]
    fn a_microneedling_course_worked_by_hand() {
        // 3 sessions 28 days apart from 4 Jan 2027; results: first changes at 7 days, full from 90
        // to 180 days. The axis: 4 Jan 2027 to 3 Jul 2027 (day 180) + 7 = 10 Jul 2027, 187 days.
        let r = results(7, 90, 180);
        let p = plan(d("2027-01-04"), 3, 28, Some(&r));
        let t = timeline(&p, Some(7), None);
        assert_eq!((t.start, t.end), (d("2027-01-04"), d("2027-07-10")));
        // Session 2 is day 28: 28 / 187 = 14.97 % → 1,497; session 3, day 56: 29.95 % → 2,995.
        assert_eq!(t.sessions.iter().map(|m| m.at).collect::<Vec<_>>(), vec![0, 1497, 2995]);
        // Settling: day 0-7 (374), 28-35 (1,872), 56-63 (3,369).
        assert_eq!(t.settling.iter().map(|s| (s.from.at, s.to.at)).collect::<Vec<_>>(), vec![(0, 374), (1497, 1872), (2995, 3369)]);
        assert_eq!(t.first_changes.map(|m| (m.date, m.at)), Some((d("2027-01-11"), 374)));
        // Full results: day 90 (4,813) to day 180 (9,626).
        assert_eq!(t.full_results.map(|s| (s.from.date, s.from.at, s.to.date, s.to.at)), Some((d("2027-04-04"), 4813, d("2027-07-03"), 9626)));
        // Month ticks: 1 Feb (day 28) ... 1 Jul (day 178): six, all shown.
        assert_eq!(t.ticks.iter().map(|m| m.date).collect::<Vec<_>>(), ["2027-02-01", "2027-03-01", "2027-04-01", "2027-05-01", "2027-06-01", "2027-07-01"].map(d));
        assert_eq!(t.ticks[0].at, 1497);
        assert_eq!(t.event, None);
    }

    #[test]
    fn an_event_stretches_the_axis_and_says_whether_the_plan_is_ready() {
        let r = results(7, 90, 180);
        let p = plan(d("2027-01-04"), 3, 28, Some(&r));
        // An event a year on: the axis reaches it; everything is done and full results have begun.
        let later = d("2028-01-04");
        let t = timeline(&p, Some(7), Some((later, plan_by_event(&p, later, &r))));
        assert_eq!(t.end, d("2028-01-11"));
        let event = t.event.unwrap();
        assert!(event.ready);
        assert_eq!(event.mark.at, 9812); // 365 of 372 days: 98.118 %
        // 2027-02 .. 2028-01: twelve months, thinned to every second month from January.
        assert_eq!(t.ticks.iter().map(|m| m.date).collect::<Vec<_>>(), ["2027-03-01", "2027-05-01", "2027-07-01", "2027-09-01", "2027-11-01", "2028-01-01"].map(d));
        // An event three weeks in: the third session is not even booked by then.
        let soon = d("2027-01-25");
        let t = timeline(&p, Some(7), Some((soon, plan_by_event(&p, soon, &r))));
        assert!(!t.event.unwrap().ready);
        assert_eq!(t.end, d("2027-07-10"), "the results window still sets the end");
    }

    #[test]
    fn a_treatment_without_a_timeline_shows_sessions_only() {
        let p = plan(d("2027-03-10"), 1, 0, None);
        let t = timeline(&p, None, None);
        assert_eq!(t.sessions, vec![Mark { date: d("2027-03-10"), at: 0 }]);
        assert!(t.settling.is_empty() && t.first_changes.is_none() && t.full_results.is_none());
        assert_eq!(t.end, d("2027-03-17"));
        assert!(t.ticks.is_empty(), "no first of a month between 10 and 17 March");
    }

    fn tick_dates(t: &Timeline) -> Vec<Date> {
        t.ticks.iter().map(|m| m.date).collect()
    }

    #[test]
    fn month_ticks_turn_the_year_and_reach_the_last_day() {
        // From 4 Oct 2027, results to day 180 (1 Apr 2028), + a week: December and the new year.
        let p = plan(d("2027-10-04"), 3, 28, Some(&results(7, 90, 180)));
        let t = timeline(&p, Some(7), None);
        assert_eq!(tick_dates(&t), ["2027-11-01", "2027-12-01", "2028-01-01", "2028-02-01", "2028-03-01", "2028-04-01"].map(d));
        // One session on 25 Jul: the axis ends on 1 Aug, which is a tick, at the very end.
        let t = timeline(&plan(d("2027-07-25"), 1, 0, None), None, None);
        assert_eq!(t.ticks, vec![Mark { date: d("2027-08-01"), at: FULL }]);
    }

    #[test]
    fn long_axes_keep_every_third_month_then_januaries() {
        let r = results(7, 90, 180);
        let p = plan(d("2027-01-04"), 3, 28, Some(&r));
        // Two years: 24 months; every second is 12, too many; every third from January is 8.
        let e = d("2029-01-04");
        let t = timeline(&p, Some(7), Some((e, plan_by_event(&p, e, &r))));
        assert_eq!(tick_dates(&t), ["2027-04-01", "2027-07-01", "2027-10-01", "2028-01-01", "2028-04-01", "2028-07-01", "2028-10-01", "2029-01-01"].map(d));
        // Ten years: ten Januaries are too many; every second one.
        let e = d("2037-01-04");
        let t = timeline(&p, Some(7), Some((e, plan_by_event(&p, e, &r))));
        assert_eq!(tick_dates(&t), ["2028-01-01", "2030-01-01", "2032-01-01", "2034-01-01", "2036-01-01"].map(d));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]

        /// Every mark lies on the axis, in date order, at its own date's share of the axis (within
        /// rounding), and the ticks are firsts of months inside the axis, at most MAX_TICKS.
        #[test]
        fn marks_stay_on_the_axis_in_date_order(
            start_day in 0i32..3_000, sessions in 1u8..=24, spacing in 0u16..=120,
            early in 1u16..=30, full_min in 1u16..=400, extra in 0u16..=400, event_day in proptest::option::of(-30i32..6_000),
        ) {
            let start = d("2026-01-01").add_days(start_day);
            let r = results(early, full_min, full_min + extra);
            let p = plan(start, sessions, spacing, Some(&r));
            let event = event_day.map(|n| { let e = start.add_days(n); (e, plan_by_event(&p, e, &r)) });
            let t = timeline(&p, Some(early), event);
            let span = f64::from(t.start.days_until(t.end));
            let mut marks: Vec<Mark> = t.sessions.clone();
            marks.extend(t.settling.iter().flat_map(|s| [s.from, s.to]));
            marks.extend(t.first_changes);
            marks.extend(t.full_results.iter().flat_map(|s| [s.from, s.to]));
            marks.extend(t.ticks.iter().copied());
            marks.extend(t.event.map(|e| e.mark));
            for m in &marks {
                prop_assert!((0..=FULL).contains(&m.at), "{m:?}");
                let share = f64::from(t.start.days_until(m.date).max(0)) / span * f64::from(FULL);
                prop_assert!((f64::from(m.at) - share).abs() <= 0.5 + 1e-9, "{m:?} against {share}"); // half rounds up
            }
            prop_assert!(t.sessions.windows(2).all(|w| w[0].at <= w[1].at && w[0].date < w[1].date));
            prop_assert!(t.end > *p.sessions.last().unwrap());
            prop_assert!(t.ticks.len() <= MAX_TICKS);
            prop_assert!(t.ticks.iter().all(|m| m.date.ymd().2 == 1 && m.date > t.start && m.date <= t.end));
            if let Some((e, by)) = event {
                prop_assert!(t.end > e || e < t.start);
                prop_assert_eq!(t.event.unwrap().ready, by.settled_sessions == by.sessions && by.full_results_window_begun);
            }
        }
    }
}
