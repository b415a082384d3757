//! The configurator's form, preview and export. Components render the model and dispatch
//! actions; what a value means is the core's (`draft`, the widget's config reader).

use std::collections::BTreeMap;
use std::rc::Rc;

use serde_json::Value;
use treatment_widget_core::catalog::Setting;
use treatment_widget_core::config::ConfigError;
use crate::draft::{price_text, problems_at, Draft, Step};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::model::{field_id, key, path_text, steps, Action, FieldPath, Model, Part};

/// What the widget says about a field, and what is wrong with what was typed there.
pub(crate) fn messages_for(model: &Model, paths: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for path in paths {
        if let Some((_, Some(reason))) = model.typed.get(*path) {
            out.push(reason.clone());
        }
        for p in problems_at(&model.problems, path) {
            out.push(p.to_string());
        }
    }
    out
}

fn input_text(e: InputEvent) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

// The configurator reaches a few browser objects (a textarea's value, a chosen file, the
// clipboard) by name rather than through web-sys features: enabling features changes the
// widget's build too, and the widget must not change by a byte because the configurator exists.
fn get(target: &wasm_bindgen::JsValue, name: &str) -> Option<wasm_bindgen::JsValue> {
    js_sys::Reflect::get(target, &name.into()).ok().filter(|v| !v.is_undefined() && !v.is_null())
}

fn textarea_text(e: InputEvent) -> String {
    e.target().and_then(|t| get(&t, "value")).and_then(|v| v.as_string()).unwrap_or_default()
}

/// Calls `target.method()` and waits for the promise it returns.
async fn call_async(target: &wasm_bindgen::JsValue, method: &str, arg: Option<&wasm_bindgen::JsValue>) -> Option<wasm_bindgen::JsValue> {
    let f: js_sys::Function = get(target, method)?.dyn_into().ok()?;
    let returned = match arg {
        Some(a) => f.call1(target, a),
        None => f.call0(target),
    };
    let promise: js_sys::Promise = returned.ok()?.dyn_into().ok()?;
    JsFuture::from(promise).await.ok()
}

#[derive(Properties, PartialEq)]
pub(crate) struct FieldProps {
    pub(crate) id: AttrValue,
    pub(crate) label: AttrValue,
    pub(crate) value: AttrValue,
    #[prop_or("text".into())]
    pub(crate) kind: AttrValue,
    #[prop_or_default]
    pub(crate) hint: Option<AttrValue>,
    #[prop_or_default]
    pub(crate) autocomplete: Option<AttrValue>,
    #[prop_or_default]
    pub(crate) inputmode: Option<AttrValue>,
    #[prop_or_default]
    pub(crate) list: Option<AttrValue>,
    pub(crate) messages: Vec<String>,
    pub(crate) oninput: Callback<String>,
}

/// A labelled text field with its hint and, below it, each problem the widget has with it.
#[component]
pub(crate) fn Field(props: &FieldProps) -> Html {
    let hint_id = format!("{}-hint", props.id);
    let problem_id = format!("{}-problem", props.id);
    let mut described: Vec<&str> = Vec::new();
    if props.hint.is_some() {
        described.push(&hint_id);
    }
    if !props.messages.is_empty() {
        described.push(&problem_id);
    }
    let oninput = props.oninput.reform(input_text);
    html! {
        <div class="cf-field">
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            if let Some(hint) = &props.hint { <p class="cf-hint" id={hint_id.clone()}>{ hint.clone() }</p> }
            <input id={props.id.clone()} type={props.kind.clone()} value={props.value.clone()} {oninput}
                autocomplete={props.autocomplete.clone()} inputmode={props.inputmode.clone()} list={props.list.clone()}
                aria-invalid={(!props.messages.is_empty()).then_some("true")}
                aria-describedby={(!described.is_empty()).then(|| described.join(" "))} />
            <FieldProblems id={problem_id.clone()} messages={props.messages.clone()} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub(crate) struct FieldProblemsProps {
    pub(crate) id: String,
    pub(crate) messages: Vec<String>,
}

#[component]
pub(crate) fn FieldProblems(props: &FieldProblemsProps) -> Html {
    if props.messages.is_empty() {
        return Html::default();
    }
    html! {
        <ul class="cf-problem" id={props.id.clone()}>
            { for props.messages.iter().map(|m| html! { <li>{ m.clone() }</li> }) }
        </ul>
    }
}

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub problems: Rc<Vec<ConfigError>>,
    pub typed: BTreeMap<String, (String, Option<String>)>,
}

/// Every problem at the top, each a link to its field, so none is missed further down the form.
#[component]
pub fn ProblemSummary(props: &SummaryProps) -> Html {
    let typed: Vec<(String, String)> = props.typed.iter().filter_map(|(path, (_, reason))| reason.clone().map(|r| (path.clone(), r))).collect();
    let count = props.problems.len() + typed.len();
    let link = |path: &str, text: String| {
        let target = if path.is_empty() { "cf-json".to_string() } else { field_id(path) };
        let path = path.to_string();
        let onclick = Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            go_to_field(&path);
        });
        html! { <li><a href={format!("#{target}")} {onclick}>{ text }</a></li> }
    };
    html! {
        <section class="cf-summary" aria-labelledby="cf-summary-title">
            <h2 id="cf-summary-title">
                { match count { 0 => "No problems".to_string(), 1 => "1 problem".to_string(), n => format!("{n} problems") } }
            </h2>
            if count == 0 {
                <p>{ "The widget can use everything in this config." }</p>
            } else {
                <p>{ "The widget leaves these parts out or changes them (in the words it writes to the browser console); a field still being typed keeps its last good value:" }</p>
                <ul>
                    { for typed.iter().map(|(path, reason)| link(path, format!("{path}: {reason}"))) }
                    { for props.problems.iter().map(|p| link(&p.path, p.to_string())) }
                </ul>
            }
        </section>
    }
}

