//! The root component of one widget instance: state, routing, the contexts every view reads, and
//! the view for the route.
//!
//! Slow-changing things reach components through contexts (the setup, the strings, the formats,
//! navigation and the state's dispatcher); each component gets only its slice of the state as
//! props, so an action re-renders only what it changes.

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
use crate::core::texts::{Lang, Texts};
use crate::hooks::use_fragment_route::use_fragment_route;
use crate::state::{Action, AppState};
use crate::web::fragment::Fragment;
use crate::web::intl::Formats;

/// Everything an instance renders from, in the language it is showing.
pub struct Setup {
    pub config: Rc<ClinicConfig>,
    /// The treatment guide in `lang`, with the clinic's names and its own treatments.
    pub catalog: Rc<Catalog>,
    pub texts: Rc<Texts>,
    pub formats: Rc<Formats>,
    pub lang: Lang,
    pub origin: ConfigOrigin,
    /// Set when the clinic's config could not be read: the guide shows without its name or prices.
    pub config_unreadable: bool,
    /// This instance's name in the URL fragment and on the device (`tw`, or the element's id).
    pub instance_key: AttrValue,
    /// Its place in the URL fragment (or none, with `routing="none"`).
    pub fragment: Fragment,
    /// In frame mode, the host page's address up to `#key=`: a shared link points there, not at
    /// the frame.
    pub page_link: Option<AttrValue>,
    /// Fired once, after the first render is in the DOM.
    pub on_ready: Callback<()>,
    /// Dispatches `treatment-widget:<name>` on the host element (never with health answers).
    pub on_event: Callback<(&'static str, serde_json::Value)>,
    /// The visitor picked another language.
    pub on_language: Callback<Lang>,
}

impl PartialEq for Setup {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.config, &other.config)
            && Rc::ptr_eq(&self.catalog, &other.catalog)
            && Rc::ptr_eq(&self.texts, &other.texts)
            && self.lang == other.lang
            && self.origin == other.origin
            && self.config_unreadable == other.config_unreadable
            && self.instance_key == other.instance_key
            && self.fragment == other.fragment
            && self.page_link == other.page_link
    }
}

