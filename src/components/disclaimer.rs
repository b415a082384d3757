use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DisclaimerProps {
    /// The demo clinic shows public typical ranges, which must be labelled as such.
    #[prop_or_default]
    pub typical_prices: bool,
}

/// The "information, not medical advice" line, shown wherever claims appear.
#[component]
pub fn Disclaimer(props: &DisclaimerProps) -> Html {
    html! {
        <p class="tw-disclaimer">
            <strong>{ "Information, not medical advice. " }</strong>
            { "Whether a treatment suits you is for a qualified professional to decide after seeing your skin." }
            if props.typical_prices {
                { " Any prices shown are typical public ranges, not this clinic's own." }
            }
        </p>
    }
}
