//! Invoices (server only): issuing a month's invoice from the subscriptions
//! and prices as they stand, and reading invoices, whole or one customer's
//! lines. Invoices are never changed once issued.

use super::{invoice_csv, CustomerInvoice, Invoice, InvoiceLine, InvoiceSummary, Issued, Month};
use crate::access::Capability;
use crate::activity::service::{Target, Work};
use crate::activity::{FieldChange, Operation};
use crate::customers::service::require_customer;
use crate::db::{new_id, now_millis, Db};
use crate::error::{AppError, AppResult};
use crate::pricing::{money, Term, CURRENCY};
use crate::request::Ctx;
use sqlx::AnyConnection;

/// Invoices a list shows at most (ten years of months).
const MAX_INVOICES: i64 = 120;

const SUMMARY_COLUMNS: &str = "i.invoice_id, i.month, i.currency, i.total_cents, \
     i.unbilled_subscriptions, i.issued_at, \
     (select count(*) from invoice_line l where l.invoice_id = i.invoice_id) as lines, \
     (select count(distinct l.customer_id) from invoice_line l where l.invoice_id = i.invoice_id) as customers";

#[derive(sqlx::FromRow)]
struct SummaryRow {
    invoice_id: String,
    month: String,
    currency: String,
    total_cents: i64,
    unbilled_subscriptions: i64,
    issued_at: i64,
    lines: i64,
    customers: i64,
}

impl From<SummaryRow> for InvoiceSummary {
    fn from(r: SummaryRow) -> InvoiceSummary {
        InvoiceSummary {
            invoice_id: r.invoice_id,
            month: r.month,
            currency: r.currency,
            total_cents: r.total_cents,
            customers: r.customers,
            lines: r.lines,
            unbilled_subscriptions: r.unbilled_subscriptions,
            issued_at: r.issued_at,
        }
    }
}

const LINE_COLUMNS: &str = "l.customer_id, l.customer_name, l.subscription_id, l.product, l.term, \
     l.seats, l.unit_price_cents, l.amount_cents";

#[derive(sqlx::FromRow)]
struct LineRow {
    customer_id: String,
    customer_name: String,
    subscription_id: String,
    product: String,
    term: String,
    seats: i64,
    unit_price_cents: i64,
    amount_cents: i64,
}

impl From<LineRow> for InvoiceLine {
    fn from(r: LineRow) -> InvoiceLine {
        InvoiceLine {
            customer_id: r.customer_id,
            customer_name: r.customer_name,
            subscription_id: r.subscription_id,
            product: r.product,
            term: Term::from_key(&r.term).unwrap_or(Term::Monthly),
            seats: r.seats,
            unit_price_cents: r.unit_price_cents,
            amount_cents: r.amount_cents,
        }
    }
}

async fn summary_where(
    conn: &mut AnyConnection,
    condition: &str,
    org_id: &str,
    value: &str,
) -> AppResult<Option<InvoiceSummary>> {
    let row: Option<SummaryRow> = sqlx::query_as(&format!(
        "select {SUMMARY_COLUMNS} from invoice i where i.org_id = $1 and {condition}"
    ))
    .bind(org_id)
    .bind(value)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(InvoiceSummary::from))
}

/// The organization's invoices, newest month first.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn list(ctx: &Ctx) -> AppResult<Vec<InvoiceSummary>> {
    ctx.require(Capability::Billing)?;
    let rows: Vec<SummaryRow> = sqlx::query_as(&format!(
        "select {SUMMARY_COLUMNS} from invoice i where i.org_id = $1
          order by i.month desc limit {MAX_INVOICES}"
    ))
    .bind(ctx.org_id())
    .fetch_all(&ctx.db)
    .await?;
    Ok(rows.into_iter().map(InvoiceSummary::from).collect())
}

