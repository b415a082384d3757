//! The estimator's figures in words. Every sentence here says exactly what the core computed,
//! and only the claims the core proved (a saving at both ends of the ranges, the cheapest way,
//! how many payments of how much).

use crate::core::catalog::Catalog;
use crate::core::financing::{FinanceQuote, NoFinancing, Payments, Repayment};
use crate::core::pricing::{Cheapest, Difference, End, Line, LineItem, LineKind, OptionNote, PaymentChoice, PriceBook, Range, Within};
use crate::web::intl::Formats;

pub fn sessions(n: impl Into<u32>) -> String {
    match n.into() {
        1 => "1 session".to_string(),
        n => format!("{n} sessions"),
    }
}

fn months(n: u32) -> String {
    if n == 1 {
        "1 month".to_string()
    } else {
        format!("{n} months")
    }
}

/// Said after a price shown before tax, when the clinic adds tax: " before VAT".
pub fn before_tax(book: &PriceBook) -> String {
    book.tax.as_ref().map(|t| format!(" before {}", t.label)).unwrap_or_default()
}

/// The name of a way to pay: "Pay per session", or the clinic's name for the package or membership.
pub fn option_name(book: &PriceBook, choice: &PaymentChoice) -> String {
    match choice {
        PaymentChoice::PerSession => "Pay per session".to_string(),
        other => book.choice_name(other).unwrap_or("Another way to pay").to_string(),
    }
}

fn area_names(catalog: &Catalog, areas: &[String]) -> String {
    areas.iter().map(|a| catalog.area(a).map(|x| x.name.clone()).unwrap_or_else(|| a.clone())).collect::<Vec<_>>().join(" + ")
}

fn name_of<'a>(found: Option<&'a str>, id: &'a str) -> &'a str {
    found.unwrap_or(id)
}

/// What a line of the estimate is for.
pub fn line_label(line: &Line, book: &PriceBook, catalog: &Catalog, f: &Formats) -> String {
    let label = item_label(line, book, catalog, f);
    match line.only_at {
        None => label,
        Some(End::Low) => format!("{label} (when every price is at the bottom of its range)"),
        Some(End::High) => format!("{label} (when every price is at the top of its range)"),
    }
}

fn item_label(line: &Line, book: &PriceBook, catalog: &Catalog, f: &Formats) -> String {
    match &line.item {
        LineItem::Areas { areas, together, sessions: n, within } => {
            let within = match within {
                Within::Plain => String::new(),
                Within::Package(id) => format!(" in {}", name_of(book.package(id).map(|p| p.name.as_str()), id)),
                Within::OutsidePackage => " outside the package".to_string(),
            };
            format!("{}{} × {}{within}", area_names(catalog, areas), if *together { " (together)" } else { "" }, sessions(*n))
        }
        LineItem::AddOn { id, sessions: n } => format!("{} × {}", name_of(book.add_on(id).map(|a| a.name.as_str()), id), sessions(*n)),
        LineItem::PackagePrice { package, count } => {
            let p = book.package(package);
            let each = p.map(|p| sessions(p.sessions)).unwrap_or_default();
            format!("{} ({each} each) × {count}", name_of(p.map(|p| p.name.as_str()), package))
        }
        LineItem::PackageDiscount { package, percent } => {
            format!("{} discount ({} off)", name_of(book.package(package).map(|p| p.name.as_str()), package), f.percent(*percent))
        }
        LineItem::MemberDiscount { membership, percent } => {
            format!("{} member discount ({} off)", name_of(book.membership(membership).map(|m| m.name.as_str()), membership), f.percent(*percent))
        }
        LineItem::MemberFee { membership, months: m } => {
            format!("{} fee × {}", name_of(book.membership(membership).map(|m| m.name.as_str()), membership), months(*m))
        }
        LineItem::Tax { label, percent } => format!("{label} ({})", f.percent(*percent)),
    }
}

/// A line's amount: discounts are amounts taken off, never negative figures.
pub fn line_amount(line: &Line, f: &Formats) -> String {
    let amount = match line.only_at {
        None => f.range(line.amount),
        Some(end) => f.money(end.of(line.amount)),
    };
    match line.kind {
        LineKind::Discount => format!("{amount} off"),
        _ => amount,
    }
}

/// "$10.00", or "$10.00 – $25.00" with the smaller first.
fn between(f: &Formats, a: i64, b: i64) -> String {
    f.range(Range::new(a.min(b), a.max(b)))
}

/// A way to pay against paying per session, only as far as it holds for any final prices within
/// the ranges.
pub fn difference(d: Difference, f: &Formats) -> String {
    match d {
        Difference::Saves { least: 0, most } => format!("Saves up to {} against paying per session", f.money(most)),
        Difference::Saves { least, most } if least == most => format!("Saves {} against paying per session", f.money(least)),
        Difference::Saves { least, most } => format!("Saves between {} and {} against paying per session, whatever the final prices", f.money(least), f.money(most)),
        Difference::CostsMore { least: 0, most } => format!("Costs up to {} more than paying per session", f.money(most)),
        Difference::CostsMore { least, most } if least == most => format!("Costs {} more than paying per session", f.money(least)),
        Difference::CostsMore { least, most } => format!("Costs between {} and {} more than paying per session", f.money(least), f.money(most)),
        Difference::Depends { saves_up_to, costs_more_up_to } => format!(
            "Depending on the final prices, saves up to {} or costs up to {} more than paying per session",
            f.money(saves_up_to),
            f.money(costs_more_up_to)
        ),
        Difference::Same => "Costs the same as paying per session".to_string(),
    }
}

