//! The configurator's draft: a clinic config being edited, kept as the JSON itself.
//!
//! Pure like the core (no browser, no Yew), but kept out of the core crate: the widget's own wasm
//! must not change by a byte because the configurator exists, and even unused code in the core
//! changes how the widget's build is laid out (measured: 163 bytes).
//!
//! The form edits fields of this JSON in place, so every key a clinic wrote (including ones the
//! form has no field for, and their order) survives an import and an export. What the draft means
//! is decided by the widget's own reader ([`ClinicConfig::read`]): the configurator shows its
//! warnings, in its words, beside the field each one is about.

use serde_json::{Map, Number, Value};

use treatment_widget_core::catalog::{Catalog, Setting};
use treatment_widget_core::config::{ClinicConfig, ConfigError, Section};

/// One step into the JSON: an object key or an array index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Draft(Map<String, Value>);

impl Default for Draft {
    fn default() -> Self {
        Draft::blank()
    }
}

impl Draft {
    /// A new clinic: only the version, so the widget reads it as a config without a clinic yet.
    pub fn blank() -> Draft {
        let mut map = Map::new();
        map.insert("version".into(), Value::from(1));
        Draft(map)
    }

    /// Reads pasted or opened JSON. Anything the widget would not use is kept, and reported by
    /// [`Draft::problems`]; only text that is not a JSON object is refused.
    pub fn parse(text: &str) -> Result<Draft, String> {
        match serde_json::from_str::<Value>(text) {
            Ok(Value::Object(map)) => Ok(Draft(map)),
            Ok(_) => Err("This is JSON but not a config: a config is an object, starting with {.".to_string()),
            Err(e) => Err(format!("This is not valid JSON ({e}).")),
        }
    }

    #[cfg(test)]
    pub fn as_value(&self) -> Value {
        Value::Object(self.0.clone())
    }

    pub fn get(&self, path: &[Step]) -> Option<&Value> {
        let (first, rest) = path.split_first()?;
        let Step::Key(key) = first else { return None };
        let mut at = self.0.get(*key)?;
        for step in rest {
            at = match (step, at) {
                (Step::Key(k), Value::Object(m)) => m.get(*k)?,
                (Step::Index(i), Value::Array(a)) => a.get(*i)?,
                _ => return None,
            };
        }
        Some(at)
    }

    /// The field's text as a form shows it: a string as is, a number as written, else empty.
    pub fn text(&self, path: &[Step]) -> String {
        match self.get(path) {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            Some(Value::Bool(b)) => b.to_string(),
            _ => String::new(),
        }
    }

    /// Sets a value, creating the objects on the way; `None` removes it, and an object or array
    /// left empty by the removal goes too, so clearing a field leaves no `{}` behind. A path
    /// through something that is not an object (or an index past an array's end) changes nothing.
    pub fn set(&mut self, path: &[Step], value: Option<Value>) {
        let Some((Step::Key(first), rest)) = path.split_first() else { return };
        match value {
            Some(v) => {
                let slot = self.0.entry(first.to_string()).or_insert(Value::Null);
                if !set_in(slot, rest, v) {
                    if slot.is_null() {
                        self.0.shift_remove(*first);
                    }
                }
            }
            None => {
                if rest.is_empty() {
                    self.0.shift_remove(*first);
                } else if let Some(slot) = self.0.get_mut(*first) {
                    if remove_in(slot, rest) && is_empty(slot) {
                        self.0.shift_remove(*first);
                    }
                }
            }
        }
    }

    /// Sets a text field: an empty (or blank) text removes the key.
    pub fn set_text(&mut self, path: &[Step], text: &str) {
        let value = (!text.trim().is_empty()).then(|| Value::String(text.to_string()));
        self.set(path, value);
    }

