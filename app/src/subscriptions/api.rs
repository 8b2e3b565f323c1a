use super::Subscription;
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// the customer's subscriptions with seats assigned and available.
#[server(endpoint = "subscriptions/list", input = Json)]
pub async fn list_subscriptions(customer_id: String) -> Result<Vec<Subscription>, AppError> {
    let ctx = crate::request::from_session().await?;
    super::service::list(&ctx, &customer_id).await
}

/// `SubscriptionsManage`: adds a subscription (product and seats).
#[server(endpoint = "subscriptions/create", input = Json)]
pub async fn create_subscription(
    customer_id: String,
    product: String,
    seats: i64,
) -> Result<Subscription, AppError> {
    let ctx = crate::request::from_session().await?;
    super::service::create(&ctx, &customer_id, &product, seats).await
}

/// `SubscriptionsManage`: changes a subscription's seats.
#[server(endpoint = "subscriptions/set-seats", input = Json)]
pub async fn set_seats(subscription_id: String, seats: i64) -> Result<Subscription, AppError> {
    let ctx = crate::request::from_session().await?;
    super::service::set_seats(&ctx, &subscription_id, seats).await
}
