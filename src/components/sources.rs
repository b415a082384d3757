use yew::prelude::*;

use crate::app::{use_setup, use_texts};
use crate::core::catalog::{Source, SourceKind};

/// Every source the guide's facts come from, with how many facts cite it.
#[component]
pub fn Sources() -> Html {
    let setup = use_setup();
    let t = use_texts();
    let catalog = &setup.catalog;
    let facts = catalog.facts();
    let cited = |s: &Source| facts.iter().filter(|(_, f)| f.sources.contains(&s.id)).count();
    let item = |s: &Source| {
        let n = cited(s);
        html! {
            <li>
                if let Some(url) = &s.url {
                    <a href={url.clone()} target="_blank" rel="noopener noreferrer">
                        { &s.title }<span class="tw-visually-hidden">{ " " }{ t.get("link.new_tab") }</span>
                    </a>
                } else {
                    <cite>{ &s.title }</cite>
                }
                <span class="tw-note">{ format!(" · {} · {}", s.publisher, t.count("sources.cited", n as u64, &[])) }</span>
            </li>
        }
    };
    let group = |kinds: &[SourceKind]| -> Vec<&Source> { catalog.sources.iter().filter(|s| kinds.contains(&s.kind)).collect() };
    html! {
        <>
            <p>{ t.get("sources.intro") }</p>
            <h4 class="tw-section-title">{ t.get("sources.articles") }</h4>
            <ul class="tw-sources">{ for group(&[SourceKind::Article]).into_iter().map(item) }</ul>
            <h4 class="tw-section-title">{ t.get("sources.references") }</h4>
            <ul class="tw-sources">{ for group(&[SourceKind::Reference, SourceKind::PriceSurvey]).into_iter().map(item) }</ul>
            if catalog.sources.iter().any(|s| s.kind == SourceKind::Clinic) {
                <h4 class="tw-section-title">{ t.get("sources.clinic") }</h4>
                <p>{ t.fill("sources.clinic_text", &[("clinic", &setup.clinic())]) }</p>
            }
        </>
    }
}
