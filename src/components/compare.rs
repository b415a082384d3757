//! Two to four treatments side by side: a table on wide widgets, stacked cards on narrow ones.

use yew::prelude::*;

use super::estimate_wording::tax_note;
use super::downtime_scale::downtime_scale;
use super::skin_depth::{Needle, SkinDepth};
use crate::app::{use_dispatch, use_formats, use_nav, use_setup, use_texts};
use crate::core::catalog::{Family, Treatment};
use crate::core::route::{Route, MAX_COMPARE};
use crate::core::texts::Texts;
use crate::core::wording::{course, days_range, mm_range};
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    /// The treatments in the comparison (from the route).
    pub ids: Vec<String>,
    /// Treatments ticked for the next comparison.
    pub picks: Vec<String>,
}

/// One row of the comparison: a label's string key and how to describe each treatment.
struct Row {
    label: &'static str,
    value: fn(&Texts, &Treatment, &str) -> String,
    /// A picture shown before the words (the downtime scale).
    picture: Option<fn(&Texts, &Treatment) -> Html>,
}

fn rows() -> Vec<Row> {
    vec![
        Row { label: "compare.row.what", value: |_, tr, _| tr.summary.text.clone(), picture: None },
        Row {
            label: "compare.row.downtime",
            // The level is in the picture's words; the sources' detail follows.
            value: |_, tr, _| tr.downtime_detail.text.clone(),
            picture: Some(downtime_scale),
        },
        Row { label: "compare.row.sessions", value: |t, tr, _| course(t, &tr.course), picture: None },
        Row {
            label: "compare.row.depth",
            value: |t, tr, _| match &tr.needle_depth {
                Some(d) => mm_range(d.min_hundredths_mm, d.max_hundredths_mm),
                None if tr.family == Family::Clinic => t.get("compare.ask").to_string(),
                None => t.get("compare.no_needles").to_string(),
            },
            picture: None,
        },
        Row {
            label: "compare.row.results",
            value: |t, tr, _| match &tr.results {
                Some(r) => t.fill(
                    "compare.results",
                    &[("early", &days_range(t, r.early_days, r.early_days)), ("full", &days_range(t, r.full_days_min, r.full_days_max))],
                ),
                None if tr.family == Family::Clinic => t.get("compare.ask").to_string(),
                None => t.get("compare.no_timeline").to_string(),
            },
            picture: None,
        },
        Row {
            label: "compare.row.suited",
            value: |t, tr, clinic| if tr.described_by_clinic { t.fill("tag.described_by", &[("clinic", clinic)]) } else { tr.best_for.text.clone() },
            picture: None,
        },
        Row {
            label: "compare.row.skin",
            value: |t, tr, _| tr.skin_tone_note.as_ref().map(|f| f.text.clone()).unwrap_or_else(|| t.get("compare.no_skin_note").to_string()),
            picture: None,
        },
    ]
}

