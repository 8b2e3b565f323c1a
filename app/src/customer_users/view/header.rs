//! The page's header: heading, seat table and the filters whose licence
//! list comes from the customer's subscriptions.

use crate::customers::Customer;
use crate::subscriptions::{SeatTable, Subscription};
use crate::ui::{FilterSelect, SearchBox};
use leptos::prelude::*;

/// Heading, seat table and the filters (whose licence list comes from the
/// subscriptions).
#[component]
pub(super) fn CustomerHeader(
    customer: Customer,
    subs: Vec<Subscription>,
    search: RwSignal<String>,
    licence: RwSignal<String>,
    page: RwSignal<u32>,
) -> impl IntoView {
    let options = [
        ("", crate::tr!("customer-users-all-users")),
        ("none", crate::tr!("customer-users-without-licence")),
    ]
    .into_iter()
    .map(|(v, l)| (v.to_string(), l))
    .chain(
        subs.iter()
            .map(|s| (s.subscription_id.clone(), s.product.clone())),
    )
    .collect::<Vec<_>>();
    view! {
        <h1>{crate::tr!("customer-users-title-for", customer = customer.details.name)}</h1>
        <p>
            <a href=format!("/customers/{}", customer.customer_id)>{crate::tr!("customer-users-back")}</a>
        </p>
        <SeatTable subs=subs/>
        <div class="toolbar">
            <SearchBox id="cu-search" label=crate::tr!("customer-users-filter-name") value=search page=page/>
            <FilterSelect id="cu-licence" label=crate::tr!("customer-users-filter-licence") value=licence page=page options=options/>
        </div>
    }
}
