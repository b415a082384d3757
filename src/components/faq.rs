use yew::prelude::*;

use super::disclosure::Disclosure;
use super::fact_list::SourceLine;
use crate::app::ViewContext;
use crate::core::catalog::Fact;

#[derive(Properties, PartialEq)]
pub struct FaqProps {
    pub ctx: ViewContext,
}

#[component]
pub fn Faq(props: &FaqProps) -> Html {
    let catalog = &props.ctx.setup.catalog;
    let facts: Vec<Fact> = catalog.faq.iter().map(|q| q.answer.clone()).collect();
    html! {
        <>
            { for catalog.faq.iter().map(|q| html! {
                <Disclosure id={format!("tw-faq-{}", q.id)} title={html! { { &q.question } }}>
                    <p>{ &q.answer.text }</p>
                </Disclosure>
            }) }
            <SourceLine facts={facts} catalog={catalog.clone()} />
        </>
    }
}
