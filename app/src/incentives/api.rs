use super::{
    BankTaxInput, BankTaxProfile, Enrolment, EnrolmentChoices, IncentiveReport, MigrationTarget,
    NewEnrolment, Program, ReportQuery,
};

crate::session_server_fns! {
    /// `IncentivesEnrolmentsView` or `IncentivesProgramsManage`: the
    /// vendor's programs, open ones first, each saying whether the caller
    /// may enrol in it.
    "incentives/programs" => fn list_incentive_programs() -> Vec<Program>
        = |ctx| super::service::list_programs(&ctx);

    /// `IncentivesEnrolmentsView`: the organization's enrolments, active
    /// ones first, each with the caller's actions.
    "incentives/enrolments" => fn list_enrolments() -> Vec<Enrolment>
        = |ctx| super::service::list_enrolments(&ctx);

    /// `IncentivesEnroll` or `IncentivesMigrate`: the partner IDs and the
    /// possible contacts the forms offer.
    "incentives/choices" => fn get_enrolment_choices() -> EnrolmentChoices
        = |ctx| super::service::choices(&ctx);

    /// `IncentivesEnroll`: enrols a partner ID in an open program.
    "incentives/enrol" => fn enrol(enrolment: NewEnrolment) -> Enrolment
        = |ctx| super::service::enrol(&ctx, &enrolment);

    /// `IncentivesMigrate`: moves an enrolment to its program's successor
    /// and/or another partner ID; returns the new enrolment.
    "incentives/migrate" => fn migrate_enrolment(enrolment_id: String, version: i64, to: MigrationTarget) -> Enrolment
        = |ctx| super::service::migrate(&ctx, &enrolment_id, version, &to);

    /// `IncentivesProgramsManage`: withdraws an enrolment from its program.
    "incentives/withdraw" => fn withdraw_enrolment(enrolment_id: String, version: i64) -> Enrolment
        = |ctx| super::service::withdraw(&ctx, &enrolment_id, version);

    /// `IncentivesBankTaxEdit`: the bank and tax profile (account number
    /// masked).
    "incentives/bank-tax" => fn get_bank_tax_profile() -> BankTaxProfile
        = |ctx| super::service::get_bank_tax(&ctx);

    /// `IncentivesBankTaxEdit`: saves the bank and tax profile from the
    /// version read (0 when none is saved yet).
    "incentives/bank-tax/save" => fn save_bank_tax_profile(version: i64, profile: BankTaxInput) -> BankTaxProfile
        = |ctx| super::service::save_bank_tax(&ctx, version, &profile);

    /// `IncentivesReportsView` (own enrolments) or `IncentivesReportsViewAll`
    /// (all): earnings per enrolment and month.
    "incentives/reports" => fn get_incentive_report(query: ReportQuery) -> IncentiveReport
        = |ctx| super::service::report(&ctx, &query);

    /// Same as `incentives/reports`: the earnings as CSV.
    "incentives/reports/export" => fn export_incentive_report(query: ReportQuery) -> String
        = |ctx| super::service::export_csv(&ctx, &query);
}
