use crate::access::Role;
use serde::{Deserialize, Serialize};

/// Where a request stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum RequestStatus {
    Pending,
    Approved,
    Declined,
}

impl RequestStatus {
    /// Every status.
    pub const ALL: [RequestStatus; 3] = [
        RequestStatus::Pending,
        RequestStatus::Approved,
        RequestStatus::Declined,
    ];

    /// The stored name.
    pub const fn key(self) -> &'static str {
        match self {
            RequestStatus::Pending => "pending",
            RequestStatus::Approved => "approved",
            RequestStatus::Declined => "declined",
        }
    }

    /// The name people read.
    pub const fn label(self) -> &'static str {
        match self {
            RequestStatus::Pending => "Waiting for an answer",
            RequestStatus::Approved => "Approved",
            RequestStatus::Declined => "Declined",
        }
    }

    /// The name people read, in their language.
    pub fn name(self) -> String {
        match self {
            RequestStatus::Pending => crate::tr!("role-requests-status-pending"),
            RequestStatus::Approved => crate::tr!("role-requests-status-approved"),
            RequestStatus::Declined => crate::tr!("role-requests-status-declined"),
        }
    }

    /// Parses a stored name.
    pub fn from_key(key: &str) -> Option<RequestStatus> {
        RequestStatus::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// One request for a role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RoleRequest {
    pub request_id: String,
    pub user_id: String,
    pub user_name: String,
    pub user_email: String,
    pub role: Role,
    pub reason: String,
    pub status: RequestStatus,
    pub created_at: i64,
    pub decided_at: Option<i64>,
    pub decided_by_name: Option<String>,
    pub comment: Option<String>,
}

/// Longest reason or comment, in characters.
pub const MAX_TEXT: usize = 500;

/// Why a reason (or comment, `required` = false) is not acceptable, if it
/// isn't (a message, see [`crate::msg!`]).
pub fn text_problem(text: &str, required: bool) -> Option<String> {
    let t = text.trim();
    if required && t.is_empty() {
        Some(crate::msg!("role-requests-say-why"))
    } else if t.chars().count() > MAX_TEXT {
        Some(crate::msg!("role-requests-text-too-long", max = MAX_TEXT))
    } else {
        None
    }
}
