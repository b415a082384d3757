//! The estimator's figures in words, in the visitor's language. Every sentence says exactly what
//! the core computed, and only the claims the core proved (a saving for any final prices, the
//! cheapest way, how many payments of how much).

use crate::core::catalog::Catalog;
use crate::core::financing::{FinanceQuote, NoFinancing, Payments, Repayment};
use crate::core::pricing::{Cheapest, Difference, End, Line, LineItem, LineKind, OptionNote, PaymentChoice, PriceBook, Range, Within};
use crate::core::texts::Texts;
use crate::web::intl::Formats;

pub fn sessions(t: &Texts, n: impl Into<u64>) -> String {
    t.count("sessions", n, &[])
}

fn months(t: &Texts, n: u32) -> String {
    t.count("unit.month", u64::from(n), &[])
}

/// Said after a price, when the clinic has a tax: " before VAT" when the estimate adds it,
/// " including VAT" when the prices already include it.
pub fn tax_note(t: &Texts, book: &PriceBook) -> String {
    book.tax
        .as_ref()
        .map(|tax| t.fill(if tax.included { "price.tax_included" } else { "price.before_tax" }, &[("tax", tax.label.get(t.lang))]))
        .unwrap_or_default()
}

/// The name of a way to pay: "Pay per session", or the clinic's name for the package or membership.
pub fn option_name(t: &Texts, book: &PriceBook, choice: &PaymentChoice) -> String {
    match choice {
        PaymentChoice::PerSession => t.get("pay.per_session").to_string(),
        other => book.choice_name(other, t.lang).map(str::to_string).unwrap_or_else(|| t.get("pay.another").to_string()),
    }
}

fn area_names(catalog: &Catalog, areas: &[String]) -> String {
    areas.iter().map(|a| catalog.area(a).map(|x| x.name.clone()).unwrap_or_else(|| a.clone())).collect::<Vec<_>>().join(" + ")
}

fn name_of<'a>(found: Option<&'a str>, id: &'a str) -> &'a str {
    found.unwrap_or(id)
}

/// What a line of the estimate is for.
pub fn line_label(t: &Texts, line: &Line, book: &PriceBook, catalog: &Catalog, f: &Formats) -> String {
    let label = item_label(t, line, book, catalog, f);
    match line.only_at {
        None => label,
        Some(End::Low) => t.fill("line.only_low", &[("label", &label)]),
        Some(End::High) => t.fill("line.only_high", &[("label", &label)]),
    }
}

fn item_label(t: &Texts, line: &Line, book: &PriceBook, catalog: &Catalog, f: &Formats) -> String {
    match &line.item {
        LineItem::Areas { areas, together, sessions: n, within } => {
            let key = match (together, within) {
                (false, Within::Plain) => "line.areas",
                (true, Within::Plain) => "line.areas_together",
                (false, Within::Package(_)) => "line.areas_in_package",
                (true, Within::Package(_)) => "line.areas_together_in_package",
                (false, Within::OutsidePackage) => "line.areas_outside",
                (true, Within::OutsidePackage) => "line.areas_together_outside",
            };
            let package = match within {
                Within::Package(id) => name_of(book.package(id).map(|p| p.name.get(t.lang)), id).to_string(),
                _ => String::new(),
            };
            t.fill(key, &[("areas", &area_names(catalog, areas)), ("sessions", &sessions(t, *n)), ("package", &package)])
        }
        LineItem::AddOn { id, sessions: n } => {
            t.fill("line.add_on", &[("name", name_of(book.add_on(id).map(|a| a.name.get(t.lang)), id)), ("sessions", &sessions(t, *n))])
        }
        LineItem::PackagePrice { package, count } => {
            let p = book.package(package);
            t.fill(
                "line.package",
                &[
                    ("name", name_of(p.map(|p| p.name.get(t.lang)), package)),
                    ("each", &p.map(|p| sessions(t, p.sessions)).unwrap_or_default()),
                    ("count", &count.to_string()),
                ],
            )
        }
        LineItem::PackageDiscount { package, percent } => {
            t.fill("line.package_discount", &[("name", name_of(book.package(package).map(|p| p.name.get(t.lang)), package)), ("percent", &f.percent(*percent))])
        }
        LineItem::MemberDiscount { membership, percent } => t.fill(
            "line.member_discount",
            &[("name", name_of(book.membership(membership).map(|m| m.name.get(t.lang)), membership)), ("percent", &f.percent(*percent))],
        ),
        LineItem::MemberFee { membership, months: m } => {
            t.fill("line.member_fee", &[("name", name_of(book.membership(membership).map(|m| m.name.get(t.lang)), membership)), ("months", &months(t, *m))])
        }
        LineItem::Tax { percent } => t.fill("line.tax", &[("label", book.tax.as_ref().map(|x| x.label.get(t.lang)).unwrap_or_default()), ("percent", &f.percent(*percent))]),
        LineItem::IncludedTax { percent } => {
            t.fill("line.tax_included", &[("label", book.tax.as_ref().map(|x| x.label.get(t.lang)).unwrap_or_default()), ("percent", &f.percent(*percent))])
        }
    }
}

