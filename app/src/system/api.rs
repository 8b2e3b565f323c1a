use super::SystemStatus;
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Public: the deployment's health read-out (the organization count only
/// for signed-in people).
#[server(endpoint = "system/status", input = Json)]
pub async fn server_status() -> Result<SystemStatus, AppError> {
    let state = crate::state::app_state()?;
    let signed_in = crate::request::current_identity().await?.is_some();
    super::service::status(&state.db, signed_in).await
}
