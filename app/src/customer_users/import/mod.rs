//! CSV import of customer users (server only): a validation that writes
//! nothing and reports every bad row, and an all-or-nothing import in one
//! transaction. Each row's fields get the same check as "Add user"
//! ([`NewCustomerUser::problems`](super::NewCustomerUser::problems)) and are
//! written by the same insert, in multi-row statements so 100,000 users stay
//! within seconds.

mod check;
mod rows;
mod stream;

/// A row that passed every check, ready for the shared insert.
pub use super::service::NewUserRow as PlannedRow;
pub use check::{check, FILE_MESSAGES};
pub use stream::{import_steps, validate_steps};

use super::service::{insert_users, BATCH};
use super::{ImportCheck, ImportResult, ImportStep, ImportedUser};
use crate::access::Capability;
use crate::activity::service::Work;
use crate::customers::service::lock_customer;
use crate::error::{AppError, AppResult};
use crate::request::Ctx;

/// Where the check and the import say how far they are: rows checked, rows
/// written, the commit beginning ([`ImportStep`]s before the last).
pub type Progress<'a> = dyn Fn(ImportStep) + Sync + 'a;

/// Validates an import file; writes nothing.
pub async fn validate(ctx: &Ctx, customer_id: &str, text: &str) -> AppResult<ImportCheck> {
    validate_with(ctx, customer_id, text, &|_| {}).await
}

/// [`validate`], telling `progress` how far the check is.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn validate_with(
    ctx: &Ctx,
    customer_id: &str,
    text: &str,
    progress: &Progress<'_>,
) -> AppResult<ImportCheck> {
    ctx.require(Capability::CustomerUsersManage)?;
    let Ctx { db, me, .. } = ctx;
    let mut conn = db.acquire().await?;
    Ok(check(&mut conn, &me.org_id, customer_id, text, progress)
        .await?
        .0)
}

/// Imports every row in one transaction, or nothing when any row is bad.
/// `progress` hears how far the check and the writing are.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn import(
    ctx: &Ctx,
    customer_id: &str,
    text: &str,
    progress: &Progress<'_>,
) -> AppResult<ImportResult> {
    ctx.require(Capability::CustomerUsersManage)?;
    let Ctx { db, me, actor, .. } = ctx;
    let mut work = Work::begin(db, actor).await?;
    lock_customer(work.conn(), &me.org_id, customer_id).await?;
    let (report, rows) = check(work.conn(), &me.org_id, customer_id, text, progress).await?;
    if !report.errors.is_empty() {
        return Err(refusal(&report));
    }
    let total = rows.len();
    let mut users = Vec::with_capacity(total);
    for batch in rows.chunks(BATCH) {
        let written = insert_users(&mut work, &me.org_id, customer_id, batch).await?;
        users.extend(batch.iter().zip(written).map(|(row, w)| ImportedUser {
            display_name: row.display_name.clone(),
            user_name: row.user_name.clone(),
            temporary_password: w.temporary_password,
        }));
        progress(ImportStep::Written {
            rows: users.len(),
            total,
        });
    }
    progress(ImportStep::Saving);
    // The page hears "saving" before the commit; a Cancel that closed the
    // response earlier has dropped this work, and the transaction with it.
    tokio::task::yield_now().await;
    work.commit().await?;
    Ok(ImportResult { users })
}

/// The check with each problem in words (the API's English) rather than as
/// a catalogue key with arguments, as the pages get it.
pub fn in_words(mut check: ImportCheck) -> ImportCheck {
    for e in &mut check.errors {
        e.reason = crate::i18n::message(&e.reason);
    }
    check
}

/// "Nothing was imported", with the count of problems and the first one.
fn refusal(report: &ImportCheck) -> AppError {
    let n = report.errors.len() + report.more_errors;
    // The first problem is rendered here, in the requester's language: a
    // message's arguments are shown as they are.
    let first = match report.errors.first() {
        Some(e) if e.column.is_empty() => crate::tr!(
            "customer-users-import-row",
            row = e.row,
            reason = crate::i18n::message(&e.reason)
        ),
        Some(e) => crate::tr!(
            "customer-users-import-row-column",
            row = e.row,
            column = e.column,
            reason = crate::i18n::message(&e.reason)
        ),
        None => String::new(),
    };
    AppError::invalid(
        "file",
        crate::msg!("customer-users-import-refused", count = n, first = first),
    )
}
