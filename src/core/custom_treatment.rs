//! A clinic's own treatments (`customTreatments`): HydraFacial, fillers, its "Glow facial". They are
//! listed, found by concern, compared and priced like any other, but every word about them is the
//! clinic's, shown as "described by the clinic" and never mixed with the sourced catalog facts.

use crate::did_you_mean::unknown_id;
use serde::Deserialize;

use super::catalog::{Catalog, ConcernFit, Course, Downtime, Fact, Family, Fit, ResultsTimeline, Setting, Source, SourceKind, Treatment};
use super::config::ConfigError;
use super::texts::{allowed_in_plain_text, Lang, LocalText};

/// The source id every clinic-described statement carries.
pub const CLINIC_SOURCE: &str = "clinic";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct RawCustomTreatment {
    id: String,
    name: LocalText,
    summary: LocalText,
    #[serde(default)]
    details: Vec<RawDetail>,
    sessions: RawSessions,
    #[serde(default)]
    weeks_between: Option<RawWeeks>,
    #[serde(default)]
    downtime: Option<Downtime>,
    #[serde(default)]
    concerns: Vec<RawConcern>,
    #[serde(default)]
    areas: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDetail {
    title: LocalText,
    text: LocalText,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSessions {
    typical: u64,
    #[serde(default)]
    min: Option<u64>,
    #[serde(default)]
    max: Option<u64>,
}

/// Weeks between sessions: one number, or `{ "min": 4, "max": 6 }`.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum RawWeeks {
    One(u64),
    Range { min: u64, max: u64 },
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConcern {
    concern: String,
    fit: Fit,
}

/// A checked custom treatment, in every language it was given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CustomTreatment {
    pub id: String,
    pub name: LocalText,
    pub summary: LocalText,
    pub details: Vec<(LocalText, LocalText)>,
    pub sessions_min: u8,
    pub sessions_typical: u8,
    pub sessions_max: u8,
    pub spacing_days: (u16, u16),
    pub downtime: Option<Downtime>,
    pub concerns: Vec<(String, Fit)>,
    pub areas: Vec<String>,
}

fn err(path: impl Into<String>, message: impl Into<String>) -> ConfigError {
    ConfigError { path: path.into(), message: message.into() }
}

fn local_text(value: &LocalText, path: &str, max: usize) -> Result<LocalText, ConfigError> {
    for text in value.all() {
        let t = text.trim();
        if t.is_empty() || t.chars().count() > max || !t.chars().all(allowed_in_plain_text) {
            return Err(err(path, format!("must be 1 to {max} characters of plain text")));
        }
    }
    Ok(match value {
        LocalText::One(s) => LocalText::One(s.trim().to_string()),
        LocalText::PerLang(list) => LocalText::PerLang(list.iter().map(|(l, s)| (*l, s.trim().to_string())).collect()),
    })
}

/// Checks the clinic's treatments against the catalog (ids must not clash with it or each other;
/// concerns and areas must be the catalog's).
pub fn validate(raw: &[RawCustomTreatment], catalog: &Catalog) -> Result<Vec<CustomTreatment>, ConfigError> {
    let mut out: Vec<CustomTreatment> = Vec::new();
    for (i, t) in raw.iter().enumerate() {
        let at = format!("customTreatments[{i}]");
        let id_ok = !t.id.is_empty() && t.id.len() <= 40 && t.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !id_ok {
            return Err(err(format!("{at}.id"), "must be 1 to 40 lower-case letters, digits or -"));
        }
        if catalog.treatment(&t.id).is_some() {
            return Err(err(format!("{at}.id"), format!("{:?} is a built-in treatment; give the clinic's own a different id (or rename the built-in one with treatmentNames)", t.id)));
        }
        if out.iter().any(|o| o.id == t.id) {
            return Err(err(format!("{at}.id"), format!("{:?} is listed twice", t.id)));
        }
        let typical = t.sessions.typical;
        let min = t.sessions.min.unwrap_or(typical);
        let max = t.sessions.max.unwrap_or(typical);
        if !(1..=24).contains(&min) || !(min..=24).contains(&typical) || !(typical..=24).contains(&max) {
            return Err(err(format!("{at}.sessions"), "needs 1 <= min <= typical <= max <= 24"));
        }
        let weeks = match &t.weeks_between {
            None => (0, 0),
            Some(RawWeeks::One(w)) => (*w, *w),
            Some(RawWeeks::Range { min, max }) => (*min, *max),
        };
        if weeks.0 > weeks.1 || weeks.1 > 52 {
            return Err(err(format!("{at}.weeksBetween"), "must be whole weeks from 0 to 52, min no more than max"));
        }
        if max > 1 && weeks.0 == 0 {
            return Err(err(format!("{at}.weeksBetween"), "a course of more than one session needs at least a week between sessions"));
        }
        let mut concerns = Vec::new();
        for (j, c) in t.concerns.iter().enumerate() {
            if catalog.concern(&c.concern).is_none() {
                let known: Vec<&str> = catalog.concerns.iter().map(|c| c.id.as_str()).collect();
                return Err(err(format!("{at}.concerns[{j}].concern"), unknown_id(&c.concern, "a concern", &known)));
            }
            if concerns.iter().any(|(id, _): &(String, Fit)| *id == c.concern) {
                return Err(err(format!("{at}.concerns[{j}].concern"), format!("{:?} is listed twice", c.concern)));
            }
            concerns.push((c.concern.clone(), c.fit));
        }
        let mut areas: Vec<String> = Vec::new();
        for (j, a) in t.areas.iter().enumerate() {
            if catalog.area(a).is_none() {
                let known: Vec<&str> = catalog.areas.iter().map(|a| a.id.as_str()).collect();
                return Err(err(format!("{at}.areas[{j}]"), unknown_id(a, "an area", &known)));
            }
            if areas.contains(a) {
                return Err(err(format!("{at}.areas[{j}]"), format!("{a:?} is listed twice")));
            }
            areas.push(a.clone());
        }
        let mut details = Vec::new();
        for (j, d) in t.details.iter().enumerate() {
            details.push((local_text(&d.title, &format!("{at}.details[{j}].title"), 80)?, local_text(&d.text, &format!("{at}.details[{j}].text"), 1200)?));
        }
        out.push(CustomTreatment {
            id: t.id.clone(),
            name: local_text(&t.name, &format!("{at}.name"), 60)?,
            summary: local_text(&t.summary, &format!("{at}.summary"), 300)?,
            details,
            sessions_min: min as u8,
            sessions_typical: typical as u8,
            sessions_max: max as u8,
            spacing_days: ((weeks.0 * 7) as u16, (weeks.1 * 7) as u16),
            downtime: t.downtime,
            concerns,
            areas,
        });
    }
    Ok(out)
}

impl CustomTreatment {
    /// As a catalog treatment in `lang`: every statement is the clinic's and says so.
    pub fn treatment(&self, lang: Lang) -> Treatment {
        let said = |text: &str| Fact { text: text.to_string(), sources: vec![CLINIC_SOURCE.to_string()] };
        let summary = said(self.summary.get(lang));
        Treatment {
            id: self.id.clone(),
            name: self.name.get(lang).to_string(),
            family: Family::Clinic,
            setting: Setting::Professional,
            summary: summary.clone(),
            how_it_works: Vec::new(),
            needle_depth: None,
            course: Course {
                sessions_min: self.sessions_min,
                sessions_max: self.sessions_max,
                sessions_typical: self.sessions_typical,
                spacing_days_min: self.spacing_days.0,
                spacing_days_max: self.spacing_days.1,
                fact: said(""),
            },
            downtime: self.downtime.unwrap_or(Downtime::Low),
            downtime_detail: said(""),
            discomfort: said(""),
            results: None::<ResultsTimeline>,
            concerns: self.concerns.iter().map(|(c, fit)| ConcernFit { concern: c.clone(), fit: *fit, reason: summary.clone() }).collect(),
            areas: self.areas.clone(),
            best_for: said(""),
            risks: Vec::new(),
            avoid_if: Vec::new(),
            aftercare: Vec::new(),
            skin_tone_note: None,
            at_home_vs_professional: None,
            described_by_clinic: true,
            downtime_given: self.downtime.is_some(),
            clinic_sections: self.details.iter().map(|(t, x)| (t.get(lang).to_string(), x.get(lang).to_string())).collect(),
            catalog_name: None,
        }
    }
}

/// The catalog a clinic's visitors see in `lang`: the built-in one with the clinic's names for
/// built-in treatments (`treatmentNames`) and its own treatments added at the end.
pub fn clinic_catalog(base: &Catalog, custom: &[CustomTreatment], names: &[(String, LocalText)], lang: Lang, clinic_name: Option<&str>) -> Catalog {
    let mut catalog = base.clone();
    for (id, name) in names {
        if let Some(t) = catalog.treatments.iter_mut().find(|t| &t.id == id) {
            t.catalog_name = Some(std::mem::replace(&mut t.name, name.get(lang).to_string()));
        }
    }
    if !custom.is_empty() {
        catalog.sources.push(Source {
            id: CLINIC_SOURCE.to_string(),
            title: clinic_name.unwrap_or("The clinic").to_string(),
            publisher: clinic_name.unwrap_or("The clinic").to_string(),
            url: None,
            kind: SourceKind::Clinic,
        });
        catalog.treatments.extend(custom.iter().map(|c| c.treatment(lang)));
    }
    catalog
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    fn catalog() -> Catalog {
        Catalog::built_in().unwrap()
    }

    /// A valid treatment, changed by `edit`, validated alone (or with `others` before it).
    fn check_with(others: &[Value], edit: impl FnOnce(&mut Value)) -> Result<Vec<CustomTreatment>, ConfigError> {
        let mut t = json!({
            "id": "glow-facial", "name": "Glow facial", "summary": "A facial.",
            "sessions": {"typical": 3, "min": 2, "max": 4}, "weeksBetween": {"min": 2, "max": 4},
            "concerns": [{"concern": "dull-skin", "fit": "good"}], "areas": ["face"],
        });
        edit(&mut t);
        let mut list: Vec<Value> = others.to_vec();
        list.push(t);
        let raw: Vec<RawCustomTreatment> = serde_json::from_value(Value::Array(list)).expect("well-formed");
        validate(&raw, &catalog())
    }

    fn check(edit: impl FnOnce(&mut Value)) -> Result<Vec<CustomTreatment>, ConfigError> {
        check_with(&[], edit)
    }

    /// The path of the error, or "ok".
    fn at(r: Result<Vec<CustomTreatment>, ConfigError>) -> String {
        r.map(|_| "ok".to_string()).unwrap_or_else(|e| e.path)
    }

    #[test]
    fn a_valid_treatment_keeps_its_words_trimmed_and_its_course_in_days() {
        let t = check(|t| t["name"] = json!("  Glow facial  ")).unwrap().remove(0);
        assert_eq!(t.name, LocalText::One("Glow facial".into()));
        assert_eq!((t.sessions_min, t.sessions_typical, t.sessions_max), (2, 3, 4));
        assert_eq!(t.spacing_days, (14, 28));
        assert_eq!(t.concerns, vec![("dull-skin".to_string(), Fit::Good)]);
    }

    #[test]
    fn ids_are_short_lower_case_and_new() {
        assert_eq!(at(check(|t| t["id"] = json!(""))), "customTreatments[0].id");
        assert_eq!(at(check(|t| t["id"] = json!("a".repeat(40)))), "ok");
        assert_eq!(at(check(|t| t["id"] = json!("a".repeat(41)))), "customTreatments[0].id");
        assert_eq!(at(check(|t| t["id"] = json!("glow-2"))), "ok");
        assert_eq!(at(check(|t| t["id"] = json!("Glow"))), "customTreatments[0].id");
        assert_eq!(at(check(|t| t["id"] = json!("glow_facial"))), "customTreatments[0].id");
        assert_eq!(at(check(|t| t["id"] = json!("botox"))), "customTreatments[0].id", "a built-in id");
        let first = json!({"id": "glow-facial", "name": "A", "summary": "B", "sessions": {"typical": 1}});
        let other = json!({"id": "peel-plus", "name": "A", "summary": "B", "sessions": {"typical": 1}});
        assert_eq!(at(check_with(&[first], |_| ())), "customTreatments[1].id", "the same id twice");
        assert_eq!(at(check_with(&[other], |_| ())), "ok", "two different ids");
    }

    #[test]
    fn sessions_run_from_one_to_twenty_four_in_order() {
        let sessions = |min: u64, typical: u64, max: u64| at(check(|t| {
            t["sessions"] = json!({"min": min, "typical": typical, "max": max});
        }));
        assert_eq!(sessions(1, 1, 24), "ok");
        assert_eq!(sessions(24, 24, 24), "ok");
        assert_eq!(sessions(0, 1, 1), "customTreatments[0].sessions");
        assert_eq!(sessions(1, 1, 25), "customTreatments[0].sessions");
        assert_eq!(sessions(25, 25, 25), "customTreatments[0].sessions");
        assert_eq!(sessions(3, 2, 4), "customTreatments[0].sessions", "min above typical");
        assert_eq!(sessions(2, 4, 3), "customTreatments[0].sessions", "typical above max");
        // Without min and max, both are the typical number.
        let t = check(|t| t["sessions"] = json!({"typical": 5})).unwrap().remove(0);
        assert_eq!((t.sessions_min, t.sessions_max), (5, 5));
    }

    #[test]
    fn weeks_between_are_zero_to_fifty_two_and_at_least_one_for_a_course() {
        let weeks = |w: Value, max_sessions: u64| at(check(|t| {
            t["weeksBetween"] = w;
            t["sessions"] = json!({"min": 1, "typical": 1, "max": max_sessions});
        }));
        assert_eq!(weeks(json!({"min": 1, "max": 52}), 3), "ok");
        assert_eq!(weeks(json!({"min": 1, "max": 53}), 3), "customTreatments[0].weeksBetween");
        assert_eq!(weeks(json!({"min": 53, "max": 53}), 1), "customTreatments[0].weeksBetween");
        assert_eq!(weeks(json!({"min": 5, "max": 4}), 3), "customTreatments[0].weeksBetween");
        assert_eq!(weeks(json!({"min": 4, "max": 4}), 3), "ok");
        assert_eq!(weeks(json!(6), 3), "ok");
        // A single session needs no spacing; a course of two or more does.
        assert_eq!(weeks(json!(0), 1), "ok");
        assert_eq!(weeks(json!(0), 2), "customTreatments[0].weeksBetween");
        assert_eq!(weeks(json!({"min": 0, "max": 2}), 2), "customTreatments[0].weeksBetween");
        let one = check(|t| { t.as_object_mut().unwrap().remove("weeksBetween"); t["sessions"] = json!({"typical": 1}); }).unwrap().remove(0);
        assert_eq!(one.spacing_days, (0, 0));
    }

    #[test]
    fn concerns_and_areas_are_the_catalogs_each_once() {
        assert_eq!(at(check(|t| t["concerns"] = json!([{"concern": "dull-skin", "fit": "good"}, {"concern": "acne-scars", "fit": "some"}]))), "ok");
        assert_eq!(at(check(|t| t["concerns"] = json!([{"concern": "dull-skin", "fit": "good"}, {"concern": "dull-skin", "fit": "some"}]))), "customTreatments[0].concerns[1].concern");
        assert_eq!(at(check(|t| t["concerns"] = json!([{"concern": "freckles", "fit": "good"}]))), "customTreatments[0].concerns[0].concern");
        assert_eq!(at(check(|t| t["areas"] = json!(["face", "neck"]))), "ok");
        assert_eq!(at(check(|t| t["areas"] = json!(["face", "face"]))), "customTreatments[0].areas[1]");
        assert_eq!(at(check(|t| t["areas"] = json!(["elbow"]))), "customTreatments[0].areas[0]");
    }

    #[test]
    fn words_are_one_to_the_limit_of_plain_characters_in_every_language() {
        assert_eq!(at(check(|t| t["name"] = json!("x".repeat(60)))), "ok");
        assert_eq!(at(check(|t| t["name"] = json!("x".repeat(61)))), "customTreatments[0].name");
        // Counted in characters, not bytes: 60 accented letters fit.
        assert_eq!(at(check(|t| t["name"] = json!("é".repeat(60)))), "ok");
        assert_eq!(at(check(|t| t["name"] = json!("   "))), "customTreatments[0].name");
        assert_eq!(at(check(|t| t["name"] = json!("Glow\u{0007}"))), "customTreatments[0].name");
        assert_eq!(at(check(|t| t["name"] = json!({"en": "Glow facial", "es": ""}))), "customTreatments[0].name", "a blank language");
        assert_eq!(at(check(|t| t["name"] = json!({"en": "Glow facial", "es": "Facial luminoso"}))), "ok");
        assert_eq!(at(check(|t| t["summary"] = json!("x".repeat(301)))), "customTreatments[0].summary");
        assert_eq!(at(check(|t| t["details"] = json!([{"title": "x".repeat(81), "text": "ok"}]))), "customTreatments[0].details[0].title");
        assert_eq!(at(check(|t| t["details"] = json!([{"title": "ok", "text": "x".repeat(1201)}]))), "customTreatments[0].details[0].text");
        assert_eq!(at(check(|t| t["details"] = json!([{"title": "x".repeat(80), "text": "x".repeat(1200)}]))), "ok");
    }
}
