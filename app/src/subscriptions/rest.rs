//! `/api/v1/customers/{id}/subscriptions` and `/api/v1/subscriptions`:
//! subscriptions and seats over the JSON API.

use super::{service, Subscription};
use serde::Deserialize;
use utoipa::ToSchema;

/// A new subscription: a product and its seats.
#[derive(Debug, Deserialize, ToSchema)]
pub struct NewSubscription {
    pub product: String,
    pub seats: i64,
}

/// A new seat count, from the version the caller read.
#[derive(Debug, Deserialize, ToSchema)]
pub struct SeatsUpdate {
    pub version: i64,
    pub seats: i64,
}

crate::rest_routes! {
    tag "Subscriptions";
    /// A customer's subscriptions with seats assigned and available.
    ///
    /// `SubscriptionsView`.
    GET "/customers/{customer_id}/subscriptions" list_subscriptions(customer_id) -> Vec<Subscription>
        = |ctx| service::list(&ctx, &customer_id);
    /// Add a subscription for a product.
    ///
    /// `SubscriptionsManage`.
    POST "/customers/{customer_id}/subscriptions" create_subscription(customer_id; body b: NewSubscription) -> Subscription
        = |ctx| service::create(&ctx, &customer_id, &b.product, b.seats);
    /// Change a subscription's seats (never below those assigned).
    ///
    /// `SubscriptionsManage`. A stale `version` gets 409.
    PATCH "/subscriptions/{subscription_id}" set_seats(subscription_id; body b: SeatsUpdate) -> Subscription
        = |ctx| service::set_seats(&ctx, &subscription_id, b.version, b.seats);
}
