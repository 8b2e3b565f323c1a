//! Pricing, buying offers and invoices: seat bounds, one subscription per
//! product, prices hidden from those who may not view pricing, invoice lines
//! and totals, issuing once per month, and a Helpdesk agent reading only
//! one customer's lines.

use crate::helpers::{spawn_app, TestApp};
use app::access::{Identity, Role, RoleSet};
use app::billing::{service as billing, Month};
use app::error::AppError;
use app::pricing::{service as pricing, NewPurchase, PricingQuery, Term};
use app::request::Ctx;
use http::StatusCode;
use serde_json::{json, Value};

/// A context for a user of `org_id` holding `role`.
fn ctx_as(app: &TestApp, org_id: &str, role: Role) -> Ctx {
    let mut roles = RoleSet::default();
    match role.kind() {
        app::access::RoleKind::Agent => roles.agent = Some(role),
        app::access::RoleKind::Admin => roles.admin = Some(role),
        app::access::RoleKind::Incentives => roles.incentives = Some(role),
    }
    let me = Identity::new(
        format!("user-{}", role.key()),
        org_id.into(),
        "Billing Partners".into(),
        format!("Demo {}", role.label()),
        format!("{}@billing.example", role.key()),
        roles,
        false,
    );
    Ctx::for_identity(&app.db, me)
}

async fn customer(ctx: &Ctx, name: &str, domain: &str) -> String {
    app::customers::service::create(
        ctx,
        &app::customers::NewCustomer {
            details: app::customers::CustomerDetails {
                name: name.into(),
                ..Default::default()
            },
            domain: domain.into(),
        },
    )
    .await
    .expect("customer")
    .customer_id
}

/// A new organization's Admin agent and its customer Fabrikam's id.
async fn admin_and_fabrikam(app: &TestApp) -> (Ctx, String) {
    let org = app::orgs::service::create(&app.db, "Billing Partners")
        .await
        .expect("org");
    let admin = ctx_as(app, &org, Role::AdminAgent);
    let fabrikam = customer(&admin, "Fabrikam", "fabrikam.example").await;
    (admin, fabrikam)
}

fn purchase(offer_id: &str, seats: i64) -> NewPurchase {
    NewPurchase {
        offer_id: offer_id.into(),
        seats,
    }
}

fn last_month() -> String {
    Month::of_millis(app::db::now_millis())
        .previous()
        .to_string()
}

fn status<T: std::fmt::Debug>(result: Result<T, AppError>) -> StatusCode {
    result.expect_err("refused").status()
}

