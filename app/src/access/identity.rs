use super::{capabilities_of, Capabilities, Capability, Role, RoleSet};
use serde::{Deserialize, Serialize};

/// Who is calling: loaded from the session and the database on every request,
/// so a role change applies to the very next call. Carries no secrets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identity {
    pub user_id: String,
    pub org_id: String,
    pub org_name: String,
    pub display_name: String,
    pub email: String,
    pub roles: RoleSet,
    /// Effective capabilities: the union over `roles` (and, later, groups
    /// and custom permissions).
    pub capabilities: Capabilities,
    /// A temporary password is in use: nothing but a password change is allowed.
    pub must_change_password: bool,
}

/// What the caller may do to one partner user, computed by the same policy
/// the server enforces, so the UI never shows a button the server refuses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
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
            capabilities,
            must_change_password,
        }
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

    /// Whether the identity may act on a user holding `target_roles` at all:
    /// only Global admins act on Global admins.
    fn may_act_on(&self, target_roles: &RoleSet) -> bool {
        !target_roles.has(Role::GlobalAdmin) || self.can(Capability::GlobalAdminsManage)
    }

    /// The actions on a partner user (`active` = not removed).
    pub fn actions_on(&self, target_id: &str, target_roles: &RoleSet, active: bool) -> UserActions {
        let other = target_id != self.user_id;
        let base = active && self.may_act_on(target_roles);
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
        let on_ga = uma.actions_on("other", &admin(Role::GlobalAdmin), true);
        assert_eq!(on_ga, UserActions::default());
        let on_agent = uma.actions_on("other", &RoleSet::default(), true);
        assert!(on_agent.can_edit && on_agent.can_reset_password && on_agent.can_remove);
    }

    #[test]
    fn nobody_changes_their_own_roles_or_removes_themselves() {
        let ga = who(admin(Role::GlobalAdmin));
        let me = ga.actions_on("me", &admin(Role::GlobalAdmin), true);
        assert!(me.can_edit);
        assert!(!me.can_change_roles && !me.can_remove && !me.can_reset_password);
    }

    #[test]
    fn removed_users_offer_no_actions() {
        let ga = who(admin(Role::GlobalAdmin));
        assert_eq!(
            ga.actions_on("x", &RoleSet::default(), false),
            UserActions::default()
        );
    }
}
