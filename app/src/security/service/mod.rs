//! Server side of the security page and of the second sign-in step.

pub mod factor;
pub mod sessions;
pub mod totp;

pub use factor::{open_challenge, verify_sign_in};

use crate::error::AppResult;
use crate::request::Ctx;
use crate::security::SecurityOverview;

#[derive(sqlx::FromRow)]
struct FactorRow {
    totp_enabled_at: Option<i64>,
    require_second_factor: i64,
    recovery_left: i64,
}

/// The caller's security page: second factor state and live sessions.
pub async fn overview(ctx: &Ctx) -> AppResult<SecurityOverview> {
    ctx.require_password_changed()?;
    let row: FactorRow = sqlx::query_as(
        "select u.totp_enabled_at, o.require_second_factor,
                (select count(*) from recovery_code r
                  where r.user_id = u.user_id and r.used_at is null) as recovery_left
           from app_user u join organization o on o.org_id = u.org_id
          where u.user_id = $1 and u.org_id = $2",
    )
    .bind(&ctx.me.user_id)
    .bind(&ctx.me.org_id)
    .fetch_one(&ctx.db)
    .await?;
    Ok(SecurityOverview {
        second_factor: row.totp_enabled_at.is_some(),
        second_factor_since: row.totp_enabled_at,
        recovery_codes_left: row.recovery_left,
        required_by_org: row.require_second_factor != 0,
        sessions: sessions::list(ctx).await?,
    })
}