/// Moves to the field a problem is about, or the nearest part of the form that holds it (a problem
/// about a whole package goes to the package), else the full JSON; focus goes with it.
fn go_to_field(path: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let mut at = path.to_string();
    let element = loop {
        let id = if at.is_empty() { "cf-json".to_string() } else { field_id(&at) };
        if let Some(el) = document.get_element_by_id(&id) {
            break Some(el);
        }
        if at.is_empty() {
            break None;
        }
        // Up one step: `a.b[2]` → `a.b` → `a` → the whole config.
        let cut = at.rfind(['.', '[']).unwrap_or(0);
        at.truncate(cut);
    };
    if let Some(el) = element {
        el.scroll_into_view();
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// Problems about a group as a whole (a package, the tax), not about one of its fields.
fn exact_messages(model: &Model, path: &str) -> Vec<String> {
    model.problems.iter().filter(|p| p.path == path).map(ToString::to_string).collect()
}

/// A choice from a short list bound to a path; the first option (value "") removes the key.
fn select_field(model: &Model, dispatch: &Callback<Action>, path: FieldPath, label: &str, options: &[(&str, &str)], hint: Option<&str>) -> Html {
    let at = path_text(&path);
    let id = field_id(&at);
    let current = model.draft.text(&steps(&path));
    let messages = messages_for(model, &[at.as_str()]);
    let mut described: Vec<String> = Vec::new();
    if hint.is_some() {
        described.push(format!("{id}-hint"));
    }
    if !messages.is_empty() {
        described.push(format!("{id}-problem"));
    }
    let onchange = dispatch.reform(move |e: Event| Action::Text(path.clone(), e.target_unchecked_into::<HtmlSelectElement>().value()));
    // A value the list does not have (from an import) stays selected and visible, not replaced.
    let unknown = (!current.is_empty() && !options.iter().any(|(v, _)| *v == current)).then(|| current.clone());
    html! {
        <div class="cf-field">
            <label for={id.clone()}>{ label.to_string() }</label>
            if let Some(h) = hint { <p class="cf-hint" id={format!("{id}-hint")}>{ h.to_string() }</p> }
            <select id={id.clone()} {onchange} aria-invalid={(!messages.is_empty()).then_some("true")}
                aria-describedby={(!described.is_empty()).then(|| described.join(" "))}>
                { for options.iter().map(|(value, name)| html! {
                    <option value={value.to_string()} selected={current == *value}>{ name.to_string() }</option>
                }) }
                if let Some(v) = unknown { <option value={v.clone()} selected=true>{ v.clone() }</option> }
            </select>
            <FieldProblems id={format!("{id}-problem")} messages={messages} />
        </div>
    }
}

/// A tick for each choice, bound to a list of ids at `path` in the choices' order; unticking
/// them all removes the list. Ids the form does not offer (from an import) are kept.
fn subset_field(model: &Model, dispatch: &Callback<Action>, path: FieldPath, legend: String, choices: &[(String, String)], hint: Option<&str>) -> Html {
    let at = path_text(&path);
    let id = field_id(&at);
    let listed: Vec<String> = match model.draft.get(&steps(&path)) {
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).map(str::to_string).collect(),
        _ => Vec::new(),
    };
    let boxes = choices.iter().map(|(choice, name)| {
        let box_id = format!("{id}-{}", field_id(choice).trim_start_matches("cf-"));
        let onchange = {
            let (path, choice, listed) = (path.clone(), choice.clone(), listed.clone());
            let order: Vec<String> = choices.iter().map(|(c, _)| c.clone()).collect();
            dispatch.reform(move |e: Event| {
                let on = e.target_unchecked_into::<HtmlInputElement>().checked();
                let mut next: Vec<String> = order.iter().filter(|c| if **c == choice { on } else { listed.contains(c) }).cloned().collect();
                next.extend(listed.iter().filter(|l| !order.contains(l)).cloned());
                Action::Value(path.clone(), (!next.is_empty()).then(|| Value::from(next)))
            })
        };
        html! {
            <div class="cf-check">
                <input id={box_id.clone()} type="checkbox" checked={listed.contains(choice)} {onchange} />
                <label for={box_id}>{ name.clone() }</label>
            </div>
        }
    });
    let messages = messages_for(model, &[at.as_str()]);
    html! {
        <fieldset class="cf-subset">
            <legend>{ legend }</legend>
            <span id={id.clone()} class="cf-anchor" tabindex="-1"></span>
            if let Some(h) = hint { <p class="cf-hint">{ h.to_string() }</p> }
            { for boxes }
            <FieldProblems id={format!("{id}-problem")} messages={messages} />
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
pub struct FormProps {
    pub model: Model,
    pub dispatch: Callback<Action>,
}

/// A text field bound to a path of the draft.
fn text_field(model: &Model, dispatch: &Callback<Action>, path: FieldPath, label: &str, kind: &str, hint: Option<&str>) -> Html {
    let at = path_text(&path);
    // Written per language ({"en": …, "es": …}): a field for each language, in the config's order.
    if let Some(Value::Object(per_language)) = model.draft.get(&steps(&path)) {
        let id = field_id(&at);
        let languages: Vec<String> = per_language.keys().cloned().collect();
        let missing = model.draft.languages().iter().any(|l| !per_language.contains_key(l));
        let add = { let path = path.clone(); dispatch.reform(move |_: MouseEvent| Action::WriteEachLanguage(path.clone())) };
        return html! {
            <fieldset class="cf-subset cf-per-language">
                <legend>{ label.to_string() }</legend>
                <span id={id.clone()} class="cf-anchor" tabindex="-1"></span>
                <p class="cf-hint">{ "Written per language: visitors read the one in their language." }</p>
                { for languages.iter().map(|l| {
                    let mut one = path.clone();
                    one.push(key(l));
                    text_field(model, dispatch, one, &format!("{label} ({})", language_name(l)), kind, None)
                }) }
                if missing { { secondary_button("Add the clinic's other languages", &format!(" to {label}"), add) } }
                <FieldProblems id={format!("{id}-problem")} messages={exact_messages(model, &at)} />
            </fieldset>
        };
    }
    let value = model.draft.text(&steps(&path));
    let oninput = dispatch.reform(move |text| Action::Text(path.clone(), text));
    html! {
        <Field id={field_id(&at)} label={label.to_string()} value={value} kind={kind.to_string()}
            hint={hint.map(|h| AttrValue::from(h.to_string()))} messages={messages_for(model, &[at.as_str()])} {oninput} />
    }
}

/// A yes/no the widget takes as yes when it is missing: ticked unless the config says `false`,
/// and ticking it again removes the key rather than writing the default out.
fn allowed_by_default(model: &Model, dispatch: &Callback<Action>, path: FieldPath, label: &str) -> Html {
    let at = path_text(&path);
    let id = field_id(&at);
    let on = model.draft.get(&steps(&path)) != Some(&Value::Bool(false));
    let onchange = dispatch.reform(move |e: Event| {
        let on = e.target_unchecked_into::<HtmlInputElement>().checked();
        Action::Value(path.clone(), (!on).then_some(Value::Bool(false)))
    });
    html! {
        <div class="cf-field">
            <div class="cf-check">
                <input id={id.clone()} type="checkbox" checked={on} {onchange} />
                <label for={id.clone()}>{ label.to_string() }</label>
            </div>
            <FieldProblems id={format!("{id}-problem")} messages={messages_for(model, &[at.as_str()])} />
        </div>
    }
}

/// A language's name in the configurator's words.
fn language_name(code: &str) -> String {
    match code {
        "en" => "English".to_string(),
        "es" => "Spanish".to_string(),
        other => other.to_string(),
    }
}

/// Words a visitor reads, which the widget takes as one text or one per language: the field, and
/// when the clinic speaks more than one language, a button to write it in each.
fn words_field(model: &Model, dispatch: &Callback<Action>, path: FieldPath, label: &str, hint: Option<&str>) -> Html {
    // Only words already written can be split: an empty field has nothing to start each language from.
    let one_text = matches!(model.draft.get(&steps(&path)), Some(Value::String(s)) if !s.trim().is_empty());
    let several = model.draft.languages().len() > 1;
    let split = { let path = path.clone(); dispatch.reform(move |_: MouseEvent| Action::WriteEachLanguage(path.clone())) };
    html! { <>
        { text_field(model, dispatch, path, label, "text", hint) }
        if one_text && several { { secondary_button("Write it in each language", &format!(" ({label})"), split) } }
    </> }
}

fn price_field(model: &Model, dispatch: &Callback<Action>, path: FieldPath, label: String) -> Html {
    let at = path_text(&path);
    let value = match model.typed.get(&at) {
        Some((typed, _)) => typed.clone(),
        None => price_text(model.draft.get(&steps(&path))),
    };
    let oninput = dispatch.reform(move |text| Action::Price(path.clone(), text));
    html! {
        <Field id={field_id(&at)} label={label} value={value} inputmode={Some(AttrValue::from("decimal"))}
            messages={messages_for(model, &[at.as_str()])} {oninput} />
    }
}

#[component]
pub fn Form(props: &FormProps) -> Html {
    // A control the form re-created or moved keeps the keyboard focus.
    use_effect_with(props.model.keep_focus.clone(), |keep| {
        if let Some((id, _)) = keep {
            let document = web_sys::window().and_then(|w| w.document());
            if let Some(el) = document.as_ref().and_then(|d| d.get_element_by_id(id)) {
                let already = document.as_ref().and_then(|d| d.active_element()).is_some_and(|a| a == el);
                if !already {
                    if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                        let _ = el.focus();
                    }
                }
            }
        }
    });
    let model = &props.model;
    let dispatch = &props.dispatch;
    let catalog = &model.catalog;
    let offered = model.draft.offered(catalog);
    let on_flag = |path: FieldPath| dispatch.reform(move |e: Event| Action::Flag(path.clone(), e.target_unchecked_into::<HtmlInputElement>().checked()));
    let new_tab = model.draft.get(&[Step::Key("booking"), Step::Key("openInNewTab")]) == Some(&Value::Bool(true));
    let language = model.draft.text(&[Step::Key("language")]);
    let on_language = {
        let d = dispatch.clone();
        Callback::from(move |e: Event| d.emit(Action::Text(vec![key("language")], e.target_unchecked_into::<HtmlSelectElement>().value())))
    };
    let both_languages = matches!(model.draft.get(&[Step::Key("languages")]), Some(Value::Array(a)) if a.len() > 1);
    let on_both = {
        let d = dispatch.clone();
        let opening = if language.is_empty() { "en".to_string() } else { language.clone() };
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            let other = if opening == "es" { "en" } else { "es" };
            d.emit(Action::Value(vec![key("languages")], on.then(|| Value::from(vec![opening.clone(), other.to_string()]))));
        })
    };
    // The colour a clinic wrote as `accentColor` stays there; a new one is the theme's primary.
    // The widget reads theme.primary first, so a config with both edits that one.
    let only_accent = model.draft.get(&[Step::Key("accentColor")]).is_some() && model.draft.get(&[Step::Key("theme"), Step::Key("primary")]).is_none();
    let colour_path: FieldPath = if only_accent { vec![key("accentColor")] } else { vec![key("theme"), key("primary")] };
    let colour = model.draft.text(&steps(&colour_path));
    let colour_messages = messages_for(model, &["accentColor", "theme.primary"]);
    let scheme = model.draft.text(&[Step::Key("theme"), Step::Key("scheme")]);
    let on_scheme = dispatch.reform(|e: Event| Action::Text(vec![key("theme"), key("scheme")], e.target_unchecked_into::<HtmlSelectElement>().value()));
    let on_colour = {
        let d = dispatch.clone();
        let path = colour_path.clone();
        Callback::from(move |e: InputEvent| d.emit(Action::Text(path.clone(), input_text(e))))
    };

    html! {
        <div class="cf-form">
            <fieldset>
                <legend>{ "Your clinic" }</legend>
                { text_field(model, dispatch, vec![key("clinicName")], "Clinic name", "text", Some("Shown above every figure and on the booking button.")) }
                { text_field(model, dispatch, vec![key("booking"), key("url")], "Booking link", "url", Some("Where “Book a consultation” goes: a page on your site or your booking system (https://…).")) }
                { text_field(model, dispatch, vec![key("booking"), key("phone")], "Phone number (optional)", "tel", Some("Shown beside the booking button, and to visitors whose browser cannot run the widget.")) }
                <FieldProblems id="cf-booking-problem" messages={exact_messages(model, "booking")} />
                <span id={field_id("booking")} class="cf-anchor" tabindex="-1"></span>
                <div class="cf-check">
                    <input id="cf-booking-openInNewTab" type="checkbox" checked={new_tab}
                        onchange={on_flag(vec![key("booking"), key("openInNewTab")])} />
                    <label for="cf-booking-openInNewTab">{ "Open the booking link in a new tab" }</label>
                </div>
            </fieldset>

            <fieldset>
                <legend>{ "Language and money" }</legend>
                <div class="cf-field">
                    <label for="cf-language">{ "Language of the widget" }</label>
                    <select id="cf-language" onchange={on_language}
                        aria-describedby={(!messages_for(model, &["language"]).is_empty()).then_some("cf-language-problem")}>
                        <option value="" selected={language.is_empty()}>{ "From the locale (Spanish for an es- locale, else English)" }</option>
                        <option value="en" selected={language == "en"}>{ "English" }</option>
                        <option value="es" selected={language == "es"}>{ "Spanish (español)" }</option>
                    </select>
                    <FieldProblems id="cf-language-problem" messages={messages_for(model, &["language"])} />
                </div>
                <div class="cf-field">
                    <div class="cf-check">
                        <input id="cf-languages" type="checkbox" checked={both_languages} onchange={on_both} />
                        <label for="cf-languages">{ "Let visitors switch between English and Spanish" }</label>
                    </div>
                    <FieldProblems id="cf-languages-problem" messages={messages_for(model, &["languages"])} />
                </div>
                { text_field(model, dispatch, vec![key("currency")], "Currency", "text", Some("The three-letter code: USD, EUR, GBP, CAD, AUD…")) }
                { text_field(model, dispatch, vec![key("locale")], "Number and date format", "text", Some("A locale such as en-US, en-GB, es-ES or de-DE.")) }
            </fieldset>

            <fieldset>
                <legend>{ "Look" }</legend>
                <div class="cf-field">
                    <label for="cf-colour">{ "Brand colour" }</label>
                    <p class="cf-hint" id="cf-colour-hint">{ "Buttons and links. A colour too light to read as text is darkened until it reads (you will see why here)." }</p>
                    <div class="cf-colour-row">
                        <input id="cf-colour-picker" type="color" aria-label="Brand colour (picker)"
                            value={if colour.len() == 7 { colour.clone() } else { "#0f766e".to_string() }} oninput={on_colour.clone()} />
                        <input id="cf-colour" type="text" value={colour.clone()} oninput={on_colour} placeholder="#0f766e"
                            aria-invalid={(!colour_messages.is_empty()).then_some("true")}
                            aria-describedby={if colour_messages.is_empty() { "cf-colour-hint".to_string() } else { "cf-colour-hint cf-colour-problem".to_string() }} />
                    </div>
                    <FieldProblems id="cf-colour-problem" messages={colour_messages} />
                    // The widget's warnings name the path they are about; link both spellings here.
                    <span id={field_id("accentColor")} class="cf-anchor" tabindex="-1"></span>
                    <span id={field_id("theme.primary")} class="cf-anchor" tabindex="-1"></span>
                </div>
                { text_field(model, dispatch, vec![key("theme"), key("text")], "Text colour (optional)", "text", Some("Such as #1f2933. Darkened or lightened if it would not read on the background.")) }
                { text_field(model, dispatch, vec![key("theme"), key("background")], "Background colour (optional)", "text", Some("Such as #ffffff, or your page's colour.")) }
                { text_field(model, dispatch, vec![key("theme"), key("font")], "Font (optional)", "text", Some("“inherit” for your page's font, or font names such as “Lato, sans-serif”.")) }
                <div class="cf-field">
                    <label for={field_id("theme.scheme")}>{ "Light or dark" }</label>
                    <select id={field_id("theme.scheme")} onchange={on_scheme}
                        aria-describedby={(!messages_for(model, &["theme.scheme"]).is_empty()).then_some("cf-theme-scheme-problem")}>
                        <option value="" selected={scheme.is_empty()}>{ "Light (the default)" }</option>
                        <option value="dark" selected={scheme == "dark"}>{ "Dark" }</option>
                        <option value="auto" selected={scheme == "auto"}>{ "As the visitor's device is set" }</option>
                    </select>
                    <FieldProblems id="cf-theme-scheme-problem" messages={messages_for(model, &["theme.scheme"])} />
                </div>
                { bound_field(model, dispatch, vec![key("theme"), key("radius")], "Corner roundness (optional)", Kind::Count,
                    Some("In pixels, 0 (square) to 24; 12 if empty. Match your site's buttons.")) }
                { select_field(model, dispatch, vec![key("theme"), key("density")], "Spacing",
                    &[("", "Comfortable (the default)"), ("compact", "Compact: a little smaller and tighter")], None) }
            </fieldset>

            <Treatments model={model.clone()} dispatch={dispatch.clone()} offered={offered.clone()} />
            <Packages model={model.clone()} dispatch={dispatch.clone()} offered={offered.clone()} />
            <MoreMoney model={model.clone()} dispatch={dispatch.clone()} offered={offered.clone()} />
            <OwnTreatments model={model.clone()} dispatch={dispatch.clone()} offered={offered.clone()} />
            <ListEditor model={model.clone()} dispatch={dispatch.clone()} legend="Locations" noun="Location" id_prefix="location"
                hint="For a clinic with more than one address. With two or more, visitors choose one in the estimator, see its prices and book there. Each uses your prices, your prices moved by a percentage, or its own."
                list={vec!["locations"]} specs={LOCATION_FIELDS} extra={Some(own_price_list(model, dispatch))} />
            <PriceNotes model={model.clone()} dispatch={dispatch.clone()} offered={offered.clone()} />
            <Sections model={model.clone()} dispatch={dispatch.clone()} offered={offered} />
            <crate::wording::Wording model={model.clone()} dispatch={dispatch.clone()} />
            <Import model={model.clone()} dispatch={dispatch.clone()} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ListProps {
    model: Model,
    dispatch: Callback<Action>,
    offered: Vec<String>,
}

/// Each treatment: offered or not, its place in the widget's lists, and a price for each area.
#[component]
fn Treatments(props: &ListProps) -> Html {
    let model = &props.model;
    let dispatch = &props.dispatch;
    let catalog = &model.catalog;
    let others: Vec<&str> = catalog.treatments.iter().filter(|t| t.setting == Setting::Professional && !props.offered.contains(&t.id)).map(|t| t.id.as_str()).collect();
    let name = |id: &str| catalog.treatment(id).map(|t| t.name.clone()).unwrap_or_else(|| id.to_string());
    let row = |id: &str, at: Option<usize>| {
        let treatment = catalog.treatment(id);
        let check_id = format!("cf-offer-{id}");
        let onchange = {
            let id = id.to_string();
            dispatch.reform(move |e: Event| Action::Offer(id.clone(), e.target_unchecked_into::<HtmlInputElement>().checked()))
        };
        let mover = |earlier: bool| {
            let id = id.to_string();
            dispatch.reform(move |_: MouseEvent| Action::Move(id.clone(), earlier))
        };
        let last = props.offered.len().saturating_sub(1);
        html! {
            <li class="cf-treatment" key={id.to_string()}>
                <div class="cf-treatment-head">
                    <div class="cf-check">
                        <input id={check_id.clone()} type="checkbox" checked={at.is_some()} {onchange} />
                        <label for={check_id}>{ name(id) }</label>
                    </div>
                    if let Some(at) = at {
                        <div class="cf-move">
                            <button type="button" class="cf-small" id={format!("cf-up-{id}")} aria-disabled={(at == 0).then_some("true")}
                                onclick={if at == 0 { Callback::noop() } else { mover(true) }}>
                                { "Up" }<span class="cf-visually-hidden">{ format!(": {}", name(id)) }</span>
                            </button>
                            <button type="button" class="cf-small" id={format!("cf-down-{id}")} aria-disabled={(at == last).then_some("true")}
                                onclick={if at == last { Callback::noop() } else { mover(false) }}>
                                { "Down" }<span class="cf-visually-hidden">{ format!(": {}", name(id)) }</span>
                            </button>
                        </div>
                    }
                </div>
                if at.is_some() {
                    if let Some(t) = treatment {
                        <div class="cf-prices">
                            { text_field(model, dispatch, vec![key("treatmentNames"), key(id)], &format!("Your name for {} (optional)", t.name), "text", None) }
                            { for t.areas.iter().map(|area| {
                                let area_name = catalog.area(area).map(|a| a.name.clone()).unwrap_or_else(|| area.clone());
                                price_field(model, dispatch,
                                    vec![key("pricing"), key("treatments"), key(id), key("areas"), key(area)],
                                    format!("{}, {}: price a session", name(id), area_name.to_lowercase()))
                            }) }
                            { combinations(model, dispatch, id, &name(id)) }
                        </div>
                    } else {
                        <p class="cf-hint">{ "Your own treatment: its description and prices are under “Your own treatments”." }</p>
                    }
                }
            </li>
        }
    };
    html! {
        <fieldset class="cf-treatments">
            <legend>{ "Treatments and prices" }</legend>
            <p class="cf-hint">
                { "Ticked treatments are shown, in this order. A price is one amount (150) or a typical range (150-700), a session, in your currency. Leave it empty to show the treatment without a price." }
            </p>
            <span id={field_id("offeredTreatments")} class="cf-anchor" tabindex="-1"></span>
            <span id={field_id("pricing")} class="cf-anchor" tabindex="-1"></span>
            <FieldProblems id="cf-pricing-problem" messages={exact_messages(model, "pricing")} />
            <ul class="cf-list">
                { for props.offered.iter().enumerate().map(|(i, id)| row(id, Some(i))) }
                { for others.iter().map(|id| row(id, None)) }
            </ul>
        </fieldset>
    }
}

/// Packages: a number of sessions of one treatment for one price.
#[component]
fn Packages(props: &ListProps) -> Html {
    let model = &props.model;
    let dispatch = &props.dispatch;
    let packages: Vec<Value> = match model.draft.get(&[Step::Key("pricing"), Step::Key("packages")]) {
        Some(Value::Array(a)) => a.clone(),
        _ => Vec::new(),
    };
    // The offered treatments, then the clinic's own (always offered, listed or not).
    let mut choices = props.offered.clone();
    if let Some(Value::Array(own)) = model.draft.get(&[Step::Key("customTreatments")]) {
        for id in own.iter().filter_map(|t| t.get("id").and_then(Value::as_str)) {
            if !choices.iter().any(|c| c == id) {
                choices.push(id.to_string());
            }
        }
    }
    let package = |i: usize, p: &Value| {
        let base = vec![key("pricing"), key("packages"), Part::Index(i)];
        let at = |k: &str| {
            let mut path = base.clone();
            path.push(key(k));
            path
        };
        let label = written_name(p.get("name")).unwrap_or_else(|| format!("Package {}", i + 1));
        let treatment_path = at("treatment");
        let treatment = model.draft.text(&steps(&treatment_path));
        let treatment_at = path_text(&treatment_path);
        let treatment_id = field_id(&treatment_at);
        let on_treatment = {
            let path = treatment_path.clone();
            dispatch.reform(move |e: Event| Action::Text(path.clone(), e.target_unchecked_into::<HtmlSelectElement>().value()))
        };
        let sessions_path = at("sessions");
        let sessions_at = path_text(&sessions_path);
        let sessions = model.typed.get(&sessions_at).map(|(t, _)| t.clone()).unwrap_or_else(|| model.draft.text(&steps(&sessions_path)));
        let on_sessions = dispatch.reform(move |text| Action::Count(sessions_path.clone(), text));
        let remove = dispatch.reform(move |_: MouseEvent| Action::RemovePackage(i));
        let percent = p.get("percentOff").is_some() || model.typed.contains_key(&format!("pricing.packages[{i}].percentOff"));
        let pricing_id = format!("{}-pricedAs", field_id(&path_text(&base)));
        let on_pricing = dispatch.reform(move |e: Event| Action::PackagePricing(i, e.target_unchecked_into::<HtmlSelectElement>().value() == "percent"));
        let priced_areas = priced_areas(model, &treatment);
        html! {
            <li class="cf-package">
                <h3 class="cf-package-title" id={field_id(&path_text(&base))} tabindex="-1">{ label.clone() }</h3>
                <FieldProblems id={format!("{}-problem", field_id(&path_text(&base)))} messages={exact_messages(model, &path_text(&base))} />
                { text_field(model, dispatch, at("name"), "Name", "text", Some("As visitors see it, such as “Course of 3”.")) }
                <div class="cf-field">
                    <label for={treatment_id.clone()}>{ "Treatment" }</label>
                    <select id={treatment_id.clone()} onchange={on_treatment}
                        aria-invalid={(!messages_for(model, &[treatment_at.as_str()]).is_empty()).then_some("true")}
                        aria-describedby={(!messages_for(model, &[treatment_at.as_str()]).is_empty()).then(|| format!("{treatment_id}-problem"))}>
                        if !choices.contains(&treatment) {
                            <option value="" selected=true disabled=true>{ "Choose a treatment…" }</option>
                        }
                        { for choices.iter().map(|id| html! {
                            <option value={id.clone()} selected={*id == treatment}>{ treatment_name(model, id) }</option>
                        }) }
                    </select>
                    <FieldProblems id={format!("{treatment_id}-problem")} messages={messages_for(model, &[treatment_at.as_str()])} />
                </div>
                <Field id={field_id(&sessions_at)} label="Sessions" value={sessions} inputmode={Some(AttrValue::from("numeric"))}
                    messages={messages_for(model, &[sessions_at.as_str()])} oninput={on_sessions} />
                <div class="cf-field">
                    <label for={pricing_id.clone()}>{ "Priced as" }</label>
                    <select id={pricing_id.clone()} onchange={on_pricing}>
                        <option value="price" selected={!percent}>{ "One price for the whole package" }</option>
                        <option value="percent" selected={percent}>{ "A percentage off each session" }</option>
                    </select>
                </div>
                if percent {
                    { bound_field(model, dispatch, at("percentOff"), "Discount on each session (%)", Kind::Number,
                        Some("Off the area price of each session in the package (add-ons are not discounted).")) }
                } else {
                    { price_field(model, dispatch, at("price"), "Price of the whole package".to_string()) }
                    if priced_areas.len() > 1 {
                        { subset_field(model, dispatch, at("areas"), format!("Areas the package covers ({label})"), &priced_areas,
                            Some("The package applies when a visitor chooses exactly these areas. None ticked: the first area priced.")) }
                    }
                }
                { secondary_button("Remove", &format!(" {label}"), remove) }
            </li>
        }
    };
    html! {
        <fieldset class="cf-packages">
            <legend>{ "Packages" }</legend>
            <p class="cf-hint">{ "A course sold for one price. The estimate uses a package only when it is cheaper for the visitor, and says so." }</p>
            <span id={field_id("pricing.packages")} class="cf-anchor" tabindex="-1"></span>
            if !packages.is_empty() {
                <ul class="cf-list">{ for packages.iter().enumerate().map(|(i, p)| package(i, p)) }</ul>
            }
            <button type="button" class="cf-button cf-secondary" onclick={dispatch.reform(|_: MouseEvent| Action::AddPackage)}>{ "Add a package" }</button>
        </fieldset>
    }
}

/// The areas a treatment has a price for, in the clinic's order, with their names.
fn priced_areas(model: &Model, treatment: &str) -> Vec<(String, String)> {
    match model.draft.get(&[Step::Key("pricing"), Step::Key("treatments"), Step::Key(treatment), Step::Key("areas")]) {
        Some(Value::Object(areas)) => areas.keys().map(|a| (a.clone(), area_name(model, a))).collect(),
        _ => Vec::new(),
    }
}

fn area_name(model: &Model, area: &str) -> String {
    model.catalog.area(area).map(|a| a.name.clone()).unwrap_or_else(|| area.to_string())
}

/// A name as the clinic wrote it: one text, or the first of its texts per language.
fn written_name(name: Option<&Value>) -> Option<String> {
    let text = match name? {
        Value::String(s) => s.clone(),
        Value::Object(per) => per.values().find_map(Value::as_str)?.to_string(),
        _ => return None,
    };
    (!text.trim().is_empty()).then_some(text)
}

/// The clinic's name for a treatment: its rename, its own treatment's name, the guide's name.
fn treatment_name(model: &Model, id: &str) -> String {
    if let Some(renamed) = written_name(model.draft.get(&[Step::Key("treatmentNames"), Step::Key(id)])) {
        return renamed;
    }
    if let Some(Value::Array(own)) = model.draft.get(&[Step::Key("customTreatments")]) {
        if let Some(t) = own.iter().find(|t| t.get("id").and_then(Value::as_str) == Some(id)) {
            if let Some(name) = written_name(t.get("name")) {
                return name;
            }
        }
    }
    model.catalog.treatment(id).map(|t| t.name.clone()).unwrap_or_else(|| id.to_string())
}

/// Prices for two or more areas done together in one session, under a treatment's area prices.
fn combinations(model: &Model, dispatch: &Callback<Action>, treatment: &str, name: &str) -> Html {
    let areas = priced_areas(model, treatment);
    let list = vec![key("pricing"), key("treatments"), key(treatment), key("combinations")];
    let items = match model.draft.get(&steps(&list)) {
        Some(Value::Array(a)) => a.len(),
        _ => 0,
    };
    if areas.len() < 2 && items == 0 {
        return Html::default();
    }
    let entry = |i: usize| {
        let mut base = list.clone();
        base.push(Part::Index(i));
        let at = |k: &str| {
            let mut p = base.clone();
            p.push(key(k));
            p
        };
        let remove = {
            let list = list.clone();
            dispatch.reform(move |_: MouseEvent| Action::RemoveItem(list.clone(), i))
        };
        let label = format!("{name}, areas together {}", i + 1);
        html! {
            <li class="cf-package">
                <span id={field_id(&path_text(&base))} class="cf-anchor" tabindex="-1"></span>
                <FieldProblems id={format!("{}-problem", field_id(&path_text(&base)))} messages={exact_messages(model, &path_text(&base))} />
                { subset_field(model, dispatch, at("areas"), format!("Areas done together ({label})"), &areas, None) }
                { price_field(model, dispatch, at("price"), format!("{label}: price a session")) }
                { secondary_button("Remove", &format!(" {label}"), remove) }
            </li>
        }
    };
    let add = {
        let list = list.clone();
        let first_two: Vec<String> = areas.iter().take(2).map(|(a, _)| a.clone()).collect();
        dispatch.reform(move |_: MouseEvent| Action::AddItem(list.clone(), "", serde_json::json!({ "areas": first_two })))
    };
    html! {
        <div class="cf-combinations">
            <span id={field_id(&path_text(&list))} class="cf-anchor" tabindex="-1"></span>
            if items > 0 {
                <ul class="cf-list">{ for (0..items).map(entry) }</ul>
            }
            <button type="button" class="cf-button cf-secondary" onclick={add}>
                { "Add a price for areas done together" }<span class="cf-visually-hidden">{ format!(": {name}") }</span>
            </button>
        </div>
    }
}

/// A secondary button whose visible words are completed for screen readers by `hidden` (which
/// entry it acts on, as several such buttons share the visible words).
pub(crate) fn secondary_button(visible: &str, hidden: &str, onclick: Callback<MouseEvent>) -> Html {
    html! {
        <button type="button" class="cf-button cf-secondary" {onclick}>
            { visible.to_string() }<span class="cf-visually-hidden">{ hidden.to_string() }</span>
        </button>
    }
}

/// How one field of a list entry is edited.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Text,
    /// Words a visitor reads, one text or one per language.
    Words,
    Price,
    Count,
    Number,
    Flag,
    /// One of a short list: (value, name), the first being "" for the default.
    Choice(&'static [(&'static str, &'static str)]),
}

#[derive(PartialEq)]
struct Spec {
    key: &'static str,
    label: &'static str,
    kind: Kind,
    hint: Option<&'static str>,
}

const fn spec(key: &'static str, label: &'static str, kind: Kind, hint: Option<&'static str>) -> Spec {
    Spec { key, label, kind, hint }
}

/// One field bound to a path, edited as its kind says.
fn bound_field(model: &Model, dispatch: &Callback<Action>, path: FieldPath, label: &str, kind: Kind, hint: Option<&str>) -> Html {
    let at = path_text(&path);
    let id = field_id(&at);
    match kind {
        Kind::Text => text_field(model, dispatch, path, label, "text", hint),
        Kind::Words => words_field(model, dispatch, path, label, hint),
        Kind::Choice(options) => select_field(model, dispatch, path, label, options, hint),
        Kind::Price => price_field(model, dispatch, path, label.to_string()),
        Kind::Flag => {
            let on = model.draft.get(&steps(&path)) == Some(&Value::Bool(true));
            let onchange = dispatch.reform(move |e: Event| Action::Flag(path.clone(), e.target_unchecked_into::<HtmlInputElement>().checked()));
            html! {
                <div class="cf-field">
                    <div class="cf-check">
                        <input id={id.clone()} type="checkbox" checked={on} {onchange}
                            aria-describedby={(!messages_for(model, &[at.as_str()]).is_empty()).then(|| format!("{id}-problem"))} />
                        <label for={id.clone()}>{ label.to_string() }</label>
                    </div>
                    if let Some(h) = hint { <p class="cf-hint">{ h.to_string() }</p> }
                    <FieldProblems id={format!("{id}-problem")} messages={messages_for(model, &[at.as_str()])} />
                </div>
            }
        }
        Kind::Count | Kind::Number => {
            let value = model.typed.get(&at).map(|(t, _)| t.clone()).unwrap_or_else(|| model.draft.text(&steps(&path)));
            let oninput = dispatch.reform(move |text| if kind == Kind::Count { Action::Count(path.clone(), text) } else { Action::Number(path.clone(), text) });
            html! {
                <Field id={id} label={label.to_string()} value={value} hint={hint.map(|h| AttrValue::from(h.to_string()))}
                    inputmode={Some(AttrValue::from(if kind == Kind::Count { "numeric" } else { "decimal" }))}
                    messages={messages_for(model, &[at.as_str()])} {oninput} />
            }
        }
    }
}

#[derive(Properties, PartialEq)]
struct ListEditorProps {
    model: Model,
    dispatch: Callback<Action>,
    legend: &'static str,
    hint: &'static str,
    /// What one entry is called ("Add-on"), for its heading and buttons.
    noun: &'static str,
    list: Vec<&'static str>,
    id_prefix: &'static str,
    specs: &'static [Spec],
    /// Treatments an entry can be offered with (add-ons): a checkbox for each.
    #[prop_or_default]
    offered_with: Option<Vec<String>>,
    /// More of an entry's fields, given the entry's path (a membership's treatments).
    #[prop_or_default]
    extra: Option<Callback<FieldPath, Html>>,
    /// What a new entry starts with besides its id.
    #[prop_or(serde_json::json!({ "name": "" }))]
    template: Value,
}

/// A list of objects in the price book (add-ons, memberships, financing plans): each entry's
/// fields, a Remove button, and Add.
#[component]
fn ListEditor(props: &ListEditorProps) -> Html {
    let model = &props.model;
    let dispatch = &props.dispatch;
    let list: FieldPath = props.list.iter().map(|k| key(k)).collect();
    let items: Vec<Value> = match model.draft.get(&steps(&list)) {
        Some(Value::Array(a)) => a.clone(),
        _ => Vec::new(),
    };
    let entry = |i: usize, item: &Value| {
        let mut base = list.clone();
        base.push(Part::Index(i));
        let label = written_name(item.get("name")).unwrap_or_else(|| format!("{} {}", props.noun, i + 1));
        let remove = {
            let list = list.clone();
            dispatch.reform(move |_: MouseEvent| Action::RemoveItem(list.clone(), i))
        };
        let add_on_id = item.get("id").and_then(Value::as_str).unwrap_or_default().to_string();
        html! {
            <li class="cf-package">
                <h3 class="cf-package-title" id={field_id(&path_text(&base))} tabindex="-1">{ label.clone() }</h3>
                <FieldProblems id={format!("{}-problem", field_id(&path_text(&base)))} messages={exact_messages(model, &path_text(&base))} />
                { for props.specs.iter().map(|s| {
                    let mut path = base.clone();
                    path.extend(s.key.split('.').map(key));
                    bound_field(model, dispatch, path, s.label, s.kind, s.hint)
                }) }
                if let Some(extra) = &props.extra { { extra.emit(base.clone()) } }
                if let Some(treatments) = &props.offered_with {
                    <fieldset class="cf-subset">
                        <legend>{ format!("Offered with ({label})") }</legend>
                        { for treatments.iter().map(|t| {
                            let path = vec![key("pricing"), key("treatments"), key(t), key("addOns")];
                            let listed: Vec<String> = match model.draft.get(&steps(&path)) {
                                Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).map(str::to_string).collect(),
                                _ => Vec::new(),
                            };
                            let on = listed.contains(&add_on_id);
                            let box_id = format!("cf-addon-{add_on_id}-{t}");
                            let onchange = {
                                let (path, id) = (path.clone(), add_on_id.clone());
                                dispatch.reform(move |e: Event| {
                                    let mut next = listed.clone();
                                    next.retain(|x| *x != id);
                                    if e.target_unchecked_into::<HtmlInputElement>().checked() {
                                        next.push(id.clone());
                                    }
                                    Action::Value(path.clone(), (!next.is_empty()).then(|| Value::from(next)))
                                })
                            };
                            let name = model.catalog.treatment(t).map(|x| x.name.clone()).unwrap_or_else(|| t.clone());
                            html! {
                                <div class="cf-check">
                                    <input id={box_id.clone()} type="checkbox" checked={on} {onchange} />
                                    <label for={box_id}>{ name }</label>
                                </div>
                            }
                        }) }
                    </fieldset>
                }
                { secondary_button("Remove", &format!(" {label}"), remove) }
            </li>
        }
    };
    let add = {
        let list = list.clone();
        let (prefix, template) = (props.id_prefix, props.template.clone());
        dispatch.reform(move |_: MouseEvent| Action::AddItem(list.clone(), prefix, template.clone()))
    };
    html! {
        <fieldset>
            <legend>{ props.legend }</legend>
            <p class="cf-hint">{ props.hint }</p>
            <span id={field_id(&path_text(&list))} class="cf-anchor" tabindex="-1"></span>
            if !items.is_empty() {
                <ul class="cf-list">{ for items.iter().enumerate().map(|(i, item)| entry(i, item)) }</ul>
            }
            <button type="button" class="cf-button cf-secondary" onclick={add}>{ format!("Add {}", props.noun.to_lowercase()) }</button>
        </fieldset>
    }
}

const ADD_ON_FIELDS: &[Spec] = &[
    spec("name", "Name", Kind::Words, Some("Such as “PRP (platelet-rich plasma)”.")),
    spec("perSession", "Price a session", Kind::Price, None),
];
const MEMBERSHIP_FIELDS: &[Spec] = &[
    spec("name", "Name", Kind::Words, None),
    spec("monthlyFee", "Monthly fee", Kind::Price, None),
    spec("percentOff", "Discount on treatments (%)", Kind::Number, None),
    spec("minimumMonths", "Minimum months (optional)", Kind::Count, None),
];
const PLAN_FIELDS: &[Spec] = &[
    spec("name", "Name", Kind::Words, Some("As the lender words it, such as “0% APR for 12 months”.")),
    spec("months", "Months", Kind::Count, None),
    spec("apr", "APR (%)", Kind::Number, None),
    spec("deferredInterest", "Deferred interest (interest is charged from the start if not paid in full in time)", Kind::Flag, None),
    spec("minimumPayment", "Lender's minimum monthly payment (optional)", Kind::Number, None),
];

const LOCATION_FIELDS: &[Spec] = &[
    spec("name", "Name", Kind::Words, Some("As visitors see it, such as “Harbor Street”.")),
    spec("booking.url", "Booking link for this location (optional)", Kind::Text, Some("Else your clinic's booking link.")),
    spec("booking.phone", "Phone number for this location (optional)", Kind::Text, None),
    spec("priceAdjustPercent", "Prices here compared with yours (%, optional)", Kind::Number,
        Some("-10 for 10% less on every price, 15 for 15% more (from -90 to 200). Empty: your prices.")),
];
const PRICE_SOURCE_FIELDS: &[Spec] = &[
    spec("item", "What is priced", Kind::Text, Some("Such as “Microneedling”.")),
    spec("figure", "The figure", Kind::Text, Some("Such as “£180–£320 a session”.")),
    spec("source", "Where it comes from", Kind::Text, Some("Such as “Our price list, October 2026”.")),
];
const DOWNTIME: &[(&str, &str)] = &[
    ("", "Not given: visitors are told to ask you"),
    ("none", "None"),
    ("very-low", "Very low"),
    ("low", "Low"),
    ("medium", "Medium"),
    ("high", "High"),
];
const OWN_TREATMENT_FIELDS: &[Spec] = &[
    spec("name", "Name", Kind::Words, Some("As visitors see it, such as “HydraFacial” (up to 60 characters).")),
    spec("summary", "What it is, in a sentence or two", Kind::Words, Some("Your own words, shown as described by you (up to 300 characters).")),
    spec("sessions.typical", "Usual number of sessions", Kind::Count, Some("1 to 24.")),
    spec("sessions.min", "Fewest sessions (optional)", Kind::Count, None),
    spec("sessions.max", "Most sessions (optional)", Kind::Count, None),
    spec("downtime", "Downtime", Kind::Choice(DOWNTIME), None),
];

/// A location's own price list: a price for each treatment and area there, starting from the
/// clinic's; its packages, add-ons and the rest start as the clinic's and are kept as they are.
fn own_price_list(model: &Model, dispatch: &Callback<Action>) -> Callback<FieldPath, Html> {
    let (model, dispatch) = (model.clone(), dispatch.clone());
    Callback::from(move |base: FieldPath| {
        let Some(Part::Index(i)) = base.last().cloned() else { return Html::default() };
        let place = written_name(model.draft.get(&steps(&[base.clone(), vec![key("name")]].concat()))).unwrap_or_else(|| format!("Location {}", i + 1));
        let book: FieldPath = [base.clone(), vec![key("pricing")]].concat();
        let Some(Value::Object(own)) = model.draft.get(&steps(&book)) else {
            if model.draft.get(&[Step::Key("pricing")]).is_none() {
                return Html::default();
            }
            return html! {
                <div class="cf-field">
                    { secondary_button("Give this location its own prices", &format!(" ({place})"), dispatch.reform(move |_: MouseEvent| Action::OwnPrices(i, true))) }
                    <p class="cf-hint">{ "A price for each treatment and area here, starting from yours (instead of a percentage)." }</p>
                </div>
            };
        };
        let treatments: Vec<(String, Vec<String>)> = match own.get("treatments") {
            Some(Value::Object(t)) => t.iter().map(|(id, p)| (id.clone(), match p.get("areas") {
                Some(Value::Object(a)) => a.keys().cloned().collect(),
                _ => Vec::new(),
            })).collect(),
            _ => Vec::new(),
        };
        html! {
            <fieldset class="cf-subset">
                <legend>{ format!("Prices at {place}") }</legend>
                <span id={field_id(&path_text(&book))} class="cf-anchor" tabindex="-1"></span>
                <p class="cf-hint">{ "This location's own price a session. Its packages, add-ons, memberships and financing start as yours and are kept as they are (change them in the JSON, then Import)." }</p>
                { for treatments.iter().flat_map(|(t, areas)| {
                    let name = treatment_name(&model, t);
                    let (model, dispatch, book, place) = (model.clone(), dispatch.clone(), book.clone(), place.clone());
                    areas.clone().into_iter().map(move |a| price_field(&model, &dispatch,
                        [book.clone(), vec![key("treatments"), key(t), key("areas"), key(&a)]].concat(),
                        format!("{place}: {name}, {}: price a session", area_name(&model, &a).to_lowercase())))
                }) }
                <FieldProblems id={format!("{}-problem", field_id(&path_text(&book)))} messages={exact_messages(&model, &path_text(&book))} />
                { secondary_button("Use your prices here instead", &format!(" ({place})"), dispatch.reform(move |_: MouseEvent| Action::OwnPrices(i, false))) }
            </fieldset>
        }
    })
}

/// The clinic's own treatments: described in its words, priced per area like any other.
#[component]
fn OwnTreatments(props: &ListProps) -> Html {
    let model = &props.model;
    let dispatch = &props.dispatch;
    let areas: Vec<(String, String)> = model.catalog.areas.iter().map(|a| (a.id.clone(), a.name.clone())).collect();
    let concerns: Vec<(String, String)> = model.catalog.concerns.iter().map(|c| (c.id.clone(), c.name.clone())).collect();
    let extra = {
        let (model, dispatch) = (model.clone(), dispatch.clone());
        Callback::from(move |base: FieldPath| {
            let at = |k: &str| [base.clone(), k.split('.').map(key).collect()].concat();
            let id = model.draft.text(&steps(&at("id")));
            let name = treatment_name(&model, &id);
            // Weeks between sessions: one number, or a range as imported.
            let weeks = if matches!(model.draft.get(&steps(&at("weeksBetween"))), Some(Value::Object(_))) {
                html! { <>
                    { bound_field(&model, &dispatch, at("weeksBetween.min"), "Weeks between sessions, at least", Kind::Count, None) }
                    { bound_field(&model, &dispatch, at("weeksBetween.max"), "Weeks between sessions, at most", Kind::Count, None) }
                </> }
            } else {
                bound_field(&model, &dispatch, at("weeksBetween"), "Weeks between sessions", Kind::Count, Some("Needed when a course can have more than one session."))
            };
            let listed: Vec<Value> = match model.draft.get(&steps(&at("concerns"))) {
                Some(Value::Array(a)) => a.clone(),
                _ => Vec::new(),
            };
            let concern_rows = concerns.iter().map(|(concern, concern_name)| {
                let fit = listed.iter().find(|c| c.get("concern").and_then(Value::as_str) == Some(concern.as_str()))
                    .and_then(|c| c.get("fit")).and_then(Value::as_str).unwrap_or_default().to_string();
                let select_id = format!("{}-concern-{concern}", field_id(&path_text(&base)));
                let onchange = {
                    let (path, listed, concern) = (at("concerns"), listed.clone(), concern.clone());
                    dispatch.reform(move |e: Event| {
                        let fit = e.target_unchecked_into::<HtmlSelectElement>().value();
                        let mut next: Vec<Value> = listed.clone();
                        match next.iter().position(|c| c.get("concern").and_then(Value::as_str) == Some(concern.as_str())) {
                            Some(i) if fit.is_empty() => { next.remove(i); }
                            Some(i) => next[i] = serde_json::json!({ "concern": concern, "fit": fit }),
                            None if !fit.is_empty() => next.push(serde_json::json!({ "concern": concern, "fit": fit })),
                            None => {}
                        }
                        Action::Value(path.clone(), (!next.is_empty()).then(|| Value::from(next)))
                    })
                };
                html! {
                    <div class="cf-field cf-inline">
                        <label for={select_id.clone()}>{ concern_name.clone() }</label>
                        <select id={select_id} {onchange}>
                            { for [("", "Not listed"), ("some", "Some help"), ("good", "Good fit"), ("strong", "Strong fit")].iter().map(|(v, n)| html! {
                                <option value={*v} selected={fit == *v}>{ *n }</option>
                            }) }
                        </select>
                    </div>
                }
            });
            let ticked: Vec<String> = match model.draft.get(&steps(&at("areas"))) {
                Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).map(str::to_string).collect(),
                _ => Vec::new(),
            };
            // The sections on its page: a heading and a paragraph each, in the clinic's words.
            let details_path = at("details");
            let details = match model.draft.get(&steps(&details_path)) {
                Some(Value::Array(a)) => a.len(),
                _ => 0,
            };
            let sections = html! {
                <fieldset class="cf-subset">
                    <legend>{ format!("Sections on its page ({name})") }</legend>
                    <span id={field_id(&path_text(&details_path))} class="cf-anchor" tabindex="-1"></span>
                    <p class="cf-hint">{ "A heading and a paragraph each, such as “What a session is like”, shown on the treatment's page as described by you (headings up to 80 characters, paragraphs up to 1,200)." }</p>
                    { for (0..details).map(|j| {
                        let one = [details_path.clone(), vec![Part::Index(j)]].concat();
                        let remove = { let list = details_path.clone(); dispatch.reform(move |_: MouseEvent| Action::RemoveItem(list.clone(), j)) };
                        html! { <div class="cf-detail">
                            { words_field(&model, &dispatch, [one.clone(), vec![key("title")]].concat(), &format!("Section {} heading", j + 1), None) }
                            { words_field(&model, &dispatch, [one.clone(), vec![key("text")]].concat(), &format!("Section {} paragraph", j + 1), None) }
                            { secondary_button("Remove", &format!(" section {} ({name})", j + 1), remove) }
                        </div> }
                    }) }
                    <button type="button" class="cf-button cf-secondary" onclick={
                        let list = details_path.clone();
                        dispatch.reform(move |_: MouseEvent| Action::AddItem(list.clone(), "", serde_json::json!({ "title": "", "text": "" })))
                    }>{ "Add a section" }<span class="cf-visually-hidden">{ format!(" to {name}") }</span></button>
                    <FieldProblems id={format!("{}-problem", field_id(&path_text(&details_path)))} messages={exact_messages(&model, &path_text(&details_path))} />
                </fieldset>
            };
            html! { <>
                { weeks }
                { subset_field(&model, &dispatch, at("areas"), format!("Areas you treat ({name})"), &areas, Some("Tick each, then give its price a session below.")) }
                if !id.is_empty() {
                    { for ticked.iter().map(|area| price_field(&model, &dispatch,
                        vec![key("pricing"), key("treatments"), key(&id), key("areas"), key(area)],
                        format!("{name}, {}: price a session", area_name(&model, area).to_lowercase()))) }
                    { combinations(&model, &dispatch, &id, &name) }
                }
                <fieldset class="cf-subset">
                    <legend>{ format!("Concerns it helps with ({name})") }</legend>
                    <span id={field_id(&path_text(&at("concerns")))} class="cf-anchor" tabindex="-1"></span>
                    <p class="cf-hint">{ "Shown in “Find by concern”, as your description. Leave a concern “Not listed” unless you can stand behind it." }</p>
                    { for concern_rows }
                    <FieldProblems id={format!("{}-problem", field_id(&path_text(&at("concerns"))))} messages={messages_for(&model, &[path_text(&at("concerns")).as_str()])} />
                </fieldset>
                { sections }
            </> }
        })
    };
    html! {
        <ListEditor model={model.clone()} dispatch={dispatch.clone()} legend="Your own treatments" noun="Treatment" id_prefix="own"
            hint="Treatments the guide does not describe, such as a signature facial. Everything visitors read about them is your words, marked as described by you; the guide adds no risks, results or evidence of its own."
            list={vec!["customTreatments"]} specs={OWN_TREATMENT_FIELDS} extra={Some(extra)}
            template={serde_json::json!({ "name": "", "summary": "", "sessions": { "typical": 1 } })} />
    }
}

