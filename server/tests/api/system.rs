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

/// `/pkg` sends the precompressed copy the browser accepts (brotli first,
/// then gzip), with `Content-Encoding` and `Vary`; the plain file otherwise;
/// browsers revalidate (`no-cache`) and an unchanged file costs a 304.
#[tokio::test]
async fn the_bundle_is_sent_precompressed_and_revalidated() {
    let site = std::env::temp_dir().join(format!("pc-site-{}", crate::helpers::uuid_like()));
    let pkg = site.join("pkg");
    std::fs::create_dir_all(&pkg).expect("pkg dir");
    std::fs::write(pkg.join("partner-console.wasm"), b"plain wasm bytes").expect("wasm");
    std::fs::write(pkg.join("partner-console.wasm.br"), b"brotli").expect("br");
    std::fs::write(pkg.join("partner-console.wasm.gz"), b"gzip").expect("gz");
    let (url, _dir) = crate::helpers::fresh_database().await;
    let db = app::db::connect(&url).await.expect("database");
    let site_root = site.to_string_lossy().to_string();
    let router = server::router(app::state::AppState {
        leptos_options: server::leptos_options(&site_root, ([127, 0, 0, 1], 0).into()),
        db,
        secure_cookies: false,
        proxy_hops: 0,
        api_rate: Default::default(),
    })
    .expect("router");
    let get = |accept: Option<&'static str>, since: Option<String>| {
        let router = router.clone();
        async move {
            let mut req = Request::get("/pkg/partner-console.wasm");
            if let Some(a) = accept {
                req = req.header("accept-encoding", a);
            }
            if let Some(s) = since {
                req = req.header("if-modified-since", s);
            }
            let res = tower::ServiceExt::oneshot(
                router,
                req.body(axum::body::Body::empty()).expect("req"),
            )
            .await
            .expect("response");
            let status = res.status();
            let headers = res.headers().clone();
            let body = axum::body::to_bytes(res.into_body(), 1 << 20)
                .await
                .expect("body");
            (status, headers, String::from_utf8_lossy(&body).into_owned())
        }
    };
    let (status, headers, body) = get(Some("gzip, deflate, br"), None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, "brotli");
    assert_eq!(headers["content-encoding"], "br");
    assert_eq!(headers["vary"], "accept-encoding");
    assert_eq!(headers["cache-control"], "no-cache");
    assert_eq!(headers["content-type"], "application/wasm");
    let (_, headers, body) = get(Some("gzip"), None).await;
    assert_eq!(
        (body.as_str(), &headers["content-encoding"]),
        ("gzip", &"gzip".parse().expect("value"))
    );
    let (_, headers, body) = get(None, None).await;
    assert_eq!(body, "plain wasm bytes");
    assert!(headers.get("content-encoding").is_none());
    let modified = headers["last-modified"].to_str().expect("date").to_string();
    let (status, _, body) = get(Some("br"), Some(modified)).await;
    assert_eq!(status, StatusCode::NOT_MODIFIED);
    assert!(body.is_empty());
    let _ = std::fs::remove_dir_all(&site);
}

/// Service health lists every service with its state, open incidents first,
/// and drops incidents resolved more than 30 days ago.
#[tokio::test]
async fn service_health_shows_open_incidents_first_and_recent_resolved_ones() {
    use app::health::service::{overview, record_incident, NewIncident};
    let app = crate::helpers::spawn_app().await;
    let org = app::orgs::service::create(&app.db, "Health Partners")
        .await
        .expect("org");
    let ctx = app::request::Ctx::operator(&app.db, &org);
    let day = 24 * 60 * 60 * 1000;
    let now = app::db::now_millis();
    for (title, started, resolved) in [
        (
            "Old and resolved",
            now - 40 * day,
            Some(now - 40 * day + 1000),
        ),
        (
            "Recently resolved",
            now - 2 * day,
            Some(now - 2 * day + 1000),
        ),
        ("Still open", now - 3 * day, None),
    ] {
        record_incident(
            &app.db,
            &NewIncident {
                service_key: "files",
                title,
                impact: "Uploads fail.",
                started_at: started,
                resolved_at: resolved,
                service_status: "outage",
            },
        )
        .await
        .expect("incident");
    }
    let health = overview(&ctx).await.expect("overview");
    assert_eq!(health.services.len(), 6);
    let files = health
        .services
        .iter()
        .find(|s| s.service_key == "files")
        .expect("files");
    assert_eq!((files.status.as_str(), files.open_incidents), ("outage", 1));
    let titles: Vec<&str> = health.incidents.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(titles, ["Still open", "Recently resolved"]);
}

/// Partner agreements: each organization sees its own, newest first.
#[tokio::test]
async fn partner_agreements_are_listed_per_organization_newest_first() {
    use app::agreements::service::{list, record_acceptance};
    let app = crate::helpers::spawn_app().await;
    let a = app::orgs::service::create(&app.db, "Agree A")
        .await
        .expect("org");
    let b = app::orgs::service::create(&app.db, "Agree B")
        .await
        .expect("org");
    record_acceptance(&app.db, &a, "Partner agreement", "2025", 1_000, "Ann")
        .await
        .expect("a1");
    record_acceptance(&app.db, &a, "Partner agreement", "2026", 2_000, "Ann")
        .await
        .expect("a2");
    record_acceptance(&app.db, &b, "Other organization's", "1", 3_000, "Bob")
        .await
        .expect("b");
    let listed = list(&app::request::Ctx::operator(&app.db, &a))
        .await
        .expect("list");
    let versions: Vec<&str> = listed.iter().map(|x| x.version.as_str()).collect();
    assert_eq!(versions, ["2026", "2025"]);
}
