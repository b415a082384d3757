use std::rc::Rc;

use yew::prelude::*;

use crate::core::catalog::{Catalog, Fact};

#[derive(Properties, PartialEq)]
pub struct FactListProps {
    pub facts: Vec<Fact>,
}

/// Facts as a bulleted list.
#[component]
pub fn FactList(props: &FactListProps) -> Html {
    html! {
        <ul class="tw-facts">
            { for props.facts.iter().map(|f| html! { <li>{ &f.text }</li> }) }
        </ul>
    }
}

#[derive(Properties, PartialEq)]
pub struct SourceLineProps {
    pub facts: Vec<Fact>,
    pub catalog: Rc<Catalog>,
    #[prop_or(AttrValue::Static("Sources"))]
    pub label: AttrValue,
}

/// "Sources: …" for a group of facts, each source named once, in first-use order.
#[component]
pub fn SourceLine(props: &SourceLineProps) -> Html {
    let mut titles: Vec<&str> = Vec::new();
    for id in props.facts.iter().flat_map(|f| f.sources.iter()) {
        if let Some(source) = props.catalog.source(id) {
            if !titles.contains(&source.title.as_str()) {
                titles.push(&source.title);
            }
        }
    }
    if titles.is_empty() {
        return html! {};
    }
    html! { <p class="tw-sources-line">{ format!("{}: ", props.label) }{ titles.join("; ") }</p> }
}
