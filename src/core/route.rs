//! Deep links: which view an instance shows, written into the page's URL fragment.
//!
//! Several widgets can share one page, so the fragment holds one `key=value` pair per instance
//! (`#tw=treatment/rf-microneedling&rosewood=compare/chemical-peel,botox`) and each instance
//! reads and writes only its own key. Nothing a visitor answers about their health is ever part
//! of a route: concerns picked and candidate answers stay in memory.

/// A view of the widget that can be linked to.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum Route {
    #[default]
    Home,
    About,
    Concerns,
    Treatments,
    Treatment(String),
    /// Two to four treatment ids, in the visitor's order.
    Compare(Vec<String>),
    Candidate,
    Expect,
    Myths,
    Faq,
    Sources,
    /// The cost estimator, with its inputs when known (see `estimate_params`).
    Estimate(Option<String>),
}

pub const MAX_COMPARE: usize = 4;

impl Route {
    /// The fragment value for this route; `None` for Home, which needs no fragment at all.
    pub fn to_value(&self) -> Option<String> {
        Some(match self {
            Route::Home => return None,
            Route::About => "about".into(),
            Route::Concerns => "concerns".into(),
            Route::Treatments => "treatments".into(),
            Route::Treatment(id) => format!("treatment/{id}"),
            Route::Compare(ids) => format!("compare/{}", ids.join(",")),
            Route::Candidate => "candidate".into(),
            Route::Expect => "expect".into(),
            Route::Myths => "myths".into(),
            Route::Faq => "faq".into(),
            Route::Sources => "sources".into(),
            Route::Estimate(None) => "estimate".into(),
            Route::Estimate(Some(params)) => format!("estimate/{params}"),
        })
    }

    /// Parses a fragment value. Ids are checked with `is_known`, so a stale or hostile link
    /// lands on a sensible view instead of an empty one.
    pub fn parse(value: &str, is_known: impl Fn(&str) -> bool) -> Route {
        let (head, rest) = value.split_once('/').unwrap_or((value, ""));
        match head {
            "about" => Route::About,
            "concerns" => Route::Concerns,
            "treatments" => Route::Treatments,
            "treatment" if is_known(rest) => Route::Treatment(rest.to_string()),
            "treatment" => Route::Treatments,
            "compare" => {
                let mut ids: Vec<String> = Vec::new();
                for id in rest.split(',').filter(|id| is_known(id)) {
                    if !ids.iter().any(|i| i == id) && ids.len() < MAX_COMPARE {
                        ids.push(id.to_string());
                    }
                }
                Route::Compare(ids)
            }
            "candidate" => Route::Candidate,
            "expect" => Route::Expect,
            "myths" => Route::Myths,
            "faq" => Route::Faq,
            "sources" => Route::Sources,
            "estimate" if rest.is_empty() => Route::Estimate(None),
            "estimate" => Route::Estimate(Some(rest.chars().take(400).collect())),
            _ => Route::Home,
        }
    }
}

/// Reads `key`'s value from a fragment (with or without the leading `#`).
pub fn fragment_value(fragment: &str, key: &str) -> Option<String> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    fragment.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=')?;
        (decode(k) == key).then(|| decode(v))
    })
}

/// Whether a piece of the fragment is a widget's `key=value` pair (its key a usable instance key).
fn is_widget_pair(pair: &str) -> bool {
    pair.split_once('=').is_some_and(|(k, _)| is_valid_key(&decode(k)))
}

/// Where an instance keeps its view: in the page's URL fragment (the default: deep links, Back and
/// Forward) or only in memory (`routing="none"`, for pages whose own router owns the fragment).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Routing {
    #[default]
    Fragment,
    Memory,
}

impl Routing {
    /// From the element's `routing` attribute; an unknown value is an error that names it (the
    /// widget then keeps the default).
    pub fn from_attribute(value: Option<&str>) -> Result<Routing, String> {
        match value.map(str::trim) {
            None | Some("") | Some("fragment") => Ok(Routing::Fragment),
            Some("none") => Ok(Routing::Memory),
            Some(other) => Err(format!("routing={other:?} is not \"fragment\" or \"none\"; using \"fragment\"")),
        }
    }
}

