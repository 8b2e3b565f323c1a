//! Subscription rows: seats per product of a customer, and the seat counts
//! licences are checked against.

use super::Subscription;
use crate::access::Capability;
use crate::activity::service::{Target, Work};
use crate::activity::{FieldChange, Operation};
use crate::customers::service::{lock_customer, require_customer};
use crate::db::{new_id, now_millis};
use crate::error::{AppError, AppResult};
use crate::request::Ctx;
use sqlx::AnyConnection;

/// The customer's subscriptions with seats assigned.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn list(ctx: &Ctx, customer_id: &str) -> AppResult<Vec<Subscription>> {
    ctx.require(Capability::CustomersView)?;
    ctx.require_any(&[
        Capability::SubscriptionsView,
        Capability::CustomerUsersManage,
    ])?;
    let Ctx { db, me, .. } = ctx;
    let mut conn = db.acquire().await?;
    require_customer(&mut conn, &me.org_id, customer_id).await?;
    list_on(&mut conn, customer_id).await
}

/// [`list`] on a given connection (inside a unit of work): the seat
/// counts the licence changes check against.
pub async fn list_on(conn: &mut AnyConnection, customer_id: &str) -> AppResult<Vec<Subscription>> {
    #[derive(sqlx::FromRow)]
    struct Row {
        subscription_id: String,
        product: String,
        seats: i64,
        assigned: i64,
        version: i64,
    }
    let rows: Vec<Row> = sqlx::query_as(
        "select s.subscription_id, s.product, s.seats, s.version,
                (select count(*) from licence l where l.subscription_id = s.subscription_id and l.released = 0) as assigned
         from subscription s where s.customer_id = $1 order by s.product",
    )
    .bind(customer_id)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Subscription {
            subscription_id: r.subscription_id,
            product: r.product,
            seats: r.seats,
            assigned: r.assigned,
            version: r.version,
        })
        .collect())
}

/// Adds a subscription (product and seats) to a customer.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn create(
    ctx: &Ctx,
    customer_id: &str,
    product: &str,
    seats: i64,
) -> AppResult<Subscription> {
    ctx.require(Capability::SubscriptionsManage)?;
    let Ctx { db, me, actor, .. } = ctx;
    let product = product.trim();
    if product.is_empty() || product.chars().count() > 120 {
        return Err(AppError::invalid(
            "product",
            crate::msg!("subscriptions-enter-product"),
        ));
    }
    if !(0..=1_000_000).contains(&seats) {
        return Err(AppError::invalid(
            "seats",
            crate::msg!("subscriptions-enter-seats"),
        ));
    }
    let mut work = Work::begin(db, actor).await?;
    require_customer(work.conn(), &me.org_id, customer_id).await?;
    let created = insert(&mut work, &me.org_id, customer_id, product, seats, None).await?;
    work.commit().await?;
    Ok(created)
}

/// Inserts a subscription of a customer already checked to be in `org_id`
/// (as [`create`] and buying an offer do), and records it in `work`: the
/// one path of every new subscription. `offer_id` names the offer it was
/// bought on, if any. A product of the price list is stored under the
/// list's name whatever the case it was typed in (so it is billed at its
/// price), and a second subscription to a product, in any case, is refused
/// (409 on `product`): checked under the customer's lock, so two at once
/// can't both pass, and by the unique index for the same spelling.
pub async fn insert(
    work: &mut Work,
    org_id: &str,
    customer_id: &str,
    product: &str,
    seats: i64,
    offer_id: Option<&str>,
) -> AppResult<Subscription> {
    lock_customer(work.conn(), org_id, customer_id).await?;
    let listed: Option<String> =
        sqlx::query_scalar("select name from product where lower(name) = lower($1)")
            .bind(product)
            .fetch_optional(work.conn())
            .await?;
    let product = listed.as_deref().unwrap_or(product);
    let held: Option<String> = sqlx::query_scalar(
        "select product from subscription where customer_id = $1 and lower(product) = lower($2)",
    )
    .bind(customer_id)
    .bind(product)
    .fetch_optional(work.conn())
    .await?;
    if let Some(held) = held {
        return Err(AppError::Conflict {
            field: "product".into(),
            message: crate::msg!("subscriptions-customer-already-has", product = held),
        });
    }
    let id = new_id();
    sqlx::query(
        "insert into subscription (subscription_id, org_id, customer_id, product, seats, offer_id, created_at)
         values ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&id)
    .bind(org_id)
    .bind(customer_id)
    .bind(product)
    .bind(seats)
    .bind(offer_id)
    .bind(now_millis())
    .execute(work.conn())
    .await?;
    let mut changes = vec![
        FieldChange::new("product", None, Some(product.into())),
        FieldChange::new("seats", None, Some(seats.to_string())),
    ];
    if let Some(offer_id) = offer_id {
        changes.push(FieldChange::new("offer", None, Some(offer_id.into())));
    }
    work.record(
        Operation::SubscriptionCreated,
        Target::subscription(customer_id, &id, product),
        changes,
    );
    Ok(Subscription {
        subscription_id: id,
        product: product.into(),
        seats,
        assigned: 0,
        version: 1,
    })
}

