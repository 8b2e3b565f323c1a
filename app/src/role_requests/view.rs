//! The inbox (`/role-requests`), and the request form and "my requests"
//! shown on the home page.

use super::{text_problem, RequestStatus, RoleRequest};
use crate::access::ui::use_identity;
use crate::access::Role;
use crate::error::AppError;
use crate::time::format_millis;
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
            <h1>"Role requests"</h1>
            <p>"People of your organization asking for a role you can give. Approving gives the role at once."</p>
            <p role="status" class="ok" data-testid="decided">{move || decided.get()}</p>
            <Loaded
                resource=inbox
                ok=move |list| {
                    if list.is_empty() {
                        return view! { <p data-testid="no-requests">"No request is waiting for you."</p> }.into_any();
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
                    decided.set(Some(format!(
                        "{} for {}: {}.",
                        role.label(),
                        who.get_value(),
                        r.status.label()
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
            <h2>{format!("{} asks for {}", request.user_name, request.role.label())}</h2>
            <p class="muted">{request.user_email.clone()} " · " {format_millis(request.created_at)}</p>
            <blockquote>{request.reason.clone()}</blockquote>
            <label for=comment_id.clone()>"Comment (optional)"</label>
            <input id=comment_id type="text" prop:value=move || comment.get() on:input=move |ev| comment.set(event_target_value(&ev))/>
            <p class="toolbar">
                <button type="button" on:click=move |_| decide(true)>"Approve"</button>
                <button type="button" class="secondary" on:click=move |_| decide(false)>"Decline"</button>
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
            error.set(Some(AppError::invalid("role", "Choose the role you need.")));
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
        <h3>"Ask for a role"</h3>
        <form on:submit=submit novalidate data-testid="request-form">
            <label for="role">"Role"</label>
            <select id="role" name="role" on:change=move |ev| role.set(event_target_value(&ev))>
                <option value="">"Choose a role"</option>
                {roles.into_iter().map(|r| view! { <option value=r.key()>{r.label()}</option> }).collect_view()}
            </select>
            <crate::ui::FieldError error=error field="role"/>
            <label for="reason">"Why do you need it?"</label>
            <textarea id="reason" name="reason" rows="3" prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
            <crate::ui::FieldError error=error field="reason"/>
            <FormError error=error fields=&["role", "reason"]/>
            <p><button type="submit">"Send request"</button></p>
            <p role="status" class="ok">{move || sent.get().then_some("Request sent. The admins who can give this role see it now.")}</p>
        </form>
        <h3>"My requests"</h3>
        <Loaded
            resource=mine
            ok=|list| {
                if list.is_empty() {
                    return view! { <p class="muted">"You have not asked for a role."</p> }.into_any();
                }
                view! {
                    <Table testid="my-requests" columns=&["Role", "Asked", "Status", "Answer"]>
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
                                        <td>{r.role.label()}</td>
                                        <td>{format_millis(r.created_at)}</td>
                                        <td class:ok=r.status == RequestStatus::Approved>{r.status.label()}</td>
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
