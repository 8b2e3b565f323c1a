//! Customer user accounts: creation with a temporary password, and password resets.

use super::super::{alias_problem, CreatedCustomerUser, NewCustomerUser, CUSTOMER_ADMIN_ROLES};
use super::*;
use crate::access::Capability;
use crate::activity::service::{Entry, Work};
use crate::activity::{FieldChange, Operation};
use crate::auth::secrets;
use crate::customers::service::require_customer;
use crate::db::{new_id, now_millis};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::request::Ctx;

/// Checks a new user's fields; the messages name each field.
pub fn check_new(new: &NewCustomerUser) -> FieldErrors {
    let mut errors = FieldErrors::new();
    for (field, value, label) in [
        ("first_name", &new.first_name, "first name"),
        ("last_name", &new.last_name, "last name"),
        ("display_name", &new.display_name, "display name"),
    ] {
        let n = value.trim().chars().count();
        if n == 0 || n > 100 {
            errors.insert(
                field.into(),
                vec![format!("Enter the {label} (1 to 100 characters).")],
            );
        }
    }
    if let Some(p) = alias_problem(&new.alias) {
        errors.insert("alias".into(), vec![p.into()]);
    }
    let role = if new.admin_role.is_empty() {
        "none"
    } else {
        new.admin_role.as_str()
    };
    if !CUSTOMER_ADMIN_ROLES.iter().any(|(k, _)| *k == role) {
        errors.insert(
            "admin_role".into(),
            vec!["Choose an admin role from the list.".into()],
        );
    }
    errors
}

/// Creates a customer user with a temporary password (shown once) and licences.
pub async fn create(
    ctx: &Ctx,
    customer_id: &str,
    new: &NewCustomerUser,
) -> AppResult<CreatedCustomerUser> {
    ctx.require(Capability::CustomerUsersManage)?;
    let Ctx { db, me, actor, .. } = ctx;
    let mut work = Work::begin(db, actor).await?;
    let (_, domain) = require_customer(work.conn(), &me.org_id, customer_id).await?;
    let errors = check_new(new);
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let user_name = format!("{}@{domain}", new.alias.trim());
    // A taken user name is refused by the unique index (409).
    let key = secrets::server_key_conn(work.conn()).await?;
    let temporary = secrets::new_temporary_password();
    let id = new_id();
    let role = if new.admin_role.is_empty() {
        "none"
    } else {
        new.admin_role.as_str()
    };
    sqlx::query(
        "insert into customer_user (customer_user_id, org_id, customer_id, first_name, last_name, display_name,
             user_name, user_name_lower, admin_role, password_hash, must_change_password, status, created_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1, 'active', $11)",
    )
    .bind(&id)
    .bind(&me.org_id)
    .bind(customer_id)
    .bind(new.first_name.trim())
    .bind(new.last_name.trim())
    .bind(new.display_name.trim())
    .bind(&user_name)
    .bind(user_name.to_lowercase())
    .bind(role)
    .bind(secrets::keyed_hash(&key, &temporary))
    .bind(now_millis())
    .execute(work.conn())
    .await?;
    let products = super::licences::assign(
        &mut work,
        customer_id,
        std::slice::from_ref(&id),
        &new.licences,
    )
    .await?;
    let mut changes = vec![
        FieldChange::new("user name", None, Some(user_name.clone())),
        FieldChange::new("display name", None, Some(new.display_name.trim().into())),
        FieldChange::new(
            "admin role",
            None,
            Some(crate::customer_users::customer_admin_label(role).into()),
        ),
        FieldChange::secret("temporary password"),
    ];
    if !products.is_empty() {
        changes.push(FieldChange::new(
            "licences",
            None,
            Some(products.join(", ")),
        ));
    }
    work.record(Entry::customer(
        Operation::CustomerUserCreated,
        customer_id,
        "customer-user",
        &id,
        new.display_name.trim(),
        changes,
    ));
    let mut rows = load_users(
        work.conn(),
        &me.org_id,
        customer_id,
        std::slice::from_ref(&id),
    )
    .await?;
    let mut licences = licences_of(work.conn(), std::slice::from_ref(&id)).await?;
    work.commit().await?;
    let row = rows.pop().ok_or(AppError::Internal)?;
    Ok(CreatedCustomerUser {
        user: into_user(row, &mut licences),
        temporary_password: temporary,
    })
}

/// A new temporary password for a customer user, shown once.
pub async fn reset_password(ctx: &Ctx, customer_id: &str, user_id: &str) -> AppResult<String> {
    ctx.require(Capability::CustomerUsersManage)?;
    let (mut work, rows) = begin_on_users(ctx, customer_id, &[user_id.to_string()]).await?;
    let row = rows.first().ok_or(AppError::Internal)?;
    if row.status != "active" {
        return Err(AppError::invalid(
            "users",
            "Restore the user before resetting the password.",
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
    work.record(Entry::customer(
        Operation::CustomerUserPasswordReset,
        customer_id,
        "customer-user",
        user_id,
        &row.display_name,
        vec![FieldChange::secret("password")],
    ));
    work.commit().await?;
    Ok(temporary)
}
