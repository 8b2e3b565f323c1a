//! Reading a route's path parameters and its input (query string or JSON
//! body), with a 400 that says what could not be read.

use super::ApiError;
use axum::extract::{FromRequestParts, RawPathParams};
use http::request::Parts;
use serde::de::DeserializeOwned;

/// The largest JSON body a route reads (imports excepted: the router's
/// per-route limit lets them through larger).
const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

/// A route's path parameters, by name.
pub struct PathArgs(Vec<(String, String)>);

impl PathArgs {
    /// The matched route's parameters (none for a route without any).
    pub async fn from_parts(parts: &mut Parts) -> Result<PathArgs, ApiError> {
        match RawPathParams::from_request_parts(parts, &()).await {
            Ok(params) => Ok(PathArgs(
                params
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect(),
            )),
            Err(_) => Ok(PathArgs(Vec::new())),
        }
    }

    /// The parameter `name`.
    pub fn take(&mut self, name: &str) -> Result<String, ApiError> {
        self.0
            .iter()
            .position(|(k, _)| k == name)
            .map(|i| self.0.swap_remove(i).1)
            .ok_or_else(|| ApiError::bad_request(format!("The path lacks `{name}`.")))
    }
}

/// Reads the route's input of `kind` ("query" or "body").
pub async fn input<T: DeserializeOwned>(
    kind: &str,
    parts: &Parts,
    body: axum::body::Body,
) -> Result<T, ApiError> {
    if kind == "query" {
        let query = parts.uri.query().unwrap_or("");
        return serde_urlencoded::from_str(query)
            .map_err(|e| ApiError::bad_request(format!("The query string can't be read: {e}.")));
    }
    let bytes = axum::body::to_bytes(body, MAX_INPUT_BYTES)
        .await
        .map_err(|_| ApiError::bad_request("The request body could not be read."))?;
    let bytes: &[u8] = if bytes.iter().all(u8::is_ascii_whitespace) {
        b"{}"
    } else {
        &bytes
    };
    serde_json::from_slice(bytes).map_err(|e| {
        ApiError::bad_request(format!(
            "The JSON body can't be read: {e}. See /api/v1/openapi.json for its shape."
        ))
    })
}
