//! The estimator's inputs, all native, labelled controls. Each control reports a whole new form.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::estimate_wording::{tax_note, cheapest_tag, chosen_for_you, difference, no_financing, option_name, option_note};
use crate::app::{use_dispatch, use_formats, use_setup, use_texts};
use crate::core::date::{Date, DateEntry};
use crate::core::estimate_params::{max_sessions, spacing_choices, EstimateForm, EstimateParams};
use crate::core::financing::availability;
use crate::core::pricing::Estimate;
use crate::core::ranking::rank;
use crate::core::wording::{course as course_words, days_range};
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct EstimateFormProps {
    pub form: EstimateForm,
    pub today: Date,
    pub on_change: Callback<EstimateForm>,
    pub estimate: Option<Rc<Estimate>>,
    /// The concern picked to choose a treatment (memory only).
    pub concern: Option<String>,
}

fn input_value(e: &Event) -> String {
    e.target_dyn_into::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default()
}

fn select_value(e: &Event) -> String {
    e.target_dyn_into::<HtmlSelectElement>().map(|s| s.value()).unwrap_or_default()
}

#[component]
pub fn EstimateFormView(props: &EstimateFormProps) -> Html {
    // Hooks first, before anything can return early.
    let sessions_error = use_state(|| None::<String>);
    // Each date field keeps what the visitor typed until it is a whole, usable date (a re-render
    // must never throw a half-typed date away), and its own message.
    let start_entry = use_state(|| None::<(String, Option<String>)>);
    let event_entry = use_state(|| None::<(String, Option<String>)>);
    let setup = use_setup();
    let t = use_texts();
    let formats = use_formats();
    let dispatch = use_dispatch();
    let config = &setup.config;
    let catalog = &setup.catalog;
    let form = &props.form;
    let today = props.today;
    let Some(book) = config.price_book(form.location.as_deref()) else { return html! {} };
    let Some(treatment) = catalog.treatment(&form.treatment) else { return html! {} };
    let Some(prices) = book.treatment(&form.treatment) else { return html! {} };
    let clinic = setup.clinic();
    let estimable: Vec<&str> = config
        .offered_treatments
        .iter()
        .map(String::as_str)
        .filter(|t| book.treatment(t).is_some() && catalog.treatment(t).is_some())
        .collect();

    // Each control reports a whole new form.
    let change = |f: Box<dyn Fn(&mut EstimateForm, Event)>| {
        let form = form.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            let mut next = form.clone();
            f(&mut next, e);
            if next != form {
                on_change.emit(next);
            }
        })
    };
    let switch_treatment = {
        let (form, on_change, config, catalog) = (form.clone(), props.on_change.clone(), config.clone(), catalog.clone());
        Callback::from(move |id: String| {
            if let Some(next) = form.with_treatment(&id, &config, &catalog, today) {
                on_change.emit(next);
            }
        })
    };
    let switch_location = {
        let (form, on_change, config, catalog) = (form.clone(), props.on_change.clone(), config.clone(), catalog.clone());
        Callback::from(move |e: Event| {
            let params = EstimateParams { location: Some(select_value(&e)), ..form.to_params() };
            if let Some(next) = EstimateForm::resolve(&params, &config, &catalog, today) {
                on_change.emit(next);
            }
        })
    };

    // Concern: picks the best-fitting treatment this clinic prices; kept in memory only.
    let concern = props.concern.clone();
    let on_concern = {
        let dispatch = dispatch.clone();
        let (catalog, config) = (catalog.clone(), config.clone());
        let switch_treatment = switch_treatment.clone();
        let estimable: Vec<String> = estimable.iter().map(|s| s.to_string()).collect();
        let current = form.treatment.clone();
        Callback::from(move |e: Event| {
            let value = select_value(&e);
            let concern = (!value.is_empty()).then_some(value);
            if let Some(c) = &concern {
                let best = rank(&catalog, std::slice::from_ref(c), |id| config.offers(id)).into_iter().find(|r| estimable.contains(&r.treatment.id));
                // Keep the visitor's other choices when the best fit is already the chosen treatment.
                if let Some(best) = best.filter(|b| b.treatment.id != current) {
                    switch_treatment.emit(best.treatment.id.clone());
                }
            }
            dispatch.dispatch(Action::SetEstimateConcern(concern));
        })
    };
    let concerns_with_options: Vec<_> = catalog
        .concerns
        .iter()
        .filter(|c| catalog.treatments.iter().any(|tr| estimable.contains(&tr.id.as_str()) && tr.concerns.iter().any(|f| f.concern == c.id)))
        .collect();

    let most_sessions = max_sessions(&treatment.course);
    let on_sessions = {
        let sessions_error = sessions_error.clone();
        let (form, on_change, t) = (form.clone(), props.on_change.clone(), t.clone());
        Callback::from(move |e: Event| {
            let text = input_value(&e);
            match text.trim().parse::<u8>() {
                Ok(n) if (1..=most_sessions).contains(&n) => {
                    sessions_error.set(None);
                    on_change.emit(EstimateForm { sessions: n, ..form.clone() });
                }
                _ => sessions_error.set(Some(t.fill("form.sessions_error", &[("max", &most_sessions.to_string()), ("shown", &form.sessions.to_string())]))),
            }
        })
    };
    let step = |delta: i8| {
        let (form, on_change, sessions_error) = (form.clone(), props.on_change.clone(), sessions_error.clone());
        Callback::from(move |_: MouseEvent| {
            let n = (i16::from(form.sessions) + i16::from(delta)).clamp(1, i16::from(most_sessions)) as u8;
            sessions_error.set(None);
            on_change.emit(EstimateForm { sessions: n, ..form.clone() });
        })
    };

    // `which`: true for the first session (required), false for the event (optional).
    let on_date = |start: bool| {
        let entry = if start { start_entry.clone() } else { event_entry.clone() };
        let (form, on_change, t) = (form.clone(), props.on_change.clone(), t.clone());
        Callback::from(move |e: Event| {
            let text = input_value(&e);
            let keep = |message: Option<&str>| entry.set(Some((text.clone(), message.map(str::to_string))));
            let mut next = form.clone();
            match DateEntry::read(&text, today) {
                DateEntry::StillTyping => return keep(None),
                DateEntry::Empty if !start => next.event = None,
                DateEntry::Empty | DateEntry::NotADate => return keep(Some(t.get("form.date_error"))),
                DateEntry::Past(_) => return keep(Some(t.get(if start { "form.start_past" } else { "form.event_past" }))),
                DateEntry::Date(d) if start => next.start = d,
                DateEntry::Date(d) => next.event = Some(d),
            }
            entry.set(None);
            on_change.emit(next);
        })
    };
    // Leaving a field with a year still half typed is a mistake after all.
    let on_date_blur = |start: bool| {
        let entry = if start { start_entry.clone() } else { event_entry.clone() };
        let t = t.clone();
        Callback::from(move |_: FocusEvent| {
            if let Some((text, None)) = (*entry).clone() {
                if DateEntry::read(&text, today) == DateEntry::StillTyping {
                    entry.set(Some((text, Some(t.get("form.date_error").to_string()))));
                }
            }
        })
    };
    let date_field = |start: bool, id: &'static str, label: &str, value: String| {
        let entry = if start { &start_entry } else { &event_entry };
        let (shown, message) = match &**entry {
            Some((text, message)) => (text.clone(), message.clone()),
            None => (value, None),
        };
        let error_id = format!("{id}-error");
        html! {
            <div class="tw-field">
                <label for={id}>{ label.to_string() }</label>
                <input id={id} type="date" min={today.to_string()} value={shown} onchange={on_date(start)} onblur={on_date_blur(start)}
                    aria-invalid={message.is_some().then_some("true")} aria-describedby={message.is_some().then(|| error_id.clone())} />
                <p class="tw-error" id={error_id} role="alert">{ message.unwrap_or_default() }</p>
            </div>
        }
    };

    let course = &treatment.course;
    let spacing_choices = spacing_choices(course, form.spacing_days);
    let chosen = props.estimate.as_ref().map(|e| e.chosen(form.payment.as_ref()));
    let financing = chosen.map(|o| availability(book, o));
    let financing_allowed = matches!(financing, Some(Ok(_)));

    html! {
        <form class="tw-est-form" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())} aria-label={t.get("form.label").to_string()}>
            if config.locations.len() > 1 {
                <div class="tw-field">
                    <label for="tw-est-location">{ t.get("form.location") }</label>
                    <select id="tw-est-location" onchange={switch_location}>
                        { for config.locations.iter().map(|l| html! {
                            <option value={l.id.clone()} selected={form.location.as_deref() == Some(l.id.as_str())}>{ l.name.get(setup.lang) }</option>
                        }) }
                    </select>
                </div>
            }
            <div class="tw-field">
                <label for="tw-est-concern">{ t.get("form.concern") }</label>
                <select id="tw-est-concern" onchange={on_concern} aria-describedby="tw-est-concern-hint">
                    <option value="" selected={concern.is_none()}>{ t.get("form.concern_choose") }</option>
                    { for concerns_with_options.iter().map(|c| html! {
                        <option value={c.id.clone()} selected={concern.as_deref() == Some(c.id.as_str())}>{ &c.name }</option>
                    }) }
                </select>
                <p class="tw-hint" id="tw-est-concern-hint">{ t.get("form.concern_hint") }</p>
            </div>

            <div class="tw-field">
                <label for="tw-est-treatment">{ t.get("form.treatment") }</label>
                <select id="tw-est-treatment" onchange={let s = switch_treatment.clone(); Callback::from(move |e: Event| s.emit(select_value(&e)))}>
                    { for estimable.iter().filter_map(|id| catalog.treatment(id)).map(|tr| html! {
                        <option value={tr.id.clone()} selected={tr.id == form.treatment}>{ &tr.name }</option>
                    }) }
                </select>
            </div>

            <fieldset class="tw-fieldset">
                <legend>{ t.get("form.areas") }</legend>
                <ul class="tw-checks">
                    { for prices.areas.iter().map(|(area, price)| {
                        let checked = form.areas.contains(area);
                        let only = checked && form.areas.len() == 1;
                        let id = area.clone();
                        let name = catalog.area(area).map(|a| a.name.clone()).unwrap_or_else(|| area.clone());
                        html! {
                            <li>
                                <label class={classes!("tw-check", only.then_some("tw-disabled"))}>
                                    // The last area cannot be unticked; it stays focusable and says why.
                                    <input type="checkbox" checked={checked} aria-disabled={only.then_some("true")}
                                        aria-describedby={only.then_some("tw-est-areas-hint")}
                                        onclick={Callback::from(move |e: MouseEvent| if only { e.prevent_default() })}
                                        onchange={change(Box::new(move |f, _| {
                                        if let Some(i) = f.areas.iter().position(|a| *a == id) { f.areas.remove(i); } else { f.areas.push(id.clone()); }
                                    }))} />
                                    <span>{ name }<span class="tw-note">{ format!(" · {}", t.fill("form.a_session", &[("price", &formats.range(*price)), ("tax", &tax_note(&t, book))])) }</span></span>
                                </label>
                            </li>
                        }
                    }) }
                </ul>
                <p class="tw-hint" id="tw-est-areas-hint">{ t.get("form.one_area") }</p>
                if !prices.combinations.is_empty() {
                    <p class="tw-hint">{ t.get("form.combinations") }</p>
                }
            </fieldset>

            <div class="tw-field">
                <label for="tw-est-sessions">{ t.get("form.sessions") }</label>
                <div class="tw-stepper">
                    // At a limit the button says so (aria-disabled) but stays focusable: a disabled
                    // button would drop the visitor's focus to the page.
                    <button type="button" class="tw-step" onclick={step(-1)} aria-disabled={(form.sessions <= 1).then_some("true")} aria-label={t.get("form.fewer").to_string()}>{ "−" }</button>
                    <input id="tw-est-sessions" type="number" inputmode="numeric" min="1" max={most_sessions.to_string()}
                        value={form.sessions.to_string()} onchange={on_sessions}
                        aria-invalid={sessions_error.is_some().to_string()} aria-describedby="tw-est-sessions-hint tw-est-sessions-error" />
                    <button type="button" class="tw-step" onclick={step(1)} aria-disabled={(form.sessions >= most_sessions).then_some("true")} aria-label={t.get("form.more").to_string()}>{ "+" }</button>
                </div>
                <p class="tw-hint" id="tw-est-sessions-hint">{ t.fill("form.usually", &[("treatment", &treatment.name), ("course", &course_words(&t, course))]) }</p>
                <p class="tw-error" id="tw-est-sessions-error" role="alert">{ sessions_error.as_deref().unwrap_or("") }</p>
            </div>

            if !prices.add_ons.is_empty() {
                <fieldset class="tw-fieldset">
                    <legend>{ t.get("form.add_ons") }</legend>
                    <ul class="tw-checks">
                        { for prices.add_ons.iter().filter_map(|id| book.add_on(id)).map(|a| {
                            let id = a.id.clone();
                            html! {
                                <li><label class="tw-check">
                                    <input type="checkbox" checked={form.add_ons.contains(&a.id)} onchange={change(Box::new(move |f, _| {
                                        if let Some(i) = f.add_ons.iter().position(|x| *x == id) { f.add_ons.remove(i); } else { f.add_ons.push(id.clone()); }
                                    }))} />
                                    <span>{ a.name.get(t.lang) }<span class="tw-note">{ format!(" · {}", t.fill("form.a_session", &[("price", &formats.range(a.per_session)), ("tax", &tax_note(&t, book))])) }</span></span>
                                </label></li>
                            }
                        }) }
                    </ul>
                </fieldset>
            }

            if let (Some(e), Some(chosen)) = (&props.estimate, chosen) {
                <fieldset class="tw-fieldset">
                    <legend>{ t.get("form.how_to_pay") }</legend>
                    <ul class="tw-options">
                        { for e.options.iter().enumerate().map(|(i, o)| {
                            let choice = o.choice.clone();
                            html! {
                                <li><label class="tw-radio tw-option">
                                    <input type="radio" name="tw-est-payment" checked={o.choice == chosen.choice} onchange={change(Box::new(move |f, _| f.payment = Some(choice.clone())))} />
                                    <span>
                                        <span class="tw-option-name">{ option_name(&t, book, &o.choice) }</span>
                                        if let Some(tag) = cheapest_tag(&t, &e.cheapest, i) { <span class="tw-tag tw-tag-offered">{ tag }</span> }
                                        <span class="tw-option-total">{ formats.range(o.total) }</span>
                                        if let Some(d) = o.against_per_session {
                                            <span class="tw-note">{ difference(&t, d, &formats) }</span>
                                        }
                                        if let Some(note) = &o.note {
                                            <span class="tw-note">{ option_note(&t, note) }</span>
                                        }
                                    </span>
                                </label></li>
                            }
                        }) }
                    </ul>
                    if form.payment.is_none() {
                        if let Some(why) = chosen_for_you(&t, &e.cheapest, book, &e.options.iter().map(|o| o.choice.clone()).collect::<Vec<_>>()) {
                            <p class="tw-hint">{ why }</p>
                        }
                    }
                </fieldset>
            }

            if !book.financing.plans.is_empty() {
                <div class="tw-field">
                    if financing_allowed {
                        <label for="tw-est-plan">{ t.get("form.financing") }</label>
                        <select id="tw-est-plan" aria-describedby="tw-est-plan-hint"
                            onchange={change(Box::new(|f, e| { let v = select_value(&e); f.plan = (!v.is_empty()).then_some(v); }))}>
                            <option value="" selected={form.plan.is_none()}>{ t.get("form.pay_in_full") }</option>
                            { for book.financing.plans.iter().map(|p| html! {
                                <option value={p.id.clone()} selected={form.plan.as_deref() == Some(p.id.as_str())}>{ p.name.get(t.lang) }</option>
                            }) }
                        </select>
                        <p class="tw-hint" id="tw-est-plan-hint">{ t.get("form.financing_hint") }</p>
                    } else {
                        // Not a disabled control that keyboard users skip past: the reason, as text.
                        <p class="tw-field-label">{ t.get("form.financing") }</p>
                        <p class="tw-hint" id="tw-est-plan-hint">{
                            match &financing {
                                Some(Err(reason)) => no_financing(&t, reason, &clinic, &formats),
                                _ => t.get("form.financing_hint").to_string(),
                            }
                        }</p>
                    }
                </div>
            }

            <fieldset class="tw-fieldset">
                <legend>{ t.get("form.when") }</legend>
                { date_field(true, "tw-est-start", t.get("form.first_session"), form.start.to_string()) }
                if spacing_choices.len() > 1 {
                    <div class="tw-field">
                        <label for="tw-est-spacing">{ t.get("form.spacing") }</label>
                        <select id="tw-est-spacing" onchange={change(Box::new(|f, e| if let Ok(d) = select_value(&e).parse() { f.spacing_days = d; }))}>
                            { for spacing_choices.iter().map(|d| html! {
                                <option value={d.to_string()} selected={*d == form.spacing_days}>{ days_range(&t, *d, *d) }</option>
                            }) }
                        </select>
                    </div>
                }
                { date_field(false, "tw-est-event", t.get("form.event"), form.event.map(|d| d.to_string()).unwrap_or_default()) }
            </fieldset>
        </form>
    }
}
