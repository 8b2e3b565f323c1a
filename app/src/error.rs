//! One error type for every server function and API route.
//!
//! `Display` is the sentence a person reads; no variant carries internal
//! details (database messages, stack traces). Server-side causes are logged
//! where the error is made and the client only sees [`AppError::Internal`].

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Messages per form field (`field name → reasons`), shown next to inputs.
pub type FieldErrors = BTreeMap<String, Vec<String>>;

/// The result type of service and server functions.
pub type AppResult<T> = Result<T, AppError>;

/// Every failure a caller can see, with its HTTP status. Messages are
/// catalogue keys (built with [`crate::msg!`]) rendered in the reader's
/// language by `Display`; a message that is not a key is shown as it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AppError {
    Unauthenticated,
    /// `action` is the capability's key (`capability-users-view`).
    Forbidden {
        action: String,
    },
    NotFound {
        what: String,
    },
    Conflict {
        field: String,
        message: String,
    },
    Validation(FieldErrors),
    PasswordChangeRequired,
    SecondFactorRequired,
    TooManyRequests,
    Internal,
    Transport(String),
}

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::i18n::message;
        let text = match self {
            AppError::Unauthenticated => crate::tr!("error-unauthenticated"),
            AppError::Forbidden { action } => {
                crate::tr!("error-forbidden", action = message(action))
            }
            AppError::NotFound { what } => crate::tr!("error-not-found", what = message(what)),
            AppError::Conflict { message: m, .. } => message(m),
            AppError::Validation(errors) => first_message(errors),
            AppError::PasswordChangeRequired => crate::tr!("error-password-change-required"),
            AppError::SecondFactorRequired => crate::tr!("error-second-factor-required"),
            AppError::TooManyRequests => crate::tr!("error-too-many-requests"),
            AppError::Internal => crate::tr!("error-internal"),
            AppError::Transport(detail) => crate::tr!("error-transport", detail = detail),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for AppError {}

fn first_message(errors: &FieldErrors) -> String {
    errors
        .iter()
        .next()
        .and_then(|(field, msgs)| {
            msgs.first().map(|m| {
                crate::tr!(
                    "error-field",
                    field = field,
                    message = crate::i18n::message(m)
                )
            })
        })
        .unwrap_or_else(|| crate::tr!("error-form"))
}

impl AppError {
    /// A validation error on one field.
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        let mut map = FieldErrors::new();
        map.insert(field.into(), vec![message.into()]);
        AppError::Validation(map)
    }

    /// The conflict of a save made from an old version of a record; the page
    /// then shows the latest one. `key` is the record kind's message
    /// (`error-stale-user`, `error-stale-customer`, …).
    pub fn stale(key: &str) -> Self {
        AppError::Conflict {
            field: "version".into(),
            message: key.into(),
        }
    }

    /// `Ok` when an update made from the version the caller saw changed one
    /// row, else the conflict `stale` makes: on PostgreSQL two saves from one
    /// version both read it before either writes, and the second one's
    /// update, which waits for the first to commit, then finds another
    /// version (409 instead of overwriting the first save).
    pub fn unless_one_row(rows: u64, stale: impl FnOnce() -> AppError) -> AppResult<()> {
        if rows == 1 {
            Ok(())
        } else {
            Err(stale())
        }
    }

    /// Whether this is the conflict of a save from an old version.
    pub fn is_stale(&self) -> bool {
        matches!(self, AppError::Conflict { field, .. } if field == "version")
    }

    /// A "not found" error naming the kind of thing.
    pub fn not_found(what: impl Into<String>) -> Self {
        AppError::NotFound { what: what.into() }
    }

    /// The HTTP status this error is sent with.
    pub fn status(&self) -> http::StatusCode {
        use http::StatusCode as S;
        match self {
            AppError::Unauthenticated => S::UNAUTHORIZED,
            AppError::Forbidden { .. }
            | AppError::PasswordChangeRequired
            | AppError::SecondFactorRequired => S::FORBIDDEN,
            AppError::NotFound { .. } => S::NOT_FOUND,
            AppError::Conflict { .. } => S::CONFLICT,
            AppError::Validation(_) => S::UNPROCESSABLE_ENTITY,
            AppError::TooManyRequests => S::TOO_MANY_REQUESTS,
            AppError::Internal | AppError::Transport(_) => S::INTERNAL_SERVER_ERROR,
        }
    }

    /// The messages for one form field, if any.
    pub fn field(&self, name: &str) -> Option<String> {
        match self {
            AppError::Validation(map) => map.get(name).map(|m| {
                m.iter()
                    .map(|m| crate::i18n::message(m))
                    .collect::<Vec<_>>()
                    .join(" ")
            }),
            AppError::Conflict { field, message } if field == name => {
                Some(crate::i18n::message(message))
            }
            _ => None,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::Transport(value.to_string())
    }

    /// Serializes the error and, on the server, sets the response status so
    /// that a hand-made request sees 401/403/404/… rather than a blanket 500.
    fn ser(&self) -> leptos::server_fn::Bytes {
        #[cfg(feature = "ssr")]
        if let Some(res) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
            res.set_status(self.status());
        }
        let text =
            serde_json::to_string(self).unwrap_or_else(|_| r#"{"kind":"internal"}"#.to_string());
        leptos::server_fn::Bytes::from(text)
    }
}

impl From<ServerFnErrorErr> for AppError {
    fn from(value: ServerFnErrorErr) -> Self {
        AppError::Transport(value.to_string())
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(err: sqlx::Error) -> Self {
        match err {
            sqlx::Error::RowNotFound => AppError::not_found("The record"),
            sqlx::Error::Database(db) if db.kind() == sqlx::error::ErrorKind::UniqueViolation => {
                unique_violation(db.constraint(), db.message())
            }
            // PostgreSQL refuses a NUL character in text (SQLSTATE 22021,
            // "invalid byte sequence"): bad input, not a server fault.
            sqlx::Error::Database(db) if db.code().as_deref() == Some("22021") => {
                AppError::invalid("text", "Text can't contain the NUL character.")
            }
            other => {
                tracing::error!(error = %other, "database error");
                AppError::Internal
            }
        }
    }
}

/// Each unique index, as PostgreSQL names it and as SQLite's message names
/// its last column, with the field and sentence a user sees (409). The
/// index answers "already exists" (two parallel creations can't both pass a
/// check made before the insert), in the spirit of realworld's
/// `on_constraint`.
#[cfg(feature = "ssr")]
const UNIQUE_INDEXES: &[(&str, &str, &str, &str)] = &[
    (
        "app_user_email",
        "app_user.email_lower",
        "email",
        "A user with this email address already exists in your organization.",
    ),
    (
        "customer_domain",
        "customer.domain",
        "domain",
        "Another customer already uses this domain.",
    ),
    (
        "subscription_product",
        "subscription.product",
        "product",
        "This customer already has a subscription for this product; change its seats instead.",
    ),
    (
        "invoice_month",
        "invoice.month",
        "month",
        "This month's invoice has been issued already.",
    ),
    (
        "customer_user_name",
        "customer_user.user_name_lower",
        "alias",
        "This user name already exists for this customer.",
    ),
    (
        "device_profile_name",
        "device_profile.name_lower",
        "name",
        "A device profile with this name already exists.",
    ),
    (
        "device_serial",
        "device.serial_lower",
        "file",
        "A device of this list is already registered for this customer.",
    ),
];

/// The conflict a unique violation means, by index (PostgreSQL) or by the
/// columns in the message (SQLite).
#[cfg(feature = "ssr")]
fn unique_violation(constraint: Option<&str>, message: &str) -> AppError {
    let known = UNIQUE_INDEXES
        .iter()
        .find(|(index, column, _, _)| constraint == Some(*index) || message.contains(column));
    match known {
        Some((_, _, field, text)) => AppError::Conflict {
            field: (*field).into(),
            message: (*text).into(),
        },
        None => {
            tracing::warn!(?constraint, message, "unmapped unique violation");
            AppError::Conflict {
                field: String::new(),
                message: "This already exists.".into(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_match_the_contract() {
        assert_eq!(AppError::Unauthenticated.status().as_u16(), 401);
        assert_eq!(
            AppError::Forbidden { action: "x".into() }.status().as_u16(),
            403
        );
        assert_eq!(AppError::not_found("User").status().as_u16(), 404);
        assert_eq!(AppError::invalid("email", "bad").status().as_u16(), 422);
    }

    #[test]
    fn validation_names_the_field() {
        let e = AppError::invalid("email", "Enter a valid email address.");
        assert_eq!(e.to_string(), "email: Enter a valid email address.");
        assert_eq!(
            e.field("email").as_deref(),
            Some("Enter a valid email address.")
        );
        assert_eq!(e.field("name"), None);
    }

    #[test]
    fn round_trips_as_json() {
        let e = AppError::Conflict {
            field: "email".into(),
            message: "Taken.".into(),
        };
        let json = serde_json::to_string(&e).unwrap();
        assert_eq!(serde_json::from_str::<AppError>(&json).unwrap(), e);
    }
}
