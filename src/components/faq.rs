use yew::prelude::*;

use super::disclosure::Disclosure;
use super::fact_list::SourceLine;
use crate::app::use_setup;
use crate::core::catalog::Fact;

#[component]
pub fn Faq() -> Html {
    let setup = use_setup();
    let catalog = &setup.catalog;
    let facts: Vec<Fact> = catalog.faq.iter().map(|q| q.answer.clone()).collect();
    html! {
        <>
            { for catalog.faq.iter().map(|q| html! {
                <Disclosure id={format!("tw-faq-{}", q.id)} title={html! { { &q.question } }}>
                    <p>{ &q.answer.text }</p>
                </Disclosure>
            }) }
            <SourceLine facts={facts} />
        </>
    }
}
