//! The treatment catalog: every fact the widget states, each with the source it came from.
//!
//! The catalog is content, not code: it lives in `content/catalog.json` and is compiled in, so the
//! widget never waits on a second download before it can explain anything.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

/// The catalog compiled into the widget.
pub const CATALOG_JSON: &str = include_str!("../../content/catalog.json");

/// One statement shown to a visitor, with the sources that support it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub text: String,
    pub sources: Vec<String>,
}

/// Where facts come from: one of the source articles, or a named public reference.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: String,
    /// Who published it (a site, a society, a journal).
    pub publisher: String,
    #[serde(default)]
    pub url: Option<String>,
    pub kind: SourceKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    /// One of the four articles the product's content is based on.
    Article,
    /// A dermatology society, regulator or peer-reviewed review.
    Reference,
    /// Public price listings (used only for the demo clinic's typical ranges).
    PriceSurvey,
    /// The clinic itself, for its own treatments (never in the built-in catalog).
    Clinic,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Concern {
    pub id: String,
    pub name: String,
    pub summary: Fact,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    pub id: String,
    pub name: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Family {
    Microneedling,
    ChemicalPeel,
    LaserResurfacing,
    Microdermabrasion,
    Botox,
    /// A clinic's own treatment, described by the clinic.
    Clinic,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Setting {
    Professional,
    AtHome,
}

/// Downtime on the scale the sources use, from none to high.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Downtime {
    None,
    VeryLow,
    Low,
    Medium,
    High,
}

impl Downtime {
    /// The steps of the scale the picture draws, after "none".
    pub const STEPS: u8 = 4;

    /// How many of the [`Downtime::STEPS`] the picture fills: none 0, very low 1 ... high 4.
    pub fn steps(self) -> u8 {
        match self {
            Downtime::None => 0,
            Downtime::VeryLow => 1,
            Downtime::Low => 2,
            Downtime::Medium => 3,
            Downtime::High => 4,
        }
    }

    /// The id used in strings (`downtime.very-low`).
    pub fn id(self) -> &'static str {
        match self {
            Downtime::None => "none",
            Downtime::VeryLow => "very-low",
            Downtime::Low => "low",
            Downtime::Medium => "medium",
            Downtime::High => "high",
        }
    }
}

/// How well a treatment suits a concern, strongest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Fit {
    Strong,
    Good,
    Some,
}

impl Fit {
    /// Weight used by the concern ranking; a strong fit outweighs any single weaker one.
    pub fn weight(self) -> u32 {
        match self {
            Fit::Strong => 3,
            Fit::Good => 2,
            Fit::Some => 1,
        }
    }

    /// The id used in strings (`fit.strong`). The words order how commonly the sources use a
    /// treatment for a concern, not a grade of how well it works for any one person.
    pub fn id(self) -> &'static str {
        match self {
            Fit::Strong => "strong",
            Fit::Good => "good",
            Fit::Some => "some",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConcernFit {
    pub concern: String,
    pub fit: Fit,
    /// One line: why this treatment helps this concern.
    pub reason: Fact,
}

/// Needle depth in hundredths of a millimetre (0.25 mm is 25), so no floats are needed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NeedleDepth {
    pub min_hundredths_mm: u16,
    pub max_hundredths_mm: u16,
    pub fact: Fact,
}

/// Typical thickness of the skin's layers where microneedling is used, for the picture of needle
/// depth against the skin. Micrometres, as the measuring study reports them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SkinSite {
    /// The thinnest and thickest outer layer measured.
    pub epidermis_um: (u32, u32),
    /// The thinnest and thickest dermis measured beneath it.
    pub dermis_um: (u32, u32),
    /// The figures in words, with the study that measured them.
    pub fact: Fact,
}

/// The layers of the skin, from the surface down.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SkinLayer {
    Epidermis,
    Dermis,
    Fat,
}

impl SkinLayer {
    /// The id used in strings (`skin.layer.dermis`).
    pub fn id(self) -> &'static str {
        match self {
            SkinLayer::Epidermis => "epidermis",
            SkinLayer::Dermis => "dermis",
            SkinLayer::Fat => "fat",
        }
    }
}

/// Which layer a concern's changes sit in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SkinConcern {
    pub concern: String,
    pub layer: SkinLayer,
    pub fact: Fact,
}

