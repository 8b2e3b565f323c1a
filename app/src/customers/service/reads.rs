//! Reading customers: the searched list, one customer, and a lookup by id or domain.

use super::*;
use crate::access::Capability;
use crate::customers::{Customer, CustomerPage, CustomerQuery, CUSTOMER_PAGE_SIZE};
use crate::db::like;
use crate::error::{AppError, AppResult};
use crate::request::Ctx;

/// A page of the organization's customers, searched by name or domain.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn list(ctx: &Ctx, q: &CustomerQuery) -> AppResult<CustomerPage> {
    ctx.require(Capability::CustomersView)?;
    let Ctx { db, me, .. } = ctx;
    let search = like(&q.search);
    let total: i64 = sqlx::query_scalar(
        "select count(*) from customer where org_id = $1 and (lower(name) like $2 escape '\\' or domain like $2 escape '\\')",
    )
    .bind(&me.org_id)
    .bind(&search)
    .fetch_one(db)
    .await?;
    let rows: Vec<CustomerRow> = sqlx::query_as(&format!(
        "select {COLUMNS} from customer where org_id = $1 and (lower(name) like $2 escape '\\' or domain like $2 escape '\\')
         order by lower(name), customer_id limit {CUSTOMER_PAGE_SIZE} offset {}",
        u64::from(q.page) * u64::from(CUSTOMER_PAGE_SIZE)
    ))
    .bind(&me.org_id)
    .bind(&search)
    .fetch_all(db)
    .await?;
    Ok(CustomerPage {
        customers: rows.into_iter().map(|r| r.into_customer(me)).collect(),
        total,
        page: q.page,
        page_size: CUSTOMER_PAGE_SIZE,
    })
}

/// One customer of the caller's organization.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn get(ctx: &Ctx, customer_id: &str) -> AppResult<Customer> {
    ctx.require(Capability::CustomersView)?;
    let Ctx { db, me, .. } = ctx;
    let mut conn = db.acquire().await?;
    Ok(load(&mut conn, &me.org_id, customer_id)
        .await?
        .into_customer(me))
}

/// `CustomersView`: the id of the customer with this id or domain (the
/// command line names customers either way).
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn find(ctx: &Ctx, id_or_domain: &str) -> AppResult<String> {
    ctx.require(Capability::CustomersView)?;
    sqlx::query_scalar(
        "select customer_id from customer where org_id = $1 and (customer_id = $2 or domain = $2)",
    )
    .bind(ctx.org_id())
    .bind(id_or_domain.trim().to_lowercase())
    .fetch_optional(&ctx.db)
    .await?
    .ok_or_else(|| AppError::not_found(crate::msg!("customers-the-customer")))
}
