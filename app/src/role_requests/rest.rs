//! `/api/v1/role-requests`: the inbox of role requests over the JSON API
//! (applications decide requests; only people file them).

use super::{service, RoleRequest};
use serde::Deserialize;
use utoipa::ToSchema;

/// A decision on a request.
#[derive(Debug, Deserialize, ToSchema)]
pub struct Decision {
    pub approve: bool,
    #[serde(default)]
    pub comment: String,
}

crate::rest_routes! {
    tag "Role requests";
    /// Pending requests for roles the caller may grant.
    ///
    /// `RolesAssign`.
    GET "/role-requests" role_request_inbox() -> Vec<RoleRequest>
        = |ctx| service::inbox(&ctx);
    /// Approve (the role is given at once) or decline a request.
    ///
    /// `RolesAssign`, for a role the caller may grant.
    POST "/role-requests/{request_id}/decision" decide_role_request(request_id; body b: Decision) -> RoleRequest
        = |ctx| service::decide(&ctx, &request_id, b.approve, &b.comment);
}