/// The skin, drawn behind the needles: the face's layers and where concerns sit in them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Skin {
    pub face: SkinSite,
    /// What the picture must not be read as saying (that longer needles are better).
    pub note: Fact,
    pub concerns: Vec<SkinConcern>,
}

/// A typical course: how many sessions and how far apart.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Course {
    pub sessions_min: u8,
    pub sessions_max: u8,
    /// The usual number of sessions the estimator starts from.
    pub sessions_typical: u8,
    /// Spacing between sessions in days (for at-home use this is days between uses).
    pub spacing_days_min: u16,
    pub spacing_days_max: u16,
    pub fact: Fact,
}

/// When results show: an early change and the full result, in days after the first session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResultsTimeline {
    pub early_days: u16,
    pub early: Fact,
    pub full_days_min: u16,
    pub full_days_max: u16,
    pub full: Fact,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Treatment {
    pub id: String,
    pub name: String,
    pub family: Family,
    pub setting: Setting,
    /// One line for cards and the ranking.
    pub summary: Fact,
    pub how_it_works: Vec<Fact>,
    #[serde(default)]
    pub needle_depth: Option<NeedleDepth>,
    pub course: Course,
    pub downtime: Downtime,
    pub downtime_detail: Fact,
    pub discomfort: Fact,
    /// When results show; absent when the sources give no timeline (at-home rolling).
    #[serde(default)]
    pub results: Option<ResultsTimeline>,
    pub concerns: Vec<ConcernFit>,
    /// Area ids from the catalog's area list.
    pub areas: Vec<String>,
    pub best_for: Fact,
    pub risks: Vec<Fact>,
    pub avoid_if: Vec<Fact>,
    pub aftercare: Vec<Fact>,
    #[serde(default)]
    pub skin_tone_note: Option<Fact>,
    /// For microneedling variants: what differs between doing it at home and at a clinic.
    #[serde(default)]
    pub at_home_vs_professional: Option<Fact>,
    /// A clinic's own treatment: every word is the clinic's (see `custom_treatment`).
    #[serde(default, skip_serializing)]
    pub described_by_clinic: bool,
    /// Whether the clinic gave the downtime (its own treatments only).
    #[serde(default, skip_serializing)]
    pub downtime_given: bool,
    /// The clinic's own sections (title, text) for its treatments.
    #[serde(default, skip_serializing)]
    pub clinic_sections: Vec<(String, String)>,
    /// The catalog's name when the clinic renamed the treatment (`treatmentNames`).
    #[serde(default, skip_serializing)]
    pub catalog_name: Option<String>,
}

impl Treatment {
    /// Whether it is used on the face, whose skin the needle-depth picture draws (the measured
    /// layers are the face's, not the scalp's or the body's).
    pub fn used_on_face(&self) -> bool {
        self.areas.iter().any(|a| a == "face")
    }
}

/// One stage of "what to expect", in the order a visitor lives through it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectationStage {
    pub id: String,
    pub title: String,
    pub points: Vec<Fact>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Myth {
    pub id: String,
    pub myth: String,
    pub fact: Fact,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FaqEntry {
    pub id: String,
    pub question: String,
    pub answer: Fact,
}

/// How strongly a "yes" to a candidate question bears on a treatment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Caution {
    /// The sources say to avoid the treatment while this applies.
    NotWhileThisApplies,
    /// A professional should look first; it may still be possible.
    ReviewFirst,
}

/// Which treatments a caution applies to: a whole family, or named treatments.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CautionRule {
    #[serde(default)]
    pub families: Vec<Family>,
    #[serde(default)]
    pub treatments: Vec<String>,
    pub caution: Caution,
    pub reason: Fact,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CandidateQuestion {
    pub id: String,
    /// A yes/no question in plain words ("Are you pregnant?").
    pub question: String,
    #[serde(default)]
    pub hint: Option<String>,
    pub rules: Vec<CautionRule>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    pub sources: Vec<Source>,
    /// What microneedling is and does, for the explorer's opening view.
    pub overview: Vec<Fact>,
    pub concerns: Vec<Concern>,
    pub areas: Vec<Area>,
    pub treatments: Vec<Treatment>,
    pub expectations: Vec<ExpectationStage>,
    pub myths: Vec<Myth>,
    pub faq: Vec<FaqEntry>,
    pub candidate_questions: Vec<CandidateQuestion>,
    /// The skin's layers for the needle-depth picture; without it the picture is not drawn.
    #[serde(default)]
    pub skin: Option<Skin>,
}

