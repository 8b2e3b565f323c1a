use super::{
    capabilities_of, Access, Capabilities, Capability, GroupGrant, Permissions, Role, RoleSet,
};
use serde::{Deserialize, Serialize};

/// Who is calling: loaded from the session and the database on every request,
/// so a role change applies to the very next call. Carries no secrets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Identity {
    pub user_id: String,
    pub org_id: String,
    pub org_name: String,
    pub display_name: String,
    pub email: String,
    pub roles: RoleSet,
    /// The identity's own custom permissions.
    #[serde(default)]
    pub permissions: Permissions,
    /// The groups the identity belongs to, with what each gives.
    #[serde(default)]
    pub groups: Vec<GroupGrant>,
    /// Effective capabilities: the union of own roles, own custom
    /// permissions and every group's.
    pub capabilities: Capabilities,
    /// A temporary password is in use: nothing but a password change is allowed.
    pub must_change_password: bool,
    /// Pending role requests this identity may decide (the navigation's
    /// count); filled by the identity call only.
    #[serde(default)]
    pub pending_role_requests: i64,
    /// An application calling the API with a secret, not a person.
    #[serde(default)]
    pub application: bool,
    /// An application allowed to sync a directory (`/scim/v2`).
    #[serde(default)]
    pub directory_sync: bool,
    /// The organization's users, groups and applications come from its
    /// directory: the console offers no "create" for them.
    #[serde(default)]
    pub directory_synced: bool,
    /// The organization requires a second factor and this person has none
    /// yet: nothing but setting one up (and the password change) is allowed.
    #[serde(default)]
    pub must_enrol_second_factor: bool,
}

/// What the caller may do to one partner user, computed by the same policy
/// the server enforces, so the UI never shows a button the server refuses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct UserActions {
    pub can_edit: bool,
    pub can_change_roles: bool,
    pub can_reset_password: bool,
    pub can_remove: bool,
}

impl Identity {
    /// Builds an identity, deriving capabilities from the roles.
    pub fn new(
        user_id: String,
        org_id: String,
        org_name: String,
        display_name: String,
        email: String,
        roles: RoleSet,
        must_change_password: bool,
    ) -> Identity {
        let capabilities = effective_capabilities(&roles);
        Identity {
            user_id,
            org_id,
            org_name,
            display_name,
            email,
            roles,
            permissions: Permissions::default(),
            groups: Vec::new(),
            capabilities,
            must_change_password,
            pending_role_requests: 0,
            application: false,
            directory_sync: false,
            directory_synced: false,
            must_enrol_second_factor: false,
        }
    }

    /// Adds custom permissions and groups, recomputing the capabilities.
    pub fn with_access(mut self, permissions: Permissions, groups: Vec<GroupGrant>) -> Identity {
        self.capabilities = groups.iter().map(|g| g.access.capabilities()).fold(
            effective_capabilities(&self.roles).union(permissions.capabilities()),
            Capabilities::union,
        );
        self.permissions = permissions;
        self.groups = groups;
        self
    }

    /// Marks the organization as synced from a directory (or not).
    pub fn in_directory_mode(mut self, synced: bool) -> Identity {
        self.directory_synced = synced;
        self
    }

    /// Marks a person who must set up a second factor before anything else.
    pub fn needing_second_factor(mut self, needed: bool) -> Identity {
        self.must_enrol_second_factor = needed;
        self
    }

    /// Whether the identity holds `role` itself or through a group.
    pub fn holds(&self, role: Role) -> bool {
        self.roles.has(role) || self.groups.iter().any(|g| g.access.has_role(role))
    }

    /// Every capability of every role this identity may grant: the most a
    /// custom permission it gives may carry (no escalation).
    pub fn grantable(&self) -> Capabilities {
        Role::ALL
            .into_iter()
            .filter(|r| self.may_grant(*r))
            .map(capabilities_of)
            .fold(Capabilities::NONE, Capabilities::union)
    }

    /// Checks that the identity may change `before` into `after`: every role
    /// given or taken is one it may grant, and every capability a changed
    /// custom permission gives or takes is one a grantable role carries.
    /// The error says what it may not do.
    pub fn may_change_access(&self, before: &Access, after: &Access) -> Result<(), String> {
        for role in after
            .roles
            .minus(&before.roles)
            .into_iter()
            .chain(before.roles.minus(&after.roles))
        {
            if !self.may_grant(role) {
                return Err(format!("give or take the {} role", role.label()));
            }
        }
        if before.permissions != after.permissions && !self.can(Capability::RolesAssign) {
            return Err(Capability::RolesAssign.label().to_string());
        }
        let grantable = self.grantable();
        for ws in super::Workspace::ALL {
            let (b, a) = (before.permissions.level(ws), after.permissions.level(ws));
            if b == a {
                continue;
            }
            let touched = b.capabilities(ws).union(a.capabilities(ws));
            if let Some(cap) = touched.minus(grantable).iter().next() {
                return Err(format!(
                    "change custom permissions on {} (they include \"{}\", which you can't grant)",
                    ws.label(),
                    cap.label()
                ));
            }
        }
        Ok(())
    }

    /// Whether the identity holds `cap`.
    pub fn can(&self, cap: Capability) -> bool {
        self.capabilities.has(cap)
    }

    /// Whether the identity holds any of `caps`.
    pub fn can_any(&self, caps: &[Capability]) -> bool {
        caps.iter().any(|c| self.can(*c))
    }

