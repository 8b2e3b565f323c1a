//! The check and the import as the browser runs them: the file arrives as
//! multipart form data and is kept in a temporary file as it comes
//! ([`crate::csv::upload`]), then a response streams [`ImportStep`]s as the
//! rows are checked and written, and ends with the report or the result
//! ([`crate::progress::stream`]). When the page cancels (closes the
//! response) the work is dropped with its open transaction, and nothing is
//! written.

use super::kept::Kept;
use super::{import_into, refusal, validate_with};
use crate::access::Capability;
use crate::csv::upload::{Form, Spooled};
use crate::customer_users::{ImportStep, IMPORT_MAX_ROWS, USERS_PART};
use crate::customers::service::require_customer;
use crate::error::{AppError, AppResult};
use crate::request::Ctx;
use futures::channel::mpsc;
use futures::Future;
use leptos::server_fn::codec::{MultipartData, TextStream};

/// The check of an uploaded import file, step by step, ending with its report.
pub async fn validate_steps(ctx: Ctx, upload: MultipartData) -> AppResult<TextStream<AppError>> {
    streamed(ctx, upload, |ctx, id, file, tx| async move {
        let progress = move |step| drop(tx.unbounded_send(step));
        match validate_with(&ctx, &id, &file, IMPORT_MAX_ROWS, &progress).await {
            Ok(check) => ImportStep::Report(check),
            Err(e) => ImportStep::Failed(e),
        }
    })
    .await
}

/// The import of an uploaded file, step by step: rows checked and written,
/// the commit, then the users created with their temporary passwords in
/// parts (kept in a temporary file until the commit, so a million of them
/// take no more memory than a thousand), ending with how many.
pub async fn import_steps(ctx: Ctx, upload: MultipartData) -> AppResult<TextStream<AppError>> {
    streamed(ctx, upload, |ctx, id, file, tx| async move {
        let send = move |step: ImportStep| drop(tx.unbounded_send(step));
        let progress = |step: ImportStep| {
            if let ImportStep::Written { rows, total } = step {
                tracing::debug!("import: {rows} of {total} rows written, not yet committed");
            }
            send(step);
        };
        let mut kept = match Kept::new() {
            Ok(kept) => kept,
            Err(e) => return ImportStep::Failed(e),
        };
        let imported = import_into(&ctx, &id, &file, IMPORT_MAX_ROWS, &progress, &mut |user| {
            kept.add(&user)
        })
        .await;
        match imported {
            Ok(Ok(_)) => {}
            Ok(Err(report)) => return ImportStep::Failed(refusal(&report)),
            Err(e) => return ImportStep::Failed(e),
        }
        let total = kept.len();
        let parts = match kept.parts(USERS_PART) {
            Ok(parts) => parts,
            Err(e) => return ImportStep::Failed(e),
        };
        let mut sent = 0;
        for part in parts {
            let part = match part {
                Ok(part) => part,
                Err(e) => return ImportStep::Failed(e),
            };
            sent += part.len();
            send(ImportStep::Users { part, sent, total });
            // The answer takes this part before the next is read.
            tokio::task::yield_now().await;
        }
        ImportStep::Imported { users: sent }
    })
    .await
}

/// Checks what must hold first, receives the file, then streams the steps
/// `work` sends and the one it ends with. The form's fields come in order:
/// `customer_id`, then the file in `csv`.
async fn streamed<W, F>(ctx: Ctx, upload: MultipartData, work: W) -> AppResult<TextStream<AppError>>
where
    W: FnOnce(Ctx, String, Spooled, mpsc::UnboundedSender<ImportStep>) -> F,
    F: Future<Output = ImportStep> + Send + 'static,
{
    ctx.require(Capability::CustomerUsersManage)?;
    let mut form = Form::new(upload)?;
    let customer_id = form.text("customer_id").await?;
    ready(&ctx, &customer_id).await?;
    let file = form.file("csv").await?;
    let (tx, rx) = mpsc::unbounded();
    Ok(crate::progress::stream(
        rx,
        work(ctx, customer_id, file, tx),
    ))
}

/// What must hold before the file is received and the response starts, so
/// that it gets its status: a customer of the caller's organization.
async fn ready(ctx: &Ctx, customer_id: &str) -> AppResult<()> {
    let mut conn = ctx.db.acquire().await?;
    require_customer(&mut conn, ctx.org_id(), customer_id).await?;
    Ok(())
}
