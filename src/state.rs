//! The visitor's place in the widget, as a `Reducible`. Every action is a plain value, so the
//! transitions are testable without a browser.

use std::rc::Rc;

use yew::Reducible;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum View {
    Overview,
    Treatment(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppState {
    pub view: View,
}

impl Default for AppState {
    fn default() -> Self {
        AppState { view: View::Overview }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Show(View),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::Show(view) if view == self.view => self,
            Action::Show(view) => Rc::new(AppState { view }),
        }
    }
}
