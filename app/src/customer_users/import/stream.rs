//! The check and the import as the browser runs them: a response that
//! streams [`ImportStep`]s as the rows are checked and written, and ends
//! with the report or the result ([`crate::progress::stream`]). When the
//! page cancels (closes the response) the work is dropped with its open
//! transaction, and nothing is written.

use super::{import, validate_with};
use crate::access::Capability;
use crate::customer_users::ImportStep;
use crate::customer_users::IMPORT_MAX_ROWS;
use crate::customers::service::require_customer;
use crate::error::{AppError, AppResult};
use crate::request::Ctx;
use futures::channel::mpsc;
use futures::Future;
use leptos::server_fn::codec::TextStream;

/// The check of an import file, step by step, ending with its report.
pub async fn validate_steps(
    ctx: Ctx,
    customer_id: String,
    csv: String,
) -> AppResult<TextStream<AppError>> {
    streamed(ctx, customer_id, |ctx, id, tx| async move {
        let progress = move |step| drop(tx.unbounded_send(step));
        match validate_with(&ctx, &id, &csv.as_str(), IMPORT_MAX_ROWS, &progress).await {
            Ok(check) => ImportStep::Report(check),
            Err(e) => ImportStep::Failed(e),
        }
    })
    .await
}

/// The import of a file, step by step, ending with the users created (or
/// the reason nothing was).
pub async fn import_steps(
    ctx: Ctx,
    customer_id: String,
    csv: String,
) -> AppResult<TextStream<AppError>> {
    streamed(ctx, customer_id, |ctx, id, tx| async move {
        let progress = move |step: ImportStep| {
            if let ImportStep::Written { rows, total } = step {
                tracing::debug!("import: {rows} of {total} rows written, not yet committed");
            }
            drop(tx.unbounded_send(step));
        };
        match import(&ctx, &id, &csv, &progress).await {
            Ok(result) => ImportStep::Imported(result),
            Err(e) => ImportStep::Failed(e),
        }
    })
    .await
}

/// Checks what must hold first, then streams the steps `work` sends and
/// the one it ends with.
async fn streamed<W, F>(ctx: Ctx, customer_id: String, work: W) -> AppResult<TextStream<AppError>>
where
    W: FnOnce(Ctx, String, mpsc::UnboundedSender<ImportStep>) -> F,
    F: Future<Output = ImportStep> + Send + 'static,
{
    ready(&ctx, &customer_id).await?;
    let (tx, rx) = mpsc::unbounded();
    Ok(crate::progress::stream(rx, work(ctx, customer_id, tx)))
}

/// What must hold before the response starts, so that it gets its status:
/// the capability, and a customer of the caller's organization.
async fn ready(ctx: &Ctx, customer_id: &str) -> AppResult<()> {
    ctx.require(Capability::CustomerUsersManage)?;
    let mut conn = ctx.db.acquire().await?;
    require_customer(&mut conn, ctx.org_id(), customer_id).await?;
    Ok(())
}
