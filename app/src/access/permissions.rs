//! Custom permissions (seed 003: "a role or set of custom permissions"): a
//! level per workspace, mapped to capabilities by the same table as roles,
//! and the bundle of roles + permissions a user or group is given.

use super::{capabilities_of, Capabilities, Capability, Role, RoleSet, Workspace};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How much of one workspace a custom permission gives.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    #[default]
    None,
    Read,
    ReadWrite,
}

impl Level {
    /// Every level, in the order a picker offers them.
    pub const ALL: [Level; 3] = [Level::None, Level::Read, Level::ReadWrite];

    /// The stored and wire name.
    pub const fn key(self) -> &'static str {
        match self {
            Level::None => "none",
            Level::Read => "read",
            Level::ReadWrite => "read-write",
        }
    }

    /// The name people read.
    pub const fn label(self) -> &'static str {
        match self {
            Level::None => "No access",
            Level::Read => "Read",
            Level::ReadWrite => "Read and write",
        }
    }

    /// The name the reader reads, in their language.
    pub fn name(self) -> String {
        crate::i18n::text(&format!("level-{}", self.key()))
    }

    /// Parses a stored or wire name.
    pub fn from_key(key: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.key() == key)
    }

    /// The capabilities this level gives in `workspace`: the reading ones
    /// for `Read`, every one but the role-only ones for `ReadWrite`.
    pub fn capabilities(self, workspace: Workspace) -> Capabilities {
        let caps: Vec<Capability> = Capability::ALL
            .iter()
            .copied()
            .filter(|c| c.workspace() == workspace && !c.role_only())
            .filter(|c| match self {
                Level::None => false,
                Level::Read => c.reads_only(),
                Level::ReadWrite => true,
            })
            .collect();
        Capabilities::of(&caps)
    }

    /// The levels worth offering for `workspace` (no "Read" where nothing reads).
    pub fn offered(workspace: Workspace) -> Vec<Level> {
        Level::ALL
            .into_iter()
            .filter(|l| *l != Level::Read || !l.capabilities(workspace).is_empty())
            .collect()
    }
}

impl Capability {
    /// Capabilities that only read: what a custom "Read" level gives.
    pub const fn reads_only(self) -> bool {
        matches!(
            self,
            Capability::UsersView
                | Capability::PartnerProfilesView
                | Capability::ActivityViewAll
                | Capability::AgreementsView
                | Capability::CustomersView
                | Capability::CustomersViewAgreement
                | Capability::SubscriptionsView
                | Capability::CustomerInvoicesView
                | Capability::PricingView
                | Capability::ServiceHealthView
                | Capability::TicketsView
                | Capability::IncentivesEnrolmentsView
                | Capability::IncentivesReportsView
                | Capability::IncentivesReportsViewAll
        )
    }

    /// Capabilities only a role gives, never a custom permission: acting on
    /// Global admins stays with Global admins (who are counted and listed).
    pub const fn role_only(self) -> bool {
        matches!(self, Capability::GlobalAdminsManage)
    }
}

/// Custom permissions: a level per workspace (absent = no access).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Permissions(pub BTreeMap<Workspace, Level>);

impl Permissions {
    /// The level for `workspace`.
    pub fn level(&self, workspace: Workspace) -> Level {
        self.0.get(&workspace).copied().unwrap_or_default()
    }

    /// Sets the level for `workspace` (`None` removes it).
    pub fn set(&mut self, workspace: Workspace, level: Level) {
        if level == Level::None {
            self.0.remove(&workspace);
        } else {
            self.0.insert(workspace, level);
        }
    }

    /// Whether no workspace has a level.
    pub fn is_empty(&self) -> bool {
        self.0.values().all(|l| *l == Level::None)
    }

    /// The workspaces with a level, in navigation order.
    pub fn grants(&self) -> impl Iterator<Item = (Workspace, Level)> + '_ {
        self.0
            .iter()
            .filter(|(_, l)| **l != Level::None)
            .map(|(w, l)| (*w, *l))
    }

    /// The capabilities given.
    pub fn capabilities(&self) -> Capabilities {
        self.grants()
            .map(|(w, l)| l.capabilities(w))
            .fold(Capabilities::NONE, Capabilities::union)
    }

    /// The storage form: `customers=read-write,billing=read`.
    pub fn encode(&self) -> String {
        self.grants()
            .map(|(w, l)| format!("{}={}", w.slug(), l.key()))
            .collect::<Vec<_>>()
            .join(",")
    }

    /// Reads the storage form; unknown entries give nothing.
    pub fn decode(text: &str) -> Permissions {
        let mut p = Permissions::default();
        for (w, l) in text.split(',').filter_map(|kv| kv.split_once('=')) {
            if let (Some(w), Some(l)) = (Workspace::from_slug(w.trim()), Level::from_key(l.trim()))
            {
                p.set(w, l);
            }
        }
        p
    }

    /// "Custom: Customers (read and write), Billing (read)", or "".
    pub fn describe(&self) -> String {
        let parts: Vec<String> = self
            .grants()
            .map(|(w, l)| format!("{} ({})", w.label(), l.label().to_lowercase()))
            .collect();
        if parts.is_empty() {
            String::new()
        } else {
            format!("Custom: {}", parts.join(", "))
        }
    }
}

