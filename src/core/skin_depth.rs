//! Needle depth against the skin, laid out to scale: one depth axis from the surface down, the
//! skin's layers as bands whose lower edges are ranges (layers are thinner in some places than in
//! others), and each needle as a range from its shortest to its longest setting. Positions are
//! shares of the axis in basis points (0 at the surface, 10,000 at the axis end), as for the
//! timeline and the course bars, so the picture draws them as percentages of its height.

use super::catalog::{Catalog, SkinSite, Treatment};

/// The needles a treatment's page draws beside its own, for comparison.
pub const COMPARED_ON_A_PAGE: [&str; 3] = ["at-home-microneedling", "professional-microneedling", "rf-microneedling"];

/// Whether a treatment's needle belongs on the picture: it has a needle depth and is used on the
/// face, whose skin the picture draws (the measured layers are the face's, not the scalp's or the
/// body's).
pub fn drawn(tr: &Treatment) -> bool {
    tr.needle_depth.is_some() && tr.used_on_face()
}

/// The treatments whose needles a treatment's page draws: itself first, then at home, in a clinic
/// and with radiofrequency, each once. None when its own needle is not drawn.
pub fn page_needles<'a>(catalog: &'a Catalog, tr: &'a Treatment) -> Vec<&'a Treatment> {
    if !drawn(tr) {
        return Vec::new();
    }
    let others = COMPARED_ON_A_PAGE.iter().filter(|id| **id != tr.id).filter_map(|id| catalog.treatment(id)).filter(|t| drawn(t));
    std::iter::once(tr).chain(others).collect()
}

/// The axis end in basis points.
pub const FULL: i32 = 10_000;
/// Ticks every half millimetre.
pub const TICK_UM: u32 = 500;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkinPicture {
    /// The depth the axis reaches, in micrometres: a whole number of ticks below everything drawn.
    pub end_um: u32,
    /// Depth (micrometres) and place of each tick, from the surface to `end_um`.
    pub ticks: Vec<(u32, i32)>,
    /// Where the epidermis ends: (shallowest, deepest) place.
    pub epidermis_ends: (i32, i32),
    /// Where the dermis ends and the fat begins: (shallowest, deepest) place.
    pub dermis_ends: (i32, i32),
    /// Each needle's (shortest, longest) reach, in the order given.
    pub needles: Vec<(i32, i32)>,
}

/// Lays out `site`'s layers and `needles` (each a (min, max) depth in hundredths of a millimetre,
/// as the catalog gives needle depth) on one axis deep enough for all of them.
pub fn skin_picture(site: &SkinSite, needles: &[(u16, u16)]) -> SkinPicture {
    let needles_um: Vec<(u32, u32)> =
        needles.iter().map(|&(a, b)| (u32::from(a.min(b)) * 10, u32::from(a.max(b)) * 10)).collect();
    let (epi_min, epi_max) = ordered(site.epidermis_um);
    let (der_min, der_max) = ordered(site.dermis_um);
    // The dermis ends where the thinnest epidermis over the thinnest dermis ends at the shallowest,
    // and the thickest over the thickest at the deepest.
    let dermis_ends_um = (epi_min + der_min, epi_max + der_max);
    let deepest = needles_um.iter().map(|n| n.1).chain([dermis_ends_um.1]).max().unwrap_or(0);
    // At least one tick below the surface, and room below the deepest mark so the fat shows.
    let end_um = (deepest / TICK_UM + 1) * TICK_UM;
    let at = |um: u32| -> i32 {
        let um = u64::from(um.min(end_um));
        ((um * FULL as u64 * 2 + u64::from(end_um)) / (2 * u64::from(end_um))) as i32
    };
    SkinPicture {
        end_um,
        ticks: (0..=end_um / TICK_UM).map(|k| (k * TICK_UM, at(k * TICK_UM))).collect(),
        epidermis_ends: (at(epi_min), at(epi_max)),
        dermis_ends: (at(dermis_ends_um.0), at(dermis_ends_um.1)),
        needles: needles_um.iter().map(|&(a, b)| (at(a), at(b))).collect(),
    }
}

