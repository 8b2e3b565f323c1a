//! `/api/v1/pricing` and a customer's offers and purchases.

use super::{service, NewPurchase, Offer, PriceList, PricingQuery};
use crate::subscriptions::Subscription;

crate::rest_routes! {
    tag "Pricing";
    /// The price list: every product with its offers (prices per seat and
    /// per month, in cents), searched by name or description.
    ///
    /// `PricingView`.
    GET "/pricing" get_price_list(; query q: PricingQuery) -> PriceList
        = |ctx| service::price_list(&ctx, &q);
    /// The offers a customer can still buy (products it has no subscription
    /// to). `unit_price_cents` is null unless the caller has `PricingView`.
    ///
    /// `SubscriptionsManage`.
    GET "/customers/{customer_id}/offers" list_customer_offers(customer_id) -> Vec<Offer>
        = |ctx| service::customer_offers(&ctx, &customer_id);
    /// Buy an offer for a customer: a subscription with seats within the
    /// offer's bounds (422 otherwise; 409 when the customer has the product).
    ///
    /// `SubscriptionsManage`.
    POST "/customers/{customer_id}/purchases" buy_offer(customer_id; body b: NewPurchase) -> Subscription
        = |ctx| service::buy(&ctx, &customer_id, &b);
}
