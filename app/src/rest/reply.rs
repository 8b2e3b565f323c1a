//! Answers: a JSON body on success, and on failure a JSON error with a
//! stable machine `code`, the `message` a person reads and, for bad input,
//! the `field` (and every field's messages).

use crate::error::{AppError, AppResult, FieldErrors};
use axum::response::{IntoResponse, Response};
use http::{HeaderValue, StatusCode};
use serde::Serialize;

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
pub fn reply<T: Serialize>(result: Result<T, ApiError>) -> Response {
    match result {
        Ok(value) => axum::Json(value).into_response(),
        Err(e) => e.into_response(),
    }
}
