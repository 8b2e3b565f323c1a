//! `/customers/:id/users`: the page that holds the parts together.
//!
//! Page rule (README, "Rules for page code"): every resource is awaited in
//! exactly one `<Suspense>`/`<Transition>`, inside `Suspend::new(async move
//! { … })`; nothing reads a resource with `.get()`. Here the customer and its
//! subscriptions (one resource) fill the header, and the user list (another)
//! fills the tabs and rows; each dialog loads what it needs in its own
//! boundary.

use super::add::AddCustomerUser;
use super::header::CustomerHeader;
use super::import::ImportPanel;
use super::licences::ManageLicences;
use super::parts::{CreatedNotice, Tabs, WithCustomer};
use super::rows::UserRows;
use crate::customer_users::{
    CreatedCustomerUser, CustomerUserQuery, RestoreOutcome, CUSTOMER_USER_PAGE_SIZE, RESTORE_DAYS,
};
use crate::customers::Customer;
use crate::error::AppError;
use crate::subscriptions::Subscription;
use crate::ui::{Confirm, Empty, ErrorMessage, ExportButton, FormError, Loaded, OnceSecret, Pager};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use std::collections::BTreeSet;

/// A customer and its subscriptions, read together.
///
/// Both calls start in the same first poll: on the server a resource's
/// future is polled once when it is created, while its owner is alive, and
/// a server function reads its request context at its start. A second call
/// made after an `.await` could find the owner gone (Suspense re-creates its
/// children while resolving) and fail with "AppState missing".
pub(super) async fn load_customer(id: String) -> Result<(Customer, Vec<Subscription>), AppError> {
    let (customer, subscriptions) = futures::join!(
        crate::customers::get_customer(id.clone()),
        crate::subscriptions::list_subscriptions(id)
    );
    Ok((customer?, subscriptions?))
}

