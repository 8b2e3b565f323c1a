//! `/api/v1/incentives`.

use super::{
    service, BankTaxInput, BankTaxProfile, Enrolment, EnrolmentChoices, IncentiveReport,
    MigrationTarget, NewEnrolment, Program, ReportQuery,
};
use serde::Deserialize;
use utoipa::ToSchema;

/// A migration, from the version the caller read.
#[derive(Debug, Deserialize, ToSchema)]
pub struct MigrationRequest {
    pub version: i64,
    #[serde(flatten)]
    pub to: MigrationTarget,
}

/// The version of the enrolment the caller read.
#[derive(Debug, Deserialize, ToSchema)]
pub struct EnrolmentVersion {
    pub version: i64,
}

/// A new bank and tax profile, from the version the caller read (0 when
/// none is saved yet).
#[derive(Debug, Deserialize, ToSchema)]
pub struct BankTaxUpdate {
    pub version: i64,
    #[serde(flatten)]
    pub profile: BankTaxInput,
}

crate::rest_routes! {
    tag "Incentives";
    /// The vendor's incentive programs, open ones first.
    ///
    /// `IncentivesEnrolmentsView` or `IncentivesProgramsManage`.
    GET "/incentives/programs" list_incentive_programs() -> Vec<Program>
        = |ctx| service::list_programs(&ctx);
    /// The organization's enrolments, active ones first, with the caller's actions.
    ///
    /// `IncentivesEnrolmentsView`.
    GET "/incentives/enrolments" list_enrolments() -> Vec<Enrolment>
        = |ctx| service::list_enrolments(&ctx);
    /// Enrol one of the organization's partner IDs in an open program.
    ///
    /// `IncentivesEnroll`. The contact must hold an incentives role; a
    /// partner ID already enrolled in the program gets 409.
    POST "/incentives/enrolments" enrol(; body b: NewEnrolment) -> Enrolment
        = |ctx| service::enrol(&ctx, &b);
    /// The partner IDs and possible contacts for enrolments and migrations.
    ///
    /// `IncentivesEnroll` or `IncentivesMigrate`.
    GET "/incentives/enrolment-choices" enrolment_choices() -> EnrolmentChoices
        = |ctx| service::choices(&ctx);
    /// Migrate an enrolment to its program's successor and/or another
    /// partner ID (one transaction); answers the new enrolment.
    ///
    /// `IncentivesMigrate`. A stale `version` gets 409 with the current enrolment.
    POST "/incentives/enrolments/{enrolment_id}/migrate" migrate_enrolment(enrolment_id; body b: MigrationRequest) -> Enrolment
        = |ctx| service::migrate(&ctx, &enrolment_id, b.version, &b.to),
        fresh service::get(&ctx, &enrolment_id);
    /// Withdraw an enrolment from its program.
    ///
    /// `IncentivesProgramsManage`. A stale `version` gets 409 with the current enrolment.
    POST "/incentives/enrolments/{enrolment_id}/withdraw" withdraw_enrolment(enrolment_id; body b: EnrolmentVersion) -> Enrolment
        = |ctx| service::withdraw(&ctx, &enrolment_id, b.version),
        fresh service::get(&ctx, &enrolment_id);
    /// The bank and tax profile; the account number comes masked.
    ///
    /// `IncentivesBankTaxEdit`.
    GET "/incentives/bank-tax-profile" get_bank_tax_profile() -> BankTaxProfile
        = |ctx| service::get_bank_tax(&ctx);
    /// Save the bank and tax profile; an empty `account_number` keeps the saved one.
    ///
    /// `IncentivesBankTaxEdit`. A stale `version` gets 409 with the current profile.
    PUT "/incentives/bank-tax-profile" save_bank_tax_profile(; body b: BankTaxUpdate) -> BankTaxProfile
        = |ctx| service::save_bank_tax(&ctx, b.version, &b.profile),
        fresh service::get_bank_tax(&ctx);
    /// Earnings per enrolment and month (`from`/`to`: `YYYY-MM`), newest first.
    ///
    /// `IncentivesReportsView` (the enrolments whose contact is the caller)
    /// or `IncentivesReportsViewAll` (all).
    GET "/incentives/reports" incentive_report(; query q: ReportQuery) -> IncentiveReport
        = |ctx| service::report(&ctx, &q);
    /// The same earnings as CSV text.
    ///
    /// `IncentivesReportsView` or `IncentivesReportsViewAll`.
    GET "/incentives/reports/export" export_incentive_report(; query q: ReportQuery) -> String
        = |ctx| service::export_csv(&ctx, &q);
}
