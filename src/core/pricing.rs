//! The clinic's price book and the estimate of a whole course.
//!
//! Money is in integer minor units throughout; percentages are basis points. The one rounding rule
//! lives in [`super::money::round_div`]. Every total is built as a list of lines, low and high
//! separately; every amount on a line is zero or more, and a discount is a line of kind
//! [`LineKind::Discount`] that is taken off, so no amount a visitor sees is ever negative.
//!
//! Prices may be ranges ("$150–$700 a session"). A claim compared across ranges ("cheapest",
//! "saves") is made only when it holds at both ends of the ranges; otherwise it is reported as
//! what it is (lowest at mid-range prices, or saves at one end and costs more at the other). Each
//! claim is computed here together with the amounts that make it true, and the property tests at
//! the end of this file check the condition for every claim made.

use std::iter::Sum;
use std::ops::{Add, Mul};

use super::money::{apply_bps, BasisPoints};

/// A price that may be a range ("$150–$700 a session"). A single price has `low == high`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Range {
    pub low: i64,
    pub high: i64,
}

impl Range {
    pub const ZERO: Range = Range { low: 0, high: 0 };

    pub fn new(low: i64, high: i64) -> Range {
        Range { low, high }
    }

    pub fn exact(amount: i64) -> Range {
        Range { low: amount, high: amount }
    }

    /// `bps` of each end, rounded by the one rule.
    pub fn bps(self, bps: BasisPoints) -> Range {
        Range { low: apply_bps(self.low, bps), high: apply_bps(self.high, bps) }
    }

    /// Each end less the same end of `other`. Only for amounts known to stay at zero or more.
    pub fn minus(self, other: Range) -> Range {
        Range { low: self.low - other.low, high: self.high - other.high }
    }

    /// Twice the midpoint, to compare ranges without rounding.
    pub fn mid2(self) -> i64 {
        self.low + self.high
    }

    pub fn is_exact(self) -> bool {
        self.low == self.high
    }

    /// True when this range is no more than `other` at both ends.
    pub fn at_most(self, other: Range) -> bool {
        self.low <= other.low && self.high <= other.high
    }
}

impl Add for Range {
    type Output = Range;
    fn add(self, other: Range) -> Range {
        Range { low: self.low + other.low, high: self.high + other.high }
    }
}

impl Mul<i64> for Range {
    type Output = Range;
    fn mul(self, n: i64) -> Range {
        Range { low: self.low * n, high: self.high * n }
    }
}

