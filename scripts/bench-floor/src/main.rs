//! Hello world in Yew: one function component with one piece of state, so the figure includes
//! the scheduler, hooks and event handling any interactive widget needs.
use yew::prelude::*;

#[component]
fn App() -> Html {
    let count = use_state(|| 0_u32);
    let add = {
        let count = count.clone();
        Callback::from(move |_| count.set(*count + 1))
    };
    html! {
        <main id="floor-ready">
            <p>{ "Hello, clinic" }</p>
            <button onclick={add}>{ format!("Clicked {} times", *count) }</button>
        </main>
    }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
