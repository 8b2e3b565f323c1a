//! `/api/v1/support`: customer tickets and console tickets.

use super::{
    service, NewTicket, TicketCustomer, TicketKind, TicketPage, TicketQuery, TicketStatus,
    TicketThread,
};
use serde::Deserialize;
use utoipa::ToSchema;

/// A comment to append.
#[derive(Debug, Deserialize, ToSchema)]
pub struct NewComment {
    /// At most 5,000 characters.
    pub body: String,
}

/// A ticket's new status, from the version the caller read.
#[derive(Debug, Deserialize, ToSchema)]
pub struct TicketStatusUpdate {
    pub version: i64,
    /// `open` (reopen) or `resolved`.
    pub status: TicketStatus,
}

/// Words of a customer's name or domain.
#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct CustomerSearch {
    #[serde(default)]
    pub search: String,
}

crate::rest_routes! {
    tag "Support tickets";
    /// List customer tickets, a page at a time, most recently active first
    /// (`status`, `customer_id`, `search` in the title).
    ///
    /// `TicketsView`.
    GET "/support/tickets" list_customer_tickets(; query q: TicketQuery) -> TicketPage
        = |ctx| service::list(&ctx, TicketKind::Customer, &q);
    /// Open a ticket on behalf of a customer.
    ///
    /// `CustomerTicketsCreate`; the `office365` and `azure-technical`
    /// categories also need `AdministerOnBehalf` (an Admin agent's).
    POST "/support/tickets" open_customer_ticket(; body b: NewTicket) -> TicketThread
        = |ctx| service::open(&ctx, TicketKind::Customer, &b);
    /// A customer ticket with its comments, oldest first.
    ///
    /// `TicketsView`.
    GET "/support/tickets/{ticket_id}" get_customer_ticket(ticket_id) -> TicketThread
        = |ctx| service::get(&ctx, TicketKind::Customer, &ticket_id);
    /// Comment on an open customer ticket.
    ///
    /// `CustomerTicketsCreate` or `TicketsResolve`.
    POST "/support/tickets/{ticket_id}/comments" comment_customer_ticket(ticket_id; body b: NewComment) -> TicketThread
        = |ctx| service::comment(&ctx, TicketKind::Customer, &ticket_id, &b.body);
    /// Resolve (`resolved`) or reopen (`open`) a customer ticket.
    ///
    /// `TicketsResolve`. A stale `version` gets 409 with the current ticket.
    PUT "/support/tickets/{ticket_id}/status" set_customer_ticket_status(ticket_id; body b: TicketStatusUpdate) -> TicketThread
        = |ctx| service::set_status(&ctx, TicketKind::Customer, &ticket_id, b.version, b.status),
        fresh service::get(&ctx, TicketKind::Customer, &ticket_id);
    /// List tickets about the console, a page at a time (`status`, `search`).
    ///
    /// `ConsoleTicketsCreate`.
    GET "/support/console-tickets" list_console_tickets(; query q: TicketQuery) -> TicketPage
        = |ctx| service::list(&ctx, TicketKind::Console, &q);
    /// Open a ticket about the console itself.
    ///
    /// `ConsoleTicketsCreate`.
    POST "/support/console-tickets" open_console_ticket(; body b: NewTicket) -> TicketThread
        = |ctx| service::open(&ctx, TicketKind::Console, &b);
    /// A console ticket with its comments, oldest first.
    ///
    /// `ConsoleTicketsCreate`.
    GET "/support/console-tickets/{ticket_id}" get_console_ticket(ticket_id) -> TicketThread
        = |ctx| service::get(&ctx, TicketKind::Console, &ticket_id);
    /// Comment on an open console ticket.
    ///
    /// `ConsoleTicketsCreate`.
    POST "/support/console-tickets/{ticket_id}/comments" comment_console_ticket(ticket_id; body b: NewComment) -> TicketThread
        = |ctx| service::comment(&ctx, TicketKind::Console, &ticket_id, &b.body);
    /// Mark a console ticket resolved (`resolved`) or reopen it (`open`).
    ///
    /// `ConsoleTicketsCreate`. A stale `version` gets 409 with the current ticket.
    PUT "/support/console-tickets/{ticket_id}/status" set_console_ticket_status(ticket_id; body b: TicketStatusUpdate) -> TicketThread
        = |ctx| service::set_status(&ctx, TicketKind::Console, &ticket_id, b.version, b.status),
        fresh service::get(&ctx, TicketKind::Console, &ticket_id);
    /// Customers whose name or domain contains `search` (at most 50, by
    /// name): whom a ticket can be opened for.
    ///
    /// `CustomerTicketsCreate` or `TicketsView`.
    GET "/support/customers" list_ticket_customers(; query q: CustomerSearch) -> Vec<TicketCustomer>
        = |ctx| service::customers(&ctx, &q.search);
}
