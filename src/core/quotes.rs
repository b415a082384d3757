//! Quick whole-course prices: the same concern priced across the clinic's treatments, and a year of
//! at-home rolling against a year with a professional course.

use super::catalog::{Catalog, Fit, Treatment};
use super::config::ClinicConfig;
use super::pricing::{estimate, EstimateInput, PriceBook, Range};
use super::ranking::rank;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CourseQuote<'a> {
    pub treatment: &'a Treatment,
    pub fit: Fit,
    /// The treatment's usual number of sessions.
    pub sessions: u8,
    /// One session of the clinic's standard area, before tax.
    pub per_session: Range,
    /// The usual course paying per session, tax included (as the estimator's total).
    pub total: Range,
    pub area: String,
}

/// Every treatment the clinic offers and prices in `book` that suits `concern`, best fit first,
/// each at its usual course length on the clinic's standard area, paying per session.
pub fn courses_for_concern<'a>(catalog: &'a Catalog, config: &ClinicConfig, book: Option<&PriceBook>, concern: &str) -> Vec<CourseQuote<'a>> {
    let Some(book) = book else { return Vec::new() };
    rank(catalog, &[concern.to_string()], |id| config.offers(id))
        .into_iter()
        .filter(|r| config.offers(&r.treatment.id))
        .filter_map(|r| {
            let (per_session, total, area) = usual_course(book, &r.treatment.id, r.treatment.course.sessions_typical)?;
            Some(CourseQuote { treatment: r.treatment, fit: r.matched[0].1, sessions: r.treatment.course.sessions_typical, per_session, total, area })
        })
        .collect()
}

/// A usual course of `sessions` on the clinic's standard area, paying per session: (per session
/// before tax, the course total with tax, the area), worked out by the estimator itself.
fn usual_course(book: &PriceBook, treatment: &str, sessions: u8) -> Option<(Range, Range, String)> {
    let area = book.treatment(treatment)?.standard_area()?.to_string();
    let input = EstimateInput { treatment: treatment.to_string(), areas: vec![area.clone()], sessions, add_ons: vec![], spacing_days: 28 };
    let e = estimate(book, &input).ok()?;
    Some((e.per_session, e.options[0].total, area))
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearCost {
    pub rollers_per_year: u8,
    pub at_home: Range,
    pub professional_sessions: u8,
    pub professional: Range,
}

/// A year of at-home rolling (rollers bought) against one usual professional course in a year.
pub fn year_of_each(catalog: &Catalog, book: Option<&PriceBook>, rollers_per_year: u8) -> Option<YearCost> {
    let book = book?;
    let at_home = book.at_home.as_ref()?;
    let pro = catalog.treatment("professional-microneedling")?;
    let (_, professional, _) = usual_course(book, &pro.id, pro.course.sessions_typical)?;
    Some(YearCost {
        rollers_per_year,
        at_home: at_home.device * i64::from(rollers_per_year),
        professional_sessions: pro.course.sessions_typical,
        professional,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::testing::demo as setup;

    #[test]
    fn acne_scars_are_priced_across_offered_treatments() {
        let (catalog, config) = setup();
        let quotes = courses_for_concern(&catalog, &config, config.pricing.as_ref(), "acne-scars");
        assert!(quotes.len() >= 3);
        for q in &quotes {
            assert!(config.offers(&q.treatment.id));
            // The demo prices one face session of each at its published range (content/demo-clinic.json).
            let face = match q.treatment.id.as_str() {
                "professional-microneedling" | "acne-scar-microneedling" | "anti-aging-microneedling" | "pigmentation-microneedling" => Range::new(15_000, 70_000),
                "microneedling-with-prp" => Range::new(20_000, 100_000),
                "rf-microneedling" => Range::new(50_000, 390_000),
                "chemical-peel" => Range::new(10_000, 35_000),
                "laser-resurfacing" => Range::new(100_000, 400_000),
                "microdermabrasion" => Range::new(7_500, 30_000),
                "botox" => Range::new(10_000, 280_000),
                other => panic!("{other} is not priced for the face in the demo"),
            };
            let n = i64::from(q.sessions);
            assert_eq!((q.per_session, q.total), (face, Range::new(face.low * n, face.high * n)), "{}", q.treatment.id);
            assert_eq!(q.sessions, q.treatment.course.sessions_typical);
        }
        assert!(quotes.windows(2).all(|w| w[0].fit <= w[1].fit), "best fit first");
    }

    #[test]
    fn a_treatment_the_clinic_does_not_offer_is_left_out() {
        let (catalog, mut config) = setup();
        config.offered_treatments.retain(|t| t != "laser-resurfacing");
        assert!(!courses_for_concern(&catalog, &config, config.pricing.as_ref(), "acne-scars").iter().any(|q| q.treatment.id == "laser-resurfacing"));
    }

    #[test]
    fn a_course_is_priced_on_the_clinics_standard_area_the_first_it_lists() {
        let (catalog, _) = setup();
        let json = r#"{"version":1,"clinicName":"X","offeredTreatments":["professional-microneedling"],
            "pricing":{"treatments":{"professional-microneedling":{"areas":{"neck":100,"face":200,"hands":300}}},
            "atHome":{"devicePrice":6,"devicesPerYear":4}}}"#;
        let config = ClinicConfig::from_json(json, &catalog).unwrap();
        let quotes = courses_for_concern(&catalog, &config, config.pricing.as_ref(), "fine-lines-wrinkles");
        let q = quotes.iter().find(|q| q.treatment.id == "professional-microneedling").unwrap();
        let n = i64::from(q.treatment.course.sessions_typical);
        assert_eq!((q.area.as_str(), q.per_session, q.total), ("neck", Range::exact(10_000), Range::exact(10_000 * n)));
        let year = year_of_each(&catalog, config.pricing.as_ref(), 4).unwrap();
        assert_eq!(year.professional, Range::exact(10_000 * n), "the year comparison uses the neck too");
    }

    #[test]
    fn course_totals_include_tax_as_the_estimate_does() {
        let (catalog, _) = setup();
        let json = r#"{"version":1,"clinicName":"X","currency":"GBP","offeredTreatments":["chemical-peel"],
            "pricing":{"treatments":{"chemical-peel":{"areas":{"face":{"low":100,"high":150}}}},"tax":{"label":"VAT","percent":20}}}"#;
        let config = ClinicConfig::from_json(json, &catalog).unwrap();
        let q = &courses_for_concern(&catalog, &config, config.pricing.as_ref(), "dull-skin")[0];
        let n = i64::from(q.sessions);
        // Per session before VAT; the course with 20 % VAT on top.
        assert_eq!(q.per_session, Range::new(10_000, 15_000));
        assert_eq!(q.total, Range::new(10_000 * n * 12 / 10, 15_000 * n * 12 / 10));
    }

    #[test]
    fn a_year_of_each() {
        let (catalog, config) = setup();
        let y = year_of_each(&catalog, config.pricing.as_ref(), 4).unwrap();
        assert_eq!(y.at_home, Range::new(2_400, 2_400));
        assert_eq!(y.professional_sessions, 3);
        assert_eq!(y.professional, Range::new(45_000, 210_000));
    }
}