/// Where the prices come from, and the at-home comparison.
#[component]
fn PriceNotes(props: &ListProps) -> Html {
    let model = &props.model;
    let dispatch = &props.dispatch;
    let p = |keys: &[&str]| -> FieldPath { std::iter::once("pricing").chain(keys.iter().copied()).map(key).collect() };
    html! {
        <>
            <fieldset>
                <legend>{ "Where your prices come from" }</legend>
                { bound_field(model, dispatch, p(&["sourceNote"]), "A note under the prices (optional)", Kind::Text, Some("Such as “Our own prices, October 2026.”")) }
                { bound_field(model, dispatch, vec![key("pricesAreTypicalRanges")], "These are typical public price ranges, not our own prices", Kind::Flag,
                    Some("Visitors are then told the figures are typical ranges to ask you about, not your price list.")) }
                <ListEditor model={model.clone()} dispatch={dispatch.clone()} legend="Price sources" noun="Price source" id_prefix=""
                    hint="Listed with the guide's sources, so a visitor can see what each figure rests on."
                    list={vec!["pricing", "priceSources"]} specs={PRICE_SOURCE_FIELDS} template={serde_json::json!({ "item": "" })} />
            </fieldset>
            <fieldset>
                <legend>{ "A year of home rolling beside your course" }</legend>
                <span id={field_id("pricing.atHome")} class="cf-anchor" tabindex="-1"></span>
                <FieldProblems id="cf-pricing-atHome-problem" messages={exact_messages(model, "pricing.atHome")} />
                <p class="cf-hint">{ "The estimator can set a year of at-home microneedling (rollers bought) beside a usual course of professional microneedling at your clinic (when you price it above). Give a roller's price to show it." }</p>
                { bound_field(model, dispatch, p(&["atHome", "devicePrice"]), "Price of one home roller (optional)", Kind::Number, None) }
                { bound_field(model, dispatch, p(&["atHome", "devicesPerYear"]), "Rollers in a year", Kind::Count, Some("1 to 52; the visitor can change it.")) }
                { bound_field(model, dispatch, p(&["atHome", "note"]), "A note beside the comparison (optional)", Kind::Text, None) }
            </fieldset>
        </>
    }
}

