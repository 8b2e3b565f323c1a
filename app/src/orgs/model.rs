use crate::error::FieldErrors;
use serde::{Deserialize, Serialize};

/// The organization profile (seed 004): name, partner IDs per location,
/// directory mode.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct OrgProfile {
    pub name: String,
    /// `cloud` (users are created here) or `synced` (they come from the directory).
    pub directory_mode: String,
    /// Row version for optimistic concurrency: send it back with a change.
    pub version: i64,
    pub locations: Vec<PartnerLocation>,
    /// How people of the organization sign in.
    pub sign_in_policy: SignInPolicy,
    /// Whether the caller may change the profile (`OrgProfileManage`).
    pub can_manage: bool,
}

/// How the organization's people sign in (SPEC §6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SignInPolicy {
    /// Everyone must use two-step verification (people without it set it up
    /// right after signing in).
    pub require_second_factor: bool,
    /// Days a new temporary password works (1–90).
    pub temp_password_days: i64,
}

/// One location's partner ID.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PartnerLocation {
    pub partner_id: String,
    pub location: String,
    pub country: String,
    /// Active users associated with this partner ID.
    pub users: i64,
}

/// The form of a location.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct LocationInput {
    pub partner_id: String,
    pub location: String,
    pub country: String,
}

/// Checks a location; the same messages in the form and the server.
pub fn check_location(input: &LocationInput) -> FieldErrors {
    let mut errors = FieldErrors::new();
    let id = input.partner_id.trim();
    if id.is_empty() {
        errors.insert(
            "partner_id".into(),
            vec![crate::msg!("orgs-enter-partner-id")],
        );
    } else if id.len() > 20 || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        errors.insert(
            "partner_id".into(),
            vec![crate::msg!("orgs-partner-id-invalid")],
        );
    }
    for (field, value, missing) in [
        (
            "location",
            &input.location,
            crate::key!("orgs-enter-location"),
        ),
        ("country", &input.country, crate::key!("orgs-enter-country")),
    ] {
        let v = value.trim();
        if v.is_empty() {
            errors.insert(field.into(), vec![missing.to_string()]);
        } else if v.chars().count() > 100 {
            errors.insert(field.into(), vec![crate::msg!("orgs-text-too-long")]);
        }
    }
    errors
}

crate::versioned!(OrgProfile);