/// One invoice of the caller's organization with its lines, by customer.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn get(ctx: &Ctx, invoice_id: &str) -> AppResult<Invoice> {
    ctx.require(Capability::Billing)?;
    let mut conn = ctx.db.acquire().await?;
    let summary = summary_where(&mut conn, "i.invoice_id = $2", ctx.org_id(), invoice_id)
        .await?
        .ok_or_else(|| AppError::not_found(crate::msg!("billing-the-invoice")))?;
    let lines: Vec<LineRow> = sqlx::query_as(&format!(
        "select {LINE_COLUMNS} from invoice_line l where l.invoice_id = $1
          order by lower(l.customer_name), l.customer_id, l.product"
    ))
    .bind(invoice_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(Invoice {
        summary,
        lines: lines.into_iter().map(InvoiceLine::from).collect(),
    })
}

/// One invoice as CSV (formula-escaped), as [`get`] reads it.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn export_csv(ctx: &Ctx, invoice_id: &str) -> AppResult<String> {
    let invoice = get(ctx, invoice_id).await?;
    Ok(invoice_csv(&invoice))
}

/// One customer's lines, invoice by invoice (newest month first): what a
/// Helpdesk agent needs to help with a billing problem, and nothing of
/// other customers.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn customer_invoices(ctx: &Ctx, customer_id: &str) -> AppResult<Vec<CustomerInvoice>> {
    ctx.require(Capability::CustomerInvoicesView)?;
    let mut conn = ctx.db.acquire().await?;
    require_customer(&mut conn, ctx.org_id(), customer_id).await?;
    #[derive(sqlx::FromRow)]
    struct Row {
        invoice_id: String,
        month: String,
        currency: String,
        #[sqlx(flatten)]
        line: LineRow,
    }
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "select i.invoice_id, i.month, i.currency, {LINE_COLUMNS}
           from invoice_line l join invoice i on i.invoice_id = l.invoice_id
          where i.org_id = $1 and l.customer_id = $2
            and i.invoice_id in (
                select i2.invoice_id from invoice i2
                 where i2.org_id = $1
                   and exists (select 1 from invoice_line l2
                                where l2.invoice_id = i2.invoice_id and l2.customer_id = $2)
                 order by i2.month desc
                 limit {MAX_INVOICES})
          order by i.month desc, l.product"
    ))
    .bind(ctx.org_id())
    .bind(customer_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut invoices: Vec<CustomerInvoice> = Vec::new();
    for r in rows {
        let line = InvoiceLine::from(r.line);
        match invoices.last_mut() {
            Some(i) if i.invoice_id == r.invoice_id => {
                i.total_cents += line.amount_cents;
                i.lines.push(line);
            }
            _ => invoices.push(CustomerInvoice {
                invoice_id: r.invoice_id,
                month: r.month,
                currency: r.currency,
                total_cents: line.amount_cents,
                lines: vec![line],
            }),
        }
    }
    invoices.truncate(MAX_INVOICES as usize);
    Ok(invoices)
}

/// The subscriptions of the organization in placeholder `org` with seats,
/// each with the price it is billed at: the offer it was bought on, or else
/// its product's monthly offer ([`PRICE`] is null when the product is not
/// on the price list). The product is found whatever the case of the name
/// (subscriptions added before names were stored as the list spells them).
fn priced_subscriptions(org: &str) -> String {
    format!(
        "from subscription s
           join customer c on c.customer_id = s.customer_id
           left join offer bought on bought.offer_id = s.offer_id
           left join product p on lower(p.name) = lower(s.product)
           left join offer listed on listed.product_id = p.product_id and listed.term = 'monthly'
          where s.org_id = {org} and s.seats > 0"
    )
}
const PRICE: &str = "coalesce(bought.unit_price_cents, listed.unit_price_cents)";

