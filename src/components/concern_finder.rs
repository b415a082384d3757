use yew::prelude::*;

use crate::app::ViewContext;
use crate::core::catalog::Setting;
use crate::core::ranking::rank;
use crate::core::route::Route;
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct ConcernFinderProps {
    pub ctx: ViewContext,
}

/// Pick concerns; see treatments ranked by fit, each with a one-line reason.
#[component]
pub fn ConcernFinder(props: &ConcernFinderProps) -> Html {
    let ctx = &props.ctx;
    let catalog = &ctx.setup.catalog;
    let config = &ctx.setup.config;
    let picked = &ctx.state.concerns;
    let ranked = rank(catalog, picked, |id| config.offers(id));

    let checkbox = |concern: &crate::core::catalog::Concern| {
        let state = ctx.state.clone();
        let id = concern.id.clone();
        let checked = picked.contains(&concern.id);
        html! {
            <li>
                <label class="tw-check">
                    <input type="checkbox" checked={checked}
                        onchange={move |_| state.dispatch(Action::ToggleConcern(id.clone()))} />
                    <span>{ &concern.name }</span>
                </label>
            </li>
        }
    };
    let summary = match (picked.len(), ranked.len()) {
        (0, _) => "Pick one or more concerns to see which treatments suit them.".to_string(),
        (n, 0) => format!("No treatment in this guide suits the {n} concern(s) you picked."),
        (1, m) => format!("{m} treatments suit this concern, best fit first."),
        (n, m) => format!("{m} treatments suit at least one of your {n} concerns, best fit first."),
    };
    let result = |r: &crate::core::ranking::Ranked| {
        let t = r.treatment;
        let navigate = ctx.navigate.clone();
        let route = Route::Treatment(t.id.clone());
        let covers = if picked.len() > 1 {
            let names: Vec<&str> = r.matched.iter().filter_map(|(c, _)| catalog.concern(c)).map(|c| c.name.as_str()).collect();
            format!("Suits {} of your {} concerns: {}.", r.matched.len(), picked.len(), names.join(", "))
        } else {
            String::new()
        };
        let best = r.matched.iter().map(|(_, f)| *f).min();
        html! {
            <li class="tw-result">
                <button type="button" class="tw-result-name" onclick={move |_| navigate.emit(route.clone())}>{ &t.name }</button>
                <p class="tw-result-reason">{ r.reason }</p>
                <p class="tw-result-meta">
                    if let Some(fit) = best { <span class="tw-tag">{ fit.label() }</span> }
                    <span class="tw-tag">{ format!("Downtime: {}", t.downtime.label().to_lowercase()) }</span>
                    if t.setting == Setting::AtHome { <span class="tw-tag">{ "At home" }</span> }
                    if config.offers(&t.id) { <span class="tw-tag tw-tag-offered">{ "Offered here" }</span> }
                </p>
                if !covers.is_empty() { <p class="tw-note">{ covers }</p> }
            </li>
        }
    };
    let clear = {
        let state = ctx.state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::ClearConcerns))
    };
    html! {
        <>
            <p class="tw-privacy">{ "Your choices stay in this page: they are not saved, sent, or added to the web address." }</p>
            <fieldset class="tw-fieldset">
                <legend>{ "What would you like to improve?" }</legend>
                <ul class="tw-checks">{ for catalog.concerns.iter().map(checkbox) }</ul>
            </fieldset>
            if !picked.is_empty() {
                <button type="button" class="tw-link-button" onclick={clear}>{ "Clear my choices" }</button>
            }
            <p class="tw-live" aria-live="polite">{ summary }</p>
            if !ranked.is_empty() {
                <ol class="tw-results">{ for ranked.iter().map(result) }</ol>
            }
        </>
    }
}
