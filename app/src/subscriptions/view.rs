//! The seat table: seats, assigned and available per product.

use super::Subscription;
use crate::ui::Table;
use leptos::prelude::*;

/// Seats per product of one customer.
#[component]
pub fn SeatTable(subs: Vec<Subscription>) -> impl IntoView {
    if subs.is_empty() {
        return view! { <p class="muted">{crate::tr!("subscriptions-none")}</p> }.into_any();
    }
    view! {
        <Table testid="seats" columns=&[crate::key!("subscriptions-col-product"), crate::key!("subscriptions-col-seats"), crate::key!("subscriptions-col-assigned"), crate::key!("subscriptions-col-available")]>
                {subs
                    .into_iter()
                    .map(|s| {
                        let available = s.available();
                        view! {
                            <tr>
                                <td>{s.product}</td>
                                <td>{s.seats}</td>
                                <td>{s.assigned}</td>
                                <td data-testid="available">{available}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </Table>
    }
    .into_any()
}
