use super::{LocationInput, OrgProfile, SignInPolicy};

crate::session_server_fns! {
    /// `PartnerProfilesView`, `OrgProfileManage` or `UsersView`: the
    /// organization profile with its partner IDs.
    "org/profile" => fn get_org_profile() -> OrgProfile
        = |ctx| super::service::profile(&ctx);

    /// `OrgProfileManage`: switches the directory mode (`cloud` or `synced`).
    "org/directory-mode" => fn set_directory_mode(version: i64, mode: String) -> OrgProfile
        = |ctx| super::service::set_directory_mode(&ctx, version, &mode);

    /// `OrgProfileManage`: whether everyone must use two-step verification,
    /// and how long temporary passwords work.
    "org/sign-in-policy" => fn set_sign_in_policy(version: i64, policy: SignInPolicy) -> OrgProfile
        = |ctx| super::service::set_sign_in_policy(&ctx, version, &policy);

    /// `OrgProfileManage`: renames the organization.
    "org/rename" => fn rename_org(version: i64, name: String) -> OrgProfile
        = |ctx| super::service::rename(&ctx, version, &name);

    /// `OrgProfileManage`: adds a location with its partner ID.
    "org/add-location" => fn add_location(location: LocationInput) -> OrgProfile
        = |ctx| super::service::add_location(&ctx, &location);

    /// `OrgProfileManage`: changes a location's name and country (its partner ID stays).
    "org/update-location" => fn update_location(location: LocationInput) -> OrgProfile
        = |ctx| super::service::update_location(&ctx, &location);

    /// `OrgProfileManage`: removes a location no active user is associated with.
    "org/remove-location" => fn remove_location(partner_id: String) -> OrgProfile
        = |ctx| super::service::remove_location(&ctx, &partner_id);
}
