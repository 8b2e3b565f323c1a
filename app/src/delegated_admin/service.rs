//! Delegated administration (server only): the customers' privileges, the
//! customer's answer, ending them, and administering on a customer's behalf.

use super::{
    AdminOverview, CustomerAdmin, DapActions, DapCustomer, DapPage, DapQuery, DapStatus,
    DAP_PAGE_SIZE,
};
use crate::access::Capability;
use crate::activity::service::{Target, Work};
use crate::activity::Operation;
use crate::customer_users::CustomerAdminRole;
use crate::customers::service::{diff, update_row};
use crate::customers::Customer;
use crate::db::{like, now_millis};
use crate::error::{AppError, AppResult};
use crate::request::Ctx;

#[derive(sqlx::FromRow)]
struct Row {
    customer_id: String,
    name: String,
    domain: String,
    delegated_admin_status: String,
    delegated_admin_changed_at: Option<i64>,
    version: i64,
}

impl Row {
    fn into_item(self, ctx: &Ctx) -> DapCustomer {
        let status = DapStatus::from_key(&self.delegated_admin_status);
        DapCustomer {
            customer_id: self.customer_id,
            name: self.name,
            domain: self.domain,
            status,
            changed_at: self.delegated_admin_changed_at,
            version: self.version,
            actions: DapActions::for_identity(&ctx.me, status),
        }
    }
}

const COLUMNS: &str =
    "customer_id, name, domain, delegated_admin_status, delegated_admin_changed_at, version";

const PRIVILEGES: &[Capability] = &[
    Capability::DelegatedAdminRequest,
    Capability::AdministerOnBehalf,
];

/// `DelegatedAdminRequest` or `AdministerOnBehalf`: a page of the
/// organization's customers with their privileges, by name or domain and
/// status.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn list(ctx: &Ctx, q: &DapQuery) -> AppResult<DapPage> {
    ctx.require_any(PRIVILEGES)?;
    let status = q.status.trim();
    if !status.is_empty() && !DapStatus::ALL.iter().any(|s| s.key() == status) {
        return Err(AppError::invalid(
            "status",
            crate::msg!("delegated-admin-choose-status"),
        ));
    }
    let search = like(&q.search);
    let filter = "org_id = $1 and (lower(name) like $2 escape '\\' or domain like $2 escape '\\')
                  and ($3 = '' or delegated_admin_status = $3)";
    let total: i64 = sqlx::query_scalar(&format!("select count(*) from customer where {filter}"))
        .bind(ctx.org_id())
        .bind(&search)
        .bind(status)
        .fetch_one(&ctx.db)
        .await?;
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "select {COLUMNS} from customer where {filter}
          order by lower(name), customer_id limit {DAP_PAGE_SIZE} offset {}",
        u64::from(q.page) * u64::from(DAP_PAGE_SIZE)
    ))
    .bind(ctx.org_id())
    .bind(&search)
    .bind(status)
    .fetch_all(&ctx.db)
    .await?;
    Ok(DapPage {
        customers: rows.into_iter().map(|r| r.into_item(ctx)).collect(),
        total,
        page: q.page,
        page_size: DAP_PAGE_SIZE,
    })
}

/// One customer with its privileges.
pub async fn get(ctx: &Ctx, customer_id: &str) -> AppResult<DapCustomer> {
    ctx.require_any(PRIVILEGES)?;
    load(ctx, customer_id).await
}

async fn load(ctx: &Ctx, customer_id: &str) -> AppResult<DapCustomer> {
    sqlx::query_as::<_, Row>(&format!(
        "select {COLUMNS} from customer where org_id = $1 and customer_id = $2"
    ))
    .bind(ctx.org_id())
    .bind(customer_id)
    .fetch_optional(&ctx.db)
    .await?
    .map(|r| r.into_item(ctx))
    .ok_or_else(|| AppError::not_found(crate::msg!("delegated-admin-the-customer")))
}

/// Moves the privileges from `from` to `to` in one unit of work with its
/// activity entry, if the customer is still at `version`. Already at `to`
/// changes nothing (a second click records nothing twice); any other
/// status is refused with `why`.
async fn transition(
    ctx: &Ctx,
    customer_id: &str,
    version: i64,
    (from, to): (DapStatus, DapStatus),
    operation: Operation,
    why: String,
) -> AppResult<DapCustomer> {
    let mut refused = false;
    let updated: Customer = update_row(
        ctx,
        customer_id,
        version,
        (
            operation,
            "delegated_admin_status = ?, delegated_admin_changed_at = ?",
        ),
        vec![to.key().into(), now_millis().into()],
        |r| {
            let now = DapStatus::from_key(&r.delegated_admin_status);
            if now == from {
                diff(&[("delegated admin", from.key(), to.key())])
            } else if now == to {
                Vec::new()
            } else {
                refused = true;
                Vec::new()
            }
        },
    )
    .await?;
    if refused {
        return Err(AppError::Conflict {
            field: "status".into(),
            message: why,
        });
    }
    load(ctx, &updated.customer_id).await
}

