//! Memberships: adding users to a group and taking them out, one activity
//! entry per user. Shared by the group's page and the users list's bulk actions.

use super::{load, refused};
use crate::activity::service::{Target, Work};
use crate::activity::{FieldChange, Operation};
use crate::db::now_millis;
use crate::error::AppResult;
use crate::groups::{MembershipResult, Skipped};
use crate::request::Ctx;
use crate::users::service::{brief, UserBrief};

/// A group opened for membership changes inside a unit of work: the caller
/// may give (and take) everything it gives.
pub struct Membership {
    group_id: String,
    name: String,
}

impl Membership {
    /// Loads the group (404 for another organization's) and checks the caller
    /// may change who is in it.
    pub async fn open(ctx: &Ctx, work: &mut Work, group_id: &str) -> AppResult<Membership> {
        let row = load(work.conn(), ctx.org_id(), group_id).await?;
        if let Some(e) = refused(&ctx.me, &row, true) {
            return Err(e);
        }
        Ok(Membership {
            group_id: row.group_id,
            name: row.name,
        })
    }

    /// The group's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The group's id.
    pub fn group_id(&self) -> &str {
        &self.group_id
    }
}

/// Adds (`add`) or removes one user, recording it; `Ok(Err(reason))` when
/// the user is left alone.
pub async fn change_membership(
    ctx: &Ctx,
    work: &mut Work,
    group: &Membership,
    user: &UserBrief,
    add: bool,
) -> AppResult<Result<(), String>> {
    if user.user_id == ctx.me.user_id {
        return Ok(Err(crate::msg!("users-skip-thats-you")));
    }
    if !user.active {
        return Ok(Err(crate::msg!("groups-skip-removed-user")));
    }
    if !ctx.me.may_act_on(user.global_admin) {
        return Ok(Err(crate::msg!("groups-skip-global-admin-only")));
    }
    let done = if add {
        sqlx::query(
            "insert into group_member (group_id, user_id, org_id, added_at)
             select $1, $2, $3, $4
              where not exists (select 1 from group_member where group_id = $1 and user_id = $2)",
        )
        .bind(&group.group_id)
        .bind(&user.user_id)
        .bind(ctx.org_id())
        .bind(now_millis())
        .execute(work.conn())
        .await?
    } else {
        sqlx::query("delete from group_member where group_id = $1 and user_id = $2 and org_id = $3")
            .bind(&group.group_id)
            .bind(&user.user_id)
            .bind(ctx.org_id())
            .execute(work.conn())
            .await?
    };
    if done.rows_affected() == 0 {
        return Ok(Err(if add {
            crate::msg!("groups-skip-already-member")
        } else {
            crate::msg!("groups-skip-not-member")
        }));
    }
    let (op, change) = if add {
        (
            Operation::GroupMemberAdded,
            FieldChange::new("group", None, Some(group.name.clone())),
        )
    } else {
        (
            Operation::GroupMemberRemoved,
            FieldChange::new("group", Some(group.name.clone()), None),
        )
    };
    work.record(
        op,
        Target::user(&user.user_id, &user.display_name),
        vec![change],
    );
    Ok(Ok(()))
}

async fn change_members(
    ctx: &Ctx,
    group_id: &str,
    user_ids: &[String],
    add: bool,
) -> AppResult<MembershipResult> {
    ctx.require(crate::access::Capability::GroupsManage)?;
    let mut work = Work::begin(&ctx.db, &ctx.actor).await?;
    let group = Membership::open(ctx, &mut work, group_id).await?;
    let mut result = MembershipResult::default();
    for id in user_ids {
        let user = brief(work.conn(), ctx.org_id(), id).await?;
        match change_membership(ctx, &mut work, &group, &user, add).await? {
            Ok(()) => result.changed.push(user.display_name),
            Err(reason) => result.skipped.push(Skipped {
                name: user.display_name,
                reason,
            }),
        }
    }
    work.commit_if_changed().await?;
    Ok(result)
}

/// Adds users to a group (all in one transaction; an unknown id is 404 and
/// nothing changes).
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn add_members(
    ctx: &Ctx,
    group_id: &str,
    user_ids: &[String],
) -> AppResult<MembershipResult> {
    change_members(ctx, group_id, user_ids, true).await
}

/// Takes users out of a group.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn remove_members(
    ctx: &Ctx,
    group_id: &str,
    user_ids: &[String],
) -> AppResult<MembershipResult> {
    change_members(ctx, group_id, user_ids, false).await
}
