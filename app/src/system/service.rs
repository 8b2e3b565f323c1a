//! Reads for the status read-out.

use super::SystemStatus;
use crate::db::Db;
use crate::error::AppResult;

/// Counts organizations and applied migrations.
pub async fn status(db: &Db, signed_in: bool) -> AppResult<SystemStatus> {
    let organizations = if signed_in {
        Some(
            sqlx::query_scalar("select count(*) from organization")
                .fetch_one(db)
                .await?,
        )
    } else {
        None
    };
    let schema_version: i64 =
        sqlx::query_scalar("select count(*) from _sqlx_migrations where success = true")
            .fetch_one(db)
            .await?;
    Ok(SystemStatus {
        database: crate::db::Backend::of(db).name().to_string(),
        schema_version,
        organizations,
    })
}
