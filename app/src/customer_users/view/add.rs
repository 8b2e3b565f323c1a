//! The "Add user" form.

use crate::customer_users::{CreatedCustomerUser, CustomerAdminRole, NewCustomerUser};
use crate::error::AppError;
use crate::subscriptions::Subscription;
use crate::ui::{FieldError, FormError, TextField};
use leptos::prelude::*;
use std::collections::BTreeSet;

#[component]
pub(super) fn AddCustomerUser(
    customer_id: String,
    domain: String,
    subs: Vec<Subscription>,
    done: Callback<CreatedCustomerUser>,
) -> impl IntoView {
    let first = RwSignal::new(String::new());
    let last = RwSignal::new(String::new());
    let display = RwSignal::new(String::new());
    let alias = RwSignal::new(String::new());
    let role = RwSignal::new(CustomerAdminRole::None);
    let chosen = RwSignal::new(BTreeSet::<String>::new());
    let error = RwSignal::new(None::<AppError>);
    let customer_id = StoredValue::new(customer_id);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let user = NewCustomerUser {
            first_name: first.get_untracked(),
            last_name: last.get_untracked(),
            display_name: display.get_untracked(),
            alias: alias.get_untracked(),
            admin_role: role.get_untracked(),
            licences: chosen.get_untracked().into_iter().collect(),
        };
        error.set(None);
        leptos::task::spawn_local(async move {
            match crate::customer_users::create_customer_user(customer_id.get_value(), user).await {
                Ok(c) => done.run(c),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <div class="card">
            <h2>{crate::tr!("customer-users-add-user")}</h2>
            <form on:submit=submit novalidate>
                <TextField id="first_name" label=crate::tr!("customer-users-first-name") value=first error=error/>
                <TextField id="last_name" label=crate::tr!("customer-users-last-name") value=last error=error/>
                <TextField id="display_name" label=crate::tr!("customer-users-display-name") value=display error=error/>
                <label for="alias">{crate::tr!("customer-users-user-name")}</label>
                <span class="toolbar">
                    <input
                        id="alias"
                        prop:value=move || alias.get()
                        on:input=move |ev| alias.set(event_target_value(&ev))
                    />
                    <span>"@" {domain.clone()}</span>
                </span>
                <FieldError error=error field="alias"/>
                <label for="admin_role">{crate::tr!("customer-users-admin-role")}</label>
                <select
                    id="admin_role"
                    on:change=move |ev| {
                        role.set(CustomerAdminRole::from_key(&event_target_value(&ev)).unwrap_or_default())
                    }
                >
                    {CustomerAdminRole::ALL
                        .into_iter()
                        .map(|r| view! { <option value=r.key()>{r.name()}</option> })
                        .collect_view()}
                </select>
                <fieldset>
                    <legend>{crate::tr!("customer-users-licences")}</legend>
                    {subs
                        .iter()
                        .map(|s| {
                            let sid = s.subscription_id.clone();
                            let label = crate::tr!(
                                "customer-users-product-available",
                                product = s.product,
                                available = crate::i18n::number(s.available()),
                            );
                            view! {
                                <label class="check">
                                    <input
                                        type="checkbox"
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            let sid = sid.clone();
                                            chosen
                                                .update(|c| {
                                                    if on {
                                                        c.insert(sid);
                                                    } else {
                                                        c.remove(&sid);
                                                    }
                                                });
                                        }
                                    />
                                    " "
                                    {label}
                                </label>
                            }
                        })
                        .collect_view()}
                </fieldset>
                <FormError error=error fields=&["first_name", "last_name", "display_name", "alias"]/>
                <p>
                    <button type="submit">{crate::tr!("customer-users-create-user")}</button>
                </p>
            </form>
        </div>
    }
}
