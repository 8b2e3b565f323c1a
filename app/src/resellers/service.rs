//! Reseller registrations (server only).

use super::{check_reseller, NewReseller, Reseller};
use crate::access::Capability;
use crate::activity::service::{Target, Work};
use crate::activity::{FieldChange, Operation};
use crate::db::{new_id, now_millis};
use crate::error::{AppError, AppResult};
use crate::request::Ctx;

type Row = (String, String, String, String, String, i64);

fn reseller(
    (registration_id, company, country, contact_email, reseller_id, registered_at): Row,
) -> Reseller {
    Reseller {
        registration_id,
        company,
        country,
        contact_email,
        reseller_id,
        registered_at,
    }
}

/// The organization's registered resellers, newest first.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn list(ctx: &Ctx) -> AppResult<Vec<Reseller>> {
    ctx.require(Capability::ResellerRegister)?;
    let rows: Vec<Row> = sqlx::query_as(
        "select registration_id, company, country, contact_email, reseller_id, registered_at
           from reseller_registration where org_id = $1
          order by registered_at desc, registration_id limit 500",
    )
    .bind(ctx.org_id())
    .fetch_all(&ctx.db)
    .await?;
    Ok(rows.into_iter().map(reseller).collect())
}

/// Registers a reseller; a partner ID registered already is a conflict.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn register(ctx: &Ctx, new: &NewReseller) -> AppResult<Reseller> {
    ctx.require(Capability::ResellerRegister)?;
    let errors = check_reseller(new);
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let registered = Reseller {
        registration_id: new_id(),
        company: new.company.trim().into(),
        country: new.country.trim().into(),
        contact_email: new.contact_email.trim().into(),
        reseller_id: new.reseller_id.trim().to_uppercase(),
        registered_at: now_millis(),
    };
    let mut work = Work::begin(&ctx.db, &ctx.actor).await?;
    let taken: Option<String> = sqlx::query_scalar(
        "select company from reseller_registration where org_id = $1 and reseller_id = $2",
    )
    .bind(ctx.org_id())
    .bind(&registered.reseller_id)
    .fetch_optional(work.conn())
    .await?;
    if let Some(company) = taken {
        return Err(AppError::Conflict {
            field: "reseller_id".into(),
            message: crate::msg!("resellers-partner-id-taken", company = company),
        });
    }
    sqlx::query(
        "insert into reseller_registration
           (registration_id, org_id, company, country, contact_email, reseller_id, registered_at)
         values ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&registered.registration_id)
    .bind(ctx.org_id())
    .bind(&registered.company)
    .bind(&registered.country)
    .bind(&registered.contact_email)
    .bind(&registered.reseller_id)
    .bind(registered.registered_at)
    .execute(work.conn())
    .await?;
    work.record(
        Operation::ResellerRegistered,
        Target::reseller(&registered.registration_id, &registered.company),
        vec![FieldChange::new(
            "partner ID",
            None,
            Some(registered.reseller_id.clone()),
        )],
    );
    work.commit().await?;
    Ok(registered)
}
