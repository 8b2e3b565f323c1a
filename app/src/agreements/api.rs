use super::PartnerAgreement;

crate::session_server_fns! {
    /// `AgreementsView`: the partner agreements the organization accepted.
    "agreements/list" => fn list_partner_agreements() -> Vec<PartnerAgreement>
        = |ctx| super::service::list(&ctx);
}
