//! One money axis for several cost ranges, so whole courses can be drawn as bars side by side:
//! the axis runs from zero to a round amount at or above every range's top, with round ticks, and
//! each range becomes a bar from its low to its high. Positions are shares of the axis in basis
//! points (0 to 10,000), as for the plan's timeline.

use super::pricing::Range;

/// The axis end in basis points.
pub const FULL: i32 = 10_000;
/// At most this many steps between zero and the axis end.
pub const MAX_STEPS: i64 = 5;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CostScale {
    /// The axis end, in minor units: a whole number of `step`s, at or above every range's top.
    pub end: i64,
    pub step: i64,
    /// Amount and place of each tick, from zero to `end`.
    pub ticks: Vec<(i64, i32)>,
    /// Each range's place: (low, high) in basis points, in the order given.
    pub bars: Vec<(i32, i32)>,
}

/// The axis for `ranges` (minor units); none when there is nothing above zero to draw.
pub fn cost_scale(ranges: &[Range]) -> Option<CostScale> {
    let top = ranges.iter().map(|r| r.high.max(r.low)).max()?;
    if top <= 0 {
        return None;
    }
    let step = nice_step(top);
    let end = (top + step - 1) / step * step;
    let at = |amount: i64| -> i32 {
        let amount = i128::from(amount.clamp(0, end));
        ((amount * i128::from(FULL) * 2 + i128::from(end)) / (2 * i128::from(end))) as i32
    };
    Some(CostScale {
        end,
        step,
        ticks: (0..=end / step).map(|k| (k * step, at(k * step))).collect(),
        bars: ranges.iter().map(|r| (at(r.low.min(r.high)), at(r.high.max(r.low)))).collect(),
    })
}

/// The smallest of 1, 2, 2.5 and 5 times a power of ten (in minor units, from one major unit, 100)
/// that covers `top` in at most [`MAX_STEPS`] steps.
fn nice_step(top: i64) -> i64 {
    let mut power: i64 = 100;
    loop {
        for (num, den) in [(1, 1), (2, 1), (5, 2), (5, 1)] {
            let step = power * num / den; // at least 100: power starts there
            if (top + step - 1) / step <= MAX_STEPS {
                return step;
            }
        }
        power = match power.checked_mul(10) {
            Some(p) => p,
            None => return top, // beyond any price: one step
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn three_courses_worked_by_hand() {
        // $450–$2,100, $500–$1,750 and $1,000–$20,000 (minor units). The top is $20,000: steps of
        // $5,000 (4 steps) are the smallest nice ones within 5 steps ($2,500 would need 8).
        let s = cost_scale(&[Range::new(45_000, 210_000), Range::new(50_000, 175_000), Range::new(100_000, 2_000_000)]).unwrap();
        assert_eq!((s.step, s.end), (500_000, 2_000_000));
        assert_eq!(s.ticks, vec![(0, 0), (500_000, 2500), (1_000_000, 5000), (1_500_000, 7500), (2_000_000, 10_000)]);
        // $450 of $20,000 = 2.25 % → 225; $2,100 = 10.5 % → 1,050.
        assert_eq!(s.bars, vec![(225, 1050), (250, 875), (500, 10_000)]);
    }

    #[test]
    fn small_and_exact_amounts() {
        // A $45 exact price: $10 steps (5 of them) reach $50.
        let s = cost_scale(&[Range::exact(4_500)]).unwrap();
        assert_eq!((s.step, s.end), (1_000, 5_000));
        assert_eq!(s.bars, vec![(9000, 9000)]);
        // $2,100 exactly: $500 steps end at $2,500.
        let s = cost_scale(&[Range::new(45_000, 210_000)]).unwrap();
        assert_eq!((s.step, s.end, s.bars.clone()), (50_000, 250_000, vec![(1800, 8400)]));
        // Exactly five steps: $5 in $1 steps ends at $5, not $6 or $10.
        let s = cost_scale(&[Range::new(100, 500)]).unwrap();
        assert_eq!((s.step, s.end, s.bars.clone()), (100, 500, vec![(2000, 10_000)]));
        assert_eq!(cost_scale(&[]), None);
        assert_eq!(cost_scale(&[Range::exact(0)]), None);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3_000))]

        /// The axis covers every range with at most MAX_STEPS round steps; every bar sits on it at
        /// its amounts' share (within rounding), low before high; the ticks are evenly spaced.
        #[test]
        fn bars_fit_the_axis_at_their_share(ranges in proptest::collection::vec((1i64..=50_000_000, 0i64..=50_000_000), 1..6)) {
            let ranges: Vec<Range> = ranges.into_iter().map(|(low, extra)| Range::new(low, low + extra)).collect();
            let s = cost_scale(&ranges).unwrap();
            let top = ranges.iter().map(|r| r.high).max().unwrap();
            prop_assert!(s.end >= top && s.end % s.step == 0);
            prop_assert!(s.end / s.step <= MAX_STEPS && s.end - s.step < top, "the axis is no longer than it needs");
            let mantissa = { let mut m = s.step; while m % 10 == 0 && m >= 10 { m /= 10; } m };
            prop_assert!([1, 2, 25, 5].contains(&mantissa), "step {}", s.step);
            prop_assert_eq!(s.bars.len(), ranges.len(), "one bar per range");
            for (r, &(low, high)) in ranges.iter().zip(&s.bars) {
                prop_assert!(0 <= low && low <= high && high <= FULL);
                for (amount, at) in [(r.low, low), (r.high, high)] {
                    let share = amount as f64 / s.end as f64 * f64::from(FULL);
                    prop_assert!((f64::from(at) - share).abs() <= 0.5 + 1e-9, "{amount} at {at}, {share}");
                }
            }
            prop_assert_eq!(s.ticks.first(), Some(&(0, 0)));
            prop_assert_eq!(s.ticks.last(), Some(&(s.end, FULL)));
            prop_assert!(s.ticks.windows(2).all(|w| w[1].0 - w[0].0 == s.step));
        }
    }
}
