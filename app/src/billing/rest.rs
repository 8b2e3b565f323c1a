//! `/api/v1/invoices` and a customer's invoice lines.

use super::{service, CustomerInvoice, Invoice, InvoiceSummary};

crate::rest_routes! {
    tag "Billing";
    /// The organization's invoices (one per month), newest first.
    ///
    /// `Billing`.
    GET "/invoices" list_invoices() -> Vec<InvoiceSummary>
        = |ctx| service::list(&ctx);
    /// One invoice with its lines, ordered by customer.
    ///
    /// `Billing`.
    GET "/invoices/{invoice_id}" get_invoice(invoice_id) -> Invoice
        = |ctx| service::get(&ctx, &invoice_id);
    /// One invoice as CSV text (cells defused against spreadsheet formulas).
    ///
    /// `Billing`.
    GET "/invoices/{invoice_id}/csv" export_invoice(invoice_id) -> String
        = |ctx| service::export_csv(&ctx, &invoice_id);
    /// One customer's invoice lines, invoice by invoice, newest first.
    ///
    /// `CustomerInvoicesView`.
    GET "/customers/{customer_id}/invoices" list_customer_invoices(customer_id) -> Vec<CustomerInvoice>
        = |ctx| service::customer_invoices(&ctx, &customer_id);
}