/// The nine microneedling variants the explorer must cover, by id.
pub const MICRONEEDLING_VARIANTS: [&str; 9] = [
    "professional-microneedling",
    "at-home-microneedling",
    "rf-microneedling",
    "microneedling-with-prp",
    "scalp-microneedling",
    "acne-scar-microneedling",
    "anti-aging-microneedling",
    "stretch-mark-microneedling",
    "pigmentation-microneedling",
];

/// The treatments microneedling is compared with, by id.
pub const COMPARISON_TREATMENTS: [&str; 4] =
    ["chemical-peel", "laser-resurfacing", "microdermabrasion", "botox"];

/// The concerns a visitor can pick from, by id.
pub const CONCERNS: [&str; 10] = [
    "acne-scars",
    "fine-lines-wrinkles",
    "uneven-texture",
    "enlarged-pores",
    "hyperpigmentation-sun-damage",
    "stretch-marks",
    "thinning-hair",
    "loss-of-firmness",
    "dull-skin",
    "surgical-scars",
];

impl Catalog {
    /// The catalog compiled into the widget. It is checked by the native tests, so parsing it
    /// cannot fail in a shipped build; should it ever, the caller gets the message, not a panic.
    pub fn built_in() -> Result<Catalog, String> {
        Catalog::from_json(CATALOG_JSON)
    }

    /// A catalog in another language, as fetched.
    pub fn from_json(json: &str) -> Result<Catalog, String> {
        serde_json::from_str(json).map_err(|e| format!("the treatment guide's content is invalid: {e}"))
    }

    pub fn treatment(&self, id: &str) -> Option<&Treatment> {
        self.treatments.iter().find(|t| t.id == id)
    }

    pub fn concern(&self, id: &str) -> Option<&Concern> {
        self.concerns.iter().find(|c| c.id == id)
    }

    pub fn area(&self, id: &str) -> Option<&Area> {
        self.areas.iter().find(|a| a.id == id)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// Every fact in the catalog, with a label saying where it sits (for checks and the Sources view).
    pub fn facts(&self) -> Vec<(String, &Fact)> {
        let mut out: Vec<(String, &Fact)> = Vec::new();
        for (i, f) in self.overview.iter().enumerate() {
            out.push((format!("overview[{i}]"), f));
        }
        for c in &self.concerns {
            out.push((format!("concern {}", c.id), &c.summary));
        }
        for t in &self.treatments {
            let at = |field: &str| format!("{} {field}", t.id);
            out.push((at("summary"), &t.summary));
            out.extend(t.how_it_works.iter().map(|f| (at("how_it_works"), f)));
            if let Some(d) = &t.needle_depth {
                out.push((at("needle_depth"), &d.fact));
            }
            out.push((at("course"), &t.course.fact));
            out.push((at("downtime_detail"), &t.downtime_detail));
            out.push((at("discomfort"), &t.discomfort));
            if let Some(r) = &t.results {
                out.push((at("results.early"), &r.early));
                out.push((at("results.full"), &r.full));
            }
            out.extend(t.concerns.iter().map(|c| (at(&format!("concern {}", c.concern)), &c.reason)));
            out.push((at("best_for"), &t.best_for));
            out.extend(t.risks.iter().map(|f| (at("risks"), f)));
            out.extend(t.avoid_if.iter().map(|f| (at("avoid_if"), f)));
            out.extend(t.aftercare.iter().map(|f| (at("aftercare"), f)));
            if let Some(f) = &t.skin_tone_note {
                out.push((at("skin_tone_note"), f));
            }
            if let Some(f) = &t.at_home_vs_professional {
                out.push((at("at_home_vs_professional"), f));
            }
        }
        for s in &self.expectations {
            out.extend(s.points.iter().map(|f| (format!("expectation {}", s.id), f)));
        }
        for m in &self.myths {
            out.push((format!("myth {}", m.id), &m.fact));
        }
        for q in &self.faq {
            out.push((format!("faq {}", q.id), &q.answer));
        }
        for q in &self.candidate_questions {
            out.extend(q.rules.iter().map(|r| (format!("candidate {}", q.id), &r.reason)));
        }
        if let Some(skin) = &self.skin {
            out.push(("skin face".to_string(), &skin.face.fact));
            out.push(("skin note".to_string(), &skin.note));
            out.extend(skin.concerns.iter().map(|c| (format!("skin concern {}", c.concern), &c.fact)));
        }
        out
    }

    /// Everything that would make the catalog mislead a visitor, as readable lines. Empty is good.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let source_ids: BTreeSet<&str> = self.sources.iter().map(|s| s.id.as_str()).collect();
        for (at, fact) in self.facts() {
            if fact.text.trim().is_empty() {
                problems.push(format!("{at}: empty text"));
            }
            if fact.sources.is_empty() {
                problems.push(format!("{at}: no source for \"{}\"", fact.text));
            }
            for s in &fact.sources {
                if !source_ids.contains(s.as_str()) {
                    problems.push(format!("{at}: unknown source \"{s}\""));
                }
            }
        }
        for s in &self.sources {
            if s.kind == SourceKind::Clinic {
                problems.push(format!("source {}: the built-in catalog cannot cite a clinic", s.id));
            }
            if s.kind != SourceKind::Article && s.kind != SourceKind::Clinic && s.url.is_none() {
                problems.push(format!("source {}: a reference needs a URL", s.id));
            }
        }
        let mut seen = BTreeSet::new();
        for t in &self.treatments {
            if !seen.insert(t.id.as_str()) {
                problems.push(format!("treatment {} appears twice", t.id));
            }
            problems.extend(treatment_problems(self, t));
        }
        for id in MICRONEEDLING_VARIANTS.iter().chain(COMPARISON_TREATMENTS.iter()) {
            if self.treatment(id).is_none() {
                problems.push(format!("treatment {id} is missing"));
            }
        }
        for id in CONCERNS {
            if self.concern(id).is_none() {
                problems.push(format!("concern {id} is missing"));
            }
            if !self.treatments.iter().any(|t| t.concerns.iter().any(|c| c.concern == id)) {
                problems.push(format!("concern {id} is not reached by any treatment"));
            }
        }
        if let Some(skin) = &self.skin {
            problems.extend(skin_problems(self, skin));
        }
        for q in &self.candidate_questions {
            for r in &q.rules {
                if r.families.is_empty() && r.treatments.is_empty() {
                    problems.push(format!("candidate {}: a rule names no treatment", q.id));
                }
                for id in &r.treatments {
                    if self.treatment(id).is_none() {
                        problems.push(format!("candidate {}: unknown treatment {id}", q.id));
                    }
                }
            }
        }
        problems
    }
}

