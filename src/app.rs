//! The root component of one widget instance.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::disclaimer::Disclaimer;
use crate::components::header::Header;
use crate::components::overview::Overview;
use crate::components::treatment_detail::TreatmentDetail;
use crate::core::catalog::Catalog;
use crate::core::config::{ClinicConfig, ConfigOrigin};
use crate::state::{Action, AppState, View};

/// Everything an instance renders from: the clinic's config and the catalog.
pub struct Setup {
    pub config: ClinicConfig,
    pub catalog: Rc<Catalog>,
    pub origin: ConfigOrigin,
    /// Fired once, after the first render is in the DOM.
    pub on_ready: Callback<()>,
}

impl PartialEq for Setup {
    fn eq(&self, other: &Self) -> bool {
        self.config == other.config && Rc::ptr_eq(&self.catalog, &other.catalog) && self.origin == other.origin
    }
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub setup: Rc<Setup>,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer(AppState::default);
    {
        let on_ready = props.setup.on_ready.clone();
        use_effect_with((), move |_| on_ready.emit(()));
    }
    let setup = &props.setup;
    let config = &setup.config;
    let show = {
        let state = state.clone();
        Callback::from(move |view: View| state.dispatch(Action::Show(view)))
    };
    let body = match &state.view {
        View::Overview => html! { <Overview setup={setup.clone()} on_show={show.clone()} /> },
        View::Treatment(id) => match setup.catalog.treatment(id) {
            Some(t) => html! {
                <TreatmentDetail setup={setup.clone()} treatment={t.id.clone()} on_back={show.reform(|_| View::Overview)} />
            },
            None => html! { <Overview setup={setup.clone()} on_show={show.clone()} /> },
        },
    };
    html! {
        <div class="tw-root" lang={config.locale.clone()}>
            <Header clinic_name={config.clinic_name.clone()} />
            { body }
            <Disclaimer typical_prices={config.prices_are_typical_ranges} />
        </div>
    }
}
