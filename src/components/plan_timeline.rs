//! The plan as a picture: the sessions, the time to settle after each, when results typically show
//! (soft ranges), and the visitor's event, on one axis of months. It only draws what
//! `core::timeline` laid out, from the same plan the list beside it shows; the list stays, so
//! nothing is only in the picture. Shapes are placed by percentage (no viewBox), so the text keeps
//! its size at 320 px and at 200% zoom; colours come from classes, never `style` attributes.

use std::rc::Rc;

use yew::prelude::*;

use super::estimate_wording::sessions;
use crate::app::use_setup;
use crate::core::timeline::{Timeline, FULL};

#[derive(Properties, PartialEq)]
pub struct PlanTimelineProps {
    pub timeline: Rc<Timeline>,
    /// The settling days drawn after each session, for the legend.
    pub settle_days: Option<u16>,
}

/// A place on an axis of basis points (0 to 10,000) as an SVG percentage; the bar charts use it too.
pub fn pct(at: i32) -> String {
    format!("{}%", f64::from(at.clamp(0, FULL)) / 100.0)
}

fn share(from: i32, to: i32) -> String {
    pct((to - from).max(0))
}

/// Where a label near the axis's ends is anchored, so it stays inside the picture.
fn anchor(at: i32) -> &'static str {
    if at < FULL / 5 {
        "start"
    } else if at > FULL * 4 / 5 {
        "end"
    } else {
        "middle"
    }
}

#[component]
pub fn PlanTimeline(props: &PlanTimelineProps) -> Html {
    let setup = use_setup();
    let t = &setup.texts;
    let f = &setup.formats;
    let tl = &props.timeline;
    let (Some(first), Some(last)) = (tl.sessions.first(), tl.sessions.last()) else { return Html::default() };

    // What the picture shows, in words: its accessible name.
    let mut name = t.fill(
        "timeline.summary",
        &[("sessions", &sessions(t, tl.sessions.len() as u64)), ("first", &f.date(first.date)), ("last", &f.date(last.date))],
    );
    if let (Some(early), Some(full)) = (tl.first_changes, tl.full_results) {
        name.push(' ');
        name.push_str(&t.fill("timeline.summary_results", &[("early", &f.date(early.date)), ("from", &f.date(full.from.date)), ("to", &f.date(full.to.date))]));
    }
    if let Some(event) = tl.event {
        name.push(' ');
        name.push_str(&t.fill(if event.ready { "timeline.summary_event_ready" } else { "timeline.summary_event_not_ready" }, &[("event", &f.date(event.mark.date))]));
    }

    let title_id = format!("tw-timeline-title-{}", setup.instance_key);
    html! {
        <figure class="tw-timeline">
            <svg class="tw-timeline-svg" role="img" aria-labelledby={title_id.clone()} height="112" focusable="false"
                data-first={first.date.to_string()} data-last={last.date.to_string()}>
                <title id={title_id}>{ name }</title>
                if let Some(full) = tl.full_results {
                    <rect class="tw-tl-full" x={pct(full.from.at)} y="8" width={share(full.from.at, full.to.at)} height="20" rx="10"
                        data-from={full.from.date.to_string()} data-to={full.to.date.to_string()} />
                }
                if let Some(early) = tl.first_changes {
                    <line class="tw-tl-first" x1={pct(early.at)} x2={pct(early.at)} y1="4" y2="32" data-date={early.date.to_string()} />
                }
                <line class="tw-tl-axis" x1="0" x2="100%" y1="52" y2="52" />
                { for tl.settling.iter().map(|s| html! {
                    <rect class="tw-tl-settle" x={pct(s.from.at)} y="46" width={share(s.from.at, s.to.at)} height="12" rx="3" />
                }) }
                { for tl.sessions.iter().enumerate().map(|(i, s)| html! {
                    <circle class="tw-tl-session" cx={pct(s.at)} cy="52" r="6" data-date={s.date.to_string()}>
                        <title>{ format!("{}: {}", t.fill("plan.session", &[("n", &(i + 1).to_string())]), f.date(s.date)) }</title>
                    </circle>
                }) }
                { for tl.ticks.iter().enumerate().map(|(i, tick)| {
                    let (year, month, _) = tick.date.ymd();
                    // The year with the first month and with January; a narrow widget drops it.
                    let with_year = i == 0 || month == 1;
                    html! {
                        <g class={classes!("tw-tl-tick", (i % 2 == 1).then_some("tw-tl-tick-odd"))}>
                            <line x1={pct(tick.at)} x2={pct(tick.at)} y1="62" y2="68" />
                            <text x={pct(tick.at)} y="84" text-anchor={anchor(tick.at)}>
                                { f.month(tick.date) }
                                if with_year { <tspan class="tw-tl-year">{ format!(" {year}") }</tspan> }
                            </text>
                        </g>
                    }
                }) }
                if let Some(event) = tl.event {
                    <g class={classes!("tw-tl-event", event.ready.then_some("tw-tl-event-ready"))} data-date={event.mark.date.to_string()}>
                        <line x1={pct(event.mark.at)} x2={pct(event.mark.at)} y1="2" y2="92" />
                        <text x={pct(event.mark.at)} y="106" text-anchor={anchor(event.mark.at)}>
                            { t.get(if event.ready { "timeline.event_ready" } else { "timeline.event_not_ready" }) }
                        </text>
                    </g>
                }
            </svg>
            <figcaption>
                <ul class="tw-tl-legend">
                    <li><svg class="tw-tl-key" width="14" height="14" aria-hidden="true"><circle class="tw-tl-session" cx="7" cy="7" r="6" /></svg>{ t.get("timeline.legend_session") }</li>
                    if let Some(days) = props.settle_days.filter(|_| !tl.settling.is_empty()) {
                        <li><svg class="tw-tl-key" width="22" height="14" aria-hidden="true"><rect class="tw-tl-settle" x="0" y="1" width="22" height="12" rx="3" /></svg>{ t.fill("timeline.legend_settling", &[("days", &days.to_string())]) }</li>
                    }
                    if tl.first_changes.is_some() {
                        <li><svg class="tw-tl-key" width="14" height="14" aria-hidden="true"><line class="tw-tl-first" x1="7" x2="7" y1="0" y2="14" /></svg>{ t.get("timeline.legend_first") }</li>
                    }
                    if tl.full_results.is_some() {
                        <li><svg class="tw-tl-key" width="22" height="14" aria-hidden="true"><rect class="tw-tl-full" x="1" y="1" width="20" height="12" rx="6" /></svg>{ t.get("timeline.legend_full") }</li>
                    }
                    if let Some(event) = tl.event {
                        <li><svg class="tw-tl-key" width="14" height="14" aria-hidden="true"><line class={classes!("tw-tl-event-key", event.ready.then_some("tw-tl-event-ready"))} x1="7" x2="7" y1="0" y2="14" /></svg>
                            { t.fill(if event.ready { "timeline.legend_event_ready" } else { "timeline.legend_event_not_ready" }, &[("event", &f.date(event.mark.date))]) }</li>
                    }
                </ul>
            </figcaption>
        </figure>
    }
}