fn skin_problems(catalog: &Catalog, skin: &Skin) -> Vec<String> {
    let mut p = Vec::new();
    for (layer, (thinnest, thickest)) in [("epidermis", skin.face.epidermis_um), ("dermis", skin.face.dermis_um)] {
        if thinnest == 0 || thinnest > thickest {
            p.push(format!("skin: the {layer}'s thickness range is invalid"));
        }
    }
    let mut seen = BTreeSet::new();
    for c in &skin.concerns {
        if catalog.concern(&c.concern).is_none() {
            p.push(format!("skin: unknown concern {}", c.concern));
        }
        if !seen.insert(c.concern.as_str()) {
            p.push(format!("skin: concern {} is placed twice", c.concern));
        }
    }
    p
}

fn treatment_problems(catalog: &Catalog, t: &Treatment) -> Vec<String> {
    let mut p = Vec::new();
    let c = &t.course;
    if t.how_it_works.is_empty() {
        p.push(format!("{}: how_it_works is empty", t.id));
    }
    if !(c.sessions_min >= 1 && c.sessions_min <= c.sessions_typical && c.sessions_typical <= c.sessions_max) {
        p.push(format!("{}: sessions must satisfy 1 <= min <= typical <= max", t.id));
    }
    if c.spacing_days_min > c.spacing_days_max {
        p.push(format!("{}: spacing min is above max", t.id));
    }
    if let Some(r) = &t.results {
        if r.full_days_min > r.full_days_max || r.early_days > r.full_days_min {
            p.push(format!("{}: results timeline is out of order", t.id));
        }
    }
    if c.sessions_max > 1 && c.spacing_days_min == 0 {
        p.push(format!("{}: a course of more than one session needs a spacing of at least a day", t.id));
    }
    if let Some(d) = &t.needle_depth {
        if d.min_hundredths_mm > d.max_hundredths_mm || d.max_hundredths_mm == 0 {
            p.push(format!("{}: needle depth range is invalid", t.id));
        }
    }
    if t.family == Family::Microneedling && t.needle_depth.is_none() {
        p.push(format!("{}: microneedling needs a needle depth", t.id));
    }
    if t.family == Family::Microneedling && t.at_home_vs_professional.is_none() {
        p.push(format!("{}: microneedling needs an at-home vs professional note", t.id));
    }
    for (name, list) in [("risks", &t.risks), ("avoid_if", &t.avoid_if), ("aftercare", &t.aftercare)] {
        if list.is_empty() {
            p.push(format!("{}: {name} is empty", t.id));
        }
    }
    if t.concerns.is_empty() {
        p.push(format!("{}: suits no concern", t.id));
    }
    for fit in &t.concerns {
        if catalog.concern(&fit.concern).is_none() {
            p.push(format!("{}: unknown concern {}", t.id, fit.concern));
        }
    }
    if t.areas.is_empty() {
        p.push(format!("{}: no treatable area", t.id));
    }
    for a in &t.areas {
        if catalog.area(a).is_none() {
            p.push(format!("{}: unknown area {a}", t.id));
        }
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> Catalog {
        Catalog::built_in().expect("the built-in catalog parses")
    }

    #[test]
    fn the_downtime_scale_fills_one_more_step_per_level_up_to_all() {
        // The levels in the order the sources rank them (the enum's own order), each one step more.
        let levels = [Downtime::None, Downtime::VeryLow, Downtime::Low, Downtime::Medium, Downtime::High];
        assert_eq!(levels.map(Downtime::steps), [0, 1, 2, 3, 4]);
        assert!(levels.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(Downtime::High.steps(), Downtime::STEPS);
    }

    #[test]
    fn the_built_in_catalog_is_complete_and_sourced() {
        let problems = catalog().problems();
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn all_nine_variants_and_four_alternatives_are_present() {
        let c = catalog();
        for id in MICRONEEDLING_VARIANTS {
            assert_eq!(c.treatment(id).map(|t| t.family), Some(Family::Microneedling), "{id}");
        }
        for id in COMPARISON_TREATMENTS {
            assert!(c.treatment(id).is_some_and(|t| t.family != Family::Microneedling), "{id}");
        }
        assert_eq!(c.treatment("at-home-microneedling").unwrap().setting, Setting::AtHome);
    }

    #[test]
    fn depths_match_the_sources() {
        let c = catalog();
        let at_home = c.treatment("at-home-microneedling").unwrap().needle_depth.clone().unwrap();
        assert_eq!((at_home.min_hundredths_mm, at_home.max_hundredths_mm), (25, 50));
        let pro = c.treatment("professional-microneedling").unwrap().needle_depth.clone().unwrap();
        assert_eq!(pro.max_hundredths_mm, 250);
        let pro_course = &c.treatment("professional-microneedling").unwrap().course;
        assert_eq!((pro_course.sessions_min, pro_course.sessions_max), (3, 6));
        assert_eq!((pro_course.spacing_days_min, pro_course.spacing_days_max), (28, 42));
    }

    #[test]
    fn every_source_is_used_and_every_article_is_cited() {
        let c = catalog();
        let used: BTreeSet<&str> = c.facts().iter().flat_map(|(_, f)| f.sources.iter().map(String::as_str)).collect();
        for s in &c.sources {
            assert!(used.contains(s.id.as_str()), "source {} is listed but never cited", s.id);
        }
        assert_eq!(c.sources.iter().filter(|s| s.kind == SourceKind::Article).count(), 4);
    }

    #[test]
    fn problems_catches_what_would_mislead() {
        let mut c = catalog();
        c.overview[0].sources = vec![];
        c.overview[1].sources = vec!["made-up".into()];
        c.treatments.retain(|t| t.id != "botox");
        c.treatments[0].concerns[0].concern = "nope".into();
        c.treatments.retain(|t| !t.concerns.iter().any(|f| f.concern == "thinning-hair"));
        let p = c.problems().join("\n");
        assert!(p.contains("overview[0]: no source"), "{p}");
        assert!(p.contains("unknown source \"made-up\""), "{p}");
        assert!(p.contains("treatment botox is missing"), "{p}");
        assert!(p.contains("unknown concern nope"), "{p}");
        assert!(p.contains("concern thinning-hair is not reached"), "{p}");
    }

    #[test]
    fn courses_and_timelines_out_of_order_are_caught() {
        let with = |change: &dyn Fn(&mut Treatment)| {
            let mut c = catalog();
            let t = c.treatments.iter_mut().find(|t| t.id == "professional-microneedling").unwrap();
            change(t);
            c.problems().join("\n")
        };
        let sessions = "professional-microneedling: sessions must satisfy 1 <= min <= typical <= max";
        assert!(with(&|t| t.course.sessions_min = 0).contains(sessions));
        assert!(with(&|t| t.course.sessions_min = t.course.sessions_typical + 1).contains(sessions));
        assert!(with(&|t| t.course.sessions_max = t.course.sessions_typical - 1).contains(sessions));
        assert!(!with(&|t| t.course.sessions_min = t.course.sessions_typical).contains(sessions), "min equal to typical is fine");
        let timeline = "professional-microneedling: results timeline is out of order";
        assert!(with(&|t| t.results.as_mut().unwrap().early_days = t.results.as_ref().unwrap().full_days_min + 1).contains(timeline));
        assert!(with(&|t| t.results.as_mut().unwrap().full_days_min = t.results.as_ref().unwrap().full_days_max + 1).contains(timeline));
        assert!(!with(&|_| ()).contains(timeline));
        let depth = "professional-microneedling: needle depth range is invalid";
        assert!(with(&|t| t.needle_depth.as_mut().unwrap().max_hundredths_mm = 0).contains(depth));
        assert!(with(&|t| t.needle_depth.as_mut().unwrap().min_hundredths_mm = t.needle_depth.as_ref().unwrap().max_hundredths_mm + 1).contains(depth));
        assert!(!with(&|_| ()).contains(depth));
    }

    #[test]
    fn equal_bounds_are_allowed_and_a_single_session_needs_no_spacing() {
        let with = |change: &dyn Fn(&mut Treatment)| {
            let mut c = catalog();
            let t = c.treatments.iter_mut().find(|t| t.id == "professional-microneedling").unwrap();
            change(t);
            c.problems().join("\n")
        };
        assert_eq!(with(&|t| {
            let r = t.results.as_mut().unwrap();
            r.full_days_max = r.full_days_min;
            r.early_days = r.full_days_min;
        }), "", "results that arrive on one known day");
        assert_eq!(with(&|t| {
            let d = t.needle_depth.as_mut().unwrap();
            d.min_hundredths_mm = d.max_hundredths_mm;
        }), "", "one needle depth");
        let spacing = "professional-microneedling: a course of more than one session needs a spacing of at least a day";
        assert_eq!(with(&|t| {
            t.course.sessions_min = 1;
            t.course.sessions_typical = 1;
            t.course.sessions_max = 1;
            t.course.spacing_days_min = 0;
        }), "", "a single session has no spacing");
        assert!(with(&|t| t.course.spacing_days_min = 0).contains(spacing));
    }

    #[test]
    fn only_public_references_need_a_url() {
        let mut c = catalog();
        let reference = c.sources.iter().position(|s| s.kind == SourceKind::Reference).unwrap();
        let article = c.sources.iter().position(|s| s.kind == SourceKind::Article).unwrap();
        c.sources[reference].url = None;
        c.sources[article].url = None;
        let (r, a) = (c.sources[reference].id.clone(), c.sources[article].id.clone());
        let mut clinic = c.sources[reference].clone();
        clinic.id = "the-clinic".into();
        clinic.kind = SourceKind::Clinic;
        c.sources.push(clinic);
        let p = c.problems();
        assert!(p.contains(&format!("source {r}: a reference needs a URL")), "{p:?}");
        assert!(!p.iter().any(|l| l.contains(&format!("source {a}:"))), "an article is cited by name: {p:?}");
        let about_clinic: Vec<&String> = p.iter().filter(|l| l.starts_with("source the-clinic:")).collect();
        assert_eq!(about_clinic, [&"source the-clinic: the built-in catalog cannot cite a clinic".to_string()], "{p:?}");
    }

    #[test]
    fn sources_are_found_by_their_own_id() {
        let c = catalog();
        for id in ["aad-mn", "fda-skinpen", "mayo-peel"] {
            assert_eq!(c.source(id).map(|s| s.id.as_str()), Some(id));
        }
        assert!(c.source("no-such-source").is_none());
    }

    #[test]
    fn the_faq_and_myths_cover_enough_ground() {
        let c = catalog();
        assert!(c.faq.len() >= 7);
        assert!(c.myths.len() >= 3);
        let stages: Vec<&str> = c.expectations.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(stages, ["preparation", "session", "first-days", "aftercare", "results"]);
    }
}