/// Buying: within the offer's seat bounds, a known offer, a product the
/// customer doesn't have; the subscription records its offer and the log
/// records the purchase; another organization's customer is not found.
#[tokio::test]
async fn an_offer_is_bought_within_its_bounds_once_per_product() {
    let app = spawn_app().await;
    let org = app::orgs::service::create(&app.db, "Billing Partners")
        .await
        .expect("org");
    let other = app::orgs::service::create(&app.db, "Other Partners")
        .await
        .expect("org");
    let admin = ctx_as(&app, &org, Role::AdminAgent);
    let fabrikam = customer(&admin, "Fabrikam", "fabrikam.example").await;
    let foreign = customer(
        &Ctx::operator(&app.db, &other),
        "Foreign",
        "foreign.example",
    )
    .await;

    let offers = pricing::customer_offers(&admin, &fabrikam)
        .await
        .expect("offers");
    assert_eq!(offers.len(), 16, "every offer of the price list");
    let e3_annual = offers
        .iter()
        .find(|o| o.offer_id == "m365-e3-annual")
        .expect("E3 annual");
    assert_eq!(
        (
            e3_annual.term,
            e3_annual.min_seats,
            e3_annual.unit_price_cents
        ),
        (Term::Annual, 5, Some(3600))
    );

    // Below and above the bounds, and an offer that doesn't exist: the
    // field is named and nothing is written.
    let few = pricing::buy(&admin, &fabrikam, &purchase("m365-e3-annual", 4))
        .await
        .expect_err("too few");
    assert_eq!(
        few.field("seats").as_deref(),
        Some("Microsoft 365 E3 — annual commitment takes 5 to 10,000 seats.")
    );
    let many = pricing::buy(&admin, &fabrikam, &purchase("m365-e3-annual", 10_001)).await;
    assert_eq!(status(many), StatusCode::UNPROCESSABLE_ENTITY);
    let unknown = pricing::buy(&admin, &fabrikam, &purchase("m365-e9-forever", 5))
        .await
        .expect_err("unknown offer");
    assert!(unknown.field("offer_id").is_some(), "{unknown:?}");
    let none: i64 = sqlx::query_scalar("select count(*) from subscription where customer_id = $1")
        .bind(&fabrikam)
        .fetch_one(&app.db)
        .await
        .expect("count");
    assert_eq!(none, 0);

    let bought = pricing::buy(&admin, &fabrikam, &purchase("m365-e3-annual", 5))
        .await
        .expect("bought");
    assert_eq!(
        (bought.product.as_str(), bought.seats),
        ("Microsoft 365 E3", 5)
    );
    let offer: Option<String> =
        sqlx::query_scalar("select offer_id from subscription where subscription_id = $1")
            .bind(&bought.subscription_id)
            .fetch_one(&app.db)
            .await
            .expect("offer");
    assert_eq!(offer.as_deref(), Some("m365-e3-annual"));
    let seats = app::subscriptions::service::list(&admin, &fabrikam)
        .await
        .expect("subscriptions");
    assert_eq!(seats.len(), 1);
    assert_eq!(seats[0].seats, 5);

    // The product is no longer offered, and buying it again (the other
    // term) is a conflict on the offer.
    let left = pricing::customer_offers(&admin, &fabrikam)
        .await
        .expect("offers");
    assert_eq!(left.len(), 14);
    assert!(left.iter().all(|o| o.product != "Microsoft 365 E3"));
    let again = pricing::buy(&admin, &fabrikam, &purchase("m365-e3-monthly", 3))
        .await
        .expect_err("already subscribed");
    assert_eq!(again.status(), StatusCode::CONFLICT);
    assert!(
        again
            .field("offer_id")
            .is_some_and(|m| m.contains("already has Microsoft 365 E3")),
        "{again:?}"
    );

    // Another organization's customer: not found, for the list and the purchase.
    assert_eq!(
        status(pricing::customer_offers(&admin, &foreign).await),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        status(pricing::buy(&admin, &foreign, &purchase("m365-e3-monthly", 3)).await),
        StatusCode::NOT_FOUND
    );

    // One entry, naming the offer, in the same unit of work.
    let changes: Vec<String> = sqlx::query_scalar(
        "select changes from activity where org_id = $1 and operation = 'subscription-created'",
    )
    .bind(&org)
    .fetch_all(&app.db)
    .await
    .expect("activity");
    assert_eq!(changes.len(), 1);
    assert!(changes[0].contains("m365-e3-annual"), "{}", changes[0]);
}