fn ordered((a, b): (u32, u32)) -> (u32, u32) {
    (a.min(b), a.max(b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Catalog, Fact};
    use proptest::prelude::*;

    fn site(epidermis_um: (u32, u32), dermis_um: (u32, u32)) -> SkinSite {
        SkinSite { epidermis_um, dermis_um, fact: Fact { text: String::new(), sources: vec![] } }
    }

    #[test]
    fn the_face_with_three_needles_worked_by_hand() {
        // Facial skin 30–63 µm of epidermis over 759–1,969 µm of dermis; needles at home 0.25–0.5 mm,
        // in a clinic 0.25–2.5 mm, RF 0.5–2 mm. The deepest mark is the 2.5 mm needle, so the axis
        // runs to 3 mm in half-millimetre ticks; each place is depth / 3,000 µm in basis points.
        let p = skin_picture(&site((30, 63), (759, 1969)), &[(25, 50), (25, 250), (50, 200)]);
        assert_eq!(p.end_um, 3000);
        assert_eq!(p.ticks, vec![(0, 0), (500, 1667), (1000, 3333), (1500, 5000), (2000, 6667), (2500, 8333), (3000, 10_000)]);
        assert_eq!(p.epidermis_ends, (100, 210));
        // 30 + 759 = 789 µm at the shallowest, 63 + 1,969 = 2,032 µm at the deepest.
        assert_eq!(p.dermis_ends, (2630, 6773));
        assert_eq!(p.needles, vec![(833, 1667), (833, 8333), (1667, 6667)]);
    }

    #[test]
    fn the_skin_alone_or_a_short_needle_still_leaves_fat_below() {
        // Without needles the dermis's deepest end (2,032 µm) sets the axis: 2.5 mm.
        let p = skin_picture(&site((30, 63), (759, 1969)), &[]);
        assert_eq!((p.end_um, p.dermis_ends.1), (2500, 8128));
        // A needle ending exactly on a tick still gets a tick of room below it.
        let p = skin_picture(&site((10, 10), (90, 90)), &[(50, 100)]);
        assert_eq!((p.end_um, p.needles[0]), (1500, (3333, 6667)));
        // A range given upside down is drawn the right way up.
        assert_eq!(skin_picture(&site((63, 30), (1969, 759)), &[(50, 25)]), skin_picture(&site((30, 63), (759, 1969)), &[(25, 50)]));
    }

    #[test]
    fn a_page_draws_its_own_needle_first_then_the_three_compared_each_once() {
        let catalog = Catalog::built_in().unwrap();
        let ids = |id: &str| page_needles(&catalog, catalog.treatment(id).unwrap()).iter().map(|t| t.id.as_str()).collect::<Vec<_>>();
        assert_eq!(ids("acne-scar-microneedling"), ["acne-scar-microneedling", "at-home-microneedling", "professional-microneedling", "rf-microneedling"]);
        assert_eq!(ids("rf-microneedling"), ["rf-microneedling", "at-home-microneedling", "professional-microneedling"]);
        // No needles (a peel), or skin that is not the face's (scalp, stretch marks on the body): none.
        assert!(ids("chemical-peel").is_empty() && ids("scalp-microneedling").is_empty() && ids("stretch-mark-microneedling").is_empty());
    }

    #[test]
    fn the_catalogs_face_is_drawn_as_its_study_measured_it() {
        let catalog = Catalog::built_in().unwrap();
        let face = &catalog.skin.as_ref().expect("the catalog has the skin's layers").face;
        // Chopra and colleagues (2015): epidermis 29.6–62.6 µm, dermis 758.9–1,969.2 µm.
        assert_eq!((face.epidermis_um, face.dermis_um), ((30, 63), (759, 1969)));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3_000))]

        #[test]
        fn everything_is_on_the_axis_in_order_and_at_its_depth(
            epidermis in (1u32..400, 1u32..400), dermis in (1u32..6000, 1u32..6000),
            needles in proptest::collection::vec((0u16..=1000, 0u16..=1000), 0..5),
        ) {
            let p = skin_picture(&site(epidermis, dermis), &needles);
            // The axis is whole ticks, deeper than everything drawn, and not a tick deeper than needed.
            let deepest = needles.iter().map(|n| u32::from(n.0.max(n.1)) * 10)
                .chain([epidermis.0.max(epidermis.1) + dermis.0.max(dermis.1)]).max().unwrap();
            prop_assert_eq!(p.end_um % TICK_UM, 0);
            prop_assert!(p.end_um > deepest && p.end_um <= deepest + TICK_UM);
            prop_assert_eq!(p.ticks.len() as u32, p.end_um / TICK_UM + 1);
            prop_assert_eq!(p.ticks.first(), Some(&(0, 0)));
            prop_assert_eq!(p.ticks.last(), Some(&(p.end_um, FULL)));
            // Each place is its depth's share of the axis, to the nearest basis point.
            // (|at - um / end × FULL| <= 1/2, in whole numbers.)
            let near = |at: i32, um: u32| (2 * i64::from(at) * i64::from(p.end_um) - 2 * i64::from(um) * i64::from(FULL)).abs() <= i64::from(p.end_um);
            prop_assert!(p.ticks.iter().all(|&(um, at)| near(at, um)));
            prop_assert_eq!(p.needles.len(), needles.len(), "one column per needle");
            for (&(a, b), &(lo, hi)) in needles.iter().zip(&p.needles) {
                prop_assert!(near(lo, u32::from(a.min(b)) * 10) && near(hi, u32::from(a.max(b)) * 10));
            }
            let (e_lo, e_hi) = (epidermis.0.min(epidermis.1), epidermis.0.max(epidermis.1));
            let (d_lo, d_hi) = (dermis.0.min(dermis.1), dermis.0.max(dermis.1));
            prop_assert!(near(p.epidermis_ends.0, e_lo) && near(p.epidermis_ends.1, e_hi));
            prop_assert!(near(p.dermis_ends.0, e_lo + d_lo) && near(p.dermis_ends.1, e_hi + d_hi));
            // Layers in order from the surface down, and the fat always shows below the dermis.
            prop_assert!(p.epidermis_ends.0 <= p.epidermis_ends.1 && p.epidermis_ends.1 <= p.dermis_ends.1);
            prop_assert!(p.dermis_ends.0 <= p.dermis_ends.1 && p.dermis_ends.1 < FULL);
        }
    }
}
