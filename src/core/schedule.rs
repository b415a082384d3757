//! The plan: session dates at the treatment's spacing, when results are expected, and the reverse
//! question, "I have an event on date X".

use super::catalog::ResultsTimeline;
use super::date::Date;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    pub sessions: Vec<Date>,
    /// When results typically show, when the catalog gives a timeline for the treatment.
    pub results: Option<ResultsWindow>,
}

/// When results typically show, counted from the first session. Results vary from person to
/// person; the view always says "typically".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ResultsWindow {
    /// The first visible change.
    pub early: Date,
    pub full_from: Date,
    pub full_to: Date,
    /// True when the last session falls after the start of the full-results window (results keep
    /// building after the last session).
    pub course_outlasts_window_start: bool,
}

/// Session dates `spacing_days` apart from `start`. Two sessions never share a day: a spacing of
/// 0 (a treatment done once) gives one session whatever `sessions` says.
pub fn plan(start: Date, sessions: u8, spacing_days: u16, results: Option<&ResultsTimeline>) -> Plan {
    let count = if spacing_days == 0 { 1 } else { i32::from(sessions.max(1)) };
    let sessions: Vec<Date> = (0..count).map(|k| start.add_days(k * i32::from(spacing_days))).collect();
    let last = *sessions.last().unwrap_or(&start);
    let results = results.map(|r| {
        let full_from = start.add_days(i32::from(r.full_days_min));
        ResultsWindow {
            early: start.add_days(i32::from(r.early_days)),
            full_from,
            full_to: start.add_days(i32::from(r.full_days_max)),
            course_outlasts_window_start: last > full_from,
        }
    });
    Plan { sessions, results }
}

/// What fits before an event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EventFit {
    /// The whole course fits: starting on or before this date, the course is done, the skin has
    /// settled after the last session, and the full-results window has typically begun by the event.
    StartBy { latest_start: Date },
    /// Starting today, only this many sessions fit with time to settle before the event.
    SessionsFit { sessions: u8, full_results_by_event: bool },
    /// Not even one session fits with time to settle before the event.
    TooSoon,
}

/// How the visitor's own plan meets an event: how many of its sessions are done with time to
/// settle (the early-results days) before the event, and whether the full-results window has
/// typically begun by then.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlanByEvent {
    pub settled_sessions: u8,
    pub sessions: u8,
    pub full_results_window_begun: bool,
}

impl PlanByEvent {
    /// Every session done and settled, and full results typically begun.
    pub fn fits(&self) -> bool {
        self.settled_sessions == self.sessions && self.full_results_window_begun
    }
}

pub fn plan_by_event(plan: &Plan, event: Date, results: &ResultsTimeline) -> PlanByEvent {
    let settle = i32::from(results.early_days);
    let settled = plan.sessions.iter().filter(|d| d.add_days(settle) <= event).count();
    PlanByEvent {
        settled_sessions: settled.min(255) as u8,
        sessions: plan.sessions.len().min(255) as u8,
        full_results_window_begun: plan.results.is_some_and(|r| r.full_from <= event),
    }
}

