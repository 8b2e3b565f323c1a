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

/// Takes one seat of each subscription for each user, inside `work`;
/// refuses, naming the product and the shortfall, when seats run out.
pub(super) async fn assign(
    work: &mut Work,
    customer_id: &str,
    user_ids: &[String],
    subscription_ids: &[String],
) -> AppResult<Vec<String>> {
    let subs = crate::subscriptions::service::list_on(work.conn(), customer_id).await?;
    let mut products = Vec::new();
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
        }
        products.push(sub.product.clone());
    }
    Ok(products)
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
    let mut removed = Vec::new();
    for sid in &change.remove {
        let name = product(sid).ok_or_else(|| {
            AppError::invalid("licences", crate::msg!("subscriptions-choose-licences"))
        })?;
        for r in &rows {
            sqlx::query("delete from licence where customer_user_id = $1 and subscription_id = $2")
                .bind(&r.customer_user_id)
                .bind(sid)
                .execute(work.conn())
                .await?;
        }
        removed.push(name);
    }
    let ids: Vec<String> = rows.iter().map(|r| r.customer_user_id.clone()).collect();
    let added = assign(&mut work, &change.customer_id, &ids, &change.add).await?;
    let mut changes = Vec::new();
    if !added.is_empty() {
        changes.push(FieldChange::new(
            "licences added",
            None,
            Some(added.join(", ")),
        ));
    }
    if !removed.is_empty() {
        changes.push(FieldChange::new(
            "licences removed",
            Some(removed.join(", ")),
            None,
        ));
    }
    if changes.is_empty() {
        return Ok(());
    }
    for r in &rows {
        work.record(
            Operation::CustomerUserLicencesChanged,
            Target::customer_user(&change.customer_id, &r.customer_user_id, &r.display_name),
            changes.clone(),
        );
    }
    work.commit().await
}
