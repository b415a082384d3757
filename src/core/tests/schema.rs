//! The JSON Schema shipped as `dist/treatment-widget.schema.json` (from `static/`) describes exactly
//! what the widget reads: at every level its properties are the keys the code accepts (learned from
//! the code itself, by offering it an unknown key there), its lists of ids are the catalog's, and
//! every example config in the repository validates against it and reads without a warning.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use serde_json::{json, Value};
use treatment_widget_core::catalog::Catalog;
use treatment_widget_core::config::{ClinicConfig, Section, DEMO_CLINIC_JSON};

const SCHEMA: &str = include_str!("../../../static/treatment-widget.schema.json");

fn schema() -> Value {
    serde_json::from_str(SCHEMA).expect("the schema is JSON")
}

fn catalog() -> Catalog {
    Catalog::built_in().unwrap()
}

/// Follows a JSON pointer, resolving `$ref`s into `$defs` on the way.
fn at<'a>(schema: &'a Value, pointer: &str) -> &'a Value {
    let mut node = schema;
    for part in pointer.split('/').filter(|p| !p.is_empty()) {
        if let Some(r) = node.get("$ref").and_then(Value::as_str) {
            node = schema.pointer(r.trim_start_matches('#')).unwrap_or_else(|| panic!("no {r}"));
        }
        node = match node {
            Value::Array(items) => part.parse::<usize>().ok().and_then(|i| items.get(i)),
            _ => node.get(part),
        }
        .unwrap_or_else(|| panic!("no {part} in {pointer}"));
    }
    if let Some(r) = node.get("$ref").and_then(Value::as_str) {
        node = schema.pointer(r.trim_start_matches('#')).unwrap();
    }
    node
}

/// The keys the code accepts where `__X__` sits in `config`, from its warning about that key.
fn accepted_keys(config: &Value) -> BTreeSet<String> {
    let reading = ClinicConfig::read(&config.to_string(), &catalog()).expect("readable");
    let warning = reading
        .warnings
        .iter()
        .find(|w| w.message.contains("unknown field `__X__`"))
        .unwrap_or_else(|| panic!("no warning about __X__ for {config}: {:?}", reading.warnings));
    let expected = warning.message.split("expected").nth(1).expect("the message lists what is expected");
    let expected = expected.split(" (found").next().unwrap_or_default();
    expected.split('`').skip(1).step_by(2).map(str::to_string).collect()
}

fn schema_keys(pointer: &str) -> BTreeSet<String> {
    let s = schema();
    at(&s, pointer).as_object().unwrap().keys().cloned().collect()
}

