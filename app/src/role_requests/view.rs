//! The inbox (`/role-requests`), and the request form and "my requests"
//! shown on the home page.

use super::{text_problem, RequestStatus, RoleRequest};
use crate::access::ui::use_identity;
use crate::access::Role;
use crate::error::AppError;
use crate::time::format_local;
use crate::ui::{FormError, Loaded, Table};
use leptos::prelude::*;

/// `/role-requests`: pending requests the caller may decide.
#[component]
pub fn RoleRequestsPage() -> impl IntoView {
    let reload = RwSignal::new(0u32);
    let inbox = Resource::new(
        move || reload.get(),
        |_| crate::role_requests::role_request_inbox(),
    );
    let decided = RwSignal::new(None::<String>);
    view! {
        <section class="card">
            <h1>{crate::tr!("role-requests-title")}</h1>
            <p>{crate::tr!("role-requests-intro")}</p>
            <p role="status" class="ok" data-testid="decided">{move || decided.get()}</p>
            <Loaded
                resource=inbox
                ok=move |list| {
                    if list.is_empty() {
                        return view! { <p data-testid="no-requests">{crate::tr!("role-requests-none-waiting")}</p> }.into_any();
                    }
                    list.into_iter()
                        .map(|r| view! { <Decision request=r reload=reload decided=decided/> })
                        .collect_view()
                        .into_any()
                }
            />
        </section>
    }
}

#[component]
fn Decision(
    request: RoleRequest,
    reload: RwSignal<u32>,
    decided: RwSignal<Option<String>>,
) -> impl IntoView {
    let comment = RwSignal::new(String::new());
    let error = RwSignal::new(None::<AppError>);
    let id = StoredValue::new(request.request_id.clone());
    let who = StoredValue::new(request.user_name.clone());
    let role = request.role;
    let decide = move |approve: bool| {
        error.set(None);
        leptos::task::spawn_local(async move {
            match crate::role_requests::decide_role_request(
                id.get_value(),
                approve,
                comment.get_untracked(),
            )
            .await
            {
                Ok(r) => {
                    decided.set(Some(crate::tr!(
                        "role-requests-decided",
                        role = role.name(),
                        name = who.get_value(),
                        status = r.status.name()
                    )));
                    reload.update(|n| *n += 1);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let comment_id = format!("comment-{}", request.request_id);
    view! {
        <article class="request" data-testid="request">
            <h2>{crate::tr!("role-requests-asks-for", name = request.user_name.clone(), role = request.role.name())}</h2>
            <p class="muted">{request.user_email.clone()} " · " {format_local(request.created_at)}</p>
            <blockquote>{request.reason.clone()}</blockquote>
            <label for=comment_id.clone()>{crate::tr!("role-requests-comment")}</label>
            <input id=comment_id type="text" prop:value=move || comment.get() on:input=move |ev| comment.set(event_target_value(&ev))/>
            <p class="toolbar">
                <button type="button" on:click=move |_| decide(true)>{crate::tr!("role-requests-approve")}</button>
                <button type="button" class="secondary" on:click=move |_| decide(false)>{crate::tr!("role-requests-decline")}</button>
            </p>
            <FormError error=error fields=&[]/>
        </article>
    }
}

/// The home page's "ask for a role" form and the caller's requests.
#[component]
pub fn RequestRole() -> impl IntoView {
    let me = use_identity();
    let reload = RwSignal::new(0u32);
    let mine = Resource::new(
        move || reload.get(),
        |_| crate::role_requests::my_role_requests(),
    );
    let role = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<AppError>);
    let sent = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(r) = Role::from_key(&role.get_untracked()) else {
            error.set(Some(AppError::invalid(
                "role",
                crate::msg!("role-requests-choose-role"),
            )));
            return;
        };
        let why = reason.get_untracked();
        if let Some(p) = text_problem(&why, true) {
            error.set(Some(AppError::invalid("reason", p)));
            return;
        }
        error.set(None);
        leptos::task::spawn_local(async move {
            match crate::role_requests::request_role(r, why).await {
                Ok(_) => {
                    sent.set(true);
                    reason.set(String::new());
                    reload.update(|n| *n += 1);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let roles: Vec<Role> = Role::ALL.into_iter().filter(|r| !me.holds(*r)).collect();
    view! {
        <h3>{crate::tr!("role-requests-ask")}</h3>
        <form on:submit=submit novalidate data-testid="request-form">
            <label for="role">{crate::tr!("role-requests-role")}</label>
            <select id="role" name="role" on:change=move |ev| role.set(event_target_value(&ev))>
                <option value="">{crate::tr!("role-requests-choose-a-role")}</option>
                {roles.into_iter().map(|r| view! { <option value=r.key()>{r.name()}</option> }).collect_view()}
            </select>
            <crate::ui::FieldError error=error field="role"/>
            <label for="reason">{crate::tr!("role-requests-why")}</label>
            <textarea id="reason" name="reason" rows="3" prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
            <crate::ui::FieldError error=error field="reason"/>
            <FormError error=error fields=&["role", "reason"]/>
            <p><button type="submit">{crate::tr!("role-requests-send")}</button></p>
            <p role="status" class="ok">{move || sent.get().then(|| crate::tr!("role-requests-sent"))}</p>
        </form>
        <h3>{crate::tr!("role-requests-mine")}</h3>
        <Loaded
            resource=mine
            ok=|list| {
                if list.is_empty() {
                    return view! { <p class="muted">{crate::tr!("role-requests-none-mine")}</p> }.into_any();
                }
                view! {
                    <Table testid="my-requests" columns=&[
                        crate::key!("role-requests-col-role"),
                        crate::key!("role-requests-col-asked"),
                        crate::key!("role-requests-col-status"),
                        crate::key!("role-requests-col-answer"),
                    ]>
                        {list
                            .into_iter()
                            .map(|r| {
                                let answer = match (&r.decided_by_name, &r.comment) {
                                    (Some(by), Some(c)) => format!("{by}: {c}"),
                                    (Some(by), None) => by.clone(),
                                    _ => String::new(),
                                };
                                view! {
                                    <tr data-testid="my-request" data-status=r.status.key()>
                                        <td>{r.role.name()}</td>
                                        <td>{format_local(r.created_at)}</td>
                                        <td class:ok=r.status == RequestStatus::Approved>{r.status.name()}</td>
                                        <td>{answer}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </Table>
                }
                    .into_any()
            }
        />
    }
}
