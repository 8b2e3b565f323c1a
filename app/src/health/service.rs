//! Reading service health (server only), and recording incidents (the demo
//! and tests; the console itself changes nothing here).

use super::{Incident, ServiceHealth, ServiceState};
use crate::access::Capability;
use crate::db::{new_id, now_millis, Db};
use crate::error::AppResult;
use crate::request::Ctx;

/// How long a resolved incident stays listed.
pub const RESOLVED_SHOWN_MS: i64 = 30 * 24 * 60 * 60 * 1000;

#[derive(sqlx::FromRow)]
struct IncidentRow {
    incident_id: String,
    service_key: String,
    service_name: String,
    title: String,
    impact: String,
    status: String,
    started_at: i64,
    resolved_at: Option<i64>,
}

/// Every service with its state and open incident count, and the incidents
/// to show (open ones first).
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn overview(ctx: &Ctx) -> AppResult<ServiceHealth> {
    ctx.require(Capability::ServiceHealthView)?;
    let services: Vec<(String, String, String, i64)> = sqlx::query_as(
        "select s.service_key, s.name, s.status,
                (select count(*) from service_incident i
                  where i.service_key = s.service_key and i.status = 'investigating') as open_incidents
           from service s order by s.name",
    )
    .fetch_all(&ctx.db)
    .await?;
    let rows: Vec<IncidentRow> = sqlx::query_as(
        "select i.incident_id, i.service_key, s.name as service_name, i.title, i.impact,
                i.status, i.started_at, i.resolved_at
           from service_incident i join service s on s.service_key = i.service_key
          where i.status = 'investigating' or i.resolved_at >= $1
          order by case when i.status = 'investigating' then 0 else 1 end, i.started_at desc
          limit 100",
    )
    .bind(now_millis() - RESOLVED_SHOWN_MS)
    .fetch_all(&ctx.db)
    .await?;
    Ok(ServiceHealth {
        services: services
            .into_iter()
            .map(|(service_key, name, status, open_incidents)| ServiceState {
                service_key,
                name,
                status,
                open_incidents,
            })
            .collect(),
        incidents: rows
            .into_iter()
            .map(|r| Incident {
                incident_id: r.incident_id,
                service_key: r.service_key,
                service_name: r.service_name,
                title: r.title,
                impact: r.impact,
                status: r.status,
                started_at: r.started_at,
                resolved_at: r.resolved_at,
            })
            .collect(),
    })
}

/// An incident as the services' operators report it: `resolved_at` `None`
/// for one still under investigation, which sets the service's status to
/// `service_status` (`degraded` or `outage`).
pub struct NewIncident<'a> {
    pub service_key: &'a str,
    pub title: &'a str,
    pub impact: &'a str,
    pub started_at: i64,
    pub resolved_at: Option<i64>,
    pub service_status: &'a str,
}

/// Records an incident (the demo, tests); returns its id.
pub async fn record_incident(db: &Db, incident: &NewIncident<'_>) -> AppResult<String> {
    let id = new_id();
    let mut tx = db.begin().await?;
    let open = incident.resolved_at.is_none();
    sqlx::query(
        "insert into service_incident
           (incident_id, service_key, title, impact, status, started_at, resolved_at)
         values ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&id)
    .bind(incident.service_key)
    .bind(incident.title)
    .bind(incident.impact)
    .bind(if open { "investigating" } else { "resolved" })
    .bind(incident.started_at)
    .bind(incident.resolved_at)
    .execute(&mut *tx)
    .await?;
    if open {
        sqlx::query("update service set status = $1, updated_at = $2 where service_key = $3")
            .bind(incident.service_status)
            .bind(incident.started_at)
            .bind(incident.service_key)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(id)
}
