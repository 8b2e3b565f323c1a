//! CSV import of customer users (server only): a validation that writes
//! nothing and reports every bad row, and an all-or-nothing import in one
//! transaction, reading the file a step at a time (a text or a file on
//! disk). Each row's fields get the same check as "Add user"
//! ([`NewCustomerUser::problems`](super::NewCustomerUser::problems)) and are
//! written by the same insert, in multi-row statements so 100,000 users stay
//! within seconds.

mod check;
pub mod kept;
mod rows;
mod seen;
mod stream;

/// A row that passed every check, ready for the shared insert.
pub use super::service::NewUserRow as PlannedRow;
pub use check::{FileInput, Input, FILE_MESSAGES};
pub use stream::{import_steps, validate_steps};

use super::service::{Writer, BATCH};
use super::{ImportCheck, ImportResult, ImportStep, ImportedUser, IMPORT_MAX_ROWS};
use crate::access::Capability;
use crate::activity::service::Work;
use crate::customers::service::lock_customer;
use crate::error::{AppError, AppResult};
use crate::request::Ctx;
use crate::rest::LargeAnswer;
use check::Checking;

/// Where the check and the import say how far they are: rows checked, rows
/// written, the commit beginning ([`ImportStep`]s before the last).
pub type Progress<'a> = dyn Fn(ImportStep) + Sync + 'a;

/// Where an import hands each user it wrote, with the temporary password
/// (shown once); an error there abandons the import.
pub type Output<'a> = dyn FnMut(ImportedUser) -> AppResult<()> + Send + 'a;

/// Validates an import file; writes nothing.
pub async fn validate(ctx: &Ctx, customer_id: &str, text: &str) -> AppResult<ImportCheck> {
    validate_with(ctx, customer_id, &text, IMPORT_MAX_ROWS, &|_| {}).await
}

/// [`validate`] of a text or a file of at most `max_rows` rows, telling
/// `progress` how far the check is. The rows are checked as they are read
/// and forgotten, so the memory it takes does not grow with the file
/// (beyond the emails seen, for duplicates).
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn validate_with<I: Input>(
    ctx: &Ctx,
    customer_id: &str,
    input: &I,
    max_rows: usize,
    progress: &Progress<'_>,
) -> AppResult<ImportCheck> {
    ctx.require(Capability::CustomerUsersManage)?;
    let Ctx { db, me, .. } = ctx;
    let mut conn = db.acquire().await?;
    let mut checking = Checking::start(&mut conn, &me.org_id, customer_id, input, max_rows).await?;
    while checking.step(progress).is_some() {
        tokio::task::yield_now().await;
    }
    Ok(checking.finish())
}

/// Imports every row of a text or an uploaded file in one transaction, or
/// nothing when any row is bad. `progress` hears how far the check and the
/// writing are.
pub async fn import<I: Input>(
    ctx: &Ctx,
    customer_id: &str,
    input: &I,
    progress: &Progress<'_>,
) -> AppResult<ImportResult> {
    let mut users = Vec::new();
    import_into(
        ctx,
        customer_id,
        input,
        IMPORT_MAX_ROWS,
        progress,
        &mut |user| {
            users.push(user);
            Ok(())
        },
    )
    .await?
    .map_err(|report| refusal(&report))?;
    Ok(ImportResult { users })
}

/// [`import`] of a file of up to [`IMPORT_MAX_ROWS`] rows, as the API
/// answers it: the users and their passwords are kept in a temporary file
/// until the import commits, then sent from there.
pub async fn import_answer<I: Input>(
    ctx: &Ctx,
    customer_id: &str,
    input: &I,
) -> AppResult<LargeAnswer<ImportResult>> {
    let mut answer = LargeAnswer::list_in("users")?;
    import_into(
        ctx,
        customer_id,
        input,
        IMPORT_MAX_ROWS,
        &|_| {},
        &mut |user| answer.push(&user),
    )
    .await?
    .map_err(|report| refusal(&report))?;
    Ok(answer)
}

