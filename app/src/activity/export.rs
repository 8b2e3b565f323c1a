//! The log's CSV export, in parts: the browser follows them
//! ([`ExportStep`]s streamed, with Cancel), the API gets the whole file.
//! Parts are read newest first by keyset on `(at, activity_id)`, in one
//! read transaction, so the file is one moment's state.

use super::service::{filter_sql, ActivityRow, ENTRY_COLUMNS};
use super::{ActivityEntry, ActivityFilter, FieldChange};
use crate::csv::export::{stream, Collected, ExportStep, Parts, EXPORT_STEP};
use crate::db::Arg;
use crate::error::{AppError, AppResult};
use crate::request::Ctx;
use leptos::server_fn::codec::TextStream;

/// The export's header line.
const HEADER: &str = "Time (UTC),Operation,Actor,Target kind,Target,Changes,Client address\r\n";

/// Sends the filtered log as CSV to `send`, with the list's visibility:
/// `Started` with the number of entries, then parts of [`EXPORT_STEP`]
/// entries, newest first (the first part with the header).
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn export_parts(
    ctx: &Ctx,
    f: &ActivityFilter,
    send: &(dyn Fn(ExportStep) + Sync),
) -> AppResult<()> {
    ctx.require_login()?;
    let Ctx { db, me, .. } = ctx;
    let filter = filter_sql(db, me, f)?;
    let mut tx = db.begin().await?;
    let total: i64 = sqlx::query_scalar_with(
        &format!("select count(*) from activity {}", filter.sql()),
        filter.arguments(),
    )
    .fetch_one(&mut *tx)
    .await?;
    let mut parts = Parts::start(HEADER, total, send);
    let mut after: Option<(i64, String)> = None;
    loop {
        let mut part = filter_sql(db, me, f)?;
        if let Some((at, id)) = &after {
            part.push(
                " and (at < ? or (at = ? and activity_id < ?))",
                [Arg::Int(*at), Arg::Int(*at), Arg::Text(id.clone())],
            );
        }
        let sql = format!(
            "select {ENTRY_COLUMNS} from activity {} order by at desc, activity_id desc limit {EXPORT_STEP}",
            part.sql()
        );
        let page: Vec<ActivityEntry> =
            sqlx::query_as_with::<_, ActivityRow, _>(&sql, part.arguments())
                .fetch_all(&mut *tx)
                .await?
                .into_iter()
                .map(ActivityEntry::from)
                .collect();
        let Some(last) = page.last() else { break };
        after = Some((last.at, last.activity_id.clone()));
        let full = page.len() == EXPORT_STEP;
        for e in page {
            parts.row(&cells(&e));
        }
        parts.part();
        if !full {
            break;
        }
    }
    parts.finish();
    tx.commit().await?;
    Ok(())
}

fn cells(e: &ActivityEntry) -> [String; 7] {
    let changes: Vec<String> = e.changes.iter().map(FieldChange::describe).collect();
    [
        crate::time::format_millis(e.at),
        e.operation_label(),
        e.actor_name.clone(),
        e.target_kind.clone(),
        e.target_name.clone(),
        changes.join("; "),
        e.client_addr.clone().unwrap_or_default(),
    ]
}

/// The filtered log as one CSV text (the API's export).
pub async fn export_csv(ctx: &Ctx, f: &ActivityFilter) -> AppResult<String> {
    let file = Collected::default();
    export_parts(ctx, f, &|step| file.send(step)).await?;
    file.into_text()
}

/// The export as the browser follows it: the steps, streamed. The filter
/// is checked first, so that a bad one is the answer's status.
pub async fn export_steps(ctx: Ctx, f: ActivityFilter) -> AppResult<TextStream<AppError>> {
    ctx.require_login()?;
    filter_sql(&ctx.db, &ctx.me, &f)?;
    Ok(stream(move |to| async move {
        export_parts(&ctx, &f, &|step| to.send(step)).await
    }))
}
