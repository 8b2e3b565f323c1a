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
    let recent = app::db::now_millis() - 60_000;
    sqlx::query(
        "insert into sign_in_throttle (throttle_key, failures, window_started_at, locked_until)
         values ('acct:old@example.com', 3, 1, 0), ('acct:recent@example.com', 9, $1, 0)",
    )
    .bind(recent)
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
    // The expired row is gone; a recent one, the new failure and the new
    // attempt (account + address) stay.
    assert_eq!(
        keys,
        vec![
            "acct:new@example.com",
            "acct:recent@example.com",
            "pair:new@example.com|-"
        ]
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
    let report = crate::helpers::last_step(&text)["Report"].clone();
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

/// A NUL character in a search, an id or a stored field is bad input on
/// both databases (PostgreSQL refuses it in text: it was a 500), over the
/// server functions and the API alike; nothing is written.
#[tokio::test]
async fn a_nul_character_is_bad_input_not_a_server_error() {
    use app::access::Role;
    let app = spawn_app().await;
    let fx = app.fixture().await;
    let (role, ga) = &fx.callers[3];
    assert_eq!(*role, Some(Role::GlobalAdmin));
    let customer = app.add_customer(&fx.org_a, "Nulland").await;
    let cookie = app.session_for(&ga.user_id, &fx.org_a).await;
    let calls = [
        (
            "/api/customers/list",
            serde_json::json!({"query": {"search": "a\u{0}b"}}),
        ),
        (
            "/api/customers/get",
            serde_json::json!({"customer_id": "a\u{0}b"}),
        ),
        (
            "/api/customers/update",
            serde_json::json!({"customer_id": customer.customer_id, "version": 1,
                               "details": {"name": "Nul\u{0}land"}}),
        ),
    ];
    for (path, body) in calls {
        let (status, text) = app.call_as(path, Some(&cookie), &body).await;
        assert!(!status.is_server_error(), "{path}: {status}: {text}");
        if path.ends_with("update") {
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{text}");
            assert!(text.contains("customers-control-characters"), "{text}");
        }
    }
    let secret = app
        .add_application(
            &fx.org_a,
            "Nul caller",
            app::access::RoleSet {
                admin: Some(Role::GlobalAdmin),
                ..Default::default()
            },
        )
        .await
        .secret;
    for path in ["/customers/a%00b", "/customers?search=a%00b"] {
        let (status, text) = app
            .api("GET", path, Some(&secret), &serde_json::Value::Null)
            .await;
        assert!(!status.is_server_error(), "{path}: {status}: {text}");
    }
    let name: String = sqlx::query_scalar("select name from customer where customer_id = $1")
        .bind(&customer.customer_id)
        .fetch_one(&app.db)
        .await
        .expect("name");
    assert!(!name.contains('\0'), "{name:?}");
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

/// A sign-in from `addr` (the app trusts `X-Forwarded-For`).
async fn sign_in_from(
    app: &crate::helpers::TestApp,
    addr: &str,
    email: &str,
    password: &str,
) -> StatusCode {
    let req = Request::post("/api/auth/sign-in")
        .header("content-type", "application/json")
        .header("x-forwarded-for", addr)
        .body(Body::from(
            serde_json::json!({"email": email, "password": password}).to_string(),
        ))
        .expect("request");
    app.send(req).await.0
}

async fn one_user(app: &crate::helpers::TestApp) -> crate::helpers::Caller {
    let org = app::orgs::service::create(&app.db, "Throttle Partners")
        .await
        .expect("org");
    app.add_user(&org, "Tess Target", app::access::RoleSet::default())
        .await
}

#[tokio::test]
async fn a_correct_password_still_signs_in_after_100_failures_from_other_addresses() {
    let app = crate::helpers::spawn_app_with(true).await;
    let tess = one_user(&app).await;
    // 100 guesses from one address: five are checked, then it is refused.
    let mut refused = 0;
    for i in 0..100 {
        match sign_in_from(&app, "198.51.100.1", &tess.email, "guess-guess-guess").await {
            StatusCode::UNPROCESSABLE_ENTITY => assert!(i < 5, "attempt {i} was checked"),
            StatusCode::TOO_MANY_REQUESTS => refused += 1,
            other => panic!("attempt {i}: {other}"),
        }
    }
    assert_eq!(refused, 95);
    // More failures from other addresses slow the account down, never lock it.
    for i in 0..10 {
        let addr = format!("198.51.100.{}", 10 + i / 5);
        let s = sign_in_from(&app, &addr, &tess.email, "guess-guess-guess").await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let started = std::time::Instant::now();
    assert_eq!(
        sign_in_from(&app, "203.0.113.50", &tess.email, crate::helpers::PASSWORD).await,
        StatusCode::OK
    );
    println!(
        "owner signed in after 15 failures elsewhere, slowed by {:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn made_up_emails_from_a_shared_address_do_not_lock_out_its_regular_users() {
    let app = crate::helpers::spawn_app_with(true).await;
    let tess = one_user(&app).await;
    let office = "192.0.2.10";
    assert_eq!(
        sign_in_from(&app, office, &tess.email, crate::helpers::PASSWORD).await,
        StatusCode::OK
    );
    let mut statuses = Vec::new();
    for i in 0..40 {
        statuses.push(
            sign_in_from(
                &app,
                office,
                &format!("nobody{i}@example.com"),
                "whatever-it-is",
            )
            .await,
        );
    }
    // One address makes a bounded number of guesses across accounts...
    // (Tess's own first sign-in there was one of the address's 30 attempts.)
    let limit = app::auth::throttle::ADDRESS_LIMIT as usize - 1;
    assert!(
        statuses[..limit]
            .iter()
            .all(|s| *s == StatusCode::UNPROCESSABLE_ENTITY),
        "{statuses:?}"
    );
    assert!(
        statuses[limit..]
            .iter()
            .all(|s| *s == StatusCode::TOO_MANY_REQUESTS),
        "{statuses:?}"
    );
    // ...and someone who signed in there before still signs in.
    assert_eq!(
        sign_in_from(&app, office, &tess.email, crate::helpers::PASSWORD).await,
        StatusCode::OK
    );
}

#[tokio::test]
async fn parallel_guesses_for_one_account_get_no_more_than_the_limit() {
    let app = crate::helpers::spawn_app_with(true).await;
    let tess = one_user(&app).await;
    let guesses =
        (0..100).map(|_| sign_in_from(&app, "198.51.100.77", &tess.email, "parallel-guess"));
    let statuses = futures::future::join_all(guesses).await;
    let checked = statuses
        .iter()
        .filter(|s| **s == StatusCode::UNPROCESSABLE_ENTITY)
        .count();
    let refused = statuses
        .iter()
        .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
        .count();
    println!("100 parallel guesses: {checked} checked, {refused} refused");
    assert_eq!(checked + refused, 100, "{statuses:?}");
    assert!(
        checked <= app::auth::throttle::PAIR_LIMIT as usize,
        "{checked} passwords checked"
    );
}

#[tokio::test]
async fn wrong_current_passwords_count_like_failed_sign_ins() {
    let app = spawn_app().await;
    let tess = one_user(&app).await;
    let org: String = sqlx::query_scalar("select org_id from app_user where user_id = $1")
        .bind(&tess.user_id)
        .fetch_one(&app.db)
        .await
        .expect("org");
    let cookie = app.session_for(&tess.user_id, &org).await;
    let change = |current: &str| serde_json::json!({"current_password": current, "new_password": "a-brand-new-passphrase"});
    for _ in 0..5 {
        let (status, body) = app
            .call_as(
                "/api/auth/change-password",
                Some(&cookie),
                &change("not-my-password"),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    }
    let (status, _) = app
        .call_as(
            "/api/auth/change-password",
            Some(&cookie),
            &change(crate::helpers::PASSWORD),
        )
        .await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    let logged: i64 = sqlx::query_scalar(
        "select count(*) from activity where operation = 'sign-in-failed' and target_id = $1",
    )
    .bind(&tess.user_id)
    .fetch_one(&app.db)
    .await
    .expect("count");
    assert_eq!(logged, 5);
}

#[tokio::test]
async fn an_expired_temporary_password_is_refused_like_a_wrong_one() {
    let app = spawn_app().await;
    let org = app::orgs::service::create(&app.db, "Expiry Partners")
        .await
        .expect("org");
    let ctx = app::request::Ctx::operator(&app.db, &org);
    let (user_id, temporary) =
        app::users::service::create_admin(&ctx, "Tia Temp", "tia@expiry.example")
            .await
            .expect("admin");
    let day = 86_400_000;
    let left = expires_in(&app, &user_id).await;
    assert!((6 * day..=7 * day).contains(&left), "{left} ms left");
    let sign_in = |password: &str| {
        serde_json::json!({"email": "tia@expiry.example", "password": password}).to_string()
    };
    // Past its expiry it gets exactly the answer of a wrong password.
    sqlx::query("update app_user set temp_password_expires_at = 1 where user_id = $1")
        .bind(&user_id)
        .execute(&app.db)
        .await
        .expect("expire");
    let expired = app.call("/api/auth/sign-in", &sign_in(&temporary)).await;
    let wrong = app
        .call("/api/auth/sign-in", &sign_in("not-the-password"))
        .await;
    assert_eq!(expired.0, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(expired, wrong);
    // The organization chooses the lifetime of new ones; a reset restarts it.
    app::orgs::service::set_temp_password_days(&ctx, 2)
        .await
        .expect("days");
    assert!(app::orgs::service::set_temp_password_days(&ctx, 91)
        .await
        .is_err());
    let fresh = app::users::service::reset_password(&ctx, &user_id)
        .await
        .expect("reset");
    let left = expires_in(&app, &user_id).await;
    assert!((day..=2 * day).contains(&left), "{left} ms left");
    let (status, body) = app.call("/api/auth/sign-in", &sign_in(&fresh)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

/// Milliseconds until the user's temporary password expires.
async fn expires_in(app: &crate::helpers::TestApp, user_id: &str) -> i64 {
    let t: Option<i64> =
        sqlx::query_scalar("select temp_password_expires_at from app_user where user_id = $1")
            .bind(user_id)
            .fetch_one(&app.db)
            .await
            .expect("expiry");
    t.unwrap_or(0) - app::db::now_millis()
}

#[tokio::test]
async fn pages_carry_a_content_security_policy_with_a_fresh_nonce() {
    let app = spawn_app().await;
    let mut nonces = Vec::new();
    for _ in 0..2 {
        let req = Request::get("/login").body(Body::empty()).expect("request");
        let res = tower::ServiceExt::oneshot(app.router.clone(), req)
            .await
            .expect("response");
        let csp = res
            .headers()
            .get("content-security-policy")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string();
        let html = axum::body::to_bytes(res.into_body(), 4 * 1024 * 1024)
            .await
            .expect("body");
        let html = String::from_utf8_lossy(&html);
        let nonce = html
            .split("nonce=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap_or("")
            .to_string();
        assert!(
            nonce.len() >= 16,
            "no nonce on the hydration scripts: {html}"
        );
        assert!(
            csp.contains(&format!(
                "script-src 'nonce-{nonce}' 'strict-dynamic' 'wasm-unsafe-eval'"
            )),
            "{csp}"
        );
        assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
        // Every script (inline, the module, the catalogue) carries the nonce.
        let tags: Vec<&str> = html
            .split("<script")
            .skip(1)
            .filter_map(|rest| rest.split('>').next())
            .collect();
        assert!(tags.len() >= 3, "{html}");
        for tag in tags {
            assert!(
                tag.contains(&format!("nonce=\"{nonce}\"")),
                "<script{tag}> in {html}"
            );
        }
        nonces.push(nonce);
    }
    assert_ne!(
        nonces[0], nonces[1],
        "the nonce must change with every response"
    );
}
