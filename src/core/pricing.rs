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

use super::money::{apply_bps, round_div, BasisPoints, FULL_BPS};
use super::texts::{Lang, LocalText};

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
    pub source_note: Option<LocalText>,
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
    pub name: LocalText,
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
    pub name: LocalText,
    pub treatment: String,
    pub sessions: u8,
    pub deal: Deal,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Membership {
    pub id: String,
    pub name: LocalText,
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
    pub lender: Option<LocalText>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FinancePlan {
    pub id: String,
    pub name: LocalText,
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
    pub label: LocalText,
    pub bps: BasisPoints,
    /// The book's prices already include it (as European and UK consumer prices must): nothing is
    /// added, and the estimate says how much of its total is tax.
    pub included: bool,
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
    pub note: Option<LocalText>,
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
    pub fn choice_name(&self, choice: &PaymentChoice, lang: Lang) -> Option<&str> {
        match choice {
            PaymentChoice::PerSession => None,
            PaymentChoice::Package(id) => self.package(id).map(|p| p.name.get(lang)),
            PaymentChoice::Membership(id) => self.membership(id).map(|m| m.name.get(lang)),
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

/// One end of every price range: the bottom (each price at its low) or the top.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    Low,
    High,
}

impl End {
    pub fn of(self, r: Range) -> i64 {
        match self {
            End::Low => r.low,
            End::High => r.high,
        }
    }
}

/// The cheapest way to price a session covering exactly `selected` areas when every price is at
/// `end` of its range: singles and combinations, each area once; ties go to fewer parts. The split
/// can differ between the two ends when a combination's range is narrower than its areas' ranges.
/// `None` when some area cannot be priced.
pub fn price_areas_at(prices: &TreatmentPrices, selected: &[String], end: End) -> Option<Vec<Part>> {
    cheapest_split(prices, selected, |r| end.of(r))
}

/// A session's price for `selected` areas: the cheapest split at the bottom of the ranges to the
/// cheapest at the top. Every price a session can come to lies in this range.
pub fn session_price(prices: &TreatmentPrices, selected: &[String]) -> Option<Range> {
    let at = |end| price_areas_at(prices, selected, end).map(|parts| parts.iter().map(|p| end.of(p.price)).sum::<i64>());
    Some(Range::new(at(End::Low)?, at(End::High)?))
}

fn cheapest_split(prices: &TreatmentPrices, selected: &[String], cost_of: impl Fn(Range) -> i64) -> Option<Vec<Part>> {
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
        // (A combination lists each area once: the price book's validation refuses repeats.)
        if inside {
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
                let candidate = (cost + cost_of(part.price), count + 1, [picked.clone(), vec![i]].concat());
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
    /// Tax already inside the prices: shown beside the total, not added to it.
    IncludedTax,
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
    /// The book's tax (its label is in `PriceBook::tax`).
    Tax { percent: BasisPoints },
    /// How much of the total is the book's tax, when its prices include it.
    IncludedTax { percent: BasisPoints },
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
    /// Set when the line belongs to one end of the ranges only (the session is split differently
    /// at the other end); its amount at the other end is zero.
    pub only_at: Option<End>,
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

/// A way to pay against paying per session, for any final prices within the ranges (each price
/// anywhere in its own range, independently of the others).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Difference {
    /// Always saves: by at least `least` and at most `most`, `0 <= least <= most`, `most > 0`.
    Saves { least: i64, most: i64 },
    /// Always costs more: by at least `least` and at most `most`, `0 <= least <= most`, `most > 0`.
    CostsMore { least: i64, most: i64 },
    /// Can save (up to `saves_up_to`) or cost more (up to `costs_more_up_to`), both > 0,
    /// depending on the final prices.
    Depends { saves_up_to: i64, costs_more_up_to: i64 },
    /// Always exactly the same.
    Same,
}

impl Difference {
    /// From the smallest and largest saving over every final price.
    pub fn from_saving(least: i64, most: i64) -> Difference {
        if least > 0 || (least == 0 && most > 0) {
            Difference::Saves { least, most }
        } else if most < 0 || (most == 0 && least < 0) {
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
    /// Every way shows the same total: nothing to claim.
    AllTheSame,
    /// Costs no more than any other way to pay (including buying more or fewer of a package) for
    /// any final prices within the ranges, and less than at least one. `tied` lists the other ways
    /// that always cost exactly the same ("joint cheapest").
    AtEveryPrice { index: usize, tied: Vec<usize> },
    /// No way is cheapest for every final price. `index` has the lowest mid-range total (the middle
    /// of its total's range); `lowest_at_low_end` and `lowest_at_high_end` cost least when every
    /// price is at the bottom, or the top, of its range. All three may be the same way: it is then
    /// lowest at both ends, yet some mix of prices within the ranges makes another way cheaper.
    AtMidRange { index: usize, lowest_at_low_end: usize, lowest_at_high_end: usize },
}

impl Cheapest {
    /// The option chosen until the visitor picks one.
    pub fn index(&self) -> usize {
        match self {
            Cheapest::Only | Cheapest::AllTheSame => 0,
            Cheapest::AtEveryPrice { index, .. } | Cheapest::AtMidRange { index, .. } => *index,
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
    /// Areas plus add-ons, for one session, before any package, membership or tax.
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

/// Months of membership a course needs: the months it spans (30-day months, rounded up), at least
/// the membership's minimum.
pub fn membership_months(sessions: u8, spacing_days: u16, minimum: u8) -> u32 {
    let span_days = (u32::from(sessions.max(1)) - 1) * u32::from(spacing_days) + 1;
    span_days.div_ceil(30).max(u32::from(minimum)).max(1)
}

/// How a way to pay makes up its total, whatever the prices turn out to be.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Recipe {
    PerSession,
    /// `count` set-price packages (index into the book's packages), then `singles` sessions paid singly.
    SetPrice { package: usize, count: u8, singles: u8 },
    /// `count` percent-off packages: their sessions charged in full less the percentage, then
    /// `singles` sessions paid singly.
    PercentOff { package: usize, count: u8, singles: u8 },
    Membership { membership: usize, months: u32 },
}

impl Recipe {
    /// The one price of its own this way to pay depends on: a package's set price or a
    /// membership's monthly fee.
    fn own_price(&self, book: &PriceBook) -> Range {
        match *self {
            Recipe::SetPrice { package, .. } => match &book.packages[package].deal {
                Deal::SetPrice { price, .. } => *price,
                Deal::PercentOff(_) => Range::ZERO,
            },
            Recipe::Membership { membership, .. } => book.memberships[membership].monthly_fee,
            Recipe::PerSession | Recipe::PercentOff { .. } => Range::ZERO,
        }
    }

    /// Where that price comes from, so two ways sharing it (two counts of one package) are
    /// compared at the same price, not at opposite ends of its range.
    fn own_price_source(&self) -> Option<(bool, usize)> {
        match *self {
            Recipe::SetPrice { package, .. } => Some((false, package)),
            Recipe::Membership { membership, .. } => Some((true, membership)),
            Recipe::PerSession | Recipe::PercentOff { .. } => None,
        }
    }

    /// Whether its total is rounded anywhere (a percentage or tax): claims then allow for it.
    fn rounds(&self, book: &PriceBook) -> bool {
        book.tax.as_ref().is_some_and(|t| !t.included) || matches!(self, Recipe::PercentOff { .. } | Recipe::Membership { .. })
    }
}

/// Every price a total depends on, at exact values: the session's parts, the add-ons, and the way
/// to pay's own price.
struct Prices<'a> {
    parts: &'a [(Vec<String>, bool, i64)],
    add_ons: &'a [(String, i64)],
    own: i64,
}

/// The lines of one way to pay at exact prices: the only place totals are worked out.
fn lines_at(book: &PriceBook, recipe: &Recipe, sessions: u8, at: &Prices) -> Vec<(LineItem, LineKind, i64)> {
    let area_session: i64 = at.parts.iter().map(|p| p.2).sum();
    let area_lines = |count: u8, within: Within| -> Vec<(LineItem, LineKind, i64)> {
        if count == 0 {
            return Vec::new();
        }
        at.parts
            .iter()
            .map(|(areas, together, price)| {
                (LineItem::Areas { areas: areas.clone(), together: *together, sessions: count, within: within.clone() }, LineKind::Charge, price * i64::from(count))
            })
            .collect()
    };
    let add_on_lines = || -> Vec<(LineItem, LineKind, i64)> {
        at.add_ons.iter().map(|(id, price)| (LineItem::AddOn { id: id.clone(), sessions }, LineKind::Charge, price * i64::from(sessions))).collect()
    };
    let mut lines = Vec::new();
    match *recipe {
        Recipe::PerSession => {
            lines.extend(area_lines(sessions, Within::Plain));
            lines.extend(add_on_lines());
        }
        Recipe::SetPrice { package, count, singles } => {
            lines.push((LineItem::PackagePrice { package: book.packages[package].id.clone(), count }, LineKind::Charge, at.own * i64::from(count)));
            lines.extend(area_lines(singles, Within::OutsidePackage));
            lines.extend(add_on_lines());
        }
        Recipe::PercentOff { package, count, singles } => {
            let pkg = &book.packages[package];
            let bps = match pkg.deal {
                Deal::PercentOff(bps) => bps,
                Deal::SetPrice { .. } => 0,
            };
            // The package's sessions are charged in full, then the percentage comes off them.
            let charged = count.saturating_mul(pkg.sessions);
            lines.extend(area_lines(charged, Within::Package(pkg.id.clone())));
            lines.push((LineItem::PackageDiscount { package: pkg.id.clone(), percent: bps }, LineKind::Discount, apply_bps(area_session * i64::from(charged), bps)));
            // A percent-off package is always bought at least once (counts start at 1).
            lines.extend(area_lines(singles, Within::OutsidePackage));
            lines.extend(add_on_lines());
        }
        Recipe::Membership { membership, months } => {
            let m = &book.memberships[membership];
            lines.extend(area_lines(sessions, Within::Plain));
            lines.extend(add_on_lines());
            let add_on_session: i64 = at.add_ons.iter().map(|a| a.1).sum();
            let discounted = (area_session + add_on_session) * i64::from(sessions);
            lines.push((LineItem::MemberDiscount { membership: m.id.clone(), percent: m.percent_off }, LineKind::Discount, apply_bps(discounted, m.percent_off)));
            lines.push((LineItem::MemberFee { membership: m.id.clone(), months }, LineKind::Fee, at.own * i64::from(months)));
        }
    }
    if let Some(tax) = &book.tax {
        let before = subtotal_at(&lines);
        if tax.included {
            lines.push((LineItem::IncludedTax { percent: tax.bps }, LineKind::IncludedTax, tax_within(before, tax.bps)));
        } else {
            lines.push((LineItem::Tax { percent: tax.bps }, LineKind::Tax, apply_bps(before, tax.bps)));
        }
    }
    lines
}

/// Charges, fees and tax, less discounts (tax already inside the prices is not added again).
fn subtotal_at(lines: &[(LineItem, LineKind, i64)]) -> i64 {
    lines
        .iter()
        .map(|(_, kind, amount)| match kind {
            LineKind::Discount => -amount,
            LineKind::IncludedTax => 0,
            LineKind::Charge | LineKind::Fee | LineKind::Tax => *amount,
        })
        .sum()
}

/// The tax inside a price that includes it at `bps`: price × rate / (1 + rate), to the nearest
/// minor unit (a 121.00 price at 21 % holds 21.00 of tax).
fn tax_within(price: i64, bps: BasisPoints) -> i64 {
    round_div(i128::from(price) * i128::from(bps), i128::from(FULL_BPS + bps)) as i64
}

/// A way to pay's total when the session's areas come to `area_session`, the add-ons to
/// `add_on_session` and its own price (package or fee) is `own`.
fn total_at(book: &PriceBook, recipe: &Recipe, sessions: u8, area_session: i64, add_on_session: i64, own: i64) -> i64 {
    let parts = [(Vec::new(), false, area_session)];
    let add_ons = [(String::new(), add_on_session)];
    subtotal_at(&lines_at(book, recipe, sessions, &Prices { parts: &parts, add_ons: &add_ons, own }))
}

/// Rounding (a percentage, tax) can move a total by a minor unit or so between the ends of the
/// ranges; a comparison between two such totals allows this much either way, so a claim made from
/// the ends holds for every price in between too.
const ROUNDING_ALLOWANCE: i64 = 6;

/// How much more `a` costs than `b` (negative: less), at least and at most, over every final price
/// within the ranges: each total is linear in the session price, the add-ons and its own price, so
/// the extremes are at the ends of those ranges.
fn spread(book: &PriceBook, a: &Recipe, b: &Recipe, sessions: u8, session: Range, add_ons: Range) -> (i64, i64) {
    let (own_a, own_b) = (a.own_price(book), b.own_price(book));
    // One package bought in two counts has one price: both sides take the same end of it.
    let shared = a.own_price_source().is_some() && a.own_price_source() == b.own_price_source();
    let mut least = i64::MAX;
    let mut most = i64::MIN;
    for s in [End::Low, End::High] {
        for x in [End::Low, End::High] {
            for oa in [End::Low, End::High] {
                for ob in [End::Low, End::High] {
                    if shared && oa != ob {
                        continue;
                    }
                    let d = total_at(book, a, sessions, s.of(session), x.of(add_ons), oa.of(own_a))
                        - total_at(book, b, sessions, s.of(session), x.of(add_ons), ob.of(own_b));
                    least = least.min(d);
                    most = most.max(d);
                }
            }
        }
    }
    let exact = session.is_exact() && add_ons.is_exact() && own_a.is_exact() && own_b.is_exact();
    let allowance = if exact || !(a.rounds(book) || b.rounds(book)) { 0 } else { ROUNDING_ALLOWANCE };
    (least - allowance, most + allowance)
}

pub fn estimate(book: &PriceBook, input: &EstimateInput) -> Result<Estimate, EstimateError> {
    let prices = book.treatment(&input.treatment).ok_or(EstimateError::NotPriced)?;
    if input.sessions == 0 {
        return Err(EstimateError::NoSessions);
    }
    let n = input.sessions;
    let low_parts = price_areas_at(prices, &input.areas, End::Low).ok_or(EstimateError::AreasNotPriced)?;
    let high_parts = price_areas_at(prices, &input.areas, End::High).ok_or(EstimateError::AreasNotPriced)?;
    let parts_at = |parts: &[Part], end: End| -> Vec<(Vec<String>, bool, i64)> {
        parts.iter().map(|p| (p.areas.clone(), p.combination, end.of(p.price))).collect()
    };
    let (low_at, high_at) = (parts_at(&low_parts, End::Low), parts_at(&high_parts, End::High));
    let session = Range::new(low_at.iter().map(|p| p.2).sum(), high_at.iter().map(|p| p.2).sum());
    let add_ons: Vec<&AddOn> = unique(&input.add_ons)
        .into_iter()
        .filter(|id| prices.add_ons.iter().any(|a| a == id))
        .filter_map(|id| book.add_on(id))
        .collect();
    let add_ons_at = |end: End| -> Vec<(String, i64)> { add_ons.iter().map(|a| (a.id.clone(), end.of(a.per_session))).collect() };
    let (low_add_ons, high_add_ons) = (add_ons_at(End::Low), add_ons_at(End::High));
    let add_on_session: Range = add_ons.iter().map(|a| a.per_session).sum();

    // The itemised lines and total at both ends.
    let build = |recipe: &Recipe| -> (Vec<Line>, Range) {
        let own = recipe.own_price(book);
        let low = lines_at(book, recipe, n, &Prices { parts: &low_at, add_ons: &low_add_ons, own: own.low });
        let high = lines_at(book, recipe, n, &Prices { parts: &high_at, add_ons: &high_add_ons, own: own.high });
        let total = Range::new(subtotal_at(&low), subtotal_at(&high));
        (merge_ends(low, high), total)
    };
    let total_of = |recipe: &Recipe| build(recipe).1;

    // Every way to pay, with the package counts not listed kept as alternatives for the claims.
    let mut listed: Vec<(PaymentChoice, Recipe, Option<OptionNote>, bool)> = vec![(PaymentChoice::PerSession, Recipe::PerSession, None, true)];
    let mut alternatives: Vec<Recipe> = Vec::new();
    for (index, pkg) in book.packages.iter().enumerate().filter(|(_, p)| p.treatment == input.treatment && p.sessions > 0) {
        let applies = match &pkg.deal {
            Deal::PercentOff(_) => true,
            Deal::SetPrice { areas, .. } => same_areas(areas, &input.areas),
        };
        if !applies {
            continue;
        }
        let size = pkg.sessions;
        let recipe_for = |count: u8| {
            let singles = n.saturating_sub(count.saturating_mul(size));
            match pkg.deal {
                Deal::SetPrice { .. } => Recipe::SetPrice { package: index, count, singles },
                Deal::PercentOff(_) => Recipe::PercentOff { package: index, count, singles },
            }
        };
        // As many packages as cost least at mid-range prices; the visitor sees that count.
        let counts = 1..=n.div_ceil(size);
        let Some(count) = counts.clone().min_by_key(|&k| (total_of(&recipe_for(k)).mid2(), k)) else { continue };
        let recipe = recipe_for(count);
        let unused = (u16::from(count) * u16::from(size)).saturating_sub(u16::from(n));
        let note = (unused > 0).then(|| {
            // Against one package fewer and the rest paid singly. With one package that is no
            // package at all: zero packages and every session paid singly, which costs exactly
            // what paying per session does at every price.
            let fewer = recipe_for(count - 1);
            let (_, most) = spread(book, &recipe, &fewer, n, session, add_on_session);
            OptionNote::UnusedSessions { unused: unused.min(255) as u8, package_size: size, cheaper_than_fewer: most < 0 }
        });
        alternatives.extend(counts.filter(|&k| k != count).map(recipe_for));
        listed.push((PaymentChoice::Package(pkg.id.clone()), recipe, note, book.financing.with_packages));
    }
    for (index, m) in book.memberships.iter().enumerate().filter(|(_, m)| m.treatments.is_empty() || m.treatments.contains(&input.treatment)) {
        let months = membership_months(n, input.spacing_days, m.minimum_months);
        let note = Some(OptionNote::MembershipMonths { months, course_months: membership_months(n, input.spacing_days, 1), minimum: m.minimum_months });
        listed.push((PaymentChoice::Membership(m.id.clone()), Recipe::Membership { membership: index, months }, note, book.financing.with_memberships));
    }

    let recipes: Vec<&Recipe> = listed.iter().map(|l| &l.1).collect();
    let options: Vec<PaymentOption> = listed
        .iter()
        .enumerate()
        .map(|(i, (choice, recipe, note, financing_allowed))| {
            let (lines, total) = build(recipe);
            let against_per_session = (i > 0).then(|| {
                // Saving = per session less this way, at least and at most.
                let (least, most) = spread(book, &Recipe::PerSession, recipe, n, session, add_on_session);
                Difference::from_saving(least, most)
            });
            PaymentOption { choice: choice.clone(), lines, total, note: *note, against_per_session, financing_allowed: *financing_allowed }
        })
        .collect();

    // Cheapest: the first way that never costs more than any other, listed or not, at any price.
    let cheaper_everywhere = |i: usize| -> Option<Vec<usize>> {
        let mut tied = Vec::new();
        let mut beats_one = false;
        for (j, other) in recipes.iter().copied().chain(alternatives.iter()).enumerate() {
            if j == i {
                continue;
            }
            let (least, most) = spread(book, recipes[i], other, n, session, add_on_session);
            if most > 0 {
                return None;
            }
            if least == 0 && most == 0 {
                if j < recipes.len() {
                    tied.push(j);
                }
            } else {
                beats_one = true;
            }
        }
        beats_one.then_some(tied)
    };
    let totals: Vec<Range> = options.iter().map(|o| o.total).collect();
    let cheapest = if options.len() == 1 {
        Cheapest::Only
    } else if let Some((index, tied)) = (0..options.len()).find_map(|i| cheaper_everywhere(i).map(|t| (i, t))) {
        Cheapest::AtEveryPrice { index, tied }
    } else if totals.iter().all(|t| *t == totals[0]) {
        Cheapest::AllTheSame
    } else {
        let first_min = |key: &dyn Fn(&Range) -> i64| (0..totals.len()).min_by_key(|&i| (key(&totals[i]), i)).unwrap_or(0);
        Cheapest::AtMidRange {
            index: first_min(&|t| t.mid2()),
            lowest_at_low_end: first_min(&|t| t.low),
            lowest_at_high_end: first_min(&|t| t.high),
        }
    };

    Ok(Estimate { per_session: session + add_on_session, options, cheapest })
}

/// Lines at the bottom and the top of the ranges, as one list of ranges. When a combination is
/// cheaper at one end only, the session is split differently at each end: such lines carry the
/// end they belong to, and nothing at the other.
fn merge_ends(low: Vec<(LineItem, LineKind, i64)>, high: Vec<(LineItem, LineKind, i64)>) -> Vec<Line> {
    let mut high: Vec<Option<(LineItem, LineKind, i64)>> = high.into_iter().map(Some).collect();
    let mut out: Vec<Line> = Vec::new();
    let mut only_high_at = None;
    for (item, kind, amount) in low {
        match high.iter_mut().find(|h| h.as_ref().is_some_and(|h| h.0 == item)).and_then(Option::take) {
            Some((_, _, high_amount)) => out.push(Line { item, kind, amount: Range::new(amount, high_amount), only_at: None }),
            None => {
                out.push(Line { item, kind, amount: Range::new(amount, 0), only_at: Some(End::Low) });
                // The other end's lines go right after this end's own.
                only_high_at = Some(out.len());
            }
        }
    }
    let rest: Vec<Line> = high.into_iter().flatten().map(|(item, kind, amount)| Line { item, kind, amount: Range::new(0, amount), only_at: Some(End::High) }).collect();
    let at = only_high_at.unwrap_or(out.len()).min(out.len());
    out.splice(at..at, rest);
    out
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
            add_ons: vec![AddOn { id: "prp".into(), name: LocalText::One("PRP".into()), per_session: r(5_000, 30_000) }],
            packages: vec![
                Package { id: "three".into(), name: LocalText::One("Course of 3".into()), treatment: "mn".into(), sessions: 3, deal: Deal::SetPrice { price: r(50_000, 75_000), areas: vec!["face".into()] } },
                Package { id: "pct".into(), name: LocalText::One("Four for less".into()), treatment: "mn".into(), sessions: 4, deal: Deal::PercentOff(1_500) },
            ],
            memberships: vec![Membership { id: "club".into(), name: LocalText::One("Club".into()), monthly_fee: r(5_000, 5_000), percent_off: 1_000, minimum_months: 3, treatments: vec![] }],
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

    fn three() -> PaymentChoice {
        PaymentChoice::Package("three".into())
    }

    #[test]
    fn combinations_are_used_when_cheaper_at_each_end() {
        let b = book();
        let areas: Vec<String> = ["face", "neck", "chest"].iter().map(|a| a.to_string()).collect();
        for end in [End::Low, End::High] {
            let parts = price_areas_at(&b.treatments[0], &areas, end).unwrap();
            let labels: Vec<Vec<String>> = parts.iter().map(|p| p.areas.clone()).collect();
            // Face + neck together: 25k–40k against 30k–45k singly.
            assert_eq!(labels, vec![vec!["face".to_string(), "neck".to_string()], vec!["chest".to_string()]]);
        }
        assert!(price_areas_at(&b.treatments[0], &["scalp".into()], End::Low).is_none());
        assert!(price_areas_at(&b.treatments[0], &[], End::Low).is_none());
        assert_eq!(session_price(&b.treatments[0], &areas), Some(r(37_000, 52_000)));
    }

    #[test]
    fn a_combination_cheaper_at_one_end_only_is_itemised_at_that_end() {
        let mut b = book();
        // Together 28k–50k; singly 30k–45k: together at the bottom, singly at the top.
        b.treatments[0].combinations[0].price = r(28_000, 50_000);
        b.packages.clear();
        b.memberships.clear();
        let e = estimate(&b, &input(&["face", "neck"], 2)).unwrap();
        assert_eq!(e.per_session, r(28_000, 45_000));
        let each = &e.options[0];
        assert_eq!(each.total, r(56_000, 90_000));
        let shown: Vec<(Option<End>, Range)> = each.lines.iter().map(|l| (l.only_at, l.amount)).collect();
        assert_eq!(shown, vec![(Some(End::Low), r(56_000, 0)), (Some(End::High), r(0, 60_000)), (Some(End::High), r(0, 30_000))]);
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
        let pkg = option(&e, &three());
        // One package (3 sessions) + 1 single = 50k..75k + 20k..30k = 70k..105k; two packages
        // (100k..150k, 2 unused) would cost more.
        assert_eq!(pkg.total, r(70_000, 105_000));
        assert!(pkg.note.is_none());
        assert!(!pkg.financing_allowed, "this clinic does not finance packages");
        // Against 4 single sessions the package saves 3 × face − package: from 3 × 20k − 75k = −15k
        // (the face at its cheapest, the package at its dearest) to 3 × 30k − 50k = 40k.
        assert_eq!(pkg.against_per_session, Some(Difference::Depends { saves_up_to: 40_000, costs_more_up_to: 15_000 }));
    }

    #[test]
    fn a_set_price_package_only_applies_to_exactly_its_areas() {
        let e = estimate(&book(), &input(&["face", "neck"], 3)).unwrap();
        assert!(!e.options.iter().any(|o| o.choice == three()));
        assert!(e.options.iter().any(|o| o.choice == PaymentChoice::Package("pct".into())));
        // A package that lists the face twice still covers only the face, never face and neck.
        let mut b = book();
        b.packages[0].deal = Deal::SetPrice { price: r(1, 1), areas: vec!["face".into(), "face".into()] };
        let e = estimate(&b, &input(&["face", "neck"], 3)).unwrap();
        assert!(!e.options.iter().any(|o| o.choice == three()));
        let e = estimate(&b, &input(&["face"], 3)).unwrap();
        assert!(e.options.iter().any(|o| o.choice == three()));
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
        // The same sessions less 15 %, with the same add-ons: it always saves 15 % of 4 faces.
        assert_eq!(pct.against_per_session, Some(Difference::Saves { least: 12_000 - ROUNDING_ALLOWANCE, most: 18_000 + ROUNDING_ALLOWANCE }));
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
    fn cheapest_is_claimed_only_when_it_holds_for_every_final_price() {
        // 3 face sessions. Per session 60k..90k; the course of 3 is 50k..75k, but at 75k against
        // faces at 20k (60k) it costs more: no claim, though it is lowest at both ends.
        let e = estimate(&book(), &input(&["face"], 3)).unwrap();
        assert_eq!(e.cheapest, Cheapest::AtMidRange { index: 1, lowest_at_low_end: 1, lowest_at_high_end: 1 });
        // At a set 50k it is cheaper than 3 faces (at least 60k), the percent-off package (at least
        // 3.4 faces) and the membership (at least 2.7 faces + 15k) whatever the final prices.
        let mut b = book();
        b.packages[0].deal = Deal::SetPrice { price: r(50_000, 50_000), areas: vec!["face".into()] };
        let e = estimate(&b, &input(&["face"], 3)).unwrap();
        assert_eq!(e.cheapest, Cheapest::AtEveryPrice { index: 1, tied: vec![] });
        assert_eq!(e.options[1].against_per_session, Some(Difference::Saves { least: 10_000, most: 40_000 }));
    }

    #[test]
    fn cheapest_also_weighs_buying_more_or_fewer_packages() {
        // A course of 4 for 5k..220k; face 15k..70k; 7 sessions. Two packages (10k..440k) have the
        // lowest mid-range total, but one package and 3 singles (50k..430k) can cost less.
        let mut b = book();
        b.treatments[0].areas[0].1 = r(15_000, 70_000);
        b.packages = vec![Package { id: "c4".into(), name: LocalText::One("Course of 4".into()), treatment: "mn".into(), sessions: 4, deal: Deal::SetPrice { price: r(5_000, 220_000), areas: vec!["face".into()] } }];
        b.memberships.clear();
        let e = estimate(&b, &input(&["face"], 7)).unwrap();
        // The package way is two packages (mid-range 225k against 240k for one and 3 singles, and
        // 297.5k for 7 singles at 105k..490k): lowest at both ends and in the middle, yet no claim
        // of "cheapest at every price", since one package and 3 singles can undercut it.
        assert_eq!(e.options[1].total, r(10_000, 440_000));
        assert_eq!(e.options[0].total, r(105_000, 490_000));
        assert_eq!(e.cheapest, Cheapest::AtMidRange { index: 1, lowest_at_low_end: 1, lowest_at_high_end: 1 });
    }

    #[test]
    fn a_package_and_a_membership_are_compared_at_any_mix_of_their_own_prices() {
        // Face at exactly 20k, 3 sessions (60k singly). A course of 3 at 20k..55k; a club at
        // 5k..15k a month for the 2 months the course spans (28 days apart), half off sessions:
        // 30k + 2 × fee = 40k..60k. The package always beats paying singly, and beats the club
        // when both prices are low (20k against 40k) or both high (55k against 60k), but not at a
        // high package price and a low fee (55k against 40k): so no claim of "cheapest".
        let mut b = book();
        b.treatments[0].areas[0].1 = r(20_000, 20_000);
        b.packages = vec![Package { id: "three".into(), name: LocalText::One("Course of 3".into()), treatment: "mn".into(), sessions: 3, deal: Deal::SetPrice { price: r(20_000, 55_000), areas: vec!["face".into()] } }];
        b.memberships[0].monthly_fee = r(5_000, 15_000);
        b.memberships[0].percent_off = 5_000;
        b.memberships[0].minimum_months = 1;
        let e = estimate(&b, &input(&["face"], 3)).unwrap();
        assert_eq!(e.options.iter().map(|o| o.total).collect::<Vec<_>>(), [r(60_000, 60_000), r(20_000, 55_000), r(40_000, 60_000)]);
        assert_eq!(e.cheapest, Cheapest::AtMidRange { index: 1, lowest_at_low_end: 1, lowest_at_high_end: 1 });
    }

    #[test]
    fn ties_go_to_the_earlier_way_to_pay() {
        let mut b = book();
        // Exact prices: the package costs what 3 face sessions do.
        b.treatments[0].areas[0].1 = r(20_000, 20_000);
        b.packages[0].deal = Deal::SetPrice { price: r(60_000, 60_000), areas: vec!["face".into()] };
        b.packages.truncate(1);
        b.memberships.clear();
        let e = estimate(&b, &input(&["face"], 3)).unwrap();
        assert_eq!(e.cheapest, Cheapest::AllTheSame);
        assert_eq!(e.cheapest.index(), 0);
        assert_eq!(e.options[1].against_per_session, Some(Difference::Same));
        b.memberships = book().memberships;
        b.memberships[0].monthly_fee = r(100_000, 100_000);
        let e = estimate(&b, &input(&["face"], 3)).unwrap();
        assert_eq!(e.cheapest, Cheapest::AtEveryPrice { index: 0, tied: vec![1] }, "per session first, tied with the package");
    }

    #[test]
    fn with_independent_ranges_a_package_can_save_or_cost_more() {
        // The demo's case: $150–$700 a session against a course of 4 for $800–$2,000.
        let mut b = book();
        b.treatments[0].areas = vec![("face".into(), r(15_000, 70_000))];
        b.treatments[0].combinations.clear();
        b.packages = vec![Package { id: "c4".into(), name: LocalText::One("Course of 4".into()), treatment: "mn".into(), sessions: 4, deal: Deal::SetPrice { price: r(80_000, 200_000), areas: vec!["face".into()] } }];
        b.memberships.clear();
        let e = estimate(&b, &input(&["face"], 4)).unwrap();
        // From 4 × 700 − 800 = 2,000 saved to 2,000 − 4 × 150 = 1,400 more.
        assert_eq!(e.options[1].against_per_session, Some(Difference::Depends { saves_up_to: 200_000, costs_more_up_to: 140_000 }));
        assert_eq!(e.cheapest, Cheapest::AtMidRange { index: 1, lowest_at_low_end: 0, lowest_at_high_end: 1 });
        // One session: the package is for 4 and always costs more (at least 800 − 700).
        let e = estimate(&b, &input(&["face"], 1)).unwrap();
        let c4 = &e.options[1];
        assert_eq!(c4.note, Some(OptionNote::UnusedSessions { unused: 3, package_size: 4, cheaper_than_fewer: false }));
        assert_eq!(c4.against_per_session, Some(Difference::CostsMore { least: 10_000, most: 185_000 }));
        assert_eq!(e.cheapest, Cheapest::AtEveryPrice { index: 0, tied: vec![] });
    }

    #[test]
    fn unused_sessions_are_called_the_cheaper_way_only_when_they_always_are() {
        let mut b = book();
        b.packages.truncate(1); // "three": 50k..75k for 3 face sessions; a face session is 20k..30k
        b.memberships.clear();
        // 2 sessions: the package can cost more than 2 singles (75k against 40k).
        let e = estimate(&b, &input(&["face"], 2)).unwrap();
        assert_eq!(e.options[1].note, Some(OptionNote::UnusedSessions { unused: 1, package_size: 3, cheaper_than_fewer: false }));
        // 5 sessions: one package and 2 singles (90k..135k) beats two packages (100k..150k) at
        // mid-range prices, so no session goes unused.
        let e = estimate(&b, &input(&["face"], 5)).unwrap();
        assert_eq!(e.options[1].total, r(90_000, 135_000));
        assert_eq!(e.options[1].note, None);
        // At 30k..38k the package always costs less than 2 singles (at least 40k).
        b.packages[0].deal = Deal::SetPrice { price: r(30_000, 38_000), areas: vec!["face".into()] };
        let e = estimate(&b, &input(&["face"], 2)).unwrap();
        assert_eq!(e.options[1].note, Some(OptionNote::UnusedSessions { unused: 1, package_size: 3, cheaper_than_fewer: true }));
        // At 30k..41k it can cost more (41k against 40k).
        b.packages[0].deal = Deal::SetPrice { price: r(30_000, 41_000), areas: vec!["face".into()] };
        let e = estimate(&b, &input(&["face"], 2)).unwrap();
        assert_eq!(e.options[1].note, Some(OptionNote::UnusedSessions { unused: 1, package_size: 3, cheaper_than_fewer: false }));
        // At 30k..40k it never costs more, but can cost as much: not "cheaper".
        b.packages[0].deal = Deal::SetPrice { price: r(30_000, 40_000), areas: vec!["face".into()] };
        let e = estimate(&b, &input(&["face"], 2)).unwrap();
        assert_eq!(e.options[1].note, Some(OptionNote::UnusedSessions { unused: 1, package_size: 3, cheaper_than_fewer: false }));
        // Two packages for five sessions are measured against one package and two singles.
        b.packages[0].deal = Deal::SetPrice { price: r(15_000, 15_000), areas: vec!["face".into()] };
        b.treatments[0].areas[0].1 = r(8_000, 12_000);
        // Two packages 30k; one and two singles 31k..39k: always more. Five singles 40k..60k.
        let e = estimate(&b, &input(&["face"], 5)).unwrap();
        assert_eq!(e.options[1].total, r(30_000, 30_000));
        assert_eq!(e.options[1].note, Some(OptionNote::UnusedSessions { unused: 1, package_size: 3, cheaper_than_fewer: true }));
        b.treatments[0].areas[0].1 = r(7_000, 12_000);
        // Now one and two singles can be 29k, less than two packages; five singles (35k..60k)
        // never are.
        let e = estimate(&b, &input(&["face"], 5)).unwrap();
        assert_eq!(e.options[1].total, r(30_000, 30_000));
        assert_eq!(e.options[1].note, Some(OptionNote::UnusedSessions { unused: 1, package_size: 3, cheaper_than_fewer: false }));
    }

    #[test]
    fn each_way_to_pay_follows_its_own_financing_rule() {
        let allowed = |b: &PriceBook| {
            let e = estimate(b, &input(&["face"], 3)).unwrap();
            e.options.iter().map(|o| (o.choice.clone(), o.financing_allowed)).collect::<Vec<_>>()
        };
        let mut b = book(); // packages may not be financed, memberships may
        let per = PaymentChoice::PerSession;
        let (pct, club) = (PaymentChoice::Package("pct".into()), PaymentChoice::Membership("club".into()));
        assert_eq!(allowed(&b), vec![(per.clone(), true), (three(), false), (pct.clone(), false), (club.clone(), true)]);
        b.financing.with_packages = true;
        b.financing.with_memberships = false;
        assert_eq!(allowed(&b), vec![(per, true), (three(), true), (pct, true), (club, false)]);
    }

    #[test]
    fn tax_is_a_line_on_the_subtotal() {
        let mut b = book();
        b.tax = Some(Tax { label: LocalText::One("VAT".into()), bps: 2_000, included: false });
        let e = estimate(&b, &input(&["face"], 1)).unwrap();
        let each = &e.options[0];
        assert_eq!(each.lines.last().unwrap().item, LineItem::Tax { percent: 2_000 });
        assert_eq!(each.total, r(24_000, 36_000));
        // Tax on the discounted membership: (20k..30k − 10 % + 3 × 5k) × 1.2.
        let club = option(&e, &PaymentChoice::Membership("club".into()));
        assert_eq!(club.total, r((18_000 + 15_000) * 12 / 10, (27_000 + 15_000) * 12 / 10));
    }

    #[test]
    fn a_saving_is_claimed_only_when_it_holds_at_every_price() {
        // (smallest saving, largest saving) → what may be said.
        let cases = [
            ((3, 7), Difference::Saves { least: 3, most: 7 }),
            ((0, 5), Difference::Saves { least: 0, most: 5 }),
            ((-7, -3), Difference::CostsMore { least: 3, most: 7 }),
            ((-5, 0), Difference::CostsMore { least: 0, most: 5 }),
            ((0, 0), Difference::Same),
            ((-5, 10), Difference::Depends { saves_up_to: 10, costs_more_up_to: 5 }),
            ((-1, 1), Difference::Depends { saves_up_to: 1, costs_more_up_to: 1 }),
        ];
        for ((least, most), said) in cases {
            assert_eq!(Difference::from_saving(least, most), said, "saving from {least} to {most}");
        }
    }

    #[test]
    fn the_way_to_pay_shown_is_the_visitors_pick_else_the_cheapest() {
        let mut b = book();
        b.memberships.clear();
        b.packages.truncate(1); // "three": 50k..75k for 3 face sessions, against 3 × 20k..30k
        b.packages[0].deal = Deal::SetPrice { price: r(40_000, 55_000), areas: vec!["face".into()] };
        let e = estimate(&b, &input(&["face"], 3)).unwrap();
        assert_eq!(e.cheapest, Cheapest::AtEveryPrice { index: 1, tied: vec![] });
        assert_eq!(e.chosen(None).choice, three(), "not picked: the cheapest");
        assert_eq!(e.chosen(Some(&PaymentChoice::PerSession)).choice, PaymentChoice::PerSession, "the visitor's pick");
        assert_eq!(e.chosen(Some(&three())).choice, three());
        assert_eq!(e.chosen(Some(&PaymentChoice::Membership("gone".into()))).choice, three(), "a pick that no longer applies");
    }

    #[test]
    fn each_way_to_pay_has_the_clinics_name() {
        let mut b = book();
        b.memberships.push(Membership { id: "gold".into(), name: LocalText::One("Gold club".into()), ..b.memberships[0].clone() });
        assert_eq!(b.choice_name(&PaymentChoice::PerSession, Lang::En), None);
        assert_eq!(b.choice_name(&three(), Lang::En), Some("Course of 3"));
        assert_eq!(b.choice_name(&PaymentChoice::Package("pct".into()), Lang::En), Some("Four for less"));
        assert_eq!(b.choice_name(&PaymentChoice::Membership("club".into()), Lang::En), Some("Club"));
        assert_eq!(b.choice_name(&PaymentChoice::Membership("gold".into()), Lang::En), Some("Gold club"));
        assert_eq!(b.choice_name(&PaymentChoice::Membership("tin".into()), Lang::En), None);
    }

    #[test]
    fn equal_prices_are_split_into_as_few_parts_as_possible() {
        let mut b = book();
        // Together exactly what the two cost singly: one line, not two.
        b.treatments[0].combinations[0].price = r(30_000, 45_000);
        for end in [End::Low, End::High] {
            let parts = price_areas_at(&b.treatments[0], &["face".into(), "neck".into()], end).unwrap();
            assert_eq!(parts.len(), 1, "{end:?}");
            assert!(parts[0].combination);
        }
    }

    #[test]
    fn up_to_sixteen_areas_are_priced_and_no_more() {
        let names: Vec<String> = (0..17).map(|i| format!("area-{i}")).collect();
        let prices = TreatmentPrices { treatment: "t".into(), areas: names.iter().map(|a| (a.clone(), r(100, 100))).collect(), combinations: vec![], add_ons: vec![] };
        assert_eq!(session_price(&prices, &names[..16]), Some(r(1_600, 1_600)));
        assert_eq!(session_price(&prices, &names), None);
    }

    #[test]
    fn sessions_beyond_a_percent_off_package_are_shown_as_outside_it() {
        let mut b = book();
        b.packages.remove(0);
        b.memberships.clear();
        // Five sessions, the four-session package once and one more session on its own.
        let e = estimate(&b, &input(&["face"], 5)).unwrap();
        let pct = option(&e, &PaymentChoice::Package("pct".into()));
        let areas: Vec<(u8, Within)> = pct
            .lines
            .iter()
            .filter_map(|l| match &l.item {
                LineItem::Areas { sessions, within, .. } => Some((*sessions, within.clone())),
                _ => None,
            })
            .collect();
        assert_eq!(areas, vec![(4, Within::Package("pct".into())), (1, Within::OutsidePackage)]);
    }

    #[test]
    fn only_packages_for_the_treatment_priced_apply() {
        let mut b = book();
        b.packages[1].treatment = "peel".into();
        b.packages[0].sessions = 0; // not allowed by the price book's validation; ignored if built by hand
        b.memberships.clear();
        let e = estimate(&b, &input(&["face"], 4)).unwrap();
        assert_eq!(e.options.iter().map(|o| o.choice.clone()).collect::<Vec<_>>(), vec![PaymentChoice::PerSession]);
        assert_eq!(e.cheapest, Cheapest::Only);
    }

    #[test]
    fn the_lowest_mid_range_total_is_the_middle_of_each_range() {
        let mut b = book();
        b.memberships.clear();
        b.treatments[0].areas[0].1 = r(2_500, 25_000);
        b.packages = vec![Package { id: "c4".into(), name: LocalText::One("Course of 4".into()), treatment: "mn".into(), sessions: 4, deal: Deal::SetPrice { price: r(40_000, 60_000), areas: vec!["face".into()] } }];
        let e = estimate(&b, &input(&["face"], 4)).unwrap();
        // Paying per session: 10k..100k, middle 55k; the package 40k..60k, middle 50k.
        assert_eq!(e.cheapest, Cheapest::AtMidRange { index: 1, lowest_at_low_end: 0, lowest_at_high_end: 1 });
    }

    #[test]
    fn never_costing_more_and_sometimes_less_is_cheapest() {
        let mut b = book();
        b.memberships.clear();
        b.treatments[0].areas[0].1 = r(10_000, 10_000);
        // 25k..30k for three sessions against exactly 30k singly: the same at worst, never more.
        b.packages = vec![Package { id: "three".into(), name: LocalText::One("Course of 3".into()), treatment: "mn".into(), sessions: 3, deal: Deal::SetPrice { price: r(25_000, 30_000), areas: vec!["face".into()] } }];
        let e = estimate(&b, &input(&["face"], 3)).unwrap();
        assert_eq!(e.cheapest, Cheapest::AtEveryPrice { index: 1, tied: vec![] });
        assert_eq!(e.options[1].against_per_session, Some(Difference::Saves { least: 0, most: 5_000 }));
    }

    #[test]
    fn another_count_of_the_same_package_counts_against_cheapest() {
        let mut b = book();
        b.memberships.clear();
        b.treatments[0].areas[0].1 = r(10_000, 10_000);
        b.packages = vec![Package { id: "three".into(), name: LocalText::One("Course of 3".into()), treatment: "mn".into(), sessions: 3, deal: Deal::SetPrice { price: r(15_000, 29_000), areas: vec!["face".into()] } }];
        // Five sessions: one package and two singles (35k..49k) against two packages (30k..58k)
        // and five singles (50k). One package is always cheaper than paying per session, but
        // below 20k a package, two cost less than one and two singles: no "cheapest" claim.
        let e = estimate(&b, &input(&["face"], 5)).unwrap();
        assert_eq!(e.options[1].total, r(35_000, 49_000));
        assert_eq!(e.cheapest, Cheapest::AtMidRange { index: 1, lowest_at_low_end: 1, lowest_at_high_end: 1 });
        // From 20k a package, two packages (2 × price) never cost less than one and two singles
        // (price + 20k), and both are one price: one package is cheapest at every price.
        b.packages[0].deal = Deal::SetPrice { price: r(20_000, 29_000), areas: vec!["face".into()] };
        let e = estimate(&b, &input(&["face"], 5)).unwrap();
        assert_eq!(e.options[1].total, r(40_000, 49_000));
        assert_eq!(e.cheapest, Cheapest::AtEveryPrice { index: 1, tied: vec![] });
        // An exact tie with a count not listed is not a listed tie.
        b.packages[0].sessions = 2;
        b.packages[0].deal = Deal::SetPrice { price: r(10_000, 10_000), areas: vec!["face".into()] };
        // Three sessions: one package and a single (20k) ties two packages (20k); both beat 30k.
        let e = estimate(&b, &input(&["face"], 3)).unwrap();
        assert_eq!(e.cheapest, Cheapest::AtEveryPrice { index: 1, tied: vec![] });
    }

    #[test]
    fn tax_inside_the_prices_is_shown_not_added() {
        let mut b = book();
        b.tax = Some(Tax { label: LocalText::One("IVA".into()), bps: 2_100, included: true });
        b.treatments[0].areas[0].1 = r(12_100, 24_200);
        let e = estimate(&b, &input(&["face"], 1)).unwrap();
        let each = &e.options[0];
        // 121.00 holds 21.00 of tax at 21 %, 242.00 holds 42.00; the total is the price itself.
        assert_eq!(each.total, r(12_100, 24_200));
        let last = each.lines.last().unwrap();
        assert_eq!((&last.item, last.kind, last.amount), (&LineItem::IncludedTax { percent: 2_100 }, LineKind::IncludedTax, r(2_100, 4_200)));
        assert!(!each.lines.iter().any(|l| l.kind == LineKind::Tax), "nothing is added on top");
        // Three sessions of 100.00 at 20 % hold 50.00 of tax (300 / 1.2 = 250).
        b.tax = Some(Tax { label: LocalText::One("VAT".into()), bps: 2_000, included: true });
        b.treatments[0].areas[0].1 = r(10_000, 10_000);
        let e = estimate(&b, &input(&["face"], 3)).unwrap();
        assert_eq!(e.options[0].lines.last().unwrap().amount, r(5_000, 5_000));
        assert_eq!(e.options[0].total, r(30_000, 30_000));
    }

    #[test]
    fn rounding_is_allowed_for_only_where_a_total_is_rounded() {
        let mut b = book();
        b.packages[0].deal = Deal::SetPrice { price: r(50_000, 50_000), areas: vec!["face".into()] };
        // No tax, a set price: nothing is rounded, the saving is exact: 3 × 20k − 50k to 3 × 30k − 50k.
        let e = estimate(&b, &input(&["face"], 3)).unwrap();
        assert_eq!(option(&e, &three()).against_per_session, Some(Difference::Saves { least: 10_000, most: 40_000 }));
        // With 10 % tax both totals are rounded: the saving (11k to 44k) is widened by the allowance.
        b.tax = Some(Tax { label: LocalText::One("Tax".into()), bps: 1_000, included: false });
        let e = estimate(&b, &input(&["face"], 3)).unwrap();
        assert_eq!(option(&e, &three()).against_per_session, Some(Difference::Saves { least: 11_000 - ROUNDING_ALLOWANCE, most: 44_000 + ROUNDING_ALLOWANCE }));
        // All prices exact: no allowance even with tax.
        b.treatments[0].areas[0].1 = r(20_000, 20_000);
        let e = estimate(&b, &input(&["face"], 3)).unwrap();
        assert_eq!(option(&e, &three()).against_per_session, Some(Difference::Saves { least: 11_000, most: 11_000 }));
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
        assert_eq!(Difference::from_saving(10, 50), Difference::Saves { least: 10, most: 50 });
        assert_eq!(Difference::from_saving(0, 50), Difference::Saves { least: 0, most: 50 });
        assert_eq!(Difference::from_saving(-60, -20), Difference::CostsMore { least: 20, most: 60 });
        assert_eq!(Difference::from_saving(-20, 0), Difference::CostsMore { least: 0, most: 20 });
        assert_eq!(Difference::from_saving(-20, 50), Difference::Depends { saves_up_to: 50, costs_more_up_to: 20 });
        assert_eq!(Difference::from_saving(0, 0), Difference::Same);
    }
}

#[cfg(test)]
mod properties {
    //! Each claim the estimator can make, checked at many final prices (each price anywhere in its
    //! own range, independently of the others) against a model of the price book written
    //! independently here: brute force over every way to split the areas, every way to pay and
    //! every number of packages by hand, and tax and percentages rounded by their own arithmetic.
    use super::*;
    use proptest::collection::vec;
    use proptest::prelude::*;

    const AREAS: [&str; 4] = ["face", "neck", "chest", "hands"];

    fn range() -> impl Strategy<Value = Range> {
        prop_oneof![
            (0i64..200_000).prop_map(Range::exact),
            (0i64..200_000, 0i64..200_000).prop_map(|(a, b)| Range::new(a.min(b), a.max(b))),
        ]
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
            tax in proptest::option::of((0u32..3_000, proptest::bool::ANY)),
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
                add_ons: vec![AddOn { id: "x".into(), name: LocalText::One("X".into()), per_session: add_on }],
                packages: vec![
                    Package { id: "set".into(), name: LocalText::One("Set".into()), treatment: "t".into(), sessions: set_size, deal: Deal::SetPrice { price: set_price, areas: vec!["face".into()] } },
                    Package { id: "pct".into(), name: LocalText::One("Pct".into()), treatment: "t".into(), sessions: pct_size, deal: Deal::PercentOff(pct) },
                ],
                memberships: vec![Membership { id: "m".into(), name: LocalText::One("M".into()), monthly_fee: fee, percent_off: member_pct, minimum_months: minimum, treatments: vec![] }],
                financing: Financing::default(),
                tax: tax.map(|(bps, included)| Tax { label: LocalText::One("Tax".into()), bps, included }),
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

    /// One final price for everything in the book: each price somewhere in its own range.
    struct Point {
        areas: Vec<i64>,
        combos: Vec<i64>,
        add_on: i64,
        set_price: i64,
        fee: i64,
    }

    /// A price from its range: `how` 0 the bottom of every range, 1 the top, 2 a random mix of the
    /// two ends, 3 anywhere. `seed` and `var` make the choice for one variable.
    fn pick(r: Range, how: u8, seed: u64, var: u64) -> i64 {
        let mut z = seed ^ var.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        match how {
            0 => r.low,
            1 => r.high,
            2 if z % 2 == 0 => r.low,
            2 => r.high,
            _ => r.low + (z % ((r.high - r.low) as u64 + 1)) as i64,
        }
    }

    fn point(book: &PriceBook, how: u8, seed: u64) -> Point {
        let t = &book.treatments[0];
        let Deal::SetPrice { price: set, .. } = book.packages[0].deal else { unreachable!() };
        Point {
            areas: t.areas.iter().enumerate().map(|(i, a)| pick(a.1, how, seed, i as u64)).collect(),
            combos: t.combinations.iter().enumerate().map(|(i, c)| pick(c.price, how, seed, 10 + i as u64)).collect(),
            add_on: pick(book.add_ons[0].per_session, how, seed, 20),
            set_price: pick(set, how, seed, 21),
            fee: pick(book.memberships[0].monthly_fee, how, seed, 22),
        }
    }

    /// The cheapest way to cover `areas` at the point, by trying every split.
    fn cheapest_split(book: &PriceBook, at: &Point, areas: &[String]) -> i64 {
        if areas.is_empty() {
            return 0;
        }
        let t = &book.treatments[0];
        let mut parts: Vec<(Vec<String>, i64)> = t.areas.iter().zip(&at.areas).map(|((a, _), p)| (vec![a.clone()], *p)).collect();
        parts.extend(t.combinations.iter().zip(&at.combos).map(|(c, p)| (c.areas.clone(), *p)));
        let first = &areas[0];
        let mut best = i64::MAX;
        for (part_areas, price) in parts {
            let mut sorted = part_areas.clone();
            sorted.sort();
            sorted.dedup();
            if sorted.len() != part_areas.len() || !part_areas.contains(first) || !part_areas.iter().all(|a| areas.contains(a)) {
                continue;
            }
            let rest: Vec<String> = areas.iter().filter(|a| !part_areas.contains(a)).cloned().collect();
            let rest = cheapest_split(book, at, &rest);
            if rest != i64::MAX {
                best = best.min(rest + price);
            }
        }
        best
    }

    /// Half a minor unit and up rounds up (amounts here are never negative).
    fn off(amount: i64, bps: u32) -> i64 {
        (2 * amount * i64::from(bps) + 10_000) / 20_000
    }

    fn with_tax(book: &PriceBook, amount: i64) -> i64 {
        match &book.tax {
            Some(t) if !t.included => amount + off(amount, t.bps),
            _ => amount,
        }
    }

    /// What each way to pay comes to at one point, by hand.
    struct Model<'a> {
        book: &'a PriceBook,
        at: Point,
        n: i64,
        /// The session's areas at the point, cheapest split.
        a: i64,
        /// The add-ons at the point.
        x: i64,
        /// Whether the set-price package applies (face only).
        face_only: bool,
    }

    impl<'a> Model<'a> {
        fn new(book: &'a PriceBook, i: &EstimateInput, at: Point) -> Model<'a> {
            let mut areas: Vec<String> = Vec::new();
            for a in &i.areas {
                if !areas.contains(a) {
                    areas.push(a.clone());
                }
            }
            let a = cheapest_split(book, &at, &areas);
            let x = if i.add_ons.is_empty() { 0 } else { at.add_on };
            Model { book, n: i64::from(i.sessions), a, x, face_only: areas == ["face"], at }
        }
        fn per_session(&self) -> i64 {
            with_tax(self.book, (self.a + self.x) * self.n)
        }
        fn set(&self, k: i64) -> i64 {
            let size = i64::from(self.book.packages[0].sessions);
            with_tax(self.book, self.at.set_price * k + self.a * (self.n - k * size).max(0) + self.x * self.n)
        }
        fn pct(&self, k: i64) -> i64 {
            let Deal::PercentOff(p) = self.book.packages[1].deal else { unreachable!() };
            let charged = k * i64::from(self.book.packages[1].sessions);
            with_tax(self.book, self.a * charged - off(self.a * charged, p) + self.a * (self.n - charged).max(0) + self.x * self.n)
        }
        fn member(&self) -> i64 {
            let m = &self.book.memberships[0];
            let months = i64::from(((self.n as u32 - 1) * 28 + 1).div_ceil(30).max(u32::from(m.minimum_months)));
            let before = (self.a + self.x) * self.n;
            with_tax(self.book, before - off(before, m.percent_off) + self.at.fee * months)
        }
        fn most(&self, package: usize) -> i64 {
            let size = i64::from(self.book.packages[package].sessions);
            (self.n + size - 1) / size
        }
        /// The total of a listed way to pay at this point (its package count read from its lines).
        fn total_of(&self, o: &PaymentOption) -> i64 {
            match &o.choice {
                PaymentChoice::PerSession => self.per_session(),
                PaymentChoice::Membership(_) => self.member(),
                PaymentChoice::Package(id) if id == "set" => self.set(i64::from(package_count(self.book, o))),
                PaymentChoice::Package(_) => self.pct(i64::from(package_count(self.book, o))),
            }
        }
        /// Every total the visitor could pay at this point, listed or not.
        fn every_way(&self) -> Vec<i64> {
            let mut v = vec![self.per_session(), self.member()];
            if self.face_only {
                v.extend((1..=self.most(0)).map(|k| self.set(k)));
            }
            v.extend((1..=self.most(1)).map(|k| self.pct(k)));
            v
        }
    }

    /// How many packages an option buys, from what its lines say.
    fn package_count(book: &PriceBook, o: &PaymentOption) -> u8 {
        o.lines
            .iter()
            .find_map(|l| match &l.item {
                LineItem::PackagePrice { count, .. } => Some(*count),
                // A percent-off package charges all its sessions: count × its size.
                LineItem::Areas { sessions, within: Within::Package(id), .. } => Some(sessions / book.package(id).unwrap().sessions),
                _ => None,
            })
            .unwrap_or(0)
    }

    proptest! {
        /// A net price with tax added, then the tax read back out of the gross price: the same
        /// tax to the minor unit (the gross was itself rounded, so at most one unit apart).
        #[test]
        fn tax_read_out_of_a_gross_price_is_the_tax_that_was_added(net in 0i64..100_000_000, bps in 0u32..5_000) {
            let added = off(net, bps);
            let read = tax_within(net + added, bps);
            prop_assert!((read - added).abs() <= 1, "net {net}, {bps} bps: added {added}, read {read}");
            prop_assert!(read <= net + added);
        }

        #[test]
        fn totals_match_the_model_at_the_bottom_and_top_of_the_ranges(
            book in a_book(), mask in 1u8..16, n in 1u8..13, copies in 0usize..4, repeat in 0usize..3
        ) {
            let i = input(mask, n, copies, repeat);
            let e = estimate(&book, &i).unwrap();
            for (how, end) in [(0u8, End::Low), (1, End::High)] {
                let m = Model::new(&book, &i, point(&book, how, 0));
                for o in &e.options {
                    prop_assert_eq!(end.of(o.total), m.total_of(o), "{:?} at {:?}", o.choice, end);
                }
                prop_assert_eq!(end.of(e.per_session), m.a + m.x);
            }
            // The model reads each option's package count from its lines; check that count is the
            // stated rule's: the lowest mid-range total of every count that covers the course,
            // fewer packages on a tie.
            let (lo, hi) = (Model::new(&book, &i, point(&book, 0, 0)), Model::new(&book, &i, point(&book, 1, 0)));
            for o in &e.options {
                let PaymentChoice::Package(id) = &o.choice else { continue };
                let which = usize::from(id != "set");
                let cost = |m: &Model, k: i64| if which == 0 { m.set(k) } else { m.pct(k) };
                let k = i64::from(package_count(&book, o));
                prop_assert!((1..=lo.most(which)).contains(&k), "{id}: {k} packages");
                for other in 1..=lo.most(which) {
                    prop_assert!(
                        (cost(&lo, k) + cost(&hi, k), k) <= (cost(&lo, other) + cost(&hi, other), other),
                        "{id}: {k} packages chosen, {other} cost less at mid-range"
                    );
                }
            }
        }

        #[test]
        fn no_amount_is_ever_negative_and_totals_run_low_to_high(book in a_book(), mask in 1u8..16, n in 1u8..13, copies in 0usize..2) {
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
        fn every_claim_holds_at_any_final_prices_within_the_ranges(
            book in a_book(), mask in 1u8..16, n in 1u8..13, copies in 0usize..2,
            points in vec((0u8..4, any::<u64>()), 24),
        ) {
            let i = input(mask, n, copies, 0);
            let e = estimate(&book, &i).unwrap();
            for (how, seed) in points {
                let m = Model::new(&book, &i, point(&book, how, seed));
                let per = m.per_session();
                let totals: Vec<i64> = e.options.iter().map(|o| m.total_of(o)).collect();
                // Each shown total contains the point's total.
                for (o, t) in e.options.iter().zip(&totals) {
                    prop_assert!(o.total.low <= *t && *t <= o.total.high, "{:?}: {} outside {:?}", o.choice, t, o.total);
                }
                // The difference against paying per session is what it says.
                for (o, t) in e.options.iter().zip(&totals).skip(1) {
                    let saving = per - t;
                    match o.against_per_session.unwrap() {
                        Difference::Saves { least, most } => prop_assert!(least <= saving && saving <= most, "{:?} saves {}", o.choice, saving),
                        Difference::CostsMore { least, most } => prop_assert!(least <= -saving && -saving <= most, "{:?} costs {} more", o.choice, -saving),
                        Difference::Depends { saves_up_to, costs_more_up_to } => prop_assert!(-costs_more_up_to <= saving && saving <= saves_up_to),
                        Difference::Same => prop_assert_eq!(saving, 0),
                    }
                }
                // "Cheapest": no way to pay, listed or not, costs less.
                if let Cheapest::AtEveryPrice { index, tied } = &e.cheapest {
                    let claimed = totals[*index];
                    for other in m.every_way() {
                        prop_assert!(claimed <= other, "{:?} claimed cheapest at {} but {} exists", e.options[*index].choice, claimed, other);
                    }
                    for j in tied {
                        prop_assert_eq!(totals[*j], claimed);
                    }
                }
                // "Still costs less than paying for the rest singly".
                for (o, t) in e.options.iter().zip(&totals) {
                    if let Some(OptionNote::UnusedSessions { cheaper_than_fewer: true, .. }) = o.note {
                        let k = i64::from(package_count(&book, o));
                        let fewer = match (&o.choice, k) {
                            (_, 1) => per,
                            (PaymentChoice::Package(id), k) if id == "set" => m.set(k - 1),
                            (_, k) => m.pct(k - 1),
                        };
                        prop_assert!(*t < fewer, "{:?}: {} not below {}", o.choice, t, fewer);
                    }
                }
            }
        }

        #[test]
        fn the_claims_made_are_the_strongest_the_ends_allow(book in a_book(), n in 1u8..13) {
            // Face only: when no claim of "cheapest" is made, some mix of range ends shows why.
            let i = input(1, n, 0, 0);
            let e = estimate(&book, &i).unwrap();
            if let Cheapest::AtMidRange { index, lowest_at_low_end, lowest_at_high_end } = e.cheapest {
                let totals: Vec<Range> = e.options.iter().map(|o| o.total).collect();
                // The middle of a range, compared as low + high (twice the middle, no rounding).
                prop_assert!(totals.iter().all(|t| totals[index].low + totals[index].high <= t.low + t.high));
                prop_assert!(totals.iter().all(|t| totals[lowest_at_low_end].low <= t.low));
                prop_assert!(totals.iter().all(|t| totals[lowest_at_high_end].high <= t.high));
                // And "cheapest at every price" would have been false: at some mix of the ends of
                // the prices a face-only course depends on (the face, each combination, the set
                // package, the membership fee), some way to pay undercuts the one named, or comes
                // within the rounding allowance of it (a claim is withheld rather than risk a
                // rounded cent making it untrue).
                let t = &book.treatments[0];
                let Deal::SetPrice { price: set, .. } = book.packages[0].deal else { unreachable!() };
                let vars = 3 + t.combinations.len();
                let undercut = (0u32..1 << vars).any(|bits| {
                    let end = |r: Range, bit: usize| if bits & (1 << bit) == 0 { r.low } else { r.high };
                    let at = Point {
                        areas: t.areas.iter().enumerate().map(|(k, a)| if k == 0 { end(a.1, 0) } else { a.1.low }).collect(),
                        combos: t.combinations.iter().enumerate().map(|(k, c)| end(c.price, 3 + k)).collect(),
                        add_on: book.add_ons[0].per_session.low,
                        set_price: end(set, 1),
                        fee: end(book.memberships[0].monthly_fee, 2),
                    };
                    let m = Model::new(&book, &i, at);
                    let named = m.total_of(&e.options[index]);
                    m.every_way().into_iter().any(|other| other < named + ROUNDING_ALLOWANCE)
                });
                prop_assert!(undercut, "no mix of prices undercuts {:?}: it could have been claimed cheapest", e.options[index].choice);
            }
        }

        #[test]
        fn paying_per_session_never_falls_as_sessions_rise(book in a_book(), mask in 1u8..16, n in 1u8..12, copies in 0usize..2) {
            let a = estimate(&book, &input(mask, n, copies, 0)).unwrap();
            let b = estimate(&book, &input(mask, n + 1, copies, 0)).unwrap();
            let (fewer, more) = (a.options[0].total, b.options[0].total);
            prop_assert!(fewer.low <= more.low && fewer.high <= more.high, "{n} sessions {fewer:?}, {} sessions {more:?}", n + 1);
        }
    }
}
