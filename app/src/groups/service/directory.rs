//! Groups as a directory manages them (SCIM 2.0, `/scim/v2/Groups`): a name,
//! the directory's external id and the member list, replaced as a whole.
//! What a group gives (roles, permissions) stays the console's to set.

use super::{load, refused, stale, Membership};
use crate::access::Capability;
use crate::activity::service::{Target, Work};
use crate::activity::{FieldChange, Operation};
use crate::db::{new_id, now_millis};
use crate::error::{AppError, AppResult};
use crate::groups::check_group_name;
use crate::request::Ctx;
use crate::users::service::brief;
use sqlx::AnyConnection;
use std::collections::BTreeSet;

/// What the directory says of a group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirectoryGroup {
    pub display_name: String,
    pub external_id: Option<String>,
    /// Member user ids.
    pub members: Vec<String>,
}

/// A group as the directory reads it back.
#[derive(Debug, Clone)]
pub struct DirectoryGroupRow {
    pub group_id: String,
    pub name: String,
    pub external_id: Option<String>,
    pub created_at: i64,
    pub version: i64,
    /// (user id, display name), by name.
    pub members: Vec<(String, String)>,
}

const READERS: &[Capability] = &[Capability::GroupsManage, Capability::UsersView];

async fn rows(
    conn: &mut AnyConnection,
    org_id: &str,
    group_id: Option<&str>,
) -> AppResult<Vec<DirectoryGroupRow>> {
    let groups: Vec<(String, String, Option<String>, i64, i64)> = sqlx::query_as(
        "select group_id, name, external_id, created_at, version from user_group
          where org_id = $1 and ($2 = '' or group_id = $2) order by created_at, group_id",
    )
    .bind(org_id)
    .bind(group_id.unwrap_or(""))
    .fetch_all(&mut *conn)
    .await?;
    let members: Vec<(String, String, String)> = sqlx::query_as(
        "select m.group_id, u.user_id, u.display_name from group_member m
           join app_user u on u.user_id = m.user_id
          where m.org_id = $1 and u.scim_deleted = 0 and ($2 = '' or m.group_id = $2)
          order by lower(u.display_name), u.user_id",
    )
    .bind(org_id)
    .bind(group_id.unwrap_or(""))
    .fetch_all(&mut *conn)
    .await?;
    Ok(groups
        .into_iter()
        .map(
            |(gid, name, external_id, created_at, version)| DirectoryGroupRow {
                members: members
                    .iter()
                    .filter(|(g, _, _)| *g == gid)
                    .map(|(_, u, n)| (u.clone(), n.clone()))
                    .collect(),
                group_id: gid,
                name,
                external_id,
                created_at,
                version,
            },
        )
        .collect())
}

async fn one(
    conn: &mut AnyConnection,
    org_id: &str,
    group_id: &str,
) -> AppResult<DirectoryGroupRow> {
    rows(conn, org_id, Some(group_id))
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| AppError::not_found("The group"))
}

/// The organization's groups with their members.
pub async fn directory_groups(ctx: &Ctx) -> AppResult<Vec<DirectoryGroupRow>> {
    ctx.require_any(READERS)?;
    let mut conn = ctx.db.acquire().await?;
    rows(&mut conn, ctx.org_id(), None).await
}

/// One group with its members; 404 for another organization's.
pub async fn directory_group(ctx: &Ctx, group_id: &str) -> AppResult<DirectoryGroupRow> {
    ctx.require_any(READERS)?;
    let mut conn = ctx.db.acquire().await?;
    one(&mut conn, ctx.org_id(), group_id).await
}

fn checked_name(name: &str) -> AppResult<String> {
    let errors = check_group_name(name);
    if !errors.is_empty() {
        return Err(AppError::invalid(
            "displayName",
            errors.into_values().flatten().next().unwrap_or_default(),
        ));
    }
    Ok(name.trim().to_string())
}

/// A name another group of the organization has (case-insensitively).
async fn name_taken(work: &mut Work, org_id: &str, name: &str, except: &str) -> AppResult<()> {
    let taken: Option<String> = sqlx::query_scalar(
        "select group_id from user_group where org_id = $1 and name_lower = $2 and group_id <> $3",
    )
    .bind(org_id)
    .bind(name.to_lowercase())
    .bind(except)
    .fetch_optional(work.conn())
    .await?;
    match taken {
        Some(_) => Err(AppError::Conflict {
            field: "displayName".into(),
            message: "A group with this name already exists.".into(),
        }),
        None => Ok(()),
    }
}

