//! Delete, restore within 30 days, and the purge after that.

use super::super::{RestoreOutcome, RESTORE_DAYS};
use super::*;
use crate::access::Capability;
use crate::activity::service::{Actor, Target, Work};
use crate::activity::{FieldChange, Operation};
use crate::customer_users::CustomerUserStatus;
use crate::db::{now_millis, Db};
use crate::error::{AppError, AppResult};
use crate::request::Ctx;
use std::collections::BTreeMap;

/// Deletes users: they move to the "Deleted users" tab and their seats are
/// freed; the licences are remembered for a restore.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn delete(ctx: &Ctx, customer_id: &str, user_ids: &[String]) -> AppResult<usize> {
    ctx.require(Capability::CustomerUsersManage)?;
    let (mut work, rows) = begin_on_users(ctx, customer_id, user_ids).await?;
    let now = now_millis();
    let mut done = 0;
    for r in rows
        .iter()
        .filter(|r| r.status() == CustomerUserStatus::Active)
    {
        sqlx::query("update customer_user set status = 'deleted', deleted_at = $1, version = version + 1 where customer_user_id = $2")
            .bind(now)
            .bind(&r.customer_user_id)
            .execute(work.conn())
            .await?;
        sqlx::query("update licence set released = 1 where customer_user_id = $1")
            .bind(&r.customer_user_id)
            .execute(work.conn())
            .await?;
        work.record(
            Operation::CustomerUserDeleted,
            Target::customer_user(customer_id, &r.customer_user_id, &r.display_name),
            vec![FieldChange::new(
                "status",
                Some(CustomerUserStatus::Active.key().into()),
                Some(CustomerUserStatus::Deleted.key().into()),
            )],
        );
        done += 1;
    }
    if done == 0 {
        return Err(AppError::invalid(
            "users",
            crate::msg!("customer-users-already-deleted"),
        ));
    }
    work.commit().await?;
    Ok(done)
}

/// Restores deleted users (within 30 days) with each previous licence whose
/// subscription still has a free seat; reports the ones that could not come back.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn restore(
    ctx: &Ctx,
    customer_id: &str,
    user_ids: &[String],
) -> AppResult<RestoreOutcome> {
    ctx.require(Capability::CustomerUsersManage)?;
    let (mut work, rows) = begin_on_users(ctx, customer_id, user_ids).await?;
    let cutoff = now_millis() - RESTORE_DAYS * DAY_MS;
    let mut outcome = RestoreOutcome::default();
    for r in &rows {
        if r.status() != CustomerUserStatus::Deleted {
            continue;
        }
        if r.deleted_at.unwrap_or(0) < cutoff {
            return Err(AppError::invalid(
                "users",
                crate::msg!(
                    "customer-users-too-old-to-restore",
                    name = r.display_name,
                    days = RESTORE_DAYS
                ),
            ));
        }
        sqlx::query("update customer_user set status = 'active', deleted_at = null, version = version + 1 where customer_user_id = $1")
            .bind(&r.customer_user_id)
            .execute(work.conn())
            .await?;
        let previous: Vec<(String, String)> = sqlx::query_as(
            "select l.subscription_id, s.product from licence l join subscription s on s.subscription_id = l.subscription_id
             where l.customer_user_id = $1 and l.released = 1 order by s.product",
        )
        .bind(&r.customer_user_id)
        .fetch_all(work.conn())
        .await?;
        let mut back = Vec::new();
        for (sid, product) in previous {
            let subs = crate::subscriptions::service::list_on(work.conn(), customer_id).await?;
            let free = subs
                .iter()
                .find(|s| s.subscription_id == sid)
                .map(|s| s.available())
                .unwrap_or(0);
            if free > 0 {
                sqlx::query("update licence set released = 0 where customer_user_id = $1 and subscription_id = $2")
                    .bind(&r.customer_user_id)
                    .bind(&sid)
                    .execute(work.conn())
                    .await?;
                back.push(product);
            } else {
                sqlx::query(
                    "delete from licence where customer_user_id = $1 and subscription_id = $2",
                )
                .bind(&r.customer_user_id)
                .bind(&sid)
                .execute(work.conn())
                .await?;
                outcome
                    .licences_not_restored
                    .push(format!("{}: {product}", r.display_name));
            }
        }
        let mut changes = vec![FieldChange::new(
            "status",
            Some(CustomerUserStatus::Deleted.key().into()),
            Some(CustomerUserStatus::Active.key().into()),
        )];
        if !back.is_empty() {
            changes.push(FieldChange::new(
                "licences restored",
                None,
                Some(back.join(", ")),
            ));
        }
        work.record(
            Operation::CustomerUserRestored,
            Target::customer_user(customer_id, &r.customer_user_id, &r.display_name),
            changes,
        );
        outcome.restored.push(r.display_name.clone());
    }
    if outcome.restored.is_empty() {
        return Err(AppError::invalid(
            "users",
            crate::msg!("customer-users-select-deleted"),
        ));
    }
    work.commit().await?;
    Ok(outcome)
}

/// Removes for good every user deleted more than 30 days before `now`, in
/// every organization (the CLI `purge-deleted` and the server's daily task).
#[tracing::instrument(skip_all)]
pub async fn purge_expired(db: &Db, now: i64) -> AppResult<usize> {
    let cutoff = now - RESTORE_DAYS * DAY_MS;
    let rows: Vec<(String, String, String, String)> = sqlx::query_as(
        "select org_id, customer_id, customer_user_id, display_name from customer_user
         where status = 'deleted' and deleted_at < $1 order by org_id",
    )
    .bind(cutoff)
    .fetch_all(db)
    .await?;
    let mut by_org: BTreeMap<String, Vec<(String, String, String)>> = BTreeMap::new();
    for (org, customer, user, name) in rows {
        by_org.entry(org).or_default().push((customer, user, name));
    }
    let mut purged = 0;
    for (org, users) in by_org {
        let mut work = Work::begin(db, &Actor::operator(&org)).await?;
        for (customer, user, name) in users {
            // Checked again in the transaction: a user restored meanwhile
            // stays, and one another replica purged meanwhile is neither
            // deleted nor recorded twice.
            sqlx::query(
                "delete from licence where customer_user_id = $1
                   and exists (select 1 from customer_user where customer_user_id = $1
                                  and status = 'deleted' and deleted_at < $2)",
            )
            .bind(&user)
            .bind(cutoff)
            .execute(work.conn())
            .await?;
            let done = sqlx::query(
                "delete from customer_user where customer_user_id = $1
                   and status = 'deleted' and deleted_at < $2",
            )
            .bind(&user)
            .bind(cutoff)
            .execute(work.conn())
            .await?;
            if done.rows_affected() != 1 {
                continue;
            }
            work.record(
                Operation::CustomerUserPurged,
                Target::customer_user(&customer, &user, &name),
                vec![],
            );
            purged += 1;
        }
        // Nothing left to purge when another replica was first.
        work.commit_if_changed().await?;
    }
    Ok(purged)
}
