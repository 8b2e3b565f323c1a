use super::{NewTicket, TicketCustomer, TicketPage, TicketQuery, TicketStatus, TicketThread};

crate::session_server_fns! {
    /// `TicketsView`: a page of the customer tickets, filtered.
    "support/tickets/list" => fn list_customer_tickets(query: TicketQuery) -> TicketPage
        = |ctx| super::service::list(&ctx, super::TicketKind::Customer, &query);

    /// `TicketsView`: one customer ticket with its comments.
    "support/tickets/get" => fn get_customer_ticket(ticket_id: String) -> TicketThread
        = |ctx| super::service::get(&ctx, super::TicketKind::Customer, &ticket_id);

    /// `CustomerTicketsCreate`: opens a ticket on behalf of a customer
    /// (Office 365 and Azure technical ones also need `AdministerOnBehalf`).
    "support/tickets/open" => fn open_customer_ticket(ticket: NewTicket) -> TicketThread
        = |ctx| super::service::open(&ctx, super::TicketKind::Customer, &ticket);

    /// `CustomerTicketsCreate` or `TicketsResolve`: comments on an open
    /// customer ticket.
    "support/tickets/comment" => fn comment_customer_ticket(ticket_id: String, body: String) -> TicketThread
        = |ctx| super::service::comment(&ctx, super::TicketKind::Customer, &ticket_id, &body);

    /// `TicketsResolve`: resolves or reopens a customer ticket.
    "support/tickets/status" => fn set_customer_ticket_status(ticket_id: String, version: i64, status: TicketStatus) -> TicketThread
        = |ctx| super::service::set_status(&ctx, super::TicketKind::Customer, &ticket_id, version, status);

    /// `ConsoleTicketsCreate`: a page of the tickets about the console.
    "support/console/list" => fn list_console_tickets(query: TicketQuery) -> TicketPage
        = |ctx| super::service::list(&ctx, super::TicketKind::Console, &query);

    /// `ConsoleTicketsCreate`: one console ticket with its comments.
    "support/console/get" => fn get_console_ticket(ticket_id: String) -> TicketThread
        = |ctx| super::service::get(&ctx, super::TicketKind::Console, &ticket_id);

    /// `ConsoleTicketsCreate`: opens a ticket about the console.
    "support/console/open" => fn open_console_ticket(ticket: NewTicket) -> TicketThread
        = |ctx| super::service::open(&ctx, super::TicketKind::Console, &ticket);

    /// `ConsoleTicketsCreate`: comments on an open console ticket.
    "support/console/comment" => fn comment_console_ticket(ticket_id: String, body: String) -> TicketThread
        = |ctx| super::service::comment(&ctx, super::TicketKind::Console, &ticket_id, &body);

    /// `ConsoleTicketsCreate`: marks a console ticket resolved, or reopens it.
    "support/console/status" => fn set_console_ticket_status(ticket_id: String, version: i64, status: TicketStatus) -> TicketThread
        = |ctx| super::service::set_status(&ctx, super::TicketKind::Console, &ticket_id, version, status);

    /// `CustomerTicketsCreate` or `TicketsView`: customers by name or
    /// domain, for the ticket form's picker.
    "support/customers" => fn list_ticket_customers(search: String) -> Vec<TicketCustomer>
        = |ctx| super::service::customers(&ctx, &search);
}