/// `/customers/:id/users`: "Users and licences" of one customer.
#[component]
pub fn CustomerUsersPage() -> impl IntoView {
    let params = use_params_map();
    let customer_id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let deleted = RwSignal::new(false);
    let search = RwSignal::new(String::new());
    let licence = RwSignal::new(String::new());
    let page = RwSignal::new(0u32);
    let reload = RwSignal::new(0u32);
    let selected = RwSignal::new(BTreeSet::<String>::new());
    let error = RwSignal::new(None::<AppError>);
    let notice = RwSignal::new(None::<String>);
    let secret = RwSignal::new(None::<(String, String)>);
    let users = Resource::new(
        move || {
            (
                CustomerUserQuery {
                    customer_id: customer_id.get(),
                    search: search.get(),
                    licence: licence.get(),
                    deleted: deleted.get(),
                    page: page.get(),
                },
                reload.get(),
            )
        },
        |(q, _)| crate::customer_users::list_customer_users(q),
    );
    let overview = Resource::new(
        move || (customer_id.get(), reload.get()),
        |(id, _)| load_customer(id),
    );
    let refresh = move || {
        selected.set(BTreeSet::new());
        reload.update(|n| *n += 1);
    };
    let show_tab = Callback::new(move |d: bool| {
        deleted.set(d);
        page.set(0);
        selected.set(BTreeSet::new());
        notice.set(None);
    });
    let run = move |ids: Vec<String>, restore: bool| {
        error.set(None);
        leptos::task::spawn_local(async move {
            let id = customer_id.get_untracked();
            let outcome = if restore {
                crate::customer_users::restore_customer_users(id, ids)
                    .await
                    .map(|o| describe_restore(&o))
            } else {
                crate::customer_users::delete_customer_users(id, ids)
                    .await
                    .map(|n| crate::tr_n!("customer-users-deleted", n, days = RESTORE_DAYS))
            };
            match outcome {
                Ok(message) => {
                    notice.set(Some(message));
                    refresh();
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let selection = move || selected.get_untracked().into_iter().collect::<Vec<_>>();
    let adding = RwSignal::new(false);
    let managing = RwSignal::new(false);
    let importing = RwSignal::new(false);
    let deleting = RwSignal::new(false);
    // Lives here, not in the form, so the reload after a creation can't lose it.
    let created = RwSignal::new(None::<CreatedCustomerUser>);
    view! {
        <section class="card">
            <Transition fallback=|| view! { <h1>{crate::tr!("customer-users-title")}</h1> }>
                {move || Suspend::new(async move {
                    match overview.await {
                        Ok((customer, subs)) => {
                            view! {
                                <CustomerHeader
                                    customer=customer
                                    subs=subs
                                    search=search
                                    licence=licence
                                    page=page
                                />
                            }
                                .into_any()
                        }
                        Err(e) => {
                            view! {
                                <h1>{crate::tr!("customer-users-title")}</h1>
                                <ErrorMessage error=e/>
                            }
                                .into_any()
                        }
                    }
                })}
            </Transition>
            <div class="toolbar">
                <Show
                    when=move || !deleted.get()
                    fallback=move || {
                        view! {
                            <button
                                type="button"
                                disabled=move || selected.with(BTreeSet::is_empty)
                                on:click=move |_| run(selection(), true)
                            >
                                {crate::tr!("customer-users-restore")}
                            </button>
                        }
                    }
                >
                    <button type="button" on:click=move |_| adding.set(true)>
                        {crate::tr!("customer-users-add-user")}
                    </button>
                    <button type="button" class="secondary" on:click=move |_| importing.set(true)>
                        {crate::tr!("customer-users-import-users")}
                    </button>
                    <ExportButton
                        label=crate::tr!("customer-users-export-csv")
                        filename="users.csv"
                        start=move || crate::customer_users::export_customer_users(customer_id.get_untracked())
                        testid="export"
                    />
                    <button
                        type="button"
                        class="secondary"
                        disabled=move || selected.with(BTreeSet::is_empty)
                        on:click=move |_| managing.set(true)
                    >
                        {crate::tr!("customer-users-manage-licences")}
                    </button>
                    <button
                        type="button"
                        class="danger"
                        disabled=move || selected.with(BTreeSet::is_empty)
                        on:click=move |_| deleting.set(true)
                    >
                        {crate::tr!("customer-users-delete")}
                    </button>
                </Show>
            </div>
            <Confirm
                open=deleting
                testid="delete-confirm"
                question=Signal::derive(move || {
                    crate::tr_n!(
                        "customer-users-delete-question",
                        selected.with(BTreeSet::len),
                        days = RESTORE_DAYS
                    )
                })
                yes=Signal::derive(move || {
                    crate::tr_n!("customer-users-delete-count", selected.with(BTreeSet::len))
                })
                on_yes=Callback::new(move |_| run(selection(), false))
            />
            <p role="status" class="ok" data-testid="notice">{move || notice.get()}</p>
            <FormError error=error fields=&[]/>
            {move || {
                secret
                    .get()
                    .map(|(name, p)| {
                        view! {
                            <div class="card" data-testid="reset-result">
                                <p>{crate::tr!("customer-users-new-password-for", name = name)}</p>
                                <OnceSecret label="" value=p/>
                            </div>
                        }
                    })
            }}
            {move || created.get().map(|c| view! { <CreatedNotice created=c cleared=created/> })}
            <Show when=move || adding.get() && created.with(Option::is_none)>
                <WithCustomer
                    customer_id=customer_id.get_untracked()
                    render={move |c: Customer, subs: Vec<Subscription>| {
                        view! {
                            <AddCustomerUser
                                customer_id=c.customer_id
                                domain=c.domain
                                subs=subs
                                done=Callback::new(move |c: CreatedCustomerUser| {
                                    created.set(Some(c));
                                    refresh();
                                })
                            />
                        }
                            .into_any()
                    }}
                />
            </Show>
            <Show when=move || importing.get()>
                <WithCustomer
                    customer_id=customer_id.get_untracked()
                    render={move |c: Customer, _: Vec<Subscription>| {
                        view! {
                            <ImportPanel
                                customer_id=c.customer_id
                                domain=c.domain
                                done=Callback::new(move |_| refresh())
                            />
                        }
                            .into_any()
                    }}
                />
            </Show>
            <Show when=move || managing.get()>
                <WithCustomer
                    customer_id=customer_id.get_untracked()
                    render={move |c: Customer, subs: Vec<Subscription>| {
                        view! {
                            <ManageLicences
                                customer_id=c.customer_id
                                subs=subs
                                selected=selected
                                done=Callback::new(move |message: String| {
                                    managing.set(false);
                                    notice.set(Some(message));
                                    refresh();
                                })
                                cancel=Callback::new(move |_| managing.set(false))
                            />
                        }
                            .into_any()
                    }}
                />
            </Show>
            <Loaded
                resource=users
                ok=move |p| {
                    let rows = if p.users.is_empty() {
                        let filtered = !(search.get_untracked().is_empty() && licence.get_untracked().is_empty());
                        let none_yet = if deleted.get_untracked() {
                            crate::tr!("customer-users-none-deleted")
                        } else {
                            crate::tr!("customer-users-none-yet-add")
                        };
                        let clear = Callback::new(move |_| {
                            search.set(String::new());
                            licence.set(String::new());
                            page.set(0);
                        });
                        view! {
                            <Empty
                                testid="no-customer-users"
                                filtered=filtered
                                no_match=crate::tr!("customer-users-no-match")
                                none_yet=none_yet
                                clear=clear
                            />
                        }
                            .into_any()
                    } else {
                        view! {
                            <UserRows
                                users=p.users
                                selected=selected
                                customer_id=customer_id.get_untracked()
                                secret=secret
                                error=error
                            />
                        }
                            .into_any()
                    };
                    view! {
                                <Tabs deleted=deleted deleted_count=p.deleted_count show=show_tab/>
                                {rows}
                                <Pager page=page total=p.total page_size=CUSTOMER_USER_PAGE_SIZE/>
                    }
                }
            />
        </section>
    }
}

fn describe_restore(o: &RestoreOutcome) -> String {
    let mut s = crate::tr!("customer-users-restored", names = o.restored.join(", "));
    if !o.licences_not_restored.is_empty() {
        s.push(' ');
        s.push_str(&crate::tr!(
            "customer-users-licences-not-restored",
            licences = o.licences_not_restored.join("; ")
        ));
    }
    s
}
