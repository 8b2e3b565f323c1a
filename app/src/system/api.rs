use super::SystemStatus;
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Public: the deployment's health read-out (counts only).
#[server(endpoint = "system/status", input = Json)]
pub async fn server_status() -> Result<SystemStatus, AppError> {
    let state = crate::state::app_state()?;
    super::service::status(&state.db).await
}
