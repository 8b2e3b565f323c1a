//! `/api/v1/me`: who the calling application is.

use crate::access::Identity;

crate::rest_routes! {
    tag "Identity";
    /// The calling application: its organization, roles and capabilities.
    ///
    /// Any valid secret.
    GET "/me" who_am_i() -> Identity
        = |ctx| std::future::ready(Ok::<_, crate::error::AppError>(ctx.me.clone()));
}
