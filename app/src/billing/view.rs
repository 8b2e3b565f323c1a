//! `/billing` (the invoices), `/billing/:id` (one invoice, by customer, as
//! CSV), and a customer's invoice lines on the customer's page.

use super::{by_customer, csv_file_name, CustomerInvoice, Invoice, InvoiceLine, InvoiceSummary};
use crate::access::ui::use_identity;
use crate::access::Capability;
use crate::error::AppError;
use crate::pricing::{money, thousands};
use crate::time::format_millis;
use crate::ui::{id_param, ErrorMessage, Loaded, Table};
use leptos::prelude::*;

/// `/billing`: one invoice per month, newest first.
#[component]
pub fn BillingPage() -> impl IntoView {
    let invoices = Resource::new(|| (), |_| super::list_invoices());
    view! {
        <section class="card">
            <h1>"Invoices"</h1>
            <p>
                "One invoice per month, issued when the month is over, with a line per customer subscription "
                "at the price of its offer."
            </p>
            <Loaded resource=invoices ok=|i| view! { <InvoiceTable invoices=i/> }/>
        </section>
    }
}

#[component]
fn InvoiceTable(invoices: Vec<InvoiceSummary>) -> impl IntoView {
    if invoices.is_empty() {
        return view! {
            <p data-testid="no-invoices">"No invoice yet: a month's invoice is issued when the month is over."</p>
        }
        .into_any();
    }
    view! {
        <Table testid="invoices" columns=&["Month", "Customers", "Lines", "Total", "Issued"]>
            {invoices
                .into_iter()
                .map(|i| {
                    view! {
                        <tr data-testid="invoice-row">
                            <td>
                                <a href=format!("/billing/{}", i.invoice_id)>{i.month.clone()}</a>
                            </td>
                            <td>{i.customers}</td>
                            <td>{i.lines}</td>
                            <td data-testid="invoice-total">{money(i.total_cents)} " " {i.currency.clone()}</td>
                            <td>{format_millis(i.issued_at)}</td>
                        </tr>
                    }
                })
                .collect_view()}
        </Table>
    }
    .into_any()
}

/// `/billing/:id`: one invoice, its lines grouped by customer, and its CSV.
#[component]
pub fn InvoicePage() -> impl IntoView {
    let id = id_param();
    let invoice = Resource::new(id, super::get_invoice);
    view! {
        <p><a href="/billing">"← All invoices"</a></p>
        <Loaded resource=invoice in_card=true ok=|i| view! { <InvoiceView invoice=i/> }/>
    }
}

#[component]
fn InvoiceView(invoice: Invoice) -> impl IntoView {
    let s = invoice.summary.clone();
    let error = RwSignal::new(None::<AppError>);
    let invoice_id = StoredValue::new(s.invoice_id.clone());
    let file = StoredValue::new(csv_file_name(&s.month));
    let download = move |_| {
        error.set(None);
        leptos::task::spawn_local(async move {
            match super::export_invoice(invoice_id.get_value()).await {
                Ok(csv) => crate::ui::download(&file.get_value(), &csv),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let link_customers = use_identity().can(Capability::CustomersView);
    let groups = by_customer(&invoice.lines);
    view! {
        <section class="card">
            <h1>"Invoice " {s.month.clone()}</h1>
            <p>
                "Issued " {format_millis(s.issued_at)} " · " {s.customers} " customer(s) · " {s.lines}
                " line(s) · total " <strong data-testid="invoice-total">{money(s.total_cents)}</strong> " "
                {s.currency.clone()}
            </p>
            {(s.unbilled_subscriptions > 0)
                .then(|| {
                    view! {
                        <p class="notice" data-testid="unbilled">
                            {s.unbilled_subscriptions}
                            " subscription(s) of products not on the price list are not billed."
                        </p>
                    }
                })}
            <p class="toolbar">
                <button type="button" on:click=download>"Download CSV"</button>
            </p>
            {move || error.get().map(|e| view! { <ErrorMessage error=e/> })}
            {groups.is_empty().then(|| view! { <p>"This invoice has no line: no customer had seats that month."</p> })}
        </section>
        {groups
            .into_iter()
            .map(|g| {
                let title = if link_customers {
                    view! { <a href=format!("/customers/{}", g.customer_id)>{g.customer_name.clone()}</a> }
                        .into_any()
                } else {
                    view! { {g.customer_name.clone()} }.into_any()
                };
                view! {
                    <section class="card" data-testid="invoice-customer">
                        <h2>{title}</h2>
                        <LineTable lines=g.lines total=g.subtotal_cents total_label="Subtotal"/>
                    </section>
                }
            })
            .collect_view()}
    }
}

/// Lines of one customer, with a total row.
#[component]
fn LineTable(lines: Vec<InvoiceLine>, total: i64, total_label: &'static str) -> impl IntoView {
    view! {
        <div class="scroll">
        <Table testid="invoice-lines" columns=&["Product", "Term", "Seats", "Unit price", "Amount"]>
            {lines
                .into_iter()
                .map(|l| {
                    view! {
                        <tr>
                            <td>{l.product}</td>
                            <td>{l.term.label()}</td>
                            <td>{thousands(l.seats)}</td>
                            <td>{money(l.unit_price_cents)}</td>
                            <td>{money(l.amount_cents)}</td>
                        </tr>
                    }
                })
                .collect_view()}
            <tr>
                <th scope="row" colspan="4">{total_label}</th>
                <td data-testid="subtotal"><strong>{money(total)}</strong></td>
            </tr>
        </Table>
        </div>
    }
}

/// On a customer's page, for `CustomerInvoicesView`: the customer's lines
/// on each monthly invoice, read only. Placed beside the customer's editor,
/// so its resource is created with the page's.
#[component]
pub fn CustomerInvoices(customer_id: Signal<String>) -> impl IntoView {
    if !use_identity().can(Capability::CustomerInvoicesView) {
        return ().into_any();
    }
    let invoices = Resource::new(move || customer_id.get(), super::list_customer_invoices);
    view! {
        <section class="card" data-testid="customer-invoices">
            <h2>"Invoices"</h2>
            <p class="muted">"This customer's lines on your monthly invoices, to help with a billing question."</p>
            <Loaded resource=invoices ok=|i| view! { <CustomerInvoiceList invoices=i/> }/>
        </section>
    }
    .into_any()
}

#[component]
fn CustomerInvoiceList(invoices: Vec<CustomerInvoice>) -> impl IntoView {
    if invoices.is_empty() {
        return view! { <p>"No invoice has a line for this customer yet."</p> }.into_any();
    }
    invoices
        .into_iter()
        .map(|i| {
            view! {
                <h3>{i.month.clone()}</h3>
                <LineTable lines=i.lines total=i.total_cents total_label="Total"/>
            }
        })
        .collect_view()
        .into_any()
}
