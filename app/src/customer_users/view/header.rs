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
    let options = [("", "All users"), ("none", "Users without a licence")]
        .into_iter()
        .map(|(v, l)| (v.to_string(), l.to_string()))
        .chain(
            subs.iter()
                .map(|s| (s.subscription_id.clone(), s.product.clone())),
        )
        .collect::<Vec<_>>();
    view! {
        <h1>{format!("Users and licences — {}", customer.details.name)}</h1>
        <p>
            <a href=format!("/customers/{}", customer.customer_id)>"Back to the customer"</a>
        </p>
        <SeatTable subs=subs/>
        <div class="toolbar">
            <SearchBox id="cu-search" label="Filter by name" value=search page=page/>
            <FilterSelect id="cu-licence" label="Filter by licence" value=licence page=page options=options/>
        </div>
    }
}
