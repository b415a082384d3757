use yew::prelude::*;

use super::disclosure::Disclosure;
use super::fact_list::SourceLine;
use crate::app::{use_setup, use_texts};
use crate::core::catalog::Fact;

/// Common beliefs about microneedling, each with what the sources actually say.
#[component]
pub fn Myths() -> Html {
    let setup = use_setup();
    let t = use_texts();
    let catalog = &setup.catalog;
    let facts: Vec<Fact> = catalog.myths.iter().map(|m| m.fact.clone()).collect();
    html! {
        <>
            <p>{ t.get("myths.intro") }</p>
            { for catalog.myths.iter().map(|m| html! {
                <Disclosure id={format!("tw-myth-{}", m.id)}
                    title={html! { <><span class="tw-myth-label">{ t.get("myths.myth") }{ " " }</span>{ &m.myth }</> }}>
                    <p><strong>{ t.get("myths.fact") }{ " " }</strong>{ &m.fact.text }</p>
                </Disclosure>
            }) }
            <SourceLine facts={facts} />
        </>
    }
}
