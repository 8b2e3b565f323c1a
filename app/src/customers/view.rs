use super::{
    BillingInfo, Customer, CustomerDetails, CustomerQuery, NewCustomer, CUSTOMER_PAGE_SIZE,
};
use crate::access::ui::use_identity;
use crate::access::Capability;
use crate::billing::CustomerInvoices;
use crate::delegated_admin::DapStatus;
use crate::error::AppError;
use crate::pricing::CustomerSubscriptions;
use crate::time::format_local;
use crate::ui::{
    id_param, Empty, FieldError, FormError, Loaded, Pager, SaveNotice, Saves, SearchBox, Table,
    TextField,
};
use leptos::prelude::*;

/// `/customers`: search the organization's customers; create one.
#[component]
pub fn CustomersPage() -> impl IntoView {
    let me = use_identity();
    let search = RwSignal::new(String::new());
    let page = RwSignal::new(0u32);
    let customers = Resource::new(
        move || CustomerQuery {
            search: search.get(),
            page: page.get(),
        },
        super::list_customers,
    );
    let creating = RwSignal::new(false);
    view! {
        <section class="card">
            <h1>{crate::tr!("customers-title")}</h1>
            <div class="toolbar">
                {me
                    .can(Capability::CustomersCreate)
                    .then(|| {
                        view! {
                            <button type="button" on:click=move |_| creating.set(true)>
                                {crate::tr!("customers-create")}
                            </button>
                        }
                    })}
                <SearchBox id="customer-search" label=crate::tr!("customers-search") value=search page=page/>
            </div>
            {move || creating.get().then(|| view! { <NewCustomerForm/> })}
            <Loaded
                resource=customers
                ok=move |p| {
                    if p.customers.is_empty() {
                        let none_yet = if me.can(Capability::CustomersCreate) {
                            crate::tr!("customers-none-yet-create")
                        } else {
                            crate::tr!("customers-none-yet")
                        };
                        let clear = Callback::new(move |_| {
                            search.set(String::new());
                            page.set(0);
                        });
                        return view! {
                            <Empty
                                testid="no-customers"
                                filtered=!search.get_untracked().is_empty()
                                no_match=crate::tr!("customers-no-match")
                                none_yet=none_yet
                                clear=clear
                            />
                        }
                            .into_any();
                    }
                    view! {
                                <Table testid="customers" columns=&[crate::key!("customers-col-name"), crate::key!("customers-col-domain"), crate::key!("customers-col-relationship")]>
                                        {p
                                            .customers
                                            .into_iter()
                                            .map(|c| {
                                                view! {
                                                    <tr data-testid="customer-row">
                                                        <td>
                                                            <a href=format!(
                                                                "/customers/{}",
                                                                c.customer_id,
                                                            )>{c.details.name}</a>
                                                        </td>
                                                        <td>{c.domain}</td>
                                                        <td>{relationship_name(&c.relationship_status)}</td>
                                                    </tr>
                                                }
                                            })
                                            .collect_view()}
                                    </Table>
                                <Pager page=page total=p.total page_size=CUSTOMER_PAGE_SIZE/>
                    }
                        .into_any()
                }
            />
        </section>
    }
}

