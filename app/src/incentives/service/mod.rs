//! Incentives (server only): the program catalogue, enrolments, the bank
//! and tax profile, and earnings reports. Every function starts with its
//! capability check; a Global admin holds none of them (seed 000).

mod bank_tax;
mod demo;
mod enrolments;
mod reports;

pub use bank_tax::{get_bank_tax, save_bank_tax};
pub use demo::seed_demo;
pub use enrolments::{choices, enrol, get, list_enrolments, list_programs, migrate, withdraw};
pub use reports::{export_csv, record_earning, report};

use crate::error::AppError;

/// Whether a database error is a unique index refusing a row.
fn unique_violation(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Database(db) if db.kind() == sqlx::error::ErrorKind::UniqueViolation)
}

/// `e` as the caller's error: `conflict` when a unique index refused the
/// row, the usual conversion otherwise.
fn or_conflict(e: sqlx::Error, conflict: impl FnOnce() -> AppError) -> AppError {
    if unique_violation(&e) {
        conflict()
    } else {
        e.into()
    }
}
