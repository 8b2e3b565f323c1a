//! `/devices`: choose a customer.

use crate::devices::DeviceCustomer;
use crate::ui::{Loaded, SearchBox, Table};
use leptos::prelude::*;

/// `/devices`: the customers with their device counts.
#[component]
pub fn DevicesPage() -> impl IntoView {
    let search = RwSignal::new(String::new());
    // The search box resets a page number; this list has one page.
    let page = RwSignal::new(0u32);
    let customers = Resource::new(move || search.get(), crate::devices::list_device_customers);
    view! {
        <section class="card">
            <h1>{crate::tr!("devices-title")}</h1>
            <p>{crate::tr!("devices-choose-customer")}</p>
            <div class="toolbar">
                <SearchBox id="device-customer-search" label=crate::tr!("devices-find-customer") value=search page=page/>
            </div>
            <Loaded resource=customers ok=|c| view! { <CustomerTable customers=c/> }/>
        </section>
    }
}

#[component]
fn CustomerTable(customers: Vec<DeviceCustomer>) -> impl IntoView {
    if customers.is_empty() {
        return view! { <p data-testid="no-device-customers">{crate::tr!("devices-no-customer-matches")}</p> }
            .into_any();
    }
    view! {
        <Table testid="device-customers" columns=&[crate::key!("devices-col-customer"), crate::key!("devices-col-domain"), crate::key!("devices-col-devices")]>
            {customers
                .into_iter()
                .map(|c| {
                    view! {
                        <tr>
                            <td>
                                <a href=format!("/customers/{}/devices", c.customer_id)>{c.name}</a>
                            </td>
                            <td>{c.domain}</td>
                            <td data-testid="device-count">{c.device_count}</td>
                        </tr>
                    }
                })
                .collect_view()}
        </Table>
    }
    .into_any()
}
