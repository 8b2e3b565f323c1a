//! Partner user rows: reads and the changes, each in a unit of work that
//! records its activity entry.

use super::{
    check_details, AdminContact, CreatedUser, NewUser, PartnerUser, UserDetails, UserPage,
    UserQuery, USER_PAGE_SIZE,
};
use crate::access::Capability;
use crate::access::{Identity, Role, RoleSet};
use crate::activity::service::{like, Entry, Work};
use crate::activity::{FieldChange, Operation};
use crate::auth::secrets;
use crate::auth::service::role_set;
use crate::db::{new_id, now_millis};
use crate::error::{AppError, AppResult};
use crate::request::Ctx;
use sqlx::AnyConnection;

const COLUMNS: &str =
    "user_id, display_name, email, status, agent_role, admin_role, incentives_role, \
                       partner_id, created_at, last_sign_in_at, version";

#[derive(sqlx::FromRow, Clone)]
struct UserRow {
    user_id: String,
    display_name: String,
    email: String,
    status: String,
    agent_role: Option<String>,
    admin_role: Option<String>,
    incentives_role: Option<String>,
    partner_id: Option<String>,
    created_at: i64,
    last_sign_in_at: Option<i64>,
    version: i64,
}

impl UserRow {
    fn roles(&self) -> RoleSet {
        role_set(
            self.agent_role.as_deref(),
            self.admin_role.as_deref(),
            self.incentives_role.as_deref(),
        )
    }

    fn into_user(self, me: &Identity) -> PartnerUser {
        let roles = self.roles();
        let actions = me.actions_on(&self.user_id, &roles, self.status == "active");
        PartnerUser {
            user_id: self.user_id,
            display_name: self.display_name,
            email: self.email,
            status: self.status,
            roles,
            partner_id: self.partner_id,
            created_at: self.created_at,
            last_sign_in_at: self.last_sign_in_at,
            version: self.version,
            actions,
        }
    }
}

/// One page of the organization's users.
pub async fn list(ctx: &Ctx, q: &UserQuery) -> AppResult<UserPage> {
    ctx.require(Capability::UsersView)?;
    let Ctx { db, me, .. } = ctx;
    let mut clause = String::from("where org_id = $1");
    let mut args: Vec<String> = vec![me.org_id.clone()];
    let add = |clause: &mut String, args: &mut Vec<String>, sql: &str, value: String| {
        args.push(value);
        clause.push_str(&sql.replace('?', &format!("${}", args.len())));
    };
    match q.status.as_str() {
        "" | "active" => add(&mut clause, &mut args, " and status = ?", "active".into()),
        "removed" => add(&mut clause, &mut args, " and status = ?", "removed".into()),
        "all" => {}
        _ => {
            return Err(AppError::invalid(
                "status",
                "Choose active, removed or all.",
            ))
        }
    }
    if !q.search.trim().is_empty() {
        add(
            &mut clause,
            &mut args,
            " and (lower(display_name) like ? escape '\\' or email_lower like ? escape '\\')",
            like(&q.search),
        );
    }
    if !q.role.is_empty() {
        let role = Role::from_key(&q.role)
            .ok_or_else(|| AppError::invalid("role", "Choose a role from the list."))?;
        let column = match role.kind() {
            crate::access::RoleKind::Agent => "agent_role",
            crate::access::RoleKind::Admin => "admin_role",
            crate::access::RoleKind::Incentives => "incentives_role",
        };
        add(
            &mut clause,
            &mut args,
            &format!(" and {column} = ?"),
            role.key().into(),
        );
    }
    let order = match q.sort.as_str() {
        "" | "name" => "lower(display_name), user_id",
        "email" => "email_lower, user_id",
        "created" => "created_at desc, user_id",
        "last-sign-in" => "last_sign_in_at desc, user_id",
        _ => {
            return Err(AppError::invalid(
                "sort",
                "Choose a sort order from the list.",
            ))
        }
    };
    let count_sql = format!("select count(*) from app_user {clause}");
    let mut count = sqlx::query_scalar::<_, i64>(&count_sql);
    for a in &args {
        count = count.bind(a);
    }
    let total = count.fetch_one(db).await?;
    let sql = format!(
        "select {COLUMNS} from app_user {clause} order by {order} limit {USER_PAGE_SIZE} offset {}",
        u64::from(q.page) * u64::from(USER_PAGE_SIZE)
    );
    let mut query = sqlx::query_as::<_, UserRow>(&sql);
    for a in &args {
        query = query.bind(a);
    }
    let rows = query.fetch_all(db).await?;
    Ok(UserPage {
        users: rows.into_iter().map(|r| r.into_user(me)).collect(),
        total,
        page: q.page,
        page_size: USER_PAGE_SIZE,
    })
}

