use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::estimate_wording::before_tax;
use super::estimator::show_results;
use crate::app::ViewContext;
use crate::core::date::Date;
use crate::core::estimate_params::EstimateForm;
use crate::core::quotes::courses_for_concern;
use crate::state::Action;
use crate::web::intl::Formats;

#[derive(Properties, PartialEq)]
pub struct CourseQuotesProps {
    pub ctx: ViewContext,
    pub formats: Rc<Formats>,
    pub form: EstimateForm,
    pub on_change: Callback<EstimateForm>,
    pub today: Date,
}

/// The same concern priced across the treatments the clinic offers, downtime beside cost.
#[component]
pub fn CourseQuotes(props: &CourseQuotesProps) -> Html {
    let ctx = &props.ctx;
    let catalog = &ctx.setup.catalog;
    let config = &ctx.setup.config;
    let concern = ctx.state.estimate_concern.clone();
    let on_concern = {
        let state = ctx.state.clone();
        Callback::from(move |e: Event| {
            let v = e.target_dyn_into::<HtmlSelectElement>().map(|s| s.value()).unwrap_or_default();
            state.dispatch(Action::SetEstimateConcern((!v.is_empty()).then_some(v)));
        })
    };
    let quotes = concern.as_deref().map(|c| courses_for_concern(catalog, config, c)).unwrap_or_default();
    let f = &props.formats;
    let price_it = |id: String| {
        let (form, on_change, config, catalog, today) = (props.form.clone(), props.on_change.clone(), config.clone(), catalog.clone(), props.today);
        Callback::from(move |e: MouseEvent| {
            if let Some(next) = form.with_treatment(&id, &config, &catalog, today) {
                on_change.emit(next);
                show_results(&e);
            }
        })
    };
    let area_name = |a: &str| catalog.area(a).map(|x| x.name.to_lowercase()).unwrap_or_default();
    let pre_tax = config.pricing.as_ref().map(before_tax).unwrap_or_default();
    html! {
        <section class="tw-est-section" aria-labelledby="tw-courses-title">
            <h4 id="tw-courses-title" class="tw-section-title">{ "Whole courses compared" }</h4>
            <div class="tw-field">
                <label for="tw-courses-concern">{ "Price a usual course of each treatment for" }</label>
                <select id="tw-courses-concern" onchange={on_concern}>
                    <option value="" selected={concern.is_none()}>{ "Choose a concern" }</option>
                    { for catalog.concerns.iter().map(|c| html! {
                        <option value={c.id.clone()} selected={concern.as_deref() == Some(c.id.as_str())}>{ &c.name }</option>
                    }) }
                </select>
            </div>
            if concern.is_some() && quotes.is_empty() {
                <p>{ "None of this clinic's priced treatments suits that concern." }</p>
            }
            if !quotes.is_empty() {
                <ul class="tw-quotes">
                    { for quotes.iter().map(|q| html! {
                        <li class="tw-quote">
                            <p class="tw-quote-name">{ &q.treatment.name }<span class="tw-tag">{ q.fit.label() }</span></p>
                            <dl class="tw-quote-facts">
                                <div><dt>{ "Usual course" }</dt><dd>{ format!("{} × {} ({}){}", q.sessions, f.range(q.per_session), area_name(&q.area), pre_tax) }</dd></div>
                                <div><dt>{ "Course total" }</dt><dd class="tw-strong">{ f.range(q.total) }</dd></div>
                                <div><dt>{ "Downtime" }</dt><dd>{ q.treatment.downtime.label() }</dd></div>
                            </dl>
                            <p class="tw-note">{ &q.treatment.course.fact.text }</p>
                            <button type="button" class="tw-link-button" onclick={price_it(q.treatment.id.clone())}>
                                { format!("Price {} in detail", q.treatment.name) }
                            </button>
                        </li>
                    }) }
                </ul>
                <p class="tw-note">{ format!(
                    "Estimates, not quotes{}. Usual course lengths come from the treatment guide, and how long results last differs between treatments; course totals are paying per session, before any package or membership{}.",
                    if config.prices_are_typical_ranges { ", from typical public price ranges rather than this clinic's own" } else { "" },
                    config.pricing.as_ref().and_then(|b| b.tax.as_ref()).map(|t| format!(", with {} included", t.label)).unwrap_or_default()
                ) }</p>
            }
        </section>
    }
}
