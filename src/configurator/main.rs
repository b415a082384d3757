//! The configurator (configurator.html): a clinic's web person fills in a form, watches a real
//! widget change beside it, and copies the snippet. Its own wasm entry point, so the widget a
//! visitor downloads carries none of it. No server, no account: the draft stays on the device.

mod draft;
mod form;
mod model;
mod storage;
mod wording;

use std::rc::Rc;

use treatment_widget_core::catalog::Catalog;
use crate::draft::Draft;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use model::{Action, Model};

#[derive(Properties, PartialEq)]
struct ConfiguratorProps {
    catalog: Rc<Catalog>,
    restored: Option<Draft>,
    loader_url: AttrValue,
}

#[component]
fn Configurator(props: &ConfiguratorProps) -> Html {
    let model = {
        let catalog = props.catalog.clone();
        let restored = props.restored.clone();
        let loader_url = props.loader_url.to_string();
        use_reducer(move || Model::new(catalog, restored.unwrap_or_default(), loader_url))
    };
    let storage_problem = use_state(|| None::<String>);
    {
        // Keep the draft on the device at every change, so a reload or a crash loses nothing.
        let storage_problem = storage_problem.clone();
        use_effect_with(model.draft.clone(), move |draft| {
            let problem = storage::save(&draft.to_json()).err();
            if *storage_problem != problem {
                storage_problem.set(problem);
            }
        });
    }
    {
        let language = (model.draft.text(&[draft::Step::Key("language")]), model.draft.get(&[draft::Step::Key("languages")]).cloned());
        use_effect_with(language, |_| storage::forget_preview_language());
    }
    let dispatch = {
        let model = model.clone();
        Callback::from(move |a: Action| model.dispatch(a))
    };
    html! {
        <div class="cf-layout">
            <div class="cf-form-column">
                <p class="cf-jump"><a href="#cf-preview-title">{ "Go to the preview" }</a></p>
                if let Some(problem) = &*storage_problem {
                    <p class="cf-warning" role="alert">{ problem.clone() }</p>
                }
                <form::ProblemSummary problems={model.problems.clone()} typed={model.typed.clone()} />
                <form::Form model={(*model).clone()} dispatch={dispatch.clone()} />
                <form::Export model={(*model).clone()} dispatch={dispatch.clone()} />
            </div>
            <form::Preview model={(*model).clone()} dispatch={dispatch} />
        </div>
    }
}

fn main() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(root) = document.get_element_by_id("configurator") else { return };
    let catalog = match Catalog::built_in() {
        Ok(c) => Rc::new(c),
        Err(e) => {
            root.set_text_content(Some(&format!("The configurator could not start: {e}")));
            return;
        }
    };
    let restored = storage::load().and_then(|text| Draft::parse(&text).ok());
    // The widget's files sit beside this page: the snippet points at them unless changed.
    let loader_url = document
        .base_uri()
        .ok()
        .flatten()
        .and_then(|base| web_sys::Url::new_with_base("treatment-widget.js", &base).ok())
        .map(|u| u.href())
        .unwrap_or_else(|| "treatment-widget.js".to_string());
    root.set_text_content(None);
    let root: web_sys::Element = root.unchecked_into();
    yew::Renderer::<Configurator>::with_root_and_props(root, ConfiguratorProps { catalog, restored, loader_url: loader_url.into() }).render();
}