/// What the fragment says about the instance named `key`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FragmentSays {
    /// A view for this instance.
    View(String),
    /// Nothing for this instance, and nothing but other widgets' pairs (or nothing at all): the
    /// instance is at home (the visitor went Back past its first view, or a link cleared it).
    Home,
    /// The page's own fragment (an anchor such as `#pricing`, a hash route such as `#/services`):
    /// not the widget's business, so the widget stays where it is.
    NotOurs,
}

pub fn fragment_says(fragment: &str, key: &str) -> FragmentSays {
    if let Some(value) = fragment_value(fragment, key) {
        return FragmentSays::View(value);
    }
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.split('&').filter(|p| !p.is_empty()).all(is_widget_pair) {
        FragmentSays::Home
    } else {
        FragmentSays::NotOurs
    }
}

/// Returns the fragment with `key` set to `value` (or removed for `None`), keeping every other
/// instance's pair in place. The result has no leading `#`. Removing a key that is not there
/// changes nothing, so a page anchor (`#pricing`) is left alone while this instance is at home.
pub fn with_fragment_value(fragment: &str, key: &str, value: Option<&str>) -> String {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if value.is_none() && fragment_value(fragment, key).is_none() {
        return fragment.to_string();
    }
    let mut pairs: Vec<String> = Vec::new();
    let mut placed = false;
    for pair in fragment.split('&').filter(|p| !p.is_empty()) {
        let is_ours = pair.split_once('=').is_some_and(|(k, _)| decode(k) == key);
        if !is_ours {
            // Only widget pairs are kept: a page anchor (#pricing) or hash route cannot share the
            // fragment with them, so showing a view replaces it (Back brings it back).
            if is_widget_pair(pair) {
                pairs.push(pair.to_string());
            }
            continue;
        }
        if let (Some(v), false) = (value, placed) {
            pairs.push(format!("{}={}", encode(key), encode(v)));
            placed = true;
        }
    }
    if let (Some(v), false) = (value, placed) {
        pairs.push(format!("{}={}", encode(key), encode(v)));
    }
    pairs.join("&")
}

/// A link to this instance's view on the page at `page_link` (the page's address up to and
/// including `#key=`, as frame mode passes it), for the view now in `fragment` under `key`.
pub fn page_link_to(page_link: &str, fragment: &str, key: &str) -> String {
    format!("{page_link}{}", fragment_value(fragment, key).map(|v| encode(&v)).unwrap_or_default())
}

