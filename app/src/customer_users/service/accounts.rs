//! Customer user accounts: creation with a temporary password (checked by
//! [`NewCustomerUser::problems`], written by the shared insert), and
//! password resets.

use super::super::{CreatedCustomerUser, HeldLicence, NewCustomerUser};
use super::insert::{insert_users, NewUserRow};
use super::*;
use crate::access::Capability;
use crate::activity::service::{Target, Work};
use crate::activity::{FieldChange, Operation};
use crate::auth::secrets;
use crate::customer_users::CustomerUserStatus;
use crate::customers::service::lock_customer;
use crate::error::{AppError, AppResult};
use crate::request::Ctx;

/// Creates a customer user with a temporary password (shown once) and licences.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn create(
    ctx: &Ctx,
    customer_id: &str,
    new: &NewCustomerUser,
) -> AppResult<CreatedCustomerUser> {
    ctx.require(Capability::CustomerUsersManage)?;
    let Ctx { db, me, actor, .. } = ctx;
    let mut work = Work::begin(db, actor).await?;
    let (_, domain) = lock_customer(work.conn(), &me.org_id, customer_id).await?;
    let errors = new.problems();
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let row = NewUserRow {
        first_name: new.first_name.trim().into(),
        last_name: new.last_name.trim().into(),
        display_name: new.display_name.trim().into(),
        user_name: format!("{}@{domain}", new.alias.trim()),
        admin_role: new.admin_role,
        licences: free_seats(work.conn(), customer_id, &new.licences).await?,
    };
    let written = insert_users(
        &mut work,
        &me.org_id,
        customer_id,
        std::slice::from_ref(&row),
    )
    .await?;
    let written = written.into_iter().next().ok_or(AppError::Internal)?;
    let ids = std::slice::from_ref(&written.customer_user_id);
    let mut rows = load_users(work.conn(), &me.org_id, customer_id, ids).await?;
    let mut licences = licences_of(work.conn(), ids).await?;
    work.commit().await?;
    let row = rows.pop().ok_or(AppError::Internal)?;
    Ok(CreatedCustomerUser {
        user: into_user(row, &mut licences),
        temporary_password: written.temporary_password,
    })
}

/// The chosen subscriptions of the customer, each with a free seat for one
/// new user; refuses, naming the product and the shortfall, otherwise.
async fn free_seats(
    conn: &mut AnyConnection,
    customer_id: &str,
    subscription_ids: &[String],
) -> AppResult<Vec<HeldLicence>> {
    let subs = crate::subscriptions::service::list_on(conn, customer_id).await?;
    let mut held = Vec::with_capacity(subscription_ids.len());
    for sid in subscription_ids {
        let sub = crate::subscriptions::service::find_in(&subs, sid)?;
        let available = sub.available();
        if available < 1 {
            return Err(AppError::invalid(
                "licences",
                crate::msg!(
                    "customer-users-not-enough-seats",
                    product = sub.product,
                    needed = 1,
                    available = available,
                    short = 1 - available
                ),
            ));
        }
        held.push(HeldLicence {
            subscription_id: sub.subscription_id.clone(),
            product: sub.product.clone(),
        });
    }
    Ok(held)
}

/// A new temporary password for a customer user, shown once.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn reset_password(ctx: &Ctx, customer_id: &str, user_id: &str) -> AppResult<String> {
    ctx.require(Capability::CustomerUsersManage)?;
    let (mut work, rows) = begin_on_users(ctx, customer_id, &[user_id.to_string()]).await?;
    let row = rows.first().ok_or(AppError::Internal)?;
    if row.status() != CustomerUserStatus::Active {
        return Err(AppError::invalid(
            "users",
            crate::msg!("customer-users-restore-before-reset"),
        ));
    }
    let key = secrets::server_key_conn(work.conn()).await?;
    let temporary = secrets::new_temporary_password();
    sqlx::query(
        "update customer_user set password_hash = $1, must_change_password = 1, version = version + 1
         where customer_user_id = $2",
    )
    .bind(secrets::keyed_hash(&key, &temporary))
    .bind(user_id)
    .execute(work.conn())
    .await?;
    work.record(
        Operation::CustomerUserPasswordReset,
        Target::customer_user(customer_id, user_id, &row.display_name),
        vec![FieldChange::secret("password")],
    );
    work.commit().await?;
    Ok(temporary)
}
