use serde::{Deserialize, Serialize};

/// A program agreement the organization accepted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PartnerAgreement {
    pub agreement_id: String,
    pub name: String,
    pub version: String,
    pub accepted_at: i64,
    /// Who accepted it for the organization.
    pub accepted_by: String,
}
