use serde::{Deserialize, Serialize};

/// What the status read-out shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SystemStatus {
    /// "SQLite" or "PostgreSQL".
    pub database: String,
    /// Number of applied migrations.
    pub schema_version: i64,
    /// Number of organizations hosted by this deployment: for signed-in
    /// people only (a visitor learns nothing about the tenants).
    pub organizations: Option<i64>,
}
