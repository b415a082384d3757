use std::rc::Rc;

use gloo::events::EventListener;
use yew::prelude::*;

use crate::core::route::Route;
use crate::state::{Action, AppState};
use crate::web::fragment;

/// Keeps the route in step with the URL fragment: returns a `navigate` callback that adds a
/// history entry, and follows Back/Forward (and links that change the fragment) into the state.
#[hook]
pub fn use_fragment_route(
    key: AttrValue,
    is_known: Rc<dyn Fn(&str) -> bool>,
    state: UseReducerHandle<AppState>,
) -> Callback<Route> {
    {
        let dispatcher = state.dispatcher();
        use_effect_with(key.clone(), move |key| {
            let key = key.clone();
            let follow = move |_: &web_sys::Event| {
                dispatcher.dispatch(Action::Navigate(fragment::read(&key, &*is_known)));
            };
            let window = gloo::utils::window();
            let popstate = EventListener::new(&window, "popstate", follow.clone());
            let hashchange = EventListener::new(&window, "hashchange", follow);
            move || drop((popstate, hashchange))
        });
    }
    let dispatcher = state.dispatcher();
    Callback::from(move |route: Route| {
        fragment::push(&key, &route);
        dispatcher.dispatch(Action::Navigate(route));
    })
}
