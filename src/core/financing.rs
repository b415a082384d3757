//! Example financing: what is left after the deposit, repaid monthly by the standard amortisation
//! formula  payment = P·r / (1 − (1 + r)^−n)  with r = APR / 12, or the lender's minimum payment
//! when that is more.
//!
//! APRs are basis points (5.99 % = 599). The growth factor (1 + r)^n is computed in fixed point
//! (10^15) with integers only; the payment is then rounded once, by the money module's rule. Each
//! month's interest is rounded the same way and the last payment settles the exact balance, so the
//! schedule pays off to the cent. What the visitor is told (how many payments, of how much, the
//! last one, the total) is read off that schedule, so it is exactly what would be paid.
//!
//! A deferred-interest plan is repaid within its promotional months with no interest *only if paid
//! in full*; otherwise interest at its APR is charged from the purchase date. It is never presented
//! as 0 % APR.

use super::money::{round_div, BasisPoints};
use super::pricing::{deposit, FinancePlan, PaymentChoice, PaymentOption, PriceBook, Range};

const SCALE: i128 = 1_000_000_000_000_000;
/// 12 months × 10 000 basis points: r = apr_bps / 120 000.
const MONTHLY_DENOMINATOR: i128 = 120_000;

pub const MAX_APR_BPS: BasisPoints = 6_000;
pub const MAX_MONTHS: u16 = 120;

/// The payments that repay one amount.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Repayment {
    /// How many payments are made. Fewer than the plan's months when the lender's minimum
    /// payment (or a very small amount) pays the balance off sooner.
    pub payments: u16,
    /// Every payment but the last.
    pub regular: i64,
    /// The last payment, which settles the balance to the minor unit. Equals `regular` when all
    /// payments are the same.
    pub last: i64,
    pub total_paid: i64,
    pub interest: i64,
}

/// How the payments look, for wording them exactly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Payments {
    /// `count` payments of `amount` each.
    Equal { count: u16, amount: i64 },
    /// `count` payments of `regular`, then one last payment of `last` (different from `regular`).
    ThenLast { count: u16, regular: i64, last: i64 },
}

impl Repayment {
    pub fn shape(&self) -> Payments {
        if self.payments <= 1 || self.regular == self.last {
            Payments::Equal { count: self.payments, amount: self.last }
        } else {
            Payments::ThenLast { count: self.payments - 1, regular: self.regular, last: self.last }
        }
    }
}

/// `None` when the inputs are outside what a lender offers (no months, APR above 60 %), or there is
/// nothing to repay.
pub fn repayment(principal: i64, apr_bps: BasisPoints, months: u16, minimum_payment: i64) -> Option<Repayment> {
    if months == 0 || months > MAX_MONTHS || apr_bps > MAX_APR_BPS || principal <= 0 || minimum_payment < 0 {
        return None;
    }
    let p = i128::from(principal);
    let n = i128::from(months);
    let a = i128::from(apr_bps);
    let formula = if apr_bps == 0 {
        round_div(p, n)
    } else {
        // f = (1 + a/120000)^n in fixed point.
        let step = SCALE + round_div(a * SCALE, MONTHLY_DENOMINATOR);
        let mut f = SCALE;
        for _ in 0..months {
            f = round_div(f * step, SCALE);
        }
        // payment = P · (a/120000) · f / (f − 1)
        round_div(p * a * f, MONTHLY_DENOMINATOR * (f - SCALE))
    };
    // Never a payment of nothing: a tiny amount is repaid a minor unit at a time.
    let payment = formula.max(i128::from(minimum_payment)).max(1);
    // Walk the schedule: interest each month on the balance; the last payment clears it.
    let mut balance = p;
    let mut total = 0i128;
    let mut made = 0u16;
    let mut last = 0i128;
    for month in 1..=n {
        let interest = round_div(balance * a, MONTHLY_DENOMINATOR);
        let due = balance + interest;
        let pay = if month == n || payment >= due { due } else { payment };
        balance = due - pay;
        total += pay;
        made += 1;
        last = pay;
        if balance == 0 {
            break;
        }
    }
    let regular = if made > 1 { payment } else { last };
    Some(Repayment { payments: made, regular: regular as i64, last: last as i64, total_paid: total as i64, interest: (total - p) as i64 })
}

