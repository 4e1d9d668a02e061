//! The only network I/O: fetching the manifest, the layers and the search's pinyin table with
//! gloo-net, with a timeout per attempt and bounded retries with backoff ([`RetryPolicy`]).

use crate::model::{DataError, LayerRef, Manifest};
use crate::read::{parse_map_layer, parse_map_manifest, LayerParse};
use crate::retry::{content_type_ok, is_retryable, RetryPolicy};
use gloo_net::http::{Request, Response};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// Resolves after `ms` milliseconds.
pub async fn sleep_ms(ms: u32) {
    if ms == 0 {
        return;
    }
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .map(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32));
    });
    let _ = JsFuture::from(promise).await;
}

/// Reads an answer as text: its bytes, decoded here as UTF-8 (a bad sequence becomes U+FFFD, as
/// `Response.text()` does; the parsers drop a byte-order mark). Not `Response.text()`: a JS string
/// crosses into wasm through a buffer of three bytes per UTF-16 unit (the worst case of UTF-8),
/// and wasm memory never shrinks: the 27 MB layer of a 50 000-company park kept ~80 MB that way.
async fn read_text(response: Response) -> Result<String, String> {
    let bytes = read_bytes(response).await?;
    Ok(String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}

/// Reads an answer as raw bytes, whatever its content type.
async fn read_bytes(response: Response) -> Result<Vec<u8>, String> {
    response.binary().await.map_err(|e| e.to_string())
}

/// One attempt: aborts after `timeout_ms` (the body's reading included); an HTTP error status, a
/// web page served instead of data, a network failure, a timeout and a body `read` refuses are
/// errors naming `file`.
async fn fetch_once<T>(
    url: &str,
    file: &str,
    timeout_ms: u32,
    read: &impl AsyncFn(Response) -> Result<T, String>,
) -> Result<T, DataError> {
    let unreachable = |reason: String| DataError::Unreachable { file: file.into(), reason };
    let controller = web_sys::AbortController::new().map_err(|_| unreachable("no AbortController".into()))?;
    let signal = controller.signal();
    let abort = Closure::once(move || controller.abort());
    let timer = web_sys::window().and_then(|w| {
        w.set_timeout_with_callback_and_timeout_and_arguments_0(
            abort.as_ref().unchecked_ref(),
            timeout_ms as i32,
        )
        .ok()
    });
    let result = async {
        let response = Request::get(url).abort_signal(Some(&signal)).send().await.map_err(|e| {
            if signal.aborted() {
                unreachable(format!("no answer within {} s", timeout_ms / 1000))
            } else {
                unreachable(e.to_string())
            }
        })?;
        if !response.ok() {
            return Err(DataError::Http { file: file.into(), status: response.status() });
        }
        let content_type = response.headers().get("content-type");
        if !content_type_ok(content_type.as_deref()) {
            return Err(DataError::NotData {
                file: file.into(),
                content_type: content_type.unwrap_or_default(),
            });
        }
        read(response).await.map_err(unreachable)
    }
    .await;
    if let (Some(id), Some(w)) = (timer, web_sys::window()) {
        w.clear_timeout_with_handle(id);
    }
    drop(abort);
    result
}

/// Fetches `url` as text, retrying transient failures as `policy` says; `on_retry(attempt)` is
/// called before each retry (for the loading state).
pub async fn fetch_text(
    url: &str,
    file: &str,
    policy: RetryPolicy,
    on_retry: &dyn Fn(u32),
) -> Result<String, DataError> {
    fetch_retrying(url, file, policy, on_retry, &read_text).await
}

/// Fetches `url` as bytes, retrying transient failures as `policy` says.
pub async fn fetch_bytes(url: &str, file: &str, policy: RetryPolicy) -> Result<Vec<u8>, DataError> {
    fetch_retrying(url, file, policy, &|_| {}, &read_bytes).await
}

/// [`fetch_once`] with the retries `policy` allows.
async fn fetch_retrying<T>(
    url: &str,
    file: &str,
    policy: RetryPolicy,
    on_retry: &dyn Fn(u32),
    read: &impl AsyncFn(Response) -> Result<T, String>,
) -> Result<T, DataError> {
    let mut attempt = 0;
    loop {
        let result = fetch_once(url, file, policy.timeout_ms, read).await;
        match result {
            Err(e) if is_retryable(&e) => match policy.delay_before(attempt + 1) {
                Some(delay) => {
                    attempt += 1;
                    on_retry(attempt);
                    sleep_ms(delay).await;
                }
                None => return Err(e),
            },
            other => return other,
        }
    }
}

/// Fetches and parses the manifest at the absolute URL `url`.
pub async fn load_manifest(url: &str) -> Result<(Manifest, Vec<DataError>), Vec<DataError>> {
    let file = url.rsplit('/').next().unwrap_or(url);
    let file = file.split(['?', '#']).next().unwrap_or(file);
    let text = fetch_text(url, file, RetryPolicy::default(), &|_| {}).await.map_err(|e| vec![e])?;
    parse_map_manifest(file, &text)
}

/// A layer reader: the map's ([`parse_map_layer`]) or the site finder's (`read::parse_layer`).
pub type LayerReader = fn(crate::model::LayerKind, &str, &str) -> LayerParse;

/// Fetches and parses one layer as the map reads it; `manifest_url` is the absolute URL its `url` is
/// relative to.
pub async fn load_layer(layer: &LayerRef, manifest_url: &str, on_retry: &dyn Fn(u32)) -> LayerParse {
    load_layer_with(layer, manifest_url, on_retry, parse_map_layer).await
}

/// [`load_layer`] with another reader (the site finder reads its sites layer with the site reader,
/// which the map's first module leaves out).
pub async fn load_layer_with(
    layer: &LayerRef,
    manifest_url: &str,
    on_retry: &dyn Fn(u32),
    parse: LayerReader,
) -> LayerParse {
    let file = layer.url.as_str();
    let failed = |e: DataError| LayerParse::failed(layer.kind, e);
    let url = match crate::model::url::resolve_layer_url(&layer.url, manifest_url) {
        Ok(u) => u,
        Err(e) => {
            return failed(DataError::Manifest {
                file: "manifest".into(),
                property: format!("layers.{}.url", layer.id),
                reason: e.to_string(),
            })
        }
    };
    match fetch_text(&url, file, RetryPolicy::default(), on_retry).await {
        Ok(text) => {
            crate::timing::mark(&format!("fetched:{file}"));
            let parsed = parse(layer.kind, file, &text);
            crate::timing::mark(&format!("parsed:{file}"));
            parsed
        }
        Err(e) => failed(e),
    }
}
