//! The estimator's inputs as a compact, shareable string, and how a (possibly stale, partial or
//! hostile) set of parameters becomes a complete, valid form for this clinic.
//!
//! Format: `t=rf-microneedling;a=face,neck;s=4;x=prp;p=pkg:course-4;f=promo-12;d=2026-12-01;w=28;e=2027-03-01;r=4`.
//! It never holds anything about the visitor's health: no concerns, no candidate answers.

use super::catalog::{Catalog, Course};
use super::config::ClinicConfig;
use super::date::Date;
use super::pricing::PaymentChoice;
use super::wording::span;

/// Parameters as found in a link or in storage; anything may be missing or wrong.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct EstimateParams {
    pub treatment: Option<String>,
    pub areas: Vec<String>,
    pub sessions: Option<u8>,
    pub add_ons: Vec<String>,
    pub payment: Option<PaymentChoice>,
    pub plan: Option<String>,
    pub start: Option<Date>,
    pub spacing_days: Option<u16>,
    pub event: Option<Date>,
    pub rollers_per_year: Option<u8>,
    pub location: Option<String>,
}

/// A complete form: every field valid for this clinic.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EstimateForm {
    pub treatment: String,
    pub areas: Vec<String>,
    pub sessions: u8,
    pub add_ons: Vec<String>,
    /// `None` means "the cheapest way", whatever that turns out to be.
    pub payment: Option<PaymentChoice>,
    pub plan: Option<String>,
    pub start: Date,
    pub spacing_days: u16,
    pub event: Option<Date>,
    pub rollers_per_year: u8,
    /// The clinic location priced (for a clinic with locations).
    pub location: Option<String>,
}

pub const MAX_SESSIONS: u8 = 24;
/// Rollers a year when the clinic does not say (`pricing.atHome.devicesPerYear`).
pub const DEFAULT_ROLLERS_PER_YEAR: u8 = 4;

/// The most sessions a visitor can ask for: one for a treatment done once (no spacing between
/// sessions in the catalog), else [`MAX_SESSIONS`].
pub fn max_sessions(course: &Course) -> u8 {
    if course.spacing_days_max == 0 {
        1
    } else {
        MAX_SESSIONS
    }
}

/// The gaps between sessions a visitor can choose for a course: from the shortest to the longest
/// spacing the catalog gives, a week apart (a month apart for spacings counted in months), one per
/// wording, plus `current` if it is not among them.
pub fn spacing_choices(course: &Course, current: u16) -> Vec<u16> {
    if course.spacing_days_max == 0 {
        return vec![0];
    }
    // Spans of 12 weeks or more are worded in months (see `wording::span`).
    let step = if course.spacing_days_max >= 84 { 30 } else { 7 };
    let mut v: Vec<u16> = (course.spacing_days_min..=course.spacing_days_max).step_by(step).collect();
    if v.last() != Some(&course.spacing_days_max) {
        v.push(course.spacing_days_max);
    }
    v.dedup_by_key(|d| span(*d, *d));
    if !v.contains(&current) {
        v.push(current);
        v.sort_unstable();
    }
    v
}

/// A comma-separated list from a link, each id once.
fn list(v: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for id in v.split(',').filter(|s| !s.is_empty()).take(16).map(|s| s.chars().take(40).collect::<String>()) {
        if !out.contains(&id) {
            out.push(id);
        }
    }
    out
}

impl EstimateParams {
    pub fn parse(text: &str) -> EstimateParams {
        let mut p = EstimateParams::default();
        for pair in text.split(';') {
            let Some((k, v)) = pair.split_once('=') else { continue };
            match k {
                "t" => p.treatment = Some(v.chars().take(60).collect()),
                "a" => p.areas = list(v),
                "s" => p.sessions = v.parse().ok(),
                "x" => p.add_ons = list(v),
                "p" => {
                    p.payment = match v.split_once(':') {
                        Some(("pkg", id)) => Some(PaymentChoice::Package(id.to_string())),
                        Some(("mem", id)) => Some(PaymentChoice::Membership(id.to_string())),
                        _ if v == "each" => Some(PaymentChoice::PerSession),
                        _ => None,
                    }
                }
                "f" => p.plan = Some(v.chars().take(40).collect()),
                "d" => p.start = Date::parse(v),
                "w" => p.spacing_days = v.parse().ok(),
                "e" => p.event = Date::parse(v),
                "r" => p.rollers_per_year = v.parse().ok(),
                "l" => p.location = Some(v.chars().take(40).collect()),
                _ => {}
            }
        }
        p
    }
}

