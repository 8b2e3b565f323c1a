//! Reads: a page of the organization's users, one user, and the admins to ask for a role.

use super::{load_user, UserRow, COLUMNS};
use crate::access::{Capability, Role};
use crate::db::like;
use crate::db::{Backend, Statement};
use crate::error::{AppError, AppResult};
use crate::request::Ctx;
use crate::users::{AdminContact, PartnerUser, UserPage, UserQuery, UserStatus, USER_PAGE_SIZE};

/// One page of the organization's users.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn list(ctx: &Ctx, q: &UserQuery) -> AppResult<UserPage> {
    ctx.require(Capability::UsersView)?;
    let Ctx { db, me, .. } = ctx;
    let filter = user_filter(Backend::of(db), &me.org_id, q)?;
    let order = match q.sort.as_str() {
        "" | "name" => "lower(display_name), user_id",
        "email" => "email_lower, user_id",
        "created" => "created_at desc, user_id",
        "last-sign-in" => "last_sign_in_at is null, last_sign_in_at desc, user_id",
        _ => return Err(AppError::invalid("sort", crate::msg!("users-choose-sort"))),
    };
    let clause = filter.sql();
    // One connection for the count, the page and its groups.
    let mut conn = db.acquire().await?;
    let total = if narrows(q) {
        sqlx::query_scalar_with(
            &format!("select count(*) from app_user {clause}"),
            filter.arguments(),
        )
        .fetch_one(&mut *conn)
        .await?
    } else {
        stored_count(&mut conn, ctx.org_id(), q).await?
    };
    let sql = format!(
        "select {COLUMNS} from app_user {clause} order by {order} limit {USER_PAGE_SIZE} offset {}",
        u64::from(q.page) * u64::from(USER_PAGE_SIZE)
    );
    let query = sqlx::query_as_with::<_, UserRow, _>(&sql, filter.arguments());
    let rows = query.fetch_all(&mut *conn).await?;
    let ids: Vec<String> = rows.iter().map(|r| r.user_id.clone()).collect();
    let mut groups = crate::groups::service::memberships(&mut conn, &me.org_id, &ids).await?;
    Ok(UserPage {
        users: rows
            .into_iter()
            .map(|r| {
                let g = groups.remove(&r.user_id).unwrap_or_default();
                r.into_user(me, &g)
            })
            .collect(),
        total,
        page: q.page,
        page_size: USER_PAGE_SIZE,
    })
}

/// Whether the query narrows the list beyond a status (search, role, group,
/// partner ID): only then are the matching users counted row by row.
fn narrows(q: &UserQuery) -> bool {
    !q.search.trim().is_empty()
        || !q.role.is_empty()
        || !q.group.is_empty()
        || !q.partner_id.is_empty()
}

/// The organization's users in the query's status (active by default, or
/// all), from the counts the database keeps (`user_count`, migration 0020):
/// one lookup whatever the organization's size.
async fn stored_count(
    conn: &mut sqlx::AnyConnection,
    org_id: &str,
    q: &UserQuery,
) -> AppResult<i64> {
    let status = if q.status == "all" {
        None
    } else {
        Some(UserStatus::from_key(&q.status).unwrap_or(UserStatus::Active))
    };
    let n: Option<i64> = sqlx::query_scalar(
        "select cast(sum(n) as bigint) from user_count
          where org_id = $1 and ($2 = '' or status = $2)",
    )
    .bind(org_id)
    .bind(status.map_or("", UserStatus::key))
    .fetch_one(conn)
    .await?;
    Ok(n.unwrap_or(0))
}

/// One user of the caller's organization; another organization's id is 404.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn get(ctx: &Ctx, user_id: &str) -> AppResult<PartnerUser> {
    ctx.require(Capability::UsersView)?;
    let Ctx { db, me, .. } = ctx;
    let mut conn = db.acquire().await?;
    load_user(&mut conn, me, user_id).await
}

/// The organization's active Global admins and Account admins, for anyone
/// signed in who needs to ask for a role.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn admins(ctx: &Ctx) -> AppResult<Vec<AdminContact>> {
    ctx.require_login()?;
    let Ctx { db, me, .. } = ctx;
    #[derive(sqlx::FromRow)]
    struct Row {
        display_name: String,
        email: String,
        admin_role: String,
    }
    // By role or through a group, each person once with the highest of
    // the two ('global-admin' sorts after 'account-admin').
    let rows: Vec<Row> = sqlx::query_as(
        "select display_name, email, max(admin_role) as admin_role from (
           select user_id, display_name, email, admin_role from app_user
            where org_id = $1 and status = 'active' and admin_role in ('global-admin', 'account-admin')
           union all
           select u.user_id, u.display_name, u.email, g.admin_role
             from user_group g
             join group_member m on m.group_id = g.group_id
             join app_user u on u.user_id = m.user_id
            where g.org_id = $1 and u.status = 'active' and g.admin_role in ('global-admin', 'account-admin')
         ) held
         group by user_id, display_name, email
         order by max(admin_role) desc, lower(display_name)",
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

/// The `where` clause of the user list's search and filters (shared by the
/// list and the bulk actions' "every matching user").
pub(super) fn user_filter(backend: Backend, org_id: &str, q: &UserQuery) -> AppResult<Statement> {
    let mut filter = Statement::new(backend);
    filter.push("where org_id = ?", [org_id]);
    let status = match q.status.as_str() {
        "" => Some(UserStatus::Active),
        "all" => None,
        key => Some(
            UserStatus::from_key(key)
                .ok_or_else(|| AppError::invalid("status", crate::msg!("users-choose-status")))?,
        ),
    };
    if let Some(status) = status {
        filter.push(" and status = ?", [status.key()]);
    }
    if !q.search.trim().is_empty() {
        let pattern = like(&q.search);
        filter.push(
            " and (lower(display_name) like ? escape '\\' or email_lower like ? escape '\\')",
            [pattern.clone(), pattern],
        );
    }
    if !q.role.is_empty() {
        let role = Role::from_key(&q.role)
            .ok_or_else(|| AppError::invalid("role", crate::msg!("users-choose-role-from-list")))?;
        let column = match role.kind() {
            crate::access::RoleKind::Agent => "agent_role",
            crate::access::RoleKind::Admin => "admin_role",
            crate::access::RoleKind::Incentives => "incentives_role",
        };
        // Held by role or through a group ("find your Global admins").
        filter.push(
            &format!(
                " and ({column} = ? or exists (select 1 from group_member m
                   join user_group g on g.group_id = m.group_id
                  where m.user_id = app_user.user_id and g.{column} = ?))"
            ),
            [role.key(), role.key()],
        );
    }
    if !q.group.is_empty() {
        filter.push(
            " and exists (select 1 from group_member m where m.user_id = app_user.user_id and m.group_id = ?)",
            [q.group.as_str()],
        );
    }
    if !q.partner_id.is_empty() {
        filter.push(" and partner_id = ?", [q.partner_id.as_str()]);
    }
    Ok(filter)
}

/// The id of the organization's active user with this email (any case).
pub async fn id_by_email(ctx: &Ctx, email: &str) -> AppResult<String> {
    ctx.require(Capability::UsersView)?;
    sqlx::query_scalar(
        "select user_id from app_user
          where org_id = $1 and email_lower = $2 and status = 'active'",
    )
    .bind(ctx.org_id())
    .bind(email.trim().to_lowercase())
    .fetch_optional(&ctx.db)
    .await?
    .ok_or_else(|| AppError::not_found(crate::msg!("users-with-email", email = email.trim())))
}
