//! The guide's content in each language. English is compiled in; Spanish (`catalog.es.json`,
//! `strings.es.json`, next to the wasm in `dist/`) is fetched only by a widget that shows Spanish,
//! once per wasm instance.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::net::http::Request;
use wasm_bindgen::prelude::*;

use crate::core::catalog::Catalog;
use crate::core::texts::{Lang, Texts};

#[wasm_bindgen]
extern "C" {
    /// The URL of this module's JavaScript glue: the content files sit next to it.
    #[wasm_bindgen(thread_local_v2, js_namespace = ["import", "meta"], js_name = url)]
    static MODULE_URL: js_sys::JsString;
}

/// One language's catalog and strings.
#[derive(Clone)]
pub struct Content {
    pub catalog: Rc<Catalog>,
    pub texts: Rc<Texts>,
}

thread_local! {
    static LOADED: RefCell<Vec<(Lang, Content)>> = const { RefCell::new(Vec::new()) };
}

fn cached(lang: Lang) -> Option<Content> {
    LOADED.with(|l| l.borrow().iter().find(|(x, _)| *x == lang).map(|(_, c)| c.clone()))
}

/// English, compiled in.
pub fn english(catalog: Rc<Catalog>) -> Content {
    Content { catalog, texts: Rc::new(Texts::english()) }
}

fn asset_url(name: &str) -> Option<String> {
    let base: String = MODULE_URL.with(|u| u.clone().into());
    web_sys::Url::new_with_base(name, &base).ok().map(|u| u.href())
}

async fn fetch_text(name: &str) -> Result<String, String> {
    let url = asset_url(name).ok_or_else(|| format!("no address for {name}"))?;
    let response = Request::get(&url).send().await.map_err(|e| format!("{name} could not be fetched ({e})"))?;
    if !response.ok() {
        return Err(format!("{name} answered HTTP {}", response.status()));
    }
    response.text().await.map_err(|e| format!("{name} could not be read ({e})"))
}

/// The content for `lang`, fetching it the first time. On failure, the message to log.
pub async fn load(lang: Lang, english: &Content) -> Result<Content, String> {
    if lang == Lang::En {
        return Ok(english.clone());
    }
    if let Some(c) = cached(lang) {
        return Ok(c);
    }
    let code = lang.code();
    let (catalog, strings) = futures_join(fetch_text(&format!("catalog.{code}.json")), fetch_text(&format!("strings.{code}.json"))).await;
    let catalog = Catalog::from_json(&catalog?)?;
    let texts = Texts::from_json(lang, &strings?)?;
    let content = Content { catalog: Rc::new(catalog), texts: Rc::new(texts) };
    LOADED.with(|l| l.borrow_mut().push((lang, content.clone())));
    Ok(content)
}

/// Both futures, polled together.
async fn futures_join<A: std::future::Future, B: std::future::Future>(a: A, b: B) -> (A::Output, B::Output) {
    use std::pin::pin;
    use std::task::Poll;
    let (mut a, mut b) = (pin!(a), pin!(b));
    let (mut ra, mut rb) = (None, None);
    std::future::poll_fn(move |cx| {
        if ra.is_none() {
            if let Poll::Ready(v) = a.as_mut().poll(cx) {
                ra = Some(v);
            }
        }
        if rb.is_none() {
            if let Poll::Ready(v) = b.as_mut().poll(cx) {
                rb = Some(v);
            }
        }
        if ra.is_some() && rb.is_some() {
            Poll::Ready((ra.take().unwrap(), rb.take().unwrap()))
        } else {
            Poll::Pending
        }
    })
    .await
}
