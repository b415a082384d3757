//! Browser tests: the real wasm in headless Chromium, mounted into shadow roots the way the loader
//! does it. Run with `cargo test --target wasm32-unknown-unknown --test browser`.
#![cfg(target_arch = "wasm32")]

use std::cell::Cell;
use std::rc::Rc;

use gloo::timers::future::TimeoutFuture;
use treatment_widget::web::embed::Widget;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    gloo::utils::document()
}

/// A `<div>` standing in for `<treatment-widget>` (the custom element itself is defined by the
/// JavaScript loader, which the end-to-end tests cover), with its open shadow root.
fn host(inner_html: &str, config_attr: Option<&str>) -> (HtmlElement, ShadowRoot) {
    // Each test starts from a page URL without a fragment (an earlier test may have navigated).
    let window = gloo::utils::window();
    let path = window.location().pathname().unwrap();
    window.history().unwrap().replace_state_with_url(&JsValue::NULL, "", Some(&path)).unwrap();
    // And from a device that remembers nothing: an earlier test's estimate is stored there.
    window.local_storage().unwrap().expect("the test browser has storage").clear().unwrap();
    let host: HtmlElement = document().create_element("div").unwrap().dyn_into().unwrap();
    host.set_inner_html(inner_html);
    if let Some(url) = config_attr {
        host.set_attribute("config", url).unwrap();
    }
    document().body().unwrap().append_child(&host).unwrap();
    let root = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)).unwrap();
    (host, root)
}

/// Counts `treatment-widget:<name>` events on an element.
fn count_events(host: &HtmlElement, name: &str) -> Rc<Cell<u32>> {
    let count = Rc::new(Cell::new(0));
    let c = count.clone();
    let listener = Closure::<dyn Fn()>::new(move || c.set(c.get() + 1));
    host.add_event_listener_with_callback(&format!("treatment-widget:{name}"), listener.as_ref().unchecked_ref())
        .unwrap();
    listener.forget();
    count
}

/// Lets renders and fetches finish, up to a generous limit, until `done` holds.
async fn wait_for(what: &str, done: impl Fn() -> bool) {
    for _ in 0..300 {
        yew::scheduler::flush().await;
        if done() {
            return;
        }
        TimeoutFuture::new(10).await;
    }
    panic!("timed out waiting for {what}");
}

fn text(root: &ShadowRoot, selector: &str) -> Option<String> {
    root.query_selector(selector).unwrap().and_then(|e| e.text_content())
}

fn click(root: &ShadowRoot, selector: &str) {
    let el: HtmlElement = root.query_selector(selector).unwrap().expect(selector).dyn_into().unwrap();
    el.click();
}

