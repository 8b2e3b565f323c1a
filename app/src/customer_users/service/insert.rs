//! The one way new customer users are written, for "Add user" (one row) and
//! the CSV import (up to [`BATCH`] rows at a time): user rows, licence rows
//! and one activity entry per user, with multi-row statements so 100,000
//! users stay within seconds.

use super::super::{CustomerAdminRole, HeldLicence};
use crate::activity::service::{Entry, Target, Work};
use crate::activity::{FieldChange, Operation};
use crate::auth::secrets;
use crate::db::{new_id, now_millis, Backend};
use crate::error::AppResult;

/// Rows per multi-row `insert`: 11 bound values per user row and 3 per
/// licence row (SQLite allows 32,766 values per statement, PostgreSQL 65,535).
pub const BATCH: usize = 1000;

/// A new user whose fields, user name and seats have been checked: ready to
/// write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewUserRow {
    pub first_name: String,
    pub last_name: String,
    pub display_name: String,
    /// The whole user name, `alias@domain`.
    pub user_name: String,
    /// A key of [`CUSTOMER_ADMIN_ROLES`](super::super::CUSTOMER_ADMIN_ROLES).
    pub admin_role: CustomerAdminRole,
    /// Licences to take a seat of (the seats are known to be free).
    pub licences: Vec<HeldLicence>,
}

/// A user as written: the new id and the temporary password, shown once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrittenUser {
    pub customer_user_id: String,
    pub temporary_password: String,
}

/// Writes `rows` as active users of `customer_id` inside `work`, each with a
/// temporary password and its licences, and records a "customer user
/// created" entry for each. Returns the written users in the order of
/// `rows`. A taken user name is refused by the unique index (409).
pub(crate) async fn insert_users(
    work: &mut Work,
    org_id: &str,
    customer_id: &str,
    rows: &[NewUserRow],
) -> AppResult<Vec<WrittenUser>> {
    let key = secrets::server_key_conn(work.conn()).await?;
    let now = now_millis();
    let mut out = Vec::with_capacity(rows.len());
    for batch in rows.chunks(BATCH) {
        let written: Vec<WrittenUser> = batch
            .iter()
            .map(|_| WrittenUser {
                customer_user_id: new_id(),
                temporary_password: secrets::new_temporary_password(),
            })
            .collect();
        let hashes: Vec<String> = written
            .iter()
            .map(|w| secrets::keyed_hash(&key, &w.temporary_password))
            .collect();
        user_rows(work, org_id, customer_id, batch, &written, &hashes, now).await?;
        let licences: Vec<(&str, &str)> = batch
            .iter()
            .zip(&written)
            .flat_map(|(row, w)| {
                row.licences
                    .iter()
                    .map(|l| (w.customer_user_id.as_str(), l.subscription_id.as_str()))
            })
            .collect();
        licence_rows(work, &licences, now).await?;
        for (row, w) in batch.iter().zip(&written) {
            work.push(entry(customer_id, row, &w.customer_user_id));
        }
        out.extend(written);
    }
    Ok(out)
}

/// `(p1, p2, …)` groups of `per_row` placeholders for `rows` rows, comma-separated.
fn values(
    backend: Backend,
    rows: usize,
    per_row: usize,
    shape: impl Fn(&[String]) -> String,
) -> String {
    (0..rows)
        .map(|i| {
            let p: Vec<String> = (1..=per_row)
                .map(|k| backend.param(i * per_row + k))
                .collect();
            shape(&p)
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// One multi-row insert of `customer_user` rows (at most [`BATCH`]).
async fn user_rows(
    work: &mut Work,
    org_id: &str,
    customer_id: &str,
    batch: &[NewUserRow],
    written: &[WrittenUser],
    hashes: &[String],
    now: i64,
) -> AppResult<()> {
    let backend = Backend::of_conn(work.conn());
    let sql = format!(
        "insert into customer_user (customer_user_id, org_id, customer_id, first_name, last_name, display_name,
             user_name, user_name_lower, admin_role, password_hash, must_change_password, status, created_at) values {}",
        values(backend, batch.len(), 11, |p| format!(
            "({}, {}, {}, {}, {}, {}, {}, {}, {}, {}, 1, 'active', {})",
            p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], p[10]
        ))
    );
    let mut q = sqlx::query(&sql);
    for ((row, w), hash) in batch.iter().zip(written).zip(hashes) {
        q = q
            .bind(&w.customer_user_id)
            .bind(org_id)
            .bind(customer_id)
            .bind(&row.first_name)
            .bind(&row.last_name)
            .bind(&row.display_name)
            .bind(&row.user_name)
            .bind(row.user_name.to_lowercase())
            .bind(row.admin_role.key())
            .bind(hash)
            .bind(now);
    }
    q.execute(work.conn()).await?;
    Ok(())
}

/// Multi-row inserts of held licences, `(customer_user_id, subscription_id)`.
async fn licence_rows(work: &mut Work, licences: &[(&str, &str)], now: i64) -> AppResult<()> {
    let backend = Backend::of_conn(work.conn());
    for chunk in licences.chunks(BATCH) {
        let sql = format!(
            "insert into licence (customer_user_id, subscription_id, released, assigned_at) values {}",
            values(backend, chunk.len(), 3, |p| format!(
                "({}, {}, 0, {})",
                p[0], p[1], p[2]
            ))
        );
        let mut q = sqlx::query(&sql);
        for (user, subscription) in chunk {
            q = q.bind(*user).bind(*subscription).bind(now);
        }
        q.execute(work.conn()).await?;
    }
    Ok(())
}

/// The activity entry of one created user.
fn entry(customer_id: &str, row: &NewUserRow, id: &str) -> Entry {
    let mut changes = vec![
        FieldChange::new("user name", None, Some(row.user_name.clone())),
        FieldChange::new("display name", None, Some(row.display_name.clone())),
        FieldChange::new("admin role", None, Some(row.admin_role.label().into())),
        FieldChange::secret("temporary password"),
    ];
    if !row.licences.is_empty() {
        let products: Vec<&str> = row.licences.iter().map(|l| l.product.as_str()).collect();
        changes.push(FieldChange::new(
            "licences",
            None,
            Some(products.join(", ")),
        ));
    }
    Entry::new(
        Operation::CustomerUserCreated,
        Target::customer_user(customer_id, id, &row.display_name),
        changes,
    )
}