/// A Sales agent buys but sees no price (the offers carry none, the price
/// list is refused); a Helpdesk agent can do neither; on the wire too.
#[tokio::test]
async fn prices_are_hidden_from_a_sales_agent_who_can_still_buy() {
    let app = spawn_app().await;
    let org = app::orgs::service::create(&app.db, "Billing Partners")
        .await
        .expect("org");
    let sales = ctx_as(&app, &org, Role::SalesAgent);
    let fabrikam = customer(&sales, "Fabrikam", "fabrikam.example").await;

    let offers = pricing::customer_offers(&sales, &fabrikam)
        .await
        .expect("offers");
    assert!(!offers.is_empty());
    assert!(offers.iter().all(|o| o.unit_price_cents.is_none()));
    assert_eq!(
        status(pricing::price_list(&sales, &PricingQuery::default()).await),
        StatusCode::FORBIDDEN
    );
    pricing::buy(&sales, &fabrikam, &purchase("teams-essentials-monthly", 12))
        .await
        .expect("a Sales agent buys");

    let helpdesk = ctx_as(&app, &org, Role::HelpdeskAgent);
    assert_eq!(
        status(pricing::customer_offers(&helpdesk, &fabrikam).await),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        status(pricing::buy(&helpdesk, &fabrikam, &purchase("m365-e5-monthly", 1)).await),
        StatusCode::FORBIDDEN
    );

    // The same over the wire: a signed-in Sales agent gets offers with a
    // null price; a Billing admin reads the searched price list.
    let person = app
        .add_user(
            &org,
            "Sam Sales",
            RoleSet {
                agent: Some(Role::SalesAgent),
                ..RoleSet::default()
            },
        )
        .await;
    let cookie = app.session_for(&person.user_id, &org).await;
    let (code, body) = app
        .call_as(
            "/api/pricing/customer-offers",
            Some(&cookie),
            &json!({"customer_id": fabrikam}),
        )
        .await;
    assert_eq!(code, StatusCode::OK, "{body}");
    let offers: Value = serde_json::from_str(&body).expect("json");
    let first = &offers.as_array().expect("list")[0];
    assert_eq!(first["unit_price_cents"], Value::Null, "{first}");
    let billing_admin = app
        .add_user(
            &org,
            "Bea Billing",
            RoleSet {
                admin: Some(Role::BillingAdmin),
                ..RoleSet::default()
            },
        )
        .await;
    let cookie = app.session_for(&billing_admin.user_id, &org).await;
    let (code, body) = app
        .call_as(
            "/api/pricing/list",
            Some(&cookie),
            &json!({"query": {"search": "EXCHANGE"}}),
        )
        .await;
    assert_eq!(code, StatusCode::OK, "{body}");
    let list: Value = serde_json::from_str(&body).expect("json");
    let names: Vec<&str> = list["products"]
        .as_array()
        .expect("products")
        .iter()
        .filter_map(|p| p["name"].as_str())
        .collect();
    assert_eq!(
        names,
        ["Exchange Online (Plan 1)", "Exchange Online (Plan 2)"]
    );
    assert_eq!(list["products"][0]["offers"][0]["term"], json!("monthly"));
    assert_eq!(
        list["products"][0]["offers"][0]["unit_price_cents"],
        json!(480)
    );
}

