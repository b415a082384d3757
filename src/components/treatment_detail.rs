use std::rc::Rc;

use yew::prelude::*;

use super::booking_link::BookingLink;
use super::fact_list::FactList;
use crate::app::Setup;

#[derive(Properties, PartialEq)]
pub struct TreatmentDetailProps {
    pub setup: Rc<Setup>,
    pub treatment: AttrValue,
    pub on_back: Callback<()>,
}

#[component]
pub fn TreatmentDetail(props: &TreatmentDetailProps) -> Html {
    let heading = use_node_ref();
    {
        // Move focus to the new view's heading so keyboard and screen-reader users land on it.
        let heading = heading.clone();
        use_effect_with(props.treatment.clone(), move |_| {
            if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    let setup = &props.setup;
    let Some(t) = setup.catalog.treatment(&props.treatment) else { return html! {} };
    let on_back = props.on_back.reform(|_: MouseEvent| ());
    html! {
        <section class="tw-view" aria-labelledby="tw-detail-title">
            <button type="button" class="tw-back" onclick={on_back}>{ "← All treatments" }</button>
            <h3 id="tw-detail-title" class="tw-view-title" tabindex="-1" ref={heading}>{ &t.name }</h3>
            <p class="tw-lead">{ &t.summary.text }</p>
            <h4 class="tw-section-title">{ "How it works" }</h4>
            <FactList facts={t.how_it_works.clone()} catalog={setup.catalog.clone()} />
            if setup.config.offers(&t.id) {
                if let Some(booking) = setup.config.booking.clone() {
                    <BookingLink booking={booking} clinic_name={setup.config.clinic_name.clone()} />
                }
            } else {
                <p class="tw-note">{ format!("{} does not offer this treatment; it is here so you can read about it.", setup.config.clinic_name) }</p>
            }
        </section>
    }
}
