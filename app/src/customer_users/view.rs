use super::{
    customer_admin_label, import_template, CreatedCustomerUser, CustomerUser, CustomerUserQuery,
    ImportCheck, ImportResult, LicenceChange, NewCustomerUser, RestoreOutcome,
    CUSTOMER_ADMIN_ROLES, CUSTOMER_USER_PAGE_SIZE,
};
use crate::customers::Subscription;
use crate::error::AppError;
use crate::ui::{ErrorMessage, FieldError, FormError, OnceSecret, Pager, TextField};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use std::collections::BTreeSet;

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
        |(q, _)| super::list_customer_users(q),
    );
    let subscriptions = Resource::new(
        move || (customer_id.get(), reload.get()),
        |(id, _)| crate::customers::list_subscriptions(id),
    );
    let customer = Resource::new(move || customer_id.get(), crate::customers::get_customer);
    let refresh = move || {
        selected.set(BTreeSet::new());
        reload.update(|n| *n += 1);
    };
    let show_tab = move |d: bool| {
        deleted.set(d);
        page.set(0);
        selected.set(BTreeSet::new());
        notice.set(None);
    };
    let delete = move |_| {
        let ids: Vec<String> = selected.get_untracked().into_iter().collect();
        error.set(None);
        leptos::task::spawn_local(async move {
            match super::delete_customer_users(customer_id.get_untracked(), ids).await {
                Ok(n) => {
                    notice.set(Some(format!(
                        "{n} user(s) deleted. They can be restored for 30 days."
                    )));
                    refresh();
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let restore = move |_| {
        let ids: Vec<String> = selected.get_untracked().into_iter().collect();
        error.set(None);
        leptos::task::spawn_local(async move {
            match super::restore_customer_users(customer_id.get_untracked(), ids).await {
                Ok(outcome) => {
                    notice.set(Some(describe_restore(&outcome)));
                    refresh();
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let adding = RwSignal::new(false);
    let managing = RwSignal::new(false);
    let importing = RwSignal::new(false);
    let export = move |_| {
        error.set(None);
        leptos::task::spawn_local(async move {
            match super::export_customer_users(customer_id.get_untracked()).await {
                Ok(csv) => crate::ui::download("users.csv", &csv),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    // Lives here, not in the form, so the reload after a creation can't lose it.
    let created = RwSignal::new(None::<CreatedCustomerUser>);
    view! {
        <section class="card">
            <h1>
                "Users and licences"
                {move || {
                    customer
                        .get()
                        .and_then(|r| r.ok())
                        .map(|c| format!(" — {}", c.details.name))
                }}
            </h1>
            <p>
                <a href=move || format!("/customers/{}", customer_id.get())>"Back to the customer"</a>
            </p>
            <Transition fallback=|| ()>
                {move || {
                    subscriptions
                        .get()
                        .map(|r| match r {
                            Ok(subs) => view! { <SeatTable subs=subs/> }.into_any(),
                            Err(e) => view! { <ErrorMessage error=e/> }.into_any(),
                        })
                }}
            </Transition>
            <div class="toolbar" role="tablist">
                <button
                    type="button"
                    role="tab"
                    class=move || if deleted.get() { "secondary" } else { "" }
                    aria-selected=move || (!deleted.get()).to_string()
                    on:click=move |_| show_tab(false)
                >
                    "Users"
                </button>
                <button
                    type="button"
                    role="tab"
                    data-testid="deleted-tab"
                    class=move || if deleted.get() { "" } else { "secondary" }
                    aria-selected=move || deleted.get().to_string()
                    on:click=move |_| show_tab(true)
                >
                    {move || {
                        let n = users
                            .get()
                            .and_then(|r| r.ok())
                            .map(|p| p.deleted_count)
                            .unwrap_or(0);
                        format!("Deleted users ({n})")
                    }}
                </button>
            </div>
            <div class="toolbar">
                {move || {
                    (!deleted.get())
                        .then(|| {
                            view! {
                                <button type="button" on:click=move |_| adding.set(true)>
                                    "Add user"
                                </button>
                                <button
                                    type="button"
                                    class="secondary"
                                    on:click=move |_| importing.set(true)
                                >
                                    "Import users"
                                </button>
                                <button type="button" class="secondary" on:click=export>
                                    "Export CSV"
                                </button>
                                <button
                                    type="button"
                                    class="secondary"
                                    disabled=move || selected.get().is_empty()
                                    on:click=move |_| managing.set(true)
                                >
                                    "Manage licences"
                                </button>
                                <button
                                    type="button"
                                    class="danger"
                                    disabled=move || selected.get().is_empty()
                                    on:click=delete
                                >
                                    "Delete"
                                </button>
                            }
                        })
                }}
                {move || {
                    deleted
                        .get()
                        .then(|| {
                            view! {
                                <button
                                    type="button"
                                    disabled=move || selected.get().is_empty()
                                    on:click=restore
                                >
                                    "Restore"
                                </button>
                            }
                        })
                }}
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
                        {move || {
                            subscriptions
                                .get()
                                .and_then(|r| r.ok())
                                .unwrap_or_default()
                                .into_iter()
                                .map(|s| view! { <option value=s.subscription_id>{s.product}</option> })
                                .collect_view()
                        }}
                    </select>
                </div>
            </div>
            <p role="status" class="ok" data-testid="notice">{move || notice.get()}</p>
            <FormError error=error fields=&[]/>
            {move || {
                secret
                    .get()
                    .map(|(name, p)| {
                        view! {
                            <div class="card" data-testid="reset-result">
                                <p>"New temporary password for " {name} ":"</p>
                                <OnceSecret label="" value=p/>
                            </div>
                        }
                    })
            }}
            {move || {
                created
                    .get()
                    .map(|c| {
                        view! {
                            <div class="card">
                                <h2>"User created"</h2>
                                <p>
                                    "User name: "
                                    <code data-testid="created-user-name">{c.user.user_name.clone()}</code>
                                </p>
                                <OnceSecret label="Temporary password:" value=c.temporary_password.clone()/>
                                <button type="button" on:click=move |_| created.set(None)>
                                    "Add another user"
                                </button>
                            </div>
                        }
                    })
            }}
            {move || {
                (adding.get() && created.with(Option::is_none))
                    .then(|| {
                        // Untracked: the form must not be rebuilt by the reloads it causes.
                        let subs = subscriptions
                            .get_untracked()
                            .and_then(|r| r.ok())
                            .unwrap_or_default();
                        let domain = customer
                            .get_untracked()
                            .and_then(|r| r.ok())
                            .map(|c| c.domain)
                            .unwrap_or_default();
                        view! {
                            <AddCustomerUser
                                customer_id=customer_id.get_untracked()
                                domain=domain
                                subs=subs
                                done=Callback::new(move |c: CreatedCustomerUser| {
                                    created.set(Some(c));
                                    refresh();
                                })
                            />
                        }
                    })
            }}
            {move || {
                importing
                    .get()
                    .then(|| {
                        let domain = customer
                            .get_untracked()
                            .and_then(|r| r.ok())
                            .map(|c| c.domain)
                            .unwrap_or_default();
                        view! {
                            <ImportPanel
                                customer_id=customer_id.get_untracked()
                                domain=domain
                                done=Callback::new(move |_| refresh())
                            />
                        }
                    })
            }}
            {move || {
                managing
                    .get()
                    .then(|| {
                        let subs = subscriptions.get().and_then(|r| r.ok()).unwrap_or_default();
                        view! {
                            <ManageLicences
                                customer_id=customer_id.get_untracked()
                                subs=subs
                                selected=selected
                                done=Callback::new(move |message: String| {
                                    managing.set(false);
                                    notice.set(Some(message));
                                    refresh();
                                })
                            />
                        }
                    })
            }}
            <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || {
                    users
                        .get()
                        .map(|r| match r {
                            Ok(p) => {
                                view! {
                                    <UserRows
                                        users=p.users
                                        selected=selected
                                        customer_id=customer_id.get_untracked()
                                        secret=secret
                                        error=error
                                    />
                                    <Pager page=page total=p.total page_size=CUSTOMER_USER_PAGE_SIZE/>
                                }
                                    .into_any()
                            }
                            Err(e) => view! { <ErrorMessage error=e/> }.into_any(),
                        })
                }}
            </Transition>
        </section>
    }
}

fn describe_restore(o: &RestoreOutcome) -> String {
    let mut s = format!("Restored: {}.", o.restored.join(", "));
    if !o.licences_not_restored.is_empty() {
        s.push_str(&format!(
            " Licences not restored (no free seat): {}.",
            o.licences_not_restored.join("; ")
        ));
    }
    s
}

#[component]
fn SeatTable(subs: Vec<Subscription>) -> impl IntoView {
    if subs.is_empty() {
        return view! { <p class="muted">"This customer has no subscriptions yet."</p> }.into_any();
    }
    view! {
        <table data-testid="seats">
            <thead>
                <tr>
                    <th>"Product"</th>
                    <th>"Seats"</th>
                    <th>"Assigned"</th>
                    <th>"Available"</th>
                </tr>
            </thead>
            <tbody>
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
            </tbody>
        </table>
    }
    .into_any()
}

#[component]
fn UserRows(
    users: Vec<CustomerUser>,
    selected: RwSignal<BTreeSet<String>>,
    customer_id: String,
    secret: RwSignal<Option<(String, String)>>,
    error: RwSignal<Option<AppError>>,
) -> impl IntoView {
    if users.is_empty() {
        return view! { <p data-testid="no-customer-users">"No user matches."</p> }.into_any();
    }
    let customer_id = StoredValue::new(customer_id);
    view! {
        <table data-testid="customer-users">
            <thead>
                <tr>
                    <th>"Select"</th>
                    <th>"Display name"</th>
                    <th>"User name"</th>
                    <th>"Admin role"</th>
                    <th>"Licences"</th>
                    <th>"Actions"</th>
                </tr>
            </thead>
            <tbody>
                {users
                    .into_iter()
                    .map(|u| {
                        let id = u.customer_user_id.clone();
                        let id_check = id.clone();
                        let id_toggle = id.clone();
                        let name = u.display_name.clone();
                        let active = u.status == "active";
                        let reset = move |_| {
                            let id = id.clone();
                            let name = name.clone();
                            leptos::task::spawn_local(async move {
                                match super::reset_customer_user_password(customer_id.get_value(), id).await {
                                    Ok(p) => secret.set(Some((name, p))),
                                    Err(e) => error.set(Some(e)),
                                }
                            });
                        };
                        let licences: Vec<String> = u.licences.iter().map(|l| l.product.clone()).collect();
                        let label = format!("Select {}", u.display_name);
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
                                <td>{customer_admin_label(&u.admin_role)}</td>
                                <td data-testid="licences">
                                    {if licences.is_empty() { "None".to_string() } else { licences.join(", ") }}
                                </td>
                                <td>
                                    {active
                                        .then(|| {
                                            view! {
                                                <button type="button" class="secondary" on:click=reset>
                                                    "Reset password"
                                                </button>
                                            }
                                        })}
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

#[component]
fn AddCustomerUser(
    customer_id: String,
    domain: String,
    subs: Vec<Subscription>,
    done: Callback<CreatedCustomerUser>,
) -> impl IntoView {
    let first = RwSignal::new(String::new());
    let last = RwSignal::new(String::new());
    let display = RwSignal::new(String::new());
    let alias = RwSignal::new(String::new());
    let role = RwSignal::new(String::from("none"));
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
            match super::create_customer_user(customer_id.get_value(), user).await {
                Ok(c) => done.run(c),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <div class="card">
            <h2>"Add user"</h2>
            <form on:submit=submit novalidate>
                <TextField id="first_name" label="First name" value=first error=error/>
                <TextField id="last_name" label="Last name" value=last error=error/>
                <TextField id="display_name" label="Display name" value=display error=error/>
                <label for="alias">"User name"</label>
                <span class="toolbar">
                    <input
                        id="alias"
                        prop:value=move || alias.get()
                        on:input=move |ev| alias.set(event_target_value(&ev))
                    />
                    <span>"@" {domain.clone()}</span>
                </span>
                <FieldError error=error field="alias"/>
                <label for="admin_role">"Admin role"</label>
                <select id="admin_role" on:change=move |ev| role.set(event_target_value(&ev))>
                    {CUSTOMER_ADMIN_ROLES
                        .iter()
                        .map(|(k, l)| view! { <option value=*k>{*l}</option> })
                        .collect_view()}
                </select>
                <fieldset>
                    <legend>"Licences"</legend>
                    {subs
                        .iter()
                        .map(|s| {
                            let sid = s.subscription_id.clone();
                            let label = format!("{} ({} available)", s.product, s.available());
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
                    <button type="submit">"Create user"</button>
                </p>
            </form>
        </div>
    }
}

#[component]
fn ManageLicences(
    customer_id: String,
    subs: Vec<Subscription>,
    selected: RwSignal<BTreeSet<String>>,
    done: Callback<String>,
) -> impl IntoView {
    // Per subscription: "" (no change), "add" or "remove".
    let choices = RwSignal::new(std::collections::BTreeMap::<String, String>::new());
    let error = RwSignal::new(None::<AppError>);
    let customer_id = StoredValue::new(customer_id);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let c = choices.get_untracked();
        let change = LicenceChange {
            customer_id: customer_id.get_value(),
            user_ids: selected.get_untracked().into_iter().collect(),
            add: c
                .iter()
                .filter(|(_, v)| *v == "add")
                .map(|(k, _)| k.clone())
                .collect(),
            remove: c
                .iter()
                .filter(|(_, v)| *v == "remove")
                .map(|(k, _)| k.clone())
                .collect(),
        };
        let n = change.user_ids.len();
        error.set(None);
        leptos::task::spawn_local(async move {
            match super::manage_licences(change).await {
                Ok(()) => done.run(format!("Licences saved for {n} user(s).")),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <form class="card" on:submit=save novalidate>
            <h2>{move || format!("Manage licences of {} user(s)", selected.with(|s| s.len()))}</h2>
            {subs
                .into_iter()
                .map(|s| {
                    let sid = s.subscription_id.clone();
                    let id = format!("lic-{}", s.subscription_id);
                    let label = format!("{} ({} available)", s.product, s.available());
                    view! {
                        <label for=id.clone()>{label}</label>
                        <select
                            id=id
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                let sid = sid.clone();
                                choices.update(|c| {
                                    c.insert(sid, v);
                                });
                            }
                        >
                            <option value="">"No change"</option>
                            <option value="add">"Assign"</option>
                            <option value="remove">"Remove"</option>
                        </select>
                    }
                })
                .collect_view()}
            <FormError error=error fields=&[]/>
            <p>
                <button type="submit">"Save licences"</button>
            </p>
        </form>
    }
}

/// "Import users": template, validate (nothing written), then import all or
/// nothing, and the passwords of the users created.
#[component]
fn ImportPanel(customer_id: String, domain: String, done: Callback<()>) -> impl IntoView {
    let customer_id = StoredValue::new(customer_id);
    let template = import_template(&domain);
    let check = RwSignal::new(None::<ImportCheck>);
    let result = RwSignal::new(None::<ImportResult>);
    let error = RwSignal::new(None::<AppError>);
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    // A new file needs a new validation before it can be imported.
    let changed = move |_| {
        check.set(None);
        problem.set(None);
    };
    let validate = move |_| {
        busy.set(true);
        error.set(None);
        problem.set(None);
        leptos::task::spawn_local(async move {
            match crate::ui::read_chosen_file("import-file").await {
                Ok(text) => {
                    match super::validate_customer_user_import(customer_id.get_value(), text).await
                    {
                        Ok(c) => check.set(Some(c)),
                        Err(e) => error.set(Some(e)),
                    }
                }
                Err(p) => problem.set(Some(p)),
            }
            busy.set(false);
        });
    };
    let import = move |_| {
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            match crate::ui::read_chosen_file("import-file").await {
                Ok(text) => match super::import_customer_users(customer_id.get_value(), text).await
                {
                    Ok(r) => {
                        result.set(Some(r));
                        done.run(());
                    }
                    Err(e) => error.set(Some(e)),
                },
                Err(p) => problem.set(Some(p)),
            }
            busy.set(false);
        });
    };
    let valid = move || check.with(|c| c.as_ref().is_some_and(|c| c.errors.is_empty()));
    view! {
        <div class="card" data-testid="import">
            <h2>"Import users from a CSV file"</h2>
            <p>
                "Columns: First name, Last name, Display name, Email (the user name, ending with @"
                {domain.clone()} "), and optionally Licence (a product name). "
                <button
                    type="button"
                    class="secondary"
                    on:click=move |_| crate::ui::download("users-template.csv", &template)
                >
                    "Download template"
                </button>
            </p>
            <label for="import-file">"CSV file"</label>
            <input id="import-file" type="file" accept=".csv,text/csv" on:change=changed/>
            <p class="toolbar">
                <button type="button" class="secondary" on:click=validate disabled=move || busy.get()>
                    "Validate"
                </button>
                <button type="button" on:click=import disabled=move || busy.get() || !valid()>
                    "Import"
                </button>
            </p>
            {move || {
                busy.get()
                    .then(|| {
                        view! {
                            <p>
                                <progress aria-label="Working"></progress>
                                " Working… large files take a few seconds."
                            </p>
                        }
                    })
            }}
            <p class="error" role="alert">{move || problem.get()}</p>
            <FormError error=error fields=&[]/>
            {move || {
                check
                    .get()
                    .map(|c| {
                        if c.errors.is_empty() {
                            view! {
                                <p class="ok" data-testid="import-check">
                                    {format!("{} rows are valid. Nothing is written until you import.", c.rows)}
                                </p>
                            }
                                .into_any()
                        } else {
                            view! {
                                <p class="error" data-testid="import-check">
                                    {format!(
                                        "{} problem(s) in {} rows; nothing was written. Fix the file and validate again.",
                                        c.errors.len() + c.more_errors,
                                        c.rows,
                                    )}
                                </p>
                                <table data-testid="import-errors">
                                    <thead>
                                        <tr>
                                            <th>"Row"</th>
                                            <th>"Column"</th>
                                            <th>"Problem"</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {c
                                            .errors
                                            .into_iter()
                                            .map(|e| {
                                                view! {
                                                    <tr>
                                                        <td>{e.row}</td>
                                                        <td>{e.column}</td>
                                                        <td>{e.reason}</td>
                                                    </tr>
                                                }
                                            })
                                            .collect_view()}
                                    </tbody>
                                </table>
                            }
                                .into_any()
                        }
                    })
            }}
            {move || {
                result
                    .get()
                    .map(|r| {
                        let csv = r.to_csv();
                        view! {
                            <h3 data-testid="import-result">{format!("{} users imported", r.users.len())}</h3>
                            <p>
                                "Copy or download the temporary passwords now: they can't be shown again. "
                                <button
                                    type="button"
                                    on:click=move |_| crate::ui::download("imported-users.csv", &csv)
                                >
                                    "Download passwords (CSV)"
                                </button>
                            </p>
                            <table data-testid="imported">
                                <thead>
                                    <tr>
                                        <th>"Display name"</th>
                                        <th>"User name"</th>
                                        <th>"Temporary password"</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {r
                                        .users
                                        .into_iter()
                                        .take(1000)
                                        .map(|u| {
                                            view! {
                                                <tr>
                                                    <td>{u.display_name}</td>
                                                    <td>{u.user_name}</td>
                                                    <td><code>{u.temporary_password}</code></td>
                                                </tr>
                                            }
                                        })
                                        .collect_view()}
                                </tbody>
                            </table>
                        }
                    })
            }}
        </div>
    }
}