impl Sum for Range {
    fn sum<I: Iterator<Item = Range>>(iter: I) -> Range {
        iter.fold(Range::ZERO, Add::add)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PriceBook {
    pub treatments: Vec<TreatmentPrices>,
    pub add_ons: Vec<AddOn>,
    pub packages: Vec<Package>,
    pub memberships: Vec<Membership>,
    pub financing: Financing,
    pub tax: Option<Tax>,
    pub deposit: Option<Deposit>,
    pub at_home: Option<AtHome>,
    /// Where the figures come from, shown beside them (the demo cites its public sources).
    pub source_note: Option<String>,
    /// Figure-by-figure sources, for the "where these prices come from" list.
    pub price_sources: Vec<PriceSource>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PriceSource {
    pub item: String,
    pub figure: String,
    pub source: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TreatmentPrices {
    pub treatment: String,
    /// Per-session price of each area on its own, in the clinic's order (the first is the standard).
    pub areas: Vec<(String, Range)>,
    /// Prices for areas done together in one session.
    pub combinations: Vec<Combination>,
    /// Add-on ids offered with this treatment.
    pub add_ons: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Combination {
    pub areas: Vec<String>,
    pub price: Range,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AddOn {
    pub id: String,
    pub name: String,
    pub per_session: Range,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Deal {
    /// A set price for the sessions, for exactly these areas.
    SetPrice { price: Range, areas: Vec<String> },
    /// A percentage off each session's area price (add-ons are not discounted).
    PercentOff(BasisPoints),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Package {
    pub id: String,
    pub name: String,
    pub treatment: String,
    pub sessions: u8,
    pub deal: Deal,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Membership {
    pub id: String,
    pub name: String,
    pub monthly_fee: Range,
    /// Off treatment sessions and add-ons while a member.
    pub percent_off: BasisPoints,
    pub minimum_months: u8,
    /// Treatments it covers; empty means all.
    pub treatments: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Financing {
    pub plans: Vec<FinancePlan>,
    /// The smallest amount financed (after the deposit) a plan is offered for.
    pub minimum: i64,
    pub with_packages: bool,
    pub with_memberships: bool,
    /// Shown with the figures, e.g. "Example only; subject to the lender's approval".
    pub lender: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FinancePlan {
    pub id: String,
    pub name: String,
    pub months: u16,
    /// The APR charged. For a deferred-interest plan, the APR charged from the purchase date if
    /// the balance is not paid in full within `months`.
    pub apr_bps: BasisPoints,
    /// No interest if paid in full within `months`; otherwise interest from the purchase date.
    pub deferred_interest: bool,
    /// The lender's smallest monthly payment (e.g. the greater of amount / months and $30).
    pub minimum_payment: i64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tax {
    pub label: String,
    pub bps: BasisPoints,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Deposit {
    Percent(BasisPoints),
    Fixed(i64),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AtHome {
    pub device: Range,
    pub devices_per_year: u8,
    pub note: Option<String>,
}

impl PriceBook {
    pub fn treatment(&self, id: &str) -> Option<&TreatmentPrices> {
        self.treatments.iter().find(|t| t.treatment == id)
    }

    pub fn add_on(&self, id: &str) -> Option<&AddOn> {
        self.add_ons.iter().find(|a| a.id == id)
    }

    pub fn package(&self, id: &str) -> Option<&Package> {
        self.packages.iter().find(|p| p.id == id)
    }

    pub fn membership(&self, id: &str) -> Option<&Membership> {
        self.memberships.iter().find(|m| m.id == id)
    }

    pub fn plan(&self, id: &str) -> Option<&FinancePlan> {
        self.financing.plans.iter().find(|p| p.id == id)
    }

    /// The name a visitor sees for a way to pay (the clinic's own name for packages and memberships).
    pub fn choice_name(&self, choice: &PaymentChoice) -> Option<&str> {
        match choice {
            PaymentChoice::PerSession => None,
            PaymentChoice::Package(id) => self.package(id).map(|p| p.name.as_str()),
            PaymentChoice::Membership(id) => self.membership(id).map(|m| m.name.as_str()),
        }
    }
}

impl TreatmentPrices {
    /// The per-session price of one area on its own.
    pub fn area(&self, id: &str) -> Option<Range> {
        self.areas.iter().find(|(a, _)| a == id).map(|(_, r)| *r)
    }

    /// The standard area (the first the clinic lists), used for quick comparisons.
    pub fn standard_area(&self) -> Option<&str> {
        self.areas.first().map(|(a, _)| a.as_str())
    }
}

/// One priced part of a session: a single area or a combination.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    pub areas: Vec<String>,
    pub price: Range,
    pub combination: bool,
}

/// The cheapest way to price a session covering exactly `selected` areas: singles and
/// combinations, each area once. Cheapest means the smallest low + high; ties go to fewer parts.
/// `None` when some area cannot be priced.
pub fn price_areas(prices: &TreatmentPrices, selected: &[String]) -> Option<Vec<Part>> {
    let wanted = unique(selected);
    if wanted.is_empty() || wanted.len() > 16 {
        return None;
    }
    let bit = |area: &str| wanted.iter().position(|w| *w == area).map(|i| 1u32 << i);
    // Every usable part, as (mask, part).
    let mut parts: Vec<(u32, Part)> = Vec::new();
    for (area, price) in &prices.areas {
        if let Some(b) = bit(area) {
            parts.push((b, Part { areas: vec![area.clone()], price: *price, combination: false }));
        }
    }
    for c in &prices.combinations {
        let mut mask = 0u32;
        let mut inside = true;
        for a in &c.areas {
            match bit(a) {
                Some(b) => mask |= b,
                None => inside = false,
            }
        }
        if inside && mask.count_ones() as usize == c.areas.len() {
            parts.push((mask, Part { areas: c.areas.clone(), price: c.price, combination: true }));
        }
    }
    let full = (1u32 << wanted.len()) - 1;
    // best[mask] = (cost, number of parts, chosen part indices)
    let mut best: Vec<Option<(i64, usize, Vec<usize>)>> = vec![None; (full + 1) as usize];
    best[0] = Some((0, 0, Vec::new()));
    for mask in 1..=full {
        // Always cover the lowest missing area first, so each partition is counted once.
        let low_bit = mask & mask.wrapping_neg();
        let mut choice: Option<(i64, usize, Vec<usize>)> = None;
        for (i, (m, part)) in parts.iter().enumerate() {
            if m & low_bit == 0 || m & !mask != 0 {
                continue;
            }
            if let Some((cost, count, picked)) = &best[(mask & !m) as usize] {
                let candidate = (cost + part.price.mid2(), count + 1, [picked.clone(), vec![i]].concat());
                let better = match &choice {
                    None => true,
                    Some((c, n, _)) => (candidate.0, candidate.1) < (*c, *n),
                };
                if better {
                    choice = Some(candidate);
                }
            }
        }
        best[mask as usize] = choice;
    }
    let (_, _, mut picked) = best[full as usize].clone()?;
    // List parts in the order the visitor picked their areas.
    picked.sort_by_key(|i| parts[*i].0.trailing_zeros());
    Some(picked.into_iter().map(|i| parts[i].1.clone()).collect())
}

/// Each id once, in first-seen order. A list from a link or a config can repeat an id; nothing is
/// ever charged twice because of it.
fn unique(ids: &[String]) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for id in ids {
        if !out.contains(&id.as_str()) {
            out.push(id);
        }
    }
    out
}

/// How the visitor pays for the course.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum PaymentChoice {
    PerSession,
    Package(String),
    Membership(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    Charge,
    /// Taken off the total.
    Discount,
    Fee,
    Tax,
}

/// What a line is for. The view words it in the visitor's language, with names from the price
/// book and the catalog, and percentages through the browser's `Intl`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LineItem {
    /// Areas treated, alone or as a combination done together, for a number of sessions.
    Areas { areas: Vec<String>, together: bool, sessions: u8, within: Within },
    AddOn { id: String, sessions: u8 },
    /// `count` set-price packages.
    PackagePrice { package: String, count: u8 },
    PackageDiscount { package: String, percent: BasisPoints },
    MemberDiscount { membership: String, percent: BasisPoints },
    MemberFee { membership: String, months: u32 },
    Tax { label: String, percent: BasisPoints },
}

/// Whether a line of sessions sits inside a package.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Within {
    Plain,
    /// Sessions covered by this percent-off package.
    Package(String),
    /// Sessions beyond what the packages cover, priced singly.
    OutsidePackage,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub item: LineItem,
    pub kind: LineKind,
    /// Zero or more; a discount is taken off.
    pub amount: Range,
}

/// Something the visitor should know about a way to pay.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OptionNote {
    /// The packages bought cover more sessions than asked for. `cheaper_than_fewer` is true only
    /// when buying them costs less, at both ends of the ranges, than one package fewer with the
    /// remaining sessions paid singly.
    UnusedSessions { unused: u8, package_size: u8, cheaper_than_fewer: bool },
    /// The membership is paid for `months`: the months the course spans (`course_months`), or the
    /// membership's minimum when that is longer.
    MembershipMonths { months: u32, course_months: u32, minimum: u8 },
}

/// A way to pay against paying per session, at the low and the high ends of the ranges.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Difference {
    /// Saves at both ends: `least` and `most` are the two savings, `0 <= least <= most`, `most > 0`.
    Saves { least: i64, most: i64 },
    /// Costs more at both ends, by `least` to `most`, `0 <= least <= most`, `most > 0`.
    CostsMore { least: i64, most: i64 },
    /// Saves at one end of the ranges and costs more at the other (both > 0).
    Depends { saves_up_to: i64, costs_more_up_to: i64 },
    Same,
}

impl Difference {
    /// `option` against `per_session`, end by end.
    pub fn between(per_session: Range, option: Range) -> Difference {
        let (at_low, at_high) = (per_session.low - option.low, per_session.high - option.high);
        let (least, most) = (at_low.min(at_high), at_low.max(at_high));
        if least >= 0 && most > 0 {
            Difference::Saves { least, most }
        } else if most <= 0 && least < 0 {
            Difference::CostsMore { least: -most, most: -least }
        } else if least == 0 && most == 0 {
            Difference::Same
        } else {
            Difference::Depends { saves_up_to: most, costs_more_up_to: -least }
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PaymentOption {
    pub choice: PaymentChoice,
    pub lines: Vec<Line>,
    pub total: Range,
    pub note: Option<OptionNote>,
    /// Against paying per session; `None` for paying per session itself.
    pub against_per_session: Option<Difference>,
    pub financing_allowed: bool,
}

/// Which way to pay is chosen for the visitor until they pick, and the claim that may be made about
/// it. Ties always go to the earlier option (paying per session, then packages, then memberships,
/// each in the clinic's order).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cheapest {
    /// Only one way to pay: nothing to claim.
    Only,
    /// Every way costs the same at both ends: nothing to claim.
    AllTheSame,
    /// Costs no more than any other way at both ends of the ranges, and less than at least one.
    /// `tied` lists the other ways that cost exactly the same at both ends ("joint cheapest").
    AtBothEnds { index: usize, tied: Vec<usize> },
    /// No way is lowest at both ends. `index` has the lowest total at the middle of the ranges;
    /// `lowest_at_low_end` and `lowest_at_high_end` say which ways are lowest at each end (at least
    /// one of them is not `index`).
    AtMidRange { index: usize, lowest_at_low_end: usize, lowest_at_high_end: usize },
}

impl Cheapest {
    /// The option chosen until the visitor picks one.
    pub fn index(&self) -> usize {
        match self {
            Cheapest::Only | Cheapest::AllTheSame => 0,
            Cheapest::AtBothEnds { index, .. } | Cheapest::AtMidRange { index, .. } => *index,
        }
    }

    fn of(totals: &[Range]) -> Cheapest {
        if totals.len() <= 1 {
            return Cheapest::Only;
        }
        if totals.iter().all(|t| *t == totals[0]) {
            return Cheapest::AllTheSame;
        }
        // The first option that is at most every other at both ends, if any.
        if let Some(index) = (0..totals.len()).find(|&i| totals.iter().all(|t| totals[i].at_most(*t))) {
            let tied = (0..totals.len()).filter(|&j| j != index && totals[j] == totals[index]).collect();
            return Cheapest::AtBothEnds { index, tied };
        }
        let first_min = |key: &dyn Fn(&Range) -> i64| {
            (0..totals.len()).min_by_key(|&i| (key(&totals[i]), i)).unwrap_or(0)
        };
        Cheapest::AtMidRange {
            index: first_min(&|t| t.mid2()),
            lowest_at_low_end: first_min(&|t| t.low),
            lowest_at_high_end: first_min(&|t| t.high),
        }
    }
}

/// What the visitor asked to price.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EstimateInput {
    pub treatment: String,
    pub areas: Vec<String>,
    pub sessions: u8,
    pub add_ons: Vec<String>,
    /// Days between sessions (for how many months a membership is needed).
    pub spacing_days: u16,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Estimate {
    pub parts: Vec<Part>,
    /// Areas plus add-ons, for one session, before any package or membership.
    pub per_session: Range,
    pub options: Vec<PaymentOption>,
    pub cheapest: Cheapest,
}

impl Estimate {
    /// The option the visitor picked, or the one chosen for them when they have not (or their pick
    /// no longer applies).
    pub fn chosen(&self, payment: Option<&PaymentChoice>) -> &PaymentOption {
        payment
            .and_then(|p| self.options.iter().find(|o| &o.choice == p))
            .unwrap_or(&self.options[self.cheapest.index()])
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EstimateError {
    /// The clinic publishes no price for this treatment.
    NotPriced,
    /// Some chosen area has no price for this treatment.
    AreasNotPriced,
    NoSessions,
}

impl std::fmt::Display for EstimateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            EstimateError::NotPriced => "the clinic publishes no price for this treatment",
            EstimateError::AreasNotPriced => "a chosen area has no price for this treatment",
            EstimateError::NoSessions => "no sessions were asked for",
        })
    }
}

impl std::error::Error for EstimateError {}

/// Months of membership a course needs: the months it spans (30-day months, rounded up), at least
/// the membership's minimum.
pub fn membership_months(sessions: u8, spacing_days: u16, minimum: u8) -> u32 {
    let span_days = (u32::from(sessions.max(1)) - 1) * u32::from(spacing_days) + 1;
    span_days.div_ceil(30).max(u32::from(minimum)).max(1)
}

pub fn estimate(book: &PriceBook, input: &EstimateInput) -> Result<Estimate, EstimateError> {
    let prices = book.treatment(&input.treatment).ok_or(EstimateError::NotPriced)?;
    if input.sessions == 0 {
        return Err(EstimateError::NoSessions);
    }
    let parts = price_areas(prices, &input.areas).ok_or(EstimateError::AreasNotPriced)?;
    let n = input.sessions;
    let area_session: Range = parts.iter().map(|p| p.price).sum();
    let add_ons: Vec<&AddOn> = unique(&input.add_ons)
        .into_iter()
        .filter(|id| prices.add_ons.iter().any(|a| a == id))
        .filter_map(|id| book.add_on(id))
        .collect();
    let add_on_session: Range = add_ons.iter().map(|a| a.per_session).sum();

    let area_lines = |count: u8, within: Within| -> Vec<Line> {
        if count == 0 {
            return Vec::new();
        }
        parts
            .iter()
            .map(|p| Line {
                item: LineItem::Areas { areas: p.areas.clone(), together: p.combination, sessions: count, within: within.clone() },
                kind: LineKind::Charge,
                amount: p.price * i64::from(count),
            })
            .collect()
    };
    let add_on_lines: Vec<Line> = add_ons
        .iter()
        .map(|a| Line { item: LineItem::AddOn { id: a.id.clone(), sessions: n }, kind: LineKind::Charge, amount: a.per_session * i64::from(n) })
        .collect();

    let mut options = Vec::new();
    // Paying session by session.
    let mut lines = area_lines(n, Within::Plain);
    lines.extend(add_on_lines.iter().cloned());
    let per_session = finish(book, PaymentChoice::PerSession, lines, None, true);
    let per_session_total = per_session.total;
    options.push(per_session);

    // Packages: the number of packages that is cheapest at mid-range prices, plus single sessions
    // for any left over.
    for pkg in book.packages.iter().filter(|p| p.treatment == input.treatment && p.sessions > 0) {
        let applies = match &pkg.deal {
            Deal::PercentOff(_) => true,
            Deal::SetPrice { areas, .. } => same_areas(areas, &input.areas),
        };
        if !applies {
            continue;
        }
        let size = pkg.sessions;
        let priced = |k: u8| -> (Vec<Line>, Range) {
            let singles = n.saturating_sub(k.saturating_mul(size));
            let mut lines = Vec::new();
            if k > 0 {
                match &pkg.deal {
                    Deal::SetPrice { price, .. } => lines.push(Line {
                        item: LineItem::PackagePrice { package: pkg.id.clone(), count: k },
                        kind: LineKind::Charge,
                        amount: *price * i64::from(k),
                    }),
                    Deal::PercentOff(bps) => {
                        // The package's sessions are charged in full, then the percentage comes off.
                        let sessions_in_packages = k.saturating_mul(size);
                        lines.extend(area_lines(sessions_in_packages, Within::Package(pkg.id.clone())));
                        lines.push(Line {
                            item: LineItem::PackageDiscount { package: pkg.id.clone(), percent: *bps },
                            kind: LineKind::Discount,
                            amount: (area_session * i64::from(sessions_in_packages)).bps(*bps),
                        });
                    }
                }
            }
            lines.extend(area_lines(singles, if k > 0 { Within::OutsidePackage } else { Within::Plain }));
            lines.extend(add_on_lines.iter().cloned());
            let total = total_with_tax(book, &lines);
            (lines, total)
        };
        let most = n.div_ceil(size);
        let Some(k) = (1..=most).min_by_key(|&k| (priced(k).1.mid2(), k)) else { continue };
        let (lines, _) = priced(k);
        let unused = (u16::from(k) * u16::from(size)).saturating_sub(u16::from(n));
        let note = (unused > 0).then(|| OptionNote::UnusedSessions {
            unused: unused.min(255) as u8,
            package_size: size,
            // Against one package fewer and the rest paid singly (or no package at all).
            cheaper_than_fewer: {
                let with = priced(k).1;
                let fewer = priced(k - 1).1;
                with.at_most(fewer) && with != fewer
            },
        });
        options.push(finish(book, PaymentChoice::Package(pkg.id.clone()), lines, note, book.financing.with_packages));
    }

    // Memberships: a monthly fee for the months the course spans, and a discount on sessions and add-ons.
    for m in book.memberships.iter().filter(|m| m.treatments.is_empty() || m.treatments.contains(&input.treatment)) {
        let months = membership_months(n, input.spacing_days, m.minimum_months);
        let mut lines = area_lines(n, Within::Plain);
        lines.extend(add_on_lines.iter().cloned());
        let discounted = (area_session + add_on_session) * i64::from(n);
        lines.push(Line {
            item: LineItem::MemberDiscount { membership: m.id.clone(), percent: m.percent_off },
            kind: LineKind::Discount,
            amount: discounted.bps(m.percent_off),
        });
        lines.push(Line {
            item: LineItem::MemberFee { membership: m.id.clone(), months },
            kind: LineKind::Fee,
            amount: m.monthly_fee * i64::from(months),
        });
        let note = Some(OptionNote::MembershipMonths { months, course_months: membership_months(n, input.spacing_days, 1), minimum: m.minimum_months });
        options.push(finish(book, PaymentChoice::Membership(m.id.clone()), lines, note, book.financing.with_memberships));
    }

    for o in options.iter_mut().skip(1) {
        o.against_per_session = Some(Difference::between(per_session_total, o.total));
    }
    let totals: Vec<Range> = options.iter().map(|o| o.total).collect();
    Ok(Estimate { parts, per_session: area_session + add_on_session, options, cheapest: Cheapest::of(&totals) })
}

/// What the lines come to before tax: charges and fees, less discounts.
fn subtotal(lines: &[Line]) -> Range {
    lines.iter().fold(Range::ZERO, |sum, l| match l.kind {
        LineKind::Discount => sum.minus(l.amount),
        _ => sum + l.amount,
    })
}

fn total_with_tax(book: &PriceBook, lines: &[Line]) -> Range {
    let before = subtotal(lines);
    match &book.tax {
        Some(tax) => before + before.bps(tax.bps),
        None => before,
    }
}

fn finish(book: &PriceBook, choice: PaymentChoice, mut lines: Vec<Line>, note: Option<OptionNote>, financing_allowed: bool) -> PaymentOption {
    if let Some(tax) = &book.tax {
        let before = subtotal(&lines);
        lines.push(Line { item: LineItem::Tax { label: tax.label.clone(), percent: tax.bps }, kind: LineKind::Tax, amount: before.bps(tax.bps) });
    }
    let total = subtotal(&lines);
    PaymentOption { choice, lines, total, note, against_per_session: None, financing_allowed }
}

/// The same set of areas, whatever the order or repeats.
fn same_areas(a: &[String], b: &[String]) -> bool {
    let (a, b) = (unique(a), unique(b));
    a.len() == b.len() && a.iter().all(|x| b.contains(x))
}

/// The deposit due at booking on a total, never more than the total.
pub fn deposit(book: &PriceBook, total: Range) -> Option<Range> {
    Some(match book.deposit.as_ref()? {
        Deposit::Percent(bps) => total.bps(*bps),
        Deposit::Fixed(amount) => Range::new((*amount).min(total.low), (*amount).min(total.high)),
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn r(low: i64, high: i64) -> Range {
        Range::new(low, high)
    }

    pub(crate) fn book() -> PriceBook {
        PriceBook {
            treatments: vec![TreatmentPrices {
                treatment: "mn".into(),
                areas: vec![("face".into(), r(20_000, 30_000)), ("neck".into(), r(10_000, 15_000)), ("chest".into(), r(12_000, 12_000))],
                combinations: vec![Combination { areas: vec!["face".into(), "neck".into()], price: r(25_000, 40_000) }],
                add_ons: vec!["prp".into()],
            }],
            add_ons: vec![AddOn { id: "prp".into(), name: "PRP".into(), per_session: r(5_000, 30_000) }],
            packages: vec![
                Package { id: "three".into(), name: "Course of 3".into(), treatment: "mn".into(), sessions: 3, deal: Deal::SetPrice { price: r(50_000, 75_000), areas: vec!["face".into()] } },
                Package { id: "pct".into(), name: "Four for less".into(), treatment: "mn".into(), sessions: 4, deal: Deal::PercentOff(1_500) },
            ],
            memberships: vec![Membership { id: "club".into(), name: "Club".into(), monthly_fee: r(5_000, 5_000), percent_off: 1_000, minimum_months: 3, treatments: vec![] }],
            financing: Financing { plans: vec![], minimum: 0, with_packages: false, with_memberships: true, lender: None },
            tax: None,
            deposit: Some(Deposit::Percent(1_000)),
            at_home: None,
            source_note: None,
            price_sources: vec![],
        }
    }

    fn input(areas: &[&str], sessions: u8) -> EstimateInput {
        EstimateInput { treatment: "mn".into(), areas: areas.iter().map(|a| a.to_string()).collect(), sessions, add_ons: vec![], spacing_days: 28 }
    }

    fn option<'a>(e: &'a Estimate, choice: &PaymentChoice) -> &'a PaymentOption {
        e.options.iter().find(|o| &o.choice == choice).unwrap()
    }

    #[test]
    fn combinations_are_used_when_cheaper() {
        let b = book();
        let parts = price_areas(&b.treatments[0], &["face".into(), "neck".into(), "chest".into()]).unwrap();
        let labels: Vec<Vec<String>> = parts.iter().map(|p| p.areas.clone()).collect();
        assert_eq!(labels, vec![vec!["face".to_string(), "neck".to_string()], vec!["chest".to_string()]]);
        assert!(price_areas(&b.treatments[0], &["scalp".into()]).is_none());
        assert!(price_areas(&b.treatments[0], &[]).is_none());
    }

    #[test]
    fn pay_per_session_is_itemised() {
        let e = estimate(&book(), &input(&["face"], 4)).unwrap();
        let each = &e.options[0];
        assert_eq!(each.choice, PaymentChoice::PerSession);
        assert_eq!(each.total, r(80_000, 120_000));
        assert_eq!(each.lines.len(), 1);
        assert_eq!(e.per_session, r(20_000, 30_000));
        assert_eq!(each.against_per_session, None);
    }

    #[test]
    fn a_set_price_package_covers_what_it_can_and_the_rest_is_single() {
        let e = estimate(&book(), &input(&["face"], 4)).unwrap();
        let pkg = option(&e, &PaymentChoice::Package("three".into()));
        // One package (3 sessions) + 1 single = 50k..75k + 20k..30k = 70k..105k; two packages
        // (100k..150k, 2 unused) would cost more.
        assert_eq!(pkg.total, r(70_000, 105_000));
        assert!(pkg.note.is_none());
        assert!(!pkg.financing_allowed, "this clinic does not finance packages");
        // 80k..120k per session: saves 10k at the low end and 15k at the high end.
        assert_eq!(pkg.against_per_session, Some(Difference::Saves { least: 10_000, most: 15_000 }));
    }

    #[test]
    fn a_set_price_package_only_applies_to_exactly_its_areas() {
        let e = estimate(&book(), &input(&["face", "neck"], 3)).unwrap();
        assert!(!e.options.iter().any(|o| o.choice == PaymentChoice::Package("three".into())));
        assert!(e.options.iter().any(|o| o.choice == PaymentChoice::Package("pct".into())));
        // A package that lists the face twice still covers only the face, never face and neck.
        let mut b = book();
        b.packages[0].deal = Deal::SetPrice { price: r(1, 1), areas: vec!["face".into(), "face".into()] };
        let e = estimate(&b, &input(&["face", "neck"], 3)).unwrap();
        assert!(!e.options.iter().any(|o| o.choice == PaymentChoice::Package("three".into())));
        let e = estimate(&b, &input(&["face"], 3)).unwrap();
        assert!(e.options.iter().any(|o| o.choice == PaymentChoice::Package("three".into())));
    }

    #[test]
    fn repeated_add_ons_and_areas_are_charged_once() {
        let mut once = input(&["face"], 2);
        once.add_ons = vec!["prp".into()];
        let mut thrice = input(&["face", "face"], 2);
        thrice.add_ons = vec!["prp".into(), "prp".into(), "prp".into()];
        let (a, b) = (estimate(&book(), &once).unwrap(), estimate(&book(), &thrice).unwrap());
        // 2 × (face 20k..30k + PRP 5k..30k) = 50k..120k, however often the ids repeat.
        assert_eq!(a.options[0].total, r(50_000, 120_000));
        assert_eq!(b.options[0].total, r(50_000, 120_000));
        assert_eq!(b.per_session, r(25_000, 60_000));
    }

    #[test]
    fn percentage_packages_discount_sessions_not_add_ons() {
        let mut i = input(&["face"], 4);
        i.add_ons = vec!["prp".into()];
        let e = estimate(&book(), &i).unwrap();
        let pct = option(&e, &PaymentChoice::Package("pct".into()));
        // 4 × face = 80k..120k, 15 % off = 12k..18k, PRP 4 × 5k..30k = 20k..120k.
        assert_eq!(pct.total, r(80_000 - 12_000 + 20_000, 120_000 - 18_000 + 120_000));
        let discount = pct.lines.iter().find(|l| l.kind == LineKind::Discount).unwrap();
        assert_eq!(discount.amount, r(12_000, 18_000), "shown as an amount off, never negative");
    }

    #[test]
    fn membership_charges_the_months_the_course_spans() {
        assert_eq!(membership_months(4, 28, 3), 3); // 85 days → 3 months
        assert_eq!(membership_months(6, 42, 3), 8); // 211 days → 8 months
        assert_eq!(membership_months(1, 28, 1), 1);
        assert_eq!(membership_months(2, 28, 6), 6, "the minimum applies");
        assert_eq!(membership_months(2, 30, 1), 2, "31 days is two 30-day months");
        let e = estimate(&book(), &input(&["face"], 4)).unwrap();
        let club = option(&e, &PaymentChoice::Membership("club".into()));
        // 80k..120k − 10 % + 3 × 5k
        assert_eq!(club.total, r(80_000 - 8_000 + 15_000, 120_000 - 12_000 + 15_000));
        assert_eq!(club.note, Some(OptionNote::MembershipMonths { months: 3, course_months: 3, minimum: 3 }));
        let e = estimate(&book(), &input(&["face"], 2)).unwrap();
        let club = option(&e, &PaymentChoice::Membership("club".into()));
        assert_eq!(club.note, Some(OptionNote::MembershipMonths { months: 3, course_months: 1, minimum: 3 }), "29 days span one month; the minimum is three");
    }

    #[test]
    fn the_membership_discount_covers_add_ons_too() {
        let mut i = input(&["face"], 1);
        i.add_ons = vec!["prp".into()];
        let e = estimate(&book(), &i).unwrap();
        let club = option(&e, &PaymentChoice::Membership("club".into()));
        let discount = club.lines.iter().find(|l| l.kind == LineKind::Discount).unwrap();
        // 10 % of (face 20k..30k + PRP 5k..30k).
        assert_eq!(discount.amount, r(2_500, 6_000));
    }

    #[test]
    fn the_cheapest_at_both_ends_is_claimed_and_chosen() {
        let e = estimate(&book(), &input(&["face"], 3)).unwrap();
        // Per session 60k..90k; "three" 50k..75k; "pct" (one package of 4, 3 used) 68k..102k;
        // club 54k..81k + 15k = 69k..96k. "three" is lowest at both ends.
        let three = e.options.iter().position(|o| o.choice == PaymentChoice::Package("three".into())).unwrap();
        assert_eq!(e.cheapest, Cheapest::AtBothEnds { index: three, tied: vec![] });
    }

    #[test]
    fn ties_go_to_the_earlier_way_to_pay() {
        let mut b = book();
        // The set-price package now costs exactly what paying per session does for 3 face sessions.
        b.packages[0].deal = Deal::SetPrice { price: r(60_000, 90_000), areas: vec!["face".into()] };
        b.packages.truncate(1);
        b.memberships.clear();
        let e = estimate(&b, &input(&["face"], 3)).unwrap();
        assert_eq!(e.cheapest, Cheapest::AllTheSame);
        assert_eq!(e.cheapest.index(), 0);
        b.memberships = book().memberships;
        b.memberships[0].monthly_fee = r(100_000, 100_000);
        let e = estimate(&b, &input(&["face"], 3)).unwrap();
        assert_eq!(e.cheapest, Cheapest::AtBothEnds { index: 0, tied: vec![1] }, "per session first, tied with the package");
    }

    #[test]
    fn with_overlapping_ranges_nothing_is_called_cheapest_or_a_saving() {
        // The demo's case: $150–$700 a session against a course of 4 for $800–$2,000.
        let mut b = book();
        b.treatments[0].areas = vec![("face".into(), r(15_000, 70_000))];
        b.treatments[0].combinations.clear();
        b.packages = vec![Package { id: "c4".into(), name: "Course of 4".into(), treatment: "mn".into(), sessions: 4, deal: Deal::SetPrice { price: r(80_000, 200_000), areas: vec!["face".into()] } }];
        b.memberships.clear();
        let e = estimate(&b, &input(&["face"], 4)).unwrap();
        // 4 × 150–700 = 600–2,800 against 800–2,000: $200 more at the low end, $800 less at the high end.
        assert_eq!(e.options[1].against_per_session, Some(Difference::Depends { saves_up_to: 80_000, costs_more_up_to: 20_000 }));
        assert_eq!(e.cheapest, Cheapest::AtMidRange { index: 1, lowest_at_low_end: 0, lowest_at_high_end: 1 });
        // One session: the package is for 4, costs more at both ends, and is not "the cheaper way".
        let e = estimate(&b, &input(&["face"], 1)).unwrap();
        let c4 = &e.options[1];
        assert_eq!(c4.note, Some(OptionNote::UnusedSessions { unused: 3, package_size: 4, cheaper_than_fewer: false }));
        assert_eq!(c4.against_per_session, Some(Difference::CostsMore { least: 65_000, most: 130_000 }));
        assert_eq!(e.cheapest, Cheapest::AtBothEnds { index: 0, tied: vec![] });
    }

    #[test]
    fn unused_sessions_are_called_the_cheaper_way_only_when_they_are() {
        let mut b = book();
        b.packages.truncate(1); // "three": 50k..75k for 3 face sessions; a face session is 20k..30k
        b.memberships.clear();
        // 2 sessions: the package (50k..75k) against 2 singles (40k..60k) costs more: not cheaper.
        let e = estimate(&b, &input(&["face"], 2)).unwrap();
        assert_eq!(e.options[1].note, Some(OptionNote::UnusedSessions { unused: 1, package_size: 3, cheaper_than_fewer: false }));
        // 5 sessions: two packages (100k..150k) against one and 2 singles (90k..135k): k = 1 is
        // chosen, with no unused session.
        let e = estimate(&b, &input(&["face"], 5)).unwrap();
        assert_eq!(e.options[1].total, r(90_000, 135_000));
        assert_eq!(e.options[1].note, None);
        // A cheap package: 3 sessions for 30k..45k. With 2 sessions it beats 2 singles at both ends.
        b.packages[0].deal = Deal::SetPrice { price: r(30_000, 45_000), areas: vec!["face".into()] };
        let e = estimate(&b, &input(&["face"], 2)).unwrap();
        assert_eq!(e.options[1].note, Some(OptionNote::UnusedSessions { unused: 1, package_size: 3, cheaper_than_fewer: true }));
    }

    #[test]
    fn each_way_to_pay_follows_its_own_financing_rule() {
        let allowed = |b: &PriceBook| {
            let e = estimate(b, &input(&["face"], 3)).unwrap();
            e.options.iter().map(|o| (o.choice.clone(), o.financing_allowed)).collect::<Vec<_>>()
        };
        let mut b = book(); // packages may not be financed, memberships may
        let per = PaymentChoice::PerSession;
        let (three, pct, club) = (PaymentChoice::Package("three".into()), PaymentChoice::Package("pct".into()), PaymentChoice::Membership("club".into()));
        assert_eq!(allowed(&b), vec![(per.clone(), true), (three.clone(), false), (pct.clone(), false), (club.clone(), true)]);
        b.financing.with_packages = true;
        b.financing.with_memberships = false;
        assert_eq!(allowed(&b), vec![(per, true), (three, true), (pct, true), (club, false)]);
    }

    #[test]
    fn tax_is_a_line_on_the_subtotal() {
        let mut b = book();
        b.tax = Some(Tax { label: "VAT".into(), bps: 2_000 });
        let e = estimate(&b, &input(&["face"], 1)).unwrap();
        let each = &e.options[0];
        assert_eq!(each.lines.last().unwrap().item, LineItem::Tax { label: "VAT".into(), percent: 2_000 });
        assert_eq!(each.total, r(24_000, 36_000));
        // Tax on the discounted membership: (20k..30k − 10 % + 3 × 5k) × 1.2.
        let club = option(&e, &PaymentChoice::Membership("club".into()));
        assert_eq!(club.total, r((18_000 + 15_000) * 12 / 10, (27_000 + 15_000) * 12 / 10));
    }

    #[test]
    fn deposits_never_exceed_the_total() {
        let mut b = book();
        assert_eq!(deposit(&b, r(100_000, 200_000)), Some(r(10_000, 20_000)));
        b.deposit = Some(Deposit::Fixed(50_000));
        assert_eq!(deposit(&b, r(30_000, 80_000)), Some(r(30_000, 50_000)));
        b.deposit = None;
        assert_eq!(deposit(&b, r(1, 2)), None);
    }

    #[test]
    fn differences_are_never_negative_amounts() {
        assert_eq!(Difference::between(r(100, 200), r(90, 150)), Difference::Saves { least: 10, most: 50 });
        assert_eq!(Difference::between(r(100, 200), r(100, 150)), Difference::Saves { least: 0, most: 50 });
        assert_eq!(Difference::between(r(100, 200), r(120, 260)), Difference::CostsMore { least: 20, most: 60 });
        assert_eq!(Difference::between(r(100, 200), r(120, 150)), Difference::Depends { saves_up_to: 50, costs_more_up_to: 20 });
        assert_eq!(Difference::between(r(100, 200), r(100, 200)), Difference::Same);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    //! Each claim the estimator can make, checked against a model of the price book written
    //! independently here: brute force over every way to split the areas and every number of
    //! packages, and tax computed by its own rounding.
    use super::*;
    use proptest::collection::vec;
    use proptest::prelude::*;

    const AREAS: [&str; 4] = ["face", "neck", "chest", "hands"];

    fn range() -> impl Strategy<Value = Range> {
        (0i64..200_000, 0i64..200_000).prop_map(|(a, b)| Range::new(a.min(b), a.max(b)))
    }

    prop_compose! {
        fn a_book()(
            area_prices in vec(range(), 4),
            combos in vec((1u8..16, range()), 0..4),
            add_on in range(),
            set_price in range(),
            set_size in 1u8..6,
            pct in 0u32..=10_000,
            pct_size in 1u8..6,
            fee in range(),
            member_pct in 0u32..=10_000,
            minimum in 1u8..12,
            tax in proptest::option::of(0u32..3_000),
        ) -> PriceBook {
            PriceBook {
                treatments: vec![TreatmentPrices {
                    treatment: "t".into(),
                    areas: AREAS.iter().zip(&area_prices).map(|(a, p)| (a.to_string(), *p)).collect(),
                    combinations: combos.iter().map(|(mask, price)| Combination {
                        areas: AREAS.iter().enumerate().filter(|(i, _)| mask & (1 << i) != 0).map(|(_, a)| a.to_string()).collect(),
                        price: *price,
                    }).collect(),
                    add_ons: vec!["x".into()],
                }],
                add_ons: vec![AddOn { id: "x".into(), name: "X".into(), per_session: add_on }],
                packages: vec![
                    Package { id: "set".into(), name: "Set".into(), treatment: "t".into(), sessions: set_size, deal: Deal::SetPrice { price: set_price, areas: vec!["face".into()] } },
                    Package { id: "pct".into(), name: "Pct".into(), treatment: "t".into(), sessions: pct_size, deal: Deal::PercentOff(pct) },
                ],
                memberships: vec![Membership { id: "m".into(), name: "M".into(), monthly_fee: fee, percent_off: member_pct, minimum_months: minimum, treatments: vec![] }],
                financing: Financing::default(),
                tax: tax.map(|bps| Tax { label: "Tax".into(), bps }),
                deposit: None,
                at_home: None,
                source_note: None,
                price_sources: vec![],
            }
        }
    }

    /// Areas from a bit mask, with `repeat` extra copies of the first (as a hostile link might send).
    fn input(mask: u8, sessions: u8, add_on_copies: usize, repeat: usize) -> EstimateInput {
        let mut areas: Vec<String> = AREAS.iter().enumerate().filter(|(i, _)| mask & (1 << i) != 0).map(|(_, a)| a.to_string()).collect();
        for _ in 0..repeat {
            areas.push(areas[0].clone());
        }
        EstimateInput { treatment: "t".into(), areas, sessions, add_ons: vec!["x".to_string(); add_on_copies], spacing_days: 28 }
    }

    /// The cheapest split of `areas` (no repeats) into singles and combinations, by brute force,
    /// as the range with the smallest low + high.
    fn cheapest_split(prices: &TreatmentPrices, areas: &[String]) -> Option<Range> {
        if areas.is_empty() {
            return Some(Range::ZERO);
        }
        let first = &areas[0];
        let mut parts: Vec<(Vec<String>, Range)> = prices.areas.iter().map(|(a, p)| (vec![a.clone()], *p)).collect();
        parts.extend(prices.combinations.iter().map(|c| (c.areas.clone(), c.price)));
        let mut best: Option<Range> = None;
        for (part_areas, price) in parts {
            let mut sorted = part_areas.clone();
            sorted.sort();
            sorted.dedup();
            if sorted.len() != part_areas.len() || !part_areas.contains(first) || !part_areas.iter().all(|a| areas.contains(a)) {
                continue;
            }
            let rest: Vec<String> = areas.iter().filter(|a| !part_areas.contains(a)).cloned().collect();
            if let Some(rest) = cheapest_split(prices, &rest) {
                let total = Range::new(rest.low + price.low, rest.high + price.high);
                if best.is_none_or(|b| total.low + total.high < b.low + b.high) {
                    best = Some(total);
                }
            }
        }
        best
    }

    /// Tax by its own rule: half a minor unit and up rounds up (amounts here are never negative).
    fn with_tax(book: &PriceBook, amount: i64) -> i64 {
        match &book.tax {
            Some(t) => amount + (2 * amount * i64::from(t.bps) + 10_000) / 20_000,
            None => amount,
        }
    }

    fn off(amount: i64, bps: u32) -> i64 {
        (2 * amount * i64::from(bps) + 10_000) / 20_000
    }

    /// Every total the model says each way to pay can come to, at one end of the ranges.
    /// `end` picks low (false) or high (true).
    fn model_per_session(book: &PriceBook, i: &EstimateInput, end: bool) -> i64 {
        let mut areas: Vec<String> = Vec::new();
        for a in &i.areas {
            if !areas.contains(a) {
                areas.push(a.clone());
            }
        }
        let split = cheapest_split(&book.treatments[0], &areas).unwrap();
        let add = if i.add_ons.is_empty() { Range::ZERO } else { book.add_ons[0].per_session };
        let pick = |r: Range| if end { r.high } else { r.low };
        with_tax(book, (pick(split) + pick(add)) * i64::from(i.sessions))
    }

    proptest! {
        #[test]
        fn paying_per_session_matches_the_model_whatever_the_repeats(
            book in a_book(), mask in 1u8..16, n in 1u8..13, copies in 0usize..4, repeat in 0usize..3
        ) {
            let i = input(mask, n, copies, repeat);
            let e = estimate(&book, &i).unwrap();
            let each = e.options[0].total;
            prop_assert_eq!(each.low, model_per_session(&book, &i, false));
            prop_assert_eq!(each.high, model_per_session(&book, &i, true));
        }

        #[test]
        fn no_amount_is_ever_negative_and_low_never_exceeds_high(book in a_book(), mask in 1u8..16, n in 1u8..13, copies in 0usize..2) {
            let e = estimate(&book, &input(mask, n, copies, 0)).unwrap();
            for o in &e.options {
                prop_assert!(o.total.low >= 0 && o.total.low <= o.total.high, "{:?}", o.total);
                for l in &o.lines {
                    prop_assert!(l.amount.low >= 0 && l.amount.high >= 0, "{:?}", l);
                }
                match o.against_per_session {
                    Some(Difference::Saves { least, most }) | Some(Difference::CostsMore { least, most }) => prop_assert!(0 <= least && least <= most && most > 0),
                    Some(Difference::Depends { saves_up_to, costs_more_up_to }) => prop_assert!(saves_up_to > 0 && costs_more_up_to > 0),
                    Some(Difference::Same) | None => {}
                }
            }
        }

        #[test]
        fn a_saving_is_claimed_only_when_it_holds_at_both_ends(book in a_book(), mask in 1u8..16, n in 1u8..13, copies in 0usize..2) {
            let e = estimate(&book, &input(mask, n, copies, 0)).unwrap();
            let each = e.options[0].total;
            for o in &e.options[1..] {
                let (at_low, at_high) = (each.low - o.total.low, each.high - o.total.high);
                match o.against_per_session.unwrap() {
                    Difference::Saves { least, most } => {
                        prop_assert!(at_low >= 0 && at_high >= 0 && (at_low > 0 || at_high > 0));
                        prop_assert_eq!((least, most), (at_low.min(at_high), at_low.max(at_high)));
                    }
                    Difference::CostsMore { least, most } => {
                        prop_assert!(at_low <= 0 && at_high <= 0 && (at_low < 0 || at_high < 0));
                        prop_assert_eq!((least, most), ((-at_low).min(-at_high), (-at_low).max(-at_high)));
                    }
                    Difference::Depends { saves_up_to, costs_more_up_to } => {
                        prop_assert!((at_low > 0 && at_high < 0) || (at_low < 0 && at_high > 0));
                        prop_assert_eq!((saves_up_to, costs_more_up_to), (at_low.max(at_high), -(at_low.min(at_high))));
                    }
                    Difference::Same => prop_assert!(at_low == 0 && at_high == 0),
                }
            }
        }

        #[test]
        fn cheapest_is_claimed_only_when_no_way_costs_less_at_either_end(book in a_book(), mask in 1u8..16, n in 1u8..13, copies in 0usize..2) {
            let e = estimate(&book, &input(mask, n, copies, 0)).unwrap();
            let totals: Vec<Range> = e.options.iter().map(|o| o.total).collect();
            match &e.cheapest {
                Cheapest::Only => prop_assert_eq!(totals.len(), 1),
                Cheapest::AllTheSame => prop_assert!(totals.iter().all(|t| *t == totals[0])),
                Cheapest::AtBothEnds { index, tied } => {
                    let c = totals[*index];
                    prop_assert!(totals.iter().all(|t| c.low <= t.low && c.high <= t.high));
                    prop_assert!(totals.iter().any(|t| c.low < t.low || c.high < t.high), "some way costs more");
                    // The tie rule: no earlier way costs the same.
                    prop_assert!(totals[..*index].iter().all(|t| *t != c));
                    let same: Vec<usize> = (0..totals.len()).filter(|&j| j != *index && totals[j] == c).collect();
                    prop_assert_eq!(tied, &same);
                }
                Cheapest::AtMidRange { index, lowest_at_low_end, lowest_at_high_end } => {
                    let lows: Vec<i64> = totals.iter().map(|t| t.low).collect();
                    let highs: Vec<i64> = totals.iter().map(|t| t.high).collect();
                    prop_assert!(!(0..totals.len()).any(|i| totals.iter().all(|t| totals[i].low <= t.low && totals[i].high <= t.high)), "no way is lowest at both ends");
                    prop_assert!(totals.iter().all(|t| totals[*index].low + totals[*index].high <= t.low + t.high));
                    prop_assert_eq!(lows[*lowest_at_low_end], *lows.iter().min().unwrap());
                    prop_assert_eq!(highs[*lowest_at_high_end], *highs.iter().min().unwrap());
                    prop_assert!(*lowest_at_low_end != *index || *lowest_at_high_end != *index);
                }
            }
        }

        #[test]
        fn the_set_price_package_is_the_best_count_and_unused_sessions_are_told_truly(book in a_book(), n in 1u8..13) {
            let i = input(1, n, 0, 0); // face only, so the set-price package applies
            let e = estimate(&book, &i).unwrap();
            let face = cheapest_split(&book.treatments[0], &["face".to_string()]).unwrap();
            let Deal::SetPrice { price, .. } = &book.packages[0].deal else { unreachable!() };
            let size = i64::from(book.packages[0].sessions);
            let n64 = i64::from(n);
            // Every number of packages k >= 1, with the rest paid singly, at each end.
            let at = |k: i64| Range::new(
                with_tax(&book, price.low * k + face.low * (n64 - k * size).max(0)),
                with_tax(&book, price.high * k + face.high * (n64 - k * size).max(0)),
            );
            let most = (n64 + size - 1) / size;
            let best_mid = (1..=most).map(|k| at(k).low + at(k).high).min().unwrap();
            let set = e.options.iter().find(|o| o.choice == PaymentChoice::Package("set".into())).unwrap();
            prop_assert_eq!(set.total.low + set.total.high, best_mid);
            let k = (1..=most).find(|&k| at(k) == set.total).unwrap();
            let unused = k * size - n64;
            match set.note {
                None => prop_assert!(unused <= 0),
                Some(OptionNote::UnusedSessions { unused: u, package_size, cheaper_than_fewer }) => {
                    prop_assert_eq!(i64::from(u), unused);
                    prop_assert_eq!(i64::from(package_size), size);
                    // One package fewer (k - 1 may be none at all), the rest paid singly.
                    let fewer = if k == 1 { Range::new(with_tax(&book, face.low * n64), with_tax(&book, face.high * n64)) } else { at(k - 1) };
                    prop_assert_eq!(cheaper_than_fewer, set.total.low <= fewer.low && set.total.high <= fewer.high && set.total != fewer);
                }
                Some(other) => prop_assert!(false, "{:?}", other),
            }
        }

        #[test]
        fn percent_off_and_membership_totals_match_the_model(book in a_book(), n in 1u8..13, add in any::<bool>()) {
            let i = input(1, n, usize::from(add), 0);
            let e = estimate(&book, &i).unwrap();
            let face = cheapest_split(&book.treatments[0], &["face".to_string()]).unwrap();
            let x = if add { book.add_ons[0].per_session } else { Range::ZERO };
            let n64 = i64::from(n);
            let Deal::PercentOff(pct) = book.packages[1].deal else { unreachable!() };
            let size = i64::from(book.packages[1].sessions);
            for end in [false, true] {
                let pick = |r: Range| if end { r.high } else { r.low };
                // Percent off: k packages charged in full less the percentage (add-ons not
                // discounted), the rest single; the cheapest k at mid-range prices.
                let pct_option = e.options.iter().find(|o| o.choice == PaymentChoice::Package("pct".into())).unwrap();
                let k = (1..=(n64 + size - 1) / size)
                    .min_by_key(|&k| {
                        let at = |r: Range| { let covered = k * size; with_tax(&book, r.low * covered - off(r.low * covered, pct) + r.low * (n64 - covered).max(0) + x.low * n64) + with_tax(&book, r.high * covered - off(r.high * covered, pct) + r.high * (n64 - covered).max(0) + x.high * n64) };
                        (at(face), k)
                    })
                    .unwrap();
                let covered = k * size;
                let expected = with_tax(&book, pick(face) * covered - off(pick(face) * covered, pct) + pick(face) * (n64 - covered).max(0) + pick(x) * n64);
                prop_assert_eq!(pick(pct_option.total), expected);
                // Membership: sessions and add-ons less the percentage, plus the fee for the months.
                let m = &book.memberships[0];
                let months = i64::from(((u32::from(n) - 1) * 28 + 1).div_ceil(30).max(u32::from(m.minimum_months)));
                let club = e.options.iter().find(|o| o.choice == PaymentChoice::Membership("m".into())).unwrap();
                let before = (pick(face) + pick(x)) * n64;
                prop_assert_eq!(pick(club.total), with_tax(&book, before - off(before, m.percent_off) + pick(m.monthly_fee) * months));
            }
        }

        #[test]
        fn paying_per_session_never_falls_as_sessions_rise(book in a_book(), mask in 1u8..16, n in 1u8..12, copies in 0usize..2) {
            let a = estimate(&book, &input(mask, n, copies, 0)).unwrap();
            let b = estimate(&book, &input(mask, n + 1, copies, 0)).unwrap();
            prop_assert!(a.options[0].total.at_most(b.options[0].total));
        }
    }
}
