use super::{ActivityFilter, ActivityPage};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Signed in: a page of the activity log: the caller's own actions, or the
/// whole organization's with `ActivityViewAll`.
#[server(endpoint = "activity/list", input = Json)]
pub async fn list_activity(filter: ActivityFilter) -> Result<ActivityPage, AppError> {
    let ctx = crate::request::from_session().await?;
    super::service::list(&ctx, &filter).await
}

/// Signed in: the filtered log as CSV, with the same visibility as the list.
#[server(endpoint = "activity/export", input = Json)]
pub async fn export_activity(filter: ActivityFilter) -> Result<String, AppError> {
    let ctx = crate::request::from_session().await?;
    super::service::export_csv(&ctx, &filter).await
}
