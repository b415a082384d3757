//! "Am I a candidate?": which treatments a professional should look at first, given the visitor's
//! yes/no answers, and why. It flags; it does not diagnose or rule anyone in.

use std::collections::BTreeMap;

use super::catalog::{Catalog, Caution, Fact, Treatment};

/// One treatment that an answer bears on, with the strongest caution and every reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flagged<'a> {
    pub treatment: &'a Treatment,
    /// `NotWhileThisApplies` outranks `ReviewFirst`.
    pub caution: Caution,
    /// (question id, reason), in question order.
    pub reasons: Vec<(&'a str, &'a Fact)>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assessment<'a> {
    pub flagged: Vec<Flagged<'a>>,
    /// Treatments none of the answers bear on (a consultation still decides).
    pub not_flagged: Vec<&'a Treatment>,
    pub answered: usize,
    pub questions: usize,
}

impl Assessment<'_> {
    /// How many flagged treatments carry each caution: (not while this applies, review first).
    pub fn counts(&self) -> (usize, usize) {
        let strong = self.flagged.iter().filter(|f| f.caution == Caution::NotWhileThisApplies).count();
        (strong, self.flagged.len() - strong)
    }
}

pub fn assess<'a>(catalog: &'a Catalog, answers: &BTreeMap<String, bool>) -> Assessment<'a> {
    let mut by_treatment: Vec<Option<Flagged<'a>>> = vec![None; catalog.treatments.len()];
    for q in &catalog.candidate_questions {
        if answers.get(&q.id) != Some(&true) {
            continue;
        }
        for rule in &q.rules {
            for (i, t) in catalog.treatments.iter().enumerate() {
                if !(rule.families.contains(&t.family) || rule.treatments.contains(&t.id)) {
                    continue;
                }
                let entry = by_treatment[i].get_or_insert(Flagged { treatment: t, caution: rule.caution, reasons: Vec::new() });
                // Caution orders NotWhileThisApplies first, so the minimum is the strongest.
                entry.caution = entry.caution.min(rule.caution);
                if !entry.reasons.iter().any(|(qid, r)| *qid == q.id && r.text == rule.reason.text) {
                    entry.reasons.push((q.id.as_str(), &rule.reason));
                }
            }
        }
    }
    let mut flagged = Vec::new();
    let mut not_flagged = Vec::new();
    for (slot, t) in by_treatment.into_iter().zip(&catalog.treatments) {
        match slot {
            Some(f) => flagged.push(f),
            None => not_flagged.push(t),
        }
    }
    // Strongest caution first, then catalog order.
    flagged.sort_by_key(|f| f.caution);
    let answered = catalog.candidate_questions.iter().filter(|q| answers.contains_key(&q.id)).count();
    Assessment { flagged, not_flagged, answered, questions: catalog.candidate_questions.len() }
}

/// Flagged treatments that share the same caution and reasons, shown once as a group
/// ("all nine kinds of microneedling: …") instead of nine identical cards.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FlagGroup<'a> {
    pub caution: Caution,
    pub reasons: Vec<(&'a str, &'a Fact)>,
    pub treatments: Vec<&'a Treatment>,
}