async fn load(conn: &mut AnyConnection, org_id: &str, user_id: &str) -> AppResult<UserRow> {
    sqlx::query_as::<_, UserRow>(&format!(
        "select {COLUMNS} from app_user where org_id = $1 and user_id = $2"
    ))
    .bind(org_id)
    .bind(user_id)
    .fetch_optional(conn)
    .await?
    .ok_or_else(|| AppError::not_found("The user"))
}

/// One user of the caller's organization; another organization's id is 404.
pub async fn get(ctx: &Ctx, user_id: &str) -> AppResult<PartnerUser> {
    ctx.require(Capability::UsersView)?;
    let Ctx { db, me, .. } = ctx;
    let mut conn = db.acquire().await?;
    Ok(load(&mut conn, &me.org_id, user_id).await?.into_user(me))
}

fn forbidden(what: &str) -> AppError {
    AppError::Forbidden {
        action: what.to_string(),
    }
}

fn check_grants(me: &Identity, before: &RoleSet, after: &RoleSet) -> AppResult<()> {
    after
        .check()
        .map_err(|(field, msg)| AppError::invalid(field, msg))?;
    for role in after.minus(before).into_iter().chain(before.minus(after)) {
        if !me.may_grant(role) {
            return Err(forbidden(&format!(
                "give or take the {} role",
                role.label()
            )));
        }
    }
    Ok(())
}

/// Takes the organization's row lock, so two concurrent changes can't both
/// remove "the other" last Global admin.
async fn lock_org(conn: &mut AnyConnection, org_id: &str) -> AppResult<()> {
    sqlx::query("update organization set name = name where org_id = $1")
        .bind(org_id)
        .execute(conn)
        .await?;
    Ok(())
}

async fn active_global_admins(conn: &mut AnyConnection, org_id: &str) -> AppResult<i64> {
    Ok(sqlx::query_scalar(
        "select count(*) from app_user where org_id = $1 and status = 'active' and admin_role = 'global-admin'",
    )
    .bind(org_id)
    .fetch_one(conn)
    .await?)
}

fn opt(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_string())
}

fn role_changes(before: &RoleSet, after: &RoleSet) -> Vec<FieldChange> {
    let label = |r: Option<Role>| r.map(|r| r.label().to_string());
    [
        ("agent role", before.agent, after.agent),
        ("admin role", before.admin, after.admin),
        ("incentives role", before.incentives, after.incentives),
    ]
    .into_iter()
    .filter(|(_, b, a)| b != a)
    .map(|(f, b, a)| FieldChange::new(f, label(b), label(a)))
    .collect()
}

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
    work.record(Entry::user(
        Operation::UserCreated,
        &user_id,
        new.display_name.trim(),
        changes,
    ));
    Ok(user_id)
}

/// Inserts a user with a new temporary password; returns (id, password).
async fn insert_user(work: &mut Work, org_id: &str, new: &NewUser) -> AppResult<(String, String)> {
    let key = secrets::server_key_conn(work.conn()).await?;
    let temporary = secrets::new_temporary_password();
    let hash = secrets::keyed_hash(&key, &temporary);
    let user_id = insert_row(work, org_id, new, &hash, true).await?;
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
pub async fn create(ctx: &Ctx, new: &NewUser) -> AppResult<CreatedUser> {
    ctx.require(Capability::UsersCreate)?;
    let Ctx { db, me, actor, .. } = ctx;
    check_grants(me, &RoleSet::default(), &new.roles)?;
    let mut work = Work::begin(db, actor).await?;
    let (user_id, temporary_password) = insert_user(&mut work, &me.org_id, new).await?;
    let row = load(work.conn(), &me.org_id, &user_id).await?;
    work.commit().await?;
    Ok(CreatedUser {
        user: row.into_user(me),
        temporary_password,
    })
}

/// Adds a Global admin from the command line (`create-admin`).
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
    };
    let mut work = Work::begin(&ctx.db, &ctx.actor).await?;
    let exists: i64 = sqlx::query_scalar("select count(*) from organization where org_id = $1")
        .bind(org_id)
        .fetch_one(work.conn())
        .await?;
    if exists == 0 {
        return Err(AppError::not_found("The organization"));
    }
    let created = insert_user(&mut work, org_id, &new).await?;
    work.commit().await?;
    Ok(created)
}

