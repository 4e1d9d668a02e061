//! The only network I/O: fetching the manifest and the layers with gloo-net.

use crate::model::manifest::{parse_manifest, Manifest};
use crate::model::parse::{empty_layer, parse_layer, LayerParse};
use crate::model::{DataError, LayerRef};
use gloo_net::http::Request;

/// Fetches `url` as text; `file` names it in errors. An HTTP error status is a [`DataError::Http`].
pub async fn fetch_text(url: &str, file: &str) -> Result<String, DataError> {
    let response = Request::get(url)
        .send()
        .await
        .map_err(|e| DataError::Unreachable { file: file.into(), reason: e.to_string() })?;
    if !response.ok() {
        return Err(DataError::Http { file: file.into(), status: response.status() });
    }
    response.text().await.map_err(|e| DataError::Unreachable { file: file.into(), reason: e.to_string() })
}

/// Fetches and parses the manifest at the absolute URL `url`.
pub async fn load_manifest(url: &str) -> Result<(Manifest, Vec<DataError>), Vec<DataError>> {
    let file = url.rsplit('/').next().unwrap_or(url);
    let text = fetch_text(url, file).await.map_err(|e| vec![e])?;
    parse_manifest(file, &text)
}

/// Fetches and parses one layer; `manifest_url` is the absolute URL its `url` is relative to.
pub async fn load_layer(layer: &LayerRef, manifest_url: &str) -> LayerParse {
    let file = layer.url.as_str();
    let failed = |e: DataError| LayerParse { layer: empty_layer(layer.kind), errors: vec![e] };
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
    match fetch_text(&url, file).await {
        Ok(text) => parse_layer(layer.kind, file, &text),
        Err(e) => failed(e),
    }
}