impl EstimateForm {
    pub fn to_params(&self) -> EstimateParams {
        EstimateParams {
            treatment: Some(self.treatment.clone()),
            areas: self.areas.clone(),
            sessions: Some(self.sessions),
            add_ons: self.add_ons.clone(),
            payment: self.payment.clone(),
            plan: self.plan.clone(),
            start: Some(self.start),
            spacing_days: Some(self.spacing_days),
            event: self.event,
            rollers_per_year: Some(self.rollers_per_year),
            location: self.location.clone(),
        }
    }

    pub fn to_value(&self) -> String {
        let mut parts = Vec::new();
        if let Some(l) = &self.location {
            parts.push(format!("l={l}"));
        }
        parts.extend([
            format!("t={}", self.treatment),
            format!("a={}", self.areas.join(",")),
            format!("s={}", self.sessions),
        ]);
        if !self.add_ons.is_empty() {
            parts.push(format!("x={}", self.add_ons.join(",")));
        }
        match &self.payment {
            None => {}
            Some(PaymentChoice::PerSession) => parts.push("p=each".into()),
            Some(PaymentChoice::Package(id)) => parts.push(format!("p=pkg:{id}")),
            Some(PaymentChoice::Membership(id)) => parts.push(format!("p=mem:{id}")),
        }
        if let Some(plan) = &self.plan {
            parts.push(format!("f={plan}"));
        }
        parts.push(format!("d={}", self.start));
        parts.push(format!("w={}", self.spacing_days));
        if let Some(e) = self.event {
            parts.push(format!("e={e}"));
        }
        // Always written: the clinic's default can change between a link being shared and opened.
        parts.push(format!("r={}", self.rollers_per_year));
        parts.join(";")
    }

    /// Turns parameters into a valid form for this clinic, replacing what cannot be used with the
    /// defaults a visitor would expect. `None` when the clinic prices nothing it offers.
    pub fn resolve(params: &EstimateParams, config: &ClinicConfig, catalog: &Catalog, today: Date) -> Option<EstimateForm> {
        // A location the clinic has (the first when the link names none or an unknown one).
        let location = match config.locations.as_slice() {
            [] => None,
            list => Some(params.location.as_ref().filter(|id| list.iter().any(|l| &l.id == *id)).unwrap_or(&list[0].id).clone()),
        };
        let book = config.price_book(location.as_deref())?;
        let estimable = |id: &str| config.offers(id) && book.treatment(id).is_some() && catalog.treatment(id).is_some();
        let treatment = params
            .treatment
            .clone()
            .filter(|t| estimable(t))
            .or_else(|| config.offered_treatments.iter().find(|t| estimable(t)).cloned())?;
        let prices = book.treatment(&treatment)?;
        let course = &catalog.treatment(&treatment)?.course;

        let mut areas: Vec<String> = Vec::new();
        for a in &params.areas {
            if prices.area(a).is_some() && !areas.contains(a) {
                areas.push(a.clone());
            }
        }
        if areas.is_empty() {
            areas.push(prices.standard_area()?.to_string());
        }
        let sessions = params.sessions.filter(|s| (1..=max_sessions(course)).contains(s)).unwrap_or(course.sessions_typical.min(max_sessions(course)));
        let mut add_ons: Vec<String> = Vec::new();
        for a in params.add_ons.iter().filter(|a| prices.add_ons.contains(a)) {
            if !add_ons.contains(a) {
                add_ons.push(a.clone());
            }
        }
        let payment = params.payment.clone().filter(|p| match p {
            PaymentChoice::PerSession => true,
            PaymentChoice::Package(id) => book.packages.iter().any(|x| &x.id == id && x.treatment == treatment),
            PaymentChoice::Membership(id) => book
                .memberships
                .iter()
                .any(|m| &m.id == id && (m.treatments.is_empty() || m.treatments.contains(&treatment))),
        });
        let plan = params.plan.clone().filter(|id| book.plan(id).is_some());
        let spacing_days = params
            .spacing_days
            .filter(|d| (course.spacing_days_min..=course.spacing_days_max).contains(d))
            .unwrap_or(course.spacing_days_min);
        // A shared link from the past starts today instead.
        let start = params.start.filter(|d| *d >= today).unwrap_or(today);
        let event = params.event.filter(|e| *e >= today);
        let rollers_per_year = params
            .rollers_per_year
            .filter(|r| (1..=52).contains(r))
            .unwrap_or_else(|| default_rollers_per_year(config));
        Some(EstimateForm { treatment, areas, sessions, add_ons, payment, plan, start, spacing_days, event, rollers_per_year, location })
    }

