use super::Subscription;

crate::session_server_fns! {
    /// `CustomersView` and `SubscriptionsView` or `CustomerUsersManage`: the
    /// customer's subscriptions with seats assigned and available.
    "subscriptions/list" => fn list_subscriptions(customer_id: String) -> Vec<Subscription>
        = |ctx| super::service::list(&ctx, &customer_id);

    /// `SubscriptionsManage`: adds a subscription (product and seats).
    "subscriptions/create" => fn create_subscription(customer_id: String, product: String, seats: i64) -> Subscription
        = |ctx| super::service::create(&ctx, &customer_id, &product, seats);

    /// `SubscriptionsManage`: changes a subscription's seats.
    "subscriptions/set-seats" => fn set_seats(subscription_id: String, version: i64, seats: i64) -> Subscription
        = |ctx| super::service::set_seats(&ctx, &subscription_id, version, seats);
}
