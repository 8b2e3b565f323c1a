//! Partner agreements (server only).

use super::PartnerAgreement;
use crate::access::Capability;
use crate::db::{new_id, Db};
use crate::error::AppResult;
use crate::request::Ctx;

/// The organization's accepted partner agreements, newest first.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn list(ctx: &Ctx) -> AppResult<Vec<PartnerAgreement>> {
    ctx.require(Capability::AgreementsView)?;
    let rows: Vec<(String, String, String, i64, String)> = sqlx::query_as(
        "select agreement_id, name, version, accepted_at, accepted_by
           from partner_agreement where org_id = $1 order by accepted_at desc, name",
    )
    .bind(ctx.org_id())
    .fetch_all(&ctx.db)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(agreement_id, name, version, accepted_at, accepted_by)| PartnerAgreement {
                agreement_id,
                name,
                version,
                accepted_at,
                accepted_by,
            },
        )
        .collect())
}

/// Records an acceptance made with the program (the demo, tests).
pub async fn record_acceptance(
    db: &Db,
    org_id: &str,
    name: &str,
    version: &str,
    accepted_at: i64,
    accepted_by: &str,
) -> AppResult<String> {
    let id = new_id();
    sqlx::query(
        "insert into partner_agreement (agreement_id, org_id, name, version, accepted_at, accepted_by)
         values ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&id)
    .bind(org_id)
    .bind(name)
    .bind(version)
    .bind(accepted_at)
    .bind(accepted_by)
    .execute(db)
    .await?;
    Ok(id)
}