fn stale() -> AppError {
    AppError::Conflict {
        field: "version".into(),
        message: "Someone else changed this user since you opened it. The page now shows the latest version; make your change again.".into(),
    }
}

/// Changes name, email and partner ID.
pub async fn update_details(
    ctx: &Ctx,
    user_id: &str,
    version: i64,
    details: &UserDetails,
) -> AppResult<PartnerUser> {
    ctx.require(Capability::UsersEdit)?;
    let Ctx { db, me, actor, .. } = ctx;
    let mut work = Work::begin(db, actor).await?;
    let row = load(work.conn(), &me.org_id, user_id).await?;
    if !me
        .actions_on(&row.user_id, &row.roles(), row.status == "active")
        .can_edit
    {
        return Err(forbidden("edit this user"));
    }
    if row.version != version {
        return Err(stale());
    }
    let errors = check_details(&details.display_name, &details.email, &details.partner_id);
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let email = details.email.trim().to_string();
    let email_lower = email.to_lowercase();
    let name = details.display_name.trim().to_string();
    let partner_id = opt(&details.partner_id);
    let changes: Vec<FieldChange> = [
        ("name", Some(row.display_name.clone()), Some(name.clone())),
        ("email", Some(row.email.clone()), Some(email.clone())),
        ("partner ID", row.partner_id.clone(), partner_id.clone()),
    ]
    .into_iter()
    .filter(|(_, b, a)| b != a)
    .map(|(f, b, a)| FieldChange::new(f, b, a))
    .collect();
    if changes.is_empty() {
        return Ok(row.into_user(me));
    }
    let done = sqlx::query(
        "update app_user set display_name = $1, email = $2, email_lower = $3, partner_id = $4,
                version = version + 1
         where user_id = $5 and org_id = $6 and version = $7",
    )
    .bind(&name)
    .bind(&email)
    .bind(&email_lower)
    .bind(&partner_id)
    .bind(user_id)
    .bind(&me.org_id)
    .bind(version)
    .execute(work.conn())
    .await?;
    if done.rows_affected() != 1 {
        return Err(stale());
    }
    work.record(Entry::user(Operation::UserUpdated, user_id, &name, changes));
    let updated = load(work.conn(), &me.org_id, user_id).await?;
    work.commit().await?;
    Ok(updated.into_user(me))
}

/// Replaces a user's roles. Each role given or taken must be one the caller
/// may grant; nobody changes their own roles; the last active Global admin
/// keeps the role.
pub async fn set_roles(
    ctx: &Ctx,
    user_id: &str,
    version: i64,
    roles: &RoleSet,
) -> AppResult<PartnerUser> {
    ctx.require(Capability::RolesAssign)?;
    let Ctx { db, me, actor, .. } = ctx;
    let mut work = Work::begin(db, actor).await?;
    lock_org(work.conn(), &me.org_id).await?;
    let row = load(work.conn(), &me.org_id, user_id).await?;
    let before = row.roles();
    if !me
        .actions_on(&row.user_id, &before, row.status == "active")
        .can_change_roles
    {
        return Err(forbidden("change this user's roles"));
    }
    if row.version != version {
        return Err(stale());
    }
    check_grants(me, &before, roles)?;
    let changes = role_changes(&before, roles);
    if changes.is_empty() {
        return Ok(row.into_user(me));
    }
    sqlx::query(
        "update app_user set agent_role = $1, admin_role = $2, incentives_role = $3, version = version + 1
         where user_id = $4 and org_id = $5 and version = $6",
    )
    .bind(roles.agent.map(Role::key))
    .bind(roles.admin.map(Role::key))
    .bind(roles.incentives.map(Role::key))
    .bind(user_id)
    .bind(&me.org_id)
    .bind(version)
    .execute(work.conn())
    .await?;
    if before.has(Role::GlobalAdmin)
        && !roles.has(Role::GlobalAdmin)
        && active_global_admins(work.conn(), &me.org_id).await? == 0
    {
        return Err(AppError::invalid(
            "admin_role",
            "This is the organization's last Global admin; make someone else Global admin first.",
        ));
    }
    work.record(Entry::user(
        Operation::UserRolesChanged,
        user_id,
        &row.display_name,
        changes,
    ));
    let updated = load(work.conn(), &me.org_id, user_id).await?;
    work.commit().await?;
    Ok(updated.into_user(me))
}

