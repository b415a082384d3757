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
fn messages_for(model: &Model, paths: &[&str]) -> Vec<String> {
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
struct FieldProps {
    id: AttrValue,
    label: AttrValue,
    value: AttrValue,
    #[prop_or("text".into())]
    kind: AttrValue,
    #[prop_or_default]
    hint: Option<AttrValue>,
    #[prop_or_default]
    autocomplete: Option<AttrValue>,
    #[prop_or_default]
    inputmode: Option<AttrValue>,
    #[prop_or_default]
    list: Option<AttrValue>,
    messages: Vec<String>,
    oninput: Callback<String>,
}

/// A labelled text field with its hint and, below it, each problem the widget has with it.
#[component]
fn Field(props: &FieldProps) -> Html {
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
struct FieldProblemsProps {
    id: String,
    messages: Vec<String>,
}

#[component]
fn FieldProblems(props: &FieldProblemsProps) -> Html {
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

#[derive(Properties, PartialEq)]
pub struct FormProps {
    pub model: Model,
    pub dispatch: Callback<Action>,
}

/// A text field bound to a path of the draft.
fn text_field(model: &Model, dispatch: &Callback<Action>, path: FieldPath, label: &str, kind: &str, hint: Option<&str>) -> Html {
    let at = path_text(&path);
    // Written per language ({"en": …, "es": …}): shown, not overwritten by one string.
    if let Some(Value::Object(per_language)) = model.draft.get(&steps(&path)) {
        let shown: Vec<String> = per_language.iter().map(|(l, v)| format!("{l}: {}", v.as_str().unwrap_or_default())).collect();
        let id = field_id(&at);
        let hint_id = format!("{id}-hint");
        return html! {
            <div class="cf-field">
                <label for={id.clone()}>{ label.to_string() }</label>
                <p class="cf-hint" id={hint_id.clone()}>{ "Written per language: change it in the config (Import, or the JSON in Export)." }</p>
                <input id={id} type="text" readonly=true value={shown.join(" · ")} aria-describedby={hint_id} />
                <FieldProblems id={format!("{}-problem", field_id(&at))} messages={messages_for(model, &[at.as_str()])} />
            </div>
        };
    }
    let value = model.draft.text(&steps(&path));
    let oninput = dispatch.reform(move |text| Action::Text(path.clone(), text));
    html! {
        <Field id={field_id(&at)} label={label.to_string()} value={value} kind={kind.to_string()}
            hint={hint.map(|h| AttrValue::from(h.to_string()))} messages={messages_for(model, &[at.as_str()])} {oninput} />
    }
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
            </fieldset>

            <Treatments model={model.clone()} dispatch={dispatch.clone()} offered={offered.clone()} />
            <Packages model={model.clone()} dispatch={dispatch.clone()} offered={offered.clone()} />
            <MoreMoney model={model.clone()} dispatch={dispatch.clone()} offered={offered.clone()} />
            <Sections model={model.clone()} dispatch={dispatch.clone()} offered={offered} />
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
                        </div>
                    } else {
                        <p class="cf-hint">{ "The clinic's own treatment: edit it in the full JSON below." }</p>
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
    let catalog = &model.catalog;
    let package = |i: usize, p: &Value| {
        let base = vec![key("pricing"), key("packages"), Part::Index(i)];
        let at = |k: &str| {
            let mut path = base.clone();
            path.push(key(k));
            path
        };
        let label = p.get("name").and_then(Value::as_str).filter(|n| !n.trim().is_empty()).map(str::to_string).unwrap_or_else(|| format!("Package {}", i + 1));
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
                        if !props.offered.contains(&treatment) {
                            <option value="" selected=true disabled=true>{ "Choose a treatment…" }</option>
                        }
                        { for props.offered.iter().map(|id| html! {
                            <option value={id.clone()} selected={*id == treatment}>
                                { catalog.treatment(id).map(|t| t.name.clone()).unwrap_or_else(|| id.clone()) }
                            </option>
                        }) }
                    </select>
                    <FieldProblems id={format!("{treatment_id}-problem")} messages={messages_for(model, &[treatment_at.as_str()])} />
                </div>
                <Field id={field_id(&sessions_at)} label="Sessions" value={sessions} inputmode={Some(AttrValue::from("numeric"))}
                    messages={messages_for(model, &[sessions_at.as_str()])} oninput={on_sessions} />
                { price_field(model, dispatch, at("price"), "Price of the whole package".to_string()) }
                <button type="button" class="cf-button cf-secondary" onclick={remove}>
                    { "Remove" }<span class="cf-visually-hidden">{ format!(" {label}") }</span>
                </button>
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

/// How one field of a list entry is edited.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Text,
    Price,
    Count,
    Number,
    Flag,
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
        let label = item.get("name").and_then(Value::as_str).filter(|n| !n.trim().is_empty()).map(str::to_string).unwrap_or_else(|| format!("{} {}", props.noun, i + 1));
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
                    path.push(key(s.key));
                    bound_field(model, dispatch, path, s.label, s.kind, s.hint)
                }) }
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
                <button type="button" class="cf-button cf-secondary" onclick={remove}>
                    { "Remove" }<span class="cf-visually-hidden">{ format!(" {label}") }</span>
                </button>
            </li>
        }
    };
    let add = {
        let list = list.clone();
        let prefix = props.id_prefix;
        dispatch.reform(move |_: MouseEvent| Action::AddItem(list.clone(), prefix, serde_json::json!({ "name": "" })))
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
    spec("name", "Name", Kind::Text, Some("Such as “PRP (platelet-rich plasma)”.")),
    spec("perSession", "Price a session", Kind::Price, None),
];
const MEMBERSHIP_FIELDS: &[Spec] = &[
    spec("name", "Name", Kind::Text, None),
    spec("monthlyFee", "Monthly fee", Kind::Price, None),
    spec("percentOff", "Discount on treatments (%)", Kind::Number, None),
    spec("minimumMonths", "Minimum months (optional)", Kind::Count, None),
];
const PLAN_FIELDS: &[Spec] = &[
    spec("name", "Name", Kind::Text, Some("As the lender words it, such as “0% APR for 12 months”.")),
    spec("months", "Months", Kind::Count, None),
    spec("apr", "APR (%)", Kind::Number, None),
    spec("deferredInterest", "Deferred interest (interest is charged from the start if not paid in full in time)", Kind::Flag, None),
    spec("minimumPayment", "Lender's minimum monthly payment (optional)", Kind::Number, None),
];

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
    html! {
        <>
            <ListEditor model={model.clone()} dispatch={dispatch.clone()} legend="Add-ons" noun="Add-on" id_prefix="add-on"
                hint="Something added to a session for a price, such as PRP. Tick the treatments it can be added to."
                list={vec!["pricing", "addOns"]} specs={ADD_ON_FIELDS} offered_with={Some(priced)} />
            <ListEditor model={model.clone()} dispatch={dispatch.clone()} legend="Memberships" noun="Membership" id_prefix="membership"
                hint="A monthly fee with a discount on treatments. The estimate includes the fee for every month of the course."
                list={vec!["pricing", "memberships"]} specs={MEMBERSHIP_FIELDS} />
            <fieldset>
                <legend>{ "Financing" }</legend>
                <span id={field_id("pricing.financing")} class="cf-anchor" tabindex="-1"></span>
                <FieldProblems id="cf-pricing-financing-problem" messages={exact_messages(model, "pricing.financing")} />
                <p class="cf-hint">{ "Example plans from your lender. Each is shown with its APR, the number and amount of payments, the total and the deposit, and as subject to the lender's approval." }</p>
                { bound_field(model, dispatch, p(&["financing", "lender"]), "Lender and terms", Kind::Text, Some("Such as “Plans by Example Finance, subject to approval”.")) }
                { bound_field(model, dispatch, p(&["financing", "minimumAmount"]), "Smallest amount that can be financed (optional)", Kind::Number, None) }
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
                        d.emit(Action::Import);
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
                <p class="cf-hint" id="cf-import-hint">{ "Any config of this widget (version 1). It replaces the draft. Parts the form has no field for are kept, and parts the widget cannot use are listed at the top." }</p>
                <textarea id="cf-import-text" rows="5" value={model.import_text.clone()} oninput={on_text} aria-describedby="cf-import-hint" spellcheck="false" />
            </div>
            <div class="cf-actions">
                <button type="button" class="cf-button" onclick={dispatch.reform(|_: MouseEvent| Action::Import)}>{ "Use this config" }</button>
                <label class="cf-button cf-secondary cf-file">
                    { "Open a file…" }
                    <input type="file" accept=".json,application/json" onchange={on_file} class="cf-visually-hidden" />
                </label>
            </div>
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
