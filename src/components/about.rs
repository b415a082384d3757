use yew::prelude::*;

use super::fact_list::{FactList, SourceLine};
use crate::app::ViewContext;
use crate::core::route::Route;

#[derive(Properties, PartialEq)]
pub struct AboutProps {
    pub ctx: ViewContext,
}

/// What microneedling is and does, in plain words.
#[component]
pub fn About(props: &AboutProps) -> Html {
    let catalog = &props.ctx.setup.catalog;
    let navigate = props.ctx.navigate.clone();
    html! {
        <>
            <FactList facts={catalog.overview.clone()} />
            <SourceLine facts={catalog.overview.clone()} catalog={catalog.clone()} />
            <button type="button" class="tw-button tw-secondary" onclick={move |_| navigate.emit(Route::Treatments)}>
                { "See every kind of treatment" }
            </button>
        </>
    }
}
