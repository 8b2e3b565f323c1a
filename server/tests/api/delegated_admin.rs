//! Delegated administration on the wire: request, the customer's answer,
//! ending, asking again, and administering on behalf (recorded every time,
//! refused without granted privileges).

use crate::helpers::{spawn_app, TestApp};
use app::access::{Role, RoleSet};
use http::StatusCode;
use serde_json::{json, Value};

/// A fresh organization with an Admin agent (signed in) and a customer that
/// has never been asked; returns the cookie and the customer's id.
async fn setup(app: &TestApp) -> (String, String, String) {
    let org = app::orgs::service::create(&app.db, "Dap Partners")
        .await
        .expect("org");
    let agent = app
        .add_user(
            &org,
            "Ada Agent",
            RoleSet {
                agent: Some(Role::AdminAgent),
                ..RoleSet::default()
            },
        )
        .await;
    let customer = app.add_customer(&org, "Tailspin Toys").await;
    // The fixture has granted privileges; this test starts from none.
    sqlx::query("update customer set delegated_admin_status = 'none' where customer_id = $1")
        .bind(&customer.customer_id)
        .execute(&app.db)
        .await
        .expect("reset");
    let cookie = app.session_for(&agent.user_id, &org).await;
    (org, cookie, customer.customer_id)
}

fn status_of(body: &str) -> (String, i64) {
    let v: Value = serde_json::from_str(body).expect("json");
    let status = v["status"]
        .as_str()
        .or_else(|| v["delegated_admin_status"].as_str())
        .expect("status")
        .to_string();
    (status, v["version"].as_i64().expect("version"))
}