/// Example financing of one way to pay: the deposit down, the rest repaid, at both ends of the range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FinanceQuote {
    pub plan: FinancePlan,
    /// Paid at booking (the clinic's deposit); zero when it takes none.
    pub down_payment: Range,
    /// The total less the down payment.
    pub financed: Range,
    pub at_low: Repayment,
    pub at_high: Repayment,
}

impl FinanceQuote {
    pub fn total_of_payments(&self) -> Range {
        Range::new(self.at_low.total_paid, self.at_high.total_paid)
    }

    pub fn interest(&self) -> Range {
        Range::new(self.at_low.interest, self.at_high.interest)
    }

    /// Everything paid: the down payment and every payment.
    pub fn total_cost(&self) -> Range {
        self.down_payment + self.total_of_payments()
    }
}

/// Why a plan cannot be shown for a way to pay.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoFinancing {
    /// The clinic does not finance packages (or memberships).
    NotWith(PaymentChoice),
    /// Less than the clinic's minimum would be financed (at the low end of the range).
    BelowMinimum { minimum: i64 },
    /// The deposit covers everything.
    NothingLeft,
    /// The deposit covers everything at the bottom of the range but not at the top: no single
    /// example fits the whole range.
    NothingLeftAtLowEnd,
    UnknownPlan,
}

/// Whether `option` can be financed at all, and if not, why.
pub fn availability(book: &PriceBook, option: &PaymentOption) -> Result<Range, NoFinancing> {
    if !option.financing_allowed {
        return Err(NoFinancing::NotWith(option.choice.clone()));
    }
    let down = deposit(book, option.total).unwrap_or(Range::ZERO);
    let financed = option.total.minus(down);
    if financed.high <= 0 {
        return Err(NoFinancing::NothingLeft);
    }
    if financed.low <= 0 {
        return Err(NoFinancing::NothingLeftAtLowEnd);
    }
    if financed.low < book.financing.minimum {
        return Err(NoFinancing::BelowMinimum { minimum: book.financing.minimum });
    }
    Ok(financed)
}

