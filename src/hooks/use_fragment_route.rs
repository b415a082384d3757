use std::rc::Rc;

use gloo::events::EventListener;
use yew::prelude::*;

use crate::core::route::{FragmentSays, Route};
use crate::state::{Action, AppState};
use crate::web::fragment::Fragment;

/// Keeps the route in step with the URL fragment: returns a `navigate` callback that adds a
/// history entry, and follows Back/Forward (and links that change the fragment) into the state.
/// A change to the page's own part of the fragment (an anchor, a hash route) leaves the widget
/// where it is. With `routing="none"` nothing is listened to or written.
#[hook]
pub fn use_fragment_route(fragment: Fragment, is_known: Rc<dyn Fn(&str) -> bool>, state: UseReducerHandle<AppState>) -> Callback<Route> {
    {
        let dispatcher = state.dispatcher();
        use_effect_with(fragment.clone(), move |fragment| {
            let listeners = fragment.is_followed().then(|| {
                let fragment = fragment.clone();
                let follow = move |_: &web_sys::Event| {
                    let route = match fragment.says() {
                        FragmentSays::View(value) => Route::parse(&value, &*is_known),
                        FragmentSays::Home => Route::Home,
                        FragmentSays::NotOurs => return,
                    };
                    dispatcher.dispatch(Action::Navigate(route));
                };
                let window = gloo::utils::window();
                (EventListener::new(&window, "popstate", follow.clone()), EventListener::new(&window, "hashchange", follow))
            });
            move || drop(listeners)
        });
    }
    let dispatcher = state.dispatcher();
    Callback::from(move |route: Route| {
        fragment.push(&route);
        dispatcher.dispatch(Action::Navigate(route));
    })
}