/// `settle` is the days the skin needs after a session before the event: the treatment's
/// early-results time (about a week for microneedling), when redness has typically passed.
pub fn fit_event(today: Date, event: Date, sessions: u8, spacing_days: u16, results: &ResultsTimeline) -> EventFit {
    let settle = i32::from(results.early_days);
    let spacing = i32::from(spacing_days);
    let sessions = if spacing == 0 { 1 } else { sessions.max(1) };
    let course = (i32::from(sessions) - 1) * spacing + settle;
    let needed = course.max(i32::from(results.full_days_min));
    let latest_start = event.add_days(-needed);
    if latest_start >= today {
        return EventFit::StartBy { latest_start };
    }
    let available = today.days_until(event);
    if available < settle {
        return EventFit::TooSoon;
    }
    let fit = if spacing == 0 { 1 } else { (available - settle) / spacing + 1 };
    let fit = fit.clamp(1, i32::from(sessions)) as u8;
    EventFit::SessionsFit { sessions: fit, full_results_by_event: available >= i32::from(results.full_days_min) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Fact;

    fn timeline(early: u16, full_min: u16, full_max: u16) -> ResultsTimeline {
        let f = Fact { text: String::new(), sources: vec![] };
        ResultsTimeline { early_days: early, early: f.clone(), full_days_min: full_min, full_days_max: full_max, full: f }
    }

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn sessions_land_at_the_spacing_across_year_ends() {
        let p = plan(d("2026-11-30"), 4, 28, Some(&timeline(7, 90, 180)));
        let dates: Vec<String> = p.sessions.iter().map(|x| x.to_string()).collect();
        assert_eq!(dates, ["2026-11-30", "2026-12-28", "2027-01-25", "2027-02-22"]);
        let r = p.results.unwrap();
        assert_eq!(r.early.to_string(), "2026-12-07");
        assert_eq!(r.full_from.to_string(), "2027-02-28");
        assert_eq!(r.full_to.to_string(), "2027-05-29");
        assert!(!r.course_outlasts_window_start, "the last session (Feb 22) is before the window opens (Feb 28)");
        // 6 sessions 42 days apart end on day 210, after the window opens on day 90.
        assert!(plan(d("2026-01-01"), 6, 42, Some(&timeline(7, 90, 180))).results.unwrap().course_outlasts_window_start);
        // The last session exactly on the day the window opens does not outlast it.
        assert!(!plan(d("2026-01-01"), 4, 30, Some(&timeline(7, 90, 180))).results.unwrap().course_outlasts_window_start);
        assert!(plan(d("2026-01-01"), 4, 31, Some(&timeline(7, 90, 180))).results.unwrap().course_outlasts_window_start);
    }

    #[test]
    fn sessions_never_share_a_day() {
        // A treatment without spacing is done once, however many sessions were asked for.
        let p = plan(d("2026-11-30"), 3, 0, Some(&timeline(21, 90, 180)));
        assert_eq!(p.sessions, vec![d("2026-11-30")]);
        assert!(plan(d("2026-11-30"), 3, 28, None).results.is_none(), "no timeline, no results dates");
    }

    #[test]
    fn an_event_far_enough_away_gives_the_latest_start() {
        // 3 sessions 28 days apart + 7 days to settle = 63 days; full results need 90: 90 wins.
        let fit = fit_event(d("2026-11-22"), d("2027-06-01"), 3, 28, &timeline(7, 90, 180));
        assert_eq!(fit, EventFit::StartBy { latest_start: d("2027-03-03") });
        // 6 sessions 42 days apart + 7 = 217 days, more than 90.
        let fit = fit_event(d("2026-01-01"), d("2026-12-31"), 6, 42, &timeline(7, 90, 180));
        assert_eq!(fit, EventFit::StartBy { latest_start: d("2026-12-31").add_days(-217) });
    }

    #[test]
    fn the_visitors_own_plan_is_checked_against_the_event() {
        let t = timeline(7, 90, 180);
        // Start 2027-01-04, 3 sessions 28 days apart: Jan 4, Feb 1, Mar 1; full results from Apr 4.
        let p = plan(d("2027-01-04"), 3, 28, Some(&t));
        let by = |e: &str| plan_by_event(&p, d(e), &t);
        assert_eq!(by("2027-04-04"), PlanByEvent { settled_sessions: 3, sessions: 3, full_results_window_begun: true });
        assert!(by("2027-04-04").fits());
        assert_eq!(by("2027-04-03"), PlanByEvent { settled_sessions: 3, sessions: 3, full_results_window_begun: false });
        // Mar 1 + 7 days = Mar 8: an event on Mar 7 has only two sessions settled.
        assert_eq!(by("2027-03-07"), PlanByEvent { settled_sessions: 2, sessions: 3, full_results_window_begun: false });
        assert_eq!(by("2027-03-08").settled_sessions, 3);
        // The plan fits only when both hold: all settled and the full-results window begun.
        assert!(!by("2027-04-03").fits(), "settled, but full results not yet typical");
        assert!(!by("2027-03-07").fits());
        assert!(!PlanByEvent { settled_sessions: 2, sessions: 3, full_results_window_begun: true }.fits(), "a session still healing");
    }

    #[test]
    fn a_near_event_says_how_many_sessions_fit() {
        // 40 days away: sessions on day 0 and 28 fit (28 + 7 <= 40), not day 56.
        let fit = fit_event(d("2026-12-20"), d("2027-01-29"), 4, 28, &timeline(7, 90, 180));
        assert_eq!(fit, EventFit::SessionsFit { sessions: 2, full_results_by_event: false });
        assert_eq!(fit_event(d("2026-12-20"), d("2026-12-24"), 4, 28, &timeline(7, 90, 180)), EventFit::TooSoon);
        // Exactly the week to settle: one session today is settled on the day.
        assert_eq!(fit_event(d("2026-12-20"), d("2026-12-27"), 4, 28, &timeline(7, 90, 180)), EventFit::SessionsFit { sessions: 1, full_results_by_event: false });
        assert_eq!(fit_event(d("2026-12-20"), d("2026-12-26"), 4, 28, &timeline(7, 90, 180)), EventFit::TooSoon, "a day short");
        assert_eq!(fit_event(d("2026-12-20"), d("2026-12-10"), 4, 28, &timeline(7, 90, 180)), EventFit::TooSoon, "past events");
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use crate::catalog::Fact;
    use proptest::prelude::*;

    fn timeline(early: u16, full_min: u16) -> ResultsTimeline {
        let f = Fact { text: String::new(), sources: vec![] };
        ResultsTimeline { early_days: early, early: f.clone(), full_days_min: full_min, full_days_max: full_min * 2, full: f }
    }

    proptest! {
        #[test]
        fn every_gap_is_the_spacing(start in 0i32..40_000, n in 1u8..12, spacing in 1u16..60) {
            let p = plan(Date::from_ymd(1970, 1, 1).unwrap().add_days(start), n, spacing, Some(&timeline(7, 90)));
            prop_assert_eq!(p.sessions.len(), usize::from(n));
            for pair in p.sessions.windows(2) {
                prop_assert_eq!(pair[0].days_until(pair[1]), i32::from(spacing));
            }
        }

        #[test]
        fn the_latest_start_really_fits(today in 20_000i32..21_000, ahead in 0i32..800, n in 1u8..8, spacing in 7u16..60, early in 1u16..30, full in 30u16..200) {
            let base = Date::from_ymd(1970, 1, 1).unwrap();
            let (today, event) = (base.add_days(today), base.add_days(today + ahead));
            let t = timeline(early, full);
            match fit_event(today, event, n, spacing, &t) {
                EventFit::StartBy { latest_start } => {
                    prop_assert!(latest_start >= today);
                    let p = plan(latest_start, n, spacing, Some(&t));
                    prop_assert!(p.sessions.last().unwrap().add_days(i32::from(early)) <= event);
                    prop_assert!(p.results.unwrap().full_from <= event);
                    // and one day later would not fit
                    let later = plan(latest_start.add_days(1), n, spacing, Some(&t));
                    prop_assert!(later.sessions.last().unwrap().add_days(i32::from(early)) > event || later.results.unwrap().full_from > event);
                }
                EventFit::SessionsFit { sessions, full_results_by_event } => {
                    prop_assert!(sessions >= 1 && sessions <= n);
                    let p = plan(today, sessions, spacing, Some(&t));
                    prop_assert!(p.sessions.last().unwrap().add_days(i32::from(early)) <= event);
                    // One session more would not fit with time to settle (or the course is whole).
                    if sessions < n {
                        let more = plan(today, sessions + 1, spacing, Some(&t));
                        prop_assert!(more.sessions.last().unwrap().add_days(i32::from(early)) > event);
                    }
                    prop_assert_eq!(full_results_by_event, today.days_until(event) >= i32::from(full));
                }
                EventFit::TooSoon => prop_assert!(today.days_until(event) < i32::from(early)),
            }
        }
    }
}