/// Changes a subscription's seats, if it is still at `version`; never below
/// the seats in use, and within the bounds of the offer it was bought on
/// (or 0).
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn set_seats(
    ctx: &Ctx,
    subscription_id: &str,
    version: i64,
    seats: i64,
) -> AppResult<Subscription> {
    ctx.require(Capability::SubscriptionsManage)?;
    let Ctx { db, me, actor, .. } = ctx;
    if !(0..=1_000_000).contains(&seats) {
        return Err(AppError::invalid(
            "seats",
            crate::msg!("subscriptions-enter-seats"),
        ));
    }
    let mut work = Work::begin(db, actor).await?;
    let customer_id: Option<String> = sqlx::query_scalar(
        "select customer_id from subscription where subscription_id = $1 and org_id = $2",
    )
    .bind(subscription_id)
    .bind(&me.org_id)
    .fetch_optional(work.conn())
    .await?;
    let customer_id = customer_id
        .ok_or_else(|| AppError::not_found(crate::msg!("subscriptions-the-subscription")))?;
    // Seats are read again under the customer's lock (see `lock_customer`).
    lock_customer(work.conn(), &me.org_id, &customer_id).await?;
    let (product, before, current, offer_id): (String, i64, i64, Option<String>) = sqlx::query_as(
        "select product, seats, version, offer_id from subscription where subscription_id = $1",
    )
    .bind(subscription_id)
    .fetch_one(work.conn())
    .await?;
    if current != version {
        return Err(AppError::stale(crate::key!("error-stale-subscription")));
    }
    // Bought on an offer: its seat bounds hold for later changes too (0
    // still ends the subscription's billing).
    if let (Some(offer_id), true) = (offer_id, seats != 0) {
        let offer = crate::pricing::service::load_offer(work.conn(), &offer_id).await?;
        if let Some(problem) = offer.and_then(|o| crate::pricing::seats_problem(&o, seats)) {
            return Err(AppError::invalid("seats", problem));
        }
    }
    let assigned: i64 = sqlx::query_scalar(
        "select count(*) from licence where subscription_id = $1 and released = 0",
    )
    .bind(subscription_id)
    .fetch_one(work.conn())
    .await?;
    if seats < assigned {
        return Err(AppError::invalid(
            "seats",
            crate::msg!(
                "subscriptions-seats-assigned",
                assigned = assigned,
                product = product
            ),
        ));
    }
    sqlx::query(
        "update subscription set seats = $1, version = version + 1 where subscription_id = $2",
    )
    .bind(seats)
    .bind(subscription_id)
    .execute(work.conn())
    .await?;
    work.record(
        Operation::SubscriptionSeatsChanged,
        Target::subscription(&customer_id, subscription_id, &product),
        vec![FieldChange::new(
            "seats",
            Some(before.to_string()),
            Some(seats.to_string()),
        )],
    );
    work.commit().await?;
    Ok(Subscription {
        subscription_id: subscription_id.into(),
        product,
        seats,
        assigned,
        version: version + 1,
    })
}

/// The subscription `id` among a customer's `subs` (as [`list_on`] read
/// them); a licence naming another one is a field error on `licences`.
pub fn find_in<'a>(subs: &'a [Subscription], id: &str) -> AppResult<&'a Subscription> {
    subs.iter()
        .find(|s| s.subscription_id == id)
        .ok_or_else(|| AppError::invalid("licences", crate::msg!("subscriptions-choose-licences")))
}
