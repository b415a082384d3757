use yew::prelude::*;

use crate::app::{use_nav, use_texts};
use crate::core::route::Route;

#[derive(Properties, PartialEq)]
pub struct ViewFrameProps {
    pub title: AttrValue,
    /// Changes whenever the visitor arrives somewhere new in this view (a new comparison, but not
    /// each change to the estimate's inputs): the heading then takes focus.
    #[prop_or_default]
    pub focus_key: AttrValue,
    #[prop_or(Route::Home)]
    pub back: Route,
    /// The back link's words; the guide's contents when not given.
    #[prop_or_default]
    pub back_label: Option<AttrValue>,
    #[prop_or_default]
    pub children: Html,
}

/// A view: a way back, a heading that takes focus when the visitor arrives, and the content.
#[component]
pub fn ViewFrame(props: &ViewFrameProps) -> Html {
    let nav = use_nav();
    let t = use_texts();
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        let focus = nav.visitor_navigated;
        use_effect_with((props.title.clone(), props.focus_key.clone()), move |_| {
            if focus {
                if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                    if focus_is_free(&h) {
                        let _ = h.focus();
                    }
                }
            }
        });
    }
    let back = {
        let navigate = nav.navigate.clone();
        let route = props.back.clone();
        Callback::from(move |_: MouseEvent| navigate.emit(route.clone()))
    };
    html! {
        <section class="tw-view" aria-labelledby="tw-view-title">
            <button type="button" class="tw-back" onclick={back}>
                <span aria-hidden="true">{ "←\u{a0}" }</span>
                { props.back_label.clone().unwrap_or_else(|| AttrValue::from(t.get("nav.home").to_string())) }
            </button>
            <h3 id="tw-view-title" class="tw-view-title" tabindex="-1" ref={heading}>{ &props.title }</h3>
            { props.children.clone() }
        </section>
    }
}

/// Whether moving focus to the heading takes it from nobody: focus is in this widget, or was on
/// something of it that is gone (the browser then puts it on the body). Focus somewhere else on
/// the page (the clinic's own form, a configurator beside a preview) is left where it is when the
/// view changes for a reason other than the visitor's click here, such as a new config.
fn focus_is_free(heading: &web_sys::HtmlElement) -> bool {
    use wasm_bindgen::JsCast;
    let Some(document) = heading.owner_document() else { return false };
    let Some(active) = document.active_element() else { return true };
    let body: Option<web_sys::Element> = document.body().map(Into::into);
    let host = heading.get_root_node().dyn_into::<web_sys::ShadowRoot>().ok().map(|r| r.host());
    Some(&active) == body.as_ref() || Some(&active) == host.as_ref()
}
