//! The pure core: content, clinic config, money and the rules the views show.
//!
//! Its own crate, so nothing here can touch the browser (it does not depend on `web-sys` or `yew`)
//! and all of it is tested natively, quickly: `cargo test -p treatment-widget-core`. The widget
//! re-exports it as `treatment_widget::core`.

pub mod brand;
pub mod catalog;
pub mod config;
pub mod config_path;
pub mod did_you_mean;
pub mod custom_treatment;
pub mod texts;
pub mod money;
pub mod route;
pub mod wording;
pub mod ranking;
pub mod suitability;
pub mod date;
pub mod financing;
pub mod schedule;
pub mod timeline;
pub mod cost_scale;
pub mod skin_depth;
pub mod pricing;
pub mod price_config;
pub mod estimate_params;
pub mod quotes;

/// Shared set-up for the core's tests.
#[cfg(test)]
pub(crate) mod testing {
    use super::catalog::Catalog;
    use super::config::ClinicConfig;

    /// The built-in catalog and the demo clinic, as the widget starts with them.
    pub fn demo() -> (Catalog, ClinicConfig) {
        let catalog = Catalog::built_in().expect("the built-in catalog parses");
        let config = ClinicConfig::demo(&catalog).expect("the demo clinic is valid");
        (catalog, config)
    }
}
