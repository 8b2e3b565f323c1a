//! `/support/tickets/:id` and `/support/console/:id`: one ticket, its
//! comments, the comment box and the resolve / reopen buttons its actions
//! allow.

use super::{comment_ticket, customer_label, get_ticket, set_status};
use crate::access::ui::use_identity;
use crate::access::Capability;
use crate::error::AppError;
use crate::support::{check_comment, TicketComment, TicketKind, TicketStatus, TicketThread};
use crate::time::format_local;
use crate::ui::{id_param, FieldError, FormError, Loaded, SaveNotice, Saves};
use leptos::prelude::*;

/// `/support/tickets/:id`: a customer ticket.
#[component]
pub fn CustomerTicketPage() -> impl IntoView {
    view! { <TicketPage kind=TicketKind::Customer/> }
}

/// `/support/console/:id`: a console ticket.
#[component]
pub fn ConsoleTicketPage() -> impl IntoView {
    view! { <TicketPage kind=TicketKind::Console/> }
}

#[component]
fn TicketPage(kind: TicketKind) -> impl IntoView {
    let id = id_param();
    let saves = Saves::new();
    let thread = Resource::new(
        move || (id(), saves.count()),
        move |(id, _)| get_ticket(kind, id),
    );
    view! {
        <Loaded resource=thread in_card=true ok=move |t| view! { <Ticket thread=t saves=saves/> }/>
    }
}

#[component]
fn Ticket(thread: TicketThread, saves: Saves) -> impl IntoView {
    let TicketThread { ticket, comments } = thread;
    let me = use_identity();
    let kind = ticket.kind;
    let a = ticket.actions;
    let id = StoredValue::new(ticket.ticket_id.clone());
    let version = ticket.version;
    let error = RwSignal::new(None::<AppError>);
    let change = move |status: TicketStatus, message: &'static str| {
        error.set(None);
        leptos::task::spawn_local(async move {
            saves.after(
                set_status(kind, id.get_value(), version, status).await,
                message,
                error,
            );
        });
    };
    let back = match kind {
        TicketKind::Customer => crate::tr!("support-tickets-title"),
        TicketKind::Console => crate::tr!("support-console-tickets-title"),
    };
    let customer = ticket.customer.clone().map(|c| {
        view! {
            <dt>{crate::tr!("support-customer")}</dt>
            <dd>
                <a href=format!("/support?customer={}", c.customer_id)>{customer_label(&c)}</a>
            </dd>
        }
    });
    let resolved = ticket
        .resolved_by
        .clone()
        .zip(ticket.resolved_at)
        .map(|(by, at)| {
            view! {
                <dt>{crate::tr!("support-resolved")}</dt>
                <dd>{crate::tr!("support-at-by", at = format_local(at), name = by)}</dd>
            }
        });
    let history = me.can(Capability::ActivityViewAll).then(|| {
        view! {
            " · "
            <a href=format!("/activity?target_id={}", ticket.ticket_id)>{crate::tr!("support-history")}</a>
        }
    });
    view! {
        <section class="card">
            <p>
                <a href=kind.list_href()>{back}</a>
                {history}
            </p>
            <h1 data-testid="ticket-title">{ticket.title.clone()}</h1>
            <dl class="status">
                <dt>{crate::tr!("support-status")}</dt>
                <dd data-testid="ticket-status">{ticket.status.name()}</dd>
                {customer}
                <dt>{crate::tr!("support-severity")}</dt>
                <dd class=format!("severity-{}", ticket.severity.key())>{ticket.severity.name()}</dd>
                <dt>{crate::tr!("support-category")}</dt>
                <dd>{ticket.category.name()}</dd>
                <dt>{crate::tr!("support-opened")}</dt>
                <dd data-testid="ticket-opened">{crate::tr!("support-at-by", at = format_local(ticket.opened_at), name = ticket.opened_by)}</dd>
                {resolved}
            </dl>
            <h2>{crate::tr!("support-description")}</h2>
            <p class="ticket-text" data-testid="ticket-description">{ticket.description.clone()}</p>
            <p class="toolbar">
                {a
                    .can_resolve
                    .then(|| {
                        view! {
                            <button type="button" on:click=move |_| change(TicketStatus::Resolved, crate::key!("support-ticket-resolved"))>
                                {crate::tr!("support-resolve-ticket")}
                            </button>
                        }
                    })}
                {a
                    .can_reopen
                    .then(|| {
                        view! {
                            <button type="button" class="secondary" on:click=move |_| change(TicketStatus::Open, crate::key!("support-ticket-reopened"))>
                                {crate::tr!("support-reopen-ticket")}
                            </button>
                        }
                    })}
            </p>
            <SaveNotice saves=saves/>
            <FormError error=error fields=&["body"]/>
        </section>
        <section class="card">
            <h2>{crate::tr!("support-comments-heading", count = comments.len())}</h2>
            <Comments comments=comments/>
            {if a.can_comment {
                view! { <CommentBox kind=kind id=id.get_value() saves=saves error=error/> }.into_any()
            } else if ticket.status == TicketStatus::Resolved {
                view! { <p class="muted">{crate::tr!("support-resolved-no-comments")}</p> }
                    .into_any()
            } else {
                ().into_any()
            }}
        </section>
    }
}

#[component]
fn Comments(comments: Vec<TicketComment>) -> impl IntoView {
    if comments.is_empty() {
        return view! { <p class="muted" data-testid="no-comments">{crate::tr!("support-no-comments")}</p> }
            .into_any();
    }
    view! {
        <ol class="comments" data-testid="comments">
            {comments
                .into_iter()
                .map(|c| {
                    view! {
                        <li data-testid="comment">
                            <p>
                                <strong>{c.author}</strong>
                                " "
                                <span class="muted">{format_local(c.created_at)}</span>
                            </p>
                            <p class="ticket-text">{c.body}</p>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
    .into_any()
}

#[component]
fn CommentBox(
    kind: TicketKind,
    id: String,
    saves: Saves,
    error: RwSignal<Option<AppError>>,
) -> impl IntoView {
    let body = RwSignal::new(String::new());
    let id = StoredValue::new(id);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = body.get_untracked();
        if let Some(problem) = check_comment(&text) {
            error.set(Some(AppError::invalid("body", problem)));
            return;
        }
        error.set(None);
        leptos::task::spawn_local(async move {
            saves.after(
                comment_ticket(kind, id.get_value(), text).await,
                crate::key!("support-comment-added"),
                error,
            );
        });
    };
    view! {
        <form on:submit=submit novalidate>
            <label for="body">{crate::tr!("support-add-a-comment")}</label>
            <textarea
                id="body"
                name="body"
                rows="4"
                prop:value=move || body.get()
                on:input=move |ev| body.set(event_target_value(&ev))
            ></textarea>
            <FieldError error=error field="body"/>
            <p>
                <button type="submit">{crate::tr!("support-add-comment")}</button>
            </p>
        </form>
    }
}
