//! "Am I a candidate?": a few yes/no questions; the result says which treatments a professional
//! should look at first, and why. Answers are kept in memory only.

use std::collections::BTreeMap;

use yew::prelude::*;

use crate::app::{use_dispatch, use_nav, use_setup, use_texts};
use crate::core::catalog::{CandidateQuestion, Caution, Family, Treatment};
use crate::core::route::Route;
use crate::core::suitability::{assess, group};
use crate::state::Action;
use crate::web::focus::{focus_in_same_root, VIEW_HEADING};

#[derive(Properties, PartialEq)]
pub struct CandidateProps {
    /// Question id → the visitor's yes/no.
    pub answers: BTreeMap<String, bool>,
}

#[component]
pub fn Candidate(props: &CandidateProps) -> Html {
    let setup = use_setup();
    let t = use_texts();
    let nav = use_nav();
    let dispatch = use_dispatch();
    let catalog = &setup.catalog;
    let config = &setup.config;
    let answers = &props.answers;
    let assessment = assess(catalog, answers);

    let question = |q: &CandidateQuestion| {
        let name = format!("tw-q-{}", q.id);
        let radio = |yes: bool| {
            let dispatch = dispatch.clone();
            let id = q.id.clone();
            html! {
                <label class="tw-radio">
                    <input type="radio" name={name.clone()} checked={answers.get(&q.id) == Some(&yes)}
                        onchange={move |_| dispatch.dispatch(Action::Answer { question: id.clone(), yes })} />
                    <span>{ t.get(if yes { "answer.yes" } else { "answer.no" }) }</span>
                </label>
            }
        };
        html! {
            <li>
                <fieldset class="tw-question">
                    <legend>{ &q.question }</legend>
                    if let Some(hint) = &q.hint { <p class="tw-note">{ hint }</p> }
                    <div class="tw-radios">{ radio(true) }{ radio(false) }</div>
                </fieldset>
            </li>
        }
    };
    let groups = group(&assessment.flagged);
    let flagged = groups.iter().map(|g| {
        let label = t.get(match g.caution {
            Caution::NotWhileThisApplies => "candidate.not_while",
            Caution::ReviewFirst => "candidate.review_first",
        });
        let link = |tr: &&Treatment| {
            let navigate = nav.navigate.clone();
            let route = Route::Treatment(tr.id.clone());
            html! {
                <li>
                    <button type="button" class="tw-link-button" onclick={move |_| navigate.emit(route.clone())}>{ &tr.name }</button>
                    if config.offers(&tr.id) && config.clinic_name.is_some() { <span class="tw-note">{ " " }{ t.get("candidate.offered_here") }</span> }
                </li>
            }
        };
        html! {
            <li class={classes!("tw-flag", matches!(g.caution, Caution::NotWhileThisApplies).then_some("tw-flag-strong"))}>
                <p class="tw-flag-label">{ label }</p>
                <ul class="tw-flag-treatments">{ for g.treatments.iter().map(link) }</ul>
                <p class="tw-flag-why">{ t.get("candidate.why") }</p>
                <ul class="tw-facts">{ for g.reasons.iter().map(|(_, reason)| html! { <li>{ &reason.text }</li> }) }</ul>
            </li>
        }
    });
    let unanswered = assessment.questions - assessment.answered;
    let unanswered_note = if unanswered == 0 { String::new() } else { format!(" {}", t.count("candidate.unanswered", unanswered as u64, &[])) };
    let (not_while, review_first) = assessment.counts();
    let summary = if assessment.answered == 0 {
        t.get("candidate.start").to_string()
    } else if assessment.flagged.is_empty() {
        t.fill("candidate.none_flagged", &[("unanswered", &unanswered_note)])
    } else {
        let parts: Vec<String> = [
            (not_while > 0).then(|| t.count("candidate.count_not_while", not_while as u64, &[])),
            (review_first > 0).then(|| t.count("candidate.count_review", review_first as u64, &[])),
        ]
        .into_iter()
        .flatten()
        .collect();
        t.fill("candidate.flagged", &[("parts", &parts.join("; ")), ("unanswered", &unanswered_note)])
    };
    let clear = {
        let dispatch = dispatch.clone();
        // The button clears itself away: focus the view's heading rather than lose it.
        Callback::from(move |e: MouseEvent| {
            dispatch.dispatch(Action::ClearAnswers);
            if let Some(button) = e.target_dyn_into::<web_sys::Element>() {
                focus_in_same_root(&button, VIEW_HEADING);
            }
        })
    };
    let has_own = catalog.treatments.iter().any(|tr| tr.family == Family::Clinic);
    html! {
        <>
            <p class="tw-privacy"><strong>{ t.get("candidate.private") }</strong>{ " " }{ t.get("candidate.private_text") }</p>
            <p>{ t.get("candidate.intro") }</p>
            if has_own { <p class="tw-note">{ t.fill("candidate.own_not_covered", &[("clinic", &setup.clinic())]) }</p> }
            <ol class="tw-questions">{ for catalog.candidate_questions.iter().map(question) }</ol>
            <p class="tw-live" aria-live="polite">{ summary }</p>
            if !assessment.flagged.is_empty() {
                <ul class="tw-flags">{ for flagged }</ul>
            }
            if assessment.answered > 0 {
                <button type="button" class="tw-link-button" onclick={clear}>{ t.get("candidate.clear") }</button>
            }
        </>
    }
}
