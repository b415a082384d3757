use yew::prelude::*;

use super::fact_list::{FactList, SourceLine};
use crate::app::{use_nav, use_setup, use_texts};
use crate::core::route::Route;

/// What microneedling is and does, in plain words.
#[component]
pub fn About() -> Html {
    let setup = use_setup();
    let t = use_texts();
    let navigate = use_nav().navigate;
    let overview = setup.catalog.overview.clone();
    html! {
        <>
            <FactList facts={overview.clone()} />
            <SourceLine facts={overview} />
            <button type="button" class="tw-button tw-secondary" onclick={move |_| navigate.emit(Route::Treatments)}>
                { t.get("about.see_all") }
            </button>
        </>
    }
}