/// An invoice has a line per subscription with seats, at the price of its
/// offer (or its product's monthly price), with names as they were; a
/// product not on the price list is counted, not billed; issuing the month
/// again, or twice at once, leaves one invoice; a month not over is refused.
#[tokio::test]
async fn an_invoice_bills_each_subscription_once_per_month() {
    let app = spawn_app().await;
    let org = app::orgs::service::create(&app.db, "Billing Partners")
        .await
        .expect("org");
    let admin = ctx_as(&app, &org, Role::AdminAgent);
    let fabrikam = customer(&admin, "Fabrikam", "fabrikam.example").await;
    let evil = customer(&admin, "=cmd|' /C calc'!A0", "evil.example").await;
    let subs = |c: String, product: &'static str, seats: i64| {
        let admin = admin.clone();
        async move {
            app::subscriptions::service::create(&admin, &c, product, seats)
                .await
                .expect("subscription")
        }
    };
    // By product name: billed at the monthly price.
    subs(fabrikam.clone(), "Microsoft 365 E3", 10).await;
    // No seats: no line. Not on the price list: not billed, counted.
    subs(fabrikam.clone(), "Microsoft 365 E5", 0).await;
    subs(evil.clone(), "Homegrown Suite", 7).await;
    pricing::buy(&admin, &fabrikam, &purchase("exchange-online-1-annual", 5))
        .await
        .expect("bought");
    pricing::buy(&admin, &evil, &purchase("teams-essentials-monthly", 2))
        .await
        .expect("bought");

    let month = last_month();
    // Twice at once (two replicas): one invoice, both answers name it.
    let (a, b) = tokio::join!(
        billing::issue(&admin, &month),
        billing::issue(&admin, &month)
    );
    let (a, b) = (a.expect("first"), b.expect("second"));
    assert_eq!(a.invoice.invoice_id, b.invoice.invoice_id);
    assert_eq!(
        [a.created, b.created].iter().filter(|c| **c).count(),
        1,
        "exactly one call issued it"
    );
    let invoice = billing::get(&admin, &a.invoice.invoice_id)
        .await
        .expect("invoice");
    let s = &invoice.summary;
    assert_eq!(s.month, month);
    assert_eq!((s.lines, s.customers, s.unbilled_subscriptions), (3, 2, 1));
    // 10 × 43.20 + 5 × 4.00 + 2 × 4.80
    assert_eq!(s.total_cents, 43_200 + 2_000 + 960);
    let lines: Vec<(&str, &str, Term, i64, i64, i64)> = invoice
        .lines
        .iter()
        .map(|l| {
            (
                l.customer_name.as_str(),
                l.product.as_str(),
                l.term,
                l.seats,
                l.unit_price_cents,
                l.amount_cents,
            )
        })
        .collect();
    assert_eq!(
        lines,
        [
            (
                "=cmd|' /C calc'!A0",
                "Microsoft Teams Essentials",
                Term::Monthly,
                2,
                480,
                960
            ),
            (
                "Fabrikam",
                "Exchange Online (Plan 1)",
                Term::Annual,
                5,
                400,
                2_000
            ),
            (
                "Fabrikam",
                "Microsoft 365 E3",
                Term::Monthly,
                10,
                4_320,
                43_200
            ),
        ]
    );

    // Issued: later changes don't touch it, and issuing again returns it.
    app::customers::service::update_details(
        &admin,
        &fabrikam,
        1,
        &app::customers::CustomerDetails {
            name: "Fabrikam Renamed".into(),
            ..Default::default()
        },
    )
    .await
    .expect("rename");
    let again = billing::issue(&admin, &month).await.expect("again");
    assert!(!again.created);
    assert_eq!(again.invoice, invoice.summary);
    let reread = billing::get(&admin, &s.invoice_id).await.expect("invoice");
    assert!(reread.lines.iter().any(|l| l.customer_name == "Fabrikam"));
    let (invoices, issued): (i64, i64) = sqlx::query_as(
        "select (select count(*) from invoice where org_id = $1),
                (select count(*) from activity where org_id = $1 and operation = 'invoice-issued')",
    )
    .bind(&org)
    .fetch_one(&app.db)
    .await
    .expect("counts");
    assert_eq!((invoices, issued), (1, 1));
    assert_eq!(billing::list(&admin).await.expect("list").len(), 1);

    // The CSV: a row per line, a formula defused.
    let csv = billing::export_csv(&admin, &s.invoice_id)
        .await
        .expect("csv");
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows.len(), 4, "{csv}");
    assert!(
        rows[1].starts_with(&format!("{month},'=cmd|' /C calc'!A0,")),
        "{csv}"
    );
    assert!(rows[3].ends_with(",Monthly,10,43.20,432.00"), "{csv}");

    // Months not over yet, and no month at all, are refused by name.
    let this_month = Month::of_millis(app::db::now_millis()).to_string();
    let early = billing::issue(&admin, &this_month)
        .await
        .expect_err("not over");
    assert!(
        early
            .field("month")
            .is_some_and(|m| m.contains("isn't over yet")),
        "{early:?}"
    );
    assert_eq!(
        status(billing::issue(&admin, "2026-13").await),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    // Another organization's invoice is not found.
    let other = app::orgs::service::create(&app.db, "Other Partners")
        .await
        .expect("org");
    let outsider = ctx_as(&app, &other, Role::BillingAdmin);
    assert_eq!(
        status(billing::get(&outsider, &s.invoice_id).await),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        status(billing::export_csv(&outsider, &s.invoice_id).await),
        StatusCode::NOT_FOUND
    );
}