fn inline(name: &str, extra: &str) -> String {
    format!(r#"<script type="application/json">{{"version":1,"clinicName":"{name}"{extra}}}</script>"#)
}

fn data_url(json: &str) -> String {
    format!("data:application/json,{}", js_sys::encode_uri_component(json))
}

#[wasm_bindgen_test]
async fn mounts_the_demo_clinic_and_announces_ready() {
    let (host, root) = host("", None);
    let ready = count_events(&host, "ready");
    let widget = Widget::mount(host.clone(), root.clone()).unwrap();
    wait_for("ready", || ready.get() == 1).await;
    assert_eq!(text(&root, ".tw-eyebrow").as_deref(), Some("Juniper Skin Studio"));
    assert_eq!(host.get_attribute("data-config-source").as_deref(), Some("default"));
    assert!(root.query_selector(".tw-placeholder").unwrap().is_none());
    assert!(text(&root, ".tw-disclaimer").unwrap().contains("not medical advice"));
    widget.destroy();
}

/// Clicks the first button or tile whose text starts with `label`.
fn click_labelled(root: &ShadowRoot, label: &str) {
    let buttons = root.query_selector_all("button").unwrap();
    for i in 0..buttons.length() {
        let b: HtmlElement = buttons.item(i).unwrap().dyn_into().unwrap();
        if b.text_content().unwrap_or_default().trim_start_matches(['←', '\u{a0}']).starts_with(label) {
            b.click();
            return;
        }
    }
    panic!("no button labelled {label:?}");
}

fn fragment() -> String {
    gloo::utils::window().location().hash().unwrap()
}

#[wasm_bindgen_test]
async fn clicking_through_views_moves_focus_and_writes_a_deep_link() {
    let (host, root) = host(&inline("Click Clinic", r#","offeredTreatments":["rf-microneedling"]"#), None);
    let ready = count_events(&host, "ready");
    let widget = Widget::mount(host, root.clone()).unwrap();
    wait_for("ready", || ready.get() == 1).await;
    assert_eq!(fragment(), "", "arriving does not touch the URL");
    click_labelled(&root, "Treatments");
    wait_for("the list", || text(&root, ".tw-view-title").as_deref() == Some("Treatments")).await;
    click_labelled(&root, "RF microneedling");
    wait_for("the detail view", || text(&root, ".tw-view-title").as_deref() == Some("RF microneedling")).await;
    let focused = root.active_element().and_then(|e| e.text_content());
    assert_eq!(focused.as_deref(), Some("RF microneedling"), "focus moves to the new heading");
    assert_eq!(fragment(), "#tw=treatment/rf-microneedling");
    assert!(text(&root, ".tw-tags-line").unwrap().contains("Offered at Click Clinic"));
    click_labelled(&root, "All treatments");
    wait_for("the list again", || text(&root, ".tw-view-title").as_deref() == Some("Treatments")).await;
    assert_eq!(fragment(), "#tw=treatments");
    widget.destroy();
}

#[wasm_bindgen_test]
async fn a_deep_link_opens_its_view_and_back_follows_history() {
    let (host, root) = host(&inline("Deep Clinic", r#","offeredTreatments":["rf-microneedling"]"#), None);
    let window = gloo::utils::window();
    window.history().unwrap().push_state_with_url(&JsValue::NULL, "", Some("#tw=treatment/botox")).unwrap();
    let ready = count_events(&host, "ready");
    let widget = Widget::mount(host, root.clone()).unwrap();
    wait_for("ready", || ready.get() == 1).await;
    assert_eq!(text(&root, ".tw-view-title").as_deref(), Some("Botox"));
    assert!(text(&root, ".tw-note").unwrap().contains("does not offer"), "Botox is not on this clinic's list");
    click_labelled(&root, "All treatments");
    wait_for("the list", || text(&root, ".tw-view-title").as_deref() == Some("Treatments")).await;
    window.history().unwrap().back().unwrap();
    wait_for("Back to Botox", || text(&root, ".tw-view-title").as_deref() == Some("Botox")).await;
    widget.destroy();
}

#[wasm_bindgen_test]
async fn two_instances_are_independent() {
    let (host_a, root_a) = host(&inline("Clinic A", r##","accentColor":"#9d174d""##), None);
    let (host_b, root_b) = host(&inline("Clinic B", r##","accentColor":"#1d4ed8""##), None);
    let (ready_a, ready_b) = (count_events(&host_a, "ready"), count_events(&host_b, "ready"));
    let a = Widget::mount(host_a, root_a.clone()).unwrap();
    let b = Widget::mount(host_b, root_b.clone()).unwrap();
    wait_for("both ready", || ready_a.get() == 1 && ready_b.get() == 1).await;
    assert_eq!(text(&root_a, ".tw-eyebrow").as_deref(), Some("Clinic A"));
    assert_eq!(text(&root_b, ".tw-eyebrow").as_deref(), Some("Clinic B"));
    click(&root_a, ".tw-tile");
    wait_for("A's next view", || root_a.query_selector(".tw-back").unwrap().is_some()).await;
    assert!(root_b.query_selector(".tw-back").unwrap().is_none(), "B stays on its overview");
    let accent = |root: &ShadowRoot| -> String {
        let sheets = root.adopted_style_sheets();
        let sheet: web_sys::CssStyleSheet = sheets.get(sheets.length() - 1).dyn_into().unwrap();
        sheet.css_rules().unwrap().item(0).unwrap().css_text()
    };
    assert!(accent(&root_a).contains("#9d174d"), "{}", accent(&root_a));
    assert!(accent(&root_b).contains("#1d4ed8"), "{}", accent(&root_b));
    a.destroy();
    b.destroy();
}

#[wasm_bindgen_test]
async fn changing_the_config_attribute_re_renders() {
    let first = data_url(r#"{"version":1,"clinicName":"First Clinic"}"#);
    let (host, root) = host("", Some(&first));
    let ready = count_events(&host, "ready");
    let widget = Widget::mount(host.clone(), root.clone()).unwrap();
    wait_for("ready", || ready.get() == 1).await;
    assert_eq!(text(&root, ".tw-eyebrow").as_deref(), Some("First Clinic"));
    assert_eq!(host.get_attribute("data-config-source").as_deref(), Some("url"));

    host.set_attribute("config", &data_url(r#"{"version":1,"clinicName":"Second Clinic"}"#)).unwrap();
    widget.config_changed();
    wait_for("the new clinic", || text(&root, ".tw-eyebrow").as_deref() == Some("Second Clinic")).await;
    assert_eq!(ready.get(), 1, "ready is announced once per mount");

    // A config that cannot be read at all shows the guide with no clinic name (never another
    // clinic's) and a notice, still working.
    host.set_attribute("config", &data_url("<html>not json</html>")).unwrap();
    widget.config_changed();
    wait_for("the unnamed guide", || text(&root, ".tw-notice").is_some()).await;
    assert_eq!(text(&root, ".tw-eyebrow"), None);
    click(&root, ".tw-tile");
    wait_for("a working widget", || root.query_selector(".tw-back").unwrap().is_some()).await;
    widget.destroy();
}

#[wasm_bindgen_test]
async fn a_failed_fetch_shows_the_guide_without_any_clinic_name() {
    let (host, root) = host("", Some("/no-such-config-here.json"));
    let ready = count_events(&host, "ready");
    let widget = Widget::mount(host.clone(), root.clone()).unwrap();
    wait_for("ready", || ready.get() == 1).await;
    assert_eq!(text(&root, ".tw-eyebrow"), None, "never the demo clinic's name");
    assert!(text(&root, ".tw-notice").unwrap().contains("could not be loaded"));
    assert!(!text(&root, ".tw-root").unwrap().contains("Juniper"));
    assert_eq!(host.get_attribute("data-config-source").as_deref(), Some("url"));
    widget.destroy();
}

#[wasm_bindgen_test]
async fn removal_unmounts_cleanly() {
    let (host, root) = host(&inline("Gone Soon", ""), None);
    let ready = count_events(&host, "ready");
    let widget = Widget::mount(host.clone(), root.clone()).unwrap();
    wait_for("ready", || ready.get() == 1).await;
    host.remove();
    widget.destroy();
    yew::scheduler::flush().await;
    assert!(root.query_selector(".tw-root").unwrap().is_none(), "the app is gone");
    assert!(widget.is_destroyed());
    assert_eq!(root.adopted_style_sheets().length(), 0, "the brand sheet is removed");
    // After destroy, a config change or a second destroy brings nothing back.
    widget.config_changed();
    widget.destroy();
    TimeoutFuture::new(50).await;
    yew::scheduler::flush().await;
    assert!(root.query_selector(".tw-root").unwrap().is_none(), "still gone");
    assert_eq!(root.adopted_style_sheets().length(), 0);
}

/// Yew never removes the listeners it puts on an app's root element, so the root and app of a
/// removed widget are kept for the next one: it must start afresh, with only its own clinic.
#[wasm_bindgen_test]
async fn the_next_widget_reuses_a_removed_ones_root_and_starts_afresh() {
    let (first_host, first_root) = host(&inline("First Clinic", ""), None);
    let first_ready = count_events(&first_host, "ready");
    let first = Widget::mount(first_host.clone(), first_root.clone()).unwrap();
    wait_for("the first widget", || first_ready.get() == 1).await;
    click(&first_root, ".tw-tile");
    wait_for("a view of the first widget", || first_root.query_selector(".tw-back").unwrap().is_some()).await;
    let first_mount = first_root.query_selector(".tw-mount").unwrap().expect("the first widget's root element");
    first_host.remove();
    first.destroy();
    yew::scheduler::flush().await;
    assert!(first_root.query_selector(".tw-mount").unwrap().is_none(), "the root element left the removed widget");

    let (second_host, second_root) = host(&inline("Second Clinic", ""), None);
    let second_ready = count_events(&second_host, "ready");
    let _second = Widget::mount(second_host.clone(), second_root.clone()).unwrap();
    wait_for("the second widget", || second_ready.get() == 1).await;
    let second_mount = second_root.query_selector(".tw-mount").unwrap().expect("the second widget's root element");
    assert!(second_mount.is_same_node(Some(&first_mount)), "the root element (and its listeners) was reused");
    assert_eq!(text(&second_root, ".tw-eyebrow").as_deref(), Some("Second Clinic"));
    assert!(!second_root.inner_html().contains("First Clinic"), "nothing of the first clinic");
    assert!(second_root.query_selector(".tw-back").unwrap().is_none(), "it opens at home, not at the first widget's view");
    assert_eq!(first_ready.get(), 1, "the removed widget announces nothing more");
    // Its controls work: the reused root's listeners reach the new app.
    click(&second_root, ".tw-tile");
    wait_for("a view of the second widget", || second_root.query_selector(".tw-back").unwrap().is_some()).await;
    second_host.remove();
}

fn set_fragment(value: &str) {
    let window = gloo::utils::window();
    window.history().unwrap().replace_state_with_url(&JsValue::NULL, "", Some(&format!("#tw={value}"))).unwrap();
}

#[wasm_bindgen_test]
async fn every_view_opens_from_a_deep_link_with_its_heading() {
    let views = [
        ("about", "What microneedling does"),
        ("concerns", "Find treatments by concern"),
        ("treatments", "Treatments"),
        ("treatment/scalp-microneedling", "Scalp microneedling"),
        ("compare/botox,chemical-peel", "Compare treatments"),
        ("candidate", "Am I a candidate?"),
        ("expect", "What to expect"),
        ("myths", "Myths and facts"),
        ("faq", "Questions and answers"),
        ("sources", "Sources"),
    ];
    for (link, heading) in views {
        let (host, root) = host("", None);
        set_fragment(link);
        let ready = count_events(&host, "ready");
        let widget = Widget::mount(host.clone(), root.clone()).unwrap();
        wait_for(link, || ready.get() == 1).await;
        assert_eq!(text(&root, ".tw-view-title").as_deref(), Some(heading), "{link}");
        assert!(text(&root, ".tw-disclaimer").unwrap().contains("not medical advice"), "{link}");
        widget.destroy();
        host.remove();
    }
}

fn check(root: &ShadowRoot, label: &str) {
    let labels = root.query_selector_all("label").unwrap();
    for i in 0..labels.length() {
        let l: HtmlElement = labels.item(i).unwrap().dyn_into().unwrap();
        if l.text_content().unwrap_or_default().trim() == label {
            let input: HtmlElement = l.query_selector("input").unwrap().unwrap().dyn_into().unwrap();
            input.click();
            return;
        }
    }
    panic!("no control labelled {label:?}");
}

#[wasm_bindgen_test]
async fn picking_concerns_ranks_treatments_and_clearing_empties_the_list() {
    let (host, root) = host("", None);
    set_fragment("concerns");
    let ready = count_events(&host, "ready");
    let widget = Widget::mount(host.clone(), root.clone()).unwrap();
    wait_for("ready", || ready.get() == 1).await;
    assert!(root.query_selector(".tw-result").unwrap().is_none());
    check(&root, "Thinning hair");
    wait_for("results", || root.query_selector(".tw-result").unwrap().is_some()).await;
    assert_eq!(text(&root, ".tw-result-name").as_deref(), Some("Scalp microneedling"));
    // Only the treatments the catalog lists for thinning hair are shown (counted here from the
    // catalog's JSON, not by the widget), and the summary counts them in the right number.
    let catalog: serde_json::Value = serde_json::from_str(include_str!("../content/catalog.json")).unwrap();
    let suits = catalog["treatments"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["concerns"].as_array().unwrap().iter().any(|c| c["concern"] == "thinning-hair"))
        .count();
    assert_eq!(suits, 1, "the catalog lists one treatment for thinning hair");
    assert_eq!(root.query_selector_all(".tw-result").unwrap().length() as usize, suits);
    assert_eq!(text(&root, ".tw-live").unwrap(), "1 treatment suits this concern.");
    click_labelled(&root, "Clear my choices");
    wait_for("no results", || root.query_selector(".tw-result").unwrap().is_none()).await;
    widget.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn candidate_answers_flag_treatments_and_stay_out_of_the_url() {
    let (host, root) = host("", None);
    set_fragment("candidate");
    let ready = count_events(&host, "ready");
    let widget = Widget::mount(host.clone(), root.clone()).unwrap();
    wait_for("ready", || ready.get() == 1).await;
    let before = fragment();
    let pregnant_yes: HtmlElement =
        root.query_selector("input[name='tw-q-pregnant']").unwrap().unwrap().dyn_into().unwrap();
    pregnant_yes.click();
    wait_for("a flag", || root.query_selector(".tw-flag").unwrap().is_some()).await;
    assert!(text(&root, ".tw-flags").unwrap().contains("Professional microneedling"));
    assert_eq!(fragment(), before, "answers never reach the URL");
    let storage = gloo::utils::window().local_storage().unwrap().expect("the test browser has storage");
    for i in 0..storage.length().unwrap() {
        let key = storage.key(i).unwrap().unwrap();
        let value = storage.get_item(&key).unwrap().unwrap_or_default();
        assert!(!format!("{key}{value}").contains("pregnan"), "nor storage: {key}={value}");
    }
    widget.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn disclosures_toggle_aria_expanded() {
    let (host, root) = host("", None);
    set_fragment("faq");
    let ready = count_events(&host, "ready");
    let widget = Widget::mount(host.clone(), root.clone()).unwrap();
    wait_for("ready", || ready.get() == 1).await;
    let button = root.query_selector(".tw-disclosure-button").unwrap().unwrap();
    assert_eq!(button.get_attribute("aria-expanded").as_deref(), Some("false"));
    let panel_id = button.get_attribute("aria-controls").unwrap();
    let panel = root.get_element_by_id(&panel_id).expect("the panel the button controls");
    assert!(panel.has_attribute("hidden"));
    button.dyn_ref::<HtmlElement>().unwrap().click();
    wait_for("open", || button.get_attribute("aria-expanded").as_deref() == Some("true")).await;
    assert!(!panel.has_attribute("hidden"));
    widget.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn the_estimator_prices_a_deep_link_and_follows_changes() {
    let (host, root) = host("", None);
    set_fragment("estimate/t=professional-microneedling;s=3");
    let ready = count_events(&host, "ready");
    let widget = Widget::mount(host.clone(), root.clone()).unwrap();
    wait_for("ready", || ready.get() == 1).await;
    assert_eq!(text(&root, ".tw-total-figure").as_deref(), Some("$450.00 – $2,100.00"));
    click(&root, "button[aria-label='One session more']");
    wait_for("four sessions", || fragment().contains(";s=4;")).await;
    // With four sessions the course-of-4 package ($800–$2,000) has the lowest mid-range total and
    // is chosen until the visitor picks (4 × $150–$700 = $600–$2,800 paying per session).
    wait_for("the package total", || text(&root, ".tw-total-figure").as_deref() == Some("$800.00 – $2,000.00")).await;
    let book = root.query_selector("a.tw-book").unwrap().unwrap();
    assert_eq!(
        book.get_attribute("href").as_deref(),
        Some("https://juniper-skin.example/book-consultation?treatment=professional-microneedling&areas=face&sessions=4")
    );
    widget.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn the_estimator_works_when_storage_throws() {
    let (host, root) = host("", None);
    // The window's own localStorage property is replaced, and put back after: deleting it would
    // leave every later test without storage.
    js_sys::eval(
        "window.__storageDescriptor = Object.getOwnPropertyDescriptor(window, 'localStorage');
         Object.defineProperty(window, 'localStorage', { configurable: true, get() { throw new DOMException('no', 'SecurityError'); } })",
    )
    .unwrap();
    set_fragment("estimate");
    let ready = count_events(&host, "ready");
    let widget = Widget::mount(host.clone(), root.clone()).unwrap();
    wait_for("ready", || ready.get() == 1).await;
    assert_eq!(text(&root, ".tw-total-figure").as_deref(), Some("$450.00 – $2,100.00"), "3 sessions, nothing remembered");
    click(&root, "button[aria-label='One session more']");
    wait_for("an update", || fragment().contains(";s=4;")).await;
    wait_for("the 4-session total", || text(&root, ".tw-total-figure").as_deref() == Some("$800.00 – $2,000.00")).await;
    js_sys::eval(
        "if (window.__storageDescriptor) Object.defineProperty(window, 'localStorage', window.__storageDescriptor);
         else delete window.localStorage;",
    )
    .unwrap();
    widget.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn a_bad_price_is_left_out_and_the_clinic_keeps_its_name_and_other_prices() {
    let (host, root) = host(
        &inline("Bad Prices", r#","pricing":{"treatments":{"botox":{"areas":{"face":-1,"neck":150}}}}"#),
        None,
    );
    set_fragment("estimate");
    let ready = count_events(&host, "ready");
    let widget = Widget::mount(host.clone(), root.clone()).unwrap();
    wait_for("ready", || ready.get() == 1).await;
    assert_eq!(text(&root, ".tw-eyebrow").as_deref(), Some("Bad Prices"));
    // Botox on the neck, the price that was fine: 1 session at $150.
    wait_for("the estimate", || text(&root, ".tw-total-figure").is_some()).await;
    assert_eq!(text(&root, ".tw-total-figure").as_deref(), Some("$150.00"));
    widget.destroy();
    host.remove();
}
