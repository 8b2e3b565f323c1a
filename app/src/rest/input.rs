//! Reading a route's path parameters and its input (query string, JSON
//! body or a CSV file), with a 400 that says what could not be read.

use super::ApiError;
use crate::csv::upload::{Spool, Spooled};
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

/// A CSV file sent as a route's body: as `text/csv`, written to a
/// temporary file as it arrives (any size the router lets through), or as
/// JSON `{"csv": "…"}` (read whole, at most 64 MiB). Either way the route
/// reads it from disk.
pub struct CsvFile(pub Spooled);

/// The JSON form of a [`CsvFile`]: the file's text (columns as in the
/// console's template).
#[derive(Debug, serde::Deserialize, utoipa::ToSchema)]
pub struct CsvBody {
    pub csv: String,
}

impl utoipa::PartialSchema for CsvFile {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        CsvBody::schema()
    }
}

impl utoipa::ToSchema for CsvFile {
    fn name() -> std::borrow::Cow<'static, str> {
        CsvBody::name()
    }
}

/// Whether a `Content-Type` says CSV text.
fn is_csv(parts: &Parts) -> bool {
    parts
        .headers
        .get(http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(';')
                .next()
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("text/csv"))
        })
}

/// Reads a route's [`CsvFile`].
pub async fn csv_file(parts: &Parts, body: axum::body::Body) -> Result<CsvFile, ApiError> {
    let mut spool = Spool::new()?;
    if is_csv(parts) {
        use futures::StreamExt;
        let mut chunks = body.into_data_stream();
        while let Some(chunk) = chunks.next().await {
            let chunk = chunk.map_err(|e| {
                crate::error::AppError::invalid(
                    "file",
                    crate::msg!("upload-cut", problem = e.to_string()),
                )
            })?;
            spool.write(&chunk).await?;
        }
    } else {
        let too_large = || {
            ApiError::new(
                http::StatusCode::PAYLOAD_TOO_LARGE,
                "payload_too_large",
                "A JSON body holds at most 64 MiB: send a larger file as text/csv.",
            )
        };
        let declared = parts
            .headers
            .get(http::header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<usize>().ok());
        if declared.is_some_and(|n| n > MAX_INPUT_BYTES) {
            return Err(too_large());
        }
        let bytes = axum::body::to_bytes(body, MAX_INPUT_BYTES)
            .await
            .map_err(|_| too_large())?;
        let json: CsvBody = serde_json::from_slice(&bytes).map_err(|e| {
            ApiError::bad_request(format!(
                "The JSON body can't be read: {e}. Send the file as text/csv, or as JSON {{\"csv\": \"…\"}}."
            ))
        })?;
        drop(bytes);
        spool.write(json.csv.as_bytes()).await?;
    }
    Ok(CsvFile(spool.finish().await?))
}
