//! Customer rows. Reads are scoped to the caller's organization (another
//! organization's id is "not found"); each change runs in a unit of work
//! with its activity entry. This module holds the row type and the helpers
//! the reads and the changes share.

mod changes;
mod reads;
mod requests;

pub use changes::{create, insert, record_agreement, update_billing, update_details};
pub use reads::{find, get, list};
pub use requests::{request, CustomerRequest};

use crate::access::Identity;
use crate::activity::service::{Target, Work};
use crate::activity::{FieldChange, Operation};
use crate::customers::{BillingInfo, Customer, CustomerActions, CustomerDetails};
use crate::db::{Arg, Backend, Statement};
use crate::error::{AppError, AppResult};
use crate::request::Ctx;
use sqlx::AnyConnection;

const COLUMNS: &str = "customer_id, name, domain, contact_email, phone, address, billing_email, \
     billing_address, tax_id, relationship_status, delegated_admin_status, agreement_accepted_at, version";

#[derive(sqlx::FromRow, Clone)]
pub(crate) struct CustomerRow {
    customer_id: String,
    name: String,
    domain: String,
    contact_email: String,
    phone: String,
    address: String,
    billing_email: String,
    billing_address: String,
    tax_id: String,
    relationship_status: String,
    pub(crate) delegated_admin_status: String,
    agreement_accepted_at: Option<i64>,
    version: i64,
}

impl CustomerRow {
    fn into_customer(self, me: &Identity) -> Customer {
        let actions = CustomerActions::for_identity(me);
        Customer {
            customer_id: self.customer_id,
            domain: self.domain,
            details: CustomerDetails {
                name: self.name,
                contact_email: self.contact_email,
                phone: self.phone,
                address: self.address,
            },
            billing: actions.can_edit_billing.then_some(BillingInfo {
                billing_email: self.billing_email,
                billing_address: self.billing_address,
                tax_id: self.tax_id,
            }),
            relationship_status: self.relationship_status,
            delegated_admin_status: self.delegated_admin_status,
            agreement_accepted_at: self
                .agreement_accepted_at
                .filter(|_| actions.can_view_agreement),
            version: self.version,
            actions,
        }
    }
}

async fn load(conn: &mut AnyConnection, org_id: &str, customer_id: &str) -> AppResult<CustomerRow> {
    sqlx::query_as::<_, CustomerRow>(&format!(
        "select {COLUMNS} from customer where org_id = $1 and customer_id = $2"
    ))
    .bind(org_id)
    .bind(customer_id)
    .fetch_optional(conn)
    .await?
    .ok_or_else(|| AppError::not_found(crate::msg!("customers-the-customer")))
}

/// Checks that a customer belongs to the caller's organization; returns its
/// name and domain.
pub async fn require_customer(
    conn: &mut AnyConnection,
    org_id: &str,
    customer_id: &str,
) -> AppResult<(String, String)> {
    let row = load(conn, org_id, customer_id).await?;
    Ok((row.name, row.domain))
}

/// [`require_customer`] that also takes the customer's row lock for the rest
/// of the transaction. Every change that counts or takes seats of the
/// customer's subscriptions starts with it, so two of them run one after the
/// other: on PostgreSQL the second waits for the first to commit and then
/// reads its seats; on SQLite the write lock is taken before anything is read.
pub async fn lock_customer(
    conn: &mut AnyConnection,
    org_id: &str,
    customer_id: &str,
) -> AppResult<(String, String)> {
    sqlx::query("update customer set version = version where org_id = $1 and customer_id = $2")
        .bind(org_id)
        .bind(customer_id)
        .execute(&mut *conn)
        .await?;
    require_customer(conn, org_id, customer_id).await
}

fn validation(errors: crate::error::FieldErrors) -> AppResult<()> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AppError::Validation(errors))
    }
}

fn stale() -> AppError {
    AppError::stale(crate::key!("error-stale-customer"))
}

/// Sets `set_sql` (with a `?` for each of `values`) on a customer row of
/// the caller's organization, if it is still at `version`, and records
/// `changes` in the same unit of work; changes nothing when `changes` is
/// empty. The one path of every edit to a customer.
pub(crate) async fn update_row(
    ctx: &Ctx,
    customer_id: &str,
    version: i64,
    (operation, set_sql): (Operation, &str),
    values: Vec<Arg>,
    changes: impl FnOnce(&CustomerRow) -> Vec<FieldChange>,
) -> AppResult<Customer> {
    let me = &ctx.me;
    let mut work = Work::begin(&ctx.db, &ctx.actor).await?;
    let row = load(work.conn(), &me.org_id, customer_id).await?;
    if row.version != version {
        return Err(stale());
    }
    let changes = changes(&row);
    if changes.is_empty() {
        return Ok(row.into_customer(me));
    }
    let mut update = Statement::new(Backend::of_conn(work.conn()));
    update.push(
        &format!(
            "update customer set {set_sql}, version = version + 1 \
             where customer_id = ? and org_id = ? and version = ?"
        ),
        values.into_iter().chain([
            Arg::from(customer_id),
            Arg::from(me.org_id.as_str()),
            Arg::Int(version),
        ]),
    );
    let done = sqlx::query_with(update.sql(), update.arguments())
        .execute(work.conn())
        .await?;
    if done.rows_affected() != 1 {
        return Err(stale());
    }
    work.record(operation, Target::customer(customer_id, &row.name), changes);
    let updated = load(work.conn(), &me.org_id, customer_id).await?;
    work.commit().await?;
    Ok(updated.into_customer(me))
}

pub(crate) fn diff(pairs: &[(&str, &str, &str)]) -> Vec<FieldChange> {
    pairs
        .iter()
        .filter(|(_, b, a)| b != a)
        .map(|(f, b, a)| FieldChange::new(f, Some(b.to_string()), Some(a.to_string())))
        .collect()
}