    /// Switches treatment, resetting what belongs to the old one (areas, sessions, add-ons, plan of payment).
    pub fn with_treatment(&self, treatment: &str, config: &ClinicConfig, catalog: &Catalog, today: Date) -> Option<EstimateForm> {
        let params = EstimateParams {
            treatment: Some(treatment.to_string()),
            plan: self.plan.clone(),
            start: Some(self.start),
            event: self.event,
            rollers_per_year: Some(self.rollers_per_year),
            location: self.location.clone(),
            ..EstimateParams::default()
        };
        EstimateForm::resolve(&params, config, catalog, today)
    }
}

/// How many home rollers a year the comparison starts from: the clinic's figure, else the default.
pub fn default_rollers_per_year(config: &ClinicConfig) -> u8 {
    config.price_book(None).and_then(|b| b.at_home.as_ref()).map(|h| h.devices_per_year).unwrap_or(DEFAULT_ROLLERS_PER_YEAR)
}

/// The clinic's booking link with what the visitor priced, as query parameters
/// (`treatment`, `areas`, `sessions`), keeping any query or fragment the link already has.
pub fn booking_href(base: &str, form: &EstimateForm) -> String {
    let (before_hash, hash) = match base.split_once('#') {
        Some((b, h)) => (b, format!("#{h}")),
        None => (base, String::new()),
    };
    let separator = if before_hash.contains('?') { '&' } else { '?' };
    format!(
        "{before_hash}{separator}treatment={}&areas={}&sessions={}{hash}",
        query_encode(&form.treatment),
        query_encode(&form.areas.join(",")),
        form.sessions
    )
}

