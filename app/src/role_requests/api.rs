use super::RoleRequest;
use crate::access::Role;

crate::session_server_fns! {
    /// Signed in: asks for a role, with a reason.
    "role-requests/create" => fn request_role(role: Role, reason: String) -> RoleRequest
        = |ctx| super::service::create(&ctx, role, &reason);

    /// Signed in: the caller's own requests, newest first, with their outcome.
    "role-requests/mine" => fn my_role_requests() -> Vec<RoleRequest>
        = |ctx| super::service::mine(&ctx);

    /// `RolesAssign`: pending requests for roles the caller may grant.
    "role-requests/inbox" => fn role_request_inbox() -> Vec<RoleRequest>
        = |ctx| super::service::inbox(&ctx);

    /// `RolesAssign` (and the right to grant the role): approves (the role is
    /// given at once) or declines a request, with a comment.
    "role-requests/decide" => fn decide_role_request(request_id: String, approve: bool, comment: String) -> RoleRequest
        = |ctx| super::service::decide(&ctx, &request_id, approve, &comment);
}
