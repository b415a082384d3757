//! Mounting one widget instance into a `<treatment-widget>` element's shadow root.
//!
//! The page-facing loader (`static/treatment-widget.js`) defines the custom element, attaches the
//! open shadow root, shows the placeholder and then calls [`Widget::mount`]. Everything the
//! instance needs to know it reads from its host element.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;
use web_sys::{CssStyleSheet, Element, HtmlElement, ShadowRoot};
use yew::{AppHandle, Callback, Renderer};

use super::config_loader::{self, ConfigRequest, Resolved};
use super::intl::Formats;
use super::{content, crash, events, language, styles};
use crate::app::{Mount, MountProps, Setup};
use crate::core::catalog::Catalog;
use crate::core::config::{ClinicConfig, ConfigOrigin};
use crate::core::custom_treatment::clinic_catalog;
use crate::core::route::{is_valid_key, Routing};
use crate::web::fragment::Fragment;
use crate::core::texts::Lang;
use wasm_bindgen::JsCast;

thread_local! {
    /// Parsed once per wasm instance and shared by its widgets.
    static CATALOG: RefCell<Option<Rc<Catalog>>> = const { RefCell::new(None) };
    /// The Yew app (and its root element) of the last widget this wasm copy served, kept for the
    /// next one. Yew registers its event listeners on an app's root element as forgotten closures
    /// that are never removed, so an app destroyed with its element would leave its root element
    /// and listeners alive on every removal; one app per copy, re-keyed per element, leaves none.
    static PARKED: RefCell<Option<(Element, AppHandle<Mount>)>> = const { RefCell::new(None) };
    /// Counts the elements this copy has served: each gets a fresh `App` (fresh state).
    static TURNS: Cell<u32> = const { Cell::new(0) };
}

fn catalog() -> Result<Rc<Catalog>, String> {
    CATALOG.with(|cell| {
        if let Some(c) = cell.borrow().as_ref() {
            return Ok(c.clone());
        }
        let c = Rc::new(Catalog::built_in()?);
        *cell.borrow_mut() = Some(c.clone());
        Ok(c)
    })
}

/// One mounted instance. Dropping it does nothing; call [`Widget::destroy`] to unmount.
pub struct Widget {
    inner: Rc<Inner>,
}

struct Inner {
    host: HtmlElement,
    instance_key: String,
    /// From the `routing` attribute, read once at mount.
    routing: Routing,
    /// Set by frame.html (`data-tw-page-link`): the host page's address for shared links.
    page_link: Option<String>,
    root: ShadowRoot,
    mount_point: Element,
    /// This element's turn among those the wasm copy served: the key of its `App`.
    turn: u32,
    /// Whether the app has rendered for this element yet (the placeholder goes then).
    shown: Cell<bool>,
    catalog: Rc<Catalog>,
    app: RefCell<Option<AppHandle<Mount>>>,
    brand: RefCell<Option<CssStyleSheet>>,
    /// The config being shown, where it came from, and whether it could not be read.
    current: RefCell<Option<(Rc<ClinicConfig>, ConfigOrigin, bool)>>,
    /// Bumped on every config (re)load so a slow, stale fetch cannot overwrite a newer config.
    generation: Cell<u32>,
    ready_sent: Cell<bool>,
    destroyed: Cell<bool>,
}

impl Widget {
    /// Mounts into `root` (the host's shadow root) and starts loading the config.
    pub fn mount(host: HtmlElement, root: ShadowRoot) -> Result<Widget, String> {
        let catalog = catalog()?;
        let document = host.owner_document().ok_or("the element is not in a document")?;
        let (mount_point, app) = match PARKED.with(|parked| parked.borrow_mut().take()) {
            Some((mount_point, app)) => (mount_point, Some(app)),
            None => {
                let mount_point = document.create_element("div").map_err(|_| "cannot create the mount point")?;
                mount_point.set_class_name("tw-mount");
                (mount_point, None)
            }
        };
        root.append_child(&mount_point).map_err(|_| "cannot attach to the shadow root")?;
        let turn = TURNS.with(|turns| {
            turns.set(turns.get().wrapping_add(1));
            turns.get()
        });
        crash::register(&host, &root);
        let routing = Routing::from_attribute(host.get_attribute("routing").as_deref()).unwrap_or_else(|problem| {
            gloo::console::warn!(format!("[treatment-widget] {problem}"));
            Routing::Fragment
        });
        let page_link = host.get_attribute("data-tw-page-link").filter(|l| l.starts_with("https://") || l.starts_with("http://"));
        let inner = Rc::new(Inner {
            instance_key: instance_key(&host),
            routing,
            page_link,
            host,
            root,
            mount_point,
            turn,
            shown: Cell::new(false),
            catalog,
            app: RefCell::new(app),
            brand: RefCell::new(None),
            current: RefCell::new(None),
            generation: Cell::new(0),
            ready_sent: Cell::new(false),
            destroyed: Cell::new(false),
        });
        load_config(&inner);
        Ok(Widget { inner })
    }