/// A Helpdesk agent reads one customer's lines (and nothing of another
/// customer's), but no invoice, and buys nothing; a Billing admin reads
/// every invoice.
#[tokio::test]
async fn a_helpdesk_agent_sees_only_the_customers_lines() {
    let app = spawn_app().await;
    let org = app::orgs::service::create(&app.db, "Billing Partners")
        .await
        .expect("org");
    let admin = ctx_as(&app, &org, Role::AdminAgent);
    let fabrikam = customer(&admin, "Fabrikam", "fabrikam.example").await;
    let northwind = customer(&admin, "Northwind", "northwind.example").await;
    pricing::buy(
        &admin,
        &fabrikam,
        &purchase("m365-business-basic-annual", 3),
    )
    .await
    .expect("bought");
    pricing::buy(&admin, &northwind, &purchase("m365-e5-monthly", 2))
        .await
        .expect("bought");
    let last = Month::of_millis(app::db::now_millis()).previous();
    billing::issue(&admin, &last.previous().to_string())
        .await
        .expect("issued");
    pricing::buy(&admin, &fabrikam, &purchase("teams-essentials-annual", 4))
        .await
        .expect("bought");
    billing::issue(&admin, &last.to_string())
        .await
        .expect("issued");

    let helpdesk = ctx_as(&app, &org, Role::HelpdeskAgent);
    let seen = billing::customer_invoices(&helpdesk, &fabrikam)
        .await
        .expect("lines");
    let months: Vec<&str> = seen.iter().map(|i| i.month.as_str()).collect();
    assert_eq!(months, [last.to_string(), last.previous().to_string()]);
    assert_eq!(seen[0].lines.len(), 2);
    assert_eq!(seen[0].total_cents, 3 * 600 + 4 * 400);
    assert_eq!(seen[1].lines.len(), 1);
    assert!(seen
        .iter()
        .flat_map(|i| &i.lines)
        .all(|l| l.customer_id == fabrikam && l.customer_name == "Fabrikam"));
    assert_eq!(
        status(billing::list(&helpdesk).await),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        status(billing::get(&helpdesk, &seen[0].invoice_id).await),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        status(billing::issue(&helpdesk, &last.to_string()).await),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        status(pricing::buy(&helpdesk, &fabrikam, &purchase("m365-e3-monthly", 1)).await),
        StatusCode::FORBIDDEN
    );
    // Another organization's customer: not found.
    let other = app::orgs::service::create(&app.db, "Other Partners")
        .await
        .expect("org");
    let outsider = ctx_as(&app, &other, Role::HelpdeskAgent);
    assert_eq!(
        status(billing::customer_invoices(&outsider, &fabrikam).await),
        StatusCode::NOT_FOUND
    );
    // A Sales agent has no invoices at all.
    let sales = ctx_as(&app, &org, Role::SalesAgent);
    assert_eq!(
        status(billing::customer_invoices(&sales, &fabrikam).await),
        StatusCode::FORBIDDEN
    );

    let billing_admin = ctx_as(&app, &org, Role::BillingAdmin);
    let all = billing::list(&billing_admin).await.expect("invoices");
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].month, last.to_string());
    assert_eq!(all[0].total_cents, 3 * 600 + 4 * 400 + 2 * 6840);
}

/// The server's monthly run issues the month's invoice of each organization
/// that existed before the month ended, once.
#[tokio::test]
async fn the_monthly_run_issues_missing_invoices_once() {
    let app = spawn_app().await;
    let old = app::orgs::service::create(&app.db, "Old Partners")
        .await
        .expect("org");
    app::orgs::service::create(&app.db, "New Partners")
        .await
        .expect("org");
    sqlx::query("update organization set created_at = 0 where org_id = $1")
        .bind(&old)
        .execute(&app.db)
        .await
        .expect("age");
    let month = Month::of_millis(app::db::now_millis()).previous();
    let done = billing::issue_missing(&app.db, month).await.expect("run");
    let names: Vec<(&str, bool)> = done
        .iter()
        .map(|(name, i)| (name.as_str(), i.as_ref().is_ok_and(|i| i.created)))
        .collect();
    assert_eq!(names, [("Old Partners", true)]);
    assert!(billing::issue_missing(&app.db, month)
        .await
        .expect("again")
        .is_empty());
}

