use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DisclosureProps {
    /// Unique within the widget; used to tie the button to its panel.
    pub id: AttrValue,
    pub title: Html,
    #[prop_or_default]
    pub initially_open: bool,
    #[prop_or_default]
    pub children: Html,
}

/// A button that shows and hides a panel (the WAI-ARIA disclosure pattern), with the button
/// inside a heading so it is found when browsing by headings.
#[component]
pub fn Disclosure(props: &DisclosureProps) -> Html {
    let open = use_state(|| props.initially_open);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let panel_id = format!("{}-panel", props.id);
    html! {
        <div class={classes!("tw-disclosure", open.then_some("tw-open"))}>
            <h4 class="tw-disclosure-heading">
                <button type="button" class="tw-disclosure-button" aria-expanded={open.to_string()}
                    aria-controls={panel_id.clone()} onclick={toggle}>
                    <span class="tw-disclosure-title">{ props.title.clone() }</span>
                    <span class="tw-disclosure-icon" aria-hidden="true"></span>
                </button>
            </h4>
            <div id={panel_id} class="tw-disclosure-panel" hidden={!*open}>{ props.children.clone() }</div>
        </div>
    }
}
