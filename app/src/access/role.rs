use serde::{Deserialize, Serialize};

/// Which of the three independent selections a role belongs to (seed 000:
/// "for each user, you must select two permission levels", plus incentives).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum RoleKind {
    Agent,
    Admin,
    Incentives,
}

/// The nine fixed roles of the console (SPEC §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    AdminAgent,
    SalesAgent,
    HelpdeskAgent,
    GlobalAdmin,
    BillingAdmin,
    UserManagementAdmin,
    AccountAdmin,
    IncentivesAdmin,
    IncentivesUser,
}

impl Role {
    /// Every role, in the order of seed 000's table.
    pub const ALL: [Role; 9] = [
        Role::AdminAgent,
        Role::SalesAgent,
        Role::HelpdeskAgent,
        Role::GlobalAdmin,
        Role::BillingAdmin,
        Role::UserManagementAdmin,
        Role::AccountAdmin,
        Role::IncentivesAdmin,
        Role::IncentivesUser,
    ];

    /// The selection this role belongs to.
    pub const fn kind(self) -> RoleKind {
        match self {
            Role::AdminAgent | Role::SalesAgent | Role::HelpdeskAgent => RoleKind::Agent,
            Role::GlobalAdmin
            | Role::BillingAdmin
            | Role::UserManagementAdmin
            | Role::AccountAdmin => RoleKind::Admin,
            Role::IncentivesAdmin | Role::IncentivesUser => RoleKind::Incentives,
        }
    }

    /// The name people read.
    pub const fn label(self) -> &'static str {
        match self {
            Role::AdminAgent => "Admin agent",
            Role::SalesAgent => "Sales agent",
            Role::HelpdeskAgent => "Helpdesk agent",
            Role::GlobalAdmin => "Global admin",
            Role::BillingAdmin => "Billing admin",
            Role::UserManagementAdmin => "User management admin",
            Role::AccountAdmin => "Account admin",
            Role::IncentivesAdmin => "Incentives admin",
            Role::IncentivesUser => "Incentives user",
        }
    }

    /// The name the reader reads, in their language (seed 000's names).
    pub fn name(self) -> String {
        crate::i18n::text(&format!("role-{}", self.key()))
    }

    /// The stable storage/wire name (`global-admin`, …).
    pub const fn key(self) -> &'static str {
        match self {
            Role::AdminAgent => "admin-agent",
            Role::SalesAgent => "sales-agent",
            Role::HelpdeskAgent => "helpdesk-agent",
            Role::GlobalAdmin => "global-admin",
            Role::BillingAdmin => "billing-admin",
            Role::UserManagementAdmin => "user-management-admin",
            Role::AccountAdmin => "account-admin",
            Role::IncentivesAdmin => "incentives-admin",
            Role::IncentivesUser => "incentives-user",
        }
    }

    /// Parses a storage/wire name; unknown names give `None` (and so grant nothing).
    pub fn from_key(key: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.key() == key)
    }

    /// The roles of one selection.
    pub fn of_kind(kind: RoleKind) -> impl Iterator<Item = Role> {
        Role::ALL.into_iter().filter(move |r| r.kind() == kind)
    }
}

/// A user's role selections: at most one agent role, one admin role ("No
/// admin" is `None`, the default) and one incentives role.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RoleSet {
    pub agent: Option<Role>,
    pub admin: Option<Role>,
    pub incentives: Option<Role>,
}

impl RoleSet {
    /// The roles that are set.
    pub fn roles(&self) -> impl Iterator<Item = Role> {
        [self.agent, self.admin, self.incentives]
            .into_iter()
            .flatten()
    }

    /// Whether the set holds `role`.
    pub fn has(&self, role: Role) -> bool {
        self.roles().any(|r| r == role)
    }

    /// Checks that each selection holds a role of its own kind.
    pub fn check(&self) -> Result<(), (&'static str, String)> {
        for (field, slot, kind) in [
            ("agent_role", self.agent, RoleKind::Agent),
            ("admin_role", self.admin, RoleKind::Admin),
            ("incentives_role", self.incentives, RoleKind::Incentives),
        ] {
            if let Some(role) = slot {
                if role.kind() != kind {
                    return Err((field, format!("{} can't be chosen here.", role.label())));
                }
            }
        }
        Ok(())
    }

    /// The set of roles named by their keys, each in its kind's slot (the
    /// command line's `--role`); an unknown key or two of a kind is an error.
    pub fn from_keys(keys: &[String]) -> Result<RoleSet, String> {
        let mut set = RoleSet::default();
        for key in keys {
            let role = Role::from_key(key).ok_or_else(|| {
                let known: Vec<&str> = Role::ALL.iter().map(|r| r.key()).collect();
                format!("unknown role {key:?}; use one of {}", known.join(", "))
            })?;
            let slot = match role.kind() {
                RoleKind::Agent => &mut set.agent,
                RoleKind::Admin => &mut set.admin,
                RoleKind::Incentives => &mut set.incentives,
            };
            if let Some(other) = slot.replace(role) {
                return Err(format!(
                    "{} and {} are of the same kind; choose one",
                    other.key(),
                    role.key()
                ));
            }
        }
        Ok(set)
    }

    /// Roles in `self` but not in `other`.
    pub fn minus(&self, other: &RoleSet) -> Vec<Role> {
        self.roles().filter(|r| !other.has(*r)).collect()
    }

    /// "Global admin, Admin agent", or "No role".
    pub fn describe(&self) -> String {
        let names: Vec<&str> = [self.admin, self.agent, self.incentives]
            .into_iter()
            .flatten()
            .map(Role::label)
            .collect();
        if names.is_empty() {
            "No role".into()
        } else {
            names.join(", ")
        }
    }
}
