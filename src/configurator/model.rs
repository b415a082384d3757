//! The configurator's state: the draft config and what the person is in the middle of typing.
//! The rules (what a field means, what the widget makes of it) are the core's: `draft` and the
//! widget's own config reader.

use std::collections::BTreeMap;
use std::rc::Rc;

use serde_json::Value;
use treatment_widget_core::catalog::Catalog;
use treatment_widget_core::config::{ConfigError, Section};
use crate::draft::{number_from_text, price_from_text, Draft, Step};
use yew::Reducible;

/// One step of a field's place in the config, owned so actions can carry it.
#[derive(Clone, Debug, PartialEq)]
pub enum Part {
    Key(String),
    Index(usize),
}

pub type FieldPath = Vec<Part>;

pub fn key(k: &str) -> Part {
    Part::Key(k.to_string())
}

pub fn steps(path: &[Part]) -> Vec<Step<'_>> {
    path.iter()
        .map(|p| match p {
            Part::Key(k) => Step::Key(k),
            Part::Index(i) => Step::Index(*i),
        })
        .collect()
}

/// The path as the widget's warnings write it: `pricing.packages[0].price`.
pub fn path_text(path: &[Part]) -> String {
    let mut out = String::new();
    for p in path {
        match p {
            Part::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Part::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// The id of the form control for a path (problems link to it).
pub fn field_id(path: &str) -> String {
    let mut id = String::from("cf-");
    for c in path.chars() {
        id.push(if c.is_ascii_alphanumeric() { c } else { '-' });
    }
    id
}

#[derive(Clone, PartialEq)]
pub struct Model {
    pub catalog: Rc<Catalog>,
    pub draft: Draft,
    /// What the widget would leave out of the draft, with its reasons.
    pub problems: Rc<Vec<ConfigError>>,
    /// Text as typed into the price and number fields, by field path, with the reason when it is
    /// not (yet) a value: a half-typed price is kept, not thrown away, and the field shows exactly
    /// what was typed, not the value re-written under the cursor.
    pub typed: BTreeMap<String, (String, Option<String>)>,
    pub import_text: String,
    pub import_message: Option<Result<String, String>>,
    pub confirm_reset: bool,
    /// An import waits for a yes: it would replace a draft that has work in it.
    pub confirm_import: bool,
    pub phone_preview: bool,
    /// The preview's language when the person wants to see the other one ("en" or "es").
    pub preview_language: Option<String>,
    pub loader_url: String,
    pub config_url: String,
    /// Bumped when the form should take a whole new draft (an import, "Start again").
    pub generation: u32,
    /// The control that keeps focus after the form re-orders itself (a ticked treatment moves to
    /// the ticked list, a moved one to its new place), with a counter so each action refocuses.
    pub keep_focus: Option<(String, u32)>,
}

impl Model {
    pub fn new(catalog: Rc<Catalog>, draft: Draft, loader_url: String) -> Model {
        let problems = Rc::new(draft.problems(&catalog));
        Model {
            catalog,
            draft,
            problems,
            typed: BTreeMap::new(),
            import_text: String::new(),
            import_message: None,
            confirm_reset: false,
            confirm_import: false,
            phone_preview: false,
            preview_language: None,
            loader_url,
            config_url: "https://your-site.example/clinic.json".to_string(),
            generation: 0,
            keep_focus: None,
        }
    }

    /// The config the preview shows: the draft, in the preview's language if one is chosen.
    pub fn preview_json(&self) -> String {
        let mut shown = self.draft.clone();
        if let Some(lang) = &self.preview_language {
            shown.set(&[Step::Key("language")], Some(Value::from(lang.as_str())));
            shown.set(&[Step::Key("languages")], None);
        }
        crate::draft::script_safe(&shown.to_json())
    }

    /// Keeps what was typed into a field; a value it reads as goes into the draft, and a text that
    /// is not one yet keeps the last good value, with the reason beside the field.
    fn typed_value(&mut self, path: &[Part], text: String, parsed: Result<Option<Value>, String>) {
        let at = path_text(path);
        match parsed {
            Ok(value) => {
                self.typed.insert(at, (text, None));
                self.draft.set(&steps(path), value);
                self.changed();
            }
            Err(reason) => {
                self.typed.insert(at, (text, Some(reason)));
            }
        }
    }

    fn changed(&mut self) {
        self.problems = Rc::new(self.draft.problems(&self.catalog));
    }
}

/// A count as typed (sessions, months): a whole number, or nothing.
fn count_from_text(text: &str) -> Result<Option<Value>, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    trimmed.parse::<u32>().map(|n| Some(Value::from(n))).map_err(|_| "Write a whole number, such as 4.".to_string())
}

pub enum Action {
    Text(FieldPath, String),
    Flag(FieldPath, bool),
    /// A value set as is (`None` removes it).
    Value(FieldPath, Option<Value>),
    Price(FieldPath, String),
    Count(FieldPath, String),
    Number(FieldPath, String),
    /// A new entry at the end of a list of objects, with an id `{prefix}-{n}` not taken yet (none
    /// for an empty prefix: price sources and area combinations have no id).
    AddItem(FieldPath, &'static str, Value),
    /// A location's own price list, copied from the clinic's, or back to the clinic's prices.
    OwnPrices(usize, bool),
    /// One text becomes one per language the clinic speaks (`Draft::write_each_language`).
    WriteEachLanguage(FieldPath),
    RemoveItem(FieldPath, usize),
    /// Shows or hides a section; the list is written out in the widget's order.
    Section(&'static str, bool),
    Offer(String, bool),
    Move(String, bool),
    AddPackage,
    RemovePackage(usize),
    /// A package priced as a percentage off each session (`true`) or a set price: the other
    /// way's fields go, since the widget reads one or the other.
    PackagePricing(usize, bool),
    ImportText(String),
    /// Use the pasted config; over a draft with work in it only once `confirmed`.
    Import { confirmed: bool },
    CancelImport,
    /// A chosen file could not be read.
    ImportFailed(String),
    AskReset(bool),
    Reset,
    /// The clinic's own words for an interface text, starting from the widget's; focus goes to it.
    Reword { lang: String, key: String, start: String, focus: String },
    PhonePreview(bool),
    PreviewLanguage(Option<String>),
    LoaderUrl(String),
    ConfigUrl(String),
}

impl Reducible for Model {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut m = (*self).clone();
        match action {
            Action::Text(path, text) => {
                m.draft.set_text(&steps(&path), &text);
                m.changed();
            }
            Action::OwnPrices(i, own) => {
                m.draft.set_own_prices(i, own);
                m.changed();
            }
            Action::WriteEachLanguage(path) => {
                m.draft.write_each_language(&steps(&path));
                m.changed();
            }
            Action::Flag(path, on) => {
                m.draft.set(&steps(&path), on.then_some(Value::Bool(true)));
                m.changed();
            }
            Action::Value(path, value) => {
                m.draft.set(&steps(&path), value);
                m.changed();
            }
            Action::Price(path, text) => {
                let parsed = price_from_text(&text);
                m.typed_value(&path, text, parsed);
            }
            Action::Count(path, text) => {
                let parsed = count_from_text(&text);
                m.typed_value(&path, text, parsed);
            }
            Action::Number(path, text) => {
                let parsed = number_from_text(&text);
                m.typed_value(&path, text, parsed);
            }
            Action::AddItem(list, prefix, template) => {
                let items = match m.draft.get(&steps(&list)) {
                    Some(Value::Array(a)) => a.clone(),
                    _ => Vec::new(),
                };
                let taken = |id: &str| items.iter().any(|p| p.get("id").and_then(Value::as_str) == Some(id));
                let id = (1..).map(|n| format!("{prefix}-{n}")).find(|id| !taken(id)).unwrap_or_default();
                let mut item = serde_json::Map::new();
                if !prefix.is_empty() {
                    item.insert("id".into(), Value::from(id));
                }
                if let Value::Object(fields) = template {
                    item.extend(fields);
                }
                let mut path = list.clone();
                path.push(Part::Index(items.len()));
                m.draft.set(&steps(&path), Some(Value::Object(item)));
                m.changed();
            }
            Action::RemoveItem(list, i) => {
                let mut path = list.clone();
                path.push(Part::Index(i));
                // An add-on that goes leaves no treatment offering it (a new one may reuse its id).
                if path_text(&list) == "pricing.addOns" {
                    if let Some(id) = m.draft.get(&steps(&path)).and_then(|a| a.get("id")).and_then(Value::as_str).map(str::to_string) {
                        let treatments: Vec<String> = match m.draft.get(&[Step::Key("pricing"), Step::Key("treatments")]) {
                            Some(Value::Object(t)) => t.keys().cloned().collect(),
                            _ => Vec::new(),
                        };
                        for t in treatments {
                            let at = [Step::Key("pricing"), Step::Key("treatments"), Step::Key(&t), Step::Key("addOns")];
                            if let Some(Value::Array(ids)) = m.draft.get(&at) {
                                let kept: Vec<Value> = ids.iter().filter(|x| x.as_str() != Some(id.as_str())).cloned().collect();
                                m.draft.set(&at, (!kept.is_empty()).then(|| Value::from(kept)));
                            }
                        }
                    }
                }
                // The clinic's own treatment takes its prices and its place in the order with it.
                if path_text(&list) == "customTreatments" {
                    if let Some(id) = m.draft.get(&steps(&path)).and_then(|t| t.get("id")).and_then(Value::as_str).map(str::to_string) {
                        m.draft.set(&[Step::Key("pricing"), Step::Key("treatments"), Step::Key(&id)], None);
                        if let Some(Value::Array(ids)) = m.draft.get(&[Step::Key("offeredTreatments")]) {
                            let kept: Vec<Value> = ids.iter().filter(|x| x.as_str() != Some(id.as_str())).cloned().collect();
                            m.draft.set(&[Step::Key("offeredTreatments")], Some(Value::from(kept)));
                        }
                        m.typed.retain(|k, _| !k.starts_with(&format!("pricing.treatments.{id}.")));
                    }
                }
                m.draft.set(&steps(&path), None);
                let prefix = path_text(&list);
                m.typed.retain(|k, _| !k.starts_with(&format!("{prefix}[")));
                m.changed();
            }
            Action::Section(id, on) => {
                let mut shown = m.draft.sections();
                shown.retain(|s| s != id);
                if on {
                    shown.push(id.to_string());
                }
                let ordered: Vec<&str> = Section::ALL.iter().map(|s| s.id()).filter(|s| shown.iter().any(|x| x == s)).collect();
                // The widget needs something to show: the last section stays.
                if !ordered.is_empty() {
                    m.draft.set(&[Step::Key("sections")], Some(Value::from(ordered)));
                    if !on && m.draft.text(&[Step::Key("startView")]) == id {
                        m.draft.set(&[Step::Key("startView")], None);
                    }
                    m.changed();
                }
            }
            Action::Offer(id, on) => {
                m.keep_focus = Some((format!("cf-offer-{id}"), m.keep_focus.as_ref().map_or(0, |(_, n)| n + 1)));
                m.draft.set_offered(&id, on, &m.catalog);
                m.changed();
            }
            Action::Move(id, earlier) => {
                let button = if earlier { "up" } else { "down" };
                m.keep_focus = Some((format!("cf-{button}-{id}"), m.keep_focus.as_ref().map_or(0, |(_, n)| n + 1)));
                m.draft.move_offered(&id, earlier, &m.catalog);
                m.changed();
            }
            Action::AddPackage => {
                let count = match m.draft.get(&[Step::Key("pricing"), Step::Key("packages")]) {
                    Some(Value::Array(a)) => a.len(),
                    _ => 0,
                };
                // The first offered treatment with prices: a package of one without them is left out.
                let priced = |id: &String| m.draft.get(&[Step::Key("pricing"), Step::Key("treatments"), Step::Key(id)]).is_some();
                let offered = m.draft.offered(&m.catalog);
                let treatment = offered.iter().find(|id| priced(id)).or(offered.first()).cloned().unwrap_or_default();
                let taken = |id: &str| match m.draft.get(&[Step::Key("pricing"), Step::Key("packages")]) {
                    Some(Value::Array(a)) => a.iter().any(|p| p.get("id").and_then(Value::as_str) == Some(id)),
                    _ => false,
                };
                let id = (1..).map(|n| format!("package-{n}")).find(|id| !taken(id)).unwrap_or_default();
                let package = serde_json::json!({ "id": id, "name": "", "treatment": treatment, "sessions": 3 });
                m.draft.set(&[Step::Key("pricing"), Step::Key("packages"), Step::Index(count)], Some(package));
                m.changed();
            }
            Action::PackagePricing(i, percent) => {
                let base = [Step::Key("pricing"), Step::Key("packages"), Step::Index(i)];
                let gone: &[&str] = if percent { &["price", "areas"] } else { &["percentOff"] };
                for k in gone {
                    let mut path = base.to_vec();
                    path.push(Step::Key(k));
                    m.draft.set(&path, None);
                    m.typed.remove(&format!("pricing.packages[{i}].{k}"));
                }
                // Nothing typed yet: an empty entry keeps the form on the percentage until one is.
                if percent {
                    m.typed.entry(format!("pricing.packages[{i}].percentOff")).or_insert((String::new(), None));
                }
                m.changed();
            }
            Action::RemovePackage(i) => {
                m.draft.set(&[Step::Key("pricing"), Step::Key("packages"), Step::Index(i)], None);
                m.typed.retain(|k, _| !k.starts_with("pricing.packages["));
                m.changed();
            }
            Action::ImportText(text) => {
                m.import_text = text;
                m.import_message = None;
                m.confirm_import = false;
            }
            Action::Import { confirmed } => match Draft::parse(&m.import_text) {
                Ok(_) if !confirmed && m.draft != Draft::blank() => {
                    m.confirm_import = true;
                    m.import_message = None;
                    m.keep_focus = Some(("cf-import-yes".to_string(), m.keep_focus.as_ref().map_or(0, |(_, n)| n + 1)));
                }
                Ok(draft) => {
                    m.confirm_import = false;
                    m.draft = draft;
                    m.typed.clear();
                    m.changed();
                    m.generation += 1;
                    let n = m.problems.len();
                    m.import_message = Some(Ok(if n == 0 {
                        "Imported: it replaced the draft. The widget can use all of it.".to_string()
                    } else {
                        format!("Imported: it replaced the draft. The widget would leave out or change {n} part{} of it: see the list of problems at the top. Nothing was removed from the config.", if n == 1 { "" } else { "s" })
                    }));
                    m.import_text.clear();
                }
                Err(reason) => {
                    m.confirm_import = false;
                    m.import_message = Some(Err(reason));
                }
            },
            Action::CancelImport => {
                m.confirm_import = false;
                m.import_message = Some(Ok("Not imported: the draft is as it was.".to_string()));
                m.keep_focus = Some(("cf-import-use".to_string(), m.keep_focus.as_ref().map_or(0, |(_, n)| n + 1)));
            }
            Action::ImportFailed(reason) => m.import_message = Some(Err(reason)),
            Action::AskReset(on) => {
                m.confirm_reset = on;
                // Focus follows the question: to its first answer, or back to the button that asked.
                let to = if on { "cf-reset-yes" } else { "cf-reset" };
                m.keep_focus = Some((to.to_string(), m.keep_focus.as_ref().map_or(0, |(_, n)| n + 1)));
            }
            Action::Reset => {
                m.draft = Draft::blank();
                m.typed.clear();
                m.confirm_reset = false;
                m.import_message = None;
                m.changed();
                m.generation += 1;
            }
            Action::Reword { lang, key, start, focus } => {
                let path = [Step::Key("copy"), Step::Key(&lang), Step::Key(&key)];
                if m.draft.get(&path).is_none() {
                    m.draft.set(&path, Some(Value::String(start)));
                    m.changed();
                }
                m.keep_focus = Some((focus, m.keep_focus.as_ref().map_or(0, |(_, n)| n + 1)));
            }
            Action::PhonePreview(on) => m.phone_preview = on,
            Action::PreviewLanguage(lang) => m.preview_language = lang,
            Action::LoaderUrl(url) => m.loader_url = url,
            Action::ConfigUrl(url) => m.config_url = url,
        }
        Rc::new(m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model() -> Rc<Model> {
        Rc::new(Model::new(Rc::new(Catalog::built_in().unwrap()), Draft::blank(), "https://cdn.example/treatment-widget.js".into()))
    }

    fn price_path() -> FieldPath {
        vec![key("pricing"), key("treatments"), key("botox"), key("areas"), key("face")]
    }

    #[test]
    fn a_half_typed_price_is_kept_with_its_reason_and_the_config_keeps_the_last_good_one() {
        let m = model().reduce(Action::Price(price_path(), "300".into()));
        let m = m.reduce(Action::Price(price_path(), "300-".into()));
        let (text, reason) = m.typed.get("pricing.treatments.botox.areas.face").unwrap();
        assert_eq!(text, "300-");
        assert!(reason.as_deref().unwrap().contains("not an amount"), "{reason:?}");
        assert_eq!(m.draft.get(&steps(&price_path())), Some(&Value::from(300)));
        let m = m.reduce(Action::Price(price_path(), "300 - 450".into()));
        assert_eq!(m.typed.get("pricing.treatments.botox.areas.face"), Some(&("300 - 450".to_string(), None)), "shown as typed");
        assert_eq!(m.draft.get(&steps(&price_path())), Some(&serde_json::json!({"low": 300, "high": 450})));
    }

    #[test]
    fn problems_follow_each_change() {
        let m = model().reduce(Action::Text(vec![key("booking"), key("url")], "ftp://x".into()));
        assert!(m.problems.iter().any(|p| p.path == "booking.url"), "{:?}", m.problems);
        let m = m.reduce(Action::Text(vec![key("booking"), key("url")], "https://rose.example/book".into()));
        assert!(!m.problems.iter().any(|p| p.path == "booking.url"), "{:?}", m.problems);
    }

    #[test]
    fn packages_get_ids_that_are_not_taken() {
        let m = model().reduce(Action::AddPackage).reduce(Action::AddPackage).reduce(Action::RemovePackage(0)).reduce(Action::AddPackage);
        let ids: Vec<String> = match m.draft.get(&[Step::Key("pricing"), Step::Key("packages")]) {
            Some(Value::Array(a)) => a.iter().map(|p| p["id"].as_str().unwrap().to_string()).collect(),
            _ => vec![],
        };
        assert_eq!(ids, ["package-2", "package-1"]);
    }

    #[test]
    fn an_import_that_is_not_json_changes_nothing() {
        let m = model().reduce(Action::Text(vec![key("clinicName")], "Rose".into()));
        let m = m.reduce(Action::ImportText("{\"version\": ".into())).reduce(Action::Import { confirmed: true });
        assert_eq!(m.draft.text(&[Step::Key("clinicName")]), "Rose");
        assert!(matches!(&m.import_message, Some(Err(e)) if e.contains("not valid JSON")));
    }

    #[test]
    fn an_import_over_a_draft_with_work_in_it_asks_first() {
        let pasted = r#"{"version":1,"clinicName":"Imported"}"#;
        // A blank draft: nothing to lose, so no question.
        let m = model().reduce(Action::ImportText(pasted.into())).reduce(Action::Import { confirmed: false });
        assert_eq!(m.draft.text(&[Step::Key("clinicName")]), "Imported");
        assert!(!m.confirm_import);

        let m = model().reduce(Action::Text(vec![key("clinicName")], "Rose".into()));
        let asked = m.reduce(Action::ImportText(pasted.into())).reduce(Action::Import { confirmed: false });
        assert!(asked.confirm_import);
        assert_eq!(asked.draft.text(&[Step::Key("clinicName")]), "Rose", "nothing replaced before the yes");
        let kept = asked.clone().reduce(Action::CancelImport);
        assert!(!kept.confirm_import);
        assert_eq!(kept.draft.text(&[Step::Key("clinicName")]), "Rose");
        let replaced = asked.reduce(Action::Import { confirmed: true });
        assert!(!replaced.confirm_import);
        assert_eq!(replaced.draft.text(&[Step::Key("clinicName")]), "Imported");
    }

    #[test]
    fn removing_the_clinics_own_treatment_takes_its_prices_and_place() {
        let pasted = r#"{"version":1,"offeredTreatments":["botox","glow"],"customTreatments":[{"id":"glow","name":"Glow","summary":"A facial.","sessions":{"typical":1}}],
            "pricing":{"treatments":{"botox":{"areas":{"face":300}},"glow":{"areas":{"face":90}}}}}"#;
        let m = model().reduce(Action::ImportText(pasted.into())).reduce(Action::Import { confirmed: true });
        let m = m.reduce(Action::RemoveItem(vec![key("customTreatments")], 0));
        assert_eq!(m.draft.get(&[Step::Key("customTreatments")]), None);
        assert_eq!(m.draft.get(&[Step::Key("pricing"), Step::Key("treatments"), Step::Key("glow")]), None);
        assert_eq!(m.draft.get(&[Step::Key("offeredTreatments")]), Some(&serde_json::json!(["botox"])));
        assert!(m.problems.is_empty(), "{:?}", m.problems);
    }

    #[test]
    fn a_package_priced_one_way_loses_the_other_ways_fields() {
        let pasted = r#"{"version":1,"pricing":{"treatments":{"botox":{"areas":{"face":300,"neck":200}}},
            "packages":[{"id":"p","name":"Three","treatment":"botox","sessions":3,"price":800,"areas":["face","neck"]}]}}"#;
        let m = model().reduce(Action::ImportText(pasted.into())).reduce(Action::Import { confirmed: true });
        let m = m.reduce(Action::PackagePricing(0, true)).reduce(Action::Number(vec![key("pricing"), key("packages"), Part::Index(0), key("percentOff")], "15".into()));
        assert_eq!(m.draft.get(&[Step::Key("pricing"), Step::Key("packages"), Step::Index(0)]),
            Some(&serde_json::json!({"id":"p","name":"Three","treatment":"botox","sessions":3,"percentOff":15})));
        assert!(m.problems.is_empty(), "{:?}", m.problems);
        let m = m.reduce(Action::PackagePricing(0, false));
        assert_eq!(m.draft.get(&[Step::Key("pricing"), Step::Key("packages"), Step::Index(0), Step::Key("percentOff")]), None);
    }

    #[test]
    fn an_entry_without_an_id_prefix_gets_no_id() {
        let m = model().reduce(Action::AddItem(vec![key("pricing"), key("priceSources")], "", serde_json::json!({"item": ""})));
        assert_eq!(m.draft.get(&[Step::Key("pricing"), Step::Key("priceSources")]), Some(&serde_json::json!([{"item": ""}])));
    }

    #[test]
    fn rewording_starts_from_the_given_words_and_never_overwrites_the_clinics() {
        let m = model().reduce(Action::Reword { lang: "es".into(), key: "booking.button".into(), start: "Reservar".into(), focus: "f".into() });
        let at = [Step::Key("copy"), Step::Key("es"), Step::Key("booking.button")];
        assert_eq!(m.draft.text(&at), "Reservar");
        assert!(m.problems.is_empty(), "{:?}", m.problems);
        let m = m.reduce(Action::Value(vec![key("copy"), key("es"), key("booking.button")], Some(Value::from("Pida cita"))));
        let m = m.reduce(Action::Reword { lang: "es".into(), key: "booking.button".into(), start: "Reservar".into(), focus: "f".into() });
        assert_eq!(m.draft.text(&at), "Pida cita");
        assert_eq!(m.keep_focus.as_ref().map(|(id, _)| id.as_str()), Some("f"));
    }

    #[test]
    fn the_preview_language_is_the_previews_only() {
        let m = model().reduce(Action::PreviewLanguage(Some("es".into())));
        assert!(m.preview_json().contains("\"language\": \"es\""));
        assert!(!m.draft.to_json().contains("language"));
    }

    #[test]
    fn paths_read_as_the_widgets_warnings_write_them() {
        let p = vec![key("pricing"), key("packages"), Part::Index(2), key("price")];
        assert_eq!(path_text(&p), "pricing.packages[2].price");
        assert_eq!(field_id("pricing.packages[2].price"), "cf-pricing-packages-2--price");
    }

    #[test]
    fn list_entries_get_free_ids_and_removal_forgets_what_was_typed_in_them() {
        let list = vec![key("pricing"), key("memberships")];
        let m = model()
            .reduce(Action::AddItem(list.clone(), "membership", serde_json::json!({ "name": "" })))
            .reduce(Action::AddItem(list.clone(), "membership", serde_json::json!({ "name": "" })))
            .reduce(Action::Number(vec![key("pricing"), key("memberships"), Part::Index(1), key("percentOff")], "12.5%".into()))
            .reduce(Action::Number(vec![key("pricing"), key("memberships"), Part::Index(0), key("percentOff")], "ten".into()));
        assert_eq!(m.draft.get(&[Step::Key("pricing"), Step::Key("memberships"), Step::Index(1), Step::Key("percentOff")]), Some(&Value::from("12.5")));
        assert!(m.typed.get("pricing.memberships[0].percentOff").is_some_and(|(_, r)| r.is_some()));
        let m = m.reduce(Action::RemoveItem(list.clone(), 0));
        assert!(m.typed.keys().all(|k| !k.starts_with("pricing.memberships[")), "{:?}", m.typed);
        let m = m.reduce(Action::AddItem(list, "membership", serde_json::json!({ "name": "" })));
        let ids: Vec<&str> = match m.draft.get(&[Step::Key("pricing"), Step::Key("memberships")]) {
            Some(Value::Array(a)) => a.iter().map(|x| x["id"].as_str().unwrap()).collect(),
            _ => vec![],
        };
        assert_eq!(ids, ["membership-2", "membership-1"]);
    }

    #[test]
    fn sections_are_written_in_the_widgets_order_and_read_back_by_it() {
        let m = model().reduce(Action::Section("faq", false)).reduce(Action::Section("faq", true)).reduce(Action::Section("myths", false));
        let expected: Vec<&str> = Section::ALL.iter().map(|s| s.id()).filter(|s| *s != "myths").collect();
        assert_eq!(m.draft.get(&[Step::Key("sections")]), Some(&Value::from(expected.clone())));
        let config = treatment_widget_core::config::ClinicConfig::read(&m.draft.to_json(), &m.catalog).unwrap().config;
        assert!(!config.shows(Section::Myths) && config.shows(Section::Faq));
    }

    #[test]
    fn a_removed_add_on_is_offered_with_nothing_and_the_last_section_stays() {
        let m = model()
            .reduce(Action::Price(price_path(), "300".into()))
            .reduce(Action::AddItem(vec![key("pricing"), key("addOns")], "add-on", serde_json::json!({ "name": "PRP" })))
            .reduce(Action::Value(vec![key("pricing"), key("treatments"), key("botox"), key("addOns")], Some(serde_json::json!(["add-on-1"]))));
        let m = m.reduce(Action::RemoveItem(vec![key("pricing"), key("addOns")], 0));
        assert_eq!(m.draft.get(&[Step::Key("pricing"), Step::Key("treatments"), Step::Key("botox"), Step::Key("addOns")]), None);

        let mut m = model().reduce(Action::Text(vec![key("startView")], "faq".into()));
        for s in Section::ALL {
            m = m.reduce(Action::Section(s.id(), false));
        }
        assert_eq!(m.draft.get(&[Step::Key("sections")]), Some(&Value::from(vec!["sources"])), "the last one stays");
        assert_eq!(m.draft.text(&[Step::Key("startView")]), "", "a hidden start view is cleared");
    }

    #[test]
    fn a_new_package_is_for_a_priced_treatment() {
        let m = model().reduce(Action::Price(price_path(), "300".into())).reduce(Action::AddPackage);
        assert_eq!(m.draft.text(&[Step::Key("pricing"), Step::Key("packages"), Step::Index(0), Step::Key("treatment")]), "botox");
    }
}
