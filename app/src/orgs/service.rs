//! Organization rows.

use crate::db::{new_id, now_millis, Db};
use crate::error::{AppError, AppResult};

/// Creates an organization and returns its id.
pub async fn create(db: &Db, name: &str) -> AppResult<String> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        return Err(AppError::invalid(
            "name",
            "Enter an organization name of 1 to 200 characters.",
        ));
    }
    let org_id = new_id();
    sqlx::query("insert into organization (org_id, name, directory_mode, created_at) values ($1, $2, 'cloud', $3)")
        .bind(&org_id)
        .bind(name)
        .bind(now_millis())
        .execute(db)
        .await?;
    Ok(org_id)
}

/// Finds an organization by exact name.
pub async fn find_by_name(db: &Db, name: &str) -> AppResult<Option<String>> {
    Ok(
        sqlx::query_scalar("select org_id from organization where name = $1")
            .bind(name.trim())
            .fetch_optional(db)
            .await?,
    )
}
