//! Organization rows: creation (operators) and the profile.

mod profile;

pub use profile::{
    add_location, profile, refuse_if_synced, remove_location, rename, set_directory_mode,
    set_sign_in_policy, set_temp_password_days, update_location,
};

use crate::activity::service::{Actor, Target, Work};
use crate::activity::{FieldChange, Operation};
use crate::db::{new_id, now_millis, Db};
use crate::error::{AppError, AppResult};

/// Creates an organization (an operator task) and returns its id.
#[tracing::instrument(skip_all)]
pub async fn create(db: &Db, name: &str) -> AppResult<String> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        return Err(AppError::invalid("name", crate::msg!("orgs-name-invalid")));
    }
    let org_id = new_id();
    let mut work = Work::begin(db, &Actor::operator(&org_id)).await?;
    sqlx::query(
        "insert into organization (org_id, name, directory_mode, created_at) values ($1, $2, 'cloud', $3)",
    )
    .bind(&org_id)
    .bind(name)
    .bind(now_millis())
    .execute(work.conn())
    .await?;
    work.record(
        Operation::OrganizationCreated,
        Target::organization(&org_id, name),
        vec![FieldChange::new("name", None, Some(name.to_string()))],
    );
    work.commit().await?;
    Ok(org_id)
}

/// Finds an organization by id or exact name.
pub async fn find(db: &Db, id_or_name: &str) -> AppResult<Option<String>> {
    Ok(sqlx::query_scalar(
        "select org_id from organization where org_id = $1 or name = $1 order by created_at limit 1",
    )
    .bind(id_or_name.trim())
    .fetch_optional(db)
    .await?)
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
