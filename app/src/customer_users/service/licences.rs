//! Licences: taking seats for users, and "Manage licences" for many users at once.

use super::super::LicenceChange;
use super::*;
use crate::access::Capability;
use crate::activity::service::{Target, Work};
use crate::activity::{FieldChange, Operation};
use crate::customer_users::CustomerUserStatus;
use crate::db::now_millis;
use crate::error::{AppError, AppResult};
use crate::request::Ctx;
use std::collections::HashMap;

/// Takes one seat of each subscription for each user who doesn't hold it
/// yet, inside `work`; refuses, naming the product and the shortfall, when
/// seats run out. Returns the products each user was given, by user id.
pub(super) async fn assign(
    work: &mut Work,
    customer_id: &str,
    user_ids: &[String],
    subscription_ids: &[String],
) -> AppResult<HashMap<String, Vec<String>>> {
    let subs = crate::subscriptions::service::list_on(work.conn(), customer_id).await?;
    let mut given: HashMap<String, Vec<String>> = HashMap::new();
    for sid in subscription_ids {
        let sub = crate::subscriptions::service::find_in(&subs, sid)?;
        // Users who don't hold it yet (a released row of a deleted user is not "held").
        let mut needed = Vec::new();
        for uid in user_ids {
            let held: i64 = sqlx::query_scalar(
                "select count(*) from licence where customer_user_id = $1 and subscription_id = $2 and released = 0",
            )
            .bind(uid)
            .bind(sid)
            .fetch_one(work.conn())
            .await?;
            if held == 0 {
                needed.push(uid);
            }
        }
        let available = sub.available();
        if needed.len() as i64 > available {
            return Err(AppError::invalid(
                "licences",
                crate::msg!(
                    "customer-users-not-enough-seats",
                    product = sub.product,
                    needed = needed.len(),
                    available = available,
                    short = needed.len() as i64 - available
                ),
            ));
        }
        for uid in needed {
            sqlx::query("delete from licence where customer_user_id = $1 and subscription_id = $2")
                .bind(uid)
                .bind(sid)
                .execute(work.conn())
                .await?;
            sqlx::query(
                "insert into licence (customer_user_id, subscription_id, released, assigned_at) values ($1, $2, 0, $3)",
            )
            .bind(uid)
            .bind(sid)
            .bind(now_millis())
            .execute(work.conn())
            .await?;
            given
                .entry(uid.clone())
                .or_default()
                .push(sub.product.clone());
        }
    }
    Ok(given)
}

/// "Manage licences": adds and removes licences for several users in one step.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn manage_licences(ctx: &Ctx, change: &LicenceChange) -> AppResult<()> {
    ctx.require(Capability::CustomerUsersManage)?;
    if change.add.iter().any(|a| change.remove.contains(a)) {
        return Err(AppError::invalid(
            "licences",
            crate::msg!("customer-users-add-and-remove"),
        ));
    }
    let (mut work, rows) = begin_on_users(ctx, &change.customer_id, &change.user_ids).await?;
    if rows
        .iter()
        .any(|r| r.status() != CustomerUserStatus::Active)
    {
        return Err(AppError::invalid(
            "users",
            crate::msg!("customer-users-deleted-no-licences"),
        ));
    }
    let subs = crate::subscriptions::service::list_on(work.conn(), &change.customer_id).await?;
    let product = |sid: &String| {
        subs.iter()
            .find(|s| &s.subscription_id == sid)
            .map(|s| s.product.clone())
    };
    // Per user, what they held and lost: each entry says what changed for
    // that user, and a user it changed nothing for gets none.
    let mut removed: HashMap<String, Vec<String>> = HashMap::new();
    for sid in &change.remove {
        let name = product(sid).ok_or_else(|| {
            AppError::invalid("licences", crate::msg!("subscriptions-choose-licences"))
        })?;
        for r in &rows {
            let held = sqlx::query(
                "delete from licence where customer_user_id = $1 and subscription_id = $2 and released = 0",
            )
            .bind(&r.customer_user_id)
            .bind(sid)
            .execute(work.conn())
            .await?;
            // A licence kept from before a deletion, not given back at the
            // restore for want of a seat, goes too.
            sqlx::query("delete from licence where customer_user_id = $1 and subscription_id = $2")
                .bind(&r.customer_user_id)
                .bind(sid)
                .execute(work.conn())
                .await?;
            if held.rows_affected() > 0 {
                removed
                    .entry(r.customer_user_id.clone())
                    .or_default()
                    .push(name.clone());
            }
        }
    }
    let ids: Vec<String> = rows.iter().map(|r| r.customer_user_id.clone()).collect();
    let mut added = assign(&mut work, &change.customer_id, &ids, &change.add).await?;
    let mut recorded = false;
    for r in &rows {
        let mut changes = Vec::new();
        if let Some(products) = added.remove(&r.customer_user_id) {
            changes.push(FieldChange::new(
                "licences added",
                None,
                Some(products.join(", ")),
            ));
        }
        if let Some(products) = removed.remove(&r.customer_user_id) {
            changes.push(FieldChange::new(
                "licences removed",
                Some(products.join(", ")),
                None,
            ));
        }
        if changes.is_empty() {
            continue;
        }
        work.record(
            Operation::CustomerUserLicencesChanged,
            Target::customer_user(&change.customer_id, &r.customer_user_id, &r.display_name),
            changes,
        );
        recorded = true;
    }
    if !recorded {
        return Ok(());
    }
    work.commit().await
}
