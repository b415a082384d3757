//! Finds an instance's clinic config, in the order of the embed contract: a child
//! `<script type="application/json">`, else the `config` attribute (fetched), else the demo clinic.
//! A config is read leniently (see `core::config`); one that cannot be read at all gives the guide
//! with no clinic name and no prices, never the demo clinic.

use std::time::Duration;

use gloo::net::http::Request;
use gloo::timers::future::TimeoutFuture;
use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, HtmlElement, ReadableStreamDefaultReader};

use crate::core::config::{unreadable_message, warning_message, ClinicConfig, ConfigOrigin, MAX_CONFIG_BYTES};
use crate::core::catalog::Catalog;

/// A slow config server must not leave visitors looking at a placeholder for ever.
pub const FETCH_TIMEOUT: Duration = Duration::from_secs(10);

/// What the host element asks for, read synchronously.
pub enum ConfigRequest {
    Ready(Resolved),
    Fetch(String),
}

/// A config ready to render, where it came from, and what the console should say about it.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolved {
    pub config: ClinicConfig,
    pub origin: ConfigOrigin,
    /// The console error, when the config could not be read at all.
    pub unreadable: Option<String>,
    /// One console warning per part of the config left out.
    pub warnings: Vec<String>,
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

/// Fetches a config URL (relative URLs resolve against the page, as any attribute URL does). An
/// HTTP error or a failed request is tried once more after a second.
pub async fn fetch(url: &str, catalog: &Catalog) -> Resolved {
    let origin = ConfigOrigin::Url(url.to_string());
    let mut text = fetch_text(url).await;
    if matches!(&text, Err(Failure::Retryable(_))) {
        TimeoutFuture::new(1_000).await;
        text = fetch_text(url).await;
    }
    resolve(text.map_err(|f| match f {
        Failure::Retryable(m) | Failure::Final(m) => m,
    }), origin, catalog)
}

/// Why a fetch failed, and whether trying again could help.
enum Failure {
    Retryable(String),
    Final(String),
}

/// The whole fetch (headers and body) must finish within [`FETCH_TIMEOUT`] and stay within
/// [`MAX_CONFIG_BYTES`]: a server that sends headers and then trickles or never ends the body is cut
/// off like one that never answers, and an endless body is cut off at the limit, not read to the end.
async fn fetch_text(url: &str) -> Result<String, Failure> {
    let controller = AbortController::new().map_err(|_| Failure::Final("the browser cannot make requests".to_string()))?;
    let work = fetch_within_limit(url, &controller);
    let timeout = TimeoutFuture::new(FETCH_TIMEOUT.as_millis() as u32);
    let result = futures_select(work, timeout).await;
    controller.abort();
    result.unwrap_or_else(|| Err(Failure::Final(format!("no complete answer within {} seconds", FETCH_TIMEOUT.as_secs()))))
}

async fn fetch_within_limit(url: &str, controller: &AbortController) -> Result<String, Failure> {
    let too_big = |n: usize| Failure::Final(format!("the response is more than {MAX_CONFIG_BYTES} bytes (at least {n}); the limit is {MAX_CONFIG_BYTES}"));
    let read_failed = || Failure::Final("the response could not be read".to_string());
    let response = Request::get(url)
        .abort_signal(Some(&controller.signal()))
        .send()
        .await
        .map_err(|e| Failure::Retryable(format!("the request failed ({e})")))?;
    if !response.ok() {
        return Err(Failure::Retryable(format!("the server answered HTTP {} {} (tried twice)", response.status(), response.status_text()).replace("  ", " ")));
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
        let chunk = JsFuture::from(reader.read()).await.map_err(|_| read_failed())?;
        let done = Reflect::get(&chunk, &"done".into()).map(|d| d.is_truthy()).unwrap_or(true);
        if done {
            break;
        }
        let Ok(value) = Reflect::get(&chunk, &"value".into()).and_then(|v| v.dyn_into::<Uint8Array>()) else {
            return Err(read_failed());
        };
        if bytes.len() + value.length() as usize > MAX_CONFIG_BYTES {
            return Err(too_big(bytes.len() + value.length() as usize));
        }
        bytes.extend(value.to_vec());
    }
    String::from_utf8(bytes).map_err(|_| Failure::Final("the response is not UTF-8 text".to_string()))
}

/// Turns fetched or inline text into a config: the clinic's, with any unusable part left out;
/// the guide without a clinic when nothing can be read; the demo clinic only when none was given.
pub fn resolve(text: Result<String, String>, origin: ConfigOrigin, catalog: &Catalog) -> Resolved {
    let unnamed = |problem: String, origin: ConfigOrigin| Resolved {
        config: ClinicConfig::unnamed(),
        unreadable: Some(unreadable_message(&origin, &problem)),
        origin,
        warnings: Vec::new(),
    };
    match (&origin, text) {
        (ConfigOrigin::BuiltIn, _) => match ClinicConfig::demo(catalog) {
            Ok(config) => Resolved { config, origin, unreadable: None, warnings: Vec::new() },
            Err(e) => unnamed(e.to_string(), origin),
        },
        (_, Ok(text)) => match ClinicConfig::read(&text, catalog) {
            Ok(reading) => Resolved {
                config: reading.config,
                warnings: reading.warnings.iter().map(|w| warning_message(&origin, w)).collect(),
                origin,
                unreadable: None,
            },
            Err(e) => unnamed(e.to_string(), origin),
        },
        (_, Err(problem)) => unnamed(problem, origin),
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
