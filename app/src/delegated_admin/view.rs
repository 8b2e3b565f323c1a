//! `/delegated-admin` (the customers' privileges, with their actions) and
//! `/customers/:id/administer` (administering on a customer's behalf).

use super::{AdminOverview, DapCustomer, DapQuery, DapStatus, DAP_PAGE_SIZE};
use crate::error::AppError;
use crate::subscriptions::SeatTable;
use crate::time::format_local;
use crate::ui::{
    id_param, Confirm, Empty, FilterSelect, FormError, Loaded, Pager, SaveNotice, Saves, SearchBox,
    Table,
};
use leptos::prelude::*;

/// `/delegated-admin`: each customer's delegated admin privileges.
#[component]
pub fn DelegatedAdminPage() -> impl IntoView {
    let saves = Saves::new();
    let search = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let page = RwSignal::new(0u32);
    let customers = Resource::new(
        move || {
            (
                DapQuery {
                    search: search.get(),
                    status: status.get(),
                    page: page.get(),
                },
                saves.count(),
            )
        },
        |(q, _)| super::list_delegated_admin(q),
    );
    let options = std::iter::once((String::new(), crate::tr!("delegated-admin-every-status")))
        .chain(
            DapStatus::ALL
                .into_iter()
                .map(|s| (s.key().to_string(), s.name())),
        )
        .collect::<Vec<_>>();
    view! {
        <section class="card">
            <h1>{crate::tr!("delegated-admin-title")}</h1>
            <p>
                {crate::tr!("delegated-admin-intro")}
            </p>
            <div class="toolbar">
                <SearchBox id="dap-search" label=crate::tr!("delegated-admin-search") value=search page=page/>
                <FilterSelect id="dap-status" label=crate::tr!("delegated-admin-status") value=status page=page options=options/>
            </div>
            <SaveNotice saves=saves/>
            <Loaded
                resource=customers
                ok=move |p| {
                    if p.customers.is_empty() {
                        let clear = Callback::new(move |_| {
                            search.set(String::new());
                            status.set(String::new());
                            page.set(0);
                        });
                        let filtered = !(search.get_untracked().is_empty() && status.get_untracked().is_empty());
                        return view! {
                            <Empty
                                testid="no-dap"
                                filtered=filtered
                                no_match=crate::tr!("delegated-admin-no-match")
                                none_yet=crate::tr!("delegated-admin-no-customers")
                                clear=clear
                            />
                        }
                            .into_any();
                    }
                    view! {
                        <Table testid="dap-customers" columns=&[crate::key!("delegated-admin-col-customer"), crate::key!("delegated-admin-col-privileges"), crate::key!("delegated-admin-col-since"), crate::key!("delegated-admin-col-actions")]>
                            {p
                                .customers
                                .into_iter()
                                .map(|c| view! { <DapRow customer=c saves=saves/> })
                                .collect_view()}
                        </Table>
                        <Pager page=page total=p.total page_size=DAP_PAGE_SIZE/>
                    }
                        .into_any()
                }
            />
        </section>
    }
}

