use std::rc::Rc;

use yew::prelude::*;

use super::fact_list::FactList;
use crate::app::Setup;
use crate::core::catalog::Setting;
use crate::state::View;

#[derive(Properties, PartialEq)]
pub struct OverviewProps {
    pub setup: Rc<Setup>,
    pub on_show: Callback<View>,
}

/// The opening view: what microneedling is, and the treatments this clinic offers.
#[component]
pub fn Overview(props: &OverviewProps) -> Html {
    let catalog = &props.setup.catalog;
    let config = &props.setup.config;
    let card = |id: &String| {
        let Some(t) = catalog.treatment(id) else { return html! {} };
        let on_show = props.on_show.clone();
        let view = View::Treatment(t.id.clone());
        html! {
            <li class="tw-card">
                <button type="button" class="tw-card-button" onclick={move |_| on_show.emit(view.clone())}>
                    <span class="tw-card-title">{ &t.name }</span>
                    <span class="tw-card-text">{ &t.summary.text }</span>
                </button>
                if t.setting == Setting::AtHome { <span class="tw-tag">{ "At home" }</span> }
            </li>
        }
    };
    html! {
        <section class="tw-view" aria-labelledby="tw-overview-title">
            <h3 id="tw-overview-title" class="tw-view-title">{ "What microneedling does" }</h3>
            <FactList facts={catalog.overview.clone()} catalog={catalog.clone()} />
            <h3 class="tw-section-title">{ format!("Treatments at {}", config.clinic_name) }</h3>
            if config.offered_treatments.is_empty() {
                <p>{ "This clinic has not listed its treatments yet." }</p>
            } else {
                <ul class="tw-cards">{ for config.offered_treatments.iter().map(card) }</ul>
            }
        </section>
    }
}
