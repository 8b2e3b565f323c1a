use crate::access::Access;
use crate::error::FieldErrors;
use serde::{Deserialize, Serialize};

/// A group as lists and its page show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Group {
    pub group_id: String,
    pub name: String,
    /// The roles and custom permissions every member gets.
    pub access: Access,
    pub member_count: i64,
    /// Row version for optimistic concurrency: send it back with a change.
    pub version: i64,
    pub actions: GroupActions,
}

/// What the caller may do to a group, computed by the policy the server
/// enforces.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct GroupActions {
    /// Rename it.
    pub can_rename: bool,
    /// Add and remove members: each gives or takes the group's access, so
    /// the caller must be able to grant all of it.
    pub can_change_members: bool,
    /// Change its roles and permissions, or delete it: as for members, and
    /// the caller must not be a member (nobody changes their own access).
    pub can_change_access: bool,
}

/// A group with its members.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct GroupDetail {
    pub group: Group,
    pub members: Vec<GroupMember>,
    /// Why `can_change_access` or `can_change_members` is false, when it is.
    pub locked_reason: Option<String>,
}

/// One member of a group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct GroupMember {
    pub user_id: String,
    pub display_name: String,
    pub email: String,
}

/// A group's id and name (a user's groups, pickers).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct GroupRef {
    pub group_id: String,
    pub name: String,
}

/// The result of adding or removing members: who changed, who was skipped and why.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MembershipResult {
    pub changed: Vec<String>,
    pub skipped: Vec<Skipped>,
}

impl MembershipResult {
    /// The skip reasons as text instead of catalogue keys (for the REST
    /// API, which answers in English).
    pub fn rendered(mut self) -> Self {
        for s in &mut self.skipped {
            s.reason = crate::i18n::message(&s.reason);
        }
        self
    }
}

/// A user a change left alone, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Skipped {
    pub name: String,
    pub reason: String,
}

/// Checks a group name; the same message in the form and the server.
pub fn check_group_name(name: &str) -> FieldErrors {
    let mut errors = FieldErrors::new();
    let n = name.trim();
    if n.is_empty() {
        errors.insert("name".into(), vec![crate::msg!("groups-enter-name")]);
    } else if n.chars().count() > 100 {
        errors.insert("name".into(), vec![crate::msg!("groups-name-too-long")]);
    }
    errors
}

crate::versioned!(Group);