    /// The languages the clinic's visitors can read: `languages`, else `language`, else English.
    pub fn languages(&self) -> Vec<String> {
        let listed: Vec<String> = match self.get(&[Step::Key("languages")]) {
            Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).map(str::to_string).collect(),
            _ => Vec::new(),
        };
        let mut out: Vec<String> = Vec::new();
        for l in listed.into_iter().chain(self.get(&[Step::Key("language")]).and_then(Value::as_str).map(str::to_string)) {
            if !out.contains(&l) {
                out.push(l);
            }
        }
        if out.is_empty() {
            out.push("en".to_string());
        }
        out
    }

    /// Turns one text for every language into one text per language (`{"en": …, "es": …}`), each
    /// starting from the same words so the widget never meets an empty one; more languages added
    /// since are added to a text already written per language.
    pub fn write_each_language(&mut self, path: &[Step]) {
        let languages = self.languages();
        let next = match self.get(path) {
            Some(Value::String(s)) => Value::Object(languages.iter().map(|l| (l.clone(), Value::String(s.clone()))).collect()),
            Some(Value::Object(per)) => {
                let mut per = per.clone();
                let first = per.values().next().cloned().unwrap_or_default();
                for l in &languages {
                    per.entry(l.clone()).or_insert_with(|| first.clone());
                }
                Value::Object(per)
            }
            _ => return,
        };
        self.set(path, Some(next));
    }

    /// Gives location `i` a price list of its own, starting as a copy of the clinic's (so nothing
    /// changes until a price is), instead of a percentage; `false` takes it away again, back to the
    /// clinic's prices.
    pub fn set_own_prices(&mut self, i: usize, own: bool) {
        let at = |k: &'static str| [Step::Key("locations"), Step::Index(i), Step::Key(k)];
        if self.get(&[Step::Key("locations"), Step::Index(i)]).is_none() {
            return;
        }
        if own {
            let Some(book) = self.get(&[Step::Key("pricing")]).cloned() else { return };
            self.set(&at("priceAdjustPercent"), None);
            self.set(&at("pricing"), Some(book));
        } else {
            self.set(&at("pricing"), None);
        }
    }

    /// The config as a clinic saves it: two-space indented, keys in the order they were written.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.0).unwrap_or_else(|_| "{}".to_string())
    }

    /// What the widget makes of the draft: each part it would leave out, with the reason, in the
    /// words of its console warnings. A draft it cannot read at all is one problem about the whole.
    pub fn problems(&self, catalog: &Catalog) -> Vec<ConfigError> {
        match ClinicConfig::read(&self.to_json(), catalog) {
            Ok(reading) => reading.warnings,
            Err(e) => vec![e],
        }
    }

    /// The snippet with the config inline: nothing to host but the widget's files.
    pub fn snippet_inline(&self, loader_url: &str) -> String {
        let json = script_safe(&self.to_json());
        let indented = json.replace('\n', "\n    ");
        format!(
            "<script type=\"module\" src=\"{}\"></script>\n<treatment-widget>\n  <script type=\"application/json\">\n    {indented}\n  </script>\n</treatment-widget>",
            attribute_safe(loader_url)
        )
    }

    /// The snippet for a config hosted as a file (the JSON from [`Draft::to_json`] at `config_url`).
    pub fn snippet_hosted(loader_url: &str, config_url: &str) -> String {
        format!(
            "<script type=\"module\" src=\"{}\"></script>\n<treatment-widget config=\"{}\"></treatment-widget>",
            attribute_safe(loader_url),
            attribute_safe(config_url)
        )
    }
}

impl Draft {
    /// The treatments offered, in the clinic's order, as the widget reads them: without
    /// `offeredTreatments`, every in-clinic treatment of the catalog.
    pub fn offered(&self, catalog: &Catalog) -> Vec<String> {
        match self.get(&[Step::Key("offeredTreatments")]) {
            Some(Value::Array(ids)) => {
                let mut unique: Vec<String> = Vec::new();
                for id in ids.iter().filter_map(Value::as_str) {
                    if !unique.iter().any(|u| u == id) {
                        unique.push(id.to_string());
                    }
                }
                unique
            }
            _ => catalog.treatments.iter().filter(|t| t.setting == Setting::Professional).map(|t| t.id.clone()).collect(),
        }
    }

    /// Offers a treatment (at the end of the list) or stops offering it. The list is written out
    /// in full, so what the widget shows no longer depends on the catalog's defaults.
    pub fn set_offered(&mut self, id: &str, on: bool, catalog: &Catalog) {
        let mut ids = self.offered(catalog);
        ids.retain(|i| i != id);
        if on {
            ids.push(id.to_string());
        }
        self.set(&[Step::Key("offeredTreatments")], Some(Value::from(ids)));
    }

