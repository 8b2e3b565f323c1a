//! Changing customers: creation, details, billing information and the agreement date.

use super::*;
use crate::access::Capability;
use crate::activity::service::{Target, Work};
use crate::activity::{FieldChange, Operation};
use crate::customers::{
    check_details, domain_problem, BillingInfo, Customer, CustomerDetails, NewCustomer,
};
use crate::db::Arg;
use crate::db::{new_id, now_millis};
use crate::error::{AppError, AppResult};
use crate::request::Ctx;

/// Creates a customer.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn create(ctx: &Ctx, new: &NewCustomer) -> AppResult<Customer> {
    ctx.require(Capability::CustomersCreate)?;
    let mut work = Work::begin(&ctx.db, &ctx.actor).await?;
    let id = insert(&mut work, ctx, new).await?;
    let row = load(work.conn(), &ctx.me.org_id, &id).await?;
    work.commit().await?;
    Ok(row.into_customer(&ctx.me))
}

/// Checks and inserts a customer inside `work`, with its activity entry
/// (creation here, or a lead's conversion); returns its id. A taken domain
/// is refused by the unique index (409). The caller checks `CustomersCreate`.
pub async fn insert(work: &mut Work, ctx: &Ctx, new: &NewCustomer) -> AppResult<String> {
    let mut errors = check_details(&new.details);
    let domain = new.domain.trim().to_lowercase();
    if let Some(p) = domain_problem(&domain) {
        errors.insert("domain".into(), vec![p.into()]);
    }
    validation(errors)?;
    let id = new_id();
    let d = &new.details;
    sqlx::query(
        "insert into customer (customer_id, org_id, name, domain, contact_email, phone, address, created_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&id)
    .bind(&ctx.me.org_id)
    .bind(d.name.trim())
    .bind(&domain)
    .bind(d.contact_email.trim())
    .bind(d.phone.trim())
    .bind(d.address.trim())
    .bind(now_millis())
    .execute(work.conn())
    .await?;
    work.record(
        Operation::CustomerCreated,
        Target::customer(&id, d.name.trim()),
        vec![
            FieldChange::new("name", None, Some(d.name.trim().into())),
            FieldChange::new("domain", None, Some(domain)),
        ],
    );
    Ok(id)
}

/// Records the date the customer accepted the customer agreement
/// (`YYYY-MM-DD`, UTC).
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn record_agreement(
    ctx: &Ctx,
    customer_id: &str,
    version: i64,
    accepted_on: &str,
) -> AppResult<Customer> {
    ctx.require(Capability::CustomersRecordAgreement)?;
    let at = crate::time::parse_date(accepted_on).ok_or_else(|| {
        AppError::invalid(
            "accepted_on",
            crate::msg!("customers-acceptance-date-format"),
        )
    })?;
    if at > now_millis() {
        return Err(AppError::invalid(
            "accepted_on",
            crate::msg!("customers-acceptance-date-future"),
        ));
    }
    update_row(
        ctx,
        customer_id,
        version,
        (Operation::AgreementRecorded, "agreement_accepted_at = ?"),
        vec![Arg::Int(at)],
        |r| {
            let before = r.agreement_accepted_at.map(crate::time::format_millis);
            let after = Some(crate::time::format_millis(at));
            if before == after {
                return vec![];
            }
            vec![FieldChange::new("agreement accepted", before, after)]
        },
    )
    .await
}

/// Changes name and contact details.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn update_details(
    ctx: &Ctx,
    customer_id: &str,
    version: i64,
    d: &CustomerDetails,
) -> AppResult<Customer> {
    ctx.require(Capability::CustomersEditDetails)?;
    validation(check_details(d))?;
    let (name, email, phone, address) = (
        d.name.trim(),
        d.contact_email.trim(),
        d.phone.trim(),
        d.address.trim(),
    );
    update_row(
        ctx,
        customer_id,
        version,
        (
            Operation::CustomerUpdated,
            "name = ?, contact_email = ?, phone = ?, address = ?",
        ),
        vec![name.into(), email.into(), phone.into(), address.into()],
        |r| {
            diff(&[
                ("name", &r.name, name),
                ("contact email", &r.contact_email, email),
                ("phone", &r.phone, phone),
                ("address", &r.address, address),
            ])
        },
    )
    .await
}

/// Changes billing information.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn update_billing(
    ctx: &Ctx,
    customer_id: &str,
    version: i64,
    b: &BillingInfo,
) -> AppResult<Customer> {
    ctx.require(Capability::CustomersEditBilling)?;
    let (email, address, tax) = (
        b.billing_email.trim(),
        b.billing_address.trim(),
        b.tax_id.trim(),
    );
    if !email.is_empty() {
        if let Some(p) = crate::users::email_problem(email) {
            return Err(AppError::invalid("billing_email", p));
        }
    }
    if address.chars().count() > 300 {
        return Err(AppError::invalid(
            "billing_address",
            crate::msg!("customers-billing-too-long"),
        ));
    }
    if tax.chars().count() > 64 {
        return Err(AppError::invalid(
            "tax_id",
            crate::msg!("customers-tax-id-too-long"),
        ));
    }
    update_row(
        ctx,
        customer_id,
        version,
        (
            Operation::CustomerBillingUpdated,
            "billing_email = ?, billing_address = ?, tax_id = ?",
        ),
        vec![email.into(), address.into(), tax.into()],
        |r| {
            diff(&[
                ("billing email", &r.billing_email, email),
                ("billing address", &r.billing_address, address),
                ("tax ID", &r.tax_id, tax),
            ])
        },
    )
    .await
}
