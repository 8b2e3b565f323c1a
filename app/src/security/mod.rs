//! Account security (SPEC §6): two-step verification with an authenticator
//! app (TOTP, QR code drawn by the server, single-use recovery codes, an
//! organization-wide requirement, an admin's reset) and the sessions page
//! (see them, end one or all others). Page: `/account/security`; the second
//! sign-in step: `/login/verify`.

mod api;
mod model;
#[cfg(feature = "ssr")]
pub mod service;
mod view;

pub use api::*;
pub use model::*;
pub use view::*;

use crate::access::ui::NavPage;

/// "Security", under My account (anyone signed in).
pub const NAV: NavPage = NavPage {
    workspace: None,
    label: crate::key!("nav-security"),
    href: "/account/security",
    needs: None,
    count: None,
};
