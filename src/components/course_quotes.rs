use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::estimate_wording::tax_note;
use super::estimator::show_results;
use super::course_chart::{CourseChart, CourseRow};
use super::downtime_scale::downtime_scale;
use super::estimate_wording::sessions;
use super::treatment_detail::downtime_label;
use crate::app::{use_dispatch, use_formats, use_setup, use_texts};
use crate::core::date::Date;
use crate::core::estimate_params::EstimateForm;
use crate::core::quotes::courses_for_concern;
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct CourseQuotesProps {
    pub form: EstimateForm,
    pub concern: Option<String>,
    pub on_change: Callback<EstimateForm>,
    pub today: Date,
}

/// The same concern priced across the treatments the clinic offers, downtime beside cost.
#[component]
pub fn CourseQuotes(props: &CourseQuotesProps) -> Html {
    let setup = use_setup();
    let t = use_texts();
    let f = use_formats();
    let dispatch = use_dispatch();
    let catalog = &setup.catalog;
    let config = &setup.config;
    let concern = props.concern.clone();
    let on_concern = Callback::from(move |e: Event| {
        let v = e.target_dyn_into::<HtmlSelectElement>().map(|s| s.value()).unwrap_or_default();
        dispatch.dispatch(Action::SetEstimateConcern((!v.is_empty()).then_some(v)));
    });
    let book = config.price_book(props.form.location.as_deref());
    let quotes = concern.as_deref().map(|c| courses_for_concern(catalog, config, book, c)).unwrap_or_default();
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
    let pre_tax = book.map(|b| tax_note(&t, b)).unwrap_or_default();
    let note = {
        let mut n = t.get("quotes.note").to_string();
        if config.prices_are_typical_ranges {
            n.push(' ');
            n.push_str(t.get("quotes.typical"));
        }
        if let Some(tax) = book.and_then(|b| b.tax.as_ref()) {
            n.push(' ');
            n.push_str(&t.fill("quotes.tax_included", &[("tax", tax.label.get(t.lang))]));
        }
        n
    };
    let chart_rows: Vec<CourseRow> = quotes.iter().map(|q| CourseRow {
        name: q.treatment.name.clone(),
        detail: format!("{} · {}", sessions(&t, q.sessions), t.fill("tag.downtime", &[("level", &downtime_label(&t, q.treatment).to_lowercase())])),
        total: q.total,
    }).collect();
    html! {
        <section class="tw-est-section" aria-labelledby="tw-courses-title">
            <h4 id="tw-courses-title" class="tw-section-title">{ t.get("quotes.title") }</h4>
            <div class="tw-field">
                <label for="tw-courses-concern">{ t.get("quotes.concern") }</label>
                <select id="tw-courses-concern" onchange={on_concern}>
                    <option value="" selected={concern.is_none()}>{ t.get("quotes.choose") }</option>
                    { for catalog.concerns.iter().map(|c| html! {
                        <option value={c.id.clone()} selected={concern.as_deref() == Some(c.id.as_str())}>{ &c.name }</option>
                    }) }
                </select>
            </div>
            // What changed, read out when the concern is picked (the list itself is long).
            <p class="tw-visually-hidden" role="status">{
                match &concern {
                    Some(_) if quotes.is_empty() => String::new(),
                    Some(_) => t.count("quotes.announce", quotes.len() as u64, &[]),
                    None => String::new(),
                }
            }</p>
            if concern.is_some() && quotes.is_empty() {
                <p role="status">{ t.get("quotes.none") }</p>
            }
            if !quotes.is_empty() {
                <CourseChart rows={chart_rows} />
                <ul class="tw-quotes">
                    { for quotes.iter().map(|q| html! {
                        <li class="tw-quote">
                            <p class="tw-quote-name">{ &q.treatment.name }<span class="tw-tag">{ t.get(&format!("fit.{}", q.fit.id())) }</span></p>
                            <dl class="tw-quote-facts">
                                <div><dt>{ t.get("quotes.usual") }</dt><dd>{ t.fill("quotes.usual_value", &[("n", &q.sessions.to_string()), ("price", &f.range(q.per_session)), ("area", &area_name(&q.area)), ("tax", &pre_tax)]) }</dd></div>
                                <div><dt>{ t.get("quotes.total") }</dt><dd class="tw-strong">{ f.range(q.total) }</dd></div>
                                <div><dt>{ t.get("detail.downtime") }</dt><dd>{ downtime_scale(&t, q.treatment) }</dd></div>
                            </dl>
                            if !q.treatment.course.fact.text.is_empty() { <p class="tw-note">{ &q.treatment.course.fact.text }</p> }
                            <button type="button" class="tw-link-button" onclick={price_it(q.treatment.id.clone())}>
                                { t.fill("quotes.price_it", &[("treatment", &q.treatment.name)]) }
                            </button>
                        </li>
                    }) }
                </ul>
                <p class="tw-note">{ note }</p>
            }
        </section>
    }
}
