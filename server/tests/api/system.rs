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

/// A site root holding built files, with a database, for the `/pkg` tests.
struct Site {
    dir: std::path::PathBuf,
    db: app::db::Db,
    _db_dir: crate::helpers::TempDir,
}

impl Site {
    async fn new(files: &[(&str, &[u8])]) -> Site {
        let dir = std::env::temp_dir().join(format!("pc-site-{}", crate::helpers::uuid_like()));
        std::fs::create_dir_all(dir.join("pkg")).expect("pkg dir");
        let (url, db_dir) = crate::helpers::fresh_database().await;
        let site = Site {
            dir,
            db: app::db::connect(&url).await.expect("database"),
            _db_dir: db_dir,
        };
        site.write(files);
        site
    }

    /// Writes files into `pkg/`.
    fn write(&self, files: &[(&str, &[u8])]) {
        for (name, bytes) in files {
            std::fs::write(self.dir.join("pkg").join(name), bytes).expect("file");
        }
    }

    /// A router serving this site, as the server builds it at start.
    fn router(&self) -> axum::Router {
        let site_root = self.dir.to_string_lossy().to_string();
        server::router(app::state::AppState {
            leptos_options: server::leptos_options(&site_root, ([127, 0, 0, 1], 0).into()),
            db: self.db.clone(),
            secure_cookies: false,
            proxy_hops: 0,
            api_rate: Default::default(),
        })
        .expect("router")
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// GETs `path` with `headers`: status, headers and body.
async fn fetch(
    router: &axum::Router,
    path: &str,
    headers: &[(&str, &str)],
) -> (StatusCode, http::HeaderMap, String) {
    let mut req = Request::get(path);
    for (name, value) in headers {
        req = req.header(*name, *value);
    }
    let req = req.body(axum::body::Body::empty()).expect("req");
    let res = tower::ServiceExt::oneshot(router.clone(), req)
        .await
        .expect("response");
    let status = res.status();
    let headers = res.headers().clone();
    let body = axum::body::to_bytes(res.into_body(), 1 << 20)
        .await
        .expect("body");
    (status, headers, String::from_utf8_lossy(&body).into_owned())
}

/// `/pkg` sends the precompressed copy the browser accepts (brotli first,
/// then gzip), with `Content-Encoding` and `Vary`; the plain file otherwise;
/// browsers revalidate (`no-cache`) and an unchanged file costs a 304.
#[tokio::test]
async fn the_bundle_is_sent_precompressed_and_revalidated() {
    let site = Site::new(&[
        ("partner-console.wasm", b"plain wasm bytes"),
        ("partner-console.wasm.br", b"brotli"),
        ("partner-console.wasm.gz", b"gzip"),
    ])
    .await;
    let router = site.router();
    let wasm = "/pkg/partner-console.wasm";
    let br = ("accept-encoding", "gzip, deflate, br");
    let (status, headers, body) = fetch(&router, wasm, &[br]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, "brotli");
    assert_eq!(headers["content-encoding"], "br");
    assert_eq!(headers["vary"], "accept-encoding");
    assert_eq!(headers["cache-control"], "no-cache");
    assert_eq!(headers["content-type"], "application/wasm");
    let (_, headers, body) = fetch(&router, wasm, &[("accept-encoding", "gzip")]).await;
    assert_eq!(
        (body.as_str(), &headers["content-encoding"]),
        ("gzip", &"gzip".parse().expect("value"))
    );
    let (_, headers, body) = fetch(&router, wasm, &[]).await;
    assert_eq!(body, "plain wasm bytes");
    assert!(headers.get("content-encoding").is_none());
    let modified = headers["last-modified"].to_str().expect("date").to_string();
    let since = ("if-modified-since", modified.as_str());
    let (status, _, body) = fetch(&router, wasm, &[("accept-encoding", "br"), since]).await;
    assert_eq!(status, StatusCode::NOT_MODIFIED);
    assert!(body.is_empty());
}

/// Pages load the built files from `/bundle/<hash>/pkg/`, named by a hash of
/// their contents and kept by browsers for a year (`immutable`), still
/// precompressed; another hash is not served (404), and a new build is a new
/// hash.
#[tokio::test]
async fn pages_load_the_bundle_under_its_hash_kept_for_good() {
    let site = Site::new(&[
        ("partner-console.js", b"export default 1"),
        ("partner-console.wasm", b"plain wasm bytes"),
        ("partner-console.wasm.br", b"brotli"),
        ("partner-console.css", b"body{}"),
    ])
    .await;
    let router = site.router();
    let br = [("accept-encoding", "br")];
    let (status, _, html) = fetch(&router, "/login", &br).await;
    assert_eq!(status, StatusCode::OK);
    let start = html.find("/bundle/").expect("the page names the bundle");
    let hash: String = html[start + "/bundle/".len()..]
        .chars()
        .take_while(|c| c.is_ascii_hexdigit())
        .collect();
    assert_eq!(hash.len(), 16, "{html}");
    let root = format!("/bundle/{hash}/pkg");
    for file in [
        "partner-console.js",
        "partner-console.wasm",
        "partner-console.css",
    ] {
        assert!(html.contains(&format!("{root}/{file}")), "{file} in {html}");
    }
    let (status, headers, body) =
        fetch(&router, &format!("{root}/partner-console.wasm"), &br).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, "brotli");
    assert_eq!(headers["content-encoding"], "br");
    assert_eq!(
        headers["cache-control"],
        "public, max-age=31536000, immutable"
    );
    let (status, _, body) = fetch(&router, &format!("{root}/partner-console.css"), &br).await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "body{}"));
    let other = "/bundle/0123456789abcdef/pkg/partner-console.css";
    let (status, _, body) = fetch(&router, other, &br).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(!body.contains("body{}"));
    let (_, headers, _) = fetch(&router, "/pkg/partner-console.css", &br).await;
    assert_eq!(headers["cache-control"], "no-cache");
    site.write(&[("partner-console.wasm", b"the next build")]);
    let (_, _, html) = fetch(&site.router(), "/login", &br).await;
    assert!(
        html.contains("/bundle/") && !html.contains(&root),
        "a new build, a new hash"
    );
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
