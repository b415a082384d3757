use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub clinic_name: AttrValue,
}

#[component]
pub fn Header(props: &HeaderProps) -> Html {
    html! {
        <header class="tw-header">
            <p class="tw-eyebrow">{ &props.clinic_name }</p>
            <h2 class="tw-title">{ "Microneedling treatment guide" }</h2>
        </header>
    }
}
