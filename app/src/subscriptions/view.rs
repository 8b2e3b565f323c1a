//! The seat table: seats, assigned and available per product.

use super::Subscription;
use crate::ui::Table;
use leptos::prelude::*;

/// Seats per product of one customer.
#[component]
pub fn SeatTable(subs: Vec<Subscription>) -> impl IntoView {
    if subs.is_empty() {
        return view! { <p class="muted">"This customer has no subscriptions yet."</p> }.into_any();
    }
    view! {
        <Table testid="seats" columns=&["Product", "Seats", "Assigned", "Available"]>
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
