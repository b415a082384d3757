use yew::prelude::*;

use super::disclosure::Disclosure;
use super::fact_list::{FactList, SourceLine};
use crate::app::ViewContext;
use crate::core::catalog::Fact;

#[derive(Properties, PartialEq)]
pub struct ExpectProps {
    pub ctx: ViewContext,
}

/// From preparation to results, one stage at a time.
#[component]
pub fn Expect(props: &ExpectProps) -> Html {
    let catalog = &props.ctx.setup.catalog;
    let all: Vec<Fact> = catalog.expectations.iter().flat_map(|s| s.points.clone()).collect();
    html! {
        <>
            <p>{ "What a professional microneedling course is usually like, in the order you would live it." }</p>
            <ol class="tw-stages">
                { for catalog.expectations.iter().enumerate().map(|(i, stage)| html! {
                    <li>
                        <Disclosure id={format!("tw-stage-{}", stage.id)} initially_open={i == 0}
                            title={html! { <>{ format!("{}. ", i + 1) }{ &stage.title }</> }}>
                            <FactList facts={stage.points.clone()} />
                        </Disclosure>
                    </li>
                }) }
            </ol>
            <SourceLine facts={all} catalog={catalog.clone()} />
        </>
    }
}
