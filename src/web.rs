//! The browser boundary: everything that touches `web-sys` lives under here, kept thin.

pub mod config_loader;
pub mod content;
pub mod crash;
pub mod embed;
pub mod events;
pub mod focus;
pub mod fragment;
pub mod intl;
pub mod language;
pub mod styles;
pub mod storage;
