//! The check and the import as the browser runs them: a response that
//! streams [`ImportStep`]s as the rows are checked and written, and ends
//! with the report or the result. The work is polled by the response
//! itself, not spawned: when the page cancels (closes the response) the
//! work is dropped with its open transaction, and nothing is written.
//! The replica that does the work is the one that reports it, so progress
//! needs no shared state between replicas.

use super::{import, validate_with};
use crate::access::Capability;
use crate::customer_users::ImportStep;
use crate::customers::service::require_customer;
use crate::error::{AppError, AppResult};
use crate::request::Ctx;
use futures::channel::mpsc;
use futures::{Future, StreamExt};
use leptos::prelude::provide_context;
use leptos::reactive::computed::ScopedFuture;
use leptos::reactive::owner::Owner;
use leptos::server_fn::codec::TextStream;
use std::task::Poll;

/// The check of an import file, step by step, ending with its report.
pub async fn validate_steps(
    ctx: Ctx,
    customer_id: String,
    csv: String,
) -> AppResult<TextStream<AppError>> {
    streamed(ctx, customer_id, |ctx, id, tx| async move {
        let progress = move |step| drop(tx.unbounded_send(step));
        match validate_with(&ctx, &id, &csv, &progress).await {
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
    Ok(steps(rx, work(ctx, customer_id, tx)))
}

/// What must hold before the response starts, so that it gets its status:
/// the capability, and a customer of the caller's organization.
async fn ready(ctx: &Ctx, customer_id: &str) -> AppResult<()> {
    ctx.require(Capability::CustomerUsersManage)?;
    let mut conn = ctx.db.acquire().await?;
    require_customer(&mut conn, ctx.org_id(), customer_id).await?;
    Ok(())
}

/// The lines of the steps `work` reports on `rx`, then of the step it ends
/// with. The work runs in the reader's language.
fn steps(
    mut rx: mpsc::UnboundedReceiver<ImportStep>,
    work: impl Future<Output = ImportStep> + Send + 'static,
) -> TextStream<AppError> {
    let owner = Owner::new_root(None);
    let locale = crate::i18n::current();
    owner.with(|| provide_context(locale));
    let mut work = Some(Box::pin(ScopedFuture {
        owner,
        observer: None,
        fut: work,
    }));
    let mut last = None;
    let lines = futures::stream::poll_fn(move |cx| loop {
        // Every step reported comes out before the last one.
        if let Poll::Ready(Some(step)) = rx.poll_next_unpin(cx) {
            return Poll::Ready(Some(step));
        }
        match work.as_mut() {
            Some(running) => match running.as_mut().poll(cx) {
                Poll::Ready(step) => {
                    work = None;
                    last = Some(step);
                }
                Poll::Pending => return Poll::Pending,
            },
            None => return Poll::Ready(last.take()),
        }
    });
    TextStream::new(lines.map(|step: ImportStep| Ok(step.line())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn every_step_comes_out_in_order_and_the_last_one_ends_the_stream() {
        let (tx, rx) = mpsc::unbounded();
        let work = async move {
            for rows in [1, 2] {
                drop(tx.unbounded_send(ImportStep::Written { rows, total: 2 }));
                tokio::task::yield_now().await;
            }
            drop(tx.unbounded_send(ImportStep::Saving));
            ImportStep::Failed(AppError::Internal)
        };
        let lines: Vec<String> = steps(rx, work)
            .into_inner()
            .map(|line| line.unwrap_or_default())
            .collect()
            .await;
        let mut decode = crate::customer_users::StepLines::default();
        let got = decode.push(&lines.concat());
        assert_eq!(
            got,
            [
                ImportStep::Written { rows: 1, total: 2 },
                ImportStep::Written { rows: 2, total: 2 },
                ImportStep::Saving,
                ImportStep::Failed(AppError::Internal),
            ]
        );
    }
}
