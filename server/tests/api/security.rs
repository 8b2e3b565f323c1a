//! Edges a hostile client pushes on: streamed bodies, oversized fields,
//! throttle rows left behind.

use crate::helpers::spawn_app;
use axum::body::{Body, Bytes};
use http::{Request, StatusCode};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// A chunked body of `total` bytes (64 KiB chunks, no `Content-Length`),
/// counting how many bytes the server pulled from it.
fn chunked(total: usize, pulled: Arc<AtomicUsize>) -> Body {
    const CHUNK: usize = 64 * 1024;
    let chunks = (0..total.div_ceil(CHUNK)).map(move |_| {
        pulled.fetch_add(CHUNK, Ordering::Relaxed);
        Ok::<_, std::convert::Infallible>(Bytes::from(vec![b'a'; CHUNK]))
    });
    Body::from_stream(futures::stream::iter(chunks))
}

fn post(path: &str, body: Body) -> Request<Body> {
    Request::post(path)
        .header("content-type", "application/json")
        .header("accept", "application/json")
        .body(body)
        .expect("request")
}

#[tokio::test]
async fn a_chunked_body_gets_the_same_limit_as_a_declared_one() {
    let app = spawn_app().await;
    // 10 MB streamed at sign-in: 413, after reading little more than the
    // sign-in limit (16 KiB), not the whole stream.
    let pulled = Arc::new(AtomicUsize::new(0));
    let (status, body) = app
        .send(post(
            "/api/auth/sign-in",
            chunked(10_000_000, pulled.clone()),
        ))
        .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{body}");
    let read = pulled.load(Ordering::Relaxed);
    assert!(read <= 128 * 1024, "read {read} bytes of a 10 MB stream");
    // Another server function: the general 2 MiB limit, streamed or declared.
    let pulled = Arc::new(AtomicUsize::new(0));
    let (status, _) = app
        .send(post("/api/users/list", chunked(3_000_000, pulled.clone())))
        .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(pulled.load(Ordering::Relaxed) < 3_000_000);
    let declared = Request::post("/api/users/list")
        .header("content-type", "application/json")
        .header("content-length", "3000000")
        .body(Body::from(vec![b' '; 3_000_000]))
        .expect("request");
    assert_eq!(app.send(declared).await.0, StatusCode::PAYLOAD_TOO_LARGE);
    // A small chunked body still works: the stream is read, then served.
    let small = Body::from_stream(futures::stream::iter([Ok::<_, std::convert::Infallible>(
        Bytes::from(r#"{"email":"nobody@example.com","password":"x"}"#),
    )]));
    let (status, body) = app.send(post("/api/auth/sign-in", small)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.contains("incorrect"), "{body}");
}

#[tokio::test]
async fn an_oversized_email_is_refused_before_any_work() {
    let app = spawn_app().await;
    let email = format!("{}@example.com", "a".repeat(5_000));
    let body = serde_json::json!({"email": email, "password": "whatever-it-is"}).to_string();
    let (status, text) = app.call("/api/auth/sign-in", &body).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{text}");
    assert!(text.contains("incorrect"), "{text}");
    // Nothing was counted for it: no throttle row.
    let rows: i64 = sqlx::query_scalar("select count(*) from sign_in_throttle")
        .fetch_one(&app.db)
        .await
        .expect("count");
    assert_eq!(rows, 0);
}

#[tokio::test]
async fn expired_throttle_rows_are_purged() {
    let app = spawn_app().await;
    sqlx::query(
        "insert into sign_in_throttle (throttle_key, failures, window_started_at, locked_until)
         values ('acct:old@example.com', 3, 1, 2), ('acct:locked@example.com', 9, 1, 9000000000000)",
    )
    .execute(&app.db)
    .await
    .expect("old rows");
    let body = serde_json::json!({"email": "new@example.com", "password": "wrong-password"});
    let (status, _) = app.call("/api/auth/sign-in", &body.to_string()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let keys: Vec<String> =
        sqlx::query_scalar("select throttle_key from sign_in_throttle order by throttle_key")
            .fetch_all(&app.db)
            .await
            .expect("keys");
    // The expired row is gone; a still-locked one and the new failure stay.
    assert_eq!(
        keys,
        vec!["acct:locked@example.com", "acct:new@example.com"]
    );
}

#[tokio::test]
async fn a_kelvin_sign_email_for_a_k_domain_is_a_row_error_not_a_panic() {
    use app::access::Role;
    use app::customer_users::{ImportCustomerUsers, ValidateCustomerUserImport};
    use leptos::server_fn::ServerFn;
    let app = spawn_app().await;
    let fx = app.fixture().await;
    let (role, helpdesk) = &fx.callers[2];
    assert_eq!(*role, Some(Role::HelpdeskAgent));
    let customer = app.add_customer(&fx.org_a, "Kontoso").await;
    assert_eq!(customer.domain, "kontoso.example");
    let cookie = app.session_for(&helpdesk.user_id, &fx.org_a).await;
    let csv = "First name,Last name,Display name,Email\n\
               Kay,Lee,Kay Lee,kay@\u{212A}ontoso.example\n\
               Ola,Lee,Ola Lee,ola@kontoso.example\n";
    let body = serde_json::json!({"customer_id": customer.customer_id, "csv": csv});
    let (status, text) = app
        .call_as(ValidateCustomerUserImport::PATH, Some(&cookie), &body)
        .await;
    assert_eq!(status, StatusCode::OK, "{text}");
    let report: serde_json::Value = serde_json::from_str(&text).expect("json");
    let errors = report["errors"].as_array().expect("errors");
    assert_eq!(errors.len(), 1, "{text}");
    assert_eq!(errors[0]["row"], 2);
    assert_eq!(errors[0]["column"], "Email");
    // Importing the same file writes nothing (all or nothing).
    let (status, text) = app
        .call_as(ImportCustomerUsers::PATH, Some(&cookie), &body)
        .await;
    assert!(!status.is_server_error(), "{status}: {text}");
    let users: i64 =
        sqlx::query_scalar("select count(*) from customer_user where customer_id = $1")
            .bind(&customer.customer_id)
            .fetch_one(&app.db)
            .await
            .expect("count");
    assert_eq!(users, 2, "only the fixture's two users");
}

#[tokio::test]
async fn answers_carrying_a_temporary_password_are_never_cached() {
    use app::access::Role;
    use app::users::{CreateUser, ResetUserPassword};
    use leptos::server_fn::ServerFn;
    let app = spawn_app().await;
    let fx = app.fixture().await;
    let (role, ga) = &fx.callers[3];
    assert_eq!(*role, Some(Role::GlobalAdmin));
    let cookie = app.session_for(&ga.user_id, &fx.org_a).await;
    let target = app
        .add_user(&fx.org_a, "Cache Target", Default::default())
        .await;
    let calls = [
        (
            CreateUser::PATH,
            serde_json::json!({"user": {"display_name": "Cora Cache", "email": "cora@example.com", "roles": {}}}),
        ),
        (
            ResetUserPassword::PATH,
            serde_json::json!({"user_id": target.user_id}),
        ),
    ];
    for (path, body) in calls {
        let req = Request::post(path)
            .header("content-type", "application/json")
            .header("cookie", &cookie)
            .body(Body::from(body.to_string()))
            .expect("request");
        let res = tower::ServiceExt::oneshot(app.router.clone(), req)
            .await
            .expect("response");
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        assert_eq!(
            res.headers().get("cache-control").map(|v| v.as_bytes()),
            Some(&b"no-store"[..]),
            "{path}"
        );
        // Plain HTTP: no HSTS (it would pin a host that has no TLS).
        assert!(res.headers().get("strict-transport-security").is_none());
    }
}

#[tokio::test]
async fn over_tls_the_session_cookie_is_host_prefixed_and_hsts_is_sent() {
    use crate::helpers::{spawn_app_tls, PASSWORD};
    let app = spawn_app_tls().await;
    let fx = app.fixture().await;
    let email = &fx.callers[3].1.email;
    let body = serde_json::json!({"email": email, "password": PASSWORD}).to_string();
    let req = Request::post("/api/auth/sign-in")
        .header("content-type", "application/json")
        .body(Body::from(body))
        .expect("request");
    let res = tower::ServiceExt::oneshot(app.router.clone(), req)
        .await
        .expect("response");
    assert_eq!(res.status(), StatusCode::OK);
    let cookie = res
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .expect("cookie")
        .to_string();
    assert!(cookie.starts_with("__Host-pc_session="), "{cookie}");
    assert!(
        cookie.contains("; Secure") && cookie.contains("Path=/"),
        "{cookie}"
    );
    assert!(res
        .headers()
        .get("strict-transport-security")
        .is_some_and(|v| v.as_bytes().starts_with(b"max-age=")));
    // The prefixed cookie is the one read back; the plain name means nothing here.
    let pair = cookie.split(';').next().unwrap_or_default().to_string();
    let identity = |c: String| {
        Request::post("/api/auth/identity")
            .header("content-type", "application/json")
            .header("cookie", c)
            .body(Body::from("{}"))
            .expect("request")
    };
    let (status, text) = app.send(identity(pair.clone())).await;
    assert_eq!(status, StatusCode::OK);
    assert!(text.contains(email.as_str()), "{text}");
    let plain = pair.replacen("__Host-pc_session", "pc_session", 1);
    let (_, text) = app.send(identity(plain)).await;
    assert_eq!(text, "null");
}