#[tokio::test]
async fn privileges_go_from_request_to_grant_to_end_and_can_be_asked_again() {
    let app = spawn_app().await;
    let (org, cookie, id) = setup(&app).await;
    let call = |path: &'static str, body: Value| {
        let cookie = cookie.clone();
        let app = &app;
        async move { app.call_as(path, Some(&cookie), &body).await }
    };
    // Administering before the customer granted anything is refused.
    let (status, body) = call(
        "/api/delegated-admin/administer",
        json!({"customer_id": id}),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert!(body.contains("delegated-admin-not-granted"), "{body}");
    // No answer to record before a request.
    let (status, body) = call(
        "/api/delegated-admin/answer",
        json!({"customer_id": id, "version": 1, "accepted": true}),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert!(body.contains("delegated-admin-request-first"), "{body}");

    let (status, body) = call(
        "/api/customers/request-delegated-admin",
        json!({"customer_id": id, "version": 1}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (s, v) = status_of(&body);
    assert_eq!((s.as_str(), v), ("requested", 2));
    // The answer from an old version: 409 stale, nothing changed.
    let (status, body) = call(
        "/api/delegated-admin/answer",
        json!({"customer_id": id, "version": 1, "accepted": true}),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    let (status, body) = call(
        "/api/delegated-admin/answer",
        json!({"customer_id": id, "version": 2, "accepted": true}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (s, v) = status_of(&body);
    assert_eq!((s.as_str(), v), ("granted", 3));
    let item: Value = serde_json::from_str(&body).expect("json");
    assert_eq!(item["actions"]["can_administer"], json!(true));
    assert_eq!(item["actions"]["can_request"], json!(false));
    // The same answer again changes nothing; the other answer is refused.
    let (status, body) = call(
        "/api/delegated-admin/answer",
        json!({"customer_id": id, "version": 3, "accepted": true}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(status_of(&body), ("granted".to_string(), 3));
    let (status, body) = call(
        "/api/delegated-admin/answer",
        json!({"customer_id": id, "version": 3, "accepted": false}),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");

    // Administering twice records two visits, each naming the customer.
    for _ in 0..2 {
        let (status, body) = call(
            "/api/delegated-admin/administer",
            json!({"customer_id": id}),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let o: Value = serde_json::from_str(&body).expect("overview");
        assert_eq!(o["name"], json!("Tailspin Toys"));
        assert_eq!(o["active_users"], json!(1));
        assert_eq!(o["unlicensed_users"], json!(0));
        assert_eq!(o["subscriptions"][0]["product"], json!("Suite"));
    }
    let visits: Vec<(String, Option<String>, String)> = sqlx::query_as(
        "select actor_name, customer_id, target_name from activity
          where org_id = $1 and operation = 'administered-on-behalf'",
    )
    .bind(&org)
    .fetch_all(&app.db)
    .await
    .expect("activity");
    assert_eq!(visits.len(), 2, "{visits:?}");
    assert!(visits
        .iter()
        .all(|(actor, customer, target)| actor == "Ada Agent"
            && customer.as_deref() == Some(id.as_str())
            && target == "Tailspin Toys"));

    // Ended: no more administering; asked again from there.
    let (status, body) = call(
        "/api/delegated-admin/end",
        json!({"customer_id": id, "version": 3}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(status_of(&body), ("ended".to_string(), 4));
    let (status, _) = call(
        "/api/delegated-admin/administer",
        json!({"customer_id": id}),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    let (status, body) = call(
        "/api/customers/request-delegated-admin",
        json!({"customer_id": id, "version": 4}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(status_of(&body).0, "requested");
    // Declined, then asked again.
    let (status, body) = call(
        "/api/delegated-admin/answer",
        json!({"customer_id": id, "version": 5, "accepted": false}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(status_of(&body), ("declined".to_string(), 6));

    // The list filters by status and carries each row's actions.
    let (status, body) = call(
        "/api/delegated-admin/list",
        json!({"query": {"status": "declined"}}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let page: Value = serde_json::from_str(&body).expect("page");
    assert_eq!(page["total"], json!(1));
    assert_eq!(page["customers"][0]["actions"]["can_request"], json!(true));
    let (status, body) = call(
        "/api/delegated-admin/list",
        json!({"query": {"status": "granted"}}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        serde_json::from_str::<Value>(&body).expect("page")["total"],
        json!(0)
    );
    let (status, body) = call(
        "/api/delegated-admin/list",
        json!({"query": {"status": "everything"}}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.contains("status"), "{body}");

    // Every change is in the log, in order.
    let ops: Vec<String> = sqlx::query_scalar(
        "select operation from activity where org_id = $1 and target_kind = 'customer'
            and operation <> 'customer-created' order by at, activity_id",
    )
    .bind(&org)
    .fetch_all(&app.db)
    .await
    .expect("ops");
    for op in [
        "delegated-admin-requested",
        "delegated-admin-granted",
        "administered-on-behalf",
        "delegated-admin-ended",
        "delegated-admin-declined",
    ] {
        assert!(ops.iter().any(|o| o == op), "{op} missing from {ops:?}");
    }
}

#[tokio::test]
async fn a_sales_agent_may_neither_request_nor_administer() {
    let app = spawn_app().await;
    let (org, _, id) = setup(&app).await;
    let sales = app
        .add_user(
            &org,
            "Sam Sales",
            RoleSet {
                agent: Some(Role::SalesAgent),
                ..RoleSet::default()
            },
        )
        .await;
    let cookie = app.session_for(&sales.user_id, &org).await;
    sqlx::query("update customer set delegated_admin_status = 'granted' where customer_id = $1")
        .bind(&id)
        .execute(&app.db)
        .await
        .expect("grant");
    let (status, body) = app
        .call_as(
            "/api/delegated-admin/administer",
            Some(&cookie),
            &json!({"customer_id": id}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert!(!body.contains("Tailspin"), "{body}");
    // The customer page tells them the status but offers no action.
    let (status, body) = app
        .call_as(
            "/api/customers/get",
            Some(&cookie),
            &json!({"customer_id": id}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let c: Value = serde_json::from_str(&body).expect("customer");
    assert_eq!(c["delegated_admin_status"], json!("granted"));
    assert_eq!(c["actions"]["can_administer_on_behalf"], json!(false));
    assert_eq!(c["actions"]["can_request_delegated_admin"], json!(false));
    let none: i64 = sqlx::query_scalar(
        "select count(*) from activity where org_id = $1 and operation = 'administered-on-behalf'",
    )
    .bind(&org)
    .fetch_one(&app.db)
    .await
    .expect("count");
    assert_eq!(none, 0);
}