/// Is this a usable instance key (an element id we can put in a fragment)?
pub fn is_valid_key(key: &str) -> bool {
    let mut chars = key.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic())
        && key.len() <= 40
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Percent-encodes what would break the fragment's `key=value&…` shape; ids, `/ , ; : =` stay
/// readable (a pair splits at its first `=`, and keys never contain one).
fn encode(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' | b',' | b';' | b':' | b'=' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = |b: u8| (b as char).to_digit(16);
            if let (Some(hi), Some(lo)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((hi * 16 + lo) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(id: &str) -> bool {
        ["rf-microneedling", "chemical-peel", "botox", "laser-resurfacing", "microdermabrasion"].contains(&id)
    }

    #[test]
    fn a_cut_off_escape_at_the_end_of_a_link_is_kept_as_written() {
        // A link cut off in a message ("…%4", "…%"): nothing to decode, nothing lost, no panic.
        assert_eq!(fragment_value("#tw=faq%4", "tw").as_deref(), Some("faq%4"));
        assert_eq!(fragment_value("#tw=faq%", "tw").as_deref(), Some("faq%"));
        assert_eq!(fragment_value("#tw=fa%71", "tw").as_deref(), Some("faq"));
    }

    #[test]
    fn every_route_round_trips() {
        for route in [
            Route::About,
            Route::Concerns,
            Route::Treatments,
            Route::Treatment("rf-microneedling".into()),
            Route::Compare(vec!["rf-microneedling".into(), "chemical-peel".into()]),
            Route::Candidate,
            Route::Expect,
            Route::Myths,
            Route::Faq,
            Route::Sources,
            Route::Estimate(None),
            Route::Estimate(Some("t=botox;s=1".into())),
        ] {
            let value = route.to_value().unwrap();
            assert_eq!(Route::parse(&value, known), route, "{value}");
        }
        assert_eq!(Route::Home.to_value(), None);
    }

    #[test]
    fn unknown_or_hostile_links_land_somewhere_sensible() {
        assert_eq!(Route::parse("treatment/nope", known), Route::Treatments);
        assert_eq!(Route::parse("<script>", known), Route::Home);
        assert_eq!(Route::parse("", known), Route::Home);
        assert_eq!(
            Route::parse("compare/botox,botox,nope,chemical-peel,rf-microneedling,laser-resurfacing,microdermabrasion", known),
            Route::Compare(vec![
                "botox".into(),
                "chemical-peel".into(),
                "rf-microneedling".into(),
                "laser-resurfacing".into()
            ]),
            "duplicates and unknown ids dropped, at most four kept"
        );
        // An estimate link's parameters are cut at 400 characters (not bytes).
        let long = format!("estimate/{}", "é".repeat(1_000));
        assert_eq!(Route::parse(&long, known), Route::Estimate(Some("é".repeat(400))));
        assert_eq!(Route::parse(&format!("estimate/{}", "s".repeat(400)), known), Route::Estimate(Some("s".repeat(400))));
    }

    #[test]
    fn instances_share_the_fragment_without_fighting() {
        let f = with_fragment_value("", "tw", Some("treatment/rf-microneedling"));
        assert_eq!(f, "tw=treatment/rf-microneedling");
        let f = with_fragment_value(&format!("#{f}"), "rosewood", Some("faq"));
        assert_eq!(f, "tw=treatment/rf-microneedling&rosewood=faq");
        let f = with_fragment_value(&f, "tw", Some("compare/botox,chemical-peel"));
        assert_eq!(f, "tw=compare/botox,chemical-peel&rosewood=faq", "order is kept");
        assert_eq!(fragment_value(&f, "rosewood").as_deref(), Some("faq"));
        assert_eq!(fragment_value(&f, "tw").as_deref(), Some("compare/botox,chemical-peel"));
        let f = with_fragment_value(&f, "tw", None);
        assert_eq!(f, "rosewood=faq");
        assert_eq!(fragment_value(&f, "tw"), None);
    }

    #[test]
    fn values_are_encoded_and_decoded() {
        let f = with_fragment_value("", "tw", Some("a&b=c d#e"));
        assert!(!f[3..].contains('&') && !f.contains(' ') && !f.contains('#'), "{f}");
        assert_eq!(fragment_value(&f, "tw").as_deref(), Some("a&b=c d#e"));
        assert_eq!(fragment_value("tw=%zz", "tw").as_deref(), Some("%zz"), "bad escapes stay literal");
        assert_eq!(fragment_value("tw=%E2%9C%93", "tw").as_deref(), Some("✓"));
        assert_eq!(fragment_value("tw=%aé%", "tw").as_deref(), Some("%aé%"), "no panic on multibyte text");
    }

    #[test]
    fn a_page_anchor_gives_way_only_to_a_view() {
        assert_eq!(with_fragment_value("#pricing", "tw", Some("faq")), "tw=faq");
        assert_eq!(with_fragment_value("#/services?tab=2", "tw", Some("faq")), "tw=faq");
        // At home the widget has nothing to say: the page's anchor or route stays.
        assert_eq!(with_fragment_value("#pricing", "tw", None), "pricing");
        assert_eq!(with_fragment_value("#/services?tab=2", "tw", None), "/services?tab=2");
        assert_eq!(with_fragment_value("rosewood=faq", "tw", None), "rosewood=faq");
    }

    #[test]
    fn a_framed_widget_shares_a_link_to_the_page_it_is_on() {
        let page = "https://rose.example/skin#tw2=";
        assert_eq!(page_link_to(page, "#tw=estimate/t=botox;s=2", "tw"), "https://rose.example/skin#tw2=estimate/t=botox;s=2");
        assert_eq!(page_link_to(page, "#tw=a%26b", "tw"), "https://rose.example/skin#tw2=a%26b", "kept encoded");
        assert_eq!(page_link_to(page, "", "tw"), page);
    }

    #[test]
    fn the_routing_attribute() {
        assert_eq!(Routing::from_attribute(None), Ok(Routing::Fragment));
        assert_eq!(Routing::from_attribute(Some("fragment")), Ok(Routing::Fragment));
        assert_eq!(Routing::from_attribute(Some(" none ")), Ok(Routing::Memory));
        assert_eq!(Routing::from_attribute(Some("hash")), Err("routing=\"hash\" is not \"fragment\" or \"none\"; using \"fragment\"".into()));
    }

    #[test]
    fn only_a_change_to_this_widget_moves_it() {
        assert_eq!(fragment_says("#tw=faq&b=about", "tw"), FragmentSays::View("faq".into()));
        assert_eq!(fragment_says("#b=about", "tw"), FragmentSays::Home, "Back past its first view");
        assert_eq!(fragment_says("", "tw"), FragmentSays::Home);
        assert_eq!(fragment_says("#", "tw"), FragmentSays::Home);
        assert_eq!(fragment_says("#pricing", "tw"), FragmentSays::NotOurs);
        assert_eq!(fragment_says("#/services", "tw"), FragmentSays::NotOurs);
        assert_eq!(fragment_says("#/services?tab=2", "tw"), FragmentSays::NotOurs, "a hash route with a query is not a widget pair");
        assert_eq!(fragment_says("#b=about&pricing", "tw"), FragmentSays::NotOurs);
    }

    #[test]
    fn instance_keys() {
        assert!(is_valid_key("tw"));
        assert!(is_valid_key("rosewood-2"));
        assert!(!is_valid_key("2tw"));
        assert!(!is_valid_key("a=b"));
        assert!(!is_valid_key(""));
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_value_survives_the_fragment(value in ".{0,40}", other in "[a-z/,-]{0,20}") {
            let start = with_fragment_value("", "other", Some(&other));
            let f = with_fragment_value(&start, "tw", Some(&value));
            prop_assert_eq!(fragment_value(&f, "tw"), Some(value.clone()));
            prop_assert_eq!(fragment_value(&f, "other"), Some(other.clone()), "the other instance keeps its value");
            let cleared = with_fragment_value(&f, "tw", None);
            prop_assert_eq!(fragment_value(&cleared, "tw"), None);
        }

        /// Whatever a link holds, the view it opens names only known treatments, compares at
        /// most four different ones, and links back to itself.
        #[test]
        fn any_link_opens_a_view_that_links_back_to_itself(
            text in prop_oneof![".{0,80}", "(treatment|compare|estimate)/[a-z,/-]{0,40}"],
        ) {
            let known = |id: &str| ["botox", "chemical-peel", "rf"].contains(&id);
            let route = Route::parse(&text, known);
            match &route {
                Route::Treatment(id) => prop_assert!(known(id)),
                Route::Compare(ids) => {
                    prop_assert!(ids.len() <= MAX_COMPARE && ids.iter().all(|id| known(id)));
                    let unique: std::collections::BTreeSet<&String> = ids.iter().collect();
                    prop_assert_eq!(unique.len(), ids.len());
                }
                Route::Estimate(Some(params)) => prop_assert!(!params.is_empty() && params.chars().count() <= 400),
                _ => {}
            }
            let back = route.to_value().map(|v| Route::parse(&v, known)).unwrap_or_default();
            prop_assert_eq!(back, route);
        }
    }
}