#[component]
fn DapRow(customer: DapCustomer, saves: Saves) -> impl IntoView {
    let error = RwSignal::new(None::<AppError>);
    let id = StoredValue::new(customer.customer_id.clone());
    let version = customer.version;
    let a = customer.actions;
    let request = move |_| {
        error.set(None);
        leptos::task::spawn_local(async move {
            let r = crate::customers::request_delegated_admin(id.get_value(), version).await;
            saves.after(r, crate::key!("delegated-admin-requested"), error);
        });
    };
    let answer = move |accepted: bool| {
        error.set(None);
        leptos::task::spawn_local(async move {
            let r = super::record_delegated_admin_answer(id.get_value(), version, accepted).await;
            let message = if accepted {
                crate::key!("delegated-admin-grant-recorded")
            } else {
                crate::key!("delegated-admin-refusal-recorded")
            };
            saves.after(r, message, error);
        });
    };
    let ending = RwSignal::new(false);
    let name = customer.name.clone();
    let end = move |_| {
        error.set(None);
        leptos::task::spawn_local(async move {
            let r = super::end_delegated_admin(id.get_value(), version).await;
            saves.after(r, crate::key!("delegated-admin-ended"), error);
        });
    };
    view! {
        <tr data-testid="dap-row">
            <td>
                <a href=format!("/customers/{}", customer.customer_id)>{customer.name.clone()}</a>
                <br/>
                <span class="muted">{customer.domain.clone()}</span>
            </td>
            <td data-testid="dap-status">{customer.status.name()}</td>
            <td>{customer.changed_at.map(format_local).unwrap_or_else(|| "—".into())}</td>
            <td class="actions">
                {a.can_administer.then(|| view! {
                    <a class="button" href=format!("/customers/{}/administer", customer.customer_id)>
                        {crate::tr!("delegated-admin-administer")}
                    </a>
                    " "
                })}
                {a.can_request.then(|| view! {
                    <button type="button" class="secondary" on:click=request>{crate::tr!("delegated-admin-request")}</button>
                })}
                {a.can_record_answer.then(|| view! {
                    <button type="button" class="secondary" on:click=move |_| answer(true)>{crate::tr!("delegated-admin-customer-granted")}</button>
                    " "
                    <button type="button" class="secondary" on:click=move |_| answer(false)>{crate::tr!("delegated-admin-customer-declined")}</button>
                })}
                {a.can_end.then(|| view! {
                    <button type="button" class="secondary" on:click=move |_| ending.set(true)>{crate::tr!("delegated-admin-end")}</button>
                    <Confirm
                        open=ending
                        testid="end-confirm"
                        question=crate::tr!("delegated-admin-end-question", customer = name)
                        yes=crate::tr!("delegated-admin-end")
                        on_yes=Callback::new(end)
                    />
                })}
                <FormError error=error fields=&[]/>
            </td>
        </tr>
    }
}

/// `/customers/:id/administer`: the customer's administration, opened on its
/// behalf (each opening is recorded).
#[component]
pub fn AdministerPage() -> impl IntoView {
    let id = id_param();
    let overview = Resource::new(id, super::administer_on_behalf);
    view! {
        <Loaded resource=overview in_card=true ok=|o| view! { <Overview overview=o/> }/>
    }
}

#[component]
fn Overview(overview: AdminOverview) -> impl IntoView {
    let granted = overview
        .granted_at
        .map(|t| crate::tr!("delegated-admin-granted-on", when = format_local(t)))
        .unwrap_or_default();
    let users_href = format!("/customers/{}/users", overview.customer_id);
    view! {
        <section class="card">
            <h1 data-testid="administer-heading">{crate::tr!("delegated-admin-administering", customer = overview.name)}</h1>
            <p>
                {overview.domain.clone()} " · " {granted}
                " "
                {crate::tr!("delegated-admin-visit-recorded")}
            </p>
            <p data-testid="administer-users">
                {crate::tr!(
                    "delegated-admin-users-summary",
                    active = crate::i18n::number(overview.active_users),
                    unlicensed = crate::i18n::number(overview.unlicensed_users),
                )}
            </p>
            <p class="toolbar">
                {overview.can_manage_users.then(|| view! { <a class="button" href=users_href>{crate::tr!("delegated-admin-users-and-licences")}</a> })}
                <a class="button secondary" href=format!("/customers/{}", overview.customer_id)>{crate::tr!("delegated-admin-customer-details")}</a>
            </p>
        </section>
        <section class="card">
            <h2>{crate::tr!("delegated-admin-admins-title")}</h2>
            {if overview.admins.is_empty() {
                view! { <p class="muted">{crate::tr!("delegated-admin-no-admins")}</p> }.into_any()
            } else {
                view! {
                    <Table testid="customer-admins" columns=&[crate::key!("delegated-admin-col-name"), crate::key!("delegated-admin-col-user-name"), crate::key!("delegated-admin-col-admin-role")]>
                        {overview
                            .admins
                            .into_iter()
                            .map(|a| view! { <tr><td>{a.display_name}</td><td>{a.user_name}</td><td>{admin_role_name(a.role)}</td></tr> })
                            .collect_view()}
                    </Table>
                }
                    .into_any()
            }}
        </section>
        <section class="card">
            <h2>{crate::tr!("delegated-admin-subscriptions")}</h2>
            <SeatTable subs=overview.subscriptions/>
        </section>
    }
}

/// A customer admin role's name (sent in English, as the API has it) in the
/// reader's language.
fn admin_role_name(role: String) -> String {
    crate::customer_users::CustomerAdminRole::ALL
        .into_iter()
        .find(|r| r.label() == role)
        .map(|r| r.name())
        .unwrap_or(role)
}
