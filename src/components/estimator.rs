//! The cost estimator: inputs on one side, the estimate and the plan on the other, then quick
//! comparisons. All arithmetic happens in the core; this wires it to the page.

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use super::course_quotes::CourseQuotes;
use super::estimate_form::EstimateFormView;
use super::estimate_results::EstimateResults;
use super::estimate_wording::option_name;
use super::year_compare::YearCompare;
use crate::app::{use_dispatch, use_setup, use_texts};
use crate::core::estimate_params::{EstimateForm, EstimateParams};
use crate::core::pricing::{estimate, EstimateError, EstimateInput};
use crate::core::route::Route;
use crate::state::Action;
use crate::web::intl::today;
use crate::web::storage;

#[derive(Properties, PartialEq)]
pub struct EstimatorProps {
    /// The inputs in the link, if the visitor arrived with (or went back to) one.
    pub params: Option<String>,
    /// The inputs the visitor has set, if any.
    pub form: Option<EstimateForm>,
    /// The concern picked to choose a treatment (memory only, never shared).
    pub concern: Option<String>,
}

#[component]
pub fn Estimator(props: &EstimatorProps) -> Html {
    let setup = use_setup();
    let t = use_texts();
    let dispatch = use_dispatch();
    let config = &setup.config;
    let catalog = &setup.catalog;
    let key = setup.instance_key.clone();
    let today = *use_memo((), |_| today());

    // The form: what the visitor has set, else the link, else what this device remembers, else
    // defaults. Always resolved against the current clinic, so a config change (another location,
    // another price book) keeps what still applies and replaces what does not.
    let form = match &props.form {
        Some(current) => EstimateForm::resolve(&current.to_params(), config, catalog, today),
        None => {
            let params = props.params.clone().or_else(|| storage::load(&key)).map(|p| EstimateParams::parse(&p)).unwrap_or_default();
            EstimateForm::resolve(&params, config, catalog, today)
        }
    };
    {
        // Store the resolved form when it differs from the state (first visit, or a new config).
        let dispatch = dispatch.clone();
        let stale = props.form != form;
        use_effect_with(form.clone(), move |form| {
            if let (true, Some(form)) = (stale, form.clone()) {
                dispatch.dispatch(Action::SetEstimate(form));
            }
        });
    }
    {
        // Back/Forward, or a pasted link, to different inputs: follow the link.
        let dispatch = dispatch.clone();
        let current = form.as_ref().map(EstimateForm::to_value);
        let has_form = props.form.is_some();
        let (config, catalog) = (config.clone(), catalog.clone());
        use_effect_with(props.params.clone(), move |params| {
            if let (Some(p), Some(current)) = (params, current) {
                if *p != current && has_form {
                    if let Some(f) = EstimateForm::resolve(&EstimateParams::parse(p), &config, &catalog, today) {
                        dispatch.dispatch(Action::SetEstimate(f));
                    }
                }
            }
        });
    }

    let book = form.as_ref().and_then(|f| config.price_book(f.location.as_deref()));
    let result = book.zip(form.as_ref()).map(|(book, form)| {
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
    let result = result.and_then(Result::ok).map(Rc::new);

    // Keep the address bar a shareable link, remember the estimate, tell the page (debounced).
    {
        let value = form.as_ref().map(EstimateForm::to_value);
        let summary = form.as_ref().zip(result.as_ref()).zip(book).map(|((form, e), book)| {
            let chosen = e.chosen(form.payment.as_ref());
            let mut detail = serde_json::json!({
                "treatment": form.treatment,
                "areas": form.areas,
                "sessions": form.sessions,
                "addOns": form.add_ons,
                // The English name, whatever language the visitor reads: analytics stay comparable.
                "payment": option_name(&crate::core::texts::Texts::english(), book, &chosen.choice),
                "paymentChosenBy": if form.payment.is_some() { "visitor" } else { "widget" },
                "currency": config.currency.code(),
                "totalMinor": { "low": chosen.total.low, "high": chosen.total.high },
                "taxIncluded": book.tax.is_some(),
                "pricesAreTypicalRanges": config.prices_are_typical_ranges,
            });
            if let (Some(location), Some(map)) = (&form.location, detail.as_object_mut()) {
                map.insert("location".into(), location.clone().into());
            }
            detail
        });
        let on_event = setup.on_event.clone();
        let key = key.clone();
        let fragment = setup.fragment.clone();
        let last_rewrite = use_mut_ref(|| Rc::new(std::cell::Cell::new(f64::NEG_INFINITY))).borrow().clone();
        use_effect_with(value, move |value| {
            let timers = value.as_ref().map(|value| {
                storage::save(&key, value);
                (
                    fragment.replace_throttled(Route::Estimate(Some(value.clone())), last_rewrite),
                    summary.map(|detail| Timeout::new(600, move || on_event.emit(("estimate", detail)))),
                )
            });
            move || drop(timers)
        });
    }

    let clinic = setup.clinic();
    let Some(book) = book else {
        return html! { <p>{ t.fill("estimate.no_prices", &[("clinic", &clinic)]) }</p> };
    };
    let Some(form) = form else {
        return html! { <p>{ t.get("estimate.nothing_priced") }</p> };
    };
    let treatment = catalog.treatment(&form.treatment);
    let sticky_total = result.as_ref().map(|e| setup.formats.range(e.chosen(form.payment.as_ref()).total));
    let update = {
        let dispatch = dispatch.clone();
        Callback::from(move |f: EstimateForm| dispatch.dispatch(Action::SetEstimate(f)))
    };
    html! {
        <div class="tw-estimator">
            // A keyboard user's first stop: past the form's many controls to the figures and Book.
            if sticky_total.is_some() {
                <button type="button" class="tw-link-button tw-skip" onclick={Callback::from(|e: MouseEvent| show_results(&e))}>{ t.get("estimate.skip_to_results") }</button>
            }
            <p class="tw-quote-note tw-quote-note-top">
                <strong>{ t.get("estimate.not_a_quote") }</strong>{ " " }
                { t.fill("estimate.final_pricing", &[("clinic", &clinic)]) }
                if config.prices_are_typical_ranges { { " " }{ t.get("estimate.typical_ranges") } }
            </p>
            <div class="tw-est-grid">
                <EstimateFormView form={form.clone()} today={today} on_change={update.clone()} estimate={result.clone()} concern={props.concern.clone()} />
                if let (Some(e), Some(tr)) = (result, treatment) {
                    <EstimateResults form={form.clone()} estimate={e} today={today} treatment={tr.id.clone()} />
                } else {
                    <p class="tw-error" role="alert">{ t.get(match error {
                        Some(EstimateError::AreasNotPriced) => "estimate.area_not_priced",
                        _ => "estimate.not_priced",
                    }) }</p>
                }
            </div>
            if let Some(total) = sticky_total {
                <div class="tw-sticky-total">
                    <span><span class="tw-note">{ t.get("estimate.sticky") }{ " " }</span><strong>{ total }</strong></span>
                    <button type="button" class="tw-link-button" onclick={Callback::from(|e: MouseEvent| show_results(&e))}>{ t.get("estimate.see_details") }</button>
                </div>
            }
            <CourseQuotes form={form.clone()} concern={props.concern.clone()} on_change={update.clone()} today={today} />
            <YearCompare form={form.clone()} on_change={update} />
            if !book.price_sources.is_empty() || book.source_note.is_some() {
                <details class="tw-change">
                    <summary>{ t.get("estimate.price_sources") }</summary>
                    if let Some(note) = &book.source_note { <p>{ note.get(t.lang) }</p> }
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
