//! Incentives (SPEC §5; seed 000: Incentives admin and Incentives user only,
//! a Global admin holds none of it). The vendor's programs; the
//! organization's enrolments of its partner IDs (enrol: `IncentivesEnroll`;
//! migrate to the successor program or another partner ID:
//! `IncentivesMigrate`; withdraw: `IncentivesProgramsManage`; view:
//! `IncentivesEnrolmentsView`); the bank and tax profile
//! (`IncentivesBankTaxEdit`); earnings reports (own enrolments:
//! `IncentivesReportsView`; all: `IncentivesReportsViewAll`). Pages
//! `/incentives`, `/incentives/bank-tax`, `/incentives/reports`;
//! `/api/v1/incentives/…`.

mod api;
mod bank_tax;
mod model;
mod report;
#[cfg(feature = "ssr")]
pub mod rest;
#[cfg(feature = "ssr")]
pub mod service;
mod view;

pub use api::*;
pub use bank_tax::*;
pub use model::*;
pub use report::*;
pub use view::*;

use crate::access::ui::NavPage;
use crate::access::{Capability, Workspace};

/// "Programs and enrolments", in the Incentives workspace.
pub const NAV: NavPage = NavPage {
    workspace: Some(Workspace::Incentives),
    label: crate::key!("nav-programs-and-enrolments"),
    href: "/incentives",
    needs: Some(Capability::IncentivesEnrolmentsView),
    count: None,
};

/// "Bank and tax profile", in the Incentives workspace.
pub const BANK_TAX_NAV: NavPage = NavPage {
    workspace: Some(Workspace::Incentives),
    label: crate::key!("nav-bank-and-tax-profile"),
    href: "/incentives/bank-tax",
    needs: Some(Capability::IncentivesBankTaxEdit),
    count: None,
};

/// "Incentive reports", in the Incentives workspace.
pub const REPORTS_NAV: NavPage = NavPage {
    workspace: Some(Workspace::Incentives),
    label: crate::key!("nav-incentive-reports"),
    href: "/incentives/reports",
    needs: Some(Capability::IncentivesReportsView),
    count: None,
};
