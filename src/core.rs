//! The pure core: content, clinic config, money and the rules the views show.
//!
//! Nothing here touches the browser (no `web-sys`, no `yew`), so all of it is tested natively with a
//! plain `cargo test`.

pub mod brand;
pub mod catalog;
pub mod config;
pub mod money;
pub mod route;
pub mod wording;
pub mod ranking;
pub mod suitability;
pub mod date;
pub mod financing;
pub mod schedule;
pub mod pricing;
pub mod price_config;
pub mod estimate_params;
pub mod quotes;
