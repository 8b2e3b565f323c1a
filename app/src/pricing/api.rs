use super::{NewPurchase, Offer, PriceList, PricingQuery};
use crate::subscriptions::Subscription;

crate::session_server_fns! {
    /// `PricingView`: the price list (every product with its offers),
    /// searched by product name or description.
    "pricing/list" => fn get_price_list(query: PricingQuery) -> PriceList
        = |ctx| super::service::price_list(&ctx, &query);

    /// `SubscriptionsManage`: the offers a customer can still buy, priced
    /// only for callers with `PricingView`.
    "pricing/customer-offers" => fn list_customer_offers(customer_id: String) -> Vec<Offer>
        = |ctx| super::service::customer_offers(&ctx, &customer_id);

    /// `SubscriptionsManage`: buys an offer for a customer (a subscription
    /// with seats within the offer's bounds).
    "pricing/buy" => fn buy_offer(customer_id: String, purchase: NewPurchase) -> Subscription
        = |ctx| super::service::buy(&ctx, &customer_id, &purchase);
}
