//! Ranges drawn as bars on one axis: whole courses' totals (money), a year at home against a year
//! in a clinic (money, and needle depth in millimetres). Each row's words sit beside its name. It
//! only draws what `core::cost_scale` laid out from the same figures the text beside it shows (the
//! text stays). Shapes are placed by percentage, text keeps its size; colours come from classes.

use yew::prelude::*;

use crate::app::{use_formats, use_texts};
use crate::core::cost_scale::{cost_scale, FULL};
use crate::core::pricing::Range;
use crate::core::wording::mm_range;
use super::plan_timeline::pct;

#[derive(Clone, PartialEq)]
pub struct CourseRow {
    pub name: String,
    /// "3 sessions · Downtime: low", as the text beside the picture words them.
    pub detail: String,
    /// Minor units of money, or hundredths of a millimetre.
    pub total: Range,
}

/// What the bars measure.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Money,
    /// Hundredths of a millimetre (needle depth).
    Millimetres,
}

#[derive(Properties, PartialEq)]
pub struct CourseChartProps {
    pub rows: Vec<CourseRow>,
    /// The string whose `{courses}` takes "name: figure; …", the picture's accessible name.
    #[prop_or("quotes.chart")]
    pub name_key: &'static str,
    #[prop_or(Unit::Money)]
    pub unit: Unit,
}

#[component]
pub fn CourseChart(props: &CourseChartProps) -> Html {
    let t = use_texts();
    let f = use_formats();
    let unit = props.unit;
    let figure = |r: Range| match unit {
        Unit::Money => f.range(r),
        Unit::Millimetres => mm_range(r.low.clamp(0, 65_535) as u16, r.high.clamp(0, 65_535) as u16),
    };
    let tick = |amount: i64| match unit {
        Unit::Money => f.money_whole(amount),
        Unit::Millimetres => mm_range(amount.clamp(0, 65_535) as u16, amount.clamp(0, 65_535) as u16),
    };
    let Some(scale) = cost_scale(&props.rows.iter().map(|r| r.total).collect::<Vec<_>>()) else { return Html::default() };
    let name = {
        let each: Vec<String> = props.rows.iter().map(|r| format!("{}: {}", r.name, figure(r.total))).collect();
        t.fill(props.name_key, &[("courses", &each.join("; "))])
    };
    html! {
        // One picture for assistive technology (its name says every total); the list below holds
        // the same facts as text. Names are HTML, so a long clinic name wraps instead of being cut.
        <figure class="tw-quote-chart" role="img" aria-label={name}>
            <ul class="tw-qc-rows">
                { for props.rows.iter().zip(&scale.bars).map(|(row, &(low, high))| {
                    // An exact price is still a visible mark: at least half a percent wide.
                    let width = (high - low).max(50);
                    html! {
                        <li class="tw-qc-row" data-low={row.total.low.to_string()} data-high={row.total.high.to_string()}>
                            <span class="tw-qc-name">{ &row.name }</span>{ " " }<span class="tw-qc-detail">{ &row.detail }</span>
                            <svg class="tw-qc-svg" height="12" focusable="false">
                                <rect class="tw-qc-track" x="0" y="0" width="100%" height="12" rx="6" />
                                <rect class="tw-qc-bar" x={pct(low.min(FULL - width))} y="0" width={pct(width)} height="12" rx="6" />
                            </svg>
                        </li>
                    }
                }) }
            </ul>
            <svg class="tw-qc-axis" height="28" focusable="false">
                <line class="tw-qc-axis-line" x1="0" x2="100%" y1="2" y2="2" />
                { for scale.ticks.iter().enumerate().map(|(i, &(amount, at))| html! {
                    <g class={classes!("tw-qc-tick", (i % 2 == 1).then_some("tw-qc-tick-odd"))}>
                        <line x1={pct(at)} x2={pct(at)} y1="2" y2="8" />
                        <text x={pct(at)} y="22" text-anchor={if at == 0 { "start" } else if at == FULL { "end" } else { "middle" }}>{ tick(amount) }</text>
                    </g>
                }) }
            </svg>
        </figure>
    }
}
