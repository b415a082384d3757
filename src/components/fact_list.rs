use yew::prelude::*;

use crate::app::{use_setup, use_texts};
use crate::core::catalog::Fact;

#[derive(Properties, PartialEq)]
pub struct FactListProps {
    pub facts: Vec<Fact>,
}

/// Facts as a bulleted list (empty ones, which only the clinic's own treatments have, left out).
#[component]
pub fn FactList(props: &FactListProps) -> Html {
    html! {
        <ul class="tw-facts">
            { for props.facts.iter().filter(|f| !f.text.is_empty()).map(|f| html! { <li>{ &f.text }</li> }) }
        </ul>
    }
}

#[derive(Properties, PartialEq)]
pub struct SourceLineProps {
    pub facts: Vec<Fact>,
    /// The label's string key ("Sources", "Sources for this page").
    #[prop_or(AttrValue::Static("sources.label"))]
    pub label: AttrValue,
}

/// "Sources: …" for a group of facts, each source named once, in first-use order.
#[component]
pub fn SourceLine(props: &SourceLineProps) -> Html {
    let setup = use_setup();
    let t = use_texts();
    let mut titles: Vec<&str> = Vec::new();
    for id in props.facts.iter().flat_map(|f| f.sources.iter()) {
        if let Some(source) = setup.catalog.source(id) {
            if !titles.contains(&source.title.as_str()) {
                titles.push(&source.title);
            }
        }
    }
    if titles.is_empty() {
        return html! {};
    }
    html! { <p class="tw-sources-line">{ format!("{}: ", t.get(&props.label)) }{ titles.join("; ") }</p> }
}
