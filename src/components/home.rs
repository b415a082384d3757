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
        Tile { title: "What microneedling does", blurb: "How it works, in plain words", route: Route::About },
        Tile { title: "Find by concern", blurb: "Treatments ranked for your goals", route: Route::Concerns },
        Tile { title: "Treatments", blurb: "Every kind, and the alternatives", route: Route::Treatments },
        Tile { title: "Compare", blurb: "Two to four side by side", route: Route::Compare(Vec::new()) },
        Tile { title: "Am I a candidate?", blurb: "A private yes/no check", route: Route::Candidate },
        Tile { title: "What to expect", blurb: "From preparation to results", route: Route::Expect },
        Tile { title: "Myths and facts", blurb: "What is true and what is not", route: Route::Myths },
        Tile { title: "Questions", blurb: "Pain, sessions, safety", route: Route::Faq },
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
                "Learn what microneedling can do, how its kinds differ and what a course at {clinic} involves."
            ) }</p>
            <ul class="tw-tiles">{ for tiles().into_iter().map(tile) }</ul>
            <div class="tw-home-foot">
                if ctx.setup.config.pricing.is_some() {
                    <button type="button" class="tw-button" onclick={
                        let navigate = ctx.navigate.clone();
                        move |_| navigate.emit(Route::Estimate(None))
                    }>{ "Estimate the cost of a course" }</button>
                }
                <button type="button" class="tw-link-button" onclick={
                    let navigate = ctx.navigate.clone();
                    move |_| navigate.emit(Route::Sources)
                }>{ "Where these facts come from" }</button>
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct HomeProps {
    pub ctx: ViewContext,
}
