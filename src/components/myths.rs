use yew::prelude::*;

use super::disclosure::Disclosure;
use super::fact_list::SourceLine;
use crate::app::ViewContext;
use crate::core::catalog::Fact;

#[derive(Properties, PartialEq)]
pub struct MythsProps {
    pub ctx: ViewContext,
}

/// Common beliefs about microneedling, each with what the sources actually say.
#[component]
pub fn Myths(props: &MythsProps) -> Html {
    let catalog = &props.ctx.setup.catalog;
    let facts: Vec<Fact> = catalog.myths.iter().map(|m| m.fact.clone()).collect();
    html! {
        <>
            <p>{ "Open a myth to see the facts." }</p>
            { for catalog.myths.iter().map(|m| html! {
                <Disclosure id={format!("tw-myth-{}", m.id)}
                    title={html! { <><span class="tw-myth-label">{ "Myth: " }</span>{ &m.myth }</> }}>
                    <p><strong>{ "Fact: " }</strong>{ &m.fact.text }</p>
                </Disclosure>
            }) }
            <SourceLine facts={facts} catalog={catalog.clone()} />
        </>
    }
}
