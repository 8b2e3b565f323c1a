//! The one way new customer users are written, for "Add user" (one row) and
//! the CSV import (up to [`BATCH`] rows at a time): user rows, licence rows
//! and one activity entry per user, with multi-row statements so 100,000
//! users stay within seconds.

use super::super::{CustomerAdminRole, HeldLicence};
use crate::activity::service::{entry_statements, Actor, Entry, Target, Work};
use crate::activity::{FieldChange, Operation};
use crate::auth::secrets;
use crate::db::{bind, new_id, now_millis, rows_sql, Backend, Prepared};
use crate::error::AppResult;
use sqlx::any::AnyArguments;

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
    let writer = Writer::new(work, org_id, customer_id).await?;
    let mut out = Vec::with_capacity(rows.len());
    for batch in rows.chunks(BATCH) {
        let (_, written) = writer.prepare(batch.to_vec())?.write(work).await?;
        out.extend(written);
    }
    Ok(out)
}

/// Builds batches of new users of one customer apart from the transaction,
/// so an import builds the next batch while the database writes this one.
pub(crate) struct Writer {
    key: Vec<u8>,
    backend: Backend,
    actor: Actor,
    org_id: String,
    customer_id: String,
}

/// Up to [`BATCH`] new users made ready to write: their ids and temporary
/// passwords, and the statements that write them, their licences and their
/// activity entries.
pub(crate) struct UserBatch {
    rows: Vec<NewUserRow>,
    written: Vec<WrittenUser>,
    statements: Vec<Prepared>,
}

impl Writer {
    /// A writer for `customer_id`'s new users inside `work` (whose actor
    /// the entries name).
    pub(crate) async fn new(work: &mut Work, org_id: &str, customer_id: &str) -> AppResult<Writer> {
        Ok(Writer {
            key: secrets::server_key_conn(work.conn()).await?,
            backend: Backend::of_conn(work.conn()),
            actor: work.actor().clone(),
            org_id: org_id.into(),
            customer_id: customer_id.into(),
        })
    }

    /// Makes `rows` (at most [`BATCH`]) ready to write.
    pub(crate) fn prepare(&self, rows: Vec<NewUserRow>) -> AppResult<UserBatch> {
        let now = now_millis();
        let written: Vec<WrittenUser> = rows
            .iter()
            .map(|_| WrittenUser {
                customer_user_id: new_id(),
                temporary_password: secrets::new_temporary_password(),
            })
            .collect();
        let mut statements = vec![self.user_rows(&rows, &written, now)];
        let licences: Vec<(&str, &str)> = rows
            .iter()
            .zip(&written)
            .flat_map(|(row, w)| {
                row.licences
                    .iter()
                    .map(|l| (w.customer_user_id.as_str(), l.subscription_id.as_str()))
            })
            .collect();
        statements.extend(self.licence_rows(&licences, now));
        let entries: Vec<Entry> = rows
            .iter()
            .zip(&written)
            .map(|(row, w)| entry(&self.customer_id, row, &w.customer_user_id))
            .collect();
        statements.extend(entry_statements(&self.actor, self.backend, now, &entries)?);
        Ok(UserBatch {
            rows,
            written,
            statements,
        })
    }

    /// One multi-row insert of `customer_user` rows.
    fn user_rows(&self, rows: &[NewUserRow], written: &[WrittenUser], now: i64) -> Prepared {
        let sql = rows_sql(
            self.backend,
            "insert into customer_user (customer_user_id, org_id, customer_id, first_name, last_name, display_name,
                 user_name, user_name_lower, admin_role, password_hash, must_change_password, status, created_at) values ",
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 'active', ?)",
            rows.len(),
        );
        let mut args = AnyArguments::default();
        for (row, w) in rows.iter().zip(written) {
            bind(&mut args, w.customer_user_id.clone());
            bind(&mut args, self.org_id.clone());
            bind(&mut args, self.customer_id.clone());
            bind(&mut args, row.first_name.clone());
            bind(&mut args, row.last_name.clone());
            bind(&mut args, row.display_name.clone());
            bind(&mut args, row.user_name.clone());
            bind(&mut args, row.user_name.to_lowercase());
            bind(&mut args, row.admin_role.key());
            bind(
                &mut args,
                secrets::keyed_hash(&self.key, &w.temporary_password),
            );
            bind(&mut args, now);
        }
        Prepared::new(sql, args)
    }

    /// Multi-row inserts of held licences, `(customer_user_id, subscription_id)`.
    fn licence_rows(&self, licences: &[(&str, &str)], now: i64) -> Vec<Prepared> {
        licences
            .chunks(BATCH)
            .map(|chunk| {
                let sql = rows_sql(
                    self.backend,
                    "insert into licence (customer_user_id, subscription_id, released, assigned_at) values ",
                    "(?, ?, 0, ?)",
                    chunk.len(),
                );
                let mut args = AnyArguments::default();
                for (user, subscription) in chunk {
                    bind(&mut args, user.to_string());
                    bind(&mut args, subscription.to_string());
                    bind(&mut args, now);
                }
                Prepared::new(sql, args)
            })
            .collect()
    }
}

impl UserBatch {
    /// Writes the batch in `work`; gives back its rows and the users written,
    /// in the same order.
    pub(crate) async fn write(
        self,
        work: &mut Work,
    ) -> AppResult<(Vec<NewUserRow>, Vec<WrittenUser>)> {
        work.run(self.statements, self.rows.len()).await?;
        Ok((self.rows, self.written))
    }
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
