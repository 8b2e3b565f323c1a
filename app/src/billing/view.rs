//! `/billing` (the invoices), `/billing/:id` (one invoice, by customer, as
//! CSV), and a customer's invoice lines on the customer's page.

use super::{by_customer, csv_file_name, CustomerInvoice, Invoice, InvoiceLine, InvoiceSummary};
use crate::access::ui::use_identity;
use crate::access::Capability;
use crate::error::AppError;
use crate::pricing::amount;
use crate::time::format_local;
use crate::ui::{id_param, ErrorMessage, Loaded, Table};
use leptos::prelude::*;

/// `/billing`: one invoice per month, newest first.
#[component]
pub fn BillingPage() -> impl IntoView {
    let invoices = Resource::new(|| (), |_| super::list_invoices());
    view! {
        <section class="card">
            <h1>{crate::tr!("billing-title")}</h1>
            <p>{crate::tr!("billing-intro")}</p>
            <Loaded resource=invoices ok=|i| view! { <InvoiceTable invoices=i/> }/>
        </section>
    }
}

#[component]
fn InvoiceTable(invoices: Vec<InvoiceSummary>) -> impl IntoView {
    if invoices.is_empty() {
        return view! {
            <p data-testid="no-invoices">{crate::tr!("billing-no-invoices")}</p>
        }
        .into_any();
    }
    view! {
        <Table testid="invoices" columns=&[
            crate::key!("billing-col-month"),
            crate::key!("billing-col-customers"),
            crate::key!("billing-col-lines"),
            crate::key!("billing-col-total"),
            crate::key!("billing-col-issued"),
        ]>
            {invoices
                .into_iter()
                .map(|i| {
                    view! {
                        <tr data-testid="invoice-row">
                            <td>
                                <a href=format!("/billing/{}", i.invoice_id)>{i.month.clone()}</a>
                            </td>
                            <td>{crate::i18n::number(i.customers)}</td>
                            <td>{crate::i18n::number(i.lines)}</td>
                            <td data-testid="invoice-total">{amount(i.total_cents)} " " {i.currency.clone()}</td>
                            <td>{format_local(i.issued_at)}</td>
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
        <p><a href="/billing">{crate::tr!("billing-all-invoices")}</a></p>
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
            <h1>{crate::tr!("billing-invoice-title", month = s.month)}</h1>
            <p>
                {crate::tr!("billing-issued-on", date = format_local(s.issued_at))}
                " · "
                {crate::tr_n!("billing-customer-count", s.customers)}
                " · "
                {crate::tr_n!("billing-line-count", s.lines)}
                " · "
                {crate::tr!("billing-total-lower")}
                " "
                <strong data-testid="invoice-total">{amount(s.total_cents)}</strong>
                " "
                {s.currency.clone()}
            </p>
            {(s.unbilled_subscriptions > 0)
                .then(|| {
                    view! {
                        <p class="notice" data-testid="unbilled">
                            {crate::tr_n!("billing-unbilled", s.unbilled_subscriptions)}
                        </p>
                    }
                })}
            <p class="toolbar">
                <button type="button" on:click=download>{crate::tr!("billing-download-csv")}</button>
            </p>
            {move || error.get().map(|e| view! { <ErrorMessage error=e/> })}
            {groups.is_empty().then(|| view! { <p>{crate::tr!("billing-no-lines")}</p> })}
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
                        <LineTable lines=g.lines total=g.subtotal_cents total_label=crate::key!("billing-subtotal")/>
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
        <div class="scroll" tabindex="0">
        <Table testid="invoice-lines" columns=&[
                crate::key!("billing-col-product"),
                crate::key!("billing-col-term"),
                crate::key!("billing-col-seats"),
                crate::key!("billing-col-unit-price"),
                crate::key!("billing-col-amount"),
            ]>
            {lines
                .into_iter()
                .map(|l| {
                    view! {
                        <tr>
                            <td>{l.product}</td>
                            <td>{l.term.name()}</td>
                            <td>{crate::i18n::number(l.seats)}</td>
                            <td>{amount(l.unit_price_cents)}</td>
                            <td>{amount(l.amount_cents)}</td>
                        </tr>
                    }
                })
                .collect_view()}
            <tr>
                <th scope="row" colspan="4">{crate::i18n::text(total_label)}</th>
                <td data-testid="subtotal"><strong>{amount(total)}</strong></td>
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
            <h2>{crate::tr!("billing-customer-invoices")}</h2>
            <p class="muted">{crate::tr!("billing-customer-invoices-intro")}</p>
            <Loaded resource=invoices ok=|i| view! { <CustomerInvoiceList invoices=i/> }/>
        </section>
    }
    .into_any()
}

#[component]
fn CustomerInvoiceList(invoices: Vec<CustomerInvoice>) -> impl IntoView {
    if invoices.is_empty() {
        return view! { <p>{crate::tr!("billing-no-customer-invoices")}</p> }.into_any();
    }
    invoices
        .into_iter()
        .map(|i| {
            view! {
                <h3>{i.month.clone()}</h3>
                <LineTable lines=i.lines total=i.total_cents total_label=crate::key!("billing-total")/>
            }
        })
        .collect_view()
        .into_any()
}