    /// Whether the identity may give or take `role` (SPEC §2: only Global
    /// admins touch Global admin).
    pub fn may_grant(&self, role: Role) -> bool {
        self.can(Capability::RolesAssign)
            && (role != Role::GlobalAdmin || self.can(Capability::GlobalAdminsManage))
    }

    /// Whether the identity may act on a user at all: only Global admins
    /// act on Global admins (by role or through a group).
    pub fn may_act_on(&self, target_is_global_admin: bool) -> bool {
        !target_is_global_admin || self.can(Capability::GlobalAdminsManage)
    }

    /// The actions on a partner user (`target_is_global_admin`: by role or
    /// through a group; `active` = not removed).
    pub fn actions_on(
        &self,
        target_id: &str,
        target_is_global_admin: bool,
        active: bool,
    ) -> UserActions {
        let other = target_id != self.user_id;
        let base = active && self.may_act_on(target_is_global_admin);
        UserActions {
            can_edit: base && self.can(Capability::UsersEdit),
            can_change_roles: base && other && self.can(Capability::RolesAssign),
            can_reset_password: base && other && self.can(Capability::UsersResetPassword),
            can_remove: base && other && self.can(Capability::UsersRemove),
        }
    }
}

/// The union of the capabilities of every role in the set.
pub fn effective_capabilities(roles: &RoleSet) -> Capabilities {
    roles
        .roles()
        .map(capabilities_of)
        .fold(Capabilities::NONE, Capabilities::union)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn who(roles: RoleSet) -> Identity {
        Identity::new(
            "me".into(),
            "o".into(),
            "Org".into(),
            "Me".into(),
            "me@x".into(),
            roles,
            false,
        )
    }

    fn admin(role: Role) -> RoleSet {
        RoleSet {
            admin: Some(role),
            ..RoleSet::default()
        }
    }

    #[test]
    fn union_of_roles() {
        let me = who(RoleSet {
            agent: Some(Role::HelpdeskAgent),
            admin: Some(Role::BillingAdmin),
            incentives: Some(Role::IncentivesUser),
        });
        assert!(me.can(Capability::CustomerUsersManage));
        assert!(me.can(Capability::Billing));
        assert!(me.can(Capability::IncentivesReportsView));
        assert!(!me.can(Capability::UsersView));
    }

    #[test]
    fn no_role_can_do_nothing() {
        let me = who(RoleSet::default());
        assert!(Capability::ALL.iter().all(|c| !me.can(*c)));
    }

    #[test]
    fn user_management_admin_cannot_touch_global_admins() {
        let uma = who(admin(Role::UserManagementAdmin));
        assert!(!uma.may_grant(Role::GlobalAdmin));
        assert!(uma.may_grant(Role::BillingAdmin));
        let on_ga = uma.actions_on("other", true, true);
        assert_eq!(on_ga, UserActions::default());
        let on_agent = uma.actions_on("other", false, true);
        assert!(on_agent.can_edit && on_agent.can_reset_password && on_agent.can_remove);
    }

    #[test]
    fn nobody_changes_their_own_roles_or_removes_themselves() {
        let ga = who(admin(Role::GlobalAdmin));
        let me = ga.actions_on("me", true, true);
        assert!(me.can_edit);
        assert!(!me.can_change_roles && !me.can_remove && !me.can_reset_password);
    }

    #[test]
    fn groups_and_custom_permissions_add_up() {
        use crate::access::{Level, Workspace};
        let mut custom = Permissions::default();
        custom.set(Workspace::Billing, Level::Read);
        let group = GroupGrant {
            group_id: "g".into(),
            name: "Sales".into(),
            access: Access {
                roles: RoleSet {
                    agent: Some(Role::SalesAgent),
                    ..RoleSet::default()
                },
                permissions: Permissions::default(),
            },
        };
        let me = who(RoleSet::default()).with_access(custom, vec![group]);
        assert!(me.can(Capability::LeadsManage));
        assert!(me.can(Capability::CustomerInvoicesView));
        assert!(!me.can(Capability::Billing));
        assert!(me.holds(Role::SalesAgent) && !me.holds(Role::AdminAgent));
    }

    #[test]
    fn custom_permissions_cannot_escalate() {
        use crate::access::{Level, Workspace};
        let uma = who(admin(Role::UserManagementAdmin));
        let none = Access::default();
        let mut after = Access::default();
        after
            .permissions
            .set(Workspace::Customers, Level::ReadWrite);
        assert!(uma.may_change_access(&none, &after).is_ok());
        // Account settings include the organization's activity log, which
        // only a Global admin holds: a User management admin can't give it.
        let mut settings = Access::default();
        settings
            .permissions
            .set(Workspace::AccountSettings, Level::Read);
        let why = uma.may_change_access(&none, &settings).unwrap_err();
        assert!(why.contains("Account settings"), "{why}");
        let ga = who(admin(Role::GlobalAdmin));
        assert!(ga.may_change_access(&none, &settings).is_ok());
        let nobody = who(RoleSet::default());
        assert!(nobody.may_change_access(&none, &after).is_err());
    }

    #[test]
    fn removed_users_offer_no_actions() {
        let ga = who(admin(Role::GlobalAdmin));
        assert_eq!(ga.actions_on("x", false, false), UserActions::default());
    }
}
