use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::app::{use_formats, use_setup, use_texts};
use crate::core::catalog::Treatment;
use crate::core::estimate_params::EstimateForm;
use crate::core::quotes::year_of_each;
use crate::core::pricing::Range;
use super::course_chart::{CourseChart, CourseRow, Unit};
use crate::core::wording::mm_range;

#[derive(Properties, PartialEq)]
pub struct YearCompareProps {
    pub form: EstimateForm,
    pub on_change: Callback<EstimateForm>,
}

/// A year of at-home rolling against a professional course: cost, and what each can and cannot do.
#[component]
pub fn YearCompare(props: &YearCompareProps) -> Html {
    let setup = use_setup();
    let t = use_texts();
    let f = use_formats();
    let catalog = &setup.catalog;
    let config = &setup.config;
    let book = config.price_book(props.form.location.as_deref());
    let Some(year) = year_of_each(catalog, book, props.form.rollers_per_year) else { return html! {} };
    let (Some(home), Some(pro)) = (catalog.treatment("at-home-microneedling"), catalog.treatment("professional-microneedling")) else {
        return html! {};
    };
    let note = book.and_then(|b| b.at_home.as_ref()).and_then(|a| a.note.as_ref()).map(|n| n.get(t.lang).to_string());
    let on_rollers = {
        let (form, on_change) = (props.form.clone(), props.on_change.clone());
        Callback::from(move |e: Event| {
            let v = e.target_dyn_into::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
            if let Ok(n) = v.trim().parse::<u8>() {
                if (1..=52).contains(&n) {
                    on_change.emit(EstimateForm { rollers_per_year: n, ..form.clone() });
                }
            }
        })
    };
    let depth = |tr: &Treatment| tr.needle_depth.as_ref().map(|d| mm_range(d.min_hundredths_mm, d.max_hundredths_mm)).unwrap_or_default();
    html! {
        <section class="tw-est-section" aria-labelledby="tw-year-title">
            <h4 id="tw-year-title" class="tw-section-title">{ t.get("year.title") }</h4>
            <div class="tw-field tw-field-inline">
                <label for="tw-year-rollers">{ t.get("year.rollers") }</label>
                <input id="tw-year-rollers" type="number" inputmode="numeric" min="1" max="52" value={year.rollers_per_year.to_string()} onchange={on_rollers} />
            </div>
            <p class="tw-visually-hidden" role="status">{ t.fill("year.announce", &[("home", &f.range(year.at_home)), ("clinic", &f.range(year.professional))]) }</p>
            <CourseChart rows={vec![
                CourseRow { name: home.name.clone(), detail: t.fill("year.home_note", &[("rollers", &year.rollers_per_year.to_string()), ("depth", &depth(home))]), total: year.at_home },
                CourseRow { name: pro.name.clone(), detail: t.fill("year.pro_note", &[("sessions", &year.professional_sessions.to_string()), ("depth", &depth(pro))]), total: year.professional },
            ]} name_key="year.chart_cost" />
            if let (Some(h), Some(p)) = (&home.needle_depth, &pro.needle_depth) {
                <CourseChart unit={Unit::Millimetres} name_key="year.chart_depth" rows={vec![
                    CourseRow { name: home.name.clone(), detail: t.get("year.depth_label").to_string(), total: Range::new(h.min_hundredths_mm.into(), h.max_hundredths_mm.into()) },
                    CourseRow { name: pro.name.clone(), detail: t.get("year.depth_label").to_string(), total: Range::new(p.min_hundredths_mm.into(), p.max_hundredths_mm.into()) },
                ]} />
            }
            <div class="tw-year">
                <div class="tw-year-card">
                    <p class="tw-quote-name">{ &home.name }</p>
                    <p class="tw-big">{ f.range(year.at_home) }</p>
                    <p class="tw-note">{ t.fill("year.home_note", &[("rollers", &year.rollers_per_year.to_string()), ("depth", &depth(home))]) }</p>
                    <p>{ &home.best_for.text }</p>
                </div>
                <div class="tw-year-card">
                    <p class="tw-quote-name">{ &pro.name }</p>
                    <p class="tw-big">{ f.range(year.professional) }</p>
                    <p class="tw-note">{ t.fill("year.pro_note", &[("sessions", &year.professional_sessions.to_string()), ("depth", &depth(pro))]) }</p>
                    <p>{ &pro.best_for.text }</p>
                </div>
            </div>
            <p class="tw-note">{ t.get(if config.prices_are_typical_ranges { "year.typical" } else { "year.clinic" }) }</p>
            if let Some(text) = home.at_home_vs_professional.as_ref() { <p>{ &text.text }</p> }
            if let Some(n) = note { <p class="tw-note">{ n }</p> }
        </section>
    }
}
