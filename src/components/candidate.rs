use yew::prelude::*;

use crate::app::ViewContext;
use crate::core::catalog::Caution;
use crate::core::route::Route;
use crate::core::catalog::Treatment;
use crate::core::suitability::{assess, group};
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct CandidateProps {
    pub ctx: ViewContext,
}

/// A few yes/no questions; the result says which treatments a professional should look at first,
/// and why. Answers are kept in memory only.
#[component]
pub fn Candidate(props: &CandidateProps) -> Html {
    let ctx = &props.ctx;
    let catalog = &ctx.setup.catalog;
    let config = &ctx.setup.config;
    let answers = &ctx.state.answers;
    let assessment = assess(catalog, answers);

    let question = |q: &crate::core::catalog::CandidateQuestion| {
        let name = format!("tw-q-{}", q.id);
        let radio = |yes: bool| {
            let state = ctx.state.clone();
            let id = q.id.clone();
            html! {
                <label class="tw-radio">
                    <input type="radio" name={name.clone()} checked={answers.get(&q.id) == Some(&yes)}
                        onchange={move |_| state.dispatch(Action::Answer { question: id.clone(), yes })} />
                    <span>{ if yes { "Yes" } else { "No" } }</span>
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
        let label = match g.caution {
            Caution::NotWhileThisApplies => "Not advised while this applies",
            Caution::ReviewFirst => "Check with a professional first",
        };
        let link = |t: &&Treatment| {
            let navigate = ctx.navigate.clone();
            let route = Route::Treatment(t.id.clone());
            html! {
                <li>
                    <button type="button" class="tw-link-button" onclick={move |_| navigate.emit(route.clone())}>{ &t.name }</button>
                    if config.offers(&t.id) { <span class="tw-note">{ " (offered here)" }</span> }
                </li>
            }
        };
        html! {
            <li class={classes!("tw-flag", matches!(g.caution, Caution::NotWhileThisApplies).then_some("tw-flag-strong"))}>
                <p class="tw-flag-label">{ label }</p>
                <ul class="tw-flag-treatments">{ for g.treatments.iter().map(link) }</ul>
                <p class="tw-flag-why">{ "Why:" }</p>
                <ul class="tw-facts">{ for g.reasons.iter().map(|(_, reason)| html! { <li>{ &reason.text }</li> }) }</ul>
            </li>
        }
    });
    let unanswered = assessment.questions - assessment.answered;
    let unanswered_note = match unanswered {
        0 => String::new(),
        1 => " One question is still unanswered.".to_string(),
        n => format!(" {n} questions are still unanswered."),
    };
    let (not_while, review_first) = assessment.counts();
    let treatments = |n: usize| if n == 1 { "1 treatment".to_string() } else { format!("{n} treatments") };
    let summary = if assessment.answered == 0 {
        "Answer any of the questions to see which treatments to talk through with a professional first.".to_string()
    } else if assessment.flagged.is_empty() {
        format!(
            "None of your answers so far is among the cautions listed here.{unanswered_note} These questions do not cover every reason a treatment may not suit you, so a consultation with a qualified professional still decides."
        )
    } else {
        let parts: Vec<String> = [
            (not_while > 0).then(|| format!("{} not advised while it applies", treatments(not_while))),
            (review_first > 0).then(|| format!("{} to check with a professional first", treatments(review_first))),
        ]
        .into_iter()
        .flatten()
        .collect();
        format!("From your answers: {}.{unanswered_note} These questions do not cover every reason a treatment may not suit you.", parts.join("; "))
    };
    let clear = {
        let state = ctx.state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::ClearAnswers))
    };
    html! {
        <>
            <p class="tw-privacy">
                <strong>{ "Private: " }</strong>
                { "your answers stay in this page only. They are not saved, not sent anywhere and not added to the web address; closing or reloading the page clears them." }
            </p>
            <p>{ "This is not a diagnosis. It points out which treatments the sources say to talk through with a qualified professional before going ahead." }</p>
            <ol class="tw-questions">{ for catalog.candidate_questions.iter().map(question) }</ol>
            <p class="tw-live" aria-live="polite">{ summary }</p>
            if !assessment.flagged.is_empty() {
                <ul class="tw-flags">{ for flagged }</ul>
            }
            if assessment.answered > 0 {
                <button type="button" class="tw-link-button" onclick={clear}>{ "Clear my answers" }</button>
            }
        </>
    }
}
