//! Content checks for `content/catalog.json`: what the candidate check flags, that every fact is
//! sourced, that no fact makes a promise the sources don't, and that the safety facts a visitor
//! needs are present. Native only: `cargo test --test content`.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};

use treatment_widget_core::catalog::{Catalog, Caution, Fit, SourceKind, Treatment, MICRONEEDLING_VARIANTS};
use treatment_widget_core::suitability::assess;

const NOT: Option<Caution> = Some(Caution::NotWhileThisApplies);
const REVIEW: Option<Caution> = Some(Caution::ReviewFirst);
const NONE: Option<Caution> = None;

const PRO: &str = "professional-microneedling";
const HOME: &str = "at-home-microneedling";
const RF: &str = "rf-microneedling";
const PRP: &str = "microneedling-with-prp";
const SCALP: &str = "scalp-microneedling";
const ACNE_SCAR: &str = "acne-scar-microneedling";
const PIGMENT: &str = "pigmentation-microneedling";
const PEEL: &str = "chemical-peel";
const LASER: &str = "laser-resurfacing";
const MICRODERM: &str = "microdermabrasion";
const BOTOX: &str = "botox";

/// (question answered "yes" alone, treatment, the caution the sources support, or None when the
/// sources give that answer no bearing on that treatment). Written from the sources cited beside
/// each rule in the catalog; see docs/content.md.
const EXPECTED: &[(&str, &str, Option<Caution>)] = &[
    // Pregnancy: the articles advise against microneedling; NHS and Mayo Clinic against Botox;
    // pregnancy reviews (Trivedi 2017, Lee 2013) say check first for peels, lasers, microdermabrasion.
    ("pregnant", PRO, NOT),
    ("pregnant", HOME, NOT),
    ("pregnant", PRP, NOT),
    ("pregnant", BOTOX, NOT),
    ("pregnant", PEEL, REVIEW),
    ("pregnant", LASER, REVIEW),
    ("pregnant", MICRODERM, REVIEW),
    // Breastfeeding: Mayo Clinic advises against Botox; SkinPen labelling lists nursing (review first);
    // Trivedi 2017 found most other procedures appear safe in lactation.
    ("breastfeeding", BOTOX, NOT),
    ("breastfeeding", PRO, REVIEW),
    ("breastfeeding", RF, REVIEW),
    ("breastfeeding", PEEL, NONE),
    ("breastfeeding", LASER, NONE),
    ("breastfeeding", MICRODERM, NONE),
    // Active acne.
    ("active-acne", ACNE_SCAR, NOT),
    ("active-acne", HOME, NOT),
    ("active-acne", LASER, REVIEW),
    ("active-acne", PEEL, NONE),
    ("active-acne", BOTOX, NONE),
    ("active-acne", MICRODERM, NONE),
    // Eczema or psoriasis in the area.
    ("eczema-psoriasis", PRO, NOT),
    ("eczema-psoriasis", SCALP, NOT),
    ("eczema-psoriasis", PEEL, NONE),
    ("eczema-psoriasis", BOTOX, NONE),
    // Keloids: the articles (microneedling) and Mayo Clinic (peels).
    ("keloid-prone", PRO, NOT),
    ("keloid-prone", RF, NOT),
    ("keloid-prone", PEEL, NOT),
    ("keloid-prone", LASER, NONE),
    ("keloid-prone", MICRODERM, NONE),
    ("keloid-prone", BOTOX, NONE),
    // An infection in the area now.
    ("skin-infection", PRO, NOT),
    ("skin-infection", HOME, NOT),
    ("skin-infection", BOTOX, NOT),
    ("skin-infection", LASER, REVIEW),
    ("skin-infection", PEEL, REVIEW),
    ("skin-infection", MICRODERM, NONE),
    // A history of cold sores: reactivation after laser, peels and microneedling.
    ("cold-sores", LASER, REVIEW),
    ("cold-sores", PRO, REVIEW),
    ("cold-sores", PRP, REVIEW),
    ("cold-sores", PEEL, REVIEW),
    ("cold-sores", MICRODERM, NONE),
    ("cold-sores", BOTOX, NONE),
    // Other skin conditions.
    ("other-skin-condition", PRO, REVIEW),
    ("other-skin-condition", LASER, REVIEW),
    ("other-skin-condition", PEEL, NONE),
    ("other-skin-condition", BOTOX, NONE),
    // Isotretinoin: labelling, consensus and the 2024 review all leave the decision to a professional.
    ("isotretinoin", PRO, REVIEW),
    ("isotretinoin", HOME, REVIEW),
    ("isotretinoin", RF, REVIEW),
    ("isotretinoin", LASER, REVIEW),
    ("isotretinoin", PEEL, REVIEW),
    ("isotretinoin", MICRODERM, REVIEW),
    ("isotretinoin", BOTOX, NONE),
    // Blood thinners or a bleeding disorder.
    ("blood-thinners", PRO, REVIEW),
    ("blood-thinners", PRP, REVIEW),
    ("blood-thinners", HOME, REVIEW),
    ("blood-thinners", BOTOX, REVIEW),
    ("blood-thinners", MICRODERM, REVIEW),
    ("blood-thinners", PEEL, NONE),
    ("blood-thinners", LASER, NONE),
    // Implanted electronic devices or metal implants: RF microneedling only.
    ("implanted-device", RF, REVIEW),
    ("implanted-device", PRO, NONE),
    ("implanted-device", PRP, NONE),
    ("implanted-device", LASER, NONE),
    ("implanted-device", BOTOX, NONE),
    ("implanted-device", MICRODERM, NONE),
    // Weakened immunity and uncontrolled diabetes: healing and infection after needling.
    ("weak-immunity", PRO, REVIEW),
    ("weak-immunity", PRP, REVIEW),
    ("weak-immunity", BOTOX, NONE),
    ("weak-immunity", PEEL, NONE),
    ("diabetes", PRO, REVIEW),
    ("diabetes", SCALP, REVIEW),
    ("diabetes", BOTOX, NONE),
    ("diabetes", LASER, NONE),
    // Skin cancer in the area: device labelling.
    ("skin-cancer", PRO, NOT),
    ("skin-cancer", PIGMENT, NOT),
    ("skin-cancer", HOME, NOT),
    ("skin-cancer", BOTOX, NONE),
    // Metal allergy.
    ("metal-allergy", PRO, REVIEW),
    ("metal-allergy", RF, REVIEW),
    ("metal-allergy", BOTOX, NONE),
    ("metal-allergy", PEEL, NONE),
    // Tan or sunburn.
    ("tan-sunburn", LASER, REVIEW),
    ("tan-sunburn", MICRODERM, REVIEW),
    ("tan-sunburn", PEEL, REVIEW),
    ("tan-sunburn", PRO, REVIEW),
    ("tan-sunburn", PIGMENT, REVIEW),
    ("tan-sunburn", BOTOX, NONE),
    // Botox-only questions.
    ("neuromuscular", BOTOX, NOT),
    ("neuromuscular", PRO, NONE),
    ("neuromuscular", PEEL, NONE),
    ("unwell", BOTOX, NOT),
    ("unwell", PRO, NONE),
    ("unwell", LASER, NONE),
    ("medicines", BOTOX, REVIEW),
    ("medicines", MICRODERM, REVIEW),
    ("medicines", PRO, NONE),
    ("medicines", PEEL, NONE),
];

