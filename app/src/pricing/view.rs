//! `/pricing` (the price list) and, on a customer's page, its subscriptions
//! with "Buy an offer".

use super::{amount, seats_problem, NewPurchase, Offer, PriceList, PricingQuery};
use crate::access::ui::use_identity;
use crate::access::Capability;
use crate::error::AppError;
use crate::subscriptions::SeatTable;
use crate::ui::{FieldError, FormError, Loaded, SearchBox, Table, TextField};
use leptos::prelude::*;

/// `/pricing`: every product with its offers, searchable, read only.
#[component]
pub fn PricingPage() -> impl IntoView {
    let search = RwSignal::new(String::new());
    // The search box resets a page; the price list has one.
    let page = RwSignal::new(0u32);
    let list = Resource::new(
        move || PricingQuery {
            search: search.get(),
        },
        super::get_price_list,
    );
    view! {
        <section class="card">
            <h1>{crate::tr!("pricing-title")}</h1>
            <p>{crate::tr!("pricing-intro")}</p>
            <div class="toolbar">
                <SearchBox id="pricing-search" label=crate::tr!("pricing-search-products") value=search page=page/>
            </div>
            <Loaded resource=list ok=|l| view! { <PriceTable list=l/> }/>
        </section>
    }
}

#[component]
fn PriceTable(list: PriceList) -> impl IntoView {
    if list.products.is_empty() {
        return view! { <p data-testid="no-products">{crate::tr!("pricing-no-product-matches")}</p> }.into_any();
    }
    let currency = list.currency.clone();
    view! {
        <p class="muted">{crate::tr!("pricing-prices-in", currency = currency)}</p>
        <div class="scroll" tabindex="0">
        <Table testid="price-list" columns=&[
                crate::key!("pricing-col-product"),
                crate::key!("pricing-col-offer"),
                crate::key!("pricing-col-price-per-seat-per-month"),
                crate::key!("pricing-col-seats"),
            ]>
            {list
                .products
                .into_iter()
                .map(|p| {
                    let rows = p.offers.len().max(1);
                    let name = p.name.clone();
                    let description = p.description.clone();
                    p.offers
                        .into_iter()
                        .enumerate()
                        .map(|(i, o)| {
                            let product = (i == 0)
                                .then(|| {
                                    view! {
                                        <th scope="rowgroup" rowspan=rows.to_string()>
                                            <strong>{name.clone()}</strong>
                                            <br/>
                                            <span class="muted">{description.clone()}</span>
                                        </th>
                                    }
                                });
                            view! {
                                <tr data-testid="offer-row">
                                    {product}
                                    <td>{o.term.name()}</td>
                                    <td>{o.unit_price_cents.map(amount).unwrap_or_default()}</td>
                                    <td>
                                        {crate::tr!(
                                            "pricing-seat-range",
                                            min = crate::i18n::number(o.min_seats),
                                            max = crate::i18n::number(o.max_seats)
                                        )}
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()
                })
                .collect_view()}
        </Table>
        </div>
    }
    .into_any()
}

/// A customer's subscriptions (for those who may see them) and, for
/// `SubscriptionsManage`, "Buy an offer" among the products it doesn't have
/// yet. Placed on the customer's page beside its editor, so its resources
/// are created with the page's.
#[component]
pub fn CustomerSubscriptions(customer_id: Signal<String>) -> impl IntoView {
    let me = use_identity();
    let can_view = me.can(Capability::CustomersView)
        && me.can_any(&[
            Capability::SubscriptionsView,
            Capability::CustomerUsersManage,
        ]);
    let can_buy = me.can(Capability::SubscriptionsManage);
    if !can_view && !can_buy {
        return ().into_any();
    }
    let bought = RwSignal::new(0u32);
    let notice = RwSignal::new(None::<String>);
    view! {
        <section class="card">
            <h2>{crate::tr!("pricing-subscriptions")}</h2>
            {can_view.then(|| view! { <Seats customer_id=customer_id bought=bought/> })}
            <p role="status" class="ok" data-testid="bought">{move || notice.get()}</p>
            {can_buy.then(|| view! { <BuyOffer customer_id=customer_id bought=bought notice=notice/> })}
        </section>
    }
    .into_any()
}

#[component]
fn Seats(customer_id: Signal<String>, bought: RwSignal<u32>) -> impl IntoView {
    let subs = Resource::new(
        move || (customer_id.get(), bought.get()),
        |(id, _)| crate::subscriptions::list_subscriptions(id),
    );
    view! { <Loaded resource=subs ok=|s| view! { <SeatTable subs=s/> }/> }
}

#[component]
fn BuyOffer(
    customer_id: Signal<String>,
    bought: RwSignal<u32>,
    notice: RwSignal<Option<String>>,
) -> impl IntoView {
    let offers = Resource::new(
        move || (customer_id.get(), bought.get()),
        |(id, _)| super::list_customer_offers(id),
    );
    view! {
        <h3>{crate::tr!("pricing-buy-an-offer")}</h3>
        <Loaded
            resource=offers
            ok=move |o| view! { <BuyForm offers=o customer_id=customer_id bought=bought notice=notice/> }
        />
    }
}

#[component]
fn BuyForm(
    offers: Vec<Offer>,
    customer_id: Signal<String>,
    bought: RwSignal<u32>,
    notice: RwSignal<Option<String>>,
) -> impl IntoView {
    if offers.is_empty() {
        return view! { <p class="muted">{crate::tr!("pricing-customer-has-every-product")}</p> }
            .into_any();
    }
    let offer_id = RwSignal::new(String::new());
    let seats = RwSignal::new(String::new());
    let error = RwSignal::new(None::<AppError>);
    let offers = StoredValue::new(offers);
    let chosen = move || {
        let wanted = offer_id.get();
        offers.with_value(|all| all.iter().find(|o| o.offer_id == wanted).cloned())
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(offer) = chosen() else {
            error.set(Some(AppError::invalid(
                "offer_id",
                crate::msg!("pricing-choose-an-offer-error"),
            )));
            return;
        };
        let count = match seats.get_untracked().trim().parse::<i64>() {
            Ok(n) => n,
            Err(_) => {
                error.set(Some(AppError::invalid(
                    "seats",
                    crate::msg!("pricing-enter-whole-seats"),
                )));
                return;
            }
        };
        if let Some(problem) = seats_problem(&offer, count) {
            error.set(Some(AppError::invalid("seats", problem)));
            return;
        }
        error.set(None);
        let purchase = NewPurchase {
            offer_id: offer.offer_id.clone(),
            seats: count,
        };
        leptos::task::spawn_local(async move {
            match super::buy_offer(customer_id.get_untracked(), purchase).await {
                Ok(s) => {
                    notice.set(Some(crate::tr!(
                        "pricing-bought",
                        seats = crate::i18n::number(s.seats),
                        product = s.product,
                        term = offer.term.name_in_sentence()
                    )));
                    bought.update(|n| *n += 1);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <form on:submit=submit novalidate>
            <label for="offer_id">{crate::tr!("pricing-offer")}</label>
            <select
                id="offer_id"
                prop:value=move || offer_id.get()
                on:change=move |ev| offer_id.set(event_target_value(&ev))
            >
                <option value="">{crate::tr!("pricing-choose-an-offer")}</option>
                {offers
                    .get_value()
                    .into_iter()
                    .map(|o| {
                        let label = match o.unit_price_cents {
                            Some(c) => crate::tr!(
                                "pricing-offer-with-price",
                                offer = o.name(),
                                price = amount(c)
                            ),
                            None => o.name(),
                        };
                        view! { <option value=o.offer_id>{label}</option> }
                    })
                    .collect_view()}
            </select>
            <FieldError error=error field="offer_id"/>
            <TextField id="seats" label=crate::tr!("pricing-seats") value=seats error=error kind="number"/>
            <p class="muted" data-testid="seat-bounds">
                {move || {
                    chosen()
                        .map(|o| {
                            crate::tr!(
                                "pricing-offer-takes",
                                min = crate::i18n::number(o.min_seats),
                                max = crate::i18n::number(o.max_seats)
                            )
                        })
                }}
            </p>
            <FormError error=error fields=&["offer_id", "seats"]/>
            <p>
                <button type="submit">{crate::tr!("pricing-buy")}</button>
            </p>
        </form>
    }
    .into_any()
}
