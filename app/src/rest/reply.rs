//! Answers: a JSON body on success, and on failure a JSON error with a
//! stable machine `code`, the `message` a person reads and, for bad input,
//! the `field` (and every field's messages).

use crate::error::{AppError, AppResult, FieldErrors};
use axum::response::{IntoResponse, Response};
use http::{HeaderValue, StatusCode};
use serde::Serialize;
use std::marker::PhantomData;

/// An API failure: status, code, message and what helps fix it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ApiError {
    #[serde(skip)]
    #[schema(ignore)]
    pub status: StatusCode,
    /// Stable and machine-readable: `unauthenticated`, `forbidden`,
    /// `not_found`, `conflict`, `stale_version`, `validation`, `bad_request`,
    /// `password_change_required`, `too_many_requests`, `payload_too_large`,
    /// `no_such_route`, `internal`.
    pub code: &'static str,
    /// For a person.
    pub message: String,
    /// The field (or CSV row) at fault, for bad input and conflicts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<Box<str>>,
    /// Every field's messages, for validation errors.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<Box<FieldErrors>>,
    /// The record as it is now, for `stale_version` (409): redo the change on it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub current: Option<Box<serde_json::Value>>,
    /// Seconds to wait, for `too_many_requests` (also in `Retry-After`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<u64>,
    /// For 401: the `WWW-Authenticate` error (`invalid_token`).
    #[serde(skip)]
    #[schema(ignore)]
    pub auth_error: Option<&'static str>,
}

impl ApiError {
    /// An error with a status, code and message.
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            code,
            message: message.into(),
            field: None,
            errors: None,
            current: None,
            retry_after: None,
            auth_error: None,
        }
    }

    /// Bad input that could not be read at all (malformed JSON, wrong types).
    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, "bad_request", message)
    }

    /// 401 for a missing, unknown, revoked or expired secret.
    pub fn unauthenticated(message: impl Into<String>, invalid_token: bool) -> ApiError {
        ApiError {
            auth_error: invalid_token.then_some("invalid_token"),
            ..ApiError::new(StatusCode::UNAUTHORIZED, "unauthenticated", message)
        }
    }

    /// 409 for a change made from an old version, with the current record.
    pub fn stale<T: Serialize>(error: &AppError, current: AppResult<T>) -> ApiError {
        let mut e = ApiError::from(error.clone());
        e.code = "stale_version";
        e.message = "The record changed since the version you sent; `current` holds it now. Apply your change to it and send its version.".into();
        e.current = current
            .ok()
            .and_then(|c| serde_json::to_value(c).ok())
            .map(Box::new);
        e
    }
}

impl From<AppError> for ApiError {
    fn from(e: AppError) -> ApiError {
        let status = e.status();
        let message = e.to_string();
        match e {
            AppError::Unauthenticated => ApiError::unauthenticated(message, false),
            AppError::Forbidden { .. } => ApiError::new(status, "forbidden", message),
            AppError::PasswordChangeRequired => {
                ApiError::new(status, "password_change_required", message)
            }
            AppError::SecondFactorRequired => {
                ApiError::new(status, "second_factor_required", message)
            }
            AppError::NotFound { .. } => ApiError::new(status, "not_found", message),
            AppError::Conflict { field, .. } => ApiError {
                field: (!field.is_empty()).then(|| field.into()),
                ..ApiError::new(status, "conflict", message)
            },
            AppError::Validation(errors) => ApiError {
                field: errors.keys().next().map(|k| k.as_str().into()),
                // Each message as a sentence (the server's language), not its key.
                errors: Some(Box::new(
                    errors
                        .into_iter()
                        .map(|(f, ms)| (f, ms.iter().map(|m| crate::i18n::message(m)).collect()))
                        .collect(),
                )),
                ..ApiError::new(status, "validation", message)
            },
            AppError::TooManyRequests => ApiError::new(status, "too_many_requests", message),
            AppError::Internal | AppError::Transport(_) => {
                ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", message)
            }
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut res = (self.status, axum::Json(&self)).into_response();
        let headers = res.headers_mut();
        if self.status == StatusCode::UNAUTHORIZED {
            let value = match self.auth_error {
                Some(e) => format!("Bearer realm=\"partner-console\", error=\"{e}\""),
                None => "Bearer realm=\"partner-console\"".to_string(),
            };
            if let Ok(v) = HeaderValue::from_str(&value) {
                headers.insert(http::header::WWW_AUTHENTICATE, v);
            }
        }
        if let Some(secs) = self.retry_after {
            headers.insert(http::header::RETRY_AFTER, HeaderValue::from(secs));
        }
        res
    }
}

/// The answer of a handler: 200 with the JSON value, or the error.
pub fn reply<T: Answer>(result: Result<T, ApiError>) -> Response {
    match result {
        Ok(value) => value.answer(),
        Err(e) => e.into_response(),
    }
}

/// What a handler answers with on success.
pub trait Answer {
    /// The 200 response.
    fn answer(self) -> Response;
}

impl<T: Serialize> Answer for T {
    fn answer(self) -> Response {
        axum::Json(self).into_response()
    }
}

/// A JSON answer too large to hold in memory (a million imported users
/// with their passwords): `{"<field>": [items…]}`, written to a temporary
/// file that has no name as the items come, and sent from there. Its
/// schema is `T`'s.
pub struct LargeAnswer<T> {
    out: std::io::BufWriter<std::fs::File>,
    items: usize,
    shape: PhantomData<fn() -> T>,
}

impl<T> LargeAnswer<T> {
    /// An answer whose one field `field` is an array of the items pushed.
    pub fn list_in(field: &str) -> AppResult<LargeAnswer<T>> {
        let file = crate::csv::upload::unnamed_file().map_err(|e| {
            tracing::error!(error = %e, "no temporary file for an answer");
            AppError::Internal
        })?;
        let mut answer = LargeAnswer {
            out: std::io::BufWriter::new(file),
            items: 0,
            shape: PhantomData,
        };
        let start = serde_json::to_string(field).map_err(|_| AppError::Internal)?;
        answer.write(format!("{{{start}:[").as_bytes())?;
        Ok(answer)
    }