/// Issues the caller's organization's invoice for `month` (`YYYY-MM`, a
/// month that is over): a line per subscription with seats, at its price,
/// with the customer's name and the product as they are now; all in one
/// transaction with its activity entry. Idempotent: when the month has an
/// invoice already (issued earlier, or by another replica at the same
/// moment), that one is returned, unchanged.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn issue(ctx: &Ctx, month: &str) -> AppResult<Issued> {
    ctx.require(Capability::Billing)?;
    let month = Month::parse(month)
        .ok_or_else(|| AppError::invalid("month", crate::msg!("billing-enter-month")))?;
    if month >= Month::of_millis(now_millis()) {
        return Err(AppError::invalid(
            "month",
            crate::msg!("billing-month-not-over", month = month),
        ));
    }
    let month = month.to_string();
    let org_id = ctx.org_id();
    let existing = |invoice| Issued {
        invoice,
        created: false,
    };
    let mut conn = ctx.db.acquire().await?;
    if let Some(found) = summary_where(&mut conn, "i.month = $2", org_id, &month).await? {
        return Ok(existing(found));
    }
    drop(conn);
    let mut work = Work::begin(&ctx.db, &ctx.actor).await?;
    let invoice_id = new_id();
    let inserted = sqlx::query(
        "insert into invoice (invoice_id, org_id, month, currency, total_cents, unbilled_subscriptions, issued_at)
         values ($1, $2, $3, $4, 0, 0, $5)",
    )
    .bind(&invoice_id)
    .bind(org_id)
    .bind(&month)
    .bind(CURRENCY)
    .bind(now_millis())
    .execute(work.conn())
    .await;
    match inserted {
        Ok(_) => {}
        // Issued meanwhile (the unique index on organization and month).
        Err(e) => {
            let e = AppError::from(e);
            if matches!(&e, AppError::Conflict { field, .. } if field == "month") {
                drop(work);
                let mut conn = ctx.db.acquire().await?;
                return summary_where(&mut conn, "i.month = $2", org_id, &month)
                    .await?
                    .map(existing)
                    .ok_or(e);
            }
            return Err(e);
        }
    }
    sqlx::query(&format!(
        "insert into invoice_line (invoice_id, subscription_id, customer_id, customer_name, product,
                                   term, seats, unit_price_cents, amount_cents)
         select $1, s.subscription_id, s.customer_id, c.name, s.product,
                coalesce(bought.term, listed.term), s.seats, {PRICE}, s.seats * {PRICE}
         {} and {PRICE} is not null",
        priced_subscriptions("$2")
    ))
    .bind(&invoice_id)
    .bind(org_id)
    .execute(work.conn())
    .await?;
    let unbilled: i64 = sqlx::query_scalar(&format!(
        "select count(*) {} and {PRICE} is null",
        priced_subscriptions("$1")
    ))
    .bind(org_id)
    .fetch_one(work.conn())
    .await?;
    // PostgreSQL sums bigints as numeric: back to bigint for the driver.
    let total: i64 = sqlx::query_scalar(
        "select cast(coalesce(sum(amount_cents), 0) as bigint) from invoice_line where invoice_id = $1",
    )
    .bind(&invoice_id)
    .fetch_one(work.conn())
    .await?;
    sqlx::query(
        "update invoice set total_cents = $1, unbilled_subscriptions = $2 where invoice_id = $3",
    )
    .bind(total)
    .bind(unbilled)
    .bind(&invoice_id)
    .execute(work.conn())
    .await?;
    let summary = summary_where(work.conn(), "i.invoice_id = $2", org_id, &invoice_id)
        .await?
        .ok_or(AppError::Internal)?;
    work.record(
        Operation::InvoiceIssued,
        Target::invoice(&invoice_id, &month),
        vec![
            FieldChange::new("lines", None, Some(summary.lines.to_string())),
            FieldChange::new("total", None, Some(money(total))),
        ],
    );
    work.commit().await?;
    Ok(Issued {
        invoice: summary,
        created: true,
    })
}

/// public: run by the server and the command line, not by a caller. Issues
/// `month`'s invoice of every organization that existed before the month
/// ended and has none yet, each as the operator of that organization;
/// returns each organization's name with its outcome (one organization's
/// failure doesn't stop the others').
pub async fn issue_missing(db: &Db, month: Month) -> AppResult<Vec<(String, AppResult<Issued>)>> {
    let orgs: Vec<(String, String)> = sqlx::query_as(
        "select o.org_id, o.name from organization o
          where o.created_at < $1
            and not exists (select 1 from invoice i where i.org_id = o.org_id and i.month = $2)
          order by o.name, o.org_id",
    )
    .bind(month.next().start_millis())
    .bind(month.to_string())
    .fetch_all(db)
    .await?;
    let mut done = Vec::new();
    for (org_id, name) in orgs {
        let ctx = Ctx::operator(db, &org_id);
        done.push((name, issue(&ctx, &month.to_string()).await));
    }
    Ok(done)
}