/// The example financing of `option` with plan `plan_id`.
pub fn finance(book: &PriceBook, option: &PaymentOption, plan_id: &str) -> Result<FinanceQuote, NoFinancing> {
    let plan = book.plan(plan_id).ok_or(NoFinancing::UnknownPlan)?;
    let financed = availability(book, option)?;
    let down = option.total.minus(financed);
    // Deferred interest: the promotional payments repay it in full within the months, so no interest.
    let apr = if plan.deferred_interest { 0 } else { plan.apr_bps };
    let repay = |amount| repayment(amount, apr, plan.months, plan.minimum_payment).ok_or(NoFinancing::UnknownPlan);
    Ok(FinanceQuote { plan: plan.clone(), down_payment: down, financed, at_low: repay(financed.low)?, at_high: repay(financed.high)? })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pricing::{Deposit, Financing};

    #[test]
    fn matches_published_amortisation_tables() {
        // $10,000 at 6 % for 36 months: $304.22 a month (standard loan tables).
        assert_eq!(repayment(1_000_000, 600, 36, 0).unwrap().regular, 30_422);
        // $20,000 at 5 % for 60 months: $377.42.
        assert_eq!(repayment(2_000_000, 500, 60, 0).unwrap().regular, 37_742);
        // $1,000 at 12 % for 12 months: $88.85, total $1,066.19 (11 × 88.85 + a last 88.84).
        let r = repayment(100_000, 1_200, 12, 0).unwrap();
        assert_eq!((r.regular, r.last, r.total_paid, r.payments), (8_885, 8_884, 106_619, 12));
        // $5,000 at 25.99 % for 48 months: $168.56.
        assert_eq!(repayment(500_000, 2_599, 48, 0).unwrap().regular, 16_856);
    }

    #[test]
    fn zero_percent_pays_back_exactly_the_principal() {
        let r = repayment(100_000, 0, 12, 0).unwrap();
        assert_eq!((r.payments, r.regular, r.last), (12, 8_333, 8_337));
        assert_eq!(r.total_paid, 100_000);
        assert_eq!(r.shape(), Payments::ThenLast { count: 11, regular: 8_333, last: 8_337 });
        let even = repayment(120_000, 0, 12, 0).unwrap();
        assert_eq!(even.shape(), Payments::Equal { count: 12, amount: 10_000 });
    }

    #[test]
    fn a_minimum_payment_pays_off_sooner_and_says_so() {
        // $500 over 24 months at 0 %, with the lender's $30 minimum: 16 × $30 = $480, then $20.
        let r = repayment(50_000, 0, 24, 3_000).unwrap();
        assert_eq!(r.shape(), Payments::ThenLast { count: 16, regular: 3_000, last: 2_000 });
        assert_eq!(r.payments, 17);
        assert_eq!(r.total_paid, 50_000);
    }

    #[test]
    fn a_tiny_amount_is_never_called_twelve_payments() {
        // 7 cents over 12 months: 7 payments of 1 cent, not 12.
        let r = repayment(7, 0, 12, 0).unwrap();
        assert_eq!(r.shape(), Payments::Equal { count: 7, amount: 1 });
        assert!(repayment(0, 0, 12, 0).is_none(), "nothing to repay");
    }

    #[test]
    fn refuses_what_no_lender_offers() {
        assert!(repayment(100_000, 600, 0, 0).is_none());
        assert!(repayment(100_000, 9_000, 12, 0).is_none());
        assert!(repayment(-1, 600, 12, 0).is_none());
    }

    #[test]
    fn the_limits_themselves_are_offered() {
        assert_eq!(repayment(120_000, 0, MAX_MONTHS, 0).map(|r| r.payments), Some(120), "ten years");
        assert!(repayment(120_000, 0, MAX_MONTHS + 1, 0).is_none());
        assert!(repayment(100_000, MAX_APR_BPS, 12, 0).is_some(), "60 % APR");
        assert!(repayment(100_000, MAX_APR_BPS + 1, 12, 0).is_none());
    }

    #[test]
    fn a_minimum_above_the_amount_is_one_payment_of_the_amount() {
        // $50 with a $100 minimum payment: one payment of $50, not of $100.
        let r = repayment(5_000, 0, 12, 10_000).unwrap();
        assert_eq!((r.payments, r.regular, r.last, r.total_paid), (1, 5_000, 5_000, 5_000));
    }

    #[test]
    fn a_quote_states_the_interest_at_each_end() {
        // $1,000 and $2,000 at 12 % over 12 months, nothing down: $66.19 of interest on $1,000
        // (the published table above); twice the amount, twice the interest to the cent or two.
        let b = book_with(None, vec![plan(1_200, false)]);
        let q = finance(&b, &option(Range::new(100_000, 200_000), true), "p").unwrap();
        let interest = q.interest();
        assert_eq!(interest.low, 6_619);
        assert!((interest.high - 2 * 6_619).abs() <= 2, "{interest:?}");
    }

    #[test]
    fn exactly_the_lenders_minimum_can_be_financed() {
        let b = book_with(None, vec![plan(0, false)]);
        assert_eq!(availability(&b, &option(Range::exact(20_000), true)), Ok(Range::exact(20_000)));
        assert_eq!(availability(&b, &option(Range::exact(19_999), true)), Err(NoFinancing::BelowMinimum { minimum: 20_000 }));
    }

    fn plan(apr: u32, deferred: bool) -> FinancePlan {
        FinancePlan { id: "p".into(), name: "P".into(), months: 12, apr_bps: apr, deferred_interest: deferred, minimum_payment: 0 }
    }

    fn book_with(deposit: Option<Deposit>, plans: Vec<FinancePlan>) -> PriceBook {
        let mut b = crate::pricing::tests::book();
        b.deposit = deposit;
        b.financing = Financing { plans, minimum: 20_000, with_packages: false, with_memberships: true, lender: None };
        b
    }

    fn option(total: Range, allowed: bool) -> PaymentOption {
        PaymentOption { choice: PaymentChoice::PerSession, lines: vec![], total, note: None, against_per_session: None, financing_allowed: allowed }
    }

    #[test]
    fn the_deposit_is_paid_down_before_financing() {
        // $1,200 with a 20 % deposit on a 0 % plan: $240 down, $960 financed in 12 × $80.
        let b = book_with(Some(Deposit::Percent(2_000)), vec![plan(0, false)]);
        let q = finance(&b, &option(Range::exact(120_000), true), "p").unwrap();
        assert_eq!(q.down_payment, Range::exact(24_000));
        assert_eq!(q.financed, Range::exact(96_000));
        assert_eq!(q.at_low.shape(), Payments::Equal { count: 12, amount: 8_000 });
        assert_eq!(q.total_cost(), Range::exact(120_000), "a 0 % plan costs exactly the course, deposit included");
    }

    #[test]
    fn a_deferred_interest_plan_shows_the_payments_that_avoid_interest() {
        let b = book_with(None, vec![plan(2_699, true)]);
        let q = finance(&b, &option(Range::exact(120_000), true), "p").unwrap();
        assert_eq!(q.at_low.shape(), Payments::Equal { count: 12, amount: 10_000 });
        assert_eq!(q.interest(), Range::ZERO);
        assert_eq!(q.plan.apr_bps, 2_699, "the APR charged if not paid in full is kept for the wording");
    }

    #[test]
    fn financing_is_refused_with_the_reason() {
        let b = book_with(Some(Deposit::Fixed(500_000)), vec![plan(0, false)]);
        assert_eq!(finance(&b, &option(Range::exact(120_000), true), "p"), Err(NoFinancing::NothingLeft));
        // A $500 deposit on $150–$700: nothing left at the bottom, $200 at the top.
        let b = book_with(Some(Deposit::Fixed(50_000)), vec![plan(0, false)]);
        assert_eq!(finance(&b, &option(Range::new(15_000, 70_000), true), "p"), Err(NoFinancing::NothingLeftAtLowEnd));
        let b = book_with(None, vec![plan(0, false)]);
        assert_eq!(finance(&b, &option(Range::new(10_000, 90_000), true), "p"), Err(NoFinancing::BelowMinimum { minimum: 20_000 }));
        assert_eq!(finance(&b, &option(Range::exact(90_000), false), "p"), Err(NoFinancing::NotWith(PaymentChoice::PerSession)));
        assert_eq!(finance(&b, &option(Range::exact(90_000), true), "nope"), Err(NoFinancing::UnknownPlan));
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Replays the payments against the balance with interest rounded half up on its own terms
    /// (balances here are never negative), and returns what is left after them.
    fn left_after(principal: i64, apr: u32, r: &Repayment) -> i128 {
        let mut balance = i128::from(principal);
        for k in 1..=r.payments {
            let interest = (2 * balance * i128::from(apr) + MONTHLY_DENOMINATOR) / (2 * MONTHLY_DENOMINATOR);
            let pay = if k == r.payments { r.last } else { r.regular };
            balance = balance + interest - i128::from(pay);
        }
        balance
    }

    proptest! {
        #[test]
        fn the_payments_described_repay_the_amount_exactly(
            principal in 1i64..50_000_000, apr in 0u32..=MAX_APR_BPS, months in 1u16..=84, minimum in prop_oneof![Just(0i64), 0i64..10_000]
        ) {
            let r = repayment(principal, apr, months, minimum).unwrap();
            prop_assert!(r.payments >= 1 && r.payments <= months);
            prop_assert!(r.regular >= 1 && r.last >= 1);
            prop_assert_eq!(left_after(principal, apr, &r), 0, "{:?}", r);
            // What the visitor is told adds up to the total they are told.
            let told = match r.shape() {
                Payments::Equal { count, amount } => i64::from(count) * amount,
                Payments::ThenLast { count, regular, last } => i64::from(count) * regular + last,
            };
            prop_assert_eq!(told, r.total_paid);
            prop_assert!(r.total_paid >= principal);
            if apr == 0 {
                prop_assert_eq!(r.total_paid, principal);
            }
            // The payment is at least the lender's minimum, unless one payment clears it all.
            if r.payments > 1 {
                prop_assert!(r.regular >= minimum);
            }
            // Without a minimum, and with enough to repay that rounding each payment cannot add up
            // to a whole payment, the plan runs its full term.
            if minimum == 0 && principal >= i64::from(months) * i64::from(months) {
                prop_assert_eq!(r.payments, months);
            }
        }

        #[test]
        fn a_quote_shown_is_true_for_any_deposit_and_plan(
            low in 0i64..2_000_000, extra in 0i64..2_000_000,
            deposit_kind in 0u8..3, deposit_bps in 0u32..=10_000, deposit_fixed in 0i64..3_000_000,
            apr in 0u32..=MAX_APR_BPS, months in 1u16..=72, deferred in any::<bool>(), minimum_payment in prop_oneof![Just(0i64), 0i64..20_000],
            minimum_financed in prop_oneof![Just(0i64), 0i64..500_000], allowed in any::<bool>(),
        ) {
            let mut book = crate::pricing::tests::book();
            book.deposit = match deposit_kind {
                0 => None,
                1 => Some(crate::pricing::Deposit::Percent(deposit_bps)),
                _ => Some(crate::pricing::Deposit::Fixed(deposit_fixed)),
            };
            let apr = if deferred { apr.max(1) } else { apr };
            book.financing.plans = vec![FinancePlan { id: "p".into(), name: "P".into(), months, apr_bps: apr, deferred_interest: deferred, minimum_payment }];
            book.financing.minimum = minimum_financed;
            let total = Range::new(low, low + extra);
            let option = PaymentOption { choice: PaymentChoice::PerSession, lines: vec![], total, note: None, against_per_session: None, financing_allowed: allowed };
            match finance(&book, &option, "p") {
                Ok(q) => {
                    prop_assert!(allowed);
                    // The deposit comes off first: down payment and amount financed make the total.
                    prop_assert_eq!(q.down_payment.low + q.financed.low, total.low);
                    prop_assert_eq!(q.down_payment.high + q.financed.high, total.high);
                    prop_assert!(q.down_payment.low >= 0 && q.financed.low >= minimum_financed.max(1));
                    for (r, financed) in [(q.at_low, q.financed.low), (q.at_high, q.financed.high)] {
                        prop_assert_eq!(left_after(financed, if deferred { 0 } else { apr }, &r), 0, "{:?}", r);
                        prop_assert!(r.payments <= months);
                    }
                    // A 0 % plan, or a deferred plan paid as shown, never costs more than the course.
                    if apr == 0 || deferred {
                        prop_assert_eq!(q.total_cost(), total);
                    } else {
                        prop_assert!(q.total_cost().low >= total.low && q.total_cost().high >= total.high);
                    }
                }
                Err(NoFinancing::NotWith(_)) => prop_assert!(!allowed),
                Err(NoFinancing::NothingLeft) => prop_assert!(allowed && crate::pricing::deposit(&book, total).unwrap_or(Range::ZERO).high >= total.high),
                Err(NoFinancing::NothingLeftAtLowEnd) => {
                    let down = crate::pricing::deposit(&book, total).unwrap_or(Range::ZERO);
                    prop_assert!(allowed && down.low >= total.low && down.high < total.high);
                }
                Err(NoFinancing::BelowMinimum { minimum }) => {
                    let down = crate::pricing::deposit(&book, total).unwrap_or(Range::ZERO);
                    prop_assert!(allowed && total.low - down.low < minimum && total.low - down.low > 0);
                }
                Err(NoFinancing::UnknownPlan) => prop_assert!(false, "the plan exists"),
            }
        }

        #[test]
        fn a_higher_apr_never_costs_less(principal in 1_000i64..10_000_000, apr in 0u32..5_900, months in 1u16..=72) {
            let a = repayment(principal, apr, months, 0).unwrap();
            let b = repayment(principal, apr + 100, months, 0).unwrap();
            prop_assert!(b.total_paid >= a.total_paid);
        }
    }
}
