//! Finds an instance's clinic config, in the order of the embed contract: a child
//! `<script type="application/json">`, else the `config` attribute (fetched), else the demo clinic.

use std::time::Duration;

use gloo::net::http::Request;
use gloo::timers::future::TimeoutFuture;
use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, HtmlElement, ReadableStreamDefaultReader};

use crate::core::config::{fallback_message, ClinicConfig, ConfigOrigin, MAX_CONFIG_BYTES};
use crate::core::catalog::Catalog;

/// A slow config server must not leave visitors looking at a placeholder for ever.
pub const FETCH_TIMEOUT: Duration = Duration::from_secs(10);

/// What the host element asks for, read synchronously.
pub enum ConfigRequest {
    Ready(Resolved),
    Fetch(String),
}

/// A config ready to render, where it came from, and the problem if it fell back to the demo.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolved {
    pub config: ClinicConfig,
    pub origin: ConfigOrigin,
    /// The console message, when the requested config could not be used.
    pub problem: Option<String>,
}

/// Reads the inline config or the `config` attribute. Inline JSON is resolved at once.
pub fn read(host: &HtmlElement, catalog: &Catalog) -> ConfigRequest {
    if let Ok(Some(script)) = host.query_selector(":scope > script[type='application/json']") {
        let text = script.text_content().unwrap_or_default();
        return ConfigRequest::Ready(resolve(Ok(text), ConfigOrigin::Inline, catalog));
    }
    match host.get_attribute("config").map(|u| u.trim().to_string()) {
        Some(url) if !url.is_empty() => ConfigRequest::Fetch(url),
        _ => ConfigRequest::Ready(resolve(Err(String::new()), ConfigOrigin::BuiltIn, catalog)),
    }
}

/// Fetches a config URL (relative URLs resolve against the page, as any attribute URL does).
pub async fn fetch(url: &str, catalog: &Catalog) -> Resolved {
    let origin = ConfigOrigin::Url(url.to_string());
    resolve(fetch_text(url).await, origin, catalog)
}

/// The whole fetch (headers and body) must finish within [`FETCH_TIMEOUT`] and stay within
/// [`MAX_CONFIG_BYTES`]: a server that sends headers and then trickles or never ends the body is cut
/// off like one that never answers, and an endless body is cut off at the limit, not read to the end.
async fn fetch_text(url: &str) -> Result<String, String> {
    let controller = AbortController::new().map_err(|_| "the browser cannot make requests".to_string())?;
    let work = fetch_within_limit(url, &controller);
    let timeout = TimeoutFuture::new(FETCH_TIMEOUT.as_millis() as u32);
    let result = futures_select(work, timeout).await;
    controller.abort();
    result.unwrap_or_else(|| Err(format!("no complete answer within {} seconds", FETCH_TIMEOUT.as_secs())))
}

async fn fetch_within_limit(url: &str, controller: &AbortController) -> Result<String, String> {
    let too_big = |n: usize| format!("the response is more than {MAX_CONFIG_BYTES} bytes (at least {n}); the limit is {MAX_CONFIG_BYTES}");
    let response = Request::get(url)
        .abort_signal(Some(&controller.signal()))
        .send()
        .await
        .map_err(|e| format!("the request failed ({e})"))?;
    if !response.ok() {
        return Err(format!("the server answered HTTP {} {}", response.status(), response.status_text()).trim_end().to_string());
    }
    if let Some(length) = response.headers().get("content-length").and_then(|v| v.trim().parse::<usize>().ok()) {
        if length > MAX_CONFIG_BYTES {
            return Err(too_big(length));
        }
    }
    let Some(body) = response.body() else { return Ok(String::new()) };
    let reader: ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut bytes: Vec<u8> = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(|_| "the response could not be read".to_string())?;
        let done = Reflect::get(&chunk, &"done".into()).map(|d| d.is_truthy()).unwrap_or(true);
        if done {
            break;
        }
        let Ok(value) = Reflect::get(&chunk, &"value".into()).and_then(|v| v.dyn_into::<Uint8Array>()) else {
            return Err("the response could not be read".to_string());
        };
        if bytes.len() + value.length() as usize > MAX_CONFIG_BYTES {
            return Err(too_big(bytes.len() + value.length() as usize));
        }
        bytes.extend(value.to_vec());
    }
    String::from_utf8(bytes).map_err(|_| "the response is not UTF-8 text".to_string())
}

/// Turns fetched or inline text into a config, falling back to the demo clinic with one message.
pub fn resolve(text: Result<String, String>, origin: ConfigOrigin, catalog: &Catalog) -> Resolved {
    let attempt = match (&origin, text) {
        (ConfigOrigin::BuiltIn, _) => Err(None),
        (_, Ok(text)) => ClinicConfig::from_json(&text, catalog).map_err(|e| Some(e.to_string())),
        (_, Err(problem)) => Err(Some(problem)),
    };
    match attempt {
        Ok(config) => Resolved { config, origin, problem: None },
        Err(problem) => {
            let problem = problem.map(|p| fallback_message(&origin, &p));
            Resolved { config: ClinicConfig::demo_or_minimal(catalog), origin, problem }
        }
    }
}

/// Whichever finishes first: the request (`Some`) or the timeout (`None`).
async fn futures_select<F, T>(request: F, timeout: TimeoutFuture) -> Option<T>
where
    F: std::future::Future<Output = T>,
{
    use std::future::Future;
    use std::pin::pin;
    use std::task::Poll;
    let mut request = pin!(request);
    let mut timeout = pin!(timeout);
    std::future::poll_fn(move |cx| {
        if let Poll::Ready(v) = request.as_mut().poll(cx) {
            return Poll::Ready(Some(v));
        }
        if timeout.as_mut().poll(cx).is_ready() {
            return Poll::Ready(None);
        }
        Poll::Pending
    })
    .await
}