/// Imports a text or a file of at most `max_rows` rows in one transaction,
/// or nothing when any row is bad, handing each user written to `out`;
/// returns how many, or the report of a file refused. The file is read twice, a step at a time: once to
/// check every row (nothing is written when one fails), then again to
/// write them in batches. Neither reading keeps the rows, and the
/// activity entries are written with each batch, so the memory it takes
/// does not grow with the file beyond the emails seen.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn import_into<I: Input>(
    ctx: &Ctx,
    customer_id: &str,
    input: &I,
    max_rows: usize,
    progress: &Progress<'_>,
    out: &mut Output<'_>,
) -> AppResult<Result<usize, ImportCheck>> {
    ctx.require(Capability::CustomerUsersManage)?;
    let Ctx { db, me, actor, .. } = ctx;
    let mut work = Work::begin(db, actor).await?;
    lock_customer(work.conn(), &me.org_id, customer_id).await?;
    let mut checking =
        Checking::start(work.conn(), &me.org_id, customer_id, input, max_rows).await?;
    while checking.step(progress).is_some() {
        tokio::task::yield_now().await;
    }
    let report = checking.finish();
    if !report.errors.is_empty() {
        return Ok(Err(report));
    }
    let total = report.rows;
    // The second reading checks the rows again (the transaction holds the
    // customer, so the answers are the same) and writes them a batch at a
    // time, building each batch while the database writes the one before:
    // the writing is a task of its own, so all of a batch's statements run
    // beside the building (a task dropped mid-batch, by a Cancel, finishes
    // that statement and drops the transaction: nothing is written).
    let mut writing =
        Checking::start(work.conn(), &me.org_id, customer_id, input, max_rows).await?;
    let writer = Writer::new(&mut work, &me.org_id, customer_id).await?;
    let mut left = Vec::new();
    let mut next = next_rows(&mut writing, &mut left)
        .map(|rows| writer.prepare(rows))
        .transpose()?;
    let mut written = 0;
    while let Some(batch) = next.take() {
        let writing_batch = tokio::spawn(async move {
            let done = batch.write(&mut work).await;
            (work, done)
        });
        let following = next_rows(&mut writing, &mut left)
            .map(|rows| writer.prepare(rows))
            .transpose();
        let (back, done) = writing_batch.await.map_err(|e| {
            tracing::error!(error = %e, "an import batch's writing stopped");
            AppError::Internal
        })?;
        work = back;
        let (rows, users) = done?;
        next = following?;
        written += rows.len();
        for (row, w) in rows.into_iter().zip(users) {
            out(ImportedUser {
                display_name: row.display_name,
                user_name: row.user_name,
                temporary_password: w.temporary_password,
            })?;
        }
        progress(ImportStep::Written {
            rows: written,
            total,
        });
    }
    let again = writing.finish();
    if !again.errors.is_empty() || written != total {
        // Only a file changed between the readings gets here.
        return Err(AppError::invalid(
            "file",
            crate::msg!("customer-users-import-changed"),
        ));
    }
    progress(ImportStep::Saving);
    // The page hears "saving" before the commit; a Cancel that closed the
    // response earlier has dropped this work, and the transaction with it.
    tokio::task::yield_now().await;
    work.commit().await?;
    Ok(Ok(written))
}

/// The next rows to write (at most [`BATCH`]) of the file being read, from
/// those `left` by the last step and the steps it takes next.
fn next_rows<R: std::io::Read>(
    writing: &mut Checking<R>,
    left: &mut Vec<PlannedRow>,
) -> Option<Vec<PlannedRow>> {
    while left.len() < BATCH {
        match writing.step(&|_| {}) {
            Some(rows) => left.extend(rows),
            None => break,
        }
    }
    if left.is_empty() {
        return None;
    }
    let n = BATCH.min(left.len());
    Some(left.drain(..n).collect())
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
