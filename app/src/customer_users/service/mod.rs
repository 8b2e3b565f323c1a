//! Customer user rows and licences: the row type and the helpers the
//! reads, accounts, licences and lifecycle modules share, and the one insert
//! of new users that "Add user" and the CSV import both write through.

mod accounts;
mod export;
mod insert;
mod licences;
mod lifecycle;
mod reads;

pub use accounts::{create, reset_password};
pub use export::{export_csv, export_parts, export_steps};
pub(crate) use insert::Writer;
pub use insert::{NewUserRow, WrittenUser, BATCH};
pub use licences::manage_licences;
pub use lifecycle::{delete, purge_expired, restore};
pub use reads::list;

use super::{CustomerAdminRole, CustomerUser, CustomerUserStatus, HeldLicence};
use crate::activity::service::Work;
use crate::customers::service::lock_customer;
use crate::db::Backend;
use crate::error::{AppError, AppResult};
use crate::request::Ctx;
use sqlx::AnyConnection;
use std::collections::HashMap;

const DAY_MS: i64 = 86_400_000;

#[derive(sqlx::FromRow)]
struct UserRow {
    customer_user_id: String,
    first_name: String,
    last_name: String,
    display_name: String,
    user_name: String,
    admin_role: String,
    status: String,
    deleted_at: Option<i64>,
}

impl UserRow {
    /// The stored status (anything unknown counts as deleted).
    fn status(&self) -> CustomerUserStatus {
        CustomerUserStatus::from_key(&self.status)
    }
}

/// Licences of the given users: held ones for active users, released ones
/// (kept for a restore) for deleted users.
async fn licences_of(
    conn: &mut AnyConnection,
    ids: &[String],
) -> AppResult<HashMap<String, Vec<HeldLicence>>> {
    let mut out: HashMap<String, Vec<HeldLicence>> = HashMap::new();
    for chunk in ids.chunks(500) {
        let sql = format!(
            "select l.customer_user_id, l.subscription_id, s.product from licence l
             join subscription s on s.subscription_id = l.subscription_id
             join customer_user u on u.customer_user_id = l.customer_user_id
             where l.customer_user_id in ({})
               and l.released = case when u.status = 'deleted' then 1 else 0 end
             order by s.product",
            Backend::of_conn(conn).params(1, chunk.len())
        );
        let mut q = sqlx::query_as::<_, (String, String, String)>(&sql);
        for id in chunk {
            q = q.bind(id);
        }
        for (user, subscription_id, product) in q.fetch_all(&mut *conn).await? {
            out.entry(user).or_default().push(HeldLicence {
                subscription_id,
                product,
            });
        }
    }
    Ok(out)
}

fn into_user(r: UserRow, licences: &mut HashMap<String, Vec<HeldLicence>>) -> CustomerUser {
    let held = licences.remove(&r.customer_user_id).unwrap_or_default();
    CustomerUser {
        customer_user_id: r.customer_user_id,
        first_name: r.first_name,
        last_name: r.last_name,
        display_name: r.display_name,
        user_name: r.user_name,
        admin_role: CustomerAdminRole::from_key(&r.admin_role).unwrap_or_default(),
        status: CustomerUserStatus::from_key(&r.status),
        deleted_at: r.deleted_at,
        licences: held,
    }
}

const COLUMNS: &str =
    "u.customer_user_id, u.first_name, u.last_name, u.display_name, u.user_name, u.admin_role, u.status, u.deleted_at";

async fn load_users(
    conn: &mut AnyConnection,
    org_id: &str,
    customer_id: &str,
    ids: &[String],
) -> AppResult<Vec<UserRow>> {
    if ids.is_empty() {
        return Err(AppError::invalid(
            "users",
            crate::msg!("customer-users-select-one"),
        ));
    }
    let backend = Backend::of_conn(conn);
    let mut rows = Vec::new();
    for chunk in ids.chunks(500) {
        let sql = format!(
            "select {COLUMNS} from customer_user u where u.org_id = {} and u.customer_id = {}
               and u.customer_user_id in ({}) order by lower(u.display_name), u.customer_user_id",
            backend.param(1),
            backend.param(2),
            backend.params(3, chunk.len())
        );
        let mut q = sqlx::query_as::<_, UserRow>(&sql)
            .bind(org_id)
            .bind(customer_id);
        for id in chunk {
            q = q.bind(id);
        }
        rows.extend(q.fetch_all(&mut *conn).await?);
    }
    if rows.len() != ids.iter().collect::<std::collections::BTreeSet<_>>().len() {
        return Err(AppError::not_found(crate::msg!(
            "customer-users-one-of-selected"
        )));
    }
    Ok(rows)
}

/// Opens a unit of work on `customer_id` (of the caller's organization) and
/// loads the selected users in it: the opening of every change to users.
async fn begin_on_users(
    ctx: &Ctx,
    customer_id: &str,
    ids: &[String],
) -> AppResult<(Work, Vec<UserRow>)> {
    let mut work = Work::begin(&ctx.db, &ctx.actor).await?;
    lock_customer(work.conn(), ctx.org_id(), customer_id).await?;
    let rows = load_users(work.conn(), ctx.org_id(), customer_id, ids).await?;
    Ok((work, rows))
}
