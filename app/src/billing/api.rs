use super::{CustomerInvoice, Invoice, InvoiceSummary};

crate::session_server_fns! {
    /// `Billing`: the organization's invoices, newest month first.
    "billing/invoices" => fn list_invoices() -> Vec<InvoiceSummary>
        = |ctx| super::service::list(&ctx);

    /// `Billing`: one invoice with its lines.
    "billing/invoice" => fn get_invoice(invoice_id: String) -> Invoice
        = |ctx| super::service::get(&ctx, &invoice_id);

    /// `Billing`: one invoice as CSV.
    "billing/invoice-csv" => fn export_invoice(invoice_id: String) -> String
        = |ctx| super::service::export_csv(&ctx, &invoice_id);

    /// `CustomerInvoicesView`: one customer's invoice lines, month by month.
    "billing/customer-invoices" => fn list_customer_invoices(customer_id: String) -> Vec<CustomerInvoice>
        = |ctx| super::service::customer_invoices(&ctx, &customer_id);
}