fn catalog() -> Catalog {
    Catalog::built_in().expect("the built-in catalog parses")
}

fn treatment<'a>(c: &'a Catalog, id: &str) -> &'a Treatment {
    c.treatment(id).unwrap_or_else(|| panic!("treatment {id} is missing"))
}

fn yes(question: &str) -> BTreeMap<String, bool> {
    BTreeMap::from([(question.to_string(), true)])
}

fn caution_for(c: &Catalog, question: &str, treatment_id: &str) -> Option<Caution> {
    assess(c, &yes(question)).flagged.iter().find(|f| f.treatment.id == treatment_id).map(|f| f.caution)
}

/// Every visitor-facing string of a treatment's facts, lowercased and joined.
fn joined(facts: &[treatment_widget_core::catalog::Fact]) -> String {
    facts.iter().map(|f| f.text.to_lowercase()).collect::<Vec<_>>().join("\n")
}

#[test]
fn each_question_answered_alone_gives_exactly_the_expected_caution() {
    let c = catalog();
    let mut wrong = Vec::new();
    for &(question, treatment_id, expected) in EXPECTED {
        treatment(&c, treatment_id);
        let got = caution_for(&c, question, treatment_id);
        if got != expected {
            wrong.push(format!("{question} / {treatment_id}: expected {expected:?}, got {got:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_table_covers_every_question_with_flags_and_non_flags() {
    let c = catalog();
    assert!(EXPECTED.len() >= 40, "the table has {} rows", EXPECTED.len());
    let in_catalog: BTreeSet<&str> = c.candidate_questions.iter().map(|q| q.id.as_str()).collect();
    let in_table: BTreeSet<&str> = EXPECTED.iter().map(|r| r.0).collect();
    assert!(EXPECTED.iter().filter(|r| r.2.is_none()).count() >= 20, "plenty of rows where a question must not flag");
    assert_eq!(in_table, in_catalog, "every question, and only real questions, appear in the table");
    for q in &in_catalog {
        let rows: Vec<_> = EXPECTED.iter().filter(|r| r.0 == *q).collect();
        assert!(rows.iter().any(|r| r.2.is_some()), "{q}: no row where it flags a treatment");
        if !rows.iter().any(|r| r.2.is_none()) {
            // Only a question the sources tie to every treatment (pregnancy) may lack a "no" row.
            let flagged = assess(&c, &yes(q)).flagged.len();
            assert_eq!(flagged, c.treatments.len(), "{q}: no row where it must not flag a treatment");
        }
    }
}

#[test]
fn family_rules_flag_all_nine_microneedling_variants_alike() {
    let c = catalog();
    for q in &c.candidate_questions {
        let family_caution = q
            .rules
            .iter()
            .filter(|r| r.families.contains(&treatment_widget_core::catalog::Family::Microneedling))
            .map(|r| r.caution)
            .min();
        let Some(expected) = family_caution else { continue };
        for id in MICRONEEDLING_VARIANTS {
            let got = caution_for(&c, &q.id, id);
            assert!(got.is_some_and(|g| g <= expected), "{}: {id} should be flagged at least {expected:?}, got {got:?}", q.id);
        }
    }
}

#[test]
fn questions_are_plain_yes_no_with_kebab_case_ids() {
    let c = catalog();
    let mut seen = BTreeSet::new();
    for q in &c.candidate_questions {
        assert!(seen.insert(q.id.as_str()), "{} appears twice", q.id);
        assert!(q.id.chars().all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-'), "{} is not kebab-case", q.id);
        assert!(!q.id.starts_with('-') && !q.id.ends_with('-') && !q.id.contains("--"), "{}", q.id);
        let first = q.question.split_whitespace().next().unwrap_or("");
        assert!(["Are", "Do", "Have", "Is"].contains(&first), "{}: not a yes/no question: {}", q.id, q.question);
        assert!(q.question.ends_with('?'), "{}", q.id);
        assert!(!q.rules.is_empty(), "{} bears on nothing", q.id);
        for r in &q.rules {
            assert!(!r.reason.sources.is_empty(), "{}: a rule's reason has no source", q.id);
        }
    }
}

#[test]
fn every_fact_cites_existing_sources_and_every_source_is_cited() {
    let c = catalog();
    let ids: BTreeSet<&str> = c.sources.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids.len(), c.sources.len(), "source ids are unique");
    let mut cited = BTreeSet::new();
    for (at, fact) in c.facts() {
        assert!(!fact.sources.is_empty(), "{at}: no source for {:?}", fact.text);
        for s in &fact.sources {
            assert!(ids.contains(s.as_str()), "{at}: unknown source {s}");
            cited.insert(s.as_str());
        }
    }
    for s in &c.sources {
        assert!(cited.contains(s.id.as_str()), "source {} is listed but never cited", s.id);
        assert!(!s.title.trim().is_empty() && !s.publisher.trim().is_empty(), "source {} needs a title and publisher", s.id);
        if s.kind != SourceKind::Article {
            let url = s.url.as_deref().unwrap_or("");
            // https only: a visitor following a reference from a clinic's page is not sent over plain http.
            assert!(url.starts_with("https://"), "source {} needs an https:// address (found {url:?})", s.id);
        }
    }
}

/// Words and phrases that promise more than any source supports. "Permanent" alone is allowed:
/// the AAD warns of permanent eye damage from unlicensed products, which is a risk, not a promise.
const BANNED: &[&str] = &[
    "guarantee",
    "permanent result",
    "permanently",
    "vampire",
    "scars fade",
    "painless",
    "pain-free",
    "no risk",
    "risk-free",
    "risk free",
    "100%",
    "no downtime",
    "miracle",
    "completely safe",
    "totally safe",
    "always works",
    "erase",
    "eliminate",
];

#[test]
fn no_visitor_facing_text_makes_a_banned_promise() {
    let c = catalog();
    let mut texts: Vec<(String, String)> = c.facts().into_iter().map(|(at, f)| (at, f.text.clone())).collect();
    for q in &c.candidate_questions {
        texts.push((format!("question {}", q.id), q.question.clone()));
        if let Some(h) = &q.hint {
            texts.push((format!("hint {}", q.id), h.clone()));
        }
    }
    for t in &c.treatments {
        texts.push((format!("name {}", t.id), t.name.clone()));
    }
    let mut bad = Vec::new();
    for (at, text) in &texts {
        let lower = text.to_lowercase();
        for phrase in BANNED {
            if lower.contains(phrase) {
                bad.push(format!("{at}: \"{phrase}\" in {text:?}"));
            }
        }
        let words: Vec<&str> = lower.split(|ch: char| !ch.is_alphanumeric()).collect();
        if words.iter().any(|w| ["cure", "cures", "cured"].contains(w)) {
            bad.push(format!("{at}: promises a cure: {text:?}"));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn every_microneedling_variant_warns_about_isotretinoin_pregnancy_bleeding_and_cancer() {
    let c = catalog();
    for id in MICRONEEDLING_VARIANTS {
        let avoid = joined(&treatment(&c, id).avoid_if);
        for needle in ["isotretinoin", "pregnan", "blood-thinning", "bleeding", "skin cancer", "cold sore", "keloid", "immune"] {
            assert!(avoid.contains(needle), "{id}: avoid_if should mention {needle}");
        }
    }
}

#[test]
fn clinic_microneedling_aftercare_covers_actives_sweating_sun_and_makeup() {
    let c = catalog();
    for id in MICRONEEDLING_VARIANTS.iter().filter(|id| **id != "at-home-microneedling") {
        let care = joined(&treatment(&c, id).aftercare);
        for needle in ["retinoids", "exercise", "sweating", "saunas", "sunscreen"] {
            assert!(care.contains(needle), "{id}: aftercare should mention {needle}");
        }
    }
}

#[test]
fn rf_microneedling_flags_implants_burns_and_dark_patches() {
    let c = catalog();
    let rf = treatment(&c, RF);
    let avoid = joined(&rf.avoid_if);
    assert!(avoid.contains("pacemaker") && avoid.contains("implant"), "RF avoid_if must mention implanted devices");
    let risks = joined(&rf.risks);
    for needle in ["burns", "scarring", "dark patches", "nerve damage"] {
        assert!(risks.contains(needle), "RF risks should mention {needle}");
    }
    let depth = rf.needle_depth.as_ref().expect("RF has a depth");
    assert!(depth.fact.text.contains("1.5 mm") && depth.fact.text.contains("deeper settings"), "{}", depth.fact.text);
    assert!(!depth.fact.text.to_lowercase().contains("the most"), "the review gives no device maximum: {}", depth.fact.text);
    for (_, f) in c.facts() {
        assert!(!f.sources.iter().any(|s| s == "study-rf-acne-2"), "a fractional-RF (non-needle) study must not back RF microneedling");
    }
}

#[test]
fn prp_warns_about_bleeding_bruising_and_blood_borne_infection() {
    let c = catalog();
    let prp = treatment(&c, PRP);
    let avoid = joined(&prp.avoid_if);
    assert!(avoid.contains("blood-thinning") && avoid.contains("bleeding"), "PRP avoid_if must mention blood thinners and bleeding");
    let risks = joined(&prp.risks);
    assert!(risks.contains("bruise") && risks.contains("where the needle went in"), "PRP risks must mention the draw site");
    assert!(risks.contains("hiv") && risks.contains("sterile"), "PRP risks must carry the CDC blood-borne warning");
    assert!(prp.risks.iter().any(|f| f.sources.iter().any(|s| s == "cdc-prp")));
}

#[test]
fn botox_lists_pregnancy_breastfeeding_and_the_boxed_warning() {
    let c = catalog();
    let botox = treatment(&c, BOTOX);
    let avoid = joined(&botox.avoid_if);
    assert!(avoid.contains("pregnan") && avoid.contains("breastfeed"), "Botox avoid_if must mention pregnancy and breastfeeding");
    let risks = joined(&botox.risks);
    for needle in ["drooping eyelid", "spread", "swallowing", "breathing"] {
        assert!(risks.contains(needle), "Botox risks should mention {needle}");
    }
    assert!(botox.risks.iter().any(|f| f.sources.iter().any(|s| s == "fda-botox-label")));
}

#[test]
fn peels_and_lasers_carry_their_own_cautions() {
    let c = catalog();
    let peel = joined(&treatment(&c, PEEL).avoid_if);
    for needle in ["pregnan", "isotretinoin", "keloid", "cold sore", "sunburn"] {
        assert!(peel.contains(needle), "chemical peel avoid_if should mention {needle}");
    }
    let laser = joined(&treatment(&c, LASER).avoid_if);
    for needle in ["isotretinoin", "cold sore", "tan", "pregnan"] {
        assert!(laser.contains(needle), "laser avoid_if should mention {needle}");
    }
    let microderm = joined(&treatment(&c, MICRODERM).avoid_if);
    for needle in ["retinoid", "sunbathing", "pregnan"] {
        assert!(microderm.contains(needle), "microdermabrasion avoid_if should mention {needle}");
    }
}

#[test]
fn serums_come_with_the_granuloma_risk_they_carry() {
    let c = catalog();
    for id in MICRONEEDLING_VARIANTS {
        let risks = joined(&treatment(&c, id).risks);
        assert!(risks.contains("granuloma"), "{id}: risks should mention reactions to products not made for use in the skin");
    }
    let overview = joined(&c.overview);
    assert!(!overview.contains("soak in better"), "the overview must not promote serums without the caveat");
    assert!(overview.contains("only products suitable"), "the overview should say which products belong on needled skin");
}

#[test]
fn multi_session_courses_have_spacing_and_honest_typical_counts() {
    let c = catalog();
    for t in &c.treatments {
        let k = &t.course;
        assert!(k.sessions_min >= 1 && k.sessions_min <= k.sessions_typical && k.sessions_typical <= k.sessions_max, "{}", t.id);
        assert!(k.spacing_days_min <= k.spacing_days_max, "{}", t.id);
        if k.sessions_max > 1 {
            assert!(k.spacing_days_min >= 1, "{}: a multi-session course needs spacing of at least a day", t.id);
        }
    }
    let botox = &treatment(&c, BOTOX).course;
    assert_eq!((botox.sessions_min, botox.sessions_typical, botox.sessions_max), (1, 1, 1), "Botox is one visit, repeated later");
    assert_eq!((botox.spacing_days_min, botox.spacing_days_max), (90, 120), "repeat visits every 3 to 4 months");
    let laser = &treatment(&c, LASER).course;
    assert_eq!(laser.sessions_typical, 1, "an ablative laser is usually one treatment");
    assert!(laser.sessions_max > 1, "non-ablative and fractional lasers usually need a series");
    let peel = &treatment(&c, PEEL).course;
    assert_eq!((peel.spacing_days_min, peel.spacing_days_max), (14, 35), "Mayo Clinic: light peels every 2 to 5 weeks");
}

#[test]
fn at_home_rolling_claims_no_timeline_and_no_clinic_evidence() {
    let c = catalog();
    let home = treatment(&c, HOME);
    assert!(home.results.is_none(), "no source gives a results timeline for home rolling");
    let all: Vec<String> = c.facts().into_iter().filter(|(at, _)| at.starts_with(HOME)).map(|(_, f)| f.text.to_lowercase()).collect();
    let all = all.join("\n");
    assert!(!all.contains("experienced provider"), "home rolling has no provider");
    assert!(!all.contains("safer for darker skin"), "no source tested home rolling on darker skin");
    let care = joined(&home.aftercare);
    for needle in ["never share", "clean", "replace"] {
        assert!(care.contains(needle), "home aftercare should say: {needle}");
    }
    let note = home.at_home_vs_professional.as_ref().expect("a note").text.to_lowercase();
    assert!(note.contains("not known"), "say plainly what is not known");
}

#[test]
fn pigmentation_is_ranked_honestly() {
    let c = catalog();
    let fit = |id: &str| {
        treatment(&c, id).concerns.iter().find(|f| f.concern == "hyperpigmentation-sun-damage").map(|f| f.fit)
    };
    assert_eq!(fit(PEEL), Some(Fit::Strong), "the articles name peels as best for pigmentation");
    for id in MICRONEEDLING_VARIANTS {
        if let Some(f) = fit(id) {
            assert!(f > Fit::Strong, "{id} must not outrank peels for pigmentation");
            let reason = treatment(&c, id).concerns.iter().find(|f| f.concern == "hyperpigmentation-sun-damage").unwrap();
            assert!(reason.reason.text.contains("dark patches"), "{id}: say that it can cause dark patches");
        }
    }
    let summary = c.concern("hyperpigmentation-sun-damage").unwrap().summary.text.to_lowercase();
    assert!(summary.contains("results vary") && summary.contains("dark patches"), "{summary}");
}

#[test]
fn results_are_never_promised() {
    let c = catalog();
    for t in &c.treatments {
        if let Some(r) = &t.results {
            assert!(r.full.text.contains("Results vary"), "{}: the full-results fact should say results vary", t.id);
        }
    }
    let results_stage = c.expectations.iter().find(|s| s.id == "results").expect("results stage");
    assert!(results_stage.points.iter().any(|p| p.text.contains("differ from person to person")));
}

#[test]
fn the_serum_and_pigmentation_questions_are_answered_in_the_faq() {
    let c = catalog();
    let ids: BTreeSet<&str> = c.faq.iter().map(|q| q.id.as_str()).collect();
    for id in ["prepare", "serums", "pigmentation", "skin-types", "at-home"] {
        assert!(ids.contains(id), "FAQ {id} is missing");
    }
}
