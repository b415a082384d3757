use yew::prelude::*;

use crate::app::{use_nav, use_setup, use_texts};
use crate::core::catalog::{Family, Setting, Treatment};
use crate::core::route::Route;

/// Every treatment in the guide: the clinic's own first (in its order), then the kinds of
/// microneedling, then the alternatives. All can be read about; the clinic's are marked as offered.
#[component]
pub fn TreatmentList() -> Html {
    let setup = use_setup();
    let t = use_texts();
    let nav = use_nav();
    let catalog = &setup.catalog;
    let config = &setup.config;
    let own: Vec<&Treatment> = catalog.treatments.iter().filter(|t| t.family == Family::Clinic).collect();
    let (microneedling, others): (Vec<&Treatment>, Vec<&Treatment>) =
        catalog.treatments.iter().filter(|t| t.family != Family::Clinic).partition(|t| t.family == Family::Microneedling);
    let card = |tr: &Treatment| {
        let navigate = nav.navigate.clone();
        let route = Route::Treatment(tr.id.clone());
        let offered = config.offers(&tr.id) && config.clinic_name.is_some();
        html! {
            <li class="tw-card">
                <button type="button" class="tw-card-button" onclick={move |_| navigate.emit(route.clone())}>
                    <span class="tw-card-title">{ &tr.name }</span>
                    <span class="tw-card-text">{ &tr.summary.text }</span>
                    <span class="tw-card-tags">
                        if tr.setting == Setting::AtHome { <span class="tw-tag">{ t.get("tag.at_home") }</span> }
                        if offered { <span class="tw-tag tw-tag-offered">{ t.get("tag.offered") }</span> }
                    </span>
                </button>
            </li>
        }
    };
    html! {
        <>
            if !own.is_empty() {
                <h4 class="tw-section-title">{ t.fill("treatments.clinic_own", &[("clinic", &setup.clinic())]) }</h4>
                <ul class="tw-cards">{ for own.into_iter().map(card) }</ul>
            }
            <h4 class="tw-section-title">{ t.get("treatments.microneedling") }</h4>
            <ul class="tw-cards">{ for microneedling.into_iter().map(card) }</ul>
            <h4 class="tw-section-title">{ t.get("treatments.others") }</h4>
            <ul class="tw-cards">{ for others.into_iter().map(card) }</ul>
        </>
    }
}
