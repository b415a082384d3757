//! Everything about one treatment, with where each fact came from. A clinic's own treatment is
//! shown as the clinic describes it, apart from the sourced guide.

use yew::prelude::*;

use super::booking_link::BookingLink;
use super::fact_list::{FactList, SourceLine};
use super::view_frame::ViewFrame;
use crate::app::{use_nav, use_setup, use_texts};
use crate::core::catalog::{Fact, Setting, Treatment};
use crate::core::config::Section;
use crate::core::route::Route;
use crate::core::texts::Texts;
use crate::core::wording::{course as course_words, days_range, mm_range};

use super::downtime_scale::downtime_scale;
use super::skin_depth::{page_needles, skin_facts, SkinDepth};

#[derive(Properties, PartialEq)]
pub struct TreatmentDetailProps {
    pub treatment: AttrValue,
}

pub fn downtime_label(t: &Texts, tr: &Treatment) -> String {
    if tr.described_by_clinic && !tr.downtime_given {
        return t.get("downtime.ask").to_string();
    }
    t.get(&format!("downtime.{}", tr.downtime.id())).to_string()
}

#[component]
pub fn TreatmentDetail(props: &TreatmentDetailProps) -> Html {
    let setup = use_setup();
    let t = use_texts();
    let nav = use_nav();
    let catalog = &setup.catalog;
    let config = &setup.config;
    let Some(tr) = catalog.treatment(&props.treatment) else { return html! {} };
    let offered = config.offers(&tr.id) && config.clinic_name.is_some();
    let clinic = setup.clinic();

    let course = &tr.course;
    let results = tr.results.as_ref();
    let concerns = tr.concerns.iter().filter_map(|fit| {
        let concern = catalog.concern(&fit.concern)?;
        let reason = if tr.described_by_clinic { String::new() } else { format!(": {}", fit.reason.text) };
        Some(html! {
            <li><strong>{ &concern.name }</strong>{ format!(" ({})", t.get(&format!("fit.{}", fit.fit.id())).to_lowercase()) }{ reason }</li>
        })
    });
    let areas: Vec<&str> = tr.areas.iter().filter_map(|a| catalog.area(a)).map(|a| a.name.as_str()).collect();

    let mut page_facts: Vec<Fact> = vec![tr.summary.clone()];
    page_facts.extend(tr.how_it_works.iter().cloned());
    page_facts.extend(tr.needle_depth.iter().map(|d| d.fact.clone()));
    page_facts.extend([course.fact.clone(), tr.downtime_detail.clone(), tr.discomfort.clone()]);
    page_facts.extend(results.iter().flat_map(|r| [r.early.clone(), r.full.clone()]));
    page_facts.push(tr.best_for.clone());
    page_facts.extend(tr.concerns.iter().map(|c| c.reason.clone()));
    page_facts.extend(tr.at_home_vs_professional.iter().cloned());
    page_facts.extend(tr.skin_tone_note.iter().cloned());
    page_facts.extend(tr.risks.iter().chain(&tr.avoid_if).chain(&tr.aftercare).cloned());
    let needles = page_needles(catalog, tr);
    if !needles.is_empty() {
        page_facts.extend(skin_facts(catalog));
    }

    let section = |title_key: &str, facts: &[Fact]| {
        if facts.is_empty() {
            return html! {};
        }
        html! {
            <>
                <h4 class="tw-section-title">{ t.get(title_key) }</h4>
                <FactList facts={facts.to_vec()} />
            </>
        }
    };
    let go = |route: Route| {
        let navigate = nav.navigate.clone();
        Callback::from(move |_: MouseEvent| navigate.emit(route.clone()))
    };
    let priced = offered && config.shows(Section::Estimate) && config.price_book(None).is_some_and(|b| b.treatment(&tr.id).is_some());
    html! {
        <ViewFrame title={tr.name.clone()} back={Route::Treatments} back_label={AttrValue::from(t.get("nav.all_treatments").to_string())}>
            if let Some(original) = &tr.catalog_name {
                <p class="tw-note">{ t.fill("detail.renamed", &[("clinic", &clinic), ("name", original)]) }</p>
            }
            <p class="tw-lead">{ &tr.summary.text }</p>
            <p class="tw-tags-line">
                <span class="tw-tag">{ t.get(if tr.setting == Setting::AtHome { "tag.done_at_home" } else { "tag.done_in_clinic" }) }</span>
                if tr.described_by_clinic {
                    <span class="tw-tag">{ t.fill("tag.described_by", &[("clinic", &clinic)]) }</span>
                }
                if offered {
                    <span class="tw-tag tw-tag-offered">{ t.fill("tag.offered_at", &[("clinic", &clinic)]) }</span>
                }
            </p>
            <dl class="tw-glance">
                if let Some(depth) = &tr.needle_depth {
                    <div><dt>{ t.get("detail.depth") }</dt><dd>{ mm_range(depth.min_hundredths_mm, depth.max_hundredths_mm) }</dd></div>
                }
                <div><dt>{ t.get("detail.course") }</dt><dd>{ course_words(&t, course) }</dd></div>
                <div><dt>{ t.get("detail.downtime") }</dt><dd>{ downtime_scale(&t, tr) }</dd></div>
                if let Some(results) = results {
                    <div><dt>{ t.get("detail.first_changes") }</dt><dd>{ t.fill("detail.first_changes_value", &[("span", &days_range(&t, results.early_days, results.early_days))]) }</dd></div>
                    <div><dt>{ t.get("detail.full_results") }</dt><dd>{ t.fill("detail.full_results_value", &[("span", &days_range(&t, results.full_days_min, results.full_days_max))]) }</dd></div>
                }
            </dl>
            if tr.described_by_clinic {
                <p class="tw-clinic-described">{ t.fill("detail.clinic_described", &[("clinic", &clinic)]) }</p>
                { for tr.clinic_sections.iter().map(|(title, text)| html! {
                    <>
                        <h4 class="tw-section-title">{ title }</h4>
                        <p>{ text }</p>
                    </>
                }) }
                if !areas.is_empty() {
                    <h4 class="tw-section-title">{ t.get("detail.areas") }</h4>
                    <p>{ areas.join(", ") }</p>
                }
            } else {
                <p>{ &course.fact.text }</p>
                { section("detail.how", &tr.how_it_works) }
                if let Some(depth) = &tr.needle_depth { <p>{ &depth.fact.text }</p> }
                <SkinDepth needles={needles.clone()} />
                <h4 class="tw-section-title">{ t.get("detail.feel") }</h4>
                <ul class="tw-facts"><li>{ &tr.discomfort.text }</li><li>{ &tr.downtime_detail.text }</li></ul>
                if let Some(results) = results {
                    <h4 class="tw-section-title">{ t.get("detail.results") }</h4>
                    <ul class="tw-facts"><li>{ &results.early.text }</li><li>{ &results.full.text }</li></ul>
                }
                <h4 class="tw-section-title">{ t.get("detail.helps") }</h4>
                <p>{ &tr.best_for.text }</p>
                <ul class="tw-facts">{ for concerns }</ul>
                <h4 class="tw-section-title">{ t.get("detail.areas") }</h4>
                <p>{ areas.join(", ") }</p>
                if let Some(note) = &tr.at_home_vs_professional {
                    <h4 class="tw-section-title">{ t.get("detail.home_or_clinic") }</h4>
                    <p>{ &note.text }</p>
                }
                if let Some(note) = &tr.skin_tone_note {
                    <h4 class="tw-section-title">{ t.get("detail.skin_tones") }</h4>
                    <p>{ &note.text }</p>
                }
                { section("detail.risks", &tr.risks) }
                { section("detail.avoid", &tr.avoid_if) }
                { section("detail.aftercare", &tr.aftercare) }
                <SourceLine facts={page_facts} label="sources.this_page" />
            }
            <p>
                if config.shows(Section::Compare) {
                    <button type="button" class="tw-button tw-secondary" onclick={go(Route::Compare(vec![tr.id.clone()]))}>{ t.get("detail.compare") }</button>
                }
                if priced {
                    { " " }
                    <button type="button" class="tw-button tw-secondary" onclick={go(Route::Estimate(Some(format!("t={}", tr.id))))}>{ t.get("detail.estimate") }</button>
                }
            </p>
            if offered {
                if let Some(booking) = config.booking_for(None).cloned() {
                    <BookingLink booking={booking} clinic_name={clinic.clone()} />
                }
            } else if config.clinic_name.is_some() {
                <p class="tw-note">{ t.fill("detail.not_offered", &[("clinic", &clinic)]) }</p>
            }
        </ViewFrame>
    }
}
