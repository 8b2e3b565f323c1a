//! Pages that render the access policy itself: the `/roles` matrix (so the
//! documentation can't drift from the code) and each workspace's overview
//! of what the signed-in identity may do there.

mod view;

pub use view::*;

use crate::access::ui::NavPage;

/// The roles matrix, in "My account".
pub const ROLES_NAV: NavPage = NavPage {
    workspace: None,
    label: crate::key!("nav-roles-and-permissions"),
    href: "/roles",
    needs: None,
    count: None,
};
