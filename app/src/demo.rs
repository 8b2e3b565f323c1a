//! Demo data for `serve --demo`: a living console on first start.
//! Seeding is idempotent: it does nothing when the demo organization exists.

use crate::db::Db;
use crate::error::AppResult;

/// Name of the seeded organization.
pub const DEMO_ORG: &str = "Contoso Partners";

/// What seeding created, for the start-up banner.
#[derive(Debug, Default)]
pub struct Seeded {
    pub org_id: String,
    pub created: bool,
}

/// Seeds the demo organization when missing.
pub async fn seed(db: &Db) -> AppResult<Seeded> {
    if let Some(org_id) = crate::orgs::service::find_by_name(db, DEMO_ORG).await? {
        return Ok(Seeded {
            org_id,
            created: false,
        });
    }
    let org_id = crate::orgs::service::create(db, DEMO_ORG).await?;
    Ok(Seeded {
        org_id,
        created: true,
    })
}
