//! `/support` and `/support/console`: a kind's tickets, filtered, and the
//! form that opens one.

use super::form::OpenTicket;
use super::{customer_label, list_tickets};
use crate::access::ui::use_identity;
use crate::support::{Ticket, TicketKind, TicketPage, TicketQuery, TicketStatus, TICKET_PAGE_SIZE};
use crate::time::format_local;
use crate::ui::{Empty, FilterSelect, Loaded, Pager, SearchBox, Table};
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
            title=crate::tr!("support-tickets-title")
            intro=crate::tr!("support-tickets-intro")
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
            title=crate::tr!("support-console-tickets-title")
            intro=crate::tr!("support-console-tickets-intro")
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
    title: String,
    intro: String,
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
        ("open".to_string(), TicketStatus::Open.name()),
        ("resolved".to_string(), TicketStatus::Resolved.name()),
        (String::new(), crate::tr!("support-status-all")),
    ];
    view! {
        <section class="card">
            <h1>{title}</h1>
            <p>{intro}</p>
            <div class="toolbar">
                <FilterSelect id="ticket-status" label=crate::tr!("support-status") value=status page=page options=statuses/>
                <SearchBox id="ticket-search" label=crate::tr!("support-search-titles") value=search page=page/>
            </div>
            <Loaded
                resource=tickets
                ok=move |p| {
                    if p.tickets.is_empty() {
                        let filtered = !search.get_untracked().is_empty()
                            || status.get_untracked() != TicketStatus::Open.key();
                        let none_yet = if use_identity().can(kind.open_capability()) {
                            crate::tr!("support-no-open-ticket-open-one")
                        } else {
                            crate::tr!("support-no-open-ticket")
                        };
                        let clear = Callback::new(move |_| {
                            status.set(TicketStatus::Open.key().to_string());
                            search.set(String::new());
                            page.set(0);
                        });
                        return view! {
                            {p.customer.as_ref().map(|c| view! { <CustomerFilter kind=kind customer=customer_label(c)/> })}
                            <Empty
                                testid="no-tickets"
                                filtered=filtered
                                no_match=crate::tr!("support-no-ticket-matches")
                                none_yet=none_yet
                                clear=clear
                            />
                        }
                            .into_any();
                    }
                    view! { <TicketTable kind=kind tickets=p page=page/> }.into_any()
                }
            />
        </section>
    }
}

/// "Tickets of <customer>. Show all tickets."
#[component]
fn CustomerFilter(kind: TicketKind, customer: String) -> impl IntoView {
    view! {
        <p data-testid="customer-filter">
            {crate::tr!("support-tickets-of")} " " <strong>{customer}</strong> ". "
            <a href=kind.list_href()>{crate::tr!("support-show-all-tickets")}</a>
        </p>
    }
}

#[component]
fn TicketTable(kind: TicketKind, tickets: TicketPage, page: RwSignal<u32>) -> impl IntoView {
    let filtered = tickets
        .customer
        .as_ref()
        .map(|c| view! { <CustomerFilter kind=kind customer=customer_label(c)/> });
    let columns: &'static [&'static str] = match kind {
        TicketKind::Customer => &[
            crate::key!("support-col-ticket"),
            crate::key!("support-col-customer"),
            crate::key!("support-col-severity"),
            crate::key!("support-col-status"),
            crate::key!("support-col-opened"),
            crate::key!("support-col-last-activity"),
        ],
        TicketKind::Console => &[
            crate::key!("support-col-ticket"),
            crate::key!("support-col-severity"),
            crate::key!("support-col-status"),
            crate::key!("support-col-opened"),
            crate::key!("support-col-last-activity"),
        ],
    };
    view! {
        {filtered}
        <div class="scroll" tabindex="0">
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
        n => format!(" · {}", crate::tr_n!("support-comment-count", n)),
    };
    view! {
        <tr data-testid="ticket-row">
            <td>
                <a href=ticket.kind.ticket_href(&ticket.ticket_id)>{ticket.title.clone()}</a>
                <br/>
                <span class="muted">{ticket.category.name()}</span>
            </td>
            {customer}
            <td class=format!("severity-{}", ticket.severity.key())>{ticket.severity.name()}</td>
            <td data-testid="ticket-status">{ticket.status.name()}</td>
            <td>
                {format_local(ticket.opened_at)}
                <br/>
                <span class="muted">{crate::tr!("support-by", name = ticket.opened_by)}</span>
            </td>
            <td>{format_local(ticket.updated_at)} <span class="muted">{comments}</span></td>
        </tr>
    }
}
