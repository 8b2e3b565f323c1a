//! The page's header: heading, seat table and the filters whose licence
//! list comes from the customer's subscriptions.

use crate::customers::Customer;
use crate::subscriptions::{SeatTable, Subscription};
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
    let options = subs
        .iter()
        .map(|s| view! { <option value=s.subscription_id.clone()>{s.product.clone()}</option> })
        .collect_view();
    view! {
        <h1>{format!("Users and licences — {}", customer.details.name)}</h1>
        <p>
            <a href=format!("/customers/{}", customer.customer_id)>"Back to the customer"</a>
        </p>
        <SeatTable subs=subs/>
        <div class="toolbar">
            <div>
                <label for="cu-search">"Filter by name"</label>
                <input
                    id="cu-search"
                    type="search"
                    prop:value=move || search.get()
                    on:input=move |ev| {
                        search.set(event_target_value(&ev));
                        page.set(0);
                    }
                />
            </div>
            <div>
                <label for="cu-licence">"Filter by licence"</label>
                <select
                    id="cu-licence"
                    prop:value=move || licence.get()
                    on:change=move |ev| {
                        licence.set(event_target_value(&ev));
                        page.set(0);
                    }
                >
                    <option value="">"All users"</option>
                    <option value="none">"Users without a licence"</option>
                    {options}
                </select>
            </div>
        </div>
    }
}
