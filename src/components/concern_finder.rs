use yew::prelude::*;

use super::downtime_scale::{drawn_level, DowntimeScale};
use super::treatment_detail::downtime_label;
use crate::app::{use_dispatch, use_nav, use_setup, use_texts};
use crate::core::catalog::Setting;
use crate::core::ranking::{rank, Ranked};
use crate::core::route::Route;
use crate::state::Action;
use crate::web::focus::{focus_in_same_root, VIEW_HEADING};

#[derive(Properties, PartialEq)]
pub struct ConcernFinderProps {
    /// Concern ids picked, in the order picked (memory only).
    pub concerns: Vec<String>,
}

/// Pick concerns; see treatments ranked by fit, each with a one-line reason.
#[component]
pub fn ConcernFinder(props: &ConcernFinderProps) -> Html {
    let setup = use_setup();
    let t = use_texts();
    let nav = use_nav();
    let dispatch = use_dispatch();
    let catalog = &setup.catalog;
    let config = &setup.config;
    let picked = &props.concerns;
    let ranked = rank(catalog, picked, |id| config.offers(id));

    let checkbox = |concern: &crate::core::catalog::Concern| {
        let dispatch = dispatch.clone();
        let id = concern.id.clone();
        let checked = picked.contains(&concern.id);
        html! {
            <li>
                <label class="tw-check">
                    <input type="checkbox" checked={checked} onchange={move |_| dispatch.dispatch(Action::ToggleConcern(id.clone()))} />
                    <span>{ &concern.name }</span>
                </label>
            </li>
        }
    };
    let summary = match (picked.len(), ranked.len()) {
        (0, _) => t.get("concerns.pick").to_string(),
        (n, 0) => t.count("concerns.none", n as u64, &[]),
        (1, m) => t.count("concerns.one_concern", m as u64, &[]),
        (n, m) => t.count("concerns.many_concerns", m as u64, &[("concerns", &n.to_string())]),
    };
    let result = |r: &Ranked| {
        let tr = r.treatment;
        let navigate = nav.navigate.clone();
        let route = Route::Treatment(tr.id.clone());
        let covers = if picked.len() > 1 {
            let names: Vec<&str> = r.matched.iter().filter_map(|(c, _)| catalog.concern(c)).map(|c| c.name.as_str()).collect();
            t.fill("concerns.covers", &[("n", &r.matched.len().to_string()), ("total", &picked.len().to_string()), ("names", &names.join(", "))])
        } else {
            String::new()
        };
        let best = r.matched.iter().map(|(_, f)| *f).min();
        html! {
            <li class="tw-result">
                <button type="button" class="tw-result-name" onclick={move |_| navigate.emit(route.clone())}>{ &tr.name }</button>
                <p class="tw-result-reason">{ r.reason }</p>
                <p class="tw-result-meta">
                    if let Some(fit) = best { <span class="tw-tag">{ t.get(&format!("fit.{}", fit.id())) }</span> }
                    <span class="tw-tag"><DowntimeScale level={drawn_level(tr)}
                        label={AttrValue::from(t.fill("tag.downtime", &[("level", &downtime_label(&t, tr).to_lowercase())]))} /></span>
                    if tr.setting == Setting::AtHome { <span class="tw-tag">{ t.get("tag.at_home") }</span> }
                    if tr.described_by_clinic { <span class="tw-tag">{ t.fill("tag.described_by", &[("clinic", &setup.clinic())]) }</span> }
                    if config.offers(&tr.id) && config.clinic_name.is_some() { <span class="tw-tag tw-tag-offered">{ t.get("tag.offered") }</span> }
                </p>
                if !covers.is_empty() { <p class="tw-note">{ covers }</p> }
            </li>
        }
    };
    let clear = {
        let dispatch = dispatch.clone();
        // The button clears itself away: focus the view's heading rather than lose it.
        Callback::from(move |e: MouseEvent| {
            dispatch.dispatch(Action::ClearConcerns);
            if let Some(button) = e.target_dyn_into::<web_sys::Element>() {
                focus_in_same_root(&button, VIEW_HEADING);
            }
        })
    };
    html! {
        <>
            <p class="tw-privacy">{ t.get("concerns.privacy") }</p>
            <fieldset class="tw-fieldset">
                <legend>{ t.get("concerns.legend") }</legend>
                <ul class="tw-checks">{ for catalog.concerns.iter().map(checkbox) }</ul>
            </fieldset>
            if !picked.is_empty() {
                <button type="button" class="tw-link-button" onclick={clear}>{ t.get("concerns.clear") }</button>
            }
            <p class="tw-live" aria-live="polite">{ summary }</p>
            if !ranked.is_empty() {
                <ol class="tw-results">{ for ranked.iter().map(result) }</ol>
            }
        </>
    }
}
