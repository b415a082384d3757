use yew::prelude::*;

use crate::app::ViewContext;
use crate::core::catalog::{Source, SourceKind};

#[derive(Properties, PartialEq)]
pub struct SourcesProps {
    pub ctx: ViewContext,
}

/// Every source the guide's facts come from, with how many facts cite it.
#[component]
pub fn Sources(props: &SourcesProps) -> Html {
    let catalog = &props.ctx.setup.catalog;
    let facts = catalog.facts();
    let cited = |s: &Source| facts.iter().filter(|(_, f)| f.sources.contains(&s.id)).count();
    let item = |s: &Source| {
        let n = cited(s);
        html! {
            <li>
                if let Some(url) = &s.url {
                    <a href={url.clone()} target="_blank" rel="noopener noreferrer">
                        { &s.title }<span class="tw-visually-hidden">{ " (opens in a new tab)" }</span>
                    </a>
                } else {
                    <cite>{ &s.title }</cite>
                }
                <span class="tw-note">{ format!(" · {} · cited by {n} fact{}", s.publisher, if n == 1 { "" } else { "s" }) }</span>
            </li>
        }
    };
    let group = |kinds: &[SourceKind]| -> Vec<&Source> { catalog.sources.iter().filter(|s| kinds.contains(&s.kind)).collect() };
    html! {
        <>
            <p>{ "Each fact in this guide is written in plain words from the sources below. The four articles are the main sources; where they are silent, a named public reference is used." }</p>
            <h4 class="tw-section-title">{ "Source articles" }</h4>
            <ul class="tw-sources">{ for group(&[SourceKind::Article]).into_iter().map(item) }</ul>
            <h4 class="tw-section-title">{ "Public references" }</h4>
            <ul class="tw-sources">{ for group(&[SourceKind::Reference, SourceKind::PriceSurvey]).into_iter().map(item) }</ul>
        </>
    }
}
