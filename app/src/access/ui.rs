//! The policy in the browser: cosmetic only (the server enforces). Pages
//! read the signed-in [`Identity`] from context and ask it `can(..)`.

use super::{Capability, Identity, Workspace};
use leptos::prelude::*;

/// The signed-in identity, provided by the page frame to every page in it.
pub fn use_identity() -> Identity {
    use_context::<Identity>().unwrap_or_else(|| {
        Identity::new(
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            Default::default(),
            false,
        )
    })
}

/// Renders its children only when the identity holds `cap`.
#[component]
pub fn Can(cap: Capability, children: ChildrenFn) -> impl IntoView {
    let me = use_identity();
    let allowed = me.can(cap);
    move || allowed.then(|| children())
}

/// One navigation link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NavLink {
    pub label: String,
    pub href: String,
}

/// One navigation group (a workspace, or "My account").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NavGroup {
    pub label: String,
    pub links: Vec<NavLink>,
}

/// Builds the menu: a link goes in only when `insert` says the identity can
/// use it; empty groups are dropped.
#[derive(Default)]
pub struct MenuBuilder {
    groups: Vec<NavGroup>,
}

impl MenuBuilder {
    /// Starts a group.
    pub fn group(mut self, label: impl Into<String>) -> Self {
        self.groups.push(NavGroup {
            label: label.into(),
            links: Vec::new(),
        });
        self
    }

    /// Adds a link to the current group when `allowed`.
    pub fn insert(
        mut self,
        allowed: bool,
        label: impl Into<String>,
        href: impl Into<String>,
    ) -> Self {
        if let (true, Some(group)) = (allowed, self.groups.last_mut()) {
            group.links.push(NavLink {
                label: label.into(),
                href: href.into(),
            });
        }
        self
    }

    /// The non-empty groups.
    pub fn build(self) -> Vec<NavGroup> {
        self.groups
            .into_iter()
            .filter(|g| !g.links.is_empty())
            .collect()
    }
}

/// A page a feature puts in the navigation: where, under which workspace
/// ("My account" when `None`), and the capability it needs (`None`: anyone
/// signed in). Features declare these; this module names no route.
#[derive(Debug, Clone, Copy)]
pub struct NavPage {
    pub workspace: Option<Workspace>,
    /// The catalogue key of its name (`crate::key!("nav-…")`).
    pub label: &'static str,
    pub href: &'static str,
    pub needs: Option<Capability>,
    /// A count shown after the label when above zero ("Role requests (2)").
    pub count: Option<fn(&Identity) -> i64>,
}

impl NavPage {
    fn allowed(&self, me: &Identity) -> bool {
        self.needs.is_none_or(|cap| me.can(cap))
    }
}

/// The menu for an identity: "My account" for everyone, then each workspace
/// the identity has at least one capability in, with the features' `pages`
/// it may open and the workspace overview.
pub fn menu(me: &Identity, pages: &[NavPage]) -> Vec<NavGroup> {
    let text = crate::i18n::text;
    let mut b = MenuBuilder::default().group(crate::tr!("nav-my-account"));
    for p in pages.iter().filter(|p| p.workspace.is_none()) {
        b = b.insert(p.allowed(me), text(p.label), p.href);
    }
    for ws in Workspace::ALL {
        b = b.group(ws.name());
        for p in pages.iter().filter(|p| p.workspace == Some(ws)) {
            let label = match p.count.map(|count| count(me)) {
                Some(n) if n > 0 => {
                    crate::tr!(
                        "nav-count",
                        label = text(p.label),
                        count = crate::i18n::number(n)
                    )
                }
                _ => text(p.label),
            };
            b = b.insert(p.allowed(me), label, p.href);
        }
        b = b.insert(
            me.capabilities.touches(ws),
            crate::tr!("nav-workspace-overview", workspace = ws.name()),
            format!("/workspace/{}", ws.slug()),
        );
    }
    b.build()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::access::{Role, RoleSet};

    const PAGES: &[NavPage] = &[
        NavPage {
            workspace: None,
            label: "Home",
            href: "/",
            needs: None,
            count: None,
        },
        NavPage {
            workspace: Some(Workspace::AccountSettings),
            label: "User management",
            href: "/users",
            needs: Some(Capability::UsersView),
            count: None,
        },
    ];

    fn menu(me: &Identity) -> Vec<NavGroup> {
        super::menu(me, PAGES)
    }

    fn labels(me: &Identity) -> Vec<String> {
        menu(me).into_iter().map(|g| g.label).collect()
    }

    #[test]
    fn menu_follows_capabilities() {
        let mk = |roles| {
            Identity::new(
                "u".into(),
                "o".into(),
                "O".into(),
                "U".into(),
                "e".into(),
                roles,
                false,
            )
        };
        let nobody = mk(RoleSet::default());
        assert_eq!(labels(&nobody), vec!["My account"]);
        let helpdesk = mk(RoleSet {
            agent: Some(Role::HelpdeskAgent),
            ..Default::default()
        });
        assert_eq!(
            labels(&helpdesk),
            vec![
                "My account",
                "Customers",
                "Subscriptions",
                "Billing",
                "Support"
            ]
        );
        let uma = mk(RoleSet {
            admin: Some(Role::UserManagementAdmin),
            ..Default::default()
        });
        let groups = menu(&uma);
        assert_eq!(groups[1].label, "Account settings");
        assert_eq!(groups[1].links[0].href, "/users");
    }
}
