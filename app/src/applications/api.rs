use super::{
    Application, ApplicationDetail, CreatedApplication, CreatedSecret, NewApplication, NewSecret,
    SecretInfo,
};
use crate::access::Access;

crate::session_server_fns! {
    /// `ApplicationsManage`: the organization's applications.
    "applications/list" => fn list_applications() -> Vec<Application>
        = |ctx| super::service::list(&ctx);

    /// `ApplicationsManage`: one application with its secrets (never their values).
    "applications/get" => fn get_application(app_id: String) -> ApplicationDetail
        = |ctx| super::service::get(&ctx, &app_id);

    /// `ApplicationsManage` (and the right to grant what `access` gives): a
    /// new application and its first secret, shown once.
    "applications/create" => fn create_application(application: NewApplication) -> CreatedApplication
        = |ctx| super::service::create(&ctx, &application);

    /// `ApplicationsManage`: renames an application.
    "applications/rename" => fn rename_application(app_id: String, version: i64, name: String) -> Application
        = |ctx| super::service::rename(&ctx, &app_id, version, &name);

    /// `ApplicationsManage` (and the right to grant every change): replaces
    /// the application's roles and custom permissions.
    "applications/access" => fn set_application_access(app_id: String, version: i64, access: Access) -> Application
        = |ctx| super::service::set_access(&ctx, &app_id, version, &access);

    /// `ApplicationsManage` (and the right to change its access): allows or
    /// stops the application's directory sync over SCIM.
    "applications/directory-sync" => fn set_application_directory_sync(app_id: String, version: i64, on: bool) -> Application
        = |ctx| super::service::set_directory_sync(&ctx, &app_id, version, on);

    /// `ApplicationsManage` (and the right to take all it has): deletes an
    /// application and its secrets.
    "applications/delete" => fn delete_application(app_id: String, version: i64) -> ()
        = |ctx| super::service::delete(&ctx, &app_id, version);

    /// `ApplicationsManage`: a new secret, shown once.
    "applications/add-secret" => fn add_application_secret(app_id: String, secret: NewSecret) -> CreatedSecret
        = |ctx| super::service::add_secret(&ctx, &app_id, &secret);

    /// `ApplicationsManage`: revokes one secret.
    "applications/revoke-secret" => fn revoke_application_secret(app_id: String, secret_id: String) -> SecretInfo
        = |ctx| super::service::revoke_secret(&ctx, &app_id, &secret_id);
}