    /// Re-reads the config (the loader calls this when the `config` attribute changes).
    pub fn config_changed(&self) {
        if !self.inner.destroyed.get() {
            load_config(&self.inner);
        }
    }

    /// Unmounts the app and leaves the shadow root as the loader made it.
    pub fn destroy(&self) {
        let inner = &self.inner;
        if inner.destroyed.replace(true) {
            return;
        }
        // The app is parked for the next element this copy serves (see PARKED), showing nothing.
        if let Some(mut app) = inner.app.borrow_mut().take() {
            app.update(MountProps { serving: None });
            let older = PARKED.with(|parked| parked.borrow_mut().replace((inner.mount_point.clone(), app)));
            if let Some((_, older)) = older {
                older.destroy();
            }
        }
        if let Some(sheet) = inner.brand.borrow_mut().take() {
            styles::remove_theme(&inner.root, &sheet);
        }
        inner.mount_point.remove();
        crash::unregister(&inner.host);
    }

    pub fn is_destroyed(&self) -> bool {
        self.inner.destroyed.get()
    }
}

/// The instance's name in the URL fragment and on the device: its element id when it has a usable
/// one, else `tw` for the first unnamed widget on the page, `tw2` for the second, and so on. A
/// name another widget already holds (one inserted earlier, now after this one) is never reused:
/// the next free one is taken. The name is kept on the element (`data-tw-key`) so later widgets
/// can see it.
fn instance_key(host: &HtmlElement) -> String {
    let id = host.id();
    if is_valid_key(&id) {
        return id;
    }
    let mut position = 0;
    let mut taken: Vec<String> = Vec::new();
    if let Some(document) = host.owner_document() {
        if let Ok(all) = document.query_selector_all("treatment-widget") {
            let mut before = true;
            for i in 0..all.length() {
                let Some(other) = all.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
                if other == **host {
                    before = false;
                    continue;
                }
                let other_id = other.id();
                if is_valid_key(&other_id) {
                    taken.push(other_id);
                    continue;
                }
                if before {
                    position += 1;
                }
                if let Some(key) = other.get_attribute(KEY_ATTRIBUTE) {
                    taken.push(key);
                }
            }
        }
    }
    let name = |n: usize| if n == 0 { "tw".to_string() } else { format!("tw{}", n + 1) };
    let key = (position..).map(name).find(|k| !taken.contains(k)).unwrap_or_else(|| name(position));
    let _ = host.set_attribute(KEY_ATTRIBUTE, &key);
    key
}

/// Where an unnamed instance keeps its fragment key, for the instances mounted after it.
const KEY_ATTRIBUTE: &str = "data-tw-key";

fn load_config(inner: &Rc<Inner>) {
    let generation = inner.generation.get().wrapping_add(1);
    inner.generation.set(generation);
    match config_loader::read(&inner.host, &inner.catalog) {
        ConfigRequest::Ready(resolved) => apply(inner, resolved),
        ConfigRequest::Fetch(url) => {
            let inner = inner.clone();
            spawn_local(async move {
                let resolved = config_loader::fetch(&url, &inner.catalog).await;
                if inner.generation.get() == generation && !inner.destroyed.get() {
                    apply(&inner, resolved);
                }
            });
        }
    }
}

