//! Hooks that connect an instance's state to the browser.

pub mod use_fragment_route;