/// What a user or a group is given directly: roles and custom permissions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Access {
    pub roles: RoleSet,
    #[serde(default)]
    pub permissions: Permissions,
}

impl Access {
    /// The capabilities given by the roles and the permissions.
    pub fn capabilities(&self) -> Capabilities {
        self.roles
            .roles()
            .map(capabilities_of)
            .fold(self.permissions.capabilities(), Capabilities::union)
    }

    /// Whether the bundle holds `role`.
    pub fn has_role(&self, role: Role) -> bool {
        self.roles.has(role)
    }

    /// "Global admin, Admin agent, Custom", or "No role".
    pub fn describe(&self) -> String {
        match (self.roles.roles().next(), self.permissions.is_empty()) {
            (_, true) => self.roles.describe(),
            (None, false) => "Custom".into(),
            (Some(_), false) => format!("{}, Custom", self.roles.describe()),
        }
    }
}

/// A group's name and what it gives its members.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct GroupGrant {
    pub group_id: String,
    pub name: String,
    pub access: Access,
}

/// Where one capability comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum Source {
    Role(Role),
    Custom(Workspace, Level),
    Group { name: String, via: Box<Source> },
}

impl Source {
    /// "Role: Admin agent", "Custom: Billing (read)", "Group Support desk → Role: Helpdesk agent".
    pub fn describe(&self) -> String {
        match self {
            Source::Role(r) => format!("Role: {}", r.label()),
            Source::Custom(w, l) => format!("Custom: {} ({})", w.label(), l.label().to_lowercase()),
            Source::Group { name, via } => format!("Group {name} → {}", via.describe()),
        }
    }
}

fn sources_of(access: &Access, cap: Capability) -> Vec<Source> {
    let roles = access
        .roles
        .roles()
        .filter(|r| capabilities_of(*r).has(cap))
        .map(Source::Role);
    let custom = access
        .permissions
        .grants()
        .filter(|(w, l)| l.capabilities(*w).has(cap))
        .map(|(w, l)| Source::Custom(w, l));
    roles.chain(custom).collect()
}

/// Every capability held through `own` or `groups`, each with its sources:
/// the "why can they do this" table on a user's page.
pub fn explain(own: &Access, groups: &[GroupGrant]) -> Vec<(Capability, Vec<Source>)> {
    Capability::ALL
        .iter()
        .copied()
        .map(|cap| {
            let mut from = sources_of(own, cap);
            for g in groups {
                from.extend(
                    sources_of(&g.access, cap)
                        .into_iter()
                        .map(|s| Source::Group {
                            name: g.name.clone(),
                            via: Box::new(s),
                        }),
                );
            }
            (cap, from)
        })
        .filter(|(_, from)| !from.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_map_to_the_workspace_capabilities() {
        let read = Level::Read.capabilities(Workspace::Customers);
        assert!(read.has(Capability::CustomersView));
        assert!(!read.has(Capability::CustomersCreate));
        let write = Level::ReadWrite.capabilities(Workspace::Customers);
        assert!(write.has(Capability::CustomersCreate) && write.has(Capability::CustomersView));
        assert!(!write.has(Capability::SubscriptionsView));
        let settings = Level::ReadWrite.capabilities(Workspace::AccountSettings);
        assert!(settings.has(Capability::UsersCreate));
        assert!(!settings.has(Capability::GlobalAdminsManage));
        assert!(Level::None.capabilities(Workspace::Billing).is_empty());
        assert_eq!(
            Level::offered(Workspace::Devices),
            vec![Level::None, Level::ReadWrite]
        );
    }

    #[test]
    fn permissions_round_trip_and_ignore_unknown_entries() {
        let mut p = Permissions::default();
        p.set(Workspace::Billing, Level::Read);
        p.set(Workspace::Customers, Level::ReadWrite);
        assert_eq!(Permissions::decode(&p.encode()), p);
        let odd = Permissions::decode("billing=read,nowhere=read,customers=everything,x");
        assert_eq!(
            odd.grants().collect::<Vec<_>>(),
            vec![(Workspace::Billing, Level::Read)]
        );
        assert!(Permissions::decode("").is_empty());
    }

    #[test]
    fn explanation_names_role_custom_and_group() {
        let own = Access {
            roles: RoleSet {
                agent: Some(Role::HelpdeskAgent),
                ..RoleSet::default()
            },
            permissions: Permissions::decode("billing=read"),
        };
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
        let table = explain(&own, &[group]);
        let of = |cap| {
            table
                .iter()
                .find(|(c, _)| *c == cap)
                .map(|(_, s)| s.iter().map(Source::describe).collect::<Vec<_>>())
        };
        assert_eq!(
            of(Capability::CustomersView),
            Some(vec![
                "Role: Helpdesk agent".to_string(),
                "Group Sales → Role: Sales agent".to_string()
            ])
        );
        assert_eq!(
            of(Capability::CustomerInvoicesView),
            Some(vec![
                "Role: Helpdesk agent".to_string(),
                "Custom: Billing (read)".to_string()
            ])
        );
        assert_eq!(of(Capability::LeadsManage).map(|v| v.len()), Some(1));
        assert_eq!(of(Capability::UsersView), None);
    }
}
