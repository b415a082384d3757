use yew::prelude::*;

use crate::app::use_texts;
use crate::core::config::Booking;

#[derive(Properties, PartialEq)]
pub struct BookingLinkProps {
    pub booking: Booking,
    pub clinic_name: AttrValue,
    /// The full link, with any query parameters already added.
    #[prop_or_default]
    pub href: Option<AttrValue>,
    #[prop_or_default]
    pub onclick: Callback<MouseEvent>,
}

/// The clinic's booking link, with a visible line saying that it leaves this page.
#[component]
pub fn BookingLink(props: &BookingLinkProps) -> Html {
    let t = use_texts();
    let href = props.href.clone().unwrap_or_else(|| props.booking.url.clone().into());
    let new_tab = props.booking.open_in_new_tab;
    let note = t.fill(if new_tab { "booking.new_tab" } else { "booking.leaves" }, &[("clinic", &props.clinic_name)]);
    html! {
        <div class="tw-booking">
            <a class="tw-button tw-book" href={href} target={new_tab.then_some("_blank")}
                rel="noopener noreferrer" onclick={props.onclick.clone()}>
                { t.get("booking.button") }
                if new_tab { <span class="tw-visually-hidden">{ " " }{ t.get("link.new_tab") }</span> }
            </a>
            <p class="tw-note">{ note }</p>
            if let Some(phone) = &props.booking.phone {
                <p class="tw-booking-phone">
                    { t.fill("booking.call", &[("clinic", &props.clinic_name)]) }{ " " }
                    <a href={format!("tel:{}", phone.dial)}>{ phone.shown.clone() }</a>
                </p>
            }
        </div>
    }
}