    /// The sections shown, as the widget reads them: without `sections`, all of them.
    pub fn sections(&self) -> Vec<String> {
        match self.get(&[Step::Key("sections")]) {
            Some(Value::Array(ids)) => ids.iter().filter_map(Value::as_str).map(str::to_string).collect(),
            _ => Section::ALL.iter().map(|s| s.id().to_string()).collect(),
        }
    }

    /// Moves an offered treatment one place earlier (`earlier`) or later in the widget's lists.
    pub fn move_offered(&mut self, id: &str, earlier: bool, catalog: &Catalog) {
        let mut ids = self.offered(catalog);
        let Some(at) = ids.iter().position(|i| i == id) else { return };
        let to = if earlier { at.checked_sub(1) } else { Some(at + 1).filter(|t| *t < ids.len()) };
        if let Some(to) = to {
            ids.swap(at, to);
            self.set(&[Step::Key("offeredTreatments")], Some(Value::from(ids)));
        }
    }
}

fn set_in(slot: &mut Value, path: &[Step], value: Value) -> bool {
    let Some((step, rest)) = path.split_first() else {
        *slot = value;
        return true;
    };
    match step {
        Step::Key(k) => {
            if slot.is_null() {
                *slot = Value::Object(Map::new());
            }
            let Value::Object(map) = slot else { return false };
            let child = map.entry(k.to_string()).or_insert(Value::Null);
            let done = set_in(child, rest, value);
            if !done && child.is_null() {
                map.shift_remove(*k);
            }
            done
        }
        Step::Index(i) => {
            if slot.is_null() {
                *slot = Value::Array(Vec::new());
            }
            let Value::Array(items) = slot else { return false };
            if *i == items.len() {
                items.push(Value::Null);
                let done = set_in(&mut items[*i], rest, value);
                if !done {
                    items.pop();
                }
                done
            } else if let Some(child) = items.get_mut(*i) {
                set_in(child, rest, value)
            } else {
                false
            }
        }
    }
}

/// Removes what `path` points at; true when something was removed.
fn remove_in(slot: &mut Value, path: &[Step]) -> bool {
    let Some((step, rest)) = path.split_first() else { return false };
    match (step, slot) {
        (Step::Key(k), Value::Object(map)) => {
            if rest.is_empty() {
                return map.shift_remove(*k).is_some();
            }
            let Some(child) = map.get_mut(*k) else { return false };
            let removed = remove_in(child, rest);
            if removed && is_empty(child) {
                map.shift_remove(*k);
            }
            removed
        }
        (Step::Index(i), Value::Array(items)) => {
            if *i >= items.len() {
                return false;
            }
            if rest.is_empty() {
                items.remove(*i);
                return true;
            }
            let removed = remove_in(&mut items[*i], rest);
            if removed && is_empty(&items[*i]) {
                items.remove(*i);
            }
            removed
        }
        _ => false,
    }
}

fn is_empty(v: &Value) -> bool {
    match v {
        Value::Object(m) => m.is_empty(),
        Value::Array(a) => a.is_empty(),
        _ => false,
    }
}

/// JSON that can sit inside `<script type="application/json">`: `<` only ever appears inside JSON
/// strings, where `\u003c` means the same, so no `</script>` or `<!--` in a clinic's text can end
/// the element early.
pub fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
}

fn attribute_safe(text: &str) -> String {
    text.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

/// A price as a clinic types it: `150`, `149.50`, or a range `150-700` (also with an en dash or
/// "to"). An empty text is no price. Amounts are kept as written (whole numbers as JSON numbers,
/// others as text, which the widget reads exactly), never through a float.
pub fn price_from_text(text: &str) -> Result<Option<Value>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let parts: Vec<&str> = text.split(['-', '–', '—']).flat_map(|p| p.split(" to ")).map(str::trim).collect();
    match parts.as_slice() {
        [one] => Ok(Some(amount(one)?)),
        [low, high] => {
            let (l, h) = (amount(low)?, amount(high)?);
            let mut range = Map::new();
            range.insert("low".into(), l);
            range.insert("high".into(), h);
            Ok(Some(Value::Object(range)))
        }
        _ => Err(format!("\"{text}\" is not a price: write one amount such as 150, or a range such as 150-700.")),
    }
}