/// `DelegatedAdminRequest`: records the customer's answer to a pending
/// request (`accepted`: granted, else declined).
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn answer(
    ctx: &Ctx,
    customer_id: &str,
    version: i64,
    accepted: bool,
) -> AppResult<DapCustomer> {
    ctx.require(Capability::DelegatedAdminRequest)?;
    let (to, operation) = if accepted {
        (DapStatus::Granted, Operation::DelegatedAdminGranted)
    } else {
        (DapStatus::Declined, Operation::DelegatedAdminDeclined)
    };
    transition(
        ctx,
        customer_id,
        version,
        (DapStatus::Requested, to),
        operation,
        crate::msg!("delegated-admin-request-first"),
    )
    .await
}

/// `DelegatedAdminRequest`: gives granted privileges up (they may be
/// requested again).
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn end(ctx: &Ctx, customer_id: &str, version: i64) -> AppResult<DapCustomer> {
    ctx.require(Capability::DelegatedAdminRequest)?;
    transition(
        ctx,
        customer_id,
        version,
        (DapStatus::Granted, DapStatus::Ended),
        Operation::DelegatedAdminEnded,
        crate::msg!("delegated-admin-nothing-to-end"),
    )
    .await
}

/// `AdministerOnBehalf`: opens a customer's administration on its behalf,
/// which needs its delegated admin privileges granted. Every opening is
/// recorded in the activity log (who, which customer, when, from where)
/// before anything of the customer is read.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn administer(ctx: &Ctx, customer_id: &str) -> AppResult<AdminOverview> {
    ctx.require(Capability::AdministerOnBehalf)?;
    let customer = load(ctx, customer_id).await?;
    if customer.status != DapStatus::Granted {
        return Err(AppError::Conflict {
            field: "status".into(),
            message: not_granted(customer.status, &customer.name),
        });
    }
    let mut work = Work::begin(&ctx.db, &ctx.actor).await?;
    work.record(
        Operation::AdministeredOnBehalf,
        Target::customer(customer_id, &customer.name),
        Vec::new(),
    );
    work.commit().await?;

    let admins: Vec<(String, String, String)> = sqlx::query_as(
        "select display_name, user_name, admin_role from customer_user
          where customer_id = $1 and status = 'active' and admin_role <> 'none'
          order by lower(display_name), customer_user_id limit 200",
    )
    .bind(customer_id)
    .fetch_all(&ctx.db)
    .await?;
    let (active_users, unlicensed_users): (i64, i64) = sqlx::query_as(
        "select count(*),
                coalesce(sum(case when exists (select 1 from licence l
                                  where l.customer_user_id = u.customer_user_id and l.released = 0)
                             then 0 else 1 end), 0)
           from customer_user u where u.customer_id = $1 and u.status = 'active'",
    )
    .bind(customer_id)
    .fetch_one(&ctx.db)
    .await?;
    let mut conn = ctx.db.acquire().await?;
    let subscriptions = crate::subscriptions::service::list_on(&mut conn, customer_id).await?;
    Ok(AdminOverview {
        customer_id: customer.customer_id,
        name: customer.name,
        domain: customer.domain,
        granted_at: customer.changed_at,
        active_users,
        unlicensed_users,
        admins: admins
            .into_iter()
            .map(|(display_name, user_name, role)| CustomerAdmin {
                display_name,
                user_name,
                role: CustomerAdminRole::from_key(&role)
                    .map(|r| r.label().to_string())
                    .unwrap_or(role),
            })
            .collect(),
        subscriptions,
        can_manage_users: ctx.me.can(Capability::CustomerUsersManage),
    })
}

/// Why a customer can't be administered on its behalf (its privileges are
/// at `status`, not granted).
fn not_granted(status: DapStatus, customer: &str) -> String {
    match status {
        DapStatus::None => crate::msg!("delegated-admin-not-granted-none", customer = customer),
        DapStatus::Requested => {
            crate::msg!("delegated-admin-not-granted-requested", customer = customer)
        }
        DapStatus::Granted => {
            crate::msg!("delegated-admin-not-granted-granted", customer = customer)
        }
        DapStatus::Declined => {
            crate::msg!("delegated-admin-not-granted-declined", customer = customer)
        }
        DapStatus::Ended => crate::msg!("delegated-admin-not-granted-ended", customer = customer),
    }
}
