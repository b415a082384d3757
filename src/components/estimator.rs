//! The cost estimator: inputs on one side, the estimate and the plan on the other, then quick
//! comparisons. All arithmetic happens in the core; this wires it to the page.

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use super::course_quotes::CourseQuotes;
use super::estimate_form::EstimateFormView;
use super::estimate_results::EstimateResults;
use super::year_compare::YearCompare;
use crate::app::ViewContext;
use crate::core::estimate_params::{EstimateForm, EstimateParams};
use super::estimate_wording::option_name;
use crate::core::pricing::{estimate, EstimateError, EstimateInput};
use crate::core::route::Route;
use crate::state::Action;
use crate::web::intl::{today, Formats};
use crate::web::{fragment, storage};

#[derive(Properties, PartialEq)]
pub struct EstimatorProps {
    pub ctx: ViewContext,
    /// The inputs in the link, if the visitor arrived with (or went back to) one.
    pub params: Option<String>,
}

#[component]
pub fn Estimator(props: &EstimatorProps) -> Html {
    let ctx = &props.ctx;
    let setup = &ctx.setup;
    let config = &setup.config;
    let catalog = &setup.catalog;
    let key = setup.instance_key.clone();
    let today = *use_memo((), |_| today());
    let formats = use_memo((config.locale.clone(), config.currency), |(locale, currency)| Formats::new(locale, *currency));

    // The form: what the visitor has set, else the link, else what this device remembers, else
    // defaults. Always resolved against the current clinic, so a config change (another location,
    // another price book) keeps what still applies and replaces what does not.
    let form = match &ctx.state.estimate {
        Some(current) => EstimateForm::resolve(&current.to_params(), config, catalog, today),
        None => {
            let params = props.params.clone().or_else(|| storage::load(&key)).map(|p| EstimateParams::parse(&p)).unwrap_or_default();
            EstimateForm::resolve(&params, config, catalog, today)
        }
    };
    {
        // Store the resolved form when it differs from the state (first visit, or a new config).
        let state = ctx.state.clone();
        let stale = ctx.state.estimate != form;
        let form = form.clone();
        use_effect_with(form.clone(), move |_| {
            if let (true, Some(form)) = (stale, form) {
                state.dispatch(Action::SetEstimate(form));
            }
        });
    }
    {
        // Back/Forward, or a pasted link, to different inputs: follow the link.
        let state = ctx.state.clone();
        let current = form.as_ref().map(EstimateForm::to_value);
        let (config, catalog) = (config.clone(), catalog.clone());
        use_effect_with(props.params.clone(), move |params| {
            if let (Some(p), Some(current)) = (params, current) {
                if *p != current && state.estimate.is_some() {
                    if let Some(f) = EstimateForm::resolve(&EstimateParams::parse(p), &config, &catalog, today) {
                        state.dispatch(Action::SetEstimate(f));
                    }
                }
            }
        });
    }

    let result = config.pricing.as_ref().zip(form.as_ref()).map(|(book, form)| {
        let input = EstimateInput {
            treatment: form.treatment.clone(),
            areas: form.areas.clone(),
            sessions: form.sessions,
            add_ons: form.add_ons.clone(),
            spacing_days: form.spacing_days,
        };
        estimate(book, &input)
    });
    let error = result.as_ref().and_then(|r| r.as_ref().err()).copied();
    let result = result.and_then(Result::ok);

    // Keep the address bar a shareable link, remember the estimate, tell the page (debounced).
    {
        let value = form.as_ref().map(EstimateForm::to_value);
        let summary = form.as_ref().zip(result.as_ref()).zip(config.pricing.as_ref()).map(|((form, e), book)| {
            let chosen = e.chosen(form.payment.as_ref());
            serde_json::json!({
                "treatment": form.treatment,
                "areas": form.areas,
                "sessions": form.sessions,
                "addOns": form.add_ons,
                "payment": option_name(book, &chosen.choice),
                "paymentChosenBy": if form.payment.is_some() { "visitor" } else { "widget" },
                "currency": config.currency.code(),
                "totalMinor": { "low": chosen.total.low, "high": chosen.total.high },
                "taxIncluded": book.tax.is_some(),
                "pricesAreTypicalRanges": config.prices_are_typical_ranges,
            })
        });
        let on_event = setup.on_event.clone();
        let key = key.clone();
        use_effect_with(value, move |value| {
            let timer = value.as_ref().map(|value| {
                fragment::replace(&key, &Route::Estimate(Some(value.clone())));
                storage::save(&key, value);
                summary.map(|detail| Timeout::new(600, move || on_event.emit(("estimate", detail))))
            });
            move || drop(timer)
        });
    }

    let Some(book) = config.pricing.as_ref() else {
        return html! {
            <p>{ format!("{} has not published prices for an online estimate. A consultation gives you an exact quote.", config.clinic_name) }</p>
        };
    };
    let Some(form) = form else {
        return html! { <p>{ "None of the treatments this clinic offers has a published price yet." }</p> };
    };
    let treatment = catalog.treatment(&form.treatment);

    let sticky_total = result.as_ref().map(|e| formats.range(e.chosen(form.payment.as_ref()).total));
    let update = {
        let state = ctx.state.clone();
        Callback::from(move |f: EstimateForm| state.dispatch(Action::SetEstimate(f)))
    };
    html! {
        <div class="tw-estimator">
            <p class="tw-quote-note tw-quote-note-top">
                <strong>{ "An estimate, not a quote. " }</strong>
                { format!("Final pricing is set by {} after a consultation.", config.clinic_name) }
                if config.prices_are_typical_ranges { { " These are typical public price ranges, not this clinic's own." } }
            </p>
            <div class="tw-est-grid">
                <EstimateFormView ctx={ctx.clone()} form={form.clone()} today={today} on_change={update.clone()}
                    formats={formats.clone()} estimate={result.clone().map(Rc::new)} />
                if let (Some(e), Some(t)) = (result, treatment) {
                    <EstimateResults ctx={ctx.clone()} form={form.clone()} estimate={Rc::new(e)} today={today}
                        formats={formats.clone()} treatment={t.id.clone()} on_change={update.clone()} />
                } else {
                    <p class="tw-error" role="alert">{ match error {
                        Some(EstimateError::AreasNotPriced) => "One of the chosen areas has no published price for this treatment. Choose another area.",
                        _ => "This treatment has no published price for an online estimate. A consultation gives you an exact quote.",
                    } }</p>
                }
            </div>
            if let Some(total) = sticky_total {
                <div class="tw-sticky-total">
                    <span><span class="tw-note">{ "Estimated total (not a quote) " }</span><strong>{ total }</strong></span>
                    <button type="button" class="tw-link-button" onclick={Callback::from(|e: MouseEvent| show_results(&e))}>{ "See the details" }</button>
                </div>
            }
            <CourseQuotes ctx={ctx.clone()} formats={formats.clone()} form={form.clone()} on_change={update.clone()} today={today} />
            <YearCompare ctx={ctx.clone()} formats={formats.clone()} form={form.clone()} on_change={update} />
            if !book.price_sources.is_empty() || book.source_note.is_some() {
                <details class="tw-change">
                    <summary>{ "Where these prices come from" }</summary>
                    if let Some(note) = &book.source_note { <p>{ note }</p> }
                    <ul class="tw-facts">
                        { for book.price_sources.iter().map(|s| html! {
                            <li><strong>{ &s.item }</strong>{ format!(": {}. ", s.figure) }<span class="tw-note">{ &s.source }</span></li>
                        }) }
                    </ul>
                </details>
            }
        </div>
    }
}

/// Brings the results into view and moves focus to their heading (from anywhere in the widget).
pub fn show_results(e: &MouseEvent) {
    use wasm_bindgen::JsCast;
    let root = e.target_dyn_into::<web_sys::Node>().map(|n| n.get_root_node());
    let Some(root) = root.and_then(|r| r.dyn_into::<web_sys::ShadowRoot>().ok()) else { return };
    if let Some(heading) = root.get_element_by_id("tw-est-results-title").and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = heading.focus();
    }
}