/// A line's amount: discounts are amounts taken off, never negative figures.
pub fn line_amount(t: &Texts, line: &Line, f: &Formats) -> String {
    let amount = match line.only_at {
        None => f.range(line.amount),
        Some(end) => f.money(end.of(line.amount)),
    };
    match line.kind {
        LineKind::Discount => t.fill("line.off", &[("amount", &amount)]),
        _ => amount,
    }
}

/// A way to pay against paying per session, only as far as it holds for any final prices within
/// the ranges.
pub fn difference(t: &Texts, d: Difference, f: &Formats) -> String {
    match d {
        Difference::Saves { least: 0, most } => t.fill("diff.saves_up_to", &[("most", &f.money(most))]),
        Difference::Saves { least, most } if least == most => t.fill("diff.saves", &[("amount", &f.money(least))]),
        Difference::Saves { least, most } => t.fill("diff.saves_between", &[("least", &f.money(least)), ("most", &f.money(most))]),
        Difference::CostsMore { least: 0, most } => t.fill("diff.costs_up_to", &[("most", &f.money(most))]),
        Difference::CostsMore { least, most } if least == most => t.fill("diff.costs", &[("amount", &f.money(least))]),
        Difference::CostsMore { least, most } => t.fill("diff.costs_between", &[("least", &f.money(least)), ("most", &f.money(most))]),
        Difference::Depends { saves_up_to, costs_more_up_to } => {
            t.fill("diff.depends", &[("saves", &f.money(saves_up_to)), ("costs", &f.money(costs_more_up_to))])
        }
        Difference::Same => t.get("diff.same").to_string(),
    }
}

/// The tag beside option `i`, if the core proved a claim about it.
pub fn cheapest_tag(t: &Texts, cheapest: &Cheapest, i: usize) -> Option<String> {
    match cheapest {
        Cheapest::AtEveryPrice { index, tied } if *index == i || tied.contains(&i) => {
            Some(t.get(if tied.is_empty() { "pay.cheapest" } else { "pay.joint_cheapest" }).to_string())
        }
        Cheapest::AtMidRange { index, .. } if *index == i => Some(t.get("pay.lowest_mid").to_string()),
        _ => None,
    }
}

/// Why the option chosen for the visitor was chosen.
pub fn chosen_for_you(t: &Texts, cheapest: &Cheapest, book: &PriceBook, options: &[PaymentChoice]) -> Option<String> {
    let name = |i: usize| options.get(i).map(|c| option_name(t, book, c)).unwrap_or_default();
    match cheapest {
        Cheapest::Only | Cheapest::AllTheSame => None,
        Cheapest::AtEveryPrice { .. } => Some(t.get("pay.chosen_cheapest").to_string()),
        Cheapest::AtMidRange { index, lowest_at_low_end, lowest_at_high_end } if lowest_at_low_end == lowest_at_high_end => {
            Some(t.fill("pay.chosen_both_ends", &[("name", &name(*index))]))
        }
        Cheapest::AtMidRange { index, lowest_at_low_end, lowest_at_high_end } => Some(t.fill(
            "pay.chosen_mid",
            &[("low", &name(*lowest_at_low_end)), ("high", &name(*lowest_at_high_end)), ("name", &name(*index))],
        )),
    }
}

