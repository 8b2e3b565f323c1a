//! Customer leads (server only).

use super::{check_lead, may_convert, may_set_status, Lead, NewLead, SETTABLE_STATUSES};
use crate::access::Capability;
use crate::activity::service::{Target, Work};
use crate::activity::{FieldChange, Operation};
use crate::customers::{Customer, CustomerDetails, NewCustomer};
use crate::db::{new_id, now_millis};
use crate::error::{AppError, AppResult};
use crate::request::Ctx;
use sqlx::AnyConnection;

const COLUMNS: &str = "lead_id, company, contact_name, contact_email, notes, status, customer_id, \
                       version, created_at";

#[derive(sqlx::FromRow)]
struct LeadRow {
    lead_id: String,
    company: String,
    contact_name: String,
    contact_email: String,
    notes: String,
    status: String,
    customer_id: Option<String>,
    version: i64,
    created_at: i64,
}

impl From<LeadRow> for Lead {
    fn from(r: LeadRow) -> Lead {
        Lead {
            lead_id: r.lead_id,
            company: r.company,
            contact_name: r.contact_name,
            contact_email: r.contact_email,
            notes: r.notes,
            status: r.status,
            customer_id: r.customer_id,
            version: r.version,
            created_at: r.created_at,
        }
    }
}

async fn load(conn: &mut AnyConnection, org_id: &str, lead_id: &str) -> AppResult<Lead> {
    sqlx::query_as::<_, LeadRow>(&format!(
        "select {COLUMNS} from customer_lead where org_id = $1 and lead_id = $2"
    ))
    .bind(org_id)
    .bind(lead_id)
    .fetch_optional(&mut *conn)
    .await?
    .map(Lead::from)
    .ok_or_else(|| AppError::not_found(crate::msg!("leads-the-lead")))
}

/// The organization's leads: new and qualified first, then lost and
/// converted; newest first within each.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn list(ctx: &Ctx) -> AppResult<Vec<Lead>> {
    ctx.require(Capability::LeadsManage)?;
    let rows: Vec<LeadRow> = sqlx::query_as(&format!(
        "select {COLUMNS} from customer_lead where org_id = $1
          order by case when status in ('new', 'qualified') then 0 else 1 end, created_at desc
          limit 500"
    ))
    .bind(ctx.org_id())
    .fetch_all(&ctx.db)
    .await?;
    Ok(rows.into_iter().map(Lead::from).collect())
}

/// One lead of the caller's organization.
pub async fn get(ctx: &Ctx, lead_id: &str) -> AppResult<Lead> {
    ctx.require(Capability::LeadsManage)?;
    let mut conn = ctx.db.acquire().await?;
    load(&mut conn, ctx.org_id(), lead_id).await
}

/// Adds a lead (status `new`).
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn create(ctx: &Ctx, new: &NewLead) -> AppResult<Lead> {
    ctx.require(Capability::LeadsManage)?;
    let errors = check_lead(new);
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let id = new_id();
    let mut work = Work::begin(&ctx.db, &ctx.actor).await?;
    sqlx::query(
        "insert into customer_lead
           (lead_id, org_id, company, contact_name, contact_email, notes, created_at)
         values ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&id)
    .bind(ctx.org_id())
    .bind(new.company.trim())
    .bind(new.contact_name.trim())
    .bind(new.contact_email.trim())
    .bind(new.notes.trim())
    .bind(now_millis())
    .execute(work.conn())
    .await?;
    work.record(
        Operation::LeadCreated,
        Target::lead(&id, new.company.trim()),
        vec![
            FieldChange::new("company", None, Some(new.company.trim().into())),
            FieldChange::new("contact", None, Some(new.contact_email.trim().into())),
        ],
    );
    let lead = load(work.conn(), ctx.org_id(), &id).await?;
    work.commit().await?;
    Ok(lead)
}

