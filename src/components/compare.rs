use yew::prelude::*;

use crate::app::ViewContext;
use crate::core::catalog::{Family, Treatment};
use crate::core::route::{Route, MAX_COMPARE};
use crate::core::wording::{course, days_range, mm_range};
use crate::state::Action;
use crate::web::intl::Formats;
use super::estimate_wording::before_tax;

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    pub ctx: ViewContext,
    /// The treatments in the comparison (from the route).
    pub ids: Vec<String>,
}

/// One row of the comparison: a label and how to describe each treatment.
struct Row {
    label: &'static str,
    value: fn(&Treatment) -> String,
}

fn rows() -> Vec<Row> {
    vec![
        Row { label: "What it does", value: |t| t.summary.text.clone() },
        Row { label: "Downtime", value: |t| format!("{}. {}", t.downtime.label(), t.downtime_detail.text) },
        Row {
            label: "Sessions",
            value: |t| course(&t.course),
        },
        Row {
            label: "Needle depth",
            value: |t| match &t.needle_depth {
                Some(d) => mm_range(d.min_hundredths_mm, d.max_hundredths_mm),
                None => "No needles".into(),
            },
        },
        Row {
            label: "Results",
            value: |t| match &t.results {
                Some(r) => format!(
                    "First changes typically after about {}; full results typically {} after starting (results vary)",
                    days_range(r.early_days, r.early_days),
                    days_range(r.full_days_min, r.full_days_max)
                ),
                None => "The sources give no timeline.".into(),
            },
        },
        Row { label: "Suited to", value: |t| t.best_for.text.clone() },
        Row {
            label: "Skin-tone notes",
            value: |t| t.skin_tone_note.as_ref().map(|f| f.text.clone()).unwrap_or_else(|| "No specific note in the sources.".into()),
        },
    ]
}

/// Two to four treatments side by side: a table on wide widgets, stacked cards on narrow ones.
#[component]
pub fn Compare(props: &CompareProps) -> Html {
    let ctx = &props.ctx;
    let catalog = &ctx.setup.catalog;
    let config = &ctx.setup.config;
    let chosen: Vec<&Treatment> = props.ids.iter().filter_map(|id| catalog.treatment(id)).collect();
    let formats = use_memo((config.locale.clone(), config.currency), |(l, c)| Formats::new(l, *c));
    // The clinic's price for one session of its standard area, once it publishes prices.
    let price = |t: &Treatment| -> Option<String> {
        let book = config.pricing.as_ref()?;
        if !config.offers(&t.id) {
            return Some("Not offered here".into());
        }
        let Some(prices) = book.treatment(&t.id) else { return Some("Ask the clinic".into()) };
        let (area, range) = prices.areas.first()?;
        let area = catalog.area(area).map(|a| a.name.to_lowercase()).unwrap_or_default();
        Some(format!("{} a session ({area}){}", formats.range(*range), before_tax(book)))
    };
    let show_prices = config.pricing.is_some();
    let price_label = if config.prices_are_typical_ranges {
        "Typical price (an estimate, not a quote)"
    } else {
        "Price here (an estimate, not a quote)"
    };
    let picks = &ctx.state.compare_picks;
    let showing = chosen.len() >= 2;

    let picker_item = |t: &Treatment| {
        let state = ctx.state.clone();
        let id = t.id.clone();
        let checked = picks.contains(&t.id);
        let full = picks.len() >= MAX_COMPARE && !checked;
        html! {
            <li>
                <label class={classes!("tw-check", full.then_some("tw-disabled"))}>
                    <input type="checkbox" checked={checked} disabled={full}
                        onchange={move |_| state.dispatch(Action::ToggleComparePick(id.clone()))} />
                    <span>{ &t.name }</span>
                </label>
            </li>
        }
    };
    let (microneedling, others): (Vec<&Treatment>, Vec<&Treatment>) =
        catalog.treatments.iter().partition(|t| t.family == Family::Microneedling);
    let apply = {
        let navigate = ctx.navigate.clone();
        let picks = picks.clone();
        Callback::from(move |_: MouseEvent| navigate.emit(Route::Compare(picks.clone())))
    };
    let unchanged = *picks == props.ids;
    let picker = html! {
        <fieldset class="tw-fieldset">
            <legend>{ format!("Choose 2 to {MAX_COMPARE} treatments") }</legend>
            <p class="tw-note">{ format!("{} of {MAX_COMPARE} chosen.", picks.len()) }</p>
            <h4 class="tw-group-title">{ "Microneedling" }</h4>
            <ul class="tw-checks">{ for microneedling.iter().map(|t| picker_item(t)) }</ul>
            <h4 class="tw-group-title">{ "Other treatments" }</h4>
            <ul class="tw-checks">{ for others.iter().map(|t| picker_item(t)) }</ul>
            <button type="button" class="tw-button" onclick={apply} disabled={picks.len() < 2 || (showing && unchanged)}>
                { if showing { "Update the comparison" } else { "Compare" } }
            </button>
        </fieldset>
    };
    if !showing {
        return html! {
            <>
                <p>{ "Pick the treatments you are weighing up to see what each does, its downtime, sessions and results side by side." }</p>
                { picker }
            </>
        };
    }

    let header_cell = |t: &&Treatment| {
        let navigate = ctx.navigate.clone();
        let route = Route::Treatment(t.id.clone());
        html! {
            <th scope="col">
                <button type="button" class="tw-link-button" onclick={move |_| navigate.emit(route.clone())}>{ &t.name }</button>
                if config.offers(&t.id) { <span class="tw-tag tw-tag-offered">{ "Offered here" }</span> }
            </th>
        }
    };
    let table = html! {
        <div class="tw-compare-table">
            <table>
                <caption class="tw-visually-hidden">{ "Treatments compared side by side" }</caption>
                <thead>
                    <tr><td class="tw-corner"></td>{ for chosen.iter().map(header_cell) }</tr>
                </thead>
                <tbody>
                    { for rows().into_iter().map(|row| html! {
                        <tr>
                            <th scope="row">{ row.label }</th>
                            { for chosen.iter().map(|t| html! { <td>{ (row.value)(t) }</td> }) }
                        </tr>
                    }) }
                    if show_prices {
                        <tr>
                            <th scope="row">{ price_label }</th>
                            { for chosen.iter().map(|t| html! { <td>{ price(t).unwrap_or_default() }</td> }) }
                        </tr>
                    }
                </tbody>
            </table>
        </div>
    };
    let cards = html! {
        <ul class="tw-compare-cards">
            { for chosen.iter().map(|t| html! {
                <li class="tw-compare-card">
                    <h4 class="tw-section-title">{ &t.name }</h4>
                    if config.offers(&t.id) { <span class="tw-tag tw-tag-offered">{ "Offered here" }</span> }
                    <dl class="tw-compare-list">
                        { for rows().into_iter().map(|row| html! {
                            <div><dt>{ row.label }</dt><dd>{ (row.value)(t) }</dd></div>
                        }) }
                        if show_prices {
                            <div><dt>{ price_label }</dt><dd>{ price(t).unwrap_or_default() }</dd></div>
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
            <details class="tw-change">
                <summary>{ "Change the treatments" }</summary>
                { picker }
            </details>
        </>
    }
}
