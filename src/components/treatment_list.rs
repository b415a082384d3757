use yew::prelude::*;

use crate::app::ViewContext;
use crate::core::catalog::{Family, Setting, Treatment};
use crate::core::route::Route;

#[derive(Properties, PartialEq)]
pub struct TreatmentListProps {
    pub ctx: ViewContext,
}

/// Every treatment in the catalog: the microneedling kinds first, then the alternatives.
/// All can be read about; the clinic's own are marked as offered.
#[component]
pub fn TreatmentList(props: &TreatmentListProps) -> Html {
    let ctx = &props.ctx;
    let catalog = &ctx.setup.catalog;
    let (microneedling, others): (Vec<&Treatment>, Vec<&Treatment>) =
        catalog.treatments.iter().partition(|t| t.family == Family::Microneedling);
    let card = |t: &Treatment| {
        let navigate = ctx.navigate.clone();
        let route = Route::Treatment(t.id.clone());
        let offered = ctx.setup.config.offers(&t.id);
        html! {
            <li class="tw-card">
                <button type="button" class="tw-card-button" onclick={move |_| navigate.emit(route.clone())}>
                    <span class="tw-card-title">{ &t.name }</span>
                    <span class="tw-card-text">{ &t.summary.text }</span>
                    <span class="tw-card-tags">
                        if t.setting == Setting::AtHome { <span class="tw-tag">{ "At home" }</span> }
                        if offered { <span class="tw-tag tw-tag-offered">{ "Offered here" }</span> }
                    </span>
                </button>
            </li>
        }
    };
    html! {
        <>
            <h4 class="tw-section-title">{ "Kinds of microneedling" }</h4>
            <ul class="tw-cards">{ for microneedling.into_iter().map(card) }</ul>
            <h4 class="tw-section-title">{ "Other treatments to compare" }</h4>
            <ul class="tw-cards">{ for others.into_iter().map(card) }</ul>
        </>
    }
}