fn query_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"), // a comma in an area list too: %2C
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::testing::demo as setup;

    fn today() -> Date {
        Date::parse("2026-11-22").unwrap()
    }

    #[test]
    fn every_part_of_a_link_is_read_into_its_own_field() {
        let p = EstimateParams::parse("l=harbor;t=botox;a=face,neck;s=3;x=prp;p=pkg:course-4;f=p12;d=2027-01-05;w=30;e=2027-03-01;r=6;zz=1");
        let date = |s: &str| Date::parse(s);
        assert_eq!(p, EstimateParams {
            treatment: Some("botox".into()), areas: vec!["face".into(), "neck".into()], sessions: Some(3), add_ons: vec!["prp".into()],
            payment: Some(PaymentChoice::Package("course-4".into())), plan: Some("p12".into()), start: date("2027-01-05"),
            spacing_days: Some(30), event: date("2027-03-01"), rollers_per_year: Some(6), location: Some("harbor".into()),
        });
        let pay = |v: &str| EstimateParams::parse(&format!("p={v}")).payment;
        assert_eq!(pay("mem:skin-club"), Some(PaymentChoice::Membership("skin-club".into())));
        assert_eq!(pay("each"), Some(PaymentChoice::PerSession));
        assert_eq!(pay("every"), None);
        assert_eq!(pay("gift:x"), None);
    }

    #[test]
    fn a_form_written_to_a_link_reads_back_the_same() {
        let (catalog, config) = setup();
        let params = EstimateParams::parse("t=professional-microneedling;a=face;s=3;p=pkg:course-4;d=2027-01-05;w=35;e=2027-06-01;r=6");
        let form = EstimateForm::resolve(&params, &config, &catalog, today()).unwrap();
        assert_eq!(form.payment, Some(PaymentChoice::Package("course-4".into())));
        let again = EstimateForm::resolve(&EstimateParams::parse(&form.to_value()), &config, &catalog, today()).unwrap();
        assert_eq!(again, form);
        assert_eq!(form.to_params().treatment.as_deref(), Some("professional-microneedling"));
        assert_eq!(form.to_params().sessions, Some(3));
    }

    /// A two-location clinic: botox priced for the face and neck, a package and a membership for
    /// microneedling only, and one membership for everything.
    fn chain() -> (Catalog, ClinicConfig) {
        let catalog = Catalog::built_in().unwrap();
        let json = r#"{"version":1,"clinicName":"Rose","offeredTreatments":["botox","professional-microneedling"],
            "locations":[{"id":"downtown","name":"Downtown"},{"id":"harbor","name":"Harbor","priceAdjustPercent":10}],
            "pricing":{"treatments":{"botox":{"areas":{"face":300,"neck":200}},"professional-microneedling":{"areas":{"face":250}}},
              "packages":[{"id":"mn-3","name":"Three","treatment":"professional-microneedling","sessions":3,"price":650}],
              "memberships":[{"id":"mn-club","name":"MN club","monthlyFee":50,"percentOff":10,"treatments":["professional-microneedling"]},
                             {"id":"all-club","name":"All club","monthlyFee":60,"percentOff":10}]}}"#;
        let config = ClinicConfig::read(json, &catalog).unwrap().config;
        (catalog, config)
    }

    #[test]
    fn a_link_keeps_only_what_this_clinic_offers_for_this_treatment() {
        let (catalog, config) = chain();
        let form = |link: &str| EstimateForm::resolve(&EstimateParams::parse(link), &config, &catalog, today()).unwrap();
        // Locations: the one named, else the first.
        assert_eq!(form("l=harbor;t=botox").location.as_deref(), Some("harbor"));
        assert_eq!(form("l=uptown;t=botox").location.as_deref(), Some("downtown"));
        assert_eq!(form("t=botox").location.as_deref(), Some("downtown"));
        // Areas: the ones priced, each once; none left, the standard one.
        assert_eq!(form("t=botox;a=neck").areas, ["neck"]);
        assert_eq!(form("t=botox;a=elbow,neck").areas, ["neck"]);
        assert_eq!(form("t=botox;a=elbow").areas, ["face"]);
        // A package or membership for another treatment is dropped; one for this one, or for all, kept.
        assert_eq!(form("t=botox;p=pkg:mn-3").payment, None);
        assert_eq!(form("t=professional-microneedling;p=pkg:mn-3").payment, Some(PaymentChoice::Package("mn-3".into())));
        assert_eq!(form("t=botox;p=pkg:nope").payment, None);
        assert_eq!(form("t=botox;p=mem:mn-club").payment, None);
        assert_eq!(form("t=professional-microneedling;p=mem:mn-club").payment, Some(PaymentChoice::Membership("mn-club".into())));
        assert_eq!(form("t=botox;p=mem:all-club").payment, Some(PaymentChoice::Membership("all-club".into())));
        assert_eq!(form("t=botox;p=mem:nope").payment, None);
        // A membership chosen is written into the link and read back (as are a package and
        // paying per session, in the round trips above).
        let member = form("l=harbor;t=botox;p=mem:all-club");
        assert!(member.to_value().split(';').any(|kv| kv == "p=mem:all-club"), "{}", member.to_value());
        assert_eq!(form(&member.to_value()), member);
        // Switching treatment keeps the location chosen.
        let switched = form("l=harbor;t=botox").with_treatment("professional-microneedling", &config, &catalog, today()).unwrap();
        assert_eq!((switched.treatment.as_str(), switched.location.as_deref()), ("professional-microneedling", Some("harbor")));
    }

    #[test]
    fn a_form_round_trips_through_its_string() {
        let (catalog, config) = setup();
        let params = EstimateParams::parse("t=professional-microneedling;a=face;s=5;x=prp;p=each;f=promo-12;d=2026-12-01;w=35;e=2027-06-01;r=6");
        let form = EstimateForm::resolve(&params, &config, &catalog, today()).unwrap();
        assert_eq!(form.sessions, 5);
        assert_eq!(form.add_ons, vec!["prp"]);
        assert_eq!(form.spacing_days, 35);
        assert_eq!(form.rollers_per_year, 6);
        let again = EstimateForm::resolve(&EstimateParams::parse(&form.to_value()), &config, &catalog, today()).unwrap();
        assert_eq!(again, form);
    }

    #[test]
    fn junk_and_stale_values_fall_back_to_sensible_defaults() {
        let (catalog, config) = setup();
        let params = EstimateParams::parse("t=<script>;a=moon;s=99;x=gold;p=pkg:nope;f=loan-shark;d=2020-01-01;w=1;e=1999-01-01;r=0;zz=1");
        let form = EstimateForm::resolve(&params, &config, &catalog, today()).unwrap();
        assert!(config.offers(&form.treatment));
        let course = &catalog.treatment(&form.treatment).unwrap().course;
        assert_eq!(form.sessions, course.sessions_typical);
        assert_eq!(form.spacing_days, course.spacing_days_min);
        assert_eq!(form.start, today(), "a start in the past becomes today");
        assert_eq!(form.event, None);
        assert!(form.add_ons.is_empty() && form.payment.is_none() && form.plan.is_none());
        assert_eq!(form.areas.len(), 1);
        assert_eq!(form.rollers_per_year, 4, "the demo's devicesPerYear");
        // Empty, malformed and impossible values read as absent.
        assert_eq!(EstimateParams::parse("s=;;==;a=,,,;d=2026-02-30;x=;w=x;e=2027-13-01"), EstimateParams::default());
    }

    #[test]
    fn switching_treatment_keeps_the_visitors_dates_and_plan_and_resets_the_rest() {
        let (catalog, config) = setup();
        let link = "t=professional-microneedling;a=face;s=5;x=prp;f=promo-12;d=2026-12-01;e=2027-06-01;r=6";
        let form = EstimateForm::resolve(&EstimateParams::parse(link), &config, &catalog, today()).unwrap();
        let peel = form.with_treatment("chemical-peel", &config, &catalog, today()).unwrap();
        assert_eq!(peel.treatment, "chemical-peel");
        let course = &catalog.treatment("chemical-peel").unwrap().course;
        assert_eq!((peel.sessions, peel.spacing_days), (course.sessions_typical, course.spacing_days_min), "the peel's own course");
        assert!(peel.add_ons.is_empty(), "PRP belonged to microneedling");
        assert_eq!((peel.start, peel.event, peel.plan.as_deref(), peel.rollers_per_year), (form.start, form.event, Some("promo-12"), 6));
    }

    #[test]
    fn repeated_ids_in_a_link_are_kept_once() {
        let p = EstimateParams::parse("a=face,neck,face;x=prp,prp,prp");
        assert_eq!((p.areas, p.add_ons), (vec!["face".to_string(), "neck".to_string()], vec!["prp".to_string()]));
        let (catalog, config) = setup();
        let form = EstimateForm::resolve(&EstimateParams::parse("t=professional-microneedling;x=prp,prp,prp"), &config, &catalog, today()).unwrap();
        assert_eq!(form.add_ons, ["prp"]);
        assert!(form.to_value().contains(";x=prp;"));
    }

    #[test]
    fn sessions_run_from_one_to_the_limit_and_one_for_a_single_visit_treatment() {
        let (catalog, config) = setup();
        let sessions = |link: &str| EstimateForm::resolve(&EstimateParams::parse(link), &config, &catalog, today()).unwrap().sessions;
        assert_eq!(sessions("t=professional-microneedling;s=24"), 24);
        assert_eq!(sessions("t=professional-microneedling;s=1"), 1);
        // Out of range: the treatment's usual number instead (3 for professional microneedling).
        assert_eq!(sessions("t=professional-microneedling;s=25"), 3);
        assert_eq!(sessions("t=professional-microneedling;s=0"), 3);
        let once = Course { sessions_min: 1, sessions_max: 1, sessions_typical: 1, spacing_days_min: 0, spacing_days_max: 0, fact: crate::catalog::Fact { text: String::new(), sources: vec![] } };
        assert_eq!(max_sessions(&once), 1);
        assert_eq!(max_sessions(&catalog.treatment("botox").unwrap().course), MAX_SESSIONS, "repeat visits can be planned");
    }

    #[test]
    fn the_year_comparison_starts_from_the_clinics_own_roller_count() {
        let (catalog, mut config) = setup();
        config.pricing.as_mut().unwrap().at_home.as_mut().unwrap().devices_per_year = 12;
        let form = EstimateForm::resolve(&EstimateParams::default(), &config, &catalog, today()).unwrap();
        assert_eq!(form.rollers_per_year, 12);
        let form = EstimateForm::resolve(&EstimateParams::parse("r=6"), &config, &catalog, today()).unwrap();
        assert_eq!(form.rollers_per_year, 6, "the visitor's own figure wins");
        config.pricing.as_mut().unwrap().at_home = None;
        let form = EstimateForm::resolve(&EstimateParams::default(), &config, &catalog, today()).unwrap();
        assert_eq!(form.rollers_per_year, DEFAULT_ROLLERS_PER_YEAR);
    }

    #[test]
    fn spacing_choices_cover_the_range_a_week_apart_one_per_wording() {
        let (catalog, _) = setup();
        let pro = &catalog.treatment("professional-microneedling").unwrap().course; // 28–42 days
        assert_eq!(spacing_choices(pro, 28), vec![28, 35, 42]);
        assert_eq!(spacing_choices(pro, 30), vec![28, 30, 35, 42], "a value from a link is kept");
        let botox = &catalog.treatment("botox").unwrap().course; // 90–120 days: "3 months" and "4 months"
        assert_eq!(spacing_choices(botox, 90), vec![90, 120]);
        // A longest spacing the weekly steps do not land on is still offered: 7, 14, then 20 days.
        let mut odd = pro.clone();
        (odd.spacing_days_min, odd.spacing_days_max) = (7, 20);
        assert_eq!(spacing_choices(&odd, 7), vec![7, 14, 20]);
    }

    #[test]
    fn a_treatment_the_clinic_does_not_offer_is_not_estimated() {
        let (catalog, mut config) = setup();
        config.offered_treatments.retain(|t| t != "rf-microneedling");
        let form = EstimateForm::resolve(&EstimateParams::parse("t=rf-microneedling"), &config, &catalog, today()).unwrap();
        assert_ne!(form.treatment, "rf-microneedling");
        config.pricing = None;
        assert!(EstimateForm::resolve(&EstimateParams::default(), &config, &catalog, today()).is_none());
    }

    #[test]
    fn booking_links_carry_the_estimate() {
        let (catalog, config) = setup();
        let mut form = EstimateForm::resolve(&EstimateParams::parse("t=professional-microneedling;s=4"), &config, &catalog, today()).unwrap();
        form.areas = vec!["face".into(), "neck".into()];
        assert_eq!(
            booking_href("https://c.example/book", &form),
            "https://c.example/book?treatment=professional-microneedling&areas=face%2Cneck&sessions=4"
        );
        assert_eq!(
            booking_href("https://c.example/book?src=w#top", &form),
            "https://c.example/book?src=w&treatment=professional-microneedling&areas=face%2Cneck&sessions=4#top"
        );
    }
}
