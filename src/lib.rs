//! `treatment-widget`: an embeddable microneedling treatment explorer and cost estimator.
//!
//! Layers, from the inside out:
//! - [`core`]: pure Rust, no browser APIs; catalog, clinic config, money and rules.
//! - [`state`]: the app state as a `Reducible`; every visitor action is a value.
//! - [`components`]: Yew function components that render state and dispatch actions.
//! - [`web`]: the thin browser boundary (embedding, fetching, storage, `Intl`).

pub use treatment_widget_core as core;
pub mod app;
pub mod components;
pub mod hooks;
pub mod state;
pub mod web;
