//! "Find by concern": which treatments suit the concerns a visitor picked, best first.
//!
//! The rule, in order:
//! 1. score = the sum of fit weights over the picked concerns a treatment suits
//!    (strong 3, good 2, some 1); treatments that suit none are left out;
//! 2. ties go to the treatment that covers more of the picked concerns;
//! 3. then to the one with less downtime;
//! 4. then to one the clinic offers;
//! 5. then catalog order, so the result is stable.

use super::catalog::{Catalog, Fit, Treatment};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ranked<'a> {
    pub treatment: &'a Treatment,
    pub score: u32,
    /// The picked concerns this treatment suits, with how well, in the visitor's order.
    pub matched: Vec<(&'a str, Fit)>,
    /// One line on why it is listed: the catalog's reason for its strongest matched concern.
    pub reason: &'a str,
}

pub fn rank<'a>(catalog: &'a Catalog, picked: &[String], offered: impl Fn(&str) -> bool) -> Vec<Ranked<'a>> {
    let mut ranked: Vec<(usize, Ranked<'a>)> = catalog
        .treatments
        .iter()
        .enumerate()
        .filter_map(|(index, t)| {
            let matched: Vec<(&str, Fit, &str)> = picked
                .iter()
                .filter_map(|c| {
                    t.concerns.iter().find(|f| &f.concern == c).map(|f| (f.concern.as_str(), f.fit, f.reason.text.as_str()))
                })
                .collect();
            if matched.is_empty() {
                return None;
            }
            let score = matched.iter().map(|(_, fit, _)| fit.weight()).sum();
            // Strongest fit first; among equals, the one the visitor picked first.
            let reason = matched.iter().min_by_key(|(_, fit, _)| *fit).map(|(_, _, r)| *r).unwrap_or("");
            let matched = matched.iter().map(|(c, f, _)| (*c, *f)).collect();
            Some((index, Ranked { treatment: t, score, matched, reason }))
        })
        .collect();
    ranked.sort_by(|(ia, a), (ib, b)| {
        b.score
            .cmp(&a.score)
            .then(b.matched.len().cmp(&a.matched.len()))
            .then(a.treatment.downtime.cmp(&b.treatment.downtime))
            .then(offered(&b.treatment.id).cmp(&offered(&a.treatment.id)))
            .then(ia.cmp(ib))
    });
    ranked.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::CONCERNS;

    fn catalog() -> Catalog {
        Catalog::built_in().unwrap()
    }

    fn ids(r: &[Ranked]) -> Vec<String> {
        r.iter().map(|x| x.treatment.id.clone()).collect()
    }

    #[test]
    fn nothing_picked_ranks_nothing() {
        assert!(rank(&catalog(), &[], |_| true).is_empty());
    }

    #[test]
    fn every_concern_alone_finds_something_with_a_reason() {
        let c = catalog();
        for concern in CONCERNS {
            let r = rank(&c, &[concern.to_string()], |_| true);
            assert!(!r.is_empty(), "{concern}");
            assert!(r.iter().all(|x| !x.reason.is_empty() && x.matched == vec![(concern, x.matched[0].1)]));
        }
    }

    #[test]
    fn thinning_hair_puts_scalp_microneedling_first() {
        let c = catalog();
        let r = rank(&c, &["thinning-hair".into()], |_| true);
        assert_eq!(r[0].treatment.id, "scalp-microneedling");
    }

    #[test]
    fn order_follows_the_stated_rule() {
        let c = catalog();
        let picked: Vec<String> = vec!["acne-scars".into(), "enlarged-pores".into(), "dull-skin".into()];
        let r = rank(&c, &picked, |_| true);
        for pair in r.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            assert!(
                a.score > b.score
                    || a.score == b.score && a.matched.len() > b.matched.len()
                    || a.score == b.score && a.matched.len() == b.matched.len() && a.treatment.downtime <= b.treatment.downtime,
                "{} before {}",
                a.treatment.id,
                b.treatment.id
            );
        }
        // Scores are the stated weights (strong 3, good 2, some 1), summed over the picked concerns
        // each treatment's catalog entry lists; a treatment listing none of them is left out.
        let stated = |f: Fit| match f {
            Fit::Strong => 3,
            Fit::Good => 2,
            Fit::Some => 1,
        };
        for t in &c.treatments {
            let expected: u32 =
                picked.iter().filter_map(|p| t.concerns.iter().find(|x| &x.concern == p)).map(|x| stated(x.fit)).sum();
            match r.iter().find(|x| x.treatment.id == t.id) {
                Some(x) => assert_eq!(x.score, expected, "{}", t.id),
                None => assert_eq!(expected, 0, "{} is missing", t.id),
            }
        }
        assert!(r.iter().any(|x| x.score >= 7) && r.iter().any(|x| x.score <= 3), "the picks give a spread of scores");
    }

    #[test]
    fn the_clinic_offering_breaks_ties_only() {
        let c = catalog();
        let picked = vec!["acne-scars".to_string(), "uneven-texture".to_string()];
        let neutral = rank(&c, &picked, |_| true);
        // Favour the treatments that came last among equals: they must move up, but only past ties.
        let offered = |id: &str| ["pigmentation-microneedling", "microdermabrasion", "chemical-peel"].contains(&id);
        let favoured = rank(&c, &picked, offered);
        let key = |r: &Ranked| (r.score, r.matched.len(), r.treatment.downtime);
        assert_eq!(
            neutral.iter().map(key).collect::<Vec<_>>(),
            favoured.iter().map(key).collect::<Vec<_>>(),
            "the sequence of scores, coverage and downtime is unchanged"
        );
        for pair in favoured.windows(2) {
            if key(&pair[0]) == key(&pair[1]) {
                assert!(offered(&pair[0].treatment.id) >= offered(&pair[1].treatment.id), "{} before {}", pair[0].treatment.id, pair[1].treatment.id);
            }
        }
        assert_ne!(ids(&neutral), ids(&favoured), "the test picks concerns where ties exist");
    }

    #[test]
    fn the_reason_is_the_strongest_fit() {
        let c = catalog();
        let picked = vec!["dull-skin".to_string(), "acne-scars".to_string()];
        for x in rank(&c, &picked, |_| true) {
            let best = x.matched.iter().map(|(_, f)| *f).min().unwrap();
            let expected = x.treatment.concerns.iter().find(|f| f.fit == best && picked.contains(&f.concern));
            assert!(expected.is_some_and(|f| f.reason.text == x.reason), "{}", x.treatment.id);
        }
    }
}
