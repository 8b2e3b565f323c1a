//! `/api/v1/organization`: the organization profile over the JSON API.

use super::{service, LocationInput, OrgProfile, SignInPolicy};
use serde::Deserialize;
use utoipa::ToSchema;

/// A new organization name, from the version the caller read.
#[derive(Debug, Deserialize, ToSchema)]
pub struct OrgRename {
    pub version: i64,
    pub name: String,
}

/// A directory mode (`cloud` or `synced`), from the version the caller read.
#[derive(Debug, Deserialize, ToSchema)]
pub struct DirectoryModeUpdate {
    pub version: i64,
    pub mode: String,
}

/// A sign-in policy, from the version the caller read.
#[derive(Debug, Deserialize, ToSchema)]
pub struct SignInPolicyUpdate {
    pub version: i64,
    pub policy: SignInPolicy,
}

/// A location's name and country.
#[derive(Debug, Deserialize, ToSchema)]
pub struct LocationUpdate {
    pub location: String,
    pub country: String,
}

crate::rest_routes! {
    tag "Organization";
    /// The organization profile: name, directory mode, partner IDs.
    ///
    /// `PartnerProfilesView` or `OrgProfileManage`.
    GET "/organization" get_org_profile() -> OrgProfile
        = |ctx| service::profile(&ctx);
    /// Rename the organization.
    ///
    /// `OrgProfileManage`. A stale `version` gets 409 with the current profile.
    PATCH "/organization" rename_org(; body b: OrgRename) -> OrgProfile
        = |ctx| service::rename(&ctx, b.version, &b.name),
        fresh service::profile(&ctx);
    /// Switch the directory mode: `synced` (users, groups and applications
    /// come from the directory over SCIM) or `cloud`.
    ///
    /// `OrgProfileManage`.
    PUT "/organization/directory-mode" set_directory_mode(; body b: DirectoryModeUpdate) -> OrgProfile
        = |ctx| service::set_directory_mode(&ctx, b.version, &b.mode),
        fresh service::profile(&ctx);
    /// Set the sign-in policy: two-step verification required of everyone,
    /// and the days a temporary password works (1–90).
    ///
    /// `OrgProfileManage`. A stale `version` gets 409 with the current profile.
    PUT "/organization/sign-in-policy" set_sign_in_policy(; body b: SignInPolicyUpdate) -> OrgProfile
        = |ctx| service::set_sign_in_policy(&ctx, b.version, &b.policy),
        fresh service::profile(&ctx);
    /// Add a location with its partner ID.
    ///
    /// `OrgProfileManage`.
    POST "/organization/locations" add_location(; body b: LocationInput) -> OrgProfile
        = |ctx| service::add_location(&ctx, &b);
    /// Change a location's name or country.
    ///
    /// `OrgProfileManage`.
    PUT "/organization/locations/{partner_id}" update_location(partner_id; body b: LocationUpdate) -> OrgProfile
        = |ctx| service::update_location(&ctx, &LocationInput { partner_id, location: b.location, country: b.country });
    /// Remove a location (refused while users are associated with its partner ID).
    ///
    /// `OrgProfileManage`.
    DELETE "/organization/locations/{partner_id}" remove_location(partner_id) -> OrgProfile
        = |ctx| service::remove_location(&ctx, &partner_id);
}
