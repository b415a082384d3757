use yew::prelude::*;

use crate::app::ViewContext;
use crate::core::route::Route;

struct Tile {
    title: &'static str,
    blurb: &'static str,
    route: Route,
}

fn tiles() -> Vec<Tile> {
    vec![
        Tile { title: "What microneedling does", blurb: "How it works and what it can help with", route: Route::About },
        Tile { title: "Treatments", blurb: "Every kind, side by side with the alternatives", route: Route::Treatments },
    ]
}

/// The opening view: a short introduction and a way into each part of the guide. It is kept
/// compact so it fits in the space the placeholder reserves (no layout shift on load).
#[component]
pub fn Home(props: &HomeProps) -> Html {
    let ctx = &props.ctx;
    let clinic = &ctx.setup.config.clinic_name;
    let tile = |t: Tile| {
        let navigate = ctx.navigate.clone();
        let route = t.route.clone();
        html! {
            <li>
                <button type="button" class="tw-tile" onclick={move |_| navigate.emit(route.clone())}>
                    <span class="tw-tile-title">{ t.title }</span>
                    <span class="tw-tile-text">{ t.blurb }</span>
                </button>
            </li>
        }
    };
    html! {
        <section class="tw-view tw-home" aria-labelledby="tw-home-title">
            <h3 id="tw-home-title" class="tw-visually-hidden">{ "Guide contents" }</h3>
            <p class="tw-lead">{ format!(
                "Find out what microneedling can do for your skin, how its kinds differ, and what a course at {clinic} involves."
            ) }</p>
            <ul class="tw-tiles">{ for tiles().into_iter().map(tile) }</ul>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct HomeProps {
    pub ctx: ViewContext,
}