/// Reads a lead inside `work` and checks the version the caller read.
async fn begin_on(work: &mut Work, ctx: &Ctx, lead_id: &str, version: i64) -> AppResult<Lead> {
    // Takes the write lock first (SQLite) / the row lock (PostgreSQL), so
    // two changes of one lead run one after the other.
    sqlx::query("update customer_lead set version = version where org_id = $1 and lead_id = $2")
        .bind(ctx.org_id())
        .bind(lead_id)
        .execute(work.conn())
        .await?;
    let lead = load(work.conn(), ctx.org_id(), lead_id).await?;
    if lead.version != version {
        return Err(AppError::stale(crate::key!("error-stale-lead")));
    }
    if lead.status == "converted" {
        return Err(AppError::Conflict {
            field: "status".into(),
            message: crate::msg!("leads-already-customer"),
        });
    }
    Ok(lead)
}

/// Sets a lead's status (`new`, `qualified` or `lost`).
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn set_status(ctx: &Ctx, lead_id: &str, version: i64, status: &str) -> AppResult<Lead> {
    ctx.require(Capability::LeadsManage)?;
    if !SETTABLE_STATUSES.contains(&status) {
        return Err(AppError::invalid(
            "status",
            crate::msg!("leads-choose-status"),
        ));
    }
    let mut work = Work::begin(&ctx.db, &ctx.actor).await?;
    let before = begin_on(&mut work, ctx, lead_id, version).await?;
    if before.status == status {
        return Ok(before);
    }
    if !may_set_status(&before.status, status) {
        return Err(AppError::Conflict {
            field: "status".into(),
            message: crate::msg!("leads-status-not-allowed"),
        });
    }
    sqlx::query(
        "update customer_lead set status = $1, version = version + 1 where org_id = $2 and lead_id = $3",
    )
    .bind(status)
    .bind(ctx.org_id())
    .bind(lead_id)
    .execute(work.conn())
    .await?;
    work.record(
        Operation::LeadStatusChanged,
        Target::lead(lead_id, &before.company),
        vec![FieldChange::new(
            "status",
            Some(before.status.clone()),
            Some(status.into()),
        )],
    );
    let after = load(work.conn(), ctx.org_id(), lead_id).await?;
    work.commit().await?;
    Ok(after)
}

/// Turns a lead into a customer with `domain` (company name and contact
/// email carried over), in one transaction: the customer, the lead marked
/// converted and pointing at it, and both activity entries, or nothing.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn convert(ctx: &Ctx, lead_id: &str, version: i64, domain: &str) -> AppResult<Customer> {
    ctx.require(Capability::LeadsManage)?;
    ctx.require(Capability::CustomersCreate)?;
    let mut work = Work::begin(&ctx.db, &ctx.actor).await?;
    let lead = begin_on(&mut work, ctx, lead_id, version).await?;
    if !may_convert(&lead.status) {
        return Err(AppError::Conflict {
            field: "status".into(),
            message: crate::msg!("leads-reopen-to-convert"),
        });
    }
    let new = NewCustomer {
        details: CustomerDetails {
            name: lead.company.clone(),
            contact_email: lead.contact_email.clone(),
            ..CustomerDetails::default()
        },
        domain: domain.to_string(),
    };
    let customer_id = crate::customers::service::insert(&mut work, ctx, &new).await?;
    sqlx::query(
        "update customer_lead set status = 'converted', customer_id = $1, version = version + 1
          where org_id = $2 and lead_id = $3",
    )
    .bind(&customer_id)
    .bind(ctx.org_id())
    .bind(lead_id)
    .execute(work.conn())
    .await?;
    work.record(
        Operation::LeadConverted,
        Target::lead(lead_id, &lead.company),
        vec![FieldChange::new(
            "status",
            Some(lead.status.clone()),
            Some("converted".into()),
        )],
    );
    work.commit().await?;
    crate::customers::service::get(ctx, &customer_id).await
}