#[test]
fn at_every_level_the_schema_lists_exactly_the_keys_the_widget_reads() {
    let ct = |extra: Value| {
        let mut t = json!({"id": "glow", "name": "Glow", "summary": "S", "sessions": {"typical": 1}});
        for (k, v) in extra.as_object().unwrap() {
            t[k] = v.clone();
        }
        json!({ "customTreatments": [t] })
    };
    let pricing = |extra: Value| {
        let mut p = json!({"treatments": {"botox": {"areas": {"face": 1}}}});
        for (k, v) in extra.as_object().unwrap() {
            p[k] = v.clone();
        }
        json!({ "pricing": p })
    };
    let levels: Vec<(Value, &str)> = vec![
        (json!({"__X__": 1}), "/properties"),
        (json!({"theme": {"__X__": 1}}), "/properties/theme/properties"),
        (json!({"booking": {"url": "https://a.example", "__X__": 1}}), "/$defs/booking/properties"),
        (json!({"locations": [{"id": "a", "name": "A", "__X__": 1}]}), "/properties/locations/items/properties"),
        (json!({"clinicName": "X", "treatmentNames": {"botox": {"en": "B", "__X__": "b"}}}), "/$defs/localText/oneOf/1/properties"),
        (ct(json!({"__X__": 1})), "/$defs/customTreatment/properties"),
        (ct(json!({"sessions": {"typical": 1, "__X__": 1}})), "/$defs/customTreatment/properties/sessions/properties"),
        (ct(json!({"details": [{"title": "T", "text": "X", "__X__": 1}]})), "/$defs/customTreatment/properties/details/items/properties"),
        (ct(json!({"concerns": [{"concern": "dull-skin", "fit": "good", "__X__": 1}]})), "/$defs/customTreatment/properties/concerns/items/properties"),
        (pricing(json!({"__X__": 1})), "/$defs/pricing/properties"),
        (json!({"pricing": {"treatments": {"botox": {"areas": {"face": 1}, "__X__": 1}}}}), "/$defs/pricing/properties/treatments/additionalProperties/properties"),
        (json!({"pricing": {"treatments": {"botox": {"areas": {"face": {"low": 1, "high": 2, "__X__": 1}}}}}}), "/$defs/price/oneOf/1/properties"),
        (json!({"pricing": {"treatments": {"botox": {"areas": {"face": 1, "neck": 1}, "combinations": [{"areas": ["face", "neck"], "price": 1, "__X__": 1}]}}}}), "/$defs/pricing/properties/treatments/additionalProperties/properties/combinations/items/properties"),
        (pricing(json!({"addOns": [{"id": "a", "name": "A", "perSession": 1, "__X__": 1}]})), "/$defs/pricing/properties/addOns/items/properties"),
        (pricing(json!({"packages": [{"id": "p", "name": "P", "treatment": "botox", "sessions": 2, "price": 1, "__X__": 1}]})), "/$defs/pricing/properties/packages/items/properties"),
        (pricing(json!({"memberships": [{"id": "m", "name": "M", "monthlyFee": 1, "percentOff": 1, "__X__": 1}]})), "/$defs/pricing/properties/memberships/items/properties"),
        (pricing(json!({"financing": {"__X__": 1}})), "/$defs/pricing/properties/financing/properties"),
        (pricing(json!({"financing": {"plans": [{"id": "f", "name": "F", "months": 12, "apr": 0, "__X__": 1}]}})), "/$defs/pricing/properties/financing/properties/plans/items/properties"),
        (pricing(json!({"tax": {"label": "T", "percent": 1, "__X__": 1}})), "/$defs/pricing/properties/tax/properties"),
        (pricing(json!({"deposit": {"amount": 1, "__X__": 1}})), "/$defs/pricing/properties/deposit/properties"),
        (pricing(json!({"atHome": {"devicePrice": 1, "devicesPerYear": 1, "__X__": 1}})), "/$defs/pricing/properties/atHome/properties"),
        (pricing(json!({"priceSources": [{"item": "I", "figure": "F", "source": "S", "__X__": 1}]})), "/$defs/pricing/properties/priceSources/items/properties"),
    ];
    for (config, pointer) in levels {
        assert_eq!(schema_keys(pointer), accepted_keys(&config), "{pointer}");
    }
}

#[test]
fn the_schemas_ids_are_the_catalogs_and_the_codes() {
    let s = schema();
    let c = catalog();
    let list = |pointer: &str| -> Vec<String> { at(&s, pointer)["enum"].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect() };
    let mut areas: Vec<String> = c.areas.iter().map(|a| a.id.clone()).collect();
    let mut schema_areas = list("/$defs/area");
    areas.sort();
    schema_areas.sort();
    assert_eq!(schema_areas, areas);
    assert_eq!(list("/$defs/concern"), c.concerns.iter().map(|x| x.id.clone()).collect::<Vec<_>>());
    assert_eq!(list("/$defs/builtInTreatment"), c.treatments.iter().map(|t| t.id.clone()).collect::<Vec<_>>());
    assert_eq!(list("/$defs/section"), Section::ALL.iter().map(|s| s.id().to_string()).collect::<Vec<_>>());
    for code in list("/properties/currency") {
        assert!(treatment_widget_core::money::Currency::from_code(&code).is_some(), "{code}");
    }
    assert_eq!(list("/properties/currency").len(), 49, "every currency the widget knows");
}

