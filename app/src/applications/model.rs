use crate::access::Access;
use crate::error::FieldErrors;
use serde::{Deserialize, Serialize};

/// Days a new secret lasts unless the caller says otherwise.
pub const DEFAULT_SECRET_DAYS: u32 = 180;
/// The longest a secret may last: two years.
pub const MAX_SECRET_DAYS: u32 = 730;

/// An application as lists and its page show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Application {
    pub app_id: String,
    pub name: String,
    /// Its roles and custom permissions.
    pub access: Access,
    /// Secrets neither revoked nor expired.
    pub active_secrets: i64,
    /// When any of its secrets was last used (milliseconds since the epoch).
    pub last_used_at: Option<i64>,
    pub created_at: i64,
    pub created_by_name: String,
    /// May sync the organization's directory over SCIM (`/scim/v2`).
    pub directory_sync: bool,
    /// Row version for optimistic concurrency: send it back with a change.
    pub version: i64,
    pub actions: ApplicationActions,
}

/// What the caller may do to an application, computed by the policy the
/// server enforces.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ApplicationActions {
    /// Rename it.
    pub can_rename: bool,
    /// Change its roles and custom permissions (the caller must be able to
    /// grant every change, and no application changes its own).
    pub can_change_access: bool,
    /// Add and revoke secrets.
    pub can_manage_secrets: bool,
    /// Delete it (the caller must be able to take all it has).
    pub can_delete: bool,
}

/// An application with its secrets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ApplicationDetail {
    pub application: Application,
    pub secrets: Vec<SecretInfo>,
}

/// One secret, without its value (which is never stored).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SecretInfo {
    pub secret_id: String,
    pub description: String,
    /// The first characters of the secret, to tell secrets apart.
    pub hint: String,
    pub created_at: i64,
    pub expires_at: i64,
    pub last_used_at: Option<i64>,
    pub revoked_at: Option<i64>,
}

impl SecretInfo {
    /// "Active", "Expired" or "Revoked", at `now` (milliseconds).
    pub fn status(&self, now: i64) -> &'static str {
        if self.revoked_at.is_some() {
            "Revoked"
        } else if now >= self.expires_at {
            "Expired"
        } else {
            "Active"
        }
    }

    /// [`SecretInfo::status`] in the reader's language.
    pub fn status_name(&self, now: i64) -> String {
        match self.status(now) {
            "Revoked" => crate::tr!("applications-secret-revoked"),
            "Expired" => crate::tr!("applications-secret-expired"),
            _ => crate::tr!("applications-secret-active"),
        }
    }
}

/// A new application.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewApplication {
    pub name: String,
    #[serde(default)]
    pub access: Access,
    /// May sync the organization's directory over SCIM (`/scim/v2`).
    #[serde(default)]
    pub directory_sync: bool,
}

/// A new secret: what it is for and how many days it lasts (default 180,
/// at most 730).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewSecret {
    pub description: String,
    #[serde(default)]
    pub expires_in_days: Option<u32>,
}

/// A secret just made: its value is in this answer and nowhere else.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CreatedSecret {
    pub secret_id: String,
    /// Send as `Authorization: Bearer <secret>`. Shown once.
    pub secret: String,
    pub expires_at: i64,
}

/// A new application with its first secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CreatedApplication {
    pub app_id: String,
    pub name: String,
    pub secret: CreatedSecret,
}

/// Checks an application's name; the same message in the form and the server.
pub fn check_application_name(name: &str) -> FieldErrors {
    let mut errors = FieldErrors::new();
    let n = name.trim();
    if n.is_empty() {
        errors.insert("name".into(), vec![crate::msg!("applications-enter-name")]);
    } else if n.chars().count() > 100 {
        errors.insert(
            "name".into(),
            vec![crate::msg!("applications-name-too-long")],
        );
    }
    errors
}

/// Checks a new secret's description and lifetime.
pub fn check_new_secret(secret: &NewSecret) -> FieldErrors {
    let mut errors = FieldErrors::new();
    let d = secret.description.trim();
    if d.is_empty() {
        errors.insert(
            "description".into(),
            vec![crate::msg!("applications-describe-secret")],
        );
    } else if d.chars().count() > 200 {
        errors.insert(
            "description".into(),
            vec![crate::msg!("applications-secret-description-too-long")],
        );
    }
    if let Some(days) = secret.expires_in_days {
        if !(1..=MAX_SECRET_DAYS).contains(&days) {
            errors.insert(
                "expires_in_days".into(),
                vec![crate::msg!(
                    "applications-secret-days-range",
                    max = MAX_SECRET_DAYS
                )],
            );
        }
    }
    errors
}

crate::versioned!(Application);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_lifetime_is_bounded_by_two_years() {
        let s = |days| NewSecret {
            description: "sync".into(),
            expires_in_days: days,
        };
        assert!(check_new_secret(&s(None)).is_empty());
        assert!(check_new_secret(&s(Some(730))).is_empty());
        assert!(check_new_secret(&s(Some(731))).contains_key("expires_in_days"));
        assert!(check_new_secret(&s(Some(0))).contains_key("expires_in_days"));
        let blank = NewSecret::default();
        assert!(check_new_secret(&blank).contains_key("description"));
    }

    #[test]
    fn status_reads_revocation_then_expiry() {
        let mut s = SecretInfo {
            secret_id: "s".into(),
            description: "d".into(),
            hint: "pcs_ab".into(),
            created_at: 0,
            expires_at: 100,
            last_used_at: None,
            revoked_at: None,
        };
        assert_eq!(s.status(99), "Active");
        assert_eq!(s.status(100), "Expired");
        s.revoked_at = Some(5);
        assert_eq!(s.status(0), "Revoked");
    }
}
