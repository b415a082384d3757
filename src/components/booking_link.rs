use yew::prelude::*;

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
    let href = props.href.clone().unwrap_or_else(|| props.booking.url.clone().into());
    let new_tab = props.booking.open_in_new_tab;
    let note = if new_tab {
        format!("Opens the booking page of {} in a new tab.", props.clinic_name)
    } else {
        format!("Leaves this page for the booking page of {}.", props.clinic_name)
    };
    html! {
        <div class="tw-booking">
            <a class="tw-button tw-book" href={href} target={new_tab.then_some("_blank")}
                rel="noopener noreferrer" onclick={props.onclick.clone()}>
                { "Book a consultation" }
                if new_tab { <span class="tw-visually-hidden">{ " (opens in a new tab)" }</span> }
            </a>
            <p class="tw-note">{ note }</p>
        </div>
    }
}
