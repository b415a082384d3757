//! The widget's header: the clinic's name, the guide's title, and the language switch when the
//! clinic offers more than one language.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::app::{use_setup, use_texts};
use crate::core::texts::Lang;

#[component]
pub fn Header() -> Html {
    let setup = use_setup();
    let t = use_texts();
    let languages = &setup.config.languages;
    let on_language = {
        let on_language = setup.on_language.clone();
        Callback::from(move |e: Event| {
            let code = e.target_dyn_into::<HtmlSelectElement>().map(|s| s.value()).unwrap_or_default();
            if let Some(lang) = Lang::from_tag(&code) {
                on_language.emit(lang);
            }
        })
    };
    html! {
        <header class="tw-header">
            <div class="tw-header-text">
                if let Some(name) = &setup.config.clinic_name { <p class="tw-eyebrow">{ name }</p> }
                <h2 class="tw-title" tabindex="-1">{ t.get("header.title") }</h2>
            </div>
            if languages.len() > 1 {
                <div class="tw-language">
                    <label for="tw-language">{ t.get("header.language") }</label>
                    <select id="tw-language" onchange={on_language}>
                        { for languages.iter().map(|l| html! {
                            <option value={l.code()} lang={l.code()} selected={*l == setup.lang}>{ l.own_name() }</option>
                        }) }
                    </select>
                </div>
            }
        </header>
    }
}
