use yew::prelude::*;

use crate::app::{use_nav, use_setup, use_texts};
use crate::core::config::Section;
use crate::core::route::Route;
use crate::web::focus::{focus_in_same_root, TITLE};

/// The opening view: a short introduction and a way into each part of the guide the clinic shows,
/// in its order. It is kept compact so it fits in the space the placeholder reserves.
#[component]
pub fn Home() -> Html {
    let setup = use_setup();
    let t = use_texts();
    let nav = use_nav();
    let config = &setup.config;
    // Arriving here from another view (Back to the contents): focus the guide's title, so focus is
    // never left on the button that just went away.
    let section = use_node_ref();
    {
        let (section, focus) = (section.clone(), nav.visitor_navigated);
        use_effect_with((), move |_| {
            if let (true, Some(el)) = (focus, section.cast::<web_sys::Element>()) {
                focus_in_same_root(&el, TITLE);
            }
        });
    }
    let go = |route: Route| {
        let navigate = nav.navigate.clone();
        Callback::from(move |_: MouseEvent| navigate.emit(route.clone()))
    };
    let tiles = config.sections.iter().copied().filter(|s| !matches!(s, Section::Estimate | Section::Sources) && config.shows(*s));
    let tile = |s: Section| {
        html! {
            <li>
                <button type="button" class="tw-tile" onclick={go(s.route())}>
                    <span class="tw-tile-title">{ t.get(&format!("tile.{}.title", s.id())) }</span>
                    <span class="tw-tile-text">{ t.get(&format!("tile.{}.text", s.id())) }</span>
                </button>
            </li>
        }
    };
    let lead = match &config.clinic_name {
        Some(name) => t.fill("home.lead", &[("clinic", name)]),
        None => t.get("home.lead_unnamed").to_string(),
    };
    html! {
        <section class="tw-view tw-home" aria-labelledby="tw-home-title" ref={section}>
            <h3 id="tw-home-title" class="tw-visually-hidden">{ t.get("home.contents") }</h3>
            <p class="tw-lead">{ lead }</p>
            <ul class="tw-tiles">{ for tiles.map(tile) }</ul>
            <div class="tw-home-foot">
                if config.shows(Section::Estimate) {
                    <button type="button" class="tw-button" onclick={go(Route::Estimate(None))}>{ t.get("home.estimate") }</button>
                }
                if config.shows(Section::Sources) {
                    <button type="button" class="tw-link-button" onclick={go(Route::Sources)}>{ t.get("home.sources") }</button>
                }
            </div>
        </section>
    }
}
