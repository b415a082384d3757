//! Downtime at a glance: a small scale of four steps, filled up to the treatment's level, always
//! with the level in words beside it (the picture is never the only way to read it). Used wherever
//! a treatment's downtime is given as a level.

use yew::prelude::*;

use super::treatment_detail::downtime_label;
use crate::core::catalog::{Downtime, Treatment};
use crate::core::texts::Texts;

#[derive(Properties, PartialEq)]
pub struct DowntimeScaleProps {
    /// None for a clinic's own treatment whose downtime the clinic did not state: words only.
    pub level: Option<Downtime>,
    pub label: AttrValue,
}

/// The level to draw for a treatment: none for a clinic's own treatment whose downtime it did not give.
pub fn drawn_level(tr: &Treatment) -> Option<Downtime> {
    (!tr.described_by_clinic || tr.downtime_given).then_some(tr.downtime)
}

/// The scale for a treatment, with the words the rest of the widget uses for its downtime.
pub fn downtime_scale(t: &Texts, tr: &Treatment) -> Html {
    html! { <DowntimeScale level={drawn_level(tr)} label={AttrValue::from(downtime_label(t, tr))} /> }
}

#[component]
pub fn DowntimeScale(props: &DowntimeScaleProps) -> Html {
    let Some(level) = props.level else { return html! { <span class="tw-downtime">{ props.label.clone() }</span> } };
    let filled = level.steps();
    html! {
        <span class="tw-downtime" data-steps={filled.to_string()}>
            <svg class="tw-downtime-scale" width="38" height="10" aria-hidden="true" focusable="false">
                { for (0..Downtime::STEPS).map(|i| html! {
                    <rect class={classes!("tw-downtime-step", (i < filled).then_some("tw-downtime-on"))}
                        x={(i * 10).to_string()} y="1" width="8" height="8" rx="2" />
                }) }
            </svg>
            { props.label.clone() }
        </span>
    }
}