    /// Adds the next item of the array.
    pub fn push(&mut self, item: &impl Serialize) -> AppResult<()> {
        let json = serde_json::to_vec(item).map_err(|e| {
            tracing::error!(error = %e, "an answer's item cannot be written as JSON");
            AppError::Internal
        })?;
        if self.items > 0 {
            self.write(b",")?;
        }
        self.write(&json)?;
        self.items += 1;
        Ok(())
    }

    fn write(&mut self, bytes: &[u8]) -> AppResult<()> {
        std::io::Write::write_all(&mut self.out, bytes).map_err(|e| {
            tracing::error!(error = %e, "an answer's temporary file cannot be written");
            AppError::Internal
        })
    }

    /// The whole file, from its start, and its length.
    fn into_file(mut self) -> std::io::Result<(std::fs::File, u64)> {
        use std::io::{Seek, Write};
        self.out.write_all(b"]}")?;
        let mut file = self.out.into_inner().map_err(|e| e.into_error())?;
        let len = file.stream_position()?;
        file.seek(std::io::SeekFrom::Start(0))?;
        Ok((file, len))
    }
}

impl<T> Answer for LargeAnswer<T> {
    fn answer(self) -> Response {
        let (file, len) = match self.into_file() {
            Ok(done) => done,
            Err(e) => {
                tracing::error!(error = %e, "an answer's temporary file cannot be read");
                return ApiError::from(AppError::Internal).into_response();
            }
        };
        let chunks =
            futures::stream::unfold(Some(tokio::fs::File::from_std(file)), |file| async move {
                use tokio::io::AsyncReadExt;
                let mut file = file?;
                let mut buf = vec![0; 64 * 1024];
                match file.read(&mut buf).await {
                    Ok(0) => None,
                    Ok(n) => {
                        buf.truncate(n);
                        Some((Ok(axum::body::Bytes::from(buf)), Some(file)))
                    }
                    Err(e) => Some((Err(e), None)),
                }
            });
        let mut res = axum::body::Body::from_stream(chunks).into_response();
        let headers = res.headers_mut();
        headers.insert(
            http::header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        headers.insert(http::header::CONTENT_LENGTH, HeaderValue::from(len));
        res
    }
}

impl<T: utoipa::PartialSchema> utoipa::PartialSchema for LargeAnswer<T> {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        T::schema()
    }
}

impl<T: utoipa::ToSchema> utoipa::ToSchema for LargeAnswer<T> {
    fn name() -> std::borrow::Cow<'static, str> {
        T::name()
    }

    fn schemas(
        schemas: &mut Vec<(
            String,
            utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>,
        )>,
    ) {
        T::schemas(schemas)
    }
}
