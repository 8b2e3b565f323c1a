//! `/support` and `/support/console`: a kind's tickets, filtered, and the
//! form that opens one.

use super::form::OpenTicket;
use super::{customer_label, list_tickets};
use crate::access::ui::use_identity;
use crate::support::{Ticket, TicketKind, TicketPage, TicketQuery, TicketStatus, TICKET_PAGE_SIZE};
use crate::time::format_millis;
use crate::ui::{FilterSelect, Loaded, Pager, SearchBox, Table};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// `/support`: the customer tickets (`?customer=` keeps one customer's),
/// and the form to open one on behalf of a customer.
#[component]
pub fn SupportPage() -> impl IntoView {
    let query = use_query_map();
    let customer = move || query.with(|q| q.get("customer").unwrap_or_default());
    let me = use_identity();
    view! {
        <TicketList
            kind=TicketKind::Customer
            title="Support tickets"
            intro="Service requests opened on behalf of your customers, most recently active first."
            customer=Signal::derive(customer)
        />
        // Made again when the customer in the address changes, for them.
        {move || {
            me.can(TicketKind::Customer.open_capability())
                .then(|| view! { <OpenTicket kind=TicketKind::Customer preset=customer()/> })
        }}
    }
}

/// `/support/console`: the tickets about the console itself, and the form
/// to open one (Global admins).
#[component]
pub fn ConsoleTicketsPage() -> impl IntoView {
    let me = use_identity();
    view! {
        <TicketList
            kind=TicketKind::Console
            title="Console tickets"
            intro="Problems with Partner Console itself, reported to its vendor."
            customer=Signal::derive(String::new)
        />
        {me
            .can(TicketKind::Console.open_capability())
            .then(|| view! { <OpenTicket kind=TicketKind::Console preset=String::new()/> })}
    }
}

/// The filters, the table and the pager of one kind's tickets.
#[component]
fn TicketList(
    kind: TicketKind,
    title: &'static str,
    intro: &'static str,
    /// A customer's id to keep only their tickets ("" for all).
    customer: Signal<String>,
) -> impl IntoView {
    let status = RwSignal::new(TicketStatus::Open.key().to_string());
    let search = RwSignal::new(String::new());
    let page = RwSignal::new(0u32);
    let tickets = Resource::new(
        move || TicketQuery {
            status: TicketStatus::from_key(&status.get()),
            customer_id: Some(customer.get()).filter(|c| !c.is_empty()),
            search: search.get(),
            page: page.get(),
        },
        move |q| list_tickets(kind, q),
    );
    let statuses = vec![
        ("open".to_string(), "Open".to_string()),
        ("resolved".to_string(), "Resolved".to_string()),
        (String::new(), "All".to_string()),
    ];
    view! {
        <section class="card">
            <h1>{title}</h1>
            <p>{intro}</p>
            <div class="toolbar">
                <FilterSelect id="ticket-status" label="Status" value=status page=page options=statuses/>
                <SearchBox id="ticket-search" label="Search titles" value=search page=page/>
            </div>
            <Loaded resource=tickets ok=move |p| view! { <TicketTable kind=kind tickets=p page=page/> }/>
        </section>
    }
}

#[component]
fn TicketTable(kind: TicketKind, tickets: TicketPage, page: RwSignal<u32>) -> impl IntoView {
    let filtered = tickets.customer.clone().map(|c| {
        view! {
            <p data-testid="customer-filter">
                "Tickets of " <strong>{customer_label(&c)}</strong> ". "
                <a href=kind.list_href()>"Show every customer's tickets"</a>
            </p>
        }
    });
    if tickets.tickets.is_empty() {
        return view! {
            {filtered}
            <p data-testid="no-tickets">"No ticket matches."</p>
        }
        .into_any();
    }
    let columns: &'static [&'static str] = match kind {
        TicketKind::Customer => &[
            "Ticket",
            "Customer",
            "Severity",
            "Status",
            "Opened",
            "Last activity",
        ],
        TicketKind::Console => &["Ticket", "Severity", "Status", "Opened", "Last activity"],
    };
    view! {
        {filtered}
        <div class="scroll">
            <Table testid="tickets" columns=columns>
                {tickets
                    .tickets
                    .into_iter()
                    .map(|t| view! { <TicketRow ticket=t/> })
                    .collect_view()}
            </Table>
        </div>
        <Pager page=page total=tickets.total page_size=TICKET_PAGE_SIZE/>
    }
    .into_any()
}

#[component]
fn TicketRow(ticket: Ticket) -> impl IntoView {
    let customer = ticket.customer.clone().map(|c| {
        view! {
            <td>
                <a href=format!("/support?customer={}", c.customer_id)>{c.name.clone()}</a>
            </td>
        }
    });
    let comments = match ticket.comment_count {
        0 => String::new(),
        1 => " · 1 comment".into(),
        n => format!(" · {n} comments"),
    };
    view! {
        <tr data-testid="ticket-row">
            <td>
                <a href=ticket.kind.ticket_href(&ticket.ticket_id)>{ticket.title.clone()}</a>
                <br/>
                <span class="muted">{ticket.category.label()}</span>
            </td>
            {customer}
            <td class=format!("severity-{}", ticket.severity.key())>{ticket.severity.label()}</td>
            <td data-testid="ticket-status">{ticket.status.label()}</td>
            <td>
                {format_millis(ticket.opened_at)}
                <br/>
                <span class="muted">"by " {ticket.opened_by.clone()}</span>
            </td>
            <td>{format_millis(ticket.updated_at)} <span class="muted">{comments}</span></td>
        </tr>
    }
}
