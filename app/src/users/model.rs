use crate::access::{Access, Permissions, Role, RoleSet, UserActions};
use crate::error::FieldErrors;
use crate::groups::GroupRef;
use serde::{Deserialize, Serialize};

/// A partner user's status: removed users keep their record for audit but
/// can't sign in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum UserStatus {
    #[default]
    Active,
    Removed,
}

impl UserStatus {
    /// Both, in the order the filter offers them.
    pub const ALL: [UserStatus; 2] = [UserStatus::Active, UserStatus::Removed];

    /// The stored and wire name.
    pub const fn key(self) -> &'static str {
        match self {
            UserStatus::Active => "active",
            UserStatus::Removed => "removed",
        }
    }

    /// What the UI shows.
    pub const fn label(self) -> &'static str {
        match self {
            UserStatus::Active => "Active",
            UserStatus::Removed => "Removed",
        }
    }

    /// What the UI shows, in the reader's language.
    pub fn name(self) -> String {
        match self {
            UserStatus::Active => crate::tr!("users-status-active"),
            UserStatus::Removed => crate::tr!("users-status-removed"),
        }
    }

    /// Parses a stored or wire name.
    pub fn from_key(key: &str) -> Option<UserStatus> {
        UserStatus::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// A partner user as lists and detail pages show it, with the caller's
/// allowed actions on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PartnerUser {
    pub user_id: String,
    pub display_name: String,
    pub email: String,
    pub status: UserStatus,
    pub roles: RoleSet,
    /// The user's own custom permissions.
    #[serde(default)]
    pub permissions: Permissions,
    /// The groups the user belongs to.
    #[serde(default)]
    pub groups: Vec<GroupRef>,
    pub partner_id: Option<String>,
    pub created_at: i64,
    pub last_sign_in_at: Option<i64>,
    /// Two-step verification is on.
    #[serde(default)]
    pub second_factor: bool,
    /// Row version for optimistic concurrency: send it back with a change.
    pub version: i64,
    pub actions: UserActions,
}

/// Search, filters, sort and page of the user list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct UserQuery {
    /// Part of the name or email.
    #[serde(default)]
    pub search: String,
    /// A role key (`global-admin`, …), or empty for all.
    #[serde(default)]
    pub role: String,
    /// A group id, or empty for all.
    #[serde(default)]
    pub group: String,
    /// A partner ID, or empty for all.
    #[serde(default)]
    pub partner_id: String,
    /// "active" (default), "removed" or "all".
    #[serde(default)]
    pub status: String,
    /// "name" (default), "email", "created", "last-sign-in".
    #[serde(default)]
    pub sort: String,
    #[serde(default)]
    pub page: u32,
}

/// One page of users.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct UserPage {
    pub users: Vec<PartnerUser>,
    pub total: i64,
    pub page: u32,
    pub page_size: u32,
}

/// Users per page.
pub const USER_PAGE_SIZE: u32 = 25;

/// The form of "Add user".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewUser {
    pub display_name: String,
    pub email: String,
    pub roles: RoleSet,
    #[serde(default)]
    pub partner_id: String,
    /// Groups to add the user to.
    #[serde(default)]
    pub groups: Vec<String>,
}

/// The editable details of a user.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct UserDetails {
    pub display_name: String,
    pub email: String,
    #[serde(default)]
    pub partner_id: String,
}

/// A user just created, with the temporary password shown once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CreatedUser {
    pub user: PartnerUser,
    pub temporary_password: String,
}

impl PartnerUser {
    /// The user's own roles and custom permissions.
    pub fn access(&self) -> Access {
        Access {
            roles: self.roles,
            permissions: self.permissions.clone(),
        }
    }
}

/// Many users at once, by id or as every user matching a filter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum BulkTarget {
    Ids(Vec<String>),
    Matching(UserQuery),
}

/// What a bulk action does to each user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum BulkAction {
    AssignRole(Role),
    RemoveRole(Role),
    AddToGroup(String),
    RemoveFromGroup(String),
    Remove,
}

