//! Reading and writing this instance's route in the page's URL fragment, with real history
//! entries so the browser's Back button walks back through the widget's views. With
//! `routing="none"` the fragment is never read or written: the view lives in memory only.

use std::cell::Cell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use wasm_bindgen::JsValue;
use yew::AttrValue;

use crate::core::route::{fragment_says, with_fragment_value, FragmentSays, Route, Routing};

/// The shortest time between two rewrites of the estimate in the address bar. Each rewrite is a
/// synchronous trip to the browser: a third of an estimator change's time in a profile.
const REWRITE_EVERY_MS: f64 = 300.0;

/// One instance's place in the fragment.
#[derive(Clone, Debug, PartialEq)]
pub struct Fragment {
    key: AttrValue,
    routing: Routing,
}

impl Fragment {
    pub fn new(key: AttrValue, routing: Routing) -> Fragment {
        Fragment { key, routing }
    }

    /// Whether the instance follows the fragment (and Back and Forward) at all.
    pub fn is_followed(&self) -> bool {
        self.routing == Routing::Fragment
    }

    /// What the fragment now says about this instance (`NotOurs` when it is not followed).
    pub fn says(&self) -> FragmentSays {
        if !self.is_followed() {
            return FragmentSays::NotOurs;
        }
        let hash = gloo::utils::window().location().hash().unwrap_or_default();
        fragment_says(&hash, &self.key)
    }

    /// The route a deep link asks this instance for (Home when there is none).
    pub fn read(&self, is_known: impl Fn(&str) -> bool) -> Route {
        match self.says() {
            FragmentSays::View(value) => Route::parse(&value, is_known),
            FragmentSays::Home | FragmentSays::NotOurs => Route::Home,
        }
    }

    /// Adds a history entry for `route`, leaving other instances' parts of the fragment alone.
    /// A page that forbids it (a sandboxed frame) still navigates, just without a history entry.
    pub fn push(&self, route: &Route) {
        self.write(route, false);
    }

    /// Rewrites the current history entry (the estimate's inputs change often; one entry is enough).
    pub fn replace(&self, route: &Route) {
        self.write(route, true);
    }

    /// `replace`, at most once per `REWRITE_EVERY_MS`: now when the last rewrite through `last` is
    /// older than that, else as soon as it is not (with the route then current: dropping the
    /// returned timer cancels it, as a newer value or leaving the view should).
    pub fn replace_throttled(&self, route: Route, last: Rc<Cell<f64>>) -> Option<Timeout> {
        let elapsed = js_sys::Date::now() - last.get();
        if elapsed >= REWRITE_EVERY_MS {
            self.replace(&route);
            last.set(js_sys::Date::now());
            return None;
        }
        let fragment = self.clone();
        Some(Timeout::new((REWRITE_EVERY_MS - elapsed).ceil() as u32, move || {
            fragment.replace(&route);
            last.set(js_sys::Date::now());
        }))
    }

    fn write(&self, route: &Route, replace: bool) {
        if !self.is_followed() {
            return;
        }
        let window = gloo::utils::window();
        let location = window.location();
        let Ok(href) = location.href() else { return };
        let Ok(url) = web_sys::Url::new(&href) else { return };
        let current = url.hash();
        let next = with_fragment_value(&current, &self.key, route.to_value().as_deref());
        if next == current.trim_start_matches('#') {
            return;
        }
        url.set_hash(&next);
        let mut target = url.href();
        if next.is_empty() && target.ends_with('#') {
            target.pop();
        }
        if let Ok(history) = window.history() {
            // The page's own history state rides along: a page (or its router) that keeps state
            // there finds it unchanged after the widget's entries.
            let state = history.state().unwrap_or(JsValue::NULL);
            let _ = if replace {
                history.replace_state_with_url(&state, "", Some(&target))
            } else {
                history.push_state_with_url(&state, "", Some(&target))
            };
        }
    }
}
