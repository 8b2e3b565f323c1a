//! The JSON API's behaviour: a script's round trip, secrets that stop
//! working, errors that name the field, stale versions, throttling, and
//! the command line's first secret.

use crate::helpers::{spawn_app, spawn_app_rate, TestApp};
use app::access::{Role, RoleSet};
use http::StatusCode;
use serde_json::{json, Value};

fn uma() -> RoleSet {
    RoleSet {
        admin: Some(Role::UserManagementAdmin),
        ..RoleSet::default()
    }
}

fn parse(body: &str) -> Value {
    serde_json::from_str(body).unwrap_or(Value::Null)
}

async fn org(app: &TestApp) -> String {
    app::orgs::service::create(&app.db, "Api Partners")
        .await
        .expect("org")
}

#[tokio::test]
async fn a_script_creates_finds_and_changes_a_user_and_the_log_names_it() {
    let app = spawn_app().await;
    let org = org(&app).await;
    let script = app.add_application(&org, "Nightly sync", uma()).await;
    let s = Some(script.secret.as_str());

    let (status, body) = app.api("GET", "/me", s, &Value::Null).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let me = parse(&body);
    assert_eq!(me["display_name"], "Nightly sync");
    assert_eq!(me["application"], true);

    let (status, body) = app
        .api(
            "POST",
            "/users",
            s,
            &json!({"display_name": "Ana Api", "email": "ana@api.example", "roles": {"agent": "helpdesk-agent"}}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let created = parse(&body);
    assert!(
        created["temporary_password"]
            .as_str()
            .is_some_and(|p| p.len() >= 20),
        "{body}"
    );
    let user_id = created["user"]["user_id"]
        .as_str()
        .expect("user id")
        .to_string();

    let (status, body) = app
        .api(
            "GET",
            "/users?search=ana&role=helpdesk-agent",
            s,
            &Value::Null,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let page = parse(&body);
    assert_eq!(page["total"], 1, "{body}");
    assert_eq!(page["users"][0]["email"], "ana@api.example");
    assert_eq!(page["users"][0]["actions"]["can_edit"], true);

    // A change from version 1 works; the same version again is stale: 409
    // with the user as it is now.
    let change = json!({"version": 1, "display_name": "Ana Renamed", "email": "ana@api.example"});
    let (status, body) = app
        .api("PATCH", &format!("/users/{user_id}"), s, &change)
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(parse(&body)["version"], 2);
    let (status, body) = app
        .api("PATCH", &format!("/users/{user_id}"), s, &change)
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    let err = parse(&body);
    assert_eq!(err["code"], "stale_version");
    assert_eq!(err["current"]["display_name"], "Ana Renamed");
    assert_eq!(err["current"]["version"], 2);

    // The activity log names the application as the actor.
    let ga = app
        .add_application(
            &org,
            "Auditor",
            RoleSet {
                admin: Some(Role::GlobalAdmin),
                ..RoleSet::default()
            },
        )
        .await;
    let (status, body) = app
        .api(
            "GET",
            "/activity?operation=user-created",
            Some(&ga.secret),
            &Value::Null,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let entry = &parse(&body)["entries"][0];
    assert_eq!(entry["actor_name"], "Nightly sync", "{body}");
    assert_eq!(entry["actor_kind"], "application", "{body}");
}

#[tokio::test]
async fn unknown_revoked_and_expired_secrets_get_401_with_the_reason() {
    let app = spawn_app().await;
    let org = org(&app).await;
    let admin = app
        .add_application(
            &org,
            "Admin",
            RoleSet {
                admin: Some(Role::GlobalAdmin),
                ..RoleSet::default()
            },
        )
        .await;
    let script = app.add_application(&org, "Script", uma()).await;

    let (status, body) = app
        .api("GET", "/me", Some("pcs_not-a-real-secret"), &Value::Null)
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
    assert!(body.contains("not known"), "{body}");

    // A second secret, then the first revoked: the first stops, the second works.
    let (status, body) = app
        .api(
            "POST",
            &format!("/applications/{}/secrets", script.app_id),
            Some(&admin.secret),
            &json!({"description": "Rotation", "expires_in_days": 30}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let second = parse(&body)["secret"].as_str().expect("secret").to_string();
    assert!(second.starts_with("pcs_"));
    let (status, body) = app
        .api(
            "DELETE",
            &format!(
                "/applications/{}/secrets/{}",
                script.app_id, script.secret_id
            ),
            Some(&admin.secret),
            &Value::Null,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(parse(&body)["revoked_at"].is_i64(), "{body}");

    let req = http::Request::get("/api/v1/me")
        .header("authorization", format!("Bearer {}", script.secret))
        .body(axum::body::Body::empty())
        .expect("request");
    let res = tower::ServiceExt::oneshot(app.router.clone(), req)
        .await
        .expect("response");
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let www = res
        .headers()
        .get("www-authenticate")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    assert!(
        www.starts_with("Bearer") && www.contains("invalid_token"),
        "{www}"
    );
    let (_, body) = app
        .api("GET", "/me", Some(&script.secret), &Value::Null)
        .await;
    assert!(body.contains("revoked"), "{body}");
    let (status, _) = app.api("GET", "/me", Some(&second), &Value::Null).await;
    assert_eq!(status, StatusCode::OK);

    // Expired.
    sqlx::query("update application_secret set expires_at = 1 where app_id = $1")
        .bind(&script.app_id)
        .execute(&app.db)
        .await
        .expect("expire");
    let (status, body) = app.api("GET", "/me", Some(&second), &Value::Null).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
    assert!(body.contains("expired"), "{body}");

    // The secrets' page shows only hints, never the values.
    let (_, body) = app
        .api(
            "GET",
            &format!("/applications/{}", script.app_id),
            Some(&admin.secret),
            &Value::Null,
        )
        .await;
    assert!(
        !body.contains(&second) && !body.contains(&script.secret),
        "{body}"
    );
    assert!(body.contains("\"hint\":\"pcs_"), "{body}");
}

#[tokio::test]
async fn bad_input_gets_a_code_and_the_field() {
    let app = spawn_app().await;
    let org = org(&app).await;
    let script = app.add_application(&org, "Script", uma()).await;
    let s = Some(script.secret.as_str());

    let (status, body) = app
        .api(
            "POST",
            "/users",
            s,
            &json!({"display_name": "X", "email": "not-an-email", "roles": {}}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let err = parse(&body);
    assert_eq!(err["code"], "validation");
    assert_eq!(err["field"], "email");
    assert!(err["errors"]["email"][0].as_str().is_some(), "{body}");

    let req = http::Request::post("/api/v1/users")
        .header("authorization", format!("Bearer {}", script.secret))
        .header("content-type", "application/json")
        .body(axum::body::Body::from("{\"display_name\": "))
        .expect("request");
    let (status, body) = app.send(req).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(parse(&body)["code"], "bad_request");

    let (status, body) = app
        .api(
            "POST",
            &format!("/applications/{}/secrets", script.app_id),
            s,
            &json!({"description": "Too long", "expires_in_days": 800}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(parse(&body)["field"], "expires_in_days");

    let (status, body) = app.api("GET", "/no-such-thing", s, &Value::Null).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    assert_eq!(parse(&body)["code"], "no_such_route");

    let big = "x".repeat(3 * 1024 * 1024);
    let (status, body) = app.api("POST", "/groups", s, &json!({"name": big})).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(parse(&body)["code"], "payload_too_large");
}

#[tokio::test]
async fn an_application_gets_new_roles_on_its_next_call_and_never_changes_its_own() {
    let app = spawn_app().await;
    let org = org(&app).await;
    let admin = app.add_application(&org, "Admin", uma()).await;
    let script = app
        .add_application(&org, "Script", RoleSet::default())
        .await;

    let (status, _) = app
        .api("GET", "/users", Some(&script.secret), &Value::Null)
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, body) = app
        .api(
            "PUT",
            &format!("/applications/{}/access", script.app_id),
            Some(&admin.secret),
            &json!({"version": 1, "access": {"roles": {"admin": "user-management-admin"}}}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, _) = app
        .api("GET", "/users", Some(&script.secret), &Value::Null)
        .await;
    assert_eq!(status, StatusCode::OK);

    // Nobody grants what they can't: a User management admin can't make a Global admin.
    let (status, body) = app
        .api(
            "PUT",
            &format!("/applications/{}/access", script.app_id),
            Some(&admin.secret),
            &json!({"version": 2, "access": {"roles": {"admin": "global-admin"}}}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");

    // Nor does an application change its own roles or delete itself.
    let (status, body) = app
        .api(
            "PUT",
            &format!("/applications/{}/access", script.app_id),
            Some(&script.secret),
            &json!({"version": 2, "access": {"roles": {}}}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    let (status, body) = app
        .api(
            "DELETE",
            &format!("/applications/{}?version=2", script.app_id),
            Some(&script.secret),
            &Value::Null,
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");

    // Deleted: its secret stops at once.
    let (status, body) = app
        .api(
            "DELETE",
            &format!("/applications/{}?version=2", script.app_id),
            Some(&admin.secret),
            &Value::Null,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, _) = app
        .api("GET", "/me", Some(&script.secret), &Value::Null)
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn an_application_over_its_rate_gets_429_with_retry_after() {
    let app = spawn_app_rate(app::rest::throttle::RateLimit {
        burst: 5,
        per_second: 1,
    })
    .await;
    let org = org(&app).await;
    let noisy = app.add_application(&org, "Noisy", uma()).await;
    let quiet = app.add_application(&org, "Quiet", uma()).await;
    let mut statuses = Vec::new();
    for _ in 0..8 {
        let (status, _) = app
            .api("GET", "/me", Some(&noisy.secret), &Value::Null)
            .await;
        statuses.push(status.as_u16());
    }
    assert_eq!(&statuses[..5], &[200; 5], "{statuses:?}");
    assert!(statuses[5..].contains(&429), "{statuses:?}");
    let req = http::Request::get("/api/v1/me")
        .header("authorization", format!("Bearer {}", noisy.secret))
        .body(axum::body::Body::empty())
        .expect("request");
    let res = tower::ServiceExt::oneshot(app.router.clone(), req)
        .await
        .expect("response");
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    let retry: u64 = res
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    assert!(retry >= 1, "Retry-After: {retry}");
    // Another application is not slowed by the noisy one.
    let (status, _) = app
        .api("GET", "/me", Some(&quiet.secret), &Value::Null)
        .await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn the_reference_page_data_lists_every_operation_of_the_document() {
    let app = spawn_app().await;
    let org = org(&app).await;
    let person = app.add_user(&org, "Reader", RoleSet::default()).await;
    let cookie = app.session_for(&person.user_id, &org).await;
    let (status, body) = app
        .call_as("/api/reference/api", Some(&cookie), &json!({}))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let reference = parse(&body);
    let ops = reference["operations"].as_array().expect("operations");
    assert_eq!(ops.len(), app::rest::routes().len());
    let users = ops
        .iter()
        .find(|o| o["method"] == "POST" && o["path"] == "/api/v1/users")
        .expect("POST /api/v1/users");
    assert!(
        users["request"]
            .as_str()
            .is_some_and(|r| r.contains("display_name")),
        "{users}"
    );
    assert!(reference["schemas"]
        .as_array()
        .is_some_and(|s| !s.is_empty()));
    // Signed out: 401.
    let (status, _) = app.call_as("/api/reference/api", None, &json!({})).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

/// Found by the API fuzzer: giving a user the roles they already have was a
/// 500 ("a unit of work without an activity entry"); it is a no-op.
#[tokio::test]
async fn setting_the_same_roles_again_changes_nothing() {
    let app = spawn_app().await;
    let org = org(&app).await;
    let script = app.add_application(&org, "Script", uma()).await;
    let target = app.add_user(&org, "Same Roles", RoleSet::default()).await;
    let same = json!({"version": 1, "roles": {"agent": null, "admin": null, "incentives": null}});
    let (status, body) = app
        .api(
            "PUT",
            &format!("/users/{}/roles", target.user_id),
            Some(&script.secret),
            &same,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(parse(&body)["version"], 1);
    let entries: i64 = sqlx::query_scalar(
        "select count(*) from activity where operation = 'user-roles-changed' and target_id = $1",
    )
    .bind(&target.user_id)
    .fetch_one(&app.db)
    .await
    .expect("count");
    assert_eq!(entries, 0);
}
