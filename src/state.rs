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

    #[test]
    fn an_action_that_changes_nothing_keeps_the_same_state() {
        let state = Rc::new(AppState::default());
        let same = state.clone().reduce(Action::Navigate(Route::Home));
        assert!(Rc::ptr_eq(&state, &same));
    }
}