/// The sections a visitor can open, by their ids in the config.
const SECTION_NAMES: &[(&str, &str)] = &[
    ("about", "What microneedling does"),
    ("concerns", "Find by concern"),
    ("treatments", "Treatments"),
    ("compare", "Compare"),
    ("candidate", "Am I a candidate?"),
    ("expect", "What to expect"),
    ("myths", "Myths and facts"),
    ("faq", "Questions"),
    ("estimate", "Cost estimate"),
    ("sources", "Where these facts come from"),
];

/// Money beyond per-session prices: add-ons, memberships, financing, tax and deposit.
#[component]
fn MoreMoney(props: &ListProps) -> Html {
    let model = &props.model;
    let dispatch = &props.dispatch;
    let priced: Vec<String> = match model.draft.get(&[Step::Key("pricing"), Step::Key("treatments")]) {
        Some(Value::Object(m)) => m.keys().cloned().collect(),
        _ => Vec::new(),
    };
    let p = |keys: &[&str]| -> FieldPath { std::iter::once("pricing").chain(keys.iter().copied()).map(key).collect() };
    let covers = {
        let (model, dispatch) = (model.clone(), dispatch.clone());
        let choices: Vec<(String, String)> = priced.iter().map(|id| (id.clone(), treatment_name(&model, id))).collect();
        Callback::from(move |base: FieldPath| {
            let name = model.draft.text(&steps(&[base.clone(), vec![key("name")]].concat()));
            let mut path = base;
            path.push(key("treatments"));
            subset_field(&model, &dispatch, path, format!("Treatments it covers ({})", if name.trim().is_empty() { "this membership" } else { name.as_str() }),
                &choices, Some("None ticked: every treatment."))
        })
    };
    html! {
        <>
            <ListEditor model={model.clone()} dispatch={dispatch.clone()} legend="Add-ons" noun="Add-on" id_prefix="add-on"
                hint="Something added to a session for a price, such as PRP. Tick the treatments it can be added to."
                list={vec!["pricing", "addOns"]} specs={ADD_ON_FIELDS} offered_with={Some(priced)} />
            <ListEditor model={model.clone()} dispatch={dispatch.clone()} legend="Memberships" noun="Membership" id_prefix="membership"
                hint="A monthly fee with a discount on treatments. The estimate includes the fee for every month of the course."
                list={vec!["pricing", "memberships"]} specs={MEMBERSHIP_FIELDS} extra={Some(covers)} />
            <fieldset>
                <legend>{ "Financing" }</legend>
                <span id={field_id("pricing.financing")} class="cf-anchor" tabindex="-1"></span>
                <FieldProblems id="cf-pricing-financing-problem" messages={exact_messages(model, "pricing.financing")} />
                <p class="cf-hint">{ "Example plans from your lender. Each is shown with its APR, the number and amount of payments, the total and the deposit, and as subject to the lender's approval." }</p>
                { bound_field(model, dispatch, p(&["financing", "lender"]), "Lender and terms", Kind::Text, Some("Such as “Plans by Example Finance, subject to approval”.")) }
                { bound_field(model, dispatch, p(&["financing", "minimumAmount"]), "Smallest amount that can be financed (optional)", Kind::Number, None) }
                { allowed_by_default(model, dispatch, p(&["financing", "withPackages"]), "Packages can be financed") }
                { allowed_by_default(model, dispatch, p(&["financing", "withMemberships"]), "Memberships can be financed") }
                <ListEditor model={model.clone()} dispatch={dispatch.clone()} legend="Plans" noun="Plan" id_prefix="plan"
                    hint="Months and APR as the lender offers them." list={vec!["pricing", "financing", "plans"]} specs={PLAN_FIELDS} />
            </fieldset>
            <fieldset>
                <legend>{ "Tax and deposit" }</legend>
                <span id={field_id("pricing.tax")} class="cf-anchor" tabindex="-1"></span>
                <FieldProblems id="cf-pricing-tax-problem" messages={exact_messages(model, "pricing.tax")} />
                <span id={field_id("pricing.deposit")} class="cf-anchor" tabindex="-1"></span>
                <FieldProblems id="cf-pricing-deposit-problem" messages={exact_messages(model, "pricing.deposit")} />
                { bound_field(model, dispatch, p(&["tax", "label"]), "Tax name", Kind::Text, Some("Such as “Sales tax” or “IVA”. Leave empty if no tax is shown.")) }
                { bound_field(model, dispatch, p(&["tax", "percent"]), "Tax rate (%)", Kind::Number, None) }
                { bound_field(model, dispatch, p(&["tax", "included"]), "My prices already include this tax", Kind::Flag, None) }
                { bound_field(model, dispatch, p(&["deposit", "percent"]), "Deposit at booking (% of the course)", Kind::Number, Some("Or a fixed amount below; the estimate takes it off before financing.")) }
                { bound_field(model, dispatch, p(&["deposit", "amount"]), "Deposit at booking (fixed amount)", Kind::Number, None) }
            </fieldset>
        </>
    }
}