/// The text a price field shows for a price in the config.
pub fn price_text(value: Option<&Value>) -> String {
    match value {
        Some(Value::Object(range)) => {
            let part = |k: &str| match range.get(k) {
                Some(Value::String(s)) => s.clone(),
                Some(Value::Number(n)) => n.to_string(),
                _ => String::new(),
            };
            format!("{}-{}", part("low"), part("high"))
        }
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

/// A single number as a clinic types it (a percentage, an APR, an amount): `8.25`, `21`. Kept as
/// written, like a price; an empty text is none.
pub fn number_from_text(text: &str) -> Result<Option<Value>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    amount(text.trim_end_matches('%').trim()).map(Some)
}

fn amount(text: &str) -> Result<Value, String> {
    // A comma is only a thousands separator (1,200): "149,50" written the European way would
    // otherwise become 14950, so it is refused with the way to write it.
    let plain: String = text.chars().filter(|c| !matches!(c, ' ' | '$' | '€' | '£')).collect();
    let whole_part = plain.split('.').next().unwrap_or_default();
    let groups_ok = whole_part.split(',').skip(1).all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()));
    let comma_after_point = plain.rfind(',').zip(plain.find('.')).is_some_and(|(comma, point)| comma > point);
    if plain.contains(',') && (!groups_ok || comma_after_point) {
        return Err(format!("\"{text}\": write the decimals with a point, such as 149.50 (a comma only separates thousands, as in 1,200)."));
    }
    let cleaned: String = plain.chars().filter(|c| *c != ',').collect();
    let (whole, cents) = match cleaned.split_once('.') {
        Some((w, c)) => (w, Some(c)),
        None => (cleaned.as_str(), None),
    };
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if !digits(whole) || cents.is_some_and(|c| !digits(c) || c.len() > 2) || whole.len() > 9 {
        return Err(format!("\"{text}\" is not an amount: write digits, such as 150 or 149.50."));
    }
    if cents.is_none() {
        let n: u64 = whole.parse().map_err(|_| format!("\"{text}\" is too large."))?;
        Ok(Value::Number(Number::from(n)))
    } else {
        Ok(Value::String(cleaned))
    }
}

