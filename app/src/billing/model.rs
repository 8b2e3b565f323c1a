//! Wire types of invoices, and the invoice as CSV.

use crate::pricing::{decimal, Term};
use serde::{Deserialize, Serialize};

/// An invoice without its lines (the list at `/billing`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct InvoiceSummary {
    pub invoice_id: String,
    /// The month billed, `YYYY-MM`.
    pub month: String,
    pub currency: String,
    pub total_cents: i64,
    /// Customers with at least one line.
    pub customers: i64,
    pub lines: i64,
    /// Subscriptions left off because their product is not on the price list.
    pub unbilled_subscriptions: i64,
    pub issued_at: i64,
}

/// One line: a customer's subscription as it stood when the invoice was
/// issued (names as they were then).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct InvoiceLine {
    pub customer_id: String,
    pub customer_name: String,
    pub subscription_id: String,
    pub product: String,
    pub term: Term,
    pub seats: i64,
    /// Per seat for the month, in cents.
    pub unit_price_cents: i64,
    pub amount_cents: i64,
}

/// An invoice with its lines, ordered by customer then product.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Invoice {
    pub summary: InvoiceSummary,
    pub lines: Vec<InvoiceLine>,
}

/// One customer's lines of one invoice (what a Helpdesk agent reads on the
/// customer's page).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CustomerInvoice {
    pub invoice_id: String,
    pub month: String,
    pub currency: String,
    /// The sum of this customer's lines.
    pub total_cents: i64,
    pub lines: Vec<InvoiceLine>,
}

/// The outcome of issuing a month's invoice: the invoice, and whether this
/// call made it (issuing again returns the one already there).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Issued {
    pub invoice: InvoiceSummary,
    pub created: bool,
}

/// An invoice's lines of one customer, with their sum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerLines {
    pub customer_id: String,
    pub customer_name: String,
    pub subtotal_cents: i64,
    pub lines: Vec<InvoiceLine>,
}

/// Groups lines (ordered by customer) by customer.
pub fn by_customer(lines: &[InvoiceLine]) -> Vec<CustomerLines> {
    let mut groups: Vec<CustomerLines> = Vec::new();
    for line in lines {
        match groups.last_mut() {
            Some(g) if g.customer_id == line.customer_id => {
                g.subtotal_cents += line.amount_cents;
                g.lines.push(line.clone());
            }
            _ => groups.push(CustomerLines {
                customer_id: line.customer_id.clone(),
                customer_name: line.customer_name.clone(),
                subtotal_cents: line.amount_cents,
                lines: vec![line.clone()],
            }),
        }
    }
    groups
}

/// The file name of an invoice's CSV.
pub fn csv_file_name(month: &str) -> String {
    format!("invoice-{month}.csv")
}

/// An invoice as CSV: a header, then a row per line, every cell defused
/// against spreadsheet formulas (customer and product names are typed by
/// people).
pub fn invoice_csv(invoice: &Invoice) -> String {
    use crate::csv::cell;
    let currency = &invoice.summary.currency;
    let mut out = format!(
        "Month,Customer,Customer ID,Product,Term,Seats,Unit price ({currency}),Amount ({currency})\n"
    );
    for l in &invoice.lines {
        let row = [
            cell(&invoice.summary.month),
            cell(&l.customer_name),
            cell(&l.customer_id),
            cell(&l.product),
            cell(l.term.label()),
            l.seats.to_string(),
            decimal(l.unit_price_cents),
            decimal(l.amount_cents),
        ];
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(customer: &str, product: &str, seats: i64, price: i64) -> InvoiceLine {
        InvoiceLine {
            customer_id: format!("id-{customer}"),
            customer_name: customer.into(),
            subscription_id: format!("s-{customer}-{product}"),
            product: product.into(),
            term: Term::Monthly,
            seats,
            unit_price_cents: price,
            amount_cents: seats * price,
        }
    }

    #[test]
    fn lines_group_by_customer_with_subtotals() {
        let lines = [
            line("Fabrikam", "E3", 10, 3600),
            line("Fabrikam", "Exchange", 5, 400),
            line("Northwind", "Basic", 3, 600),
        ];
        let groups = by_customer(&lines);
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].customer_name, "Fabrikam");
        assert_eq!(groups[0].subtotal_cents, 38_000);
        assert_eq!(groups[1].lines.len(), 1);
        assert_eq!(groups[1].subtotal_cents, 1_800);
    }

    #[test]
    fn the_csv_defuses_formulas_and_writes_plain_amounts() {
        let invoice = Invoice {
            summary: InvoiceSummary {
                invoice_id: "i".into(),
                month: "2026-10".into(),
                currency: "USD".into(),
                total_cents: 0,
                customers: 1,
                lines: 1,
                unbilled_subscriptions: 0,
                issued_at: 0,
            },
            lines: vec![line("=HYPERLINK(\"x\")", "Suite, large", 2, 1250)],
        };
        let csv = invoice_csv(&invoice);
        let mut rows = csv.lines();
        assert_eq!(
            rows.next(),
            Some("Month,Customer,Customer ID,Product,Term,Seats,Unit price (USD),Amount (USD)")
        );
        assert_eq!(
            rows.next(),
            Some(
                r#"2026-10,"'=HYPERLINK(""x"")","id-=HYPERLINK(""x"")","Suite, large",Monthly,2,12.50,25.00"#
            )
        );
    }
}
