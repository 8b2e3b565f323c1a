//! The public status server function reads the real database.

use http::{Request, StatusCode};

#[tokio::test]
async fn status_counts_organizations_from_the_database() {
    let app = crate::helpers::spawn_app().await;
    let (status, body) = app.call("/api/system/status", "{}").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).expect("json");
    // A visitor learns no counts.
    assert!(v["organizations"].is_null(), "{body}");
    assert_eq!(v["database"], crate::helpers::backend_name());
    assert!(v["schema_version"].as_i64().unwrap_or(0) >= 1);

    app::orgs::service::create(&app.db, "Fabrikam")
        .await
        .expect("org");
    let org: String = sqlx::query_scalar("select org_id from organization")
        .fetch_one(&app.db)
        .await
        .expect("org");
    let person = app
        .add_user(&org, "Status Reader", app::access::RoleSet::default())
        .await;
    let cookie = app.session_for(&person.user_id, &org).await;
    let (_, body) = app
        .call_as("/api/system/status", Some(&cookie), &serde_json::json!({}))
        .await;
    let v: serde_json::Value = serde_json::from_str(&body).expect("json");
    assert_eq!(v["organizations"], 1);
    let (_, body) = app.call("/api/system/status", "{}").await;
    assert!(!body.contains("\"organizations\":1"), "{body}");
}

#[tokio::test]
async fn unknown_page_is_404_and_pages_carry_security_headers() {
    let app = crate::helpers::spawn_app().await;
    let res = tower::ServiceExt::oneshot(
        app.router.clone(),
        Request::get("/no-such-page")
            .body(axum::body::Body::empty())
            .expect("req"),
    )
    .await
    .expect("response");
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert_eq!(res.headers()["x-content-type-options"], "nosniff");
}

#[tokio::test]
async fn organization_names_are_validated() {
    let app = crate::helpers::spawn_app().await;
    let err = app::orgs::service::create(&app.db, "   ")
        .await
        .expect_err("empty name");
    assert!(err.field("name").is_some());
}
