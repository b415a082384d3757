//! One instance's state, as a `Reducible`. Every visitor action is a plain value, so the
//! transitions are tested natively, without a browser.
//!
//! What a visitor says about their health (concerns picked, candidate answers) lives only here,
//! in memory: it is never written to the URL, storage, events or requests.

use std::collections::BTreeMap;
use std::rc::Rc;

use yew::Reducible;

use crate::core::estimate_params::EstimateForm;
use crate::core::route::{Route, MAX_COMPARE};

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct AppState {
    pub route: Route,
    /// Concern ids picked in "Find by concern", in the order picked.
    pub concerns: Vec<String>,
    /// Candidate question id → the visitor's yes/no.
    pub answers: BTreeMap<String, bool>,
    /// Treatments ticked for comparison before opening the comparison.
    pub compare_picks: Vec<String>,
    /// The estimator's current inputs (also in the URL, so the link can be shared).
    pub estimate: Option<EstimateForm>,
    /// The concern picked in the estimator to choose a treatment; memory only, never shared.
    pub estimate_concern: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Navigate(Route),
    ToggleConcern(String),
    ClearConcerns,
    Answer { question: String, yes: bool },
    ClearAnswers,
    ToggleComparePick(String),
    /// New estimator inputs; the route follows so the address bar is always a shareable link.
    SetEstimate(EstimateForm),
    SetEstimateConcern(Option<String>),
}

impl AppState {
    pub fn with_route(route: Route) -> AppState {
        let compare_picks = match &route {
            Route::Compare(ids) => ids.clone(),
            _ => Vec::new(),
        };
        AppState { route, compare_picks, ..AppState::default() }
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Navigate(route) => {
                if let Route::Compare(ids) = &route {
                    next.compare_picks = ids.clone();
                }
                next.route = route;
            }
            Action::ToggleConcern(id) => toggle(&mut next.concerns, id, usize::MAX),
            Action::ClearConcerns => next.concerns.clear(),
            Action::Answer { question, yes } => {
                next.answers.insert(question, yes);
            }
            Action::ClearAnswers => next.answers.clear(),
            Action::ToggleComparePick(id) => toggle(&mut next.compare_picks, id, MAX_COMPARE),
            Action::SetEstimate(form) => {
                if matches!(next.route, Route::Estimate(_)) {
                    next.route = Route::Estimate(Some(form.to_value()));
                }
                next.estimate = Some(form);
            }
            Action::SetEstimateConcern(concern) => next.estimate_concern = concern,
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

/// Adds `id` if absent (up to `limit` items), removes it if present.
fn toggle(list: &mut Vec<String>, id: String, limit: usize) {
    if let Some(i) = list.iter().position(|x| *x == id) {
        list.remove(i);
    } else if list.len() < limit {
        list.push(id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(actions: Vec<Action>) -> AppState {
        let mut state = Rc::new(AppState::default());
        for a in actions {
            state = state.reduce(a);
        }
        (*state).clone()
    }

    #[test]
    fn concerns_toggle_in_order() {
        let s = run(vec![
            Action::ToggleConcern("acne-scars".into()),
            Action::ToggleConcern("dull-skin".into()),
            Action::ToggleConcern("acne-scars".into()),
            Action::ToggleConcern("stretch-marks".into()),
        ]);
        assert_eq!(s.concerns, vec!["dull-skin", "stretch-marks"]);
        assert!(run(vec![Action::ToggleConcern("x".into()), Action::ClearConcerns]).concerns.is_empty());
    }

    #[test]
    fn compare_picks_stop_at_four() {
        let ids = ["a", "b", "c", "d", "e"];
        let s = run(ids.iter().map(|i| Action::ToggleComparePick(i.to_string())).collect());
        assert_eq!(s.compare_picks, vec!["a", "b", "c", "d"]);
    }

    #[test]
    fn opening_a_comparison_link_sets_the_picks() {
        let route = Route::Compare(vec!["botox".into(), "chemical-peel".into()]);
        let s = run(vec![Action::Navigate(route.clone())]);
        assert_eq!(s.compare_picks, vec!["botox", "chemical-peel"]);
        assert_eq!(AppState::with_route(route).compare_picks.len(), 2);
    }

    #[test]
    fn a_widget_opened_on_a_link_starts_on_that_view_with_nothing_else_remembered() {
        let route = Route::Compare(vec!["botox".into(), "chemical-peel".into()]);
        let s = AppState::with_route(route.clone());
        assert_eq!(s.route, route);
        assert_eq!(s.compare_picks, vec!["botox", "chemical-peel"]);
        assert!(s.concerns.is_empty() && s.answers.is_empty() && s.estimate.is_none());
        assert_eq!(AppState::with_route(Route::Faq).route, Route::Faq);
        assert!(AppState::with_route(Route::Faq).compare_picks.is_empty());
    }

    #[test]
    fn answers_are_kept_until_cleared_and_survive_navigation() {
        let s = run(vec![
            Action::Answer { question: "pregnant".into(), yes: true },
            Action::Answer { question: "pregnant".into(), yes: false },
            Action::Navigate(Route::Faq),
        ]);
        assert_eq!(s.answers.get("pregnant"), Some(&false));
        let s = run(vec![Action::Answer { question: "pregnant".into(), yes: true }, Action::ClearAnswers]);
        assert!(s.answers.is_empty());
    }

    fn two_botox_sessions() -> EstimateForm {
        EstimateForm {
            treatment: "botox".into(),
            areas: vec!["face".into(), "neck".into()],
            sessions: 2,
            add_ons: vec![],
            payment: Some(crate::core::pricing::PaymentChoice::Membership("club".into())),
            plan: None,
            start: crate::core::date::Date::from_ymd(2027, 1, 4).unwrap(),
            spacing_days: 90,
            event: None,
            rollers_per_year: 6,
            location: Some("harbor".into()),
        }
    }

    #[test]
    fn an_estimate_on_its_view_is_written_into_the_link_and_elsewhere_only_kept() {
        let s = run(vec![Action::Navigate(Route::Estimate(None)), Action::SetEstimate(two_botox_sessions())]);
        assert_eq!(s.route, Route::Estimate(Some("l=harbor;t=botox;a=face,neck;s=2;p=mem:club;d=2027-01-04;w=90;r=6".into())));
        assert_eq!(s.estimate, Some(two_botox_sessions()));
        // On another view (a widget restoring its last estimate) the link is left alone.
        let s = run(vec![Action::Navigate(Route::Faq), Action::SetEstimate(two_botox_sessions())]);
        assert_eq!(s.route, Route::Faq);
        assert_eq!(s.estimate, Some(two_botox_sessions()));
    }

    #[test]
    fn the_estimate_concern_is_kept_and_cleared_and_never_reaches_the_link() {
        let s = run(vec![Action::Navigate(Route::Estimate(None)), Action::SetEstimateConcern(Some("acne-scars".into()))]);
        assert_eq!(s.estimate_concern.as_deref(), Some("acne-scars"));
        assert_eq!(s.route, Route::Estimate(None));
        let s = run(vec![Action::SetEstimateConcern(Some("acne-scars".into())), Action::SetEstimateConcern(None)]);
        assert_eq!(s.estimate_concern, None);
    }

    #[test]
    fn an_action_that_changes_nothing_keeps_the_same_state() {
        let state = Rc::new(AppState::default());
        let same = state.clone().reduce(Action::Navigate(Route::Home));
        assert!(Rc::ptr_eq(&state, &same));
    }
}