pub fn group<'a>(flagged: &[Flagged<'a>]) -> Vec<FlagGroup<'a>> {
    let mut groups: Vec<FlagGroup<'a>> = Vec::new();
    for f in flagged {
        match groups.iter_mut().find(|g| g.caution == f.caution && g.reasons == f.reasons) {
            Some(g) => g.treatments.push(f.treatment),
            None => groups.push(FlagGroup { caution: f.caution, reasons: f.reasons.clone(), treatments: vec![f.treatment] }),
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{CandidateQuestion, CautionRule};

    fn catalog() -> Catalog {
        Catalog::built_in().unwrap()
    }

    fn answers(yes: &[&str], no: &[&str]) -> BTreeMap<String, bool> {
        yes.iter().map(|q| (q.to_string(), true)).chain(no.iter().map(|q| (q.to_string(), false))).collect()
    }

    #[test]
    fn groups_keep_every_flagged_treatment_once() {
        let c = catalog();
        let a = assess(&c, &answers(&["keloid-prone", "neuromuscular"], &[]));
        let groups = group(&a.flagged);
        let total: usize = groups.iter().map(|g| g.treatments.len()).sum();
        assert_eq!(total, a.flagged.len());
        assert!(groups.len() < a.flagged.len(), "identical flags are merged");
        for g in &groups {
            for t in &g.treatments {
                let f = a.flagged.iter().find(|f| f.treatment.id == t.id).unwrap();
                assert_eq!((f.caution, &f.reasons), (g.caution, &g.reasons));
            }
        }
    }

    #[test]
    fn counts_split_the_flags_by_caution() {
        let c = catalog();
        // Pregnancy: Botox and the microneedling family are "not while"; other treatments the
        // catalog flags for pregnancy are "review first".
        // Counted from the catalog's pregnancy rules: the nine microneedling treatments and Botox
        // are "not while"; the peel, laser and microdermabrasion are "review first".
        let a = assess(&c, &answers(&["pregnant"], &[]));
        assert_eq!(c.treatments.iter().filter(|t| t.family == crate::catalog::Family::Microneedling).count(), 9);
        assert_eq!(a.counts(), (10, 3));
        assert!(a.flagged.iter().any(|f| f.treatment.id == "botox" && f.caution == Caution::NotWhileThisApplies));
        assert!(a.flagged.iter().any(|f| f.treatment.id == "chemical-peel" && f.caution == Caution::ReviewFirst));
    }

    #[test]
    fn no_answers_flag_nothing() {
        let c = catalog();
        let a = assess(&c, &BTreeMap::new());
        assert!(a.flagged.is_empty());
        assert_eq!(a.not_flagged.len(), c.treatments.len());
        assert_eq!(a.answered, 0);
    }

    #[test]
    fn answering_no_flags_nothing_but_counts() {
        let c = catalog();
        let all_no: Vec<&str> = c.candidate_questions.iter().map(|q| q.id.as_str()).collect();
        let a = assess(&c, &answers(&[], &all_no));
        assert!(a.flagged.is_empty());
        assert_eq!(a.answered, a.questions);
    }

    #[test]
    fn the_required_questions_exist_and_each_flags_microneedling() {
        let c = catalog();
        for q in ["pregnant", "active-acne", "eczema-psoriasis", "keloid-prone", "skin-infection"] {
            let a = assess(&c, &answers(&[q], &[]));
            let professional = a.flagged.iter().find(|f| f.treatment.id == "professional-microneedling");
            assert!(professional.is_some(), "{q} should bear on professional microneedling");
            assert!(professional.unwrap().reasons.iter().all(|(qid, r)| *qid == q && !r.sources.is_empty()));
        }
    }

    #[test]
    fn flags_are_the_union_of_rules_and_the_strongest_caution_wins() {
        let c = catalog();
        let yes = ["pregnant", "keloid-prone"];
        let a = assess(&c, &answers(&yes, &[]));
        // Every treatment, flagged or not, against the rules of the questions answered yes.
        for t in &c.treatments {
            let matching: Vec<&CautionRule> = c
                .candidate_questions
                .iter()
                .filter(|q| yes.contains(&q.id.as_str()))
                .flat_map(|q| &q.rules)
                .filter(|r| r.families.contains(&t.family) || r.treatments.contains(&t.id))
                .collect();
            let flagged = a.flagged.iter().find(|f| f.treatment.id == t.id);
            match (matching.iter().map(|r| r.caution).min(), flagged) {
                (None, None) => assert!(a.not_flagged.iter().any(|n| n.id == t.id), "{} is listed as not flagged", t.id),
                (Some(strongest), Some(f)) => {
                    assert_eq!(f.caution, strongest, "{}", t.id);
                    // One reason per matching rule (the union), none invented.
                    let reasons: Vec<&str> = f.reasons.iter().map(|(_, r)| r.text.as_str()).collect();
                    for r in &matching {
                        assert!(reasons.contains(&r.reason.text.as_str()), "{}: missing {:?}", t.id, r.reason.text);
                    }
                    assert_eq!(reasons.len(), matching.len(), "{}", t.id);
                }
                (expected, got) => panic!("{}: expected {expected:?}, got {:?}", t.id, got.map(|f| f.caution)),
            }
        }
        // Pregnancy and keloids both bear on professional microneedling: two reasons, the stronger caution.
        let pro = a.flagged.iter().find(|f| f.treatment.id == "professional-microneedling").unwrap();
        let questions: Vec<&str> = pro.reasons.iter().map(|(q, _)| *q).collect();
        assert!(questions.contains(&"pregnant") && questions.contains(&"keloid-prone"), "{questions:?}");
        for pair in a.flagged.windows(2) {
            assert!(pair[0].caution <= pair[1].caution, "strongest first");
        }
    }

    #[test]
    fn a_reason_is_listed_once_per_question_however_many_rules_give_it() {
        let mut c = catalog();
        let botox = c.treatment("botox").unwrap().clone();
        let reason = |text: &str| Fact { text: text.into(), ..c.candidate_questions[0].rules[0].reason.clone() };
        let rule = |by_family: bool, text: &str| CautionRule {
            families: if by_family { vec![botox.family] } else { vec![] },
            treatments: if by_family { vec![] } else { vec![botox.id.clone()] },
            caution: Caution::ReviewFirst,
            reason: reason(text),
        };
        let template = c.candidate_questions[0].clone();
        let question = |id: &str, rules: Vec<CautionRule>| CandidateQuestion { id: id.into(), rules, ..template.clone() };
        // q1: the same reason by family and by id, and a second reason; q2: q1's first reason again.
        c.candidate_questions = vec![
            question("q1", vec![rule(true, "Same reason."), rule(false, "Same reason."), rule(false, "Another reason.")]),
            question("q2", vec![rule(false, "Same reason.")]),
        ];
        let a = assess(&c, &answers(&["q1", "q2"], &[]));
        let f = a.flagged.iter().find(|f| f.treatment.id == "botox").unwrap();
        let reasons: Vec<(&str, &str)> = f.reasons.iter().map(|(q, r)| (*q, r.text.as_str())).collect();
        assert_eq!(reasons, [("q1", "Same reason."), ("q1", "Another reason."), ("q2", "Same reason.")]);
    }
}
