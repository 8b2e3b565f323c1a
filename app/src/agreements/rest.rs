//! `/api/v1/agreements`.

use super::{service, PartnerAgreement};

crate::rest_routes! {
    tag "Agreements";
    /// The partner agreements the organization accepted, newest first.
    ///
    /// `AgreementsView`.
    GET "/agreements" list_partner_agreements() -> Vec<PartnerAgreement>
        = |ctx| service::list(&ctx);
}