impl BulkAction {
    /// What it does, for the confirmation ("Assign Admin agent to 3 users").
    pub fn describe(&self, count: usize, group_name: &str) -> String {
        let users = if count == 1 {
            "1 user".to_string()
        } else {
            format!("{count} users")
        };
        match self {
            BulkAction::AssignRole(r) => format!("Assign {} to {users}", r.label()),
            BulkAction::RemoveRole(r) => format!("Take {} from {users}", r.label()),
            BulkAction::AddToGroup(_) => format!("Add {users} to {group_name}"),
            BulkAction::RemoveFromGroup(_) => format!("Remove {users} from {group_name}"),
            BulkAction::Remove => format!("Remove {users}: they lose access at once"),
        }
    }

    /// [`BulkAction::describe`] in the reader's language.
    pub fn name(&self, count: usize, group_name: &str) -> String {
        let n = i64::try_from(count).unwrap_or(i64::MAX);
        let users = crate::tr_n!("users-bulk-users", n);
        match self {
            BulkAction::AssignRole(r) => {
                crate::tr!("users-bulk-assign", role = r.name(), users = users)
            }
            BulkAction::RemoveRole(r) => {
                crate::tr!("users-bulk-take", role = r.name(), users = users)
            }
            BulkAction::AddToGroup(_) => {
                crate::tr!("users-bulk-add-to-group", users = users, group = group_name)
            }
            BulkAction::RemoveFromGroup(_) => {
                crate::tr!(
                    "users-bulk-remove-from-group",
                    users = users,
                    group = group_name
                )
            }
            BulkAction::Remove => crate::tr!("users-bulk-remove", users = users),
        }
    }
}

/// The result of a bulk action.
pub type BulkResult = crate::groups::MembershipResult;

/// Most users one bulk action touches.
pub const BULK_LIMIT: usize = 5_000;

/// Where one capability of a user comes from, for their page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ExplainedCapability {
    pub capability: crate::access::Capability,
    /// "Role: Admin agent", "Group Sales → Role: Sales agent", …
    pub sources: Vec<String>,
}

/// Someone to ask for a role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AdminContact {
    pub display_name: String,
    pub email: String,
    pub role: String,
}

/// Checks a name and email; the same messages in the form and the server.
pub fn check_details(display_name: &str, email: &str, partner_id: &str) -> FieldErrors {
    let mut errors = FieldErrors::new();
    let name = display_name.trim();
    if name.is_empty() {
        errors.insert(
            "display_name".into(),
            vec![crate::msg!("users-enter-full-name")],
        );
    } else if name.chars().count() > 200 {
        errors.insert(
            "display_name".into(),
            vec![crate::msg!("users-name-too-long")],
        );
    }
    if let Some(problem) = email_problem(email) {
        errors.insert("email".into(), vec![problem.into()]);
    }
    if partner_id.trim().chars().count() > 64 {
        errors.insert(
            "partner_id".into(),
            vec![crate::msg!("users-partner-id-too-long")],
        );
    }
    errors
}

/// Why an email address is not acceptable, if it isn't (a catalogue key).
pub fn email_problem(email: &str) -> Option<&'static str> {
    let email = email.trim();
    if email.is_empty() {
        return Some(crate::key!("users-enter-email"));
    }
    if email.len() > 254 {
        return Some(crate::key!("users-email-too-long"));
    }
    let Some((local, domain)) = email.split_once('@') else {
        return Some(crate::key!("users-email-invalid"));
    };
    let ok = !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == ',' || c == ';');
    if ok {
        None
    } else {
        Some(crate::key!("users-email-invalid"))
    }
}

crate::versioned!(PartnerUser);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn details_are_checked_per_field() {
        assert!(check_details("Ada", "ada@example.com", "").is_empty());
        let e = check_details(" ", "ada@example", "");
        assert!(e.contains_key("display_name"));
        assert!(e.contains_key("email"));
        assert!(email_problem("a b@example.com").is_some());
        assert!(email_problem("a@b@example.com").is_some());
    }
}