/// One subscription per product whatever the case of its name: a product
/// of the price list typed in another case is stored (and billed) under
/// the list's name, a second one in any case is a conflict on `product`
/// and its offers are no longer offered; a name off the list is one
/// product in any case too; and a subscription stored earlier in another
/// case is still billed at its product's price.
#[tokio::test]
async fn a_product_is_one_subscription_and_billed_whatever_the_case() {
    use app::subscriptions::service as subscriptions;
    let app = spawn_app().await;
    let (admin, fabrikam) = admin_and_fabrikam(&app).await;

    let typed = subscriptions::create(&admin, &fabrikam, "microsoft 365 e3", 10)
        .await
        .expect("by name, in lower case");
    assert_eq!(typed.product, "Microsoft 365 E3", "the price list's name");
    for again in ["MICROSOFT 365 E3", "Microsoft 365 E3"] {
        let e = subscriptions::create(&admin, &fabrikam, again, 1)
            .await
            .expect_err("a second subscription to the product");
        assert_eq!(e.status(), StatusCode::CONFLICT, "{again}");
        assert_eq!(
            e.field("product").as_deref(),
            Some("This customer already has Microsoft 365 E3; change that subscription's seats instead."),
        );
    }
    let offers = pricing::customer_offers(&admin, &fabrikam)
        .await
        .expect("offers");
    assert_eq!(offers.len(), 14, "E3's two offers are gone: {offers:?}");
    assert!(offers.iter().all(|o| o.product != "Microsoft 365 E3"));
    let bought = pricing::buy(&admin, &fabrikam, &purchase("m365-e3-monthly", 5))
        .await
        .expect_err("the product is held");
    assert_eq!(bought.status(), StatusCode::CONFLICT);
    assert!(bought.field("offer_id").is_some(), "{bought:?}");

    subscriptions::create(&admin, &fabrikam, "Homegrown Suite", 3)
        .await
        .expect("off the list");
    let e = subscriptions::create(&admin, &fabrikam, "homegrown suite", 3)
        .await
        .expect_err("the same name in another case");
    assert_eq!(e.status(), StatusCode::CONFLICT);
    let held = app::subscriptions::service::list(&admin, &fabrikam)
        .await
        .expect("list");
    let names: Vec<&str> = held.iter().map(|s| s.product.as_str()).collect();
    assert_eq!(names, ["Homegrown Suite", "Microsoft 365 E3"]);

    // Stored in another case before names were stored as the list spells
    // them: billed at the product's monthly price all the same.
    let contoso = customer(&admin, "Contoso", "contoso.example").await;
    sqlx::query(
        "insert into subscription (subscription_id, org_id, customer_id, product, seats, created_at)
         values ('sub-older', $1, $2, 'microsoft 365 e5', 2, 1)",
    )
    .bind(admin.org_id())
    .bind(&contoso)
    .execute(&app.db)
    .await
    .expect("an older subscription");
    let issued = billing::issue(&admin, &last_month()).await.expect("issued");
    let invoice = billing::get(&admin, &issued.invoice.invoice_id)
        .await
        .expect("invoice");
    let s = &invoice.summary;
    assert_eq!((s.lines, s.unbilled_subscriptions), (2, 1), "{s:?}");
    assert_eq!(s.total_cents, 10 * 4_320 + 2 * 6_840);
}

/// A subscription bought on an offer keeps the offer's seat bounds when
/// its seats change later (0, the end of its billing, still goes); one
/// added by name has only the general bounds.
#[tokio::test]
async fn seats_changed_later_stay_within_the_offer_bought() {
    use app::subscriptions::service as subscriptions;
    let app = spawn_app().await;
    let (admin, fabrikam) = admin_and_fabrikam(&app).await;
    let bought = pricing::buy(&admin, &fabrikam, &purchase("m365-e3-annual", 5))
        .await
        .expect("bought");
    let e = subscriptions::set_seats(&admin, &bought.subscription_id, bought.version, 1)
        .await
        .expect_err("under the offer's 5");
    assert_eq!(e.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let message = e.field("seats").unwrap_or_default();
    assert!(message.contains("Microsoft 365 E3"), "{message}");
    let zero = subscriptions::set_seats(&admin, &bought.subscription_id, bought.version, 0)
        .await
        .expect("0 ends it");
    let six = subscriptions::set_seats(&admin, &bought.subscription_id, zero.version, 6)
        .await
        .expect("within the bounds");
    assert_eq!(six.seats, 6);

    let named = subscriptions::create(&admin, &fabrikam, "Homegrown Suite", 3)
        .await
        .expect("by name");
    let one = subscriptions::set_seats(&admin, &named.subscription_id, named.version, 1)
        .await
        .expect("no offer, no offer bounds");
    assert_eq!(one.seats, 1);
}