impl Setup {
    /// The clinic's name, or a neutral phrase when it has none.
    pub fn clinic(&self) -> String {
        match &self.config.clinic_name {
            Some(name) => name.clone(),
            None => self.texts.get("clinic.unnamed").to_string(),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub setup: Rc<Setup>,
}

/// What a wasm copy's one Yew app shows: the widget of the element it serves now, keyed by that
/// element's turn (`serving.0`), or nothing while the copy waits for its next element.
#[derive(Properties, PartialEq)]
pub struct MountProps {
    pub serving: Option<(u32, Rc<Setup>)>,
}

/// The root of a wasm copy's Yew app, kept across the elements the copy serves (see
/// `web::embed`: Yew never removes the listeners it puts on an app's root element, so an app per
/// element would leak them on every removal). A new key starts a fresh `App` with fresh state.
#[component]
pub fn Mount(props: &MountProps) -> Html {
    match &props.serving {
        Some((turn, setup)) => html! { <App key={*turn} setup={setup.clone()} /> },
        None => Html::default(),
    }
}

/// How views move between each other.
#[derive(Clone, PartialEq)]
pub struct Nav {
    pub navigate: Callback<Route>,
    /// False on the first render (a deep link lands without stealing focus), true after.
    pub visitor_navigated: bool,
}

pub type Dispatch = UseReducerDispatcher<AppState>;

#[hook]
pub fn use_setup() -> Rc<Setup> {
    use_context::<Rc<Setup>>().expect("inside <App>")
}

#[hook]
pub fn use_texts() -> Rc<Texts> {
    use_context::<Rc<Texts>>().expect("inside <App>")
}

#[hook]
pub fn use_formats() -> Rc<Formats> {
    use_context::<Rc<Formats>>().expect("inside <App>")
}

#[hook]
pub fn use_nav() -> Nav {
    use_context::<Nav>().expect("inside <App>")
}

#[hook]
pub fn use_dispatch() -> Dispatch {
    use_context::<Dispatch>().expect("inside <App>")
}

/// The route a link may open: a view the clinic hides leads to its start view instead.

#[component]
pub fn App(props: &AppProps) -> Html {
    let setup = props.setup.clone();
    let is_known: Rc<dyn Fn(&str) -> bool> = {
        let catalog = setup.catalog.clone();
        Rc::new(move |id: &str| catalog.treatment(id).is_some())
    };
    let state = {
        let fragment = setup.fragment.clone();
        let is_known = is_known.clone();
        let config = setup.config.clone();
        use_reducer(move || {
            let linked = fragment.read(&*is_known);
            let route = if linked == Route::Home { config.start_route() } else { config.allowed(linked) };
            AppState::with_route(route)
        })
    };
    let first_route = use_state(|| state.route.clone());
    let moved = use_mut_ref(|| false);
    let navigate = use_fragment_route(setup.fragment.clone(), is_known, state.clone());
    {
        let on_ready = setup.on_ready.clone();
        use_effect_with((), move |_| on_ready.emit(()));
    }
    {
        // A new config (another location, another clinic) may hide the view showing now.
        let dispatcher = state.dispatcher();
        let route = state.route.clone();
        use_effect_with(setup.config.clone(), move |config| {
            let ok = config.allowed(route.clone());
            if ok != route {
                dispatcher.dispatch(Action::Navigate(ok));
            }
        });
    }
    // Once the visitor has moved away from the view they arrived on, every view change takes focus.
    if *first_route != state.route {
        *moved.borrow_mut() = true;
    }
    let nav = Nav { navigate, visitor_navigated: *moved.borrow() };
    let t = setup.texts.clone();
    let route = setup.config.allowed(state.route.clone());
    // A new comparison is a new place; a change to the estimate's inputs is not.
    let focus_key: AttrValue = match &route {
        Route::Estimate(_) => "estimate".into(),
        other => other.to_value().unwrap_or_default().into(),
    };
    let framed = |title: String, content: Html| html! { <ViewFrame title={title} focus_key={focus_key.clone()}>{ content }</ViewFrame> };
    let body = match &route {
        Route::Home => html! { <Home /> },
        Route::About => framed(t.get("view.about").into(), html! { <About /> }),
        Route::Concerns => framed(t.get("view.concerns").into(), html! { <ConcernFinder concerns={state.concerns.clone()} /> }),
        Route::Treatments => framed(t.get("view.treatments").into(), html! { <TreatmentList /> }),
        Route::Treatment(id) => html! { <TreatmentDetail treatment={id.clone()} /> },
        Route::Compare(ids) => framed(t.get("view.compare").into(), html! { <Compare ids={ids.clone()} picks={state.compare_picks.clone()} /> }),
        Route::Candidate => framed(t.get("view.candidate").into(), html! { <Candidate answers={state.answers.clone()} /> }),
        Route::Expect => framed(t.get("view.expect").into(), html! { <Expect /> }),
        Route::Myths => framed(t.get("view.myths").into(), html! { <Myths /> }),
        Route::Faq => framed(t.get("view.faq").into(), html! { <Faq /> }),
        Route::Sources => framed(t.get("view.sources").into(), html! { <Sources /> }),
        Route::Estimate(params) => framed(
            t.get("view.estimate").into(),
            html! { <Estimator params={params.clone()} form={state.estimate.clone()} concern={state.estimate_concern.clone()} /> },
        ),
    };
    html! {
        <ContextProvider<Rc<Setup>> context={setup.clone()}>
        <ContextProvider<Rc<Texts>> context={setup.texts.clone()}>
        <ContextProvider<Rc<Formats>> context={setup.formats.clone()}>
        <ContextProvider<Nav> context={nav}>
        <ContextProvider<Dispatch> context={state.dispatcher()}>
            <div class="tw-root" lang={setup.lang.code()} dir={setup.lang.dir()}>
                <Header />
                if setup.config_unreadable {
                    <p class="tw-notice" role="status">{ t.get("notice.config_unreadable") }</p>
                }
                { body }
                <Disclaimer />
            </div>
        </ContextProvider<Dispatch>>
        </ContextProvider<Nav>>
        </ContextProvider<Rc<Formats>>>
        </ContextProvider<Rc<Texts>>>
        </ContextProvider<Rc<Setup>>>
    }
}
