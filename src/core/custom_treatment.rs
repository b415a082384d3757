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
