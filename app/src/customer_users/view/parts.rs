//! Smaller parts of the page: the tabs, the notice of a user just created,
//! and the boundary in which each dialog loads its data.

use super::page::load_customer;
use crate::customer_users::CreatedCustomerUser;
use crate::customers::Customer;
use crate::subscriptions::Subscription;
use crate::ui::{Loaded, OnceSecret};
use leptos::prelude::*;

/// "Users" and "Deleted users (N)".
#[component]
pub(super) fn Tabs(
    deleted: RwSignal<bool>,
    deleted_count: i64,
    show: Callback<bool>,
) -> impl IntoView {
    view! {
        <div class="toolbar" role="tablist">
            <button
                type="button"
                role="tab"
                class=move || if deleted.get() { "secondary" } else { "" }
                aria-selected=move || (!deleted.get()).to_string()
                on:click=move |_| show.run(false)
            >
                {crate::tr!("customer-users-tab-users")}
            </button>
            <button
                type="button"
                role="tab"
                data-testid="deleted-tab"
                class=move || if deleted.get() { "" } else { "secondary" }
                aria-selected=move || deleted.get().to_string()
                on:click=move |_| show.run(true)
            >
                {crate::tr!("customer-users-tab-deleted", count = crate::i18n::number(deleted_count))}
            </button>
        </div>
    }
}

/// The sign-in name and temporary password of a user just created.
#[component]
pub(super) fn CreatedNotice(
    created: CreatedCustomerUser,
    cleared: RwSignal<Option<CreatedCustomerUser>>,
) -> impl IntoView {
    view! {
        <div class="card">
            <h2>{crate::tr!("customer-users-created")}</h2>
            <p>
                {crate::tr!("customer-users-user-name-label")}
                " "
                <code data-testid="created-user-name">{created.user.user_name.clone()}</code>
            </p>
            <OnceSecret label=crate::tr!("customer-users-temporary-password-label") value=created.temporary_password.clone()/>
            <button type="button" on:click=move |_| cleared.set(None)>
                {crate::tr!("customer-users-add-another")}
            </button>
        </div>
    }
}

/// Loads the customer and its subscriptions in a boundary of its own, then
/// renders a dialog with them (fresh seat counts each time it opens).
#[component]
pub(super) fn WithCustomer<F>(customer_id: String, render: F) -> impl IntoView
where
    F: Fn(Customer, Vec<Subscription>) -> AnyView + Clone + Send + Sync + 'static,
{
    let data = Resource::new(move || customer_id.clone(), load_customer);
    view! { <Loaded resource=data ok=move |(customer, subs)| render(customer, subs)/> }
}