pub fn option_note(t: &Texts, note: &OptionNote) -> String {
    match *note {
        OptionNote::UnusedSessions { unused, package_size, cheaper_than_fewer: true } => {
            t.fill("note.unused_cheaper", &[("unused", &sessions(t, unused)), ("size", &package_size.to_string())])
        }
        OptionNote::UnusedSessions { unused, package_size, cheaper_than_fewer: false } => {
            t.fill("note.unused", &[("unused", &sessions(t, unused)), ("size", &sessions(t, package_size))])
        }
        OptionNote::MembershipMonths { months: m, course_months, minimum } if m > course_months => t.fill(
            "note.membership_minimum",
            &[("months", &months(t, m)), ("minimum", &minimum.to_string()), ("course", &months(t, course_months))],
        ),
        OptionNote::MembershipMonths { months: m, .. } => t.fill("note.membership", &[("months", &months(t, m))]),
    }
}

fn payments_phrase(t: &Texts, r: &Repayment, f: &Formats) -> String {
    match r.shape() {
        Payments::Equal { count: 1, amount } => t.fill("pay.one_payment", &[("amount", &f.money(amount))]),
        Payments::Equal { count, amount } => t.fill("pay.equal_payments", &[("count", &count.to_string()), ("amount", &f.money(amount))]),
        Payments::ThenLast { count, regular, last } => t.count("pay.then_last", u64::from(count), &[("regular", &f.money(regular)), ("last", &f.money(last))]),
    }
}

/// The number and amount of payments, exactly, for both ends of the range.
pub fn payments(t: &Texts, q: &FinanceQuote, f: &Formats) -> String {
    if q.at_low == q.at_high {
        return payments_phrase(t, &q.at_low, f);
    }
    match (q.at_low.shape(), q.at_high.shape()) {
        (Payments::Equal { count: a, amount: low }, Payments::Equal { count: b, amount: high }) if a == b && a > 1 => {
            t.fill("pay.equal_payments", &[("count", &a.to_string()), ("amount", &f.range(Range::new(low, high)))])
        }
        (Payments::ThenLast { count: a, regular: r1, last: l1 }, Payments::ThenLast { count: b, regular: r2, last: l2 }) if a == b => {
            t.count("pay.then_last", u64::from(a), &[("regular", &f.range(Range::new(r1, r2))), ("last", &f.between(Range::new(l1, l2)))])
        }
        _ => t.fill("pay.by_end", &[("low", &payments_phrase(t, &q.at_low, f)), ("high", &payments_phrase(t, &q.at_high, f))]),
    }
}

/// The rate, as the lender's terms require it to be stated.
pub fn rate(t: &Texts, q: &FinanceQuote, f: &Formats) -> String {
    if q.plan.deferred_interest {
        t.fill("pay.deferred", &[("months", &months(t, u32::from(q.plan.months))), ("apr", &f.percent(q.plan.apr_bps))])
    } else {
        t.fill("pay.apr", &[("apr", &f.percent(q.plan.apr_bps))])
    }
}

pub fn no_financing(t: &Texts, reason: &NoFinancing, clinic_name: &str, f: &Formats) -> String {
    match reason {
        NoFinancing::NotWith(PaymentChoice::Package(_)) => t.fill("finance.not_packages", &[("clinic", clinic_name)]),
        NoFinancing::NotWith(PaymentChoice::Membership(_)) => t.fill("finance.not_memberships", &[("clinic", clinic_name)]),
        NoFinancing::NotWith(PaymentChoice::PerSession) => t.get("finance.not_per_session").to_string(),
        NoFinancing::BelowMinimum { minimum } => t.fill("finance.minimum", &[("minimum", &f.money(*minimum))]),
        NoFinancing::NothingLeft => t.get("finance.nothing_left").to_string(),
        NoFinancing::NothingLeftAtLowEnd => t.get("finance.nothing_left_low").to_string(),
        NoFinancing::UnknownPlan => t.get("finance.unknown_plan").to_string(),
    }
}