/// The tag beside option `i`, if the core proved a claim about it.
pub fn cheapest_tag(cheapest: &Cheapest, i: usize) -> Option<&'static str> {
    match cheapest {
        Cheapest::AtEveryPrice { index, tied } if *index == i || tied.contains(&i) => {
            Some(if tied.is_empty() { "Cheapest for you" } else { "Joint cheapest" })
        }
        Cheapest::AtMidRange { index, .. } if *index == i => Some("Lowest mid-range total"),
        _ => None,
    }
}

/// Why the option chosen for the visitor was chosen.
pub fn chosen_for_you(cheapest: &Cheapest, book: &PriceBook, options: &[PaymentChoice]) -> Option<String> {
    let name = |i: usize| options.get(i).map(|c| option_name(book, c)).unwrap_or_default();
    match cheapest {
        Cheapest::Only | Cheapest::AllTheSame => None,
        Cheapest::AtEveryPrice { .. } => Some("The cheapest way, whatever the final prices within these ranges, is chosen for you until you pick one.".to_string()),
        Cheapest::AtMidRange { index, lowest_at_low_end, lowest_at_high_end } if lowest_at_low_end == lowest_at_high_end => Some(format!(
            "No way to pay is the cheapest for every mix of final prices within the ranges. {} costs least when every price is at the bottom of its range and when every price is at the top, and is chosen for you until you pick one.",
            name(*index)
        )),
        Cheapest::AtMidRange { index, lowest_at_low_end, lowest_at_high_end } => Some(format!(
            "No way to pay is the cheapest for every mix of final prices within the ranges: {} costs least when every price is at the bottom of its range, {} when every price is at the top. {} has the lowest total in the middle of its range and is chosen for you until you pick one.",
            name(*lowest_at_low_end),
            name(*lowest_at_high_end),
            name(*index)
        )),
    }
}

pub fn option_note(note: &OptionNote) -> String {
    match *note {
        OptionNote::UnusedSessions { unused, package_size, cheaper_than_fewer: true } => format!(
            "Includes {} you would not use: the package of {package_size} still costs less than paying for the rest singly, whatever the final prices within the ranges.",
            sessions(unused)
        ),
        OptionNote::UnusedSessions { unused, package_size, cheaper_than_fewer: false } => {
            format!("Includes {} more than you asked for: the package is sold as {}.", sessions(unused), sessions(package_size))
        }
        OptionNote::MembershipMonths { months: m, course_months, minimum } if m > course_months => format!(
            "Membership for {}: the {minimum}-month minimum, longer than your course ({}). Ask the clinic about renewal and cancellation.",
            months(m),
            months(course_months)
        ),
        OptionNote::MembershipMonths { months: m, .. } => {
            format!("Membership for {}: the months your course spans. Ask the clinic about any minimum term, renewal and cancellation.", months(m))
        }
    }
}

fn payments_phrase(r: &Repayment, f: &Formats) -> String {
    match r.shape() {
        Payments::Equal { count: 1, amount } => format!("1 payment of {}", f.money(amount)),
        Payments::Equal { count, amount } => format!("{count} monthly payments of {}", f.money(amount)),
        Payments::ThenLast { count, regular, last } => {
            format!("{count} monthly payment{} of {} and a last payment of {}", if count == 1 { "" } else { "s" }, f.money(regular), f.money(last))
        }
    }
}

/// The number and amount of payments, exactly, for both ends of the range.
pub fn payments(q: &FinanceQuote, f: &Formats) -> String {
    if q.at_low == q.at_high {
        return payments_phrase(&q.at_low, f);
    }
    match (q.at_low.shape(), q.at_high.shape()) {
        (Payments::Equal { count: a, amount: low }, Payments::Equal { count: b, amount: high }) if a == b && a > 1 => {
            format!("{a} monthly payments of {}", f.range(Range::new(low, high)))
        }
        (Payments::ThenLast { count: a, regular: r1, last: l1 }, Payments::ThenLast { count: b, regular: r2, last: l2 }) if a == b => format!(
            "{a} monthly payment{} of {} and a last payment of {}",
            if a == 1 { "" } else { "s" },
            f.range(Range::new(r1, r2)),
            between(f, l1, l2)
        ),
        _ => format!(
            "at the bottom of the range, {}; at the top, {}",
            payments_phrase(&q.at_low, f),
            payments_phrase(&q.at_high, f)
        ),
    }
}

/// The rate, as the lender's terms require it to be stated.
pub fn rate(q: &FinanceQuote, f: &Formats) -> String {
    if q.plan.deferred_interest {
        format!(
            "No interest only if paid in full within {}. Otherwise interest at {} APR is charged from the purchase date.",
            months(u32::from(q.plan.months)),
            f.percent(q.plan.apr_bps)
        )
    } else {
        format!("{} APR", f.percent(q.plan.apr_bps))
    }
}

pub fn no_financing(reason: &NoFinancing, clinic_name: &str, f: &Formats) -> String {
    match reason {
        NoFinancing::NotWith(PaymentChoice::Package(_)) => format!("{clinic_name} does not combine packages with financing."),
        NoFinancing::NotWith(PaymentChoice::Membership(_)) => format!("{clinic_name} does not combine memberships with financing."),
        NoFinancing::NotWith(PaymentChoice::PerSession) => "Financing is not offered for paying per session.".to_string(),
        NoFinancing::BelowMinimum { minimum } => format!("Financing starts at {} after the deposit.", f.money(*minimum)),
        NoFinancing::NothingLeft => "The deposit covers the whole estimate, so there is nothing to finance.".to_string(),
        NoFinancing::NothingLeftAtLowEnd => {
            "At the bottom of the price range the deposit covers everything, so no one financing example fits this estimate.".to_string()
        }
        NoFinancing::UnknownPlan => "This plan is no longer offered.".to_string(),
    }
}
