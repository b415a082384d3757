//! The clinic's own wording for any interface string (`copy`): choose a text, see the widget's
//! words for it, write the clinic's. Problems (an unknown key, a placeholder the string does not
//! have) come from the widget's own reader, beside the field.

use serde_json::Value;
use treatment_widget_core::config_path::Path;
use treatment_widget_core::texts::{placeholders, Lang, Texts};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::draft::Step;
use crate::form::{messages_for, secondary_button, Field, FieldProblems, FormProps};
use crate::model::{field_id, key, Action};

thread_local! {
    // Only the configurator carries the Spanish table compiled in; the widget fetches it.
    static SPANISH: Texts = Texts::from_json(Lang::Es, include_str!("../../content/strings.es.json")).unwrap_or_else(|_| Texts::english());
}

const LANGUAGES: &[(&str, &str)] = &[("en", "English"), ("es", "Spanish")];

/// The widget's own words for `key` in `lang`.
pub fn built_in(lang: &str, key: &str) -> String {
    if lang == "es" {
        SPANISH.with(|t| t.get(key).to_string())
    } else {
        Texts::english().get(key).to_string()
    }
}

/// The path the widget's warnings name for one override: `copy.en["home.estimate"]`.
pub fn warning_path(lang: &str, key: &str) -> String {
    Path::root().key("copy").key(lang).key(key).to_string()
}

fn language_name(lang: &str) -> &str {
    LANGUAGES.iter().find(|(l, _)| *l == lang).map_or(lang, |(_, n)| n)
}

#[component]
pub fn Wording(props: &FormProps) -> Html {
    let model = &props.model;
    let dispatch = &props.dispatch;
    let chosen = use_state(String::new);
    let chosen_language = use_state(|| "en".to_string());
    let english = Texts::english();

    let rewritten: Vec<(String, String, String)> = match model.draft.get(&[Step::Key("copy")]) {
        Some(Value::Object(langs)) => langs
            .iter()
            .flat_map(|(lang, texts)| match texts {
                Value::Object(t) => t.iter().map(|(k, v)| (lang.clone(), k.clone(), v.as_str().unwrap_or_default().to_string())).collect::<Vec<_>>(),
                _ => Vec::new(),
            })
            .collect(),
        _ => Vec::new(),
    };
    let row = |(lang, text_key, text): &(String, String, String)| {
        let at = warning_path(lang, text_key);
        let id = field_id(&at);
        let path = vec![key("copy"), key(lang), key(text_key)];
        let oninput = {
            let path = path.clone();
            // An emptied field stays (as an empty text, which the widget explains) until removed.
            dispatch.reform(move |text: String| Action::Value(path.clone(), Some(Value::String(text))))
        };
        let remove = dispatch.reform(move |_: MouseEvent| Action::Value(path.clone(), None));
        let was = built_in(lang, text_key);
        let needs = placeholders(&english.get(text_key).to_string());
        let mut hint = format!("The widget's words: “{was}”");
        if !needs.is_empty() {
            let list: Vec<String> = needs.iter().map(|p| format!("{{{p}}}")).collect();
            hint.push_str(&format!(" It can use {}, filled in by the widget.", list.join(", ")));
        }
        let label = format!("{text_key} ({})", language_name(lang));
        html! {
            <li class="cf-package" key={at.clone()}>
                <Field id={id.clone()} label={label.clone()} value={text.clone()} hint={Some(AttrValue::from(hint))}
                    messages={messages_for(model, &[at.as_str()])} {oninput} />
                { secondary_button("Use the widget's words", &format!(": {label}"), remove) }
            </li>
        }
    };

    let on_choose = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| chosen.set(e.target_unchecked_into::<HtmlSelectElement>().value()))
    };
    let on_language = {
        let chosen_language = chosen_language.clone();
        Callback::from(move |e: Event| chosen_language.set(e.target_unchecked_into::<HtmlSelectElement>().value()))
    };
    let add = {
        let (chosen, lang, dispatch) = (chosen.clone(), chosen_language.clone(), dispatch.clone());
        Callback::from(move |_: MouseEvent| {
            if chosen.is_empty() {
                return;
            }
            let start = built_in(&lang, &chosen);
            dispatch.emit(Action::Reword { lang: (*lang).clone(), key: (*chosen).clone(), start, focus: field_id(&warning_path(&lang, &chosen)) });
        })
    };
    // Problems with `copy` or a language in it; those with one text are beside its field.
    let about_the_whole: Vec<String> = model.problems.iter()
        .filter(|p| p.path == "copy" || (p.path.starts_with("copy.") && !p.path.contains('[') && p.path.matches('.').count() == 1))
        .map(ToString::to_string).collect();
    let short = |text: &str| {
        let t: String = text.chars().take(70).collect();
        if t.chars().count() < text.chars().count() { format!("{t}…") } else { t }
    };
    html! {
        <fieldset class="cf-wording">
            <legend>{ "Wording" }</legend>
            <span id={field_id("copy")} class="cf-anchor" tabindex="-1"></span>
            <FieldProblems id="cf-copy-problem" messages={about_the_whole} />
            <p class="cf-hint">{ "Your own words for any text of the widget, such as the booking button. Choose the text and the language; it starts from the widget's words." }</p>
            if !rewritten.is_empty() {
                <ul class="cf-list">{ for rewritten.iter().map(row) }</ul>
            }
            <div class="cf-field">
                <label for="cf-wording-key">{ "Text to reword" }</label>
                <select id="cf-wording-key" onchange={on_choose}>
                    <option value="" selected={chosen.is_empty()}>{ "Choose a text…" }</option>
                    { for english.keys().into_iter().map(|k| html! {
                        <option value={k.to_string()} selected={*chosen == k}>{ format!("{k}: {}", short(english.get(k))) }</option>
                    }) }
                </select>
            </div>
            <div class="cf-field">
                <label for="cf-wording-language">{ "In" }</label>
                <select id="cf-wording-language" onchange={on_language}>
                    { for LANGUAGES.iter().map(|(l, n)| html! { <option value={*l} selected={*chosen_language == *l}>{ *n }</option> }) }
                </select>
            </div>
            <button type="button" class="cf-button cf-secondary" onclick={add} aria-disabled={chosen.is_empty().then_some("true")}>{ "Reword this text" }</button>
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_starts_from_its_own_words() {
        // Read from the tables directly, not through the functions under test.
        let en: serde_json::Map<String, Value> = serde_json::from_str(include_str!("../../content/strings.en.json")).unwrap();
        let es: serde_json::Map<String, Value> = serde_json::from_str(include_str!("../../content/strings.es.json")).unwrap();
        assert_eq!(built_in("en", "booking.button"), en["booking.button"].as_str().unwrap());
        assert_eq!(built_in("es", "booking.button"), es["booking.button"].as_str().unwrap());
        assert_ne!(built_in("es", "booking.button"), built_in("en", "booking.button"));
    }

    #[test]
    fn paths_are_written_as_the_widgets_warnings_write_them() {
        assert_eq!(warning_path("en", "booking.button"), r#"copy.en["booking.button"]"#);
        assert_eq!(field_id(&warning_path("en", "booking.button")), "cf-copy-en--booking-button--");
    }
}
