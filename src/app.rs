//! The root component of one widget instance: state, routing, and the view for the route.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::about::About;
use crate::components::candidate::Candidate;
use crate::components::compare::Compare;
use crate::components::concern_finder::ConcernFinder;
use crate::components::disclaimer::Disclaimer;
use crate::components::estimator::Estimator;
use crate::components::expect::Expect;
use crate::components::faq::Faq;
use crate::components::header::Header;
use crate::components::home::Home;
use crate::components::myths::Myths;
use crate::components::sources::Sources;
use crate::components::treatment_detail::TreatmentDetail;
use crate::components::treatment_list::TreatmentList;
use crate::components::view_frame::ViewFrame;
use crate::core::catalog::Catalog;
use crate::core::config::{ClinicConfig, ConfigOrigin};
use crate::core::route::Route;
use crate::hooks::use_fragment_route::use_fragment_route;
use crate::state::AppState;
use crate::web::fragment;

/// Everything an instance renders from.
pub struct Setup {
    pub config: ClinicConfig,
    pub catalog: Rc<Catalog>,
    pub origin: ConfigOrigin,
    /// This instance's name in the URL fragment (`tw`, or the element's id).
    pub instance_key: AttrValue,
    /// Fired once, after the first render is in the DOM.
    pub on_ready: Callback<()>,
    /// Dispatches `treatment-widget:<name>` on the host element (never with health answers).
    pub on_event: Callback<(&'static str, serde_json::Value)>,
}

impl PartialEq for Setup {
    fn eq(&self, other: &Self) -> bool {
        self.config == other.config
            && Rc::ptr_eq(&self.catalog, &other.catalog)
            && self.origin == other.origin
            && self.instance_key == other.instance_key
    }
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub setup: Rc<Setup>,
}

/// What every view gets: the setup, the state, and how to move between views.
#[derive(Clone, PartialEq)]
pub struct ViewContext {
    pub setup: Rc<Setup>,
    pub state: UseReducerHandle<AppState>,
    pub navigate: Callback<Route>,
    /// False on the first render (a deep link lands without stealing focus), true after.
    pub visitor_navigated: bool,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let setup = props.setup.clone();
    let is_known: Rc<dyn Fn(&str) -> bool> = {
        let catalog = setup.catalog.clone();
        Rc::new(move |id: &str| catalog.treatment(id).is_some())
    };
    let state = {
        let key = setup.instance_key.clone();
        let is_known = is_known.clone();
        use_reducer(move || AppState::with_route(fragment::read(&key, &*is_known)))
    };
    let first_route = use_state(|| state.route.clone());
    let moved = use_mut_ref(|| false);
    let navigate = use_fragment_route(setup.instance_key.clone(), is_known, state.clone());
    {
        let on_ready = setup.on_ready.clone();
        use_effect_with((), move |_| on_ready.emit(()));
    }
    // Once the visitor has moved away from the view they arrived on, every view change takes focus.
    if *first_route != state.route {
        *moved.borrow_mut() = true;
    }
    let visitor_navigated = *moved.borrow();
    let ctx = ViewContext { setup: setup.clone(), state: state.clone(), navigate, visitor_navigated };
    let config = &setup.config;
    let framed = |title: &'static str, content: Html| html! { <ViewFrame ctx={ctx.clone()} title={title}>{ content }</ViewFrame> };
    let body = match &state.route {
        Route::Home => html! { <Home ctx={ctx.clone()} /> },
        Route::About => framed("What microneedling does", html! { <About ctx={ctx.clone()} /> }),
        Route::Concerns => framed("Find treatments by concern", html! { <ConcernFinder ctx={ctx.clone()} /> }),
        Route::Treatments => framed("Treatments", html! { <TreatmentList ctx={ctx.clone()} /> }),
        Route::Treatment(id) => html! { <TreatmentDetail ctx={ctx.clone()} treatment={id.clone()} /> },
        Route::Compare(ids) => framed("Compare treatments", html! { <Compare ctx={ctx.clone()} ids={ids.clone()} /> }),
        Route::Candidate => framed("Am I a candidate?", html! { <Candidate ctx={ctx.clone()} /> }),
        Route::Expect => framed("What to expect", html! { <Expect ctx={ctx.clone()} /> }),
        Route::Myths => framed("Myths and facts", html! { <Myths ctx={ctx.clone()} /> }),
        Route::Faq => framed("Questions and answers", html! { <Faq ctx={ctx.clone()} /> }),
        Route::Sources => framed("Sources", html! { <Sources ctx={ctx.clone()} /> }),
        Route::Estimate(params) => framed("Estimate the cost of a course", html! { <Estimator ctx={ctx.clone()} params={params.clone()} /> }),
    };
    html! {
        <div class="tw-root" lang="en">
            <Header clinic_name={config.clinic_name.clone()} />
            { body }
            <Disclaimer typical_prices={config.prices_are_typical_ranges} />
        </div>
    }
}
