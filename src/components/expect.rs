use yew::prelude::*;

use super::disclosure::Disclosure;
use super::fact_list::{FactList, SourceLine};
use crate::app::{use_setup, use_texts};
use crate::core::catalog::Fact;

/// From preparation to results, one stage at a time.
#[component]
pub fn Expect() -> Html {
    let setup = use_setup();
    let t = use_texts();
    let catalog = &setup.catalog;
    let all: Vec<Fact> = catalog.expectations.iter().flat_map(|s| s.points.clone()).collect();
    html! {
        <>
            <p>{ t.get("expect.intro") }</p>
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
            <SourceLine facts={all} />
        </>
    }
}