/// Gives a user a new temporary password (shown once) and ends their sessions.
pub async fn reset_password(ctx: &Ctx, user_id: &str) -> AppResult<String> {
    ctx.require(Capability::UsersResetPassword)?;
    let Ctx { db, me, actor, .. } = ctx;
    let mut work = Work::begin(db, actor).await?;
    let row = load(work.conn(), &me.org_id, user_id).await?;
    if !me
        .actions_on(&row.user_id, &row.roles(), row.status == "active")
        .can_reset_password
    {
        return Err(forbidden("reset this user's password"));
    }
    let key = secrets::server_key_conn(work.conn()).await?;
    let temporary = secrets::new_temporary_password();
    sqlx::query(
        "update app_user set password_hash = $1, must_change_password = 1, version = version + 1
         where user_id = $2 and org_id = $3",
    )
    .bind(secrets::keyed_hash(&key, &temporary))
    .bind(user_id)
    .bind(&me.org_id)
    .execute(work.conn())
    .await?;
    sqlx::query("delete from session where user_id = $1")
        .bind(user_id)
        .execute(work.conn())
        .await?;
    work.record(Entry::user(
        Operation::UserPasswordReset,
        user_id,
        &row.display_name,
        vec![FieldChange::secret("password")],
    ));
    work.commit().await?;
    Ok(temporary)
}

/// Removes a user: access ends at once (sessions deleted), the record stays.
pub async fn remove(ctx: &Ctx, user_id: &str) -> AppResult<()> {
    ctx.require(Capability::UsersRemove)?;
    let Ctx { db, me, actor, .. } = ctx;
    let mut work = Work::begin(db, actor).await?;
    lock_org(work.conn(), &me.org_id).await?;
    let row = load(work.conn(), &me.org_id, user_id).await?;
    if !me
        .actions_on(&row.user_id, &row.roles(), row.status == "active")
        .can_remove
    {
        return Err(forbidden("remove this user"));
    }
    sqlx::query(
        "update app_user set status = 'removed', removed_at = $1, version = version + 1
         where user_id = $2 and org_id = $3",
    )
    .bind(now_millis())
    .bind(user_id)
    .bind(&me.org_id)
    .execute(work.conn())
    .await?;
    if row.roles().has(Role::GlobalAdmin)
        && active_global_admins(work.conn(), &me.org_id).await? == 0
    {
        return Err(AppError::invalid(
            "user",
            "This is the organization's last Global admin and can't be removed.",
        ));
    }
    sqlx::query("delete from session where user_id = $1")
        .bind(user_id)
        .execute(work.conn())
        .await?;
    work.record(Entry::user(
        Operation::UserRemoved,
        user_id,
        &row.display_name,
        vec![FieldChange::new(
            "status",
            Some("active".into()),
            Some("removed".into()),
        )],
    ));
    work.commit().await
}

/// The organization's active Global admins and Account admins, for anyone
/// signed in who needs to ask for a role.
pub async fn admins(ctx: &Ctx) -> AppResult<Vec<AdminContact>> {
    ctx.require_login()?;
    let Ctx { db, me, .. } = ctx;
    #[derive(sqlx::FromRow)]
    struct Row {
        display_name: String,
        email: String,
        admin_role: String,
    }
    let rows: Vec<Row> = sqlx::query_as(
        "select display_name, email, admin_role from app_user
         where org_id = $1 and status = 'active' and admin_role in ('global-admin', 'account-admin')
         order by admin_role desc, lower(display_name)",
    )
    .bind(&me.org_id)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| AdminContact {
            display_name: r.display_name,
            email: r.email,
            role: Role::from_key(&r.admin_role)
                .map(Role::label)
                .unwrap_or_default()
                .to_string(),
        })
        .collect())
}
