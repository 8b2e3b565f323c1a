//! The rows of customer users.

use crate::customer_users::{CustomerUser, CustomerUserStatus};
use crate::error::AppError;
use crate::ui::Table;
use leptos::prelude::*;
use std::collections::BTreeSet;

#[component]
pub(super) fn UserRows(
    users: Vec<CustomerUser>,
    selected: RwSignal<BTreeSet<String>>,
    customer_id: String,
    secret: RwSignal<Option<(String, String)>>,
    error: RwSignal<Option<AppError>>,
) -> impl IntoView {
    let customer_id = StoredValue::new(customer_id);
    view! {
        <Table testid="customer-users" columns=&[crate::key!("customer-users-col-select"), crate::key!("customer-users-col-display-name"), crate::key!("customer-users-col-user-name"), crate::key!("customer-users-col-admin-role"), crate::key!("customer-users-col-licences"), crate::key!("customer-users-col-actions")]>
                {users
                    .into_iter()
                    .map(|u| {
                        let id = u.customer_user_id.clone();
                        let id_check = id.clone();
                        let id_toggle = id.clone();
                        let name = u.display_name.clone();
                        let active = u.status == CustomerUserStatus::Active;
                        let reset = move |_| {
                            let id = id.clone();
                            let name = name.clone();
                            leptos::task::spawn_local(async move {
                                match crate::customer_users::reset_customer_user_password(customer_id.get_value(), id).await {
                                    Ok(p) => secret.set(Some((name, p))),
                                    Err(e) => error.set(Some(e)),
                                }
                            });
                        };
                        let licences: Vec<String> = u.licences.iter().map(|l| l.product.clone()).collect();
                        let label = crate::tr!("customer-users-select", name = u.display_name);
                        view! {
                            <tr data-testid="customer-user-row">
                                <td>
                                    <input
                                        type="checkbox"
                                        aria-label=label
                                        prop:checked=move || selected.with(|s| s.contains(&id_check))
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            let id = id_toggle.clone();
                                            selected
                                                .update(|s| {
                                                    if on {
                                                        s.insert(id);
                                                    } else {
                                                        s.remove(&id);
                                                    }
                                                });
                                        }
                                    />
                                </td>
                                <td>{u.display_name.clone()}</td>
                                <td>{u.user_name.clone()}</td>
                                <td>{u.admin_role.name()}</td>
                                <td data-testid="licences">
                                    {if licences.is_empty() { crate::tr!("customer-users-no-licence") } else { licences.join(", ") }}
                                </td>
                                <td>
                                    {active
                                        .then(|| {
                                            view! {
                                                <button type="button" class="secondary" on:click=reset>
                                                    {crate::tr!("customer-users-reset-password")}
                                                </button>
                                            }
                                        })}
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </Table>
    }
    .into_any()
}
