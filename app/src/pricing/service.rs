//! The price list, the offers a customer can buy, and buying one (server
//! only). The catalogue is the same for every organization; what is scoped
//! is the customer an offer is bought for.

use super::{seats_problem, NewPurchase, Offer, PriceList, PricingQuery, Product, Term, CURRENCY};
use crate::access::Capability;
use crate::activity::service::Work;
use crate::customers::service::require_customer;
use crate::db::like;
use crate::error::{AppError, AppResult};
use crate::request::Ctx;
use crate::subscriptions::Subscription;
use sqlx::AnyConnection;

const OFFER_COLUMNS: &str = "o.offer_id, o.product_id, p.name as product, o.term, \
                             o.unit_price_cents, o.min_seats, o.max_seats";

/// Products in list order, monthly before annual.
const OFFER_ORDER: &str = "p.list_order, p.name, case o.term when 'monthly' then 0 else 1 end";

#[derive(sqlx::FromRow)]
struct OfferRow {
    offer_id: String,
    product_id: String,
    product: String,
    term: String,
    unit_price_cents: i64,
    min_seats: i64,
    max_seats: i64,
}

impl OfferRow {
    /// The offer, with its price only when `priced`.
    fn into_offer(self, priced: bool) -> Offer {
        Offer {
            offer_id: self.offer_id,
            product_id: self.product_id,
            product: self.product,
            term: Term::from_key(&self.term).unwrap_or(Term::Monthly),
            unit_price_cents: priced.then_some(self.unit_price_cents),
            min_seats: self.min_seats,
            max_seats: self.max_seats,
        }
    }
}

/// The price list: every product with its offers, searched by name or
/// description.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn price_list(ctx: &Ctx, q: &PricingQuery) -> AppResult<PriceList> {
    ctx.require(Capability::PricingView)?;
    #[derive(sqlx::FromRow)]
    struct ProductRow {
        product_id: String,
        name: String,
        description: String,
    }
    let search = like(&q.search);
    let products: Vec<ProductRow> = sqlx::query_as(
        "select product_id, name, description from product
          where lower(name) like $1 escape '\\' or lower(description) like $1 escape '\\'
          order by list_order, name",
    )
    .bind(&search)
    .fetch_all(&ctx.db)
    .await?;
    let offers: Vec<OfferRow> = sqlx::query_as(&format!(
        "select {OFFER_COLUMNS} from offer o join product p on p.product_id = o.product_id
          order by {OFFER_ORDER}"
    ))
    .fetch_all(&ctx.db)
    .await?;
    let offers: Vec<Offer> = offers.into_iter().map(|o| o.into_offer(true)).collect();
    Ok(PriceList {
        currency: CURRENCY.into(),
        products: products
            .into_iter()
            .map(|p| Product {
                offers: offers
                    .iter()
                    .filter(|o| o.product_id == p.product_id)
                    .cloned()
                    .collect(),
                product_id: p.product_id,
                name: p.name,
                description: p.description,
            })
            .collect(),
    })
}

/// The offers a customer can still buy: those of products it has no
/// subscription to (one subscription per product). Prices only for callers
/// who may view pricing.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn customer_offers(ctx: &Ctx, customer_id: &str) -> AppResult<Vec<Offer>> {
    ctx.require(Capability::SubscriptionsManage)?;
    let mut conn = ctx.db.acquire().await?;
    require_customer(&mut conn, ctx.org_id(), customer_id).await?;
    let rows: Vec<OfferRow> = sqlx::query_as(&format!(
        "select {OFFER_COLUMNS} from offer o join product p on p.product_id = o.product_id
          where not exists (select 1 from subscription s where s.customer_id = $1 and lower(s.product) = lower(p.name))
          order by {OFFER_ORDER}"
    ))
    .bind(customer_id)
    .fetch_all(&mut *conn)
    .await?;
    let priced = ctx.me.can(Capability::PricingView);
    Ok(rows.into_iter().map(|o| o.into_offer(priced)).collect())
}

/// One offer, priced.
pub(crate) async fn load_offer(
    conn: &mut AnyConnection,
    offer_id: &str,
) -> AppResult<Option<Offer>> {
    let row: Option<OfferRow> = sqlx::query_as(&format!(
        "select {OFFER_COLUMNS} from offer o join product p on p.product_id = o.product_id
          where o.offer_id = $1"
    ))
    .bind(offer_id)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|r| r.into_offer(true)))
}

/// Buys an offer for a customer: a subscription to its product with `seats`
/// (within the offer's bounds) that records the offer, and its activity
/// entry, in one unit of work. A product the customer has already is a
/// conflict (change that subscription's seats instead).
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn buy(ctx: &Ctx, customer_id: &str, purchase: &NewPurchase) -> AppResult<Subscription> {
    ctx.require(Capability::SubscriptionsManage)?;
    let mut work = Work::begin(&ctx.db, &ctx.actor).await?;
    require_customer(work.conn(), ctx.org_id(), customer_id).await?;
    let offer = load_offer(work.conn(), purchase.offer_id.trim())
        .await?
        .ok_or_else(|| {
            AppError::invalid(
                "offer_id",
                crate::msg!("pricing-choose-an-offer-customer-can-buy"),
            )
        })?;
    if let Some(problem) = seats_problem(&offer, purchase.seats) {
        return Err(AppError::invalid("seats", problem));
    }
    let bought = crate::subscriptions::service::insert(
        &mut work,
        ctx.org_id(),
        customer_id,
        &offer.product,
        purchase.seats,
        Some(&offer.offer_id),
    )
    .await
    .map_err(|e| match e {
        // The unique index on (customer, product) answers; the form's field
        // is the offer.
        AppError::Conflict { field, .. } if field == "product" => AppError::Conflict {
            field: "offer_id".into(),
            message: crate::msg!("pricing-customer-already-has", product = offer.product),
        },
        other => other,
    })?;
    work.commit().await?;
    Ok(bought)
}