/// Which sections the widget offers, and which view it opens on.
#[component]
fn Sections(props: &ListProps) -> Html {
    let model = &props.model;
    let dispatch = &props.dispatch;
    let shown = model.draft.sections();
    let start = model.draft.text(&[Step::Key("startView")]);
    let on_start = dispatch.reform(|e: Event| Action::Text(vec![key("startView")], e.target_unchecked_into::<HtmlSelectElement>().value()));
    html! {
        <fieldset>
            <legend>{ "Sections" }</legend>
            <p class="cf-hint">{ "What visitors can open (at least one stays). The cost estimate needs at least one price." }</p>
            <span id={field_id("sections")} class="cf-anchor" tabindex="-1"></span>
            { for SECTION_NAMES.iter().map(|(id, name)| {
                let box_id = format!("cf-section-{id}");
                let onchange = dispatch.reform(move |e: Event| Action::Section(id, e.target_unchecked_into::<HtmlInputElement>().checked()));
                html! {
                    <div class="cf-check">
                        <input id={box_id.clone()} type="checkbox" checked={shown.iter().any(|s| s == id)} {onchange} />
                        <label for={box_id}>{ *name }</label>
                    </div>
                }
            }) }
            <FieldProblems id="cf-sections-problem" messages={messages_for(model, &["sections"])} />
            <div class="cf-field">
                <label for={field_id("startView")}>{ "Opens on" }</label>
                <select id={field_id("startView")} onchange={on_start}
                    aria-describedby={(!messages_for(model, &["startView"]).is_empty()).then_some("cf-startView-problem")}>
                    <option value="" selected={start.is_empty()}>{ "The home view (the default)" }</option>
                    { for SECTION_NAMES.iter().filter(|(id, _)| shown.iter().any(|s| s == id)).map(|(id, name)| html! {
                        <option value={*id} selected={start == *id}>{ *name }</option>
                    }) }
                </select>
                <FieldProblems id="cf-startView-problem" messages={messages_for(model, &["startView"])} />
            </div>
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
struct ImportProps {
    model: Model,
    dispatch: Callback<Action>,
}

/// Paste or open an existing config; start again.
#[component]
fn Import(props: &ImportProps) -> Html {
    let model = &props.model;
    let dispatch = &props.dispatch;
    let on_text = dispatch.reform(|e: InputEvent| Action::ImportText(textarea_text(e)));
    let on_file = {
        let d = dispatch.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = get(&input, "files").and_then(|files| get(&files, "0")) else { return };
            let d = d.clone();
            spawn_local(async move {
                match call_async(&file, "text", None).await.and_then(|t| t.as_string()) {
                    Some(text) => {
                        d.emit(Action::ImportText(text));
                        d.emit(Action::Import { confirmed: false });
                    }
                    None => d.emit(Action::ImportFailed("That file could not be read as text. Open the config's .json file, or paste its text above.".to_string())),
                }
            });
            input.set_value("");
        })
    };
    html! {
        <fieldset class="cf-import">
            <legend>{ "Import or start again" }</legend>
            <div class="cf-field">
                <label for="cf-import-text">{ "Paste a config" }</label>
                <p class="cf-hint" id="cf-import-hint">{ "Any config of this widget (version 1). It replaces the draft (you are asked first). Parts the form has no field for are kept, and parts the widget cannot use are listed at the top." }</p>
                <textarea id="cf-import-text" rows="5" value={model.import_text.clone()} oninput={on_text} aria-describedby="cf-import-hint" spellcheck="false" />
            </div>
            if model.confirm_import {
                <div class="cf-confirm" role="group" aria-labelledby="cf-import-confirm-text">
                    <p id="cf-import-confirm-text">{ "Replace this draft with the config you gave? Everything in the draft now goes (export it first to keep it)." }</p>
                    <button type="button" id="cf-import-yes" class="cf-button cf-danger" onclick={dispatch.reform(|_: MouseEvent| Action::Import { confirmed: true })}>{ "Yes, replace my draft" }</button>
                    <button type="button" class="cf-button cf-secondary" onclick={dispatch.reform(|_: MouseEvent| Action::CancelImport)}>{ "Keep my draft" }</button>
                </div>
            } else {
                <div class="cf-actions">
                    <button type="button" id="cf-import-use" class="cf-button" onclick={dispatch.reform(|_: MouseEvent| Action::Import { confirmed: false })}>{ "Use this config" }</button>
                    <label class="cf-button cf-secondary cf-file">
                        { "Open a file…" }
                        <input type="file" accept=".json,application/json" onchange={on_file} class="cf-visually-hidden" />
                    </label>
                </div>
            }
            <div role="status" class="cf-status">
                { match &model.import_message {
                    Some(Ok(m)) => html! { <p>{ m.clone() }</p> },
                    Some(Err(m)) => html! { <p class="cf-problem">{ m.clone() }</p> },
                    None => Html::default(),
                } }
            </div>
            if model.confirm_reset {
                <div class="cf-confirm" role="group" aria-labelledby="cf-confirm-text">
                    <p id="cf-confirm-text">{ "Start again from an empty config? Everything in this draft goes (export it first to keep it)." }</p>
                    <button type="button" id="cf-reset-yes" class="cf-button cf-danger" onclick={dispatch.reform(|_: MouseEvent| Action::Reset)}>{ "Yes, start again" }</button>
                    <button type="button" class="cf-button cf-secondary" onclick={dispatch.reform(|_: MouseEvent| Action::AskReset(false))}>{ "Keep my draft" }</button>
                </div>
            } else {
                <button type="button" id="cf-reset" class="cf-button cf-secondary" onclick={dispatch.reform(|_: MouseEvent| Action::AskReset(true))}>{ "Start again…" }</button>
            }
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
pub struct PreviewProps {
    pub model: Model,
    pub dispatch: Callback<Action>,
}

/// A real widget showing the draft, and the export beside it.
#[component]
pub fn Preview(props: &PreviewProps) -> Html {
    let model = &props.model;
    let dispatch = &props.dispatch;
    let on_phone = dispatch.reform(|e: Event| Action::PhonePreview(e.target_unchecked_into::<HtmlInputElement>().checked()));
    let on_language = dispatch.reform(|e: Event| {
        let v = e.target_unchecked_into::<HtmlSelectElement>().value();
        Action::PreviewLanguage((!v.is_empty()).then_some(v))
    });
    let lang = model.preview_language.clone().unwrap_or_default();
    html! {
        <div class="cf-preview-column">
            <section class="cf-preview" aria-labelledby="cf-preview-title">
                <h2 id="cf-preview-title">{ "Preview" }</h2>
                <div class="cf-preview-controls">
                    <div class="cf-check">
                        <input id="cf-phone" type="checkbox" checked={model.phone_preview} onchange={on_phone} />
                        <label for="cf-phone">{ "Phone width (360 px)" }</label>
                    </div>
                    <div class="cf-field cf-inline">
                        <label for="cf-preview-language">{ "Preview in" }</label>
                        <select id="cf-preview-language" onchange={on_language}>
                            <option value="" selected={lang.is_empty()}>{ "the config's language" }</option>
                            <option value="en" selected={lang == "en"}>{ "English" }</option>
                            <option value="es" selected={lang == "es"}>{ "Spanish" }</option>
                        </select>
                    </div>
                </div>
                <div class={classes!("cf-preview-frame", model.phone_preview.then_some("cf-phone"))}>
                    // The widget itself, as on a clinic's page; it re-reads its inline config at each change.
                    <treatment-widget id="cf-preview" routing="none" loading="eager">
                        <script type="application/json">{ model.preview_json() }</script>
                    </treatment-widget>
                </div>
            </section>
        </div>
    }
}

/// Copies text to the clipboard; says whether it worked.
fn copy(text: String, done: Callback<String>) {
    spawn_local(async move {
        let result = async {
            let window: wasm_bindgen::JsValue = web_sys::window()?.into();
            let clipboard = get(&get(&window, "navigator")?, "clipboard")?;
            call_async(&clipboard, "writeText", Some(&text.into())).await
        }
        .await;
        done.emit(if result.is_some() { "Copied.".to_string() } else { "Could not copy here: select the text and copy it yourself.".to_string() });
    });
}

#[component]
pub fn Export(props: &PreviewProps) -> Html {
    let model = &props.model;
    let dispatch = &props.dispatch;
    let copied = use_state(String::new);
    let json = model.draft.to_json();
    let inline = model.draft.snippet_inline(&model.loader_url);
    let hosted = Draft::snippet_hosted(&model.loader_url, &model.config_url);
    let copy_button = |what: &'static str, label: &'static str, text: String| {
        let copied = copied.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            let copied = copied.clone();
            copy(text.clone(), Callback::from(move |m: String| copied.set(format!("{what}: {m}"))));
        });
        html! { <button type="button" class="cf-button cf-secondary" {onclick}>{ label }</button> }
    };
    let download = format!("data:application/json;charset=utf-8,{}", String::from(js_sys::encode_uri_component(&json)));
    let on_loader = dispatch.reform(|e: InputEvent| Action::LoaderUrl(input_text(e)));
    let on_config_url = dispatch.reform(|e: InputEvent| Action::ConfigUrl(input_text(e)));
    html! {
        <section class="cf-export" aria-labelledby="cf-export-title">
            <h2 id="cf-export-title">{ "Export" }</h2>
            <div class="cf-field">
                <label for="cf-json">{ "Config JSON" }</label>
                <textarea id="cf-json" rows="10" readonly=true value={json.clone()} spellcheck="false" />
            </div>
            <div class="cf-actions">
                { copy_button("Config JSON", "Copy the config JSON", json) }
                <a class="cf-button cf-secondary" href={download} download="clinic.json">{ "Download clinic.json" }</a>
            </div>
            <div class="cf-field">
                <label for="cf-loader-url">{ "Where the widget's files are" }</label>
                <p class="cf-hint" id="cf-loader-url-hint">{ "The address of treatment-widget.js on your site or CDN. It starts as the files beside this page." }</p>
                <input id="cf-loader-url" type="url" value={model.loader_url.clone()} oninput={on_loader} aria-describedby="cf-loader-url-hint" />
            </div>
            <div class="cf-field">
                <label for="cf-snippet">{ "Snippet" }</label>
                <p class="cf-hint" id="cf-snippet-hint">{ "Paste it where the widget should appear (in WordPress, a Custom HTML block; in Wix, an Embed Code element; in Squarespace, a Code block). The config is inside it: nothing else to upload." }</p>
                <textarea id="cf-snippet" rows="8" readonly=true value={inline.clone()} aria-describedby="cf-snippet-hint" spellcheck="false" />
            </div>
            <div class="cf-actions">{ copy_button("Snippet", "Copy the snippet", inline) }</div>
            <div class="cf-field">
                <label for="cf-config-url">{ "Or host the config as a file, at" }</label>
                <input id="cf-config-url" type="url" value={model.config_url.clone()} oninput={on_config_url} />
            </div>
            <div class="cf-field">
                <label for="cf-snippet-hosted">{ "Snippet for a hosted config" }</label>
                <p class="cf-hint" id="cf-snippet-hosted-hint">{ "Upload clinic.json to that address first. Change prices later by replacing the file, without touching the page." }</p>
                <textarea id="cf-snippet-hosted" rows="3" readonly=true value={hosted.clone()} aria-describedby="cf-snippet-hosted-hint" spellcheck="false" />
            </div>
            <div class="cf-actions">{ copy_button("Hosted snippet", "Copy the hosted snippet", hosted) }</div>
            <p role="status" class="cf-status">{ (*copied).clone() }</p>
        </section>
    }
}