/// Which problems belong to the field at `path` (written like the warnings' paths, such as
/// `pricing.treatments.botox.areas.face`): the ones about it or about something inside it.
pub fn problems_at<'a>(problems: &'a [ConfigError], path: &str) -> Vec<&'a ConfigError> {
    problems
        .iter()
        .filter(|p| p.path == path || p.path.strip_prefix(path).is_some_and(|rest| rest.starts_with('.') || rest.starts_with('[')))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use Step::{Index, Key};

    #[test]
    fn an_import_keeps_every_key_and_its_order() {
        let text = r#"{"version":1,"zebra":true,"clinicName":"Rose","booking":{"url":"https://rose.example/b","openInNewTab":false},"alpha":[1,2]}"#;
        let draft = Draft::parse(text).unwrap();
        let back: Value = serde_json::from_str(&draft.to_json()).unwrap();
        assert_eq!(back, serde_json::from_str::<Value>(text).unwrap());
        let keys: Vec<&str> = draft.0.keys().map(String::as_str).collect();
        assert_eq!(keys, ["version", "zebra", "clinicName", "booking", "alpha"]);
    }

    #[test]
    fn one_text_becomes_one_per_language_the_clinic_speaks() {
        let mut d = Draft::parse(r#"{"language":"es","languages":["en","es"],"locations":[{"id":"a","name":"Centro"}]}"#).unwrap();
        assert_eq!(d.languages(), ["en", "es"]);
        let name = [Key("locations"), Index(0), Key("name")];
        d.write_each_language(&name);
        assert_eq!(d.get(&name), Some(&json!({"en": "Centro", "es": "Centro"})));
        // Each language then takes its own words, and the widget reads both.
        d.set_text(&[Key("locations"), Index(0), Key("name"), Key("en")], "Downtown");
        assert_eq!(d.get(&name), Some(&json!({"en": "Downtown", "es": "Centro"})));
        assert!(d.problems(&Catalog::built_in().unwrap()).is_empty());
        // Nothing there, nothing written.
        d.write_each_language(&[Key("locations"), Index(0), Key("nothing")]);
        assert_eq!(d.get(&[Key("locations"), Index(0), Key("nothing")]), None);
    }

    #[test]
    fn a_location_gets_its_own_prices_as_a_copy_of_the_clinics_and_can_give_them_back() {
        let text = r#"{"clinicName":"Rose","offeredTreatments":["botox"],"pricing":{"treatments":{"botox":{"areas":{"face":300}}}},
            "locations":[{"id":"a","name":"Downtown"},{"id":"b","name":"Harbor","priceAdjustPercent":10}]}"#;
        let mut d = Draft::parse(text).unwrap();
        let catalog = Catalog::built_in().unwrap();
        d.set_own_prices(1, true);
        let own = [Key("locations"), Index(1), Key("pricing")];
        assert_eq!(d.get(&own), Some(&json!({"treatments": {"botox": {"areas": {"face": 300}}}})));
        assert_eq!(d.get(&[Key("locations"), Index(1), Key("priceAdjustPercent")]), None, "own prices, not a percentage as well");
        // A price changed there changes only there.
        d.set(&[Key("locations"), Index(1), Key("pricing"), Key("treatments"), Key("botox"), Key("areas"), Key("face")], Some(json!(350)));
        assert_eq!(d.get(&[Key("pricing"), Key("treatments"), Key("botox"), Key("areas"), Key("face")]), Some(&json!(300)));
        assert!(d.problems(&catalog).is_empty(), "{:?}", d.problems(&catalog));
        d.set_own_prices(1, false);
        assert_eq!(d.get(&own), None);
        assert_eq!(d.get(&[Key("locations"), Index(1)]), Some(&json!({"id": "b", "name": "Harbor"})));
        // No such location (the next index, which a path could create), or no prices to copy:
        // nothing changes.
        let before = d.clone();
        d.set_own_prices(2, true);
        assert_eq!(d, before);
        assert_eq!(d.get(&[Key("locations"), Index(2)]), None);
        let mut bare = Draft::parse(r#"{"locations":[{"id":"a","name":"Downtown"}]}"#).unwrap();
        bare.set_own_prices(0, true);
        assert_eq!(bare.get(&[Key("locations"), Index(0), Key("pricing")]), None);
    }

    #[test]
    fn a_language_added_later_joins_a_text_written_per_language() {
        let mut d = Draft::parse(r#"{"languages":["en"],"clinicName":"Rose","locations":[{"id":"a","name":{"en":"Downtown"}}]}"#).unwrap();
        d.set(&[Key("languages")], Some(json!(["en", "es"])));
        let name = [Key("locations"), Index(0), Key("name")];
        d.write_each_language(&name);
        assert_eq!(d.get(&name), Some(&json!({"en": "Downtown", "es": "Downtown"})));
        assert_eq!(Draft::blank().languages(), ["en"]);
    }

    #[test]
    fn text_that_is_not_a_config_is_refused_with_the_reason() {
        assert!(Draft::parse("[1]").unwrap_err().contains("not a config"));
        assert!(Draft::parse("{\"version\":").unwrap_err().contains("not valid JSON"));
    }

    #[test]
    fn setting_creates_the_way_and_clearing_leaves_no_empty_objects() {
        let mut d = Draft::blank();
        d.set(&[Key("pricing"), Key("treatments"), Key("botox"), Key("areas"), Key("face")], Some(json!(300)));
        assert_eq!(d.as_value(), json!({"version": 1, "pricing": {"treatments": {"botox": {"areas": {"face": 300}}}}}));
        d.set(&[Key("pricing"), Key("treatments"), Key("botox"), Key("areas"), Key("face")], None);
        assert_eq!(d.as_value(), json!({"version": 1}));
    }

    #[test]
    fn clearing_one_field_keeps_its_neighbours() {
        let mut d = Draft::parse(r#"{"version":1,"booking":{"url":"https://a.example","phone":"555"}}"#).unwrap();
        d.set_text(&[Key("booking"), Key("phone")], "  ");
        assert_eq!(d.as_value(), json!({"version": 1, "booking": {"url": "https://a.example"}}));
    }

    #[test]
    fn clearing_a_field_keeps_the_order_of_the_rest() {
        // The first area listed is the standard one, so the order is the clinic's meaning, not
        // layout: clearing the face price must leave neck before hands (a swap would make hands
        // the standard area). The same at the top level and for a whole object.
        let mut d = Draft::parse(
            r#"{"clinicName":"Rose","version":1,"pricing":{"treatments":{"botox":{"areas":{"face":300,"neck":150,"hands":120}}}},"language":"en"}"#,
        )
        .unwrap();
        let areas = [Key("pricing"), Key("treatments"), Key("botox"), Key("areas")];
        d.set(&[areas[0], areas[1], areas[2], areas[3], Key("face")], None);
        let keys = |v: Option<&Value>| v.and_then(Value::as_object).map(|m| m.keys().cloned().collect::<Vec<_>>()).unwrap_or_default();
        assert_eq!(keys(d.get(&areas)), ["neck", "hands"]);
        d.set_text(&[Key("clinicName")], "");
        assert_eq!(keys(Some(&d.as_value())), ["version", "pricing", "language"]);
        d.set(&areas, None);
        assert_eq!(keys(Some(&d.as_value())), ["version", "language"], "the emptied pricing goes, the rest keeps its order");
    }

    #[test]
    fn a_path_through_a_value_that_is_not_an_object_changes_nothing() {
        let mut d = Draft::parse(r#"{"version":1,"booking":"https://a.example"}"#).unwrap();
        let before = d.clone();
        d.set(&[Key("booking"), Key("url")], Some(json!("https://b.example")));
        assert_eq!(d, before);
        d.set(&[Key("booking"), Key("url")], None);
        assert_eq!(d, before);
    }

    #[test]
    fn arrays_grow_by_one_at_their_end_only() {
        let mut d = Draft::blank();
        d.set(&[Key("offeredTreatments"), Index(0)], Some(json!("botox")));
        d.set(&[Key("offeredTreatments"), Index(1)], Some(json!("chemical-peel")));
        d.set(&[Key("offeredTreatments"), Index(5)], Some(json!("laser-resurfacing")));
        assert_eq!(d.get(&[Key("offeredTreatments")]), Some(&json!(["botox", "chemical-peel"])));
        d.set(&[Key("offeredTreatments"), Index(0)], None);
        assert_eq!(d.get(&[Key("offeredTreatments")]), Some(&json!(["chemical-peel"])));
        d.set(&[Key("offeredTreatments"), Index(0)], None);
        assert_eq!(d.get(&[Key("offeredTreatments")]), None, "an emptied list goes");
    }

    #[test]
    fn the_inline_snippet_cannot_be_ended_early_by_a_clinics_text() {
        let mut d = Draft::blank();
        d.set_text(&[Key("clinicName")], "Rose </script><script>alert(1)</script> <!-- Clinic");
        let snippet = d.snippet_inline("https://cdn.example/tw/treatment-widget.js");
        let inner = snippet.split("<script type=\"application/json\">").nth(1).unwrap();
        let (json, after) = inner.split_once("</script>").unwrap();
        assert_eq!(after, "\n</treatment-widget>", "the JSON ends only where the snippet ends it");
        assert!(!json.contains("<!--"));
        let back: Value = serde_json::from_str(json.trim()).unwrap();
        assert_eq!(back["clinicName"], json!("Rose </script><script>alert(1)</script> <!-- Clinic"));
    }

    #[test]
    fn the_hosted_snippet_quotes_its_urls() {
        let s = Draft::snippet_hosted("https://cdn.example/tw/treatment-widget.js", "https://rose.example/c.json?a=1&b=\"2\"");
        assert_eq!(
            s,
            "<script type=\"module\" src=\"https://cdn.example/tw/treatment-widget.js\"></script>\n<treatment-widget config=\"https://rose.example/c.json?a=1&amp;b=&quot;2&quot;\"></treatment-widget>"
        );
    }

    #[test]
    fn prices_as_typed() {
        assert_eq!(price_from_text(""), Ok(None));
        assert_eq!(price_from_text(" 150 "), Ok(Some(json!(150))));
        assert_eq!(price_from_text("149.50"), Ok(Some(json!("149.50"))));
        assert_eq!(price_from_text("$1,200"), Ok(Some(json!(1200))));
        assert_eq!(price_from_text("1,200.50"), Ok(Some(json!("1200.50"))));
        for european in ["149,50", "7,5", "1.200,00"] {
            assert!(price_from_text(european).unwrap_err().contains("with a point"), "{european}");
        }
        assert_eq!(price_from_text("150-700"), Ok(Some(json!({"low": 150, "high": 700}))));
        assert_eq!(price_from_text("150 – 700.5"), Ok(Some(json!({"low": 150, "high": "700.5"}))));
        assert_eq!(price_from_text("150 to 700"), Ok(Some(json!({"low": 150, "high": 700}))));
        for bad in ["abc", "1.234", "-5", "1-2-3", "12.", ".5", "1e3", "9999999999"] {
            assert!(price_from_text(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn numbers_as_typed() {
        assert_eq!(number_from_text(" "), Ok(None));
        assert_eq!(number_from_text("21"), Ok(Some(json!(21))));
        assert_eq!(number_from_text("8.25 %"), Ok(Some(json!("8.25"))));
        assert!(number_from_text("10-20").is_err());
        assert!(number_from_text("ten").is_err());
    }

    #[test]
    fn a_price_shows_as_it_reads_back() {
        for typed in ["150", "149.50", "150-700", "99.9-120"] {
            let v = price_from_text(typed).unwrap();
            assert_eq!(price_text(v.as_ref()), typed);
        }
        assert_eq!(price_text(None), "");
    }

    #[test]
    fn problems_are_the_widgets_own_and_find_their_field() {
        let catalog = Catalog::built_in().unwrap();
        let mut d = Draft::blank();
        d.set_text(&[Key("clinicName")], "Rose");
        d.set_text(&[Key("booking"), Key("url")], "javascript:alert(1)");
        d.set(&[Key("pricing"), Key("treatments"), Key("botox"), Key("areas"), Key("face")], Some(json!("lots")));
        let problems = d.problems(&catalog);
        let reading = ClinicConfig::read(&d.to_json(), &catalog).unwrap();
        assert_eq!(problems, reading.warnings);
        assert_eq!(problems_at(&problems, "booking.url").len(), 1, "{problems:?}");
        assert!(!problems_at(&problems, "pricing.treatments.botox").is_empty(), "{problems:?}");
        assert!(problems_at(&problems, "pricing.treatments.bot").is_empty(), "a prefix of a key is another field");
        assert!(problems_at(&problems, "clinicName").is_empty());
        // A problem inside a list belongs to the list's field too (the path goes on with `[`).
        d.set(&[Key("pricing"), Key("packages")], Some(json!([{"id": "p", "name": "P", "treatment": "botox", "sessions": 3, "price": "lots"}])));
        let problems = d.problems(&catalog);
        let in_list = problems_at(&problems, "pricing.packages");
        assert!(in_list.iter().any(|p| p.path.starts_with("pricing.packages[0]")), "{problems:?}");
    }

    #[test]
    fn offering_follows_the_widgets_reading_and_keeps_the_clinics_order() {
        let catalog = Catalog::built_in().unwrap();
        let mut d = Draft::blank();
        let in_clinic: Vec<String> = catalog.treatments.iter().filter(|t| t.setting == Setting::Professional).map(|t| t.id.clone()).collect();
        assert_eq!(d.offered(&catalog), in_clinic, "no list: every in-clinic treatment");
        let read = |d: &Draft| ClinicConfig::read(&d.to_json(), &catalog).unwrap().config.offered_treatments;
        assert_eq!(read(&d), in_clinic);

        d.set_offered("botox", false, &catalog);
        assert!(!d.offered(&catalog).contains(&"botox".to_string()));
        assert_eq!(d.offered(&catalog), read(&d));
        d.set_offered("botox", true, &catalog);
        assert_eq!(d.offered(&catalog).last().map(String::as_str), Some("botox"), "offered again: last");
        d.move_offered("botox", true, &catalog);
        let ids = d.offered(&catalog);
        assert_eq!(ids[ids.len() - 2], "botox");
        assert_eq!(ids, read(&d));
        let before = d.clone();
        d.move_offered(&ids[0].clone(), true, &catalog);
        d.move_offered("no-such-treatment", false, &catalog);
        assert_eq!(d, before, "the first cannot go earlier; an unknown id moves nothing");
        d.move_offered(&ids[0].clone(), false, &catalog);
        assert_eq!(d.offered(&catalog)[1], ids[0]);
    }
}