/// Makes the group's members exactly `wanted`: each user must be of the
/// organization (404 otherwise) and one the caller may act on.
async fn set_members(
    ctx: &Ctx,
    work: &mut Work,
    group: &Membership,
    current: &[(String, String)],
    wanted: &[String],
) -> AppResult<()> {
    let now: BTreeSet<&str> = current.iter().map(|(u, _)| u.as_str()).collect();
    let want: BTreeSet<&str> = wanted.iter().map(String::as_str).collect();
    for (id, add) in want
        .difference(&now)
        .map(|id| (*id, true))
        .chain(now.difference(&want).map(|id| (*id, false)))
    {
        let user = brief(work.conn(), ctx.org_id(), id).await?;
        if !ctx.me.may_act_on(user.global_admin) {
            return Err(AppError::Forbidden {
                action: "change a Global admin's groups".into(),
            });
        }
        if add {
            sqlx::query(
                "insert into group_member (group_id, user_id, org_id, added_at) values ($1, $2, $3, $4)",
            )
                    .bind(group.group_id())
            .bind(id)
            .bind(ctx.org_id())
            .bind(now_millis())
            .execute(work.conn())
            .await?;
        } else {
            sqlx::query(
                "delete from group_member where group_id = $1 and user_id = $2 and org_id = $3",
            )
            .bind(group.group_id())
            .bind(id)
            .bind(ctx.org_id())
            .execute(work.conn())
            .await?;
        }
        let change = if add {
            FieldChange::new("group", None, Some(group.name().to_string()))
        } else {
            FieldChange::new("group", Some(group.name().to_string()), None)
        };
        let op = if add {
            Operation::GroupMemberAdded
        } else {
            Operation::GroupMemberRemoved
        };
        work.record(op, Target::user(id, &user.display_name), vec![change]);
    }
    Ok(())
}

/// Creates a group from the directory, with its members and no access.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn create_from_directory(
    ctx: &Ctx,
    group: &DirectoryGroup,
) -> AppResult<DirectoryGroupRow> {
    ctx.require(Capability::GroupsManage)?;
    let name = checked_name(&group.display_name)?;
    let mut work = Work::begin(&ctx.db, &ctx.actor).await?;
    name_taken(&mut work, ctx.org_id(), &name, "").await?;
    let group_id = new_id();
    sqlx::query(
        "insert into user_group (group_id, org_id, name, name_lower, permissions, created_at, external_id)
         values ($1, $2, $3, $4, '', $5, $6)",
    )
    .bind(&group_id)
    .bind(ctx.org_id())
    .bind(&name)
    .bind(name.to_lowercase())
    .bind(now_millis())
    .bind(&group.external_id)
    .execute(work.conn())
    .await?;
    work.record(
        Operation::GroupCreated,
        Target::group(&group_id, &name),
        vec![
            FieldChange::new("name", None, Some(name.clone())),
            FieldChange::new("source", None, Some("directory sync".into())),
        ],
    );
    let membership = Membership::open(ctx, &mut work, &group_id).await?;
    set_members(ctx, &mut work, &membership, &[], &group.members).await?;
    let row = one(work.conn(), ctx.org_id(), &group_id).await?;
    work.commit().await?;
    Ok(row)
}

/// Replaces a group's name, external id and members (`version`, when
/// given, must be the current one).
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn update_from_directory(
    ctx: &Ctx,
    group_id: &str,
    group: &DirectoryGroup,
    version: Option<i64>,
) -> AppResult<DirectoryGroupRow> {
    ctx.require(Capability::GroupsManage)?;
    let name = checked_name(&group.display_name)?;
    let mut work = Work::begin(&ctx.db, &ctx.actor).await?;
    let before = one(work.conn(), ctx.org_id(), group_id).await?;
    if version.is_some_and(|v| v != before.version) {
        return Err(stale());
    }
    let membership = Membership::open(ctx, &mut work, group_id).await?;
    if name != before.name || group.external_id != before.external_id {
        name_taken(&mut work, ctx.org_id(), &name, group_id).await?;
        sqlx::query(
            "update user_group set name = $1, name_lower = $2, external_id = $3, version = version + 1
              where group_id = $4 and org_id = $5",
        )
        .bind(&name)
        .bind(name.to_lowercase())
        .bind(&group.external_id)
        .bind(group_id)
        .bind(ctx.org_id())
        .execute(work.conn())
        .await?;
        let changes: Vec<FieldChange> = [
            ("name", Some(before.name.clone()), Some(name.clone())),
            (
                "external id",
                before.external_id.clone(),
                group.external_id.clone(),
            ),
        ]
        .into_iter()
        .filter(|(_, b, a)| b != a)
        .map(|(f, b, a)| FieldChange::new(f, b, a))
        .collect();
        work.record(
            Operation::GroupRenamed,
            Target::group(group_id, &name),
            changes,
        );
    }
    set_members(ctx, &mut work, &membership, &before.members, &group.members).await?;
    let after = one(work.conn(), ctx.org_id(), group_id).await?;
    work.commit_if_changed().await?;
    Ok(after)
}

/// Deletes a group for the directory (its members lose what it gave).
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn delete_from_directory(ctx: &Ctx, group_id: &str) -> AppResult<()> {
    ctx.require(Capability::GroupsManage)?;
    let version = {
        let mut conn = ctx.db.acquire().await?;
        let row = load(&mut conn, ctx.org_id(), group_id).await?;
        if let Some(e) = refused(&ctx.me, &row, false) {
            return Err(e);
        }
        row.version
    };
    super::delete(ctx, group_id, version).await
}
