//! Customers, subscriptions, customer users and licences (SPEC §4).

use crate::helpers::{spawn_app, Caller, Fixture, TestApp};
use app::access::Role;
use http::StatusCode;
use serde_json::{json, Value};

fn by_role(fx: &Fixture, role: Role) -> Caller {
    fx.callers
        .iter()
        .find(|(r, _)| *r == Some(role))
        .expect("role")
        .1
        .clone()
}

async fn as_role(app: &TestApp, fx: &Fixture, role: Role) -> String {
    app.session_for(&by_role(fx, role).user_id, &fx.org_a).await
}

async fn ok(app: &TestApp, cookie: &str, path: &str, body: Value) -> Value {
    let (s, text) = app.call_as(path, Some(cookie), &body).await;
    assert!(s.is_success(), "{path}: {s} {text}");
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

#[tokio::test]
async fn assigning_beyond_seats_names_the_product_and_the_shortfall() {
    let app = spawn_app().await;
    let fx = app.fixture().await;
    let c = as_role(&app, &fx, Role::HelpdeskAgent).await;
    let cust = app.add_customer(&fx.org_a, "Tailspin").await;
    // 5 seats, 1 taken by the fixture's active user: 4 free.
    let mut ids = Vec::new();
    for i in 0..5 {
        let created = ok(
            &app,
            &c,
            "/api/customer-users/create",
            json!({"customer_id": cust.customer_id, "user": {"first_name": "U", "last_name": format!("{i}"),
                   "display_name": format!("User {i}"), "alias": format!("user{i}")}}),
        )
        .await;
        ids.push(
            created["user"]["customer_user_id"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
        );
    }
    let (s, body) = app
        .call_as(
            "/api/customer-users/licences",
            Some(&c),
            &json!({"change": {"customer_id": cust.customer_id, "user_ids": ids, "add": [cust.subscription_id]}}),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body.contains("customer-users-not-enough-seats") && body.contains("product=Suite"),
        "{body}"
    );
    // Nothing was assigned: all-or-nothing.
    let page = ok(
        &app,
        &c,
        "/api/customer-users/list",
        json!({"query": {"customer_id": cust.customer_id, "licence": "none"}}),
    )
    .await;
    assert_eq!(page["total"], 5);
    // Four fit.
    ok(
        &app,
        &c,
        "/api/customer-users/licences",
        json!({"change": {"customer_id": cust.customer_id, "user_ids": ids[..4], "add": [cust.subscription_id]}}),
    )
    .await;
    let subs = ok(
        &app,
        &c,
        "/api/subscriptions/list",
        json!({"customer_id": cust.customer_id}),
    )
    .await;
    assert_eq!(
        (subs[0]["seats"].as_i64(), subs[0]["assigned"].as_i64()),
        (Some(5), Some(5))
    );
}

#[tokio::test]
async fn delete_and_restore_bring_back_licences_where_seats_are_free() {
    let app = spawn_app().await;
    let fx = app.fixture().await;
    let c = as_role(&app, &fx, Role::SalesAgent).await;
    let cust = app.add_customer(&fx.org_a, "Litware").await;
    // Delete the active user (holding a Suite seat) …
    ok(
        &app,
        &c,
        "/api/customer-users/delete",
        json!({"customer_id": cust.customer_id, "user_ids": [cust.user_id]}),
    )
    .await;
    let page = ok(
        &app,
        &c,
        "/api/customer-users/list",
        json!({"query": {"customer_id": cust.customer_id}}),
    )
    .await;
    assert_eq!(page["total"], 0);
    assert_eq!(page["deleted_count"], 2);
    // On the deleted tab the licence filters see the licences the rows show
    // (those released with the user).
    let ids = |page: &Value| -> Vec<String> {
        page["users"]
            .as_array()
            .map(|u| {
                u.iter()
                    .filter_map(|u| u["customer_user_id"].as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default()
    };
    for (licence, holds) in [(cust.subscription_id.as_str(), true), ("none", false)] {
        let page = ok(
            &app,
            &c,
            "/api/customer-users/list",
            json!({"query": {"customer_id": cust.customer_id, "deleted": true, "licence": licence}}),
        )
        .await;
        assert_eq!(
            ids(&page).contains(&cust.user_id),
            holds,
            "{licence}: {page}"
        );
    }
    // … fill every seat with new users …
    for i in 0..5 {
        ok(
            &app,
            &c,
            "/api/customer-users/create",
            json!({"customer_id": cust.customer_id, "user": {"first_name": "F", "last_name": "F", "display_name": format!("Filler {i}"),
                   "alias": format!("filler{i}"), "licences": [cust.subscription_id]}}),
        )
        .await;
    }
    // … then free one seat: one of the two deleted users gets their licence back.
    let page = ok(
        &app,
        &c,
        "/api/customer-users/list",
        json!({"query": {"customer_id": cust.customer_id, "search": "filler 0"}}),
    )
    .await;
    let filler = page["users"][0]["customer_user_id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    ok(
        &app,
        &c,
        "/api/customer-users/licences",
        json!({"change": {"customer_id": cust.customer_id, "user_ids": [filler], "remove": [cust.subscription_id]}}),
    )
    .await;
    let outcome = ok(
        &app,
        &c,
        "/api/customer-users/restore",
        json!({"customer_id": cust.customer_id, "user_ids": [cust.user_id, cust.deleted_user_id]}),
    )
    .await;
    assert_eq!(outcome["restored"].as_array().map(Vec::len), Some(2));
    assert_eq!(
        outcome["licences_not_restored"],
        json!(["ben Customer: Suite"]),
        "{outcome}"
    );
    let page = ok(
        &app,
        &c,
        "/api/customer-users/list",
        json!({"query": {"customer_id": cust.customer_id, "search": "ann"}}),
    )
    .await;
    assert_eq!(page["users"][0]["licences"][0]["product"], "Suite");
    assert_eq!(page["deleted_count"], 0);
}

#[tokio::test]
async fn purge_removes_only_users_deleted_more_than_30_days_ago() {
    let app = spawn_app().await;
    let fx = app.fixture().await;
    let old = app.add_customer(&fx.org_a, "Old Deleted").await;
    let recent = app.add_customer(&fx.org_a, "Recent Deleted").await;
    let now = app::db::now_millis();
    sqlx::query("update customer_user set deleted_at = $1 where customer_user_id = $2")
        .bind(now - 31 * 86_400_000)
        .bind(&old.deleted_user_id)
        .execute(&app.db)
        .await
        .expect("age");
    // Two purges at once (two replicas' daily tasks): the user goes once,
    // with one entry.
    let (a, b) = tokio::join!(
        app::customer_users::service::purge_expired(&app.db, now),
        app::customer_users::service::purge_expired(&app.db, now)
    );
    assert_eq!(a.expect("purge") + b.expect("purge"), 1);
    let left: i64 =
        sqlx::query_scalar("select count(*) from customer_user where customer_user_id in ($1, $2)")
            .bind(&old.deleted_user_id)
            .bind(&recent.deleted_user_id)
            .fetch_one(&app.db)
            .await
            .expect("count");
    assert_eq!(left, 1);
    let entry: i64 = sqlx::query_scalar(
        "select count(*) from activity where operation = 'customer-user-purged'",
    )
    .fetch_one(&app.db)
    .await
    .expect("entry");
    assert_eq!(entry, 1);
}

#[tokio::test]
async fn helpdesk_sees_no_billing_and_changes_are_recorded() {
    let app = spawn_app().await;
    let fx = app.fixture().await;
    let cust = app.add_customer(&fx.org_a, "Proseware").await;
    let h = as_role(&app, &fx, Role::HelpdeskAgent).await;
    let got = ok(
        &app,
        &h,
        "/api/customers/get",
        json!({"customer_id": cust.customer_id}),
    )
    .await;
    assert!(got["billing"].is_null());
    assert_eq!(got["actions"]["can_edit_billing"], false);
    assert_eq!(got["actions"]["can_edit_details"], true);
    ok(
        &app,
        &h,
        "/api/customers/update",
        json!({"customer_id": cust.customer_id, "version": 1, "details": {"name": "Proseware Inc", "phone": "+33 1 23"}}),
    )
    .await;
    let a = as_role(&app, &fx, Role::AdminAgent).await;
    let got = ok(
        &app,
        &a,
        "/api/customers/get",
        json!({"customer_id": cust.customer_id}),
    )
    .await;
    assert_eq!(got["billing"]["tax_id"], "");
    let (s, _) = app
        .call_as(
            "/api/customers/billing",
            Some(&a),
            &json!({"customer_id": cust.customer_id, "version": 1, "billing": {}}),
        )
        .await;
    assert_eq!(
        s,
        StatusCode::CONFLICT,
        "stale version after the helpdesk edit"
    );
    let ops: Vec<(String, String)> = sqlx::query_as(
        "select operation, changes from activity where customer_id = $1 and operation = 'customer-updated'",
    )
    .bind(&cust.customer_id)
    .fetch_all(&app.db)
    .await
    .expect("activity");
    assert_eq!(ops.len(), 1);
    assert!(ops[0].1.contains("Proseware Inc"), "{}", ops[0].1);
}

#[tokio::test]
async fn agreement_acceptance_is_recorded_and_hidden_from_helpdesk() {
    let app = spawn_app().await;
    let fx = app.fixture().await;
    let cust = app.add_customer(&fx.org_a, "Agreeable").await;
    let s = as_role(&app, &fx, Role::SalesAgent).await;
    let (status, body) = app
        .call_as(
            "/api/customers/record-agreement",
            Some(&s),
            &json!({"customer_id": cust.customer_id, "version": 1, "accepted_on": "2026-02-30"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("accepted_on"), "{body}");
    let got = ok(
        &app,
        &s,
        "/api/customers/record-agreement",
        json!({"customer_id": cust.customer_id, "version": 1, "accepted_on": "2026-01-15"}),
    )
    .await;
    assert_eq!(
        got["agreement_accepted_at"].as_i64(),
        app::time::parse_date("2026-01-15")
    );
    let h = as_role(&app, &fx, Role::HelpdeskAgent).await;
    let got = ok(
        &app,
        &h,
        "/api/customers/get",
        json!({"customer_id": cust.customer_id}),
    )
    .await;
    assert!(
        got["agreement_accepted_at"].is_null(),
        "Helpdesk agents may not view the agreement"
    );
    let entry: String = sqlx::query_scalar(
        "select changes from activity where operation = 'agreement-recorded' and customer_id = $1",
    )
    .bind(&cust.customer_id)
    .fetch_one(&app.db)
    .await
    .expect("entry");
    assert!(entry.contains("2026-01-15"), "{entry}");
}

#[tokio::test]
async fn create_refuses_a_licence_without_a_free_seat_and_writes_nothing() {
    let app = spawn_app().await;
    let fx = app.fixture().await;
    let c = as_role(&app, &fx, Role::SalesAgent).await;
    let cust = app.add_customer(&fx.org_a, "Fourth Coffee").await;
    let user = |alias: &str, licences: Value| {
        json!({"customer_id": cust.customer_id, "user": {"first_name": "F", "last_name": "F",
               "display_name": format!("Seat {alias}"), "alias": alias, "admin_role": "billing",
               "licences": licences}})
    };
    // 5 seats, 1 taken by the fixture's active user: 4 free.
    for i in 0..4 {
        let created = ok(
            &app,
            &c,
            "/api/customer-users/create",
            user(&format!("seat{i}"), json!([cust.subscription_id])),
        )
        .await;
        assert_eq!(created["user"]["licences"][0]["product"], "Suite");
        assert_eq!(created["user"]["admin_role"], "billing");
    }
    let (s, body) = app
        .call_as(
            "/api/customer-users/create",
            Some(&c),
            &user("seat4", json!([cust.subscription_id])),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body.contains("customer-users-not-enough-seats") && body.contains("product=Suite"),
        "{body}"
    );
    for (licences, expected) in [
        (
            json!(["no-such-subscription"]),
            "subscriptions-choose-licences",
        ),
        (
            json!([cust.subscription_id, cust.subscription_id]),
            "customer-users-licence-once",
        ),
    ] {
        let (s, body) = app
            .call_as(
                "/api/customer-users/create",
                Some(&c),
                &user("seat4", licences),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(body.contains(expected), "{body}");
    }
    let page = ok(
        &app,
        &c,
        "/api/customer-users/list",
        json!({"query": {"customer_id": cust.customer_id, "search": "seat4"}}),
    )
    .await;
    assert_eq!(page["total"], 0, "a refused user is not written");
    // Without a licence the same user is created; a taken user name is a conflict.
    ok(
        &app,
        &c,
        "/api/customer-users/create",
        user("seat4", json!([])),
    )
    .await;
    let (s, _) = app
        .call_as(
            "/api/customer-users/create",
            Some(&c),
            &user("SEAT4", json!([])),
        )
        .await;
    assert_eq!(s, StatusCode::CONFLICT);
}

/// Unfiltered totals of a customer's users come from the counts the database
/// keeps (triggers on `customer_user`); they must equal the rows counted one
/// by one (a search matching every user name counts them), after creating,
/// deleting, restoring and purging.
#[tokio::test]
async fn the_kept_customer_user_counts_match_the_rows() {
    let app = spawn_app().await;
    let fx = app.fixture().await;
    let c = as_role(&app, &fx, Role::SalesAgent).await;
    let cust = app.add_customer(&fx.org_a, "Counted").await;
    let other = app.add_customer(&fx.org_a, "Counted Too").await;
    for i in 0..3 {
        ok(
            &app,
            &c,
            "/api/customer-users/create",
            json!({"customer_id": cust.customer_id, "user": {"first_name": "E", "last_name": "E",
                   "display_name": format!("Extra {i}"), "alias": format!("extra{i}"), "licences": []}}),
        )
        .await;
    }
    ok(
        &app,
        &c,
        "/api/customer-users/delete",
        json!({"customer_id": cust.customer_id, "user_ids": [cust.user_id]}),
    )
    .await;
    ok(
        &app,
        &c,
        "/api/customer-users/restore",
        json!({"customer_id": cust.customer_id, "user_ids": [cust.deleted_user_id]}),
    )
    .await;
    let now = app::db::now_millis();
    sqlx::query("update customer_user set deleted_at = $1 where customer_user_id = $2")
        .bind(now - 31 * 86_400_000)
        .bind(&other.deleted_user_id)
        .execute(&app.db)
        .await
        .expect("age");
    let purged = app::customer_users::service::purge_expired(&app.db, now)
        .await
        .expect("purge");
    assert_eq!(purged, 1);

    for customer in [&cust.customer_id, &other.customer_id] {
        for deleted in [false, true] {
            let kept = ok(
                &app,
                &c,
                "/api/customer-users/list",
                json!({"query": {"customer_id": customer, "deleted": deleted}}),
            )
            .await;
            let counted = ok(
                &app,
                &c,
                "/api/customer-users/list",
                json!({"query": {"customer_id": customer, "deleted": deleted, "search": "@"}}),
            )
            .await;
            assert_eq!(
                kept["total"], counted["total"],
                "{customer} deleted={deleted}"
            );
            if deleted {
                assert_eq!(kept["deleted_count"], counted["total"]);
            }
        }
    }

    crate::helpers::assert_kept_counts(
        &app.db,
        "customer_user_count",
        "customer_user",
        "customer_id",
    )
    .await;
}

/// A billing field too long is refused under its own field: the tax ID's
/// problem under the tax ID, the address's under the address; nothing saved.
#[tokio::test]
async fn a_billing_value_too_long_is_named_by_its_field() {
    use app::customers::BillingInfo;
    let app = spawn_app().await;
    let fx = app.fixture().await;
    let customer = app.add_customer(&fx.org_a, "Long Values Co").await;
    let ctx = app::request::Ctx::operator(&app.db, &fx.org_a);
    let cases = [
        (
            BillingInfo {
                tax_id: "T".repeat(65),
                ..BillingInfo::default()
            },
            "tax_id",
            "Use at most 64 characters for the tax ID.",
        ),
        (
            BillingInfo {
                billing_address: "A".repeat(301),
                ..BillingInfo::default()
            },
            "billing_address",
            "Use at most 300 characters.",
        ),
    ];
    for (billing, field, message) in cases {
        let e = app::customers::service::update_billing(&ctx, &customer.customer_id, 1, &billing)
            .await
            .expect_err("too long");
        assert_eq!(e.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(e.field(field).as_deref(), Some(message), "{e:?}");
    }
    let now = app::customers::service::get(&ctx, &customer.customer_id)
        .await
        .expect("customer");
    assert_eq!(now.version, 1, "nothing saved");
}

/// "Manage licences" records, for each user, what changed for that user:
/// a product removed only from those who held it, added only to those who
/// lacked it; a user it changed nothing for gets no entry.
#[tokio::test]
async fn manage_licences_records_only_what_changed_for_each_user() {
    use app::customer_users::{LicenceChange, NewCustomerUser};
    let app = spawn_app().await;
    let fx = app.fixture().await;
    let cust = app.add_customer(&fx.org_a, "Per User Co").await;
    let ctx = app::request::Ctx::operator(&app.db, &fx.org_a);
    let bo = app::customer_users::service::create(
        &ctx,
        &cust.customer_id,
        &NewCustomerUser {
            first_name: "Bo".into(),
            last_name: "Plain".into(),
            display_name: "Bo Plain".into(),
            alias: "bo".into(),
            admin_role: Default::default(),
            licences: vec![],
        },
    )
    .await
    .expect("user")
    .user
    .customer_user_id;
    let entries = |id: String| {
        let db = app.db.clone();
        async move {
            sqlx::query_as::<_, (String,)>(
                "select changes from activity
                  where operation = 'customer-user-licences-changed' and target_id = $1
                  order by at, activity_id",
            )
            .bind(id)
            .fetch_all(&db)
            .await
            .expect("entries")
            .into_iter()
            .map(|(c,)| c)
            .collect::<Vec<String>>()
        }
    };
    let both = vec![cust.user_id.clone(), bo.clone()];
    let change = |add: bool| LicenceChange {
        customer_id: cust.customer_id.clone(),
        user_ids: both.clone(),
        add: if add {
            vec![cust.subscription_id.clone()]
        } else {
            vec![]
        },
        remove: if add {
            vec![]
        } else {
            vec![cust.subscription_id.clone()]
        },
    };
    // Only the first user held the Suite.
    app::customer_users::service::manage_licences(&ctx, &change(false))
        .await
        .expect("removed");
    let first = entries(cust.user_id.clone()).await;
    assert_eq!(first.len(), 1, "{first:?}");
    assert!(
        first[0].contains("licences removed") && first[0].contains("Suite"),
        "{first:?}"
    );
    assert!(entries(bo.clone()).await.is_empty(), "Bo held nothing");
    // Now neither holds it: both get it, each with an entry.
    app::customer_users::service::manage_licences(&ctx, &change(true))
        .await
        .expect("added");
    assert_eq!(entries(cust.user_id.clone()).await.len(), 2);
    let bo_entries = entries(bo.clone()).await;
    assert_eq!(bo_entries.len(), 1);
    assert!(bo_entries[0].contains("licences added"), "{bo_entries:?}");
    // Given again: nothing changes, nothing is recorded.
    app::customer_users::service::manage_licences(&ctx, &change(true))
        .await
        .expect("again");
    assert_eq!(entries(bo).await.len(), 1);
    assert_eq!(entries(cust.user_id.clone()).await.len(), 2);
}
