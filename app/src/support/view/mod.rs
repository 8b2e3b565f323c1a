//! The support pages: the two ticket lists with their "open a ticket" form,
//! and one ticket with its comments and actions.

mod form;
mod list;
mod ticket;

pub use list::{ConsoleTicketsPage, SupportPage};
pub use ticket::{ConsoleTicketPage, CustomerTicketPage};

use super::{
    NewTicket, TicketCustomer, TicketKind, TicketPage, TicketQuery, TicketStatus, TicketThread,
};
use crate::error::AppError;

// The pages serve both kinds of ticket; these pick the kind's server
// function.

async fn list_tickets(kind: TicketKind, query: TicketQuery) -> Result<TicketPage, AppError> {
    match kind {
        TicketKind::Customer => super::list_customer_tickets(query).await,
        TicketKind::Console => super::list_console_tickets(query).await,
    }
}

async fn get_ticket(kind: TicketKind, id: String) -> Result<TicketThread, AppError> {
    match kind {
        TicketKind::Customer => super::get_customer_ticket(id).await,
        TicketKind::Console => super::get_console_ticket(id).await,
    }
}

async fn open_ticket(kind: TicketKind, new: NewTicket) -> Result<TicketThread, AppError> {
    match kind {
        TicketKind::Customer => super::open_customer_ticket(new).await,
        TicketKind::Console => super::open_console_ticket(new).await,
    }
}

async fn comment_ticket(
    kind: TicketKind,
    id: String,
    body: String,
) -> Result<TicketThread, AppError> {
    match kind {
        TicketKind::Customer => super::comment_customer_ticket(id, body).await,
        TicketKind::Console => super::comment_console_ticket(id, body).await,
    }
}

async fn set_status(
    kind: TicketKind,
    id: String,
    version: i64,
    status: TicketStatus,
) -> Result<TicketThread, AppError> {
    match kind {
        TicketKind::Customer => super::set_customer_ticket_status(id, version, status).await,
        TicketKind::Console => super::set_console_ticket_status(id, version, status).await,
    }
}

/// "Fabrikam (fabrikam.example)".
fn customer_label(c: &TicketCustomer) -> String {
    format!("{} ({})", c.name, c.domain)
}