#[component]
fn NewCustomerForm() -> impl IntoView {
    let name = RwSignal::new(String::new());
    let domain = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let error = RwSignal::new(None::<AppError>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let customer = NewCustomer {
            details: CustomerDetails {
                name: name.get_untracked(),
                contact_email: email.get_untracked(),
                ..CustomerDetails::default()
            },
            domain: domain.get_untracked(),
        };
        leptos::task::spawn_local(async move {
            match super::create_customer(customer).await {
                Ok(c) => crate::ui::go_to(&format!("/customers/{}", c.customer_id)),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <form on:submit=submit novalidate class="card">
            <h2>{crate::tr!("customers-create")}</h2>
            <label for="customer-name">{crate::tr!("customers-name")}</label>
            <input id="customer-name" on:input=move |ev| name.set(event_target_value(&ev))/>
            <FieldError error=error field="name"/>
            <label for="customer-domain">{crate::tr!("customers-domain")}</label>
            <input id="customer-domain" on:input=move |ev| domain.set(event_target_value(&ev))/>
            <FieldError error=error field="domain"/>
            <label for="customer-email">{crate::tr!("customers-contact-email-optional")}</label>
            <input id="customer-email" type="email" on:input=move |ev| email.set(event_target_value(&ev))/>
            <FieldError error=error field="contact_email"/>
            <FormError error=error fields=&["name", "domain", "contact_email"]/>
            <p>
                <button type="submit">{crate::tr!("customers-create-button")}</button>
            </p>
        </form>
    }
}

/// `/customers/:id`: details, billing, requests, subscriptions (and buying
/// an offer), invoice lines; the link to "Users and licences".
#[component]
pub fn CustomerPage() -> impl IntoView {
    let id = id_param();
    let saves = Saves::new();
    let customer = Resource::new(
        move || (id(), saves.count()),
        |(id, _)| super::get_customer(id),
    );
    // Sections with data of their own load beside the editor, not inside
    // it: their resources are created with the page's (hydration).
    let customer_id = Signal::derive(id);
    view! {
        <Loaded resource=customer in_card=true ok=move |c| view! { <CustomerEditor customer=c saves=saves/> }/>
        <CustomerSubscriptions customer_id=customer_id/>
        <CustomerInvoices customer_id=customer_id/>
    }
}

#[component]
fn CustomerEditor(customer: Customer, saves: Saves) -> impl IntoView {
    let a = customer.actions;
    let id = StoredValue::new(customer.customer_id.clone());
    let version = customer.version;
    let d = customer.details.clone();
    let name = RwSignal::new(d.name.clone());
    let email = RwSignal::new(d.contact_email.clone());
    let phone = RwSignal::new(d.phone.clone());
    let address = RwSignal::new(d.address.clone());
    let error = RwSignal::new(None::<AppError>);
    let after = move |r: Result<Customer, AppError>, message| saves.after(r, message, error);
    let after_edit =
        move |r: Result<Customer, AppError>, message| saves.after_edit(r, version, message, error);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let details = CustomerDetails {
            name: name.get_untracked(),
            contact_email: email.get_untracked(),
            phone: phone.get_untracked(),
            address: address.get_untracked(),
        };
        leptos::task::spawn_local(async move {
            after_edit(
                super::update_customer(id.get_value(), version, details).await,
                crate::key!("customers-details-saved"),
            );
        });
    };
    let billing = customer.billing.clone().unwrap_or_default();
    let b_email = RwSignal::new(billing.billing_email.clone());
    let b_address = RwSignal::new(billing.billing_address.clone());
    let b_tax = RwSignal::new(billing.tax_id.clone());
    let save_billing = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let b = BillingInfo {
            billing_email: b_email.get_untracked(),
            billing_address: b_address.get_untracked(),
            tax_id: b_tax.get_untracked(),
        };
        leptos::task::spawn_local(async move {
            after_edit(
                super::update_customer_billing(id.get_value(), version, b).await,
                crate::key!("customers-billing-saved"),
            );
        });
    };
    let request_rel = move |_| {
        leptos::task::spawn_local(async move {
            after(
                super::request_relationship(id.get_value(), version).await,
                crate::key!("customers-relationship-requested"),
            );
        });
    };
    let request_dap = move |_| {
        leptos::task::spawn_local(async move {
            after(
                super::request_delegated_admin(id.get_value(), version).await,
                crate::key!("customers-dap-requested"),
            );
        });
    };
    let dap = DapStatus::from_key(&customer.delegated_admin_status);
    let accepted_on = RwSignal::new(String::new());
    let record = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let date = accepted_on.get_untracked();
        leptos::task::spawn_local(async move {
            after(
                super::record_agreement(id.get_value(), version, date).await,
                crate::key!("customers-agreement-recorded"),
            );
        });
    };
    view! {
        <section class="card">
            <h1 data-testid="customer-name">{d.name.clone()}</h1>
            <p>
                {customer.domain.clone()} " · " {crate::tr!("customers-relationship-label")} " "
                <span data-testid="relationship">{relationship_name(&customer.relationship_status)}</span>
                " · " {crate::tr!("customers-delegated-admin-label")} " "
                <span data-testid="delegated-admin">{dap.name()}</span>
                {a
                    .can_view_agreement
                    .then(|| {
                        let accepted = customer
                            .agreement_accepted_at
                            .map(format_local)
                            .unwrap_or_else(|| crate::tr!("customers-agreement-not-accepted"));
                        view! { " · " {crate::tr!("customers-agreement-label")} " " {accepted} }
                    })}
            </p>
            <p class="toolbar">
                {a
                    .can_manage_users
                    .then(|| {
                        view! {
                            <a class="button" href=format!("/customers/{}/users", customer.customer_id)>
                                {crate::tr!("customers-users-and-licences")}
                            </a>
                        }
                    })}
                {use_identity()
                    .can(Capability::TicketsView)
                    .then(|| {
                        view! {
                            <a class="button secondary" href=format!("/support?customer={}", customer.customer_id)>
                                {crate::tr!("customers-support-tickets")}
                            </a>
                        }
                    })}
                {use_identity()
                    .can_any(&[Capability::DeviceListsAdd, Capability::DeviceProfilesManage])
                    .then(|| {
                        view! {
                            <a class="button secondary" href=format!("/customers/{}/devices", customer.customer_id)>
                                {crate::tr!("customers-devices")}
                            </a>
                        }
                    })}
                {(a.can_request_relationship && customer.relationship_status == "none")
                    .then(|| {
                        view! {
                            <button type="button" class="secondary" on:click=request_rel>
                                {crate::tr!("customers-request-relationship")}
                            </button>
                        }
                    })}
                {(a.can_administer_on_behalf && dap == DapStatus::Granted)
                    .then(|| {
                        view! {
                            <a class="button secondary" href=format!("/customers/{}/administer", customer.customer_id)>
                                {crate::tr!("customers-administer")}
                            </a>
                        }
                    })}
                {(a.can_request_delegated_admin && dap.can_request())
                    .then(|| {
                        view! {
                            <button type="button" class="secondary" on:click=request_dap>
                                {crate::tr!("customers-request-dap")}
                            </button>
                        }
                    })}
            </p>
            <SaveNotice saves=saves/>
            <FormError
                error=error
                fields=&["name", "contact_email", "phone", "address", "billing_email", "accepted_on"]
            />
        </section>
        <section class="card">
            <h2>{crate::tr!("customers-details")}</h2>
            <form on:submit=save novalidate>
                <TextField id="name" label=crate::tr!("customers-name") value=name error=error enabled=a.can_edit_details/>
                <TextField id="contact_email" label=crate::tr!("customers-contact-email") value=email error=error enabled=a.can_edit_details/>
                <TextField id="phone" label=crate::tr!("customers-phone") value=phone error=error enabled=a.can_edit_details/>
                <TextField id="address" label=crate::tr!("customers-address") value=address error=error enabled=a.can_edit_details/>
                {a.can_edit_details.then(|| view! { <p><button type="submit">{crate::tr!("customers-save-details")}</button></p> })}
            </form>
        </section>
        {a
            .can_record_agreement
            .then(|| {
                view! {
                    <section class="card">
                        <h2>{crate::tr!("customers-agreement-title")}</h2>
                        <form on:submit=record novalidate class="toolbar">
                            <div>
                                <label for="accepted_on">{crate::tr!("customers-accepted-on")}</label>
                                <input
                                    id="accepted_on"
                                    type="date"
                                    on:input=move |ev| accepted_on.set(event_target_value(&ev))
                                />
                            </div>
                            <button type="submit">{crate::tr!("customers-record-acceptance")}</button>
                        </form>
                        <FieldError error=error field="accepted_on"/>
                    </section>
                }
            })}
        {a
            .can_edit_billing
            .then(|| {
                view! {
                    <section class="card">
                        <h2>{crate::tr!("customers-billing-title")}</h2>
                        <form on:submit=save_billing novalidate>
                            <TextField id="billing_email" label=crate::tr!("customers-billing-email") value=b_email error=error enabled=true/>
                            <TextField id="billing_address" label=crate::tr!("customers-billing-address") value=b_address error=error enabled=true/>
                            <TextField id="tax_id" label=crate::tr!("customers-tax-id") value=b_tax error=error enabled=true/>
                            <p>
                                <button type="submit">{crate::tr!("customers-save-billing")}</button>
                            </p>
                        </form>
                    </section>
                }
            })}
    }
}

/// A relationship status ("none", "requested" or "active") in the reader's
/// language; an unknown one as it is.
fn relationship_name(status: &str) -> String {
    match status {
        "none" => crate::tr!("customers-relationship-none"),
        "requested" => crate::tr!("customers-relationship-requested-status"),
        "active" => crate::tr!("customers-relationship-active"),
        other => other.to_string(),
    }
}
