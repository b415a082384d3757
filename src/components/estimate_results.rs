//! The estimate, itemised, with example financing, the dated plan and what to do next.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::booking_link::BookingLink;
use super::estimate_wording::{tax_note, line_amount, line_label, option_name, option_note, payments, rate, sessions};
use crate::app::{use_formats, use_setup, use_texts};
use crate::core::date::Date;
use crate::core::estimate_params::{booking_href, EstimateForm};
use crate::core::financing::finance;
use crate::core::route::{page_link_to, Route};
use crate::core::pricing::{deposit, Estimate, LineKind};
use crate::core::schedule::{fit_event, plan, plan_by_event, EventFit};
use crate::core::timeline::timeline;
use super::plan_timeline::PlanTimeline;

#[derive(Properties, PartialEq)]
pub struct EstimateResultsProps {
    pub form: EstimateForm,
    pub estimate: Rc<Estimate>,
    pub today: Date,
    pub treatment: AttrValue,
}

#[component]
pub fn EstimateResults(props: &EstimateResultsProps) -> Html {
    let share_status = use_state(|| None::<(String, String)>);
    let setup = use_setup();
    let t = use_texts();
    let f = use_formats();
    let config = &setup.config;
    let catalog = &setup.catalog;
    let form = &props.form;
    let e = &props.estimate;
    let Some(book) = config.price_book(form.location.as_deref()) else { return html! {} };
    let Some(tr) = catalog.treatment(&props.treatment) else { return html! {} };
    let clinic = setup.clinic();
    let option = e.chosen(form.payment.as_ref());
    let option_name = option_name(&t, book, &option.choice);

    let quote = form.plan.as_ref().and_then(|id| finance(book, option, id).ok());
    let dep = deposit(book, option.total);
    let schedule = plan(form.start, form.sessions, form.spacing_days, tr.results.as_ref());
    let event = form.event.zip(tr.results.as_ref()).map(|(ev, results)| {
        (ev, fit_event(props.today, ev, form.sessions, form.spacing_days, results), plan_by_event(&schedule, ev, results))
    });
    let shown_sessions = schedule.sessions.len() as u64;
    let settle_days = tr.results.as_ref().map(|r| r.early_days);
    let picture = Rc::new(timeline(&schedule, settle_days, event.as_ref().map(|(ev, _, yours)| (*ev, *yours))));

    let mut summary = t.fill(
        "results.summary",
        &[("total", &f.range(option.total)), ("sessions", &sessions(&t, shown_sessions)), ("treatment", &tr.name), ("paying", &option_name)],
    );
    if let Some(q) = &quote {
        summary.push(' ');
        summary.push_str(&t.fill(
            "results.summary_finance",
            &[("down", &f.range(q.down_payment)), ("payments", &payments(&t, q, &f)), ("rate", rate(&t, q, &f).trim_end_matches('.')), ("cost", &f.range(q.total_cost()))],
        ));
    }

    let share = {
        let (share_status, t) = (share_status.clone(), t.clone());
        let (page_link, key) = (setup.page_link.clone(), setup.instance_key.clone());
        let (fragment, route) = (setup.fragment.clone(), Route::Estimate(Some(form.to_value())));
        Callback::from(move |_: MouseEvent| {
            // The address bar is rewritten at most every 300 ms: bring it up to date before reading it.
            fragment.replace(&route);
            let location = gloo::utils::window().location();
            let href = match &page_link {
                Some(page) => page_link_to(page, &location.hash().unwrap_or_default(), &key),
                None => location.href().unwrap_or_default(),
            };
            let copied = copy_to_clipboard(&href);
            share_status.set(Some((href, t.get(if copied { "share.copied" } else { "share.copy_this" }).to_string())));
        })
    };
    let print = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    let on_book = {
        let on_event = setup.on_event.clone();
        let mut detail = serde_json::json!({ "treatment": form.treatment, "areas": form.areas, "sessions": form.sessions });
        if let (Some(location), Some(map)) = (&form.location, detail.as_object_mut()) {
            map.insert("location".into(), location.clone().into());
        }
        Callback::from(move |_: MouseEvent| on_event.emit(("book", detail.clone())))
    };
    let booking = config.booking_for(form.location.as_deref()).cloned();

    html! {
        <section class="tw-est-results" aria-labelledby="tw-est-results-title">
            <h4 id="tw-est-results-title" class="tw-section-title" tabindex="-1">{ t.get("results.title") }</h4>
            // Read out once the visitor pauses, not at every step of arrowing through a list.
            <Announcement text={summary.clone()} />
            <p class="tw-total">
                <span class="tw-total-label">{ t.get("results.total") }</span>
                <span class="tw-total-figure">{ f.range(option.total) }</span>
            </p>
            <p class="tw-quote-note">{ t.get("results.not_a_quote") }</p>
            <dl class="tw-glance">
                <div><dt>{ format!("{}{}", t.get("results.per_session"), tax_note(&t, book)) }</dt><dd>{ f.range(e.per_session) }</dd></div>
                <div><dt>{ t.get("results.sessions") }</dt><dd>{ form.sessions }</dd></div>
                <div><dt>{ t.get("results.paying") }</dt><dd>{ &option_name }</dd></div>
                if let Some(d) = dep { <div><dt>{ t.get("results.deposit") }</dt><dd>{ f.range(d) }</dd></div> }
            </dl>
            if let Some(note) = &option.note { <p class="tw-note">{ option_note(&t, note) }</p> }
            <table class="tw-lines">
                <caption>{ t.get("results.lines") }</caption>
                <thead><tr><th scope="col">{ t.get("results.item") }</th><th scope="col">{ t.get("results.amount") }</th></tr></thead>
                <tbody>
                    { for option.lines.iter().filter(|l| l.kind != LineKind::IncludedTax).map(|l| html! {
                        <tr class={classes!(matches!(l.kind, LineKind::Discount).then_some("tw-line-discount"))}>
                            <th scope="row">{ line_label(&t, l, book, catalog, &f) }</th><td>{ line_amount(&t, l, &f) }</td>
                        </tr>
                    }) }
                </tbody>
                <tfoot>
                    <tr><th scope="row">{ t.get("results.total_row") }</th><td>{ f.range(option.total) }</td></tr>
                    // Tax already inside the prices: how much of the total it is, after the total.
                    { for option.lines.iter().filter(|l| l.kind == LineKind::IncludedTax).map(|l| html! {
                        <tr class="tw-line-included"><th scope="row">{ line_label(&t, l, book, catalog, &f) }</th><td>{ line_amount(&t, l, &f) }</td></tr>
                    }) }
                </tfoot>
            </table>

            if let Some(q) = &quote {
                <div class="tw-finance">
                    <h5 class="tw-sub-title">{ t.fill("finance.title", &[("plan", q.plan.name.get(t.lang))]) }</h5>
                    <dl class="tw-finance-terms">
                        <div><dt>{ t.get(if q.plan.deferred_interest { "finance.interest" } else { "finance.apr" }) }</dt><dd>{ if q.plan.deferred_interest { rate(&t, q, &f) } else { f.percent(q.plan.apr_bps) } }</dd></div>
                        <div><dt>{ t.get("finance.down") }</dt><dd>{ f.range(q.down_payment) }</dd></div>
                        <div><dt>{ t.get("finance.financed") }</dt><dd>{ f.range(q.financed) }</dd></div>
                        <div><dt>{ t.get("finance.payments") }</dt><dd>{ payments(&t, q, &f) }</dd></div>
                        <div><dt>{ t.get("finance.total_payments") }</dt><dd>{ t.fill("finance.total_payments_value", &[("total", &f.range(q.total_of_payments())), ("interest", &f.between(q.interest()))]) }</dd></div>
                        <div><dt>{ t.get("finance.total_cost") }</dt><dd>{ f.range(q.total_cost()) }</dd></div>
                    </dl>
                    if let Some(lender) = &book.financing.lender { <p class="tw-note">{ lender.get(t.lang) }</p> }
                    <p class="tw-note">{ t.get("finance.example") }</p>
                </div>
            }

            <h5 class="tw-sub-title">{ t.get("plan.title") }</h5>
            <PlanTimeline timeline={picture} {settle_days} />
            <ol class="tw-plan">
                { for schedule.sessions.iter().enumerate().map(|(i, d)| html! {
                    <li><span class="tw-plan-label">{ t.fill("plan.session", &[("n", &(i + 1).to_string())]) }</span>{ f.date(*d) }</li>
                }) }
            </ol>
            if let (Some(window), Some(results)) = (schedule.results, tr.results.as_ref()) {
                <ul class="tw-facts">
                    <li>{ t.fill("plan.first_changes", &[("date", &f.date(window.early))]) }</li>
                    <li>{ t.fill("plan.full_results", &[("from", &f.date(window.full_from)), ("to", &f.date(window.full_to))]) }
                        if window.course_outlasts_window_start { { " " }{ t.get("plan.keeps_building") } }
                    </li>
                </ul>
                <p class="tw-note">{ format!("{} {}", results.early.text, results.full.text) }</p>
            }
            <p class="tw-note">{ t.get("plan.example_dates") }</p>
            // The status region is always there, so its first answer is read out too.
            <div class="tw-event" role="status">
            if let Some((ev, fit, yours)) = event {
                    { match fit {
                        EventFit::StartBy { latest_start } => html! {
                            <p>{ t.fill("event.start_by", &[("event", &f.date(ev)), ("start", &f.date(latest_start))]) }</p>
                        },
                        EventFit::SessionsFit { sessions: fit, full_results_by_event } => html! {
                            <p>{ t.fill(if full_results_by_event { "event.sessions_fit" } else { "event.sessions_fit_results_after" }, &[("event", &f.date(ev)), ("sessions", &sessions(&t, fit))]) }</p>
                        },
                        EventFit::TooSoon => html! {
                            <p>{ t.fill("event.too_soon", &[("event", &f.date(ev))]) }</p>
                        },
                    } }
                    if !yours.fits() && !matches!(fit, EventFit::TooSoon) {
                        <p>{ t.fill(
                            if yours.full_results_window_begun { "event.your_plan" } else { "event.your_plan_results_after" },
                            &[("start", &f.date(form.start)), ("done", &yours.settled_sessions.to_string()), ("sessions", &sessions(&t, yours.sessions))],
                        ) }</p>
                    }
            }
            </div>

            <div class="tw-actions">
                if let Some(booking) = booking.clone() {
                    <BookingLink booking={booking.clone()} clinic_name={clinic.clone()}
                        href={AttrValue::from(booking_href(&booking.url, form))} onclick={on_book} />
                }
                <div class="tw-secondary-actions">
                    <button type="button" class="tw-button tw-secondary" onclick={share}>{ t.get("share.button") }</button>
                    <button type="button" class="tw-button tw-secondary" onclick={print}>{ t.get("share.print") }</button>
                </div>
                // Present before the message arrives, so "Link copied" is read out.
                <p class="tw-share-status" role="status">{ share_status.as_ref().map(|(_, m)| m.clone()).unwrap_or_default() }</p>
                if let Some((href, _)) = &*share_status {
                    <div class="tw-share">
                        <label class="tw-visually-hidden" for="tw-share-link">{ t.get("share.link_label") }</label>
                        <input id="tw-share-link" type="text" readonly=true value={href.clone()}
                            onfocus={Callback::from(|e: FocusEvent| if let Some(i) = e.target_dyn_into::<web_sys::HtmlInputElement>() { i.select(); })} />
                    </div>
                }
                <p class="tw-note tw-privacy-note">{ t.fill("results.privacy", &[("clinic", &clinic)]) }</p>
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

#[derive(Properties, PartialEq)]
pub struct AnnouncementProps {
    pub text: String,
}

/// A polite live region that takes `text` 0.7 s after it last changed, so a screen reader reads
/// the estimate once the visitor settles, not a total for every option arrowed past.
#[component]
pub fn Announcement(props: &AnnouncementProps) -> Html {
    let announced = use_state(String::new);
    {
        let announced = announced.clone();
        use_effect_with(props.text.clone(), move |text| {
            let text = text.clone();
            let timer = gloo::timers::callback::Timeout::new(700, move || announced.set(text));
            move || drop(timer)
        });
    }
    html! { <p class="tw-visually-hidden" aria-live="polite" aria-atomic="true">{ (*announced).clone() }</p> }
}