fn apply(inner: &Rc<Inner>, resolved: Resolved) {
    if let Some(problem) = &resolved.unreadable {
        gloo::console::error!(problem.clone());
    }
    for warning in &resolved.warnings {
        gloo::console::warn!(warning.clone());
    }
    let brand = styles::apply_theme(&inner.root, inner.brand.borrow_mut().take(), &resolved.config.theme);
    *inner.brand.borrow_mut() = brand;
    inner.host.set_attribute("data-config-source", resolved.origin.kind()).ok();
    let config = Rc::new(resolved.config);
    *inner.current.borrow_mut() = Some((config.clone(), resolved.origin.clone(), resolved.unreadable.is_some()));
    let lang = language::chosen(&inner.instance_key, &config);
    show(inner, lang);
}

/// Renders the current config in `lang`, fetching that language's content first if needed.
fn show(inner: &Rc<Inner>, lang: Lang) {
    let generation = inner.generation.get();
    let english = content::english(inner.catalog.clone());
    if lang == Lang::En {
        render(inner, lang, english);
        return;
    }
    let inner = inner.clone();
    spawn_local(async move {
        let loaded = content::load(lang, &english).await;
        if inner.generation.get() != generation || inner.destroyed.get() {
            return;
        }
        match loaded {
            Ok(c) => render(&inner, lang, c),
            Err(problem) => {
                gloo::console::warn!(format!("[treatment-widget] the {} texts could not be loaded ({problem}); showing English", lang.own_name()));
                render(&inner, Lang::En, english);
            }
        }
    });
}

fn render(inner: &Rc<Inner>, lang: Lang, content: content::Content) {
    let Some((config, origin, unreadable)) = inner.current.borrow().clone() else { return };
    let weak = Rc::downgrade(inner);
    let origin_kind = origin.kind();
    let on_ready = Callback::from(move |()| {
        if let Some(inner) = weak.upgrade() {
            announce_ready(&inner, origin_kind, unreadable);
        }
    });
    let on_event = {
        let weak = Rc::downgrade(inner);
        Callback::from(move |(name, detail): (&'static str, serde_json::Value)| {
            if let Some(inner) = weak.upgrade() {
                events::dispatch(&inner.host, name, &detail);
            }
        })
    };
    let on_language = {
        let weak = Rc::downgrade(inner);
        Callback::from(move |lang: Lang| {
            if let Some(inner) = weak.upgrade() {
                language::remember(&inner.instance_key, lang);
                show(&inner, lang);
            }
        })
    };
    let catalog = Rc::new(clinic_catalog(&content.catalog, &config.custom_treatments, &config.treatment_names, lang, config.clinic_name.as_deref()));
    let texts = Rc::new((*content.texts).clone().with_overrides(config.copy_for(lang)));
    let formats = Rc::new(Formats::new(&language::locale_for(&config.locale, lang), config.currency));
    let setup = Rc::new(Setup {
        config,
        catalog,
        texts,
        formats,
        lang,
        origin,
        config_unreadable: unreadable,
        instance_key: inner.instance_key.clone().into(),
        fragment: Fragment::new(inner.instance_key.clone().into(), inner.routing),
        page_link: inner.page_link.clone().map(Into::into),
        on_ready,
        on_event,
        on_language,
    });
    let props = MountProps { serving: Some((inner.turn, setup)) };
    if !inner.shown.replace(true) {
        // The first render lands in a microtask, before the browser paints again; dropping the
        // placeholder now means the two are never on screen together (no jump).
        if let Ok(Some(placeholder)) = inner.root.query_selector(".tw-placeholder") {
            placeholder.remove();
        }
    }
    let mut app = inner.app.borrow_mut();
    match app.as_mut() {
        Some(handle) => handle.update(props),
        None => *app = Some(Renderer::<Mount>::with_root_and_props(inner.mount_point.clone(), props).render()),
    }
}

/// Called once the first render is in the DOM: tell the page.
fn announce_ready(inner: &Inner, origin: &str, used_fallback: bool) {
    if inner.ready_sent.replace(true) {
        return;
    }
    inner.host.set_attribute("data-ready", "").ok();
    events::dispatch(
        &inner.host,
        "ready",
        &serde_json::json!({ "configSource": origin, "usedFallback": used_fallback }),
    );
}
