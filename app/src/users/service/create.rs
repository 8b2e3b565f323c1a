//! Adding users: the row insert shared by the console, the command line and demo seeding.

use super::changes::check_partner_id;
use super::{brief, check_grants, load_user, opt, role_changes};
use crate::access::{Capability, Role, RoleSet};
use crate::activity::service::{Target, Work};
use crate::activity::{FieldChange, Operation};
use crate::auth::secrets;
use crate::db::{new_id, now_millis};
use crate::error::{AppError, AppResult};
use crate::groups::service::{change_membership, Membership};
use crate::request::Ctx;
use crate::users::{check_details, CreatedUser, NewUser};

/// Inserts a user row inside `work` and records the entry. `password_hash`
/// is stored as is; `temporary` says whether it is a temporary password.
async fn insert_row(
    work: &mut Work,
    org_id: &str,
    new: &NewUser,
    password_hash: &str,
    temporary: bool,
) -> AppResult<String> {
    let errors = check_details(&new.display_name, &new.email, &new.partner_id);
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    new.roles
        .check()
        .map_err(|(field, msg)| AppError::invalid(field, msg))?;
    let email = new.email.trim().to_string();
    let email_lower = email.to_lowercase();
    // A taken email is refused by the unique index (409), not by a check
    // that a parallel insert could pass.
    let user_id = new_id();
    sqlx::query(
        r#"insert into app_user (user_id, org_id, display_name, email, email_lower, status,
               agent_role, admin_role, incentives_role, partner_id, password_hash,
               must_change_password, version, created_at)
           values ($1, $2, $3, $4, $5, 'active', $6, $7, $8, $9, $10, $11, 1, $12)"#,
    )
    .bind(&user_id)
    .bind(org_id)
    .bind(new.display_name.trim())
    .bind(&email)
    .bind(&email_lower)
    .bind(new.roles.agent.map(Role::key))
    .bind(new.roles.admin.map(Role::key))
    .bind(new.roles.incentives.map(Role::key))
    .bind(opt(&new.partner_id))
    .bind(password_hash)
    .bind(i64::from(temporary))
    .bind(now_millis())
    .execute(work.conn())
    .await?;
    let mut changes = vec![
        FieldChange::new("name", None, Some(new.display_name.trim().into())),
        FieldChange::new("email", None, Some(email)),
    ];
    changes.extend(role_changes(&RoleSet::default(), &new.roles));
    if let Some(p) = opt(&new.partner_id) {
        changes.push(FieldChange::new("partner ID", None, Some(p)));
    }
    changes.push(FieldChange::secret(if temporary {
        "temporary password"
    } else {
        "password"
    }));
    work.record(
        Operation::UserCreated,
        Target::user(&user_id, new.display_name.trim()),
        changes,
    );
    Ok(user_id)
}

/// Inserts a user with a new temporary password; returns (id, password).
async fn insert_user(work: &mut Work, org_id: &str, new: &NewUser) -> AppResult<(String, String)> {
    let key = secrets::server_key_conn(work.conn()).await?;
    let temporary = secrets::new_temporary_password();
    let hash = secrets::keyed_hash(&key, &temporary);
    let user_id = insert_row(work, org_id, new, &hash, true).await?;
    super::start_temporary_expiry(work.conn(), org_id, &user_id).await?;
    Ok((user_id, temporary))
}

/// Inserts a user with an already hashed chosen password (demo seeding).
pub async fn insert_with_password(
    work: &mut Work,
    org_id: &str,
    new: &NewUser,
    hash: &str,
) -> AppResult<String> {
    insert_row(work, org_id, new, hash, false).await
}

/// Adds a user with a temporary password, shown once in the result.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn create(ctx: &Ctx, new: &NewUser) -> AppResult<CreatedUser> {
    ctx.require(Capability::UsersCreate)?;
    let Ctx { db, me, actor, .. } = ctx;
    check_grants(me, &RoleSet::default(), &new.roles)?;
    let mut work = Work::begin(db, actor).await?;
    crate::orgs::service::refuse_if_synced(work.conn(), ctx, "users").await?;
    check_partner_id(&mut work, &me.org_id, None, opt(&new.partner_id).as_deref()).await?;
    let (user_id, temporary_password) = insert_user(&mut work, &me.org_id, new).await?;
    if !new.groups.is_empty() {
        ctx.require(Capability::GroupsManage)?;
        let user = brief(work.conn(), &me.org_id, &user_id).await?;
        for group_id in &new.groups {
            let group = Membership::open(ctx, &mut work, group_id).await?;
            if let Err(reason) = change_membership(ctx, &mut work, &group, &user, true).await? {
                return Err(AppError::invalid("groups", reason));
            }
        }
    }
    let user = load_user(work.conn(), me, &user_id).await?;
    work.commit().await?;
    Ok(CreatedUser {
        user,
        temporary_password,
    })
}

/// Adds a Global admin from the command line (`create-admin`).
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn create_admin(ctx: &Ctx, name: &str, email: &str) -> AppResult<(String, String)> {
    ctx.require(Capability::UsersCreate)?;
    ctx.require(Capability::GlobalAdminsManage)?;
    let org_id = ctx.org_id();
    let new = NewUser {
        display_name: name.into(),
        email: email.into(),
        roles: RoleSet {
            admin: Some(Role::GlobalAdmin),
            ..RoleSet::default()
        },
        partner_id: String::new(),
        groups: Vec::new(),
    };
    let mut work = Work::begin(&ctx.db, &ctx.actor).await?;
    let exists: i64 = sqlx::query_scalar("select count(*) from organization where org_id = $1")
        .bind(org_id)
        .fetch_one(work.conn())
        .await?;
    if exists == 0 {
        return Err(AppError::not_found(crate::msg!("users-the-organization")));
    }
    let created = insert_user(&mut work, org_id, &new).await?;
    work.commit().await?;
    Ok(created)
}
