//! Reads: the organization's groups, one group with its members, and the
//! groups of a page of users.

use super::{actions_on, load, GrantRow, GroupRow, GRANTS, SELECT};
use crate::access::{Capability, GroupGrant};
use crate::db::{Backend, Statement};
use crate::error::AppResult;
use crate::groups::{Group, GroupDetail, GroupMember};
use crate::request::Ctx;
use sqlx::AnyConnection;
use std::collections::HashMap;

/// Who may read groups: their managers, and whoever sees the users they hold.
const READERS: &[Capability] = &[Capability::GroupsManage, Capability::UsersView];

/// The organization's groups, by name.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn list(ctx: &Ctx) -> AppResult<Vec<Group>> {
    ctx.require_any(READERS)?;
    let rows: Vec<GroupRow> = sqlx::query_as(&format!(
        "{SELECT} where g.org_id = $1 order by g.name_lower"
    ))
    .bind(ctx.org_id())
    .fetch_all(&ctx.db)
    .await?;
    Ok(rows.into_iter().map(|r| r.into_group(&ctx.me)).collect())
}

/// One group with its active members; another organization's id is 404.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn get(ctx: &Ctx, group_id: &str) -> AppResult<GroupDetail> {
    ctx.require_any(READERS)?;
    let mut conn = ctx.db.acquire().await?;
    let row = load(&mut conn, ctx.org_id(), group_id).await?;
    let members: Vec<GroupMember> = sqlx::query_as::<_, (String, String, String)>(
        "select u.user_id, u.display_name, u.email from group_member m
           join app_user u on u.user_id = m.user_id
          where m.group_id = $1 and u.org_id = $2 and u.status = 'active'
          order by lower(u.display_name), u.user_id",
    )
    .bind(group_id)
    .bind(ctx.org_id())
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|(user_id, display_name, email)| GroupMember {
        user_id,
        display_name,
        email,
    })
    .collect();
    let (_, locked_reason) = actions_on(&ctx.me, &row.group_id, &row.access());
    Ok(GroupDetail {
        group: row.into_group(&ctx.me),
        members,
        locked_reason,
    })
}

/// The groups of each of `user_ids` (one query for a page of users).
pub async fn memberships(
    conn: &mut AnyConnection,
    org_id: &str,
    user_ids: &[String],
) -> AppResult<HashMap<String, Vec<GroupGrant>>> {
    let mut out: HashMap<String, Vec<GroupGrant>> = HashMap::new();
    if user_ids.is_empty() {
        return Ok(out);
    }
    let mut st = Statement::new(Backend::of_conn(conn));
    st.push(&format!("{GRANTS} where g.org_id = ?"), [org_id]);
    st.push(" and m.user_id in (", Vec::<String>::new());
    for (i, id) in user_ids.iter().enumerate() {
        st.push(if i == 0 { "?" } else { ", ?" }, [id.as_str()]);
    }
    st.push(") order by g.name_lower", Vec::<String>::new());
    let rows: Vec<GrantRow> = sqlx::query_as_with(st.sql(), st.arguments())
        .fetch_all(conn)
        .await?;
    for row in rows {
        let (user, grant) = row.into_grant();
        out.entry(user).or_default().push(grant);
    }
    Ok(out)
}
