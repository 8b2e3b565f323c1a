use super::{ActivityFilter, ActivityPage};

crate::session_server_fns! {
    /// Signed in: a page of the activity log: the caller's own actions, or the
    /// whole organization's with `ActivityViewAll`.
    "activity/list" => fn list_activity(filter: ActivityFilter) -> ActivityPage
        = |ctx| super::service::list(&ctx, &filter);

}

/// Signed in: the filtered log as CSV, with the same visibility as the
/// list, streamed in parts: [`ExportStep`](crate::csv::export::ExportStep)
/// lines (the number of entries, the file in parts, then `Done`).
#[leptos::server(
    endpoint = "activity/export",
    input = leptos::server_fn::codec::Json,
    output = leptos::server_fn::codec::StreamingText
)]
pub async fn export_activity(
    filter: ActivityFilter,
) -> Result<leptos::server_fn::codec::TextStream<crate::error::AppError>, crate::error::AppError> {
    let ctx = crate::request::from_session().await?;
    super::export::export_steps(ctx, filter).await
}
