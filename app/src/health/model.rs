use serde::{Deserialize, Serialize};

/// Every service with its state, and the incidents to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ServiceHealth {
    pub services: Vec<ServiceState>,
    /// Open incidents first (newest first), then those resolved in the
    /// last 30 days.
    pub incidents: Vec<Incident>,
}

/// One service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ServiceState {
    pub service_key: String,
    pub name: String,
    /// `operational`, `degraded` or `outage`.
    pub status: String,
    pub open_incidents: i64,
}

/// One incident on a service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Incident {
    pub incident_id: String,
    pub service_key: String,
    pub service_name: String,
    pub title: String,
    /// What users of the service notice.
    pub impact: String,
    /// `investigating` or `resolved`.
    pub status: String,
    pub started_at: i64,
    pub resolved_at: Option<i64>,
}

/// The words people read for a service status key.
pub fn status_label(status: &str) -> &'static str {
    match status {
        "operational" => "Operational",
        "degraded" => "Degraded",
        "outage" => "Outage",
        "investigating" => "Investigating",
        "resolved" => "Resolved",
        _ => "Unknown",
    }
}

/// [`status_label`] in the reader's language, for views.
pub fn status_name(status: &str) -> String {
    crate::i18n::text(match status {
        "operational" => crate::key!("health-status-operational"),
        "degraded" => crate::key!("health-status-degraded"),
        "outage" => crate::key!("health-status-outage"),
        "investigating" => crate::key!("health-status-investigating"),
        "resolved" => crate::key!("health-status-resolved"),
        _ => crate::key!("health-status-unknown"),
    })
}
