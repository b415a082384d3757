use yew::prelude::*;

use super::booking_link::BookingLink;
use super::fact_list::{FactList, SourceLine};
use super::view_frame::ViewFrame;
use crate::app::ViewContext;
use crate::core::catalog::{Fact, Setting};
use crate::core::route::Route;
use crate::core::wording::{course as course_words, days_range, mm_range};

#[derive(Properties, PartialEq)]
pub struct TreatmentDetailProps {
    pub ctx: ViewContext,
    pub treatment: AttrValue,
}

/// Everything about one treatment, with where each fact came from.
#[component]
pub fn TreatmentDetail(props: &TreatmentDetailProps) -> Html {
    let ctx = &props.ctx;
    let setup = &ctx.setup;
    let catalog = &setup.catalog;
    let Some(t) = catalog.treatment(&props.treatment) else { return html! {} };
    let config = &setup.config;
    let offered = config.offers(&t.id);

    let course = &t.course;
    let results = t.results.as_ref();
    let concerns = t.concerns.iter().filter_map(|fit| {
        let concern = catalog.concern(&fit.concern)?;
        Some(html! {
            <li><strong>{ &concern.name }</strong>{ format!(" ({}): ", fit.fit.label().to_lowercase()) }{ &fit.reason.text }</li>
        })
    });
    let areas: Vec<&str> = t.areas.iter().filter_map(|a| catalog.area(a)).map(|a| a.name.as_str()).collect();

    let mut page_facts: Vec<Fact> = vec![t.summary.clone()];
    page_facts.extend(t.how_it_works.iter().cloned());
    page_facts.extend(t.needle_depth.iter().map(|d| d.fact.clone()));
    page_facts.extend([course.fact.clone(), t.downtime_detail.clone(), t.discomfort.clone()]);
    page_facts.extend(results.iter().flat_map(|r| [r.early.clone(), r.full.clone()]));
    page_facts.push(t.best_for.clone());
    page_facts.extend(t.concerns.iter().map(|c| c.reason.clone()));
    page_facts.extend(t.at_home_vs_professional.iter().cloned());
    page_facts.extend(t.skin_tone_note.iter().cloned());
    page_facts.extend(t.risks.iter().chain(&t.avoid_if).chain(&t.aftercare).cloned());

    let section = |title: &str, facts: &[Fact]| {
        html! {
            <>
                <h4 class="tw-section-title">{ title.to_string() }</h4>
                <FactList facts={facts.to_vec()} />
            </>
        }
    };
    html! {
        <ViewFrame ctx={ctx.clone()} title={t.name.clone()} back={Route::Treatments} back_label="All treatments">
            <p class="tw-lead">{ &t.summary.text }</p>
            <p class="tw-tags-line">
                <span class="tw-tag">{ if t.setting == Setting::AtHome { "Done at home" } else { "Done in a clinic" } }</span>
                if offered {
                    <span class="tw-tag tw-tag-offered">{ format!("Offered at {}", config.clinic_name) }</span>
                }
            </p>
            <dl class="tw-glance">
                if let Some(depth) = &t.needle_depth {
                    <div><dt>{ "Needle depth" }</dt><dd>{ mm_range(depth.min_hundredths_mm, depth.max_hundredths_mm) }</dd></div>
                }
                <div><dt>{ "Typical course" }</dt><dd>{ course_words(course) }</dd></div>
                <div><dt>{ "Downtime" }</dt><dd>{ t.downtime.label() }</dd></div>
                if let Some(results) = results {
                    <div><dt>{ "First changes" }</dt><dd>{ format!("typically after about {}", days_range(results.early_days, results.early_days)) }</dd></div>
                    <div><dt>{ "Full results" }</dt><dd>{ format!("typically {} after starting; results vary", days_range(results.full_days_min, results.full_days_max)) }</dd></div>
                }
            </dl>
            <p>{ &course.fact.text }</p>
            { section("How it works", &t.how_it_works) }
            if let Some(depth) = &t.needle_depth { <p>{ &depth.fact.text }</p> }
            <h4 class="tw-section-title">{ "What it feels like and the downtime" }</h4>
            <ul class="tw-facts"><li>{ &t.discomfort.text }</li><li>{ &t.downtime_detail.text }</li></ul>
            if let Some(results) = results {
                <h4 class="tw-section-title">{ "When you may see results" }</h4>
                <ul class="tw-facts"><li>{ &results.early.text }</li><li>{ &results.full.text }</li></ul>
            }
            <h4 class="tw-section-title">{ "What it can help with" }</h4>
            <p>{ &t.best_for.text }</p>
            <ul class="tw-facts">{ for concerns }</ul>
            <h4 class="tw-section-title">{ "Areas it can treat" }</h4>
            <p>{ areas.join(", ") }</p>
            if let Some(note) = &t.at_home_vs_professional {
                <h4 class="tw-section-title">{ "At home or in a clinic?" }</h4>
                <p>{ &note.text }</p>
            }
            if let Some(note) = &t.skin_tone_note {
                <h4 class="tw-section-title">{ "Skin tones" }</h4>
                <p>{ &note.text }</p>
            }
            { section("Risks and side effects", &t.risks) }
            { section("Who should avoid it or ask a professional first", &t.avoid_if) }
            { section("Aftercare", &t.aftercare) }
            <SourceLine facts={page_facts} catalog={catalog.clone()} label="Sources for this page" />
            <p>
                <button type="button" class="tw-button tw-secondary" onclick={
                    let navigate = ctx.navigate.clone();
                    let id = t.id.clone();
                    move |_| navigate.emit(Route::Compare(vec![id.clone()]))
                }>{ "Compare with other treatments" }</button>
                if offered && config.pricing.as_ref().is_some_and(|b| b.treatment(&t.id).is_some()) {
                    { " " }
                    <button type="button" class="tw-button tw-secondary" onclick={
                        let navigate = ctx.navigate.clone();
                        let id = t.id.clone();
                        move |_| navigate.emit(Route::Estimate(Some(format!("t={id}"))))
                    }>{ "Estimate the cost" }</button>
                }
            </p>
            if offered {
                if let Some(booking) = config.booking.clone() {
                    <BookingLink booking={booking} clinic_name={config.clinic_name.clone()} />
                }
            } else {
                <p class="tw-note">{ format!("{} does not offer this treatment; it is here so you can read about it and compare.", config.clinic_name) }</p>
            }
        </ViewFrame>
    }
}
