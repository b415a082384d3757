//! The estimate, itemised, with example financing, the dated plan and what to do next.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::booking_link::BookingLink;
use super::estimate_wording::{before_tax, line_amount, line_label, option_name, option_note, payments, rate, sessions};
use crate::app::ViewContext;
use crate::core::date::Date;
use crate::core::estimate_params::{booking_href, EstimateForm};
use crate::core::financing::finance;
use crate::core::pricing::{deposit, Estimate, LineKind};
use crate::core::schedule::{fit_event, plan, plan_by_event, EventFit};
use crate::web::intl::Formats;

#[derive(Properties, PartialEq)]
pub struct EstimateResultsProps {
    pub ctx: ViewContext,
    pub form: EstimateForm,
    pub estimate: Rc<Estimate>,
    pub today: Date,
    pub formats: Rc<Formats>,
    pub treatment: AttrValue,
    pub on_change: Callback<EstimateForm>,
}

/// The estimate, itemised, with financing, the dated plan and what to do next.
#[component]
pub fn EstimateResults(props: &EstimateResultsProps) -> Html {
    let share_status = use_state(|| None::<(String, String)>);
    let ctx = &props.ctx;
    let config = &ctx.setup.config;
    let catalog = &ctx.setup.catalog;
    let f = &props.formats;
    let form = &props.form;
    let e = &props.estimate;
    let Some(book) = config.pricing.as_ref() else { return html! {} };
    let Some(t) = catalog.treatment(&props.treatment) else { return html! {} };
    let option = e.chosen(form.payment.as_ref());
    let option_name = option_name(book, &option.choice);

    let quote = form.plan.as_ref().and_then(|id| finance(book, option, id).ok());
    let dep = deposit(book, option.total);
    let schedule = plan(form.start, form.sessions, form.spacing_days, t.results.as_ref());
    let event = form.event.zip(t.results.as_ref()).map(|(ev, results)| {
        (ev, fit_event(props.today, ev, form.sessions, form.spacing_days, results), plan_by_event(&schedule, ev, results))
    });
    let shown_sessions = schedule.sessions.len() as u32;

    let mut summary = format!(
        "Estimated total {} for {} of {}, {}. An estimate, not a quote.",
        f.range(option.total),
        sessions(shown_sessions),
        t.name,
        option_name.to_lowercase()
    );
    if let Some(q) = &quote {
        summary.push_str(&format!(
            " Example financing: {} down, then {}; {}; total cost {}.",
            f.range(q.down_payment),
            payments(q, f),
            rate(q, f).trim_end_matches('.'),
            f.range(q.total_cost())
        ));
    }

    let share = {
        let share_status = share_status.clone();
        Callback::from(move |_: MouseEvent| {
            let href = gloo::utils::window().location().href().unwrap_or_default();
            let copied = copy_to_clipboard(&href);
            share_status.set(Some((
                href,
                if copied { "Link copied. It holds your estimate's inputs, nothing about your health.".into() } else { "Copy this link to share or save the estimate.".into() },
            )));
        })
    };
    let print = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    let on_book = {
        let on_event = ctx.setup.on_event.clone();
        let detail = serde_json::json!({ "treatment": form.treatment, "areas": form.areas, "sessions": form.sessions });
        Callback::from(move |_: MouseEvent| on_event.emit(("book", detail.clone())))
    };

    html! {
        <section class="tw-est-results" aria-labelledby="tw-est-results-title">
            <h4 id="tw-est-results-title" class="tw-section-title" tabindex="-1">{ "Your estimate" }</h4>
            <p class="tw-visually-hidden" aria-live="polite" aria-atomic="true">{ summary }</p>
            <p class="tw-total">
                <span class="tw-total-label">{ "Total for the course" }</span>
                <span class="tw-total-figure">{ f.range(option.total) }</span>
            </p>
            <p class="tw-quote-note">{ "An estimate, not a quote: final pricing after a consultation." }</p>
            <dl class="tw-glance">
                <div><dt>{ format!("Per session{}", before_tax(book)) }</dt><dd>{ f.range(e.per_session) }</dd></div>
                <div><dt>{ "Sessions" }</dt><dd>{ form.sessions }</dd></div>
                <div><dt>{ "Paying" }</dt><dd>{ &option_name }</dd></div>
                if let Some(d) = dep { <div><dt>{ "Deposit at booking" }</dt><dd>{ f.range(d) }</dd></div> }
            </dl>
            if let Some(note) = &option.note { <p class="tw-note">{ option_note(note) }</p> }
            <table class="tw-lines">
                <caption>{ "What the total is made of" }</caption>
                <thead><tr><th scope="col">{ "Item" }</th><th scope="col">{ "Amount" }</th></tr></thead>
                <tbody>
                    { for option.lines.iter().map(|l| html! {
                        <tr class={classes!(matches!(l.kind, LineKind::Discount).then_some("tw-line-discount"))}>
                            <th scope="row">{ line_label(l, book, catalog, f) }</th><td>{ line_amount(l, f) }</td>
                        </tr>
                    }) }
                </tbody>
                <tfoot><tr><th scope="row">{ "Total" }</th><td>{ f.range(option.total) }</td></tr></tfoot>
            </table>

            if let Some(q) = &quote {
                <div class="tw-finance">
                    <h5 class="tw-sub-title">{ format!("Example financing: {}", q.plan.name) }</h5>
                    <dl class="tw-finance-terms">
                        <div><dt>{ if q.plan.deferred_interest { "Interest" } else { "APR" } }</dt><dd>{ rate(q, f) }</dd></div>
                        <div><dt>{ "Down payment (the deposit at booking)" }</dt><dd>{ f.range(q.down_payment) }</dd></div>
                        <div><dt>{ "Amount financed" }</dt><dd>{ f.range(q.financed) }</dd></div>
                        <div><dt>{ "Payments" }</dt><dd>{ payments(q, f) }</dd></div>
                        <div><dt>{ "Total of payments" }</dt><dd>{ format!("{} (interest {})", f.range(q.total_of_payments()), f.between(q.interest())) }</dd></div>
                        <div><dt>{ "Total cost, deposit included" }</dt><dd>{ f.range(q.total_cost()) }</dd></div>
                    </dl>
                    if let Some(lender) = &book.financing.lender { <p class="tw-note">{ lender }</p> }
                    <p class="tw-note">{ "An example only, subject to the lender's approval; the lender sets the final terms." }</p>
                </div>
            }

            <h5 class="tw-sub-title">{ "Your plan" }</h5>
            <ol class="tw-plan">
                { for schedule.sessions.iter().enumerate().map(|(i, d)| html! {
                    <li><span class="tw-plan-label">{ format!("Session {}", i + 1) }</span>{ f.date(*d) }</li>
                }) }
            </ol>
            if let (Some(window), Some(results)) = (schedule.results, t.results.as_ref()) {
                <ul class="tw-facts">
                    <li>{ format!("First changes: typically around {}.", f.date(window.early)) }</li>
                    <li>{ format!("Full results: typically between {} and {}; results vary from person to person.", f.date(window.full_from), f.date(window.full_to)) }
                        if window.course_outlasts_window_start { { " Results keep building after your last session." } }
                    </li>
                </ul>
                <p class="tw-note">{ format!("{} {}", results.early.text, results.full.text) }</p>
            }
            <p class="tw-note">{ "The dates are examples at the usual spacing; the clinic books the actual appointments." }</p>
            if let Some((ev, fit, yours)) = event {
                <div class="tw-event" role="status">
                    { match fit {
                        EventFit::StartBy { latest_start } => html! {
                            <p>{ format!(
                                "For your event on {}, start by {}: that typically leaves time to finish the course, let your skin settle and reach the time full results usually show. Results vary.",
                                f.date(ev), f.date(latest_start)
                            ) }</p>
                        },
                        EventFit::SessionsFit { sessions: fit, full_results_by_event } => html! {
                            <p>{ format!(
                                "Before your event on {}, {} fit with time to settle if you start now{}.",
                                f.date(ev),
                                sessions(fit),
                                if full_results_by_event { "" } else { "; full results would typically come after the event" }
                            ) }</p>
                        },
                        EventFit::TooSoon => html! {
                            <p>{ format!("Your event on {} is too soon for a session and the settling time after it. Ask the clinic about timing.", f.date(ev)) }</p>
                        },
                    } }
                    if !yours.fits() && !matches!(fit, EventFit::TooSoon) {
                        <p>{ format!(
                            "With your first session on {}, {} of your {} would be done with time to settle before the event{}.",
                            f.date(form.start),
                            yours.settled_sessions,
                            sessions(yours.sessions),
                            if yours.full_results_window_begun { "" } else { ", and full results would typically come after it" }
                        ) }</p>
                    }
                </div>
            }

            <div class="tw-actions">
                if let Some(booking) = config.booking.clone() {
                    <BookingLink booking={booking.clone()} clinic_name={config.clinic_name.clone()}
                        href={AttrValue::from(booking_href(&booking.url, form))} onclick={on_book} />
                }
                <div class="tw-secondary-actions">
                    <button type="button" class="tw-button tw-secondary" onclick={share}>{ "Share this estimate" }</button>
                    <button type="button" class="tw-button tw-secondary" onclick={print}>{ "Print" }</button>
                </div>
                if let Some((href, message)) = &*share_status {
                    <div class="tw-share">
                        <p role="status">{ message }</p>
                        <label class="tw-visually-hidden" for="tw-share-link">{ "Link to this estimate" }</label>
                        <input id="tw-share-link" type="text" readonly=true value={href.clone()}
                            onfocus={Callback::from(|e: FocusEvent| if let Some(i) = e.target_dyn_into::<web_sys::HtmlInputElement>() { i.select(); })} />
                    </div>
                }
                <p class="tw-note tw-privacy-note">{ format!(
                    "What you price here (the treatment, areas and sessions, not your concern or any health answer) goes into the booking link and into events {} can use for its own analytics. A treatment can hint at a health concern, so share the link with care.",
                    config.clinic_name
                ) }</p>
            </div>
        </section>
    }
}

/// Starts copying to the clipboard where the browser allows it; says whether it could try.
fn copy_to_clipboard(text: &str) -> bool {
    let Ok(navigator) = js_sys::Reflect::get(&gloo::utils::window(), &"navigator".into()) else { return false };
    let Ok(clipboard) = js_sys::Reflect::get(&navigator, &"clipboard".into()) else { return false };
    if clipboard.is_undefined() {
        return false;
    }
    let Ok(write) = js_sys::Reflect::get(&clipboard, &"writeText".into()) else { return false };
    let Some(write) = write.dyn_ref::<js_sys::Function>() else { return false };
    match write.call1(&clipboard, &text.into()) {
        Ok(promise) => {
            // A refusal (no permission) just leaves the link on screen to copy by hand.
            if let Ok(p) = promise.dyn_into::<js_sys::Promise>() {
                wasm_bindgen_futures::spawn_local(async move {
                    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
                });
            }
            true
        }
        Err(_) => false,
    }
}
