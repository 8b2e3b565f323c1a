//! `/api/v1/applications`: applications and their secrets over the JSON API.

use super::{
    service, Application, ApplicationDetail, CreatedApplication, CreatedSecret, NewApplication,
    NewSecret, SecretInfo,
};
use crate::access::Access;
use crate::rest::VersionQuery;
use serde::Deserialize;
use utoipa::ToSchema;

/// A new name, from the version the caller read.
#[derive(Debug, Deserialize, ToSchema)]
pub struct AppRename {
    pub version: i64,
    pub name: String,
}

/// New roles and permissions, from the version the caller read.
#[derive(Debug, Deserialize, ToSchema)]
pub struct AppAccessUpdate {
    pub version: i64,
    pub access: Access,
}

/// Directory sync on or off, from the version the caller read.
#[derive(Debug, Deserialize, ToSchema)]
pub struct DirectorySyncUpdate {
    pub version: i64,
    pub on: bool,
}

crate::rest_routes! {
    tag "Applications";
    /// List the organization's applications.
    ///
    /// `ApplicationsManage`.
    GET "/applications" list_applications() -> Vec<Application>
        = |ctx| service::list(&ctx);
    /// Create an application; the answer holds its first secret, once.
    ///
    /// `ApplicationsManage`, and the right to grant its roles.
    POST "/applications" create_application(; body b: NewApplication) -> CreatedApplication
        = |ctx| service::create(&ctx, &b);
    /// One application with its secrets (never their values).
    ///
    /// `ApplicationsManage`.
    GET "/applications/{app_id}" get_application(app_id) -> ApplicationDetail
        = |ctx| service::get(&ctx, &app_id);
    /// Rename an application.
    ///
    /// `ApplicationsManage`.
    PATCH "/applications/{app_id}" rename_application(app_id; body b: AppRename) -> Application
        = |ctx| service::rename(&ctx, &app_id, b.version, &b.name),
        fresh service::get(&ctx, &app_id);
    /// Replace an application's roles and custom permissions.
    ///
    /// `ApplicationsManage`, the right to grant every change; never its own.
    PUT "/applications/{app_id}/access" set_application_access(app_id; body b: AppAccessUpdate) -> Application
        = |ctx| service::set_access(&ctx, &app_id, b.version, &b.access),
        fresh service::get(&ctx, &app_id);
    /// Allow or stop the application's directory sync over SCIM (`/scim/v2`).
    ///
    /// `ApplicationsManage`, the right to change its access; never its own.
    PUT "/applications/{app_id}/directory-sync" set_application_directory_sync(app_id; body b: DirectorySyncUpdate) -> Application
        = |ctx| service::set_directory_sync(&ctx, &app_id, b.version, b.on),
        fresh service::get(&ctx, &app_id);
    /// Delete an application and its secrets.
    ///
    /// `ApplicationsManage`, the right to take all it has; never itself.
    DELETE "/applications/{app_id}" delete_application(app_id; query q: VersionQuery) -> ()
        = |ctx| service::delete(&ctx, &app_id, q.version),
        fresh service::get(&ctx, &app_id);
    /// Add a secret (default 180 days, at most 730); the answer holds it, once.
    ///
    /// `ApplicationsManage`. To rotate: add one, switch the script, revoke the old.
    POST "/applications/{app_id}/secrets" add_application_secret(app_id; body b: NewSecret) -> CreatedSecret
        = |ctx| service::add_secret(&ctx, &app_id, &b);
    /// Revoke one secret: the next call made with it gets 401.
    ///
    /// `ApplicationsManage`.
    DELETE "/applications/{app_id}/secrets/{secret_id}" revoke_application_secret(app_id, secret_id) -> SecretInfo
        = |ctx| service::revoke_secret(&ctx, &app_id, &secret_id);
}
