//! Application rows: reads and changes (each in a unit of work that records
//! its activity entries), secrets, and the identity a secret signs in as.

mod changes;
mod secrets;

pub use changes::{create, delete, rename, set_access, set_directory_sync};
pub use secrets::{add_secret, identity_for_secret, revoke_secret, SecretCheck};

use super::{Application, ApplicationActions, ApplicationDetail, SecretInfo};
use crate::access::{Access, Capability, Identity, Permissions};
use crate::auth::service::role_set;
use crate::db::now_millis;
use crate::error::{AppError, AppResult};
use crate::request::Ctx;
use sqlx::AnyConnection;

/// The columns of an application and a summary of its secrets, as of `$1`
/// (now, in milliseconds).
const SELECT: &str = "select a.app_id, a.name, a.agent_role, a.admin_role, a.incentives_role,
        a.permissions, a.version, a.created_at, a.created_by_name, a.directory_sync,
        (select count(*) from application_secret s
          where s.app_id = a.app_id and s.revoked_at is null and s.expires_at > $1) as active_secrets,
        (select max(s.last_used_at) from application_secret s where s.app_id = a.app_id) as last_used_at
   from application a";

#[derive(sqlx::FromRow, Clone)]
struct AppRow {
    app_id: String,
    name: String,
    agent_role: Option<String>,
    admin_role: Option<String>,
    incentives_role: Option<String>,
    permissions: String,
    version: i64,
    created_at: i64,
    created_by_name: String,
    directory_sync: i64,
    active_secrets: i64,
    last_used_at: Option<i64>,
}

impl AppRow {
    fn access(&self) -> Access {
        Access {
            roles: role_set(
                self.agent_role.as_deref(),
                self.admin_role.as_deref(),
                self.incentives_role.as_deref(),
            ),
            permissions: Permissions::decode(&self.permissions),
        }
    }

    fn into_application(self, me: &Identity) -> Application {
        let access = self.access();
        let actions = actions_on(me, &self.app_id, &access);
        Application {
            app_id: self.app_id,
            name: self.name,
            access,
            active_secrets: self.active_secrets,
            last_used_at: self.last_used_at,
            created_at: self.created_at,
            created_by_name: self.created_by_name,
            directory_sync: self.directory_sync != 0,
            version: self.version,
            actions,
        }
    }
}

/// What `me` may do to the application `app_id` that has `access`: only
/// with `ApplicationsManage`; only Global admins act on a Global admin
/// application; access changes and deletion need the right to grant or
/// take all of it; no application changes itself except its secrets.
fn actions_on(me: &Identity, app_id: &str, access: &Access) -> ApplicationActions {
    let manage = me.can(Capability::ApplicationsManage)
        && me.may_act_on(access.has_role(crate::access::Role::GlobalAdmin));
    let other = !(me.application && me.user_id == app_id);
    let grant = me.may_change_access(access, &Access::default()).is_ok();
    ApplicationActions {
        can_rename: manage,
        can_change_access: manage && other && grant,
        can_manage_secrets: manage,
        can_delete: manage && other && grant,
    }
}

/// The 403 of an action the caller may not take on an application
/// (`action`: a catalogue message, "rename this application").
fn refused(action: String) -> AppError {
    AppError::Forbidden { action }
}

fn stale() -> AppError {
    AppError::stale(crate::key!("error-stale-application"))
}

async fn load(conn: &mut AnyConnection, org_id: &str, app_id: &str) -> AppResult<AppRow> {
    sqlx::query_as::<_, AppRow>(&format!("{SELECT} where a.org_id = $2 and a.app_id = $3"))
        .bind(now_millis())
        .bind(org_id)
        .bind(app_id)
        .fetch_optional(conn)
        .await?
        .ok_or_else(|| AppError::not_found(crate::msg!("applications-the-application")))
}

/// The organization's applications, by name.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn list(ctx: &Ctx) -> AppResult<Vec<Application>> {
    ctx.require(Capability::ApplicationsManage)?;
    let rows: Vec<AppRow> = sqlx::query_as(&format!(
        "{SELECT} where a.org_id = $2 order by a.name_lower"
    ))
    .bind(now_millis())
    .bind(ctx.org_id())
    .fetch_all(&ctx.db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| r.into_application(&ctx.me))
        .collect())
}

/// One application with its secrets (newest first); another
/// organization's id is 404.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn get(ctx: &Ctx, app_id: &str) -> AppResult<ApplicationDetail> {
    ctx.require(Capability::ApplicationsManage)?;
    let mut conn = ctx.db.acquire().await?;
    let row = load(&mut conn, ctx.org_id(), app_id).await?;
    let secrets = secrets::of(&mut conn, ctx.org_id(), app_id).await?;
    Ok(ApplicationDetail {
        application: row.into_application(&ctx.me),
        secrets,
    })
}

#[derive(sqlx::FromRow)]
struct SecretRow {
    secret_id: String,
    description: String,
    hint: String,
    created_at: i64,
    expires_at: i64,
    last_used_at: Option<i64>,
    revoked_at: Option<i64>,
}

impl From<SecretRow> for SecretInfo {
    fn from(r: SecretRow) -> SecretInfo {
        SecretInfo {
            secret_id: r.secret_id,
            description: r.description,
            hint: r.hint,
            created_at: r.created_at,
            expires_at: r.expires_at,
            last_used_at: r.last_used_at,
            revoked_at: r.revoked_at,
        }
    }
}