#[component]
pub fn Compare(props: &CompareProps) -> Html {
    let setup = use_setup();
    let t = use_texts();
    let f = use_formats();
    let nav = use_nav();
    let dispatch = use_dispatch();
    let catalog = &setup.catalog;
    let config = &setup.config;
    let clinic = setup.clinic();
    let chosen: Vec<&Treatment> = props.ids.iter().filter_map(|id| catalog.treatment(id)).collect();
    let book = config.price_book(None);
    // The clinic's price for one session of its standard area (at its first location).
    let price = |tr: &Treatment| -> Option<String> {
        let book = book?;
        if !config.offers(&tr.id) {
            return Some(t.get("compare.not_offered").to_string());
        }
        let Some(prices) = book.treatment(&tr.id) else { return Some(t.get("compare.ask_clinic").to_string()) };
        let (area, range) = prices.areas.first()?;
        let area = catalog.area(area).map(|a| a.name.to_lowercase()).unwrap_or_default();
        Some(t.fill("compare.price_value", &[("price", &f.range(*range)), ("area", &area), ("tax", &tax_note(&t, book))]))
    };
    let show_prices = book.is_some();
    let mut price_label = t.get(if config.prices_are_typical_ranges { "compare.typical_price" } else { "compare.price_here" }).to_string();
    if config.locations.len() > 1 {
        price_label = t.fill("compare.price_at", &[("label", &price_label), ("location", config.locations[0].name.get(setup.lang))]);
    }
    let picks = &props.picks;
    let showing = chosen.len() >= 2;

    let picker_item = |tr: &Treatment| {
        let dispatch = dispatch.clone();
        let id = tr.id.clone();
        let checked = picks.contains(&tr.id);
        let full = picks.len() >= MAX_COMPARE && !checked;
        html! {
            <li>
                <label class={classes!("tw-check", full.then_some("tw-disabled"))}>
                    // With four chosen the others say so (aria-disabled, and the count they point to)
                    // rather than vanish from the keyboard's path.
                    <input type="checkbox" checked={checked} aria-disabled={full.then_some("true")} aria-describedby={full.then_some("tw-compare-count")}
                        onclick={Callback::from(move |e: MouseEvent| if full { e.prevent_default() })}
                        onchange={move |_| dispatch.dispatch(Action::ToggleComparePick(id.clone()))} />
                    <span>{ &tr.name }</span>
                </label>
            </li>
        }
    };
    let (microneedling, others): (Vec<&Treatment>, Vec<&Treatment>) =
        catalog.treatments.iter().partition(|tr| tr.family == Family::Microneedling);
    let apply = {
        let navigate = nav.navigate.clone();
        let picks = picks.clone();
        let ready = picks.len() >= 2 && *picks != props.ids;
        Callback::from(move |_: MouseEvent| if ready { navigate.emit(Route::Compare(picks.clone())) })
    };
    let unchanged = *picks == props.ids;
    let picker = html! {
        <fieldset class="tw-fieldset">
            <legend>{ t.fill("compare.choose", &[("max", &MAX_COMPARE.to_string())]) }</legend>
            <p class="tw-note" id="tw-compare-count" role="status">{
                // The count says what to do next when a control cannot be used.
                t.fill(
                    if picks.len() >= MAX_COMPARE { "compare.chosen_full" } else if picks.len() < 2 { "compare.chosen_few" } else { "compare.chosen" },
                    &[("n", &picks.len().to_string()), ("max", &MAX_COMPARE.to_string())],
                )
            }</p>
            <h4 class="tw-group-title">{ t.get("treatments.microneedling") }</h4>
            <ul class="tw-checks">{ for microneedling.iter().map(|tr| picker_item(tr)) }</ul>
            <h4 class="tw-group-title">{ t.get("compare.other_group") }</h4>
            <ul class="tw-checks">{ for others.iter().map(|tr| picker_item(tr)) }</ul>
            <button type="button" class="tw-button" onclick={apply} aria-disabled={(picks.len() < 2 || (showing && unchanged)).then_some("true")} aria-describedby="tw-compare-count">
                { t.get(if showing { "compare.update" } else { "compare.compare" }) }
            </button>
        </fieldset>
    };
    if !showing {
        return html! {
            <>
                <p>{ t.get("compare.intro") }</p>
                { picker }
            </>
        };
    }

    let offered_here = |tr: &Treatment| config.offers(&tr.id) && config.clinic_name.is_some();
    let header_cell = |tr: &&Treatment| {
        let navigate = nav.navigate.clone();
        let route = Route::Treatment(tr.id.clone());
        html! {
            <th scope="col">
                <button type="button" class="tw-link-button" onclick={move |_| navigate.emit(route.clone())}>{ &tr.name }</button>
                if offered_here(tr) { <span class="tw-tag tw-tag-offered">{ t.get("tag.offered") }</span> }
            </th>
        }
    };
    let table = html! {
        <div class="tw-compare-table">
            <table>
                <caption class="tw-visually-hidden">{ t.get("compare.caption") }</caption>
                <thead>
                    <tr><td class="tw-corner"></td>{ for chosen.iter().map(header_cell) }</tr>
                </thead>
                <tbody>
                    { for rows().into_iter().map(|row| html! {
                        <tr>
                            <th scope="row">{ t.get(row.label) }</th>
                            { for chosen.iter().map(|tr| html! { <td>if let Some(p) = row.picture { { p(&t, tr) }<br /> }{ (row.value)(&t, tr, &clinic) }</td> }) }
                        </tr>
                    }) }
                    if show_prices {
                        <tr>
                            <th scope="row">{ &price_label }</th>
                            { for chosen.iter().map(|tr| html! { <td>{ price(tr).unwrap_or_default() }</td> }) }
                        </tr>
                    }
                </tbody>
            </table>
        </div>
    };
    let cards = html! {
        <ul class="tw-compare-cards">
            { for chosen.iter().map(|tr| html! {
                <li class="tw-compare-card">
                    <h4 class="tw-section-title">{ &tr.name }</h4>
                    if offered_here(tr) { <span class="tw-tag tw-tag-offered">{ t.get("tag.offered") }</span> }
                    <dl class="tw-compare-list">
                        { for rows().into_iter().map(|row| html! {
                            <div><dt>{ t.get(row.label) }</dt><dd>if let Some(p) = row.picture { { p(&t, tr) }<br /> }{ (row.value)(&t, tr, &clinic) }</dd></div>
                        }) }
                        if show_prices {
                            <div><dt>{ &price_label }</dt><dd>{ price(tr).unwrap_or_default() }</dd></div>
                        }
                    </dl>
                </li>
            }) }
        </ul>
    };
    html! {
        <>
            { table }
            { cards }
            <SkinDepth needles={chosen.iter().filter_map(|tr| Needle::of(tr, false)).collect::<Vec<_>>()} />
            <details class="tw-change">
                <summary>{ t.get("compare.change") }</summary>
                { picker }
            </details>
        </>
    }
}
