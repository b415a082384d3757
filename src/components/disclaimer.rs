use yew::prelude::*;

use crate::app::{use_setup, use_texts};

/// The "information, not medical advice" line, shown under every view.
#[component]
pub fn Disclaimer() -> Html {
    let setup = use_setup();
    let t = use_texts();
    html! {
        <p class="tw-disclaimer">
            <strong>{ t.get("disclaimer.lead") }</strong>{ " " }
            { t.get("disclaimer.text") }
            if setup.config.prices_are_typical_ranges && setup.config.pricing.is_some() {
                { " " }{ t.get("disclaimer.typical_prices") }
            }
        </p>
    }
}