/// Every example config in the repository: the demo clinic, the docs' examples, the test fixtures.
fn examples() -> Vec<(String, String)> {
    let mut out = vec![("content/demo-clinic.json".to_string(), DEMO_CLINIC_JSON.to_string())];
    for (doc, text) in [("docs/embedding.md", include_str!("../../../docs/embedding.md")), ("docs/configuration.md", include_str!("../../../docs/configuration.md"))] {
        for (i, block) in text.split("<!-- example-config -->").skip(1).enumerate() {
            let open = block.find("```json\n").expect("a json block after the marker") + 8;
            let close = block[open..].find("```").unwrap();
            out.push((format!("{doc} example {}", i + 1), block[open..open + close].to_string()));
        }
    }
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../../e2e/fixtures")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            out.push((path.display().to_string(), std::fs::read_to_string(&path).unwrap()));
        }
    }
    out
}

fn validator() -> (boon::Schemas, boon::SchemaIndex) {
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler.add_resource("treatment-widget.schema.json", schema()).unwrap();
    let index = compiler.compile("treatment-widget.schema.json", &mut schemas).expect("the schema compiles");
    (schemas, index)
}

#[test]
fn every_example_config_validates_and_reads_without_a_warning() {
    let (schemas, index) = validator();
    let examples = examples();
    assert!(examples.len() >= 7, "{}", examples.len());
    for (name, text) in examples {
        let value: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        if let Err(e) = schemas.validate(&value, index) {
            panic!("{name} does not match the schema: {e}");
        }
        let reading = ClinicConfig::read(&text, &catalog()).unwrap();
        assert!(reading.warnings.is_empty(), "{name}: {:?}", reading.warnings);
    }
}

#[test]
fn mistakes_the_widget_leaves_out_the_schema_refuses_too() {
    let (schemas, index) = validator();
    for bad in [
        json!({"version": 2}),
        json!({"clinicName": ""}),
        json!({"currency": "USS"}),
        json!({"accentColor": "red"}),
        json!({"booking": {"url": "javascript:alert(1)"}}),
        json!({"booking": {"url": "http://example.com"}}),
        json!({"theme": {"radius": 30}}),
        json!({"theme": {"font": "x;}*{display:none"}}),
        json!({"sections": ["blog"]}),
        json!({"language": "fr"}),
        json!({"treatmentNames": {"nope": "X"}}),
        json!({"pricing": {"treatments": {"botox": {"areas": {"face": -5}}}}}),
        json!({"pricing": {"treatments": {"botox": {"areas": {"moon": 5}}}}}),
        json!({"pricing": {"treatments": {"botox": {"areas": {}}}}}),
        json!({"pricing": {"treatments": {"botox": {"areas": {"face": 1}}}, "packages": [{"id": "p", "name": "P", "treatment": "botox", "sessions": 2, "price": 1, "percentOff": 5}]}}),
        json!({"pricing": {"treatments": {"botox": {"areas": {"face": 1}}}, "deposit": {}}}),
        json!({"locations": [{"id": "a", "name": "A", "priceAdjustPercent": 10, "pricing": {"treatments": {"botox": {"areas": {"face": 1}}}}}]}),
    ] {
        assert!(schemas.validate(&bad, index).is_err(), "the schema accepts {bad}");
        let reading = ClinicConfig::read(&bad.to_string(), &catalog()).unwrap();
        assert!(!reading.warnings.is_empty(), "the widget accepts {bad}");
    }
}

#[test]
fn the_docs_list_every_interface_string_key() {
    let docs = include_str!("../../../docs/configuration.md");
    let keys: serde_json::Map<String, Value> = serde_json::from_str(include_str!("../../../content/strings.en.json")).unwrap();
    let missing: Vec<&String> = keys.keys().filter(|k| !docs.contains(&format!("| `{k}` |"))).collect();
    assert!(missing.is_empty(), "docs/configuration.md does not list: {missing:?}");
}
