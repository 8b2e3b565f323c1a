//! Benchmarks of server-side work, through the real router (no socket):
//! sign-in (argon2id dominates) and one page of the user list among 10,000
//! users. Run with `make bench`; it prints medians and never fails on time.

use app::access::{Role, RoleSet};
use app::activity::service::{Actor, Work};
use app::state::AppState;
use axum::body::Body;
use http::Request;
use std::time::{Duration, Instant};
use tower::ServiceExt;

const PASSWORD: &str = "bench-password-2026";

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

async fn call(
    router: &axum::Router,
    path: &str,
    cookie: Option<&str>,
    body: &serde_json::Value,
) -> (u16, Duration) {
    let mut req = Request::post(path).header("content-type", "application/json");
    if let Some(c) = cookie {
        req = req.header("cookie", c);
    }
    let req = req.body(Body::from(body.to_string())).expect("request");
    let start = Instant::now();
    let res = router.clone().oneshot(req).await.expect("response");
    let status = res.status().as_u16();
    let _ = axum::body::to_bytes(res.into_body(), usize::MAX).await;
    (status, start.elapsed())
}

#[tokio::main]
async fn main() {
    let dir = std::env::temp_dir().join(format!("pc-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let db = app::db::connect(&format!("sqlite://{}/bench.db", dir.display()))
        .await
        .expect("database");
    let org = app::orgs::service::create(&db, "Bench Org")
        .await
        .expect("org");
    let hash = app::auth::secrets::hash_password(PASSWORD).expect("hash");

    let users = 10_000;
    let start = Instant::now();
    let mut work = Work::begin(&db, &Actor::system(&org)).await.expect("work");
    let mut admin_id = String::new();
    for i in 0..users {
        let roles = if i == 0 {
            RoleSet {
                admin: Some(Role::GlobalAdmin),
                ..RoleSet::default()
            }
        } else {
            RoleSet {
                agent: Some(Role::ALL[i % 3]),
                ..RoleSet::default()
            }
        };
        let new = app::users::NewUser {
            display_name: format!("Person {i:05}"),
            email: format!("person{i:05}@bench.example"),
            roles,
            partner_id: String::new(),
        };
        let id = app::users::service::insert_with_password(&mut work, &org, &new, &hash)
            .await
            .expect("insert");
        if i == 0 {
            admin_id = id;
        }
    }
    work.commit().await.expect("commit");
    println!(
        "seeded {users} users (with activity entries) in {:.2} s",
        start.elapsed().as_secs_f64()
    );

    let options = server::leptos_options("target/site", ([127, 0, 0, 1], 0).into());
    let router = server::router(AppState {
        leptos_options: options,
        db: db.clone(),
        secure_cookies: false,
        trust_proxy: false,
    });

    let mut sign_in = Vec::new();
    for _ in 0..31 {
        let (status, t) = call(
            &router,
            "/api/auth/sign-in",
            None,
            &serde_json::json!({"email": "person00000@bench.example", "password": PASSWORD}),
        )
        .await;
        assert_eq!(
            status, 200,
            "sign-in must succeed for the figure to mean anything"
        );
        sign_in.push(t);
    }
    println!(
        "sign-in (argon2id m=19 MiB t=2 p=1), median of 31: {}",
        ms(median(sign_in))
    );

    let token = app::auth::service::create_session(&db, &admin_id, &org)
        .await
        .expect("session");
    let cookie = format!("{}={token}", app::access::guard::SESSION_COOKIE);
    for (label, query) in [
        ("first page, sorted by name", serde_json::json!({})),
        ("page 200, sorted by name", serde_json::json!({"page": 200})),
        (
            "search \"person 09\"",
            serde_json::json!({"search": "person 09"}),
        ),
        (
            "filter role = Sales agent",
            serde_json::json!({"role": "sales-agent"}),
        ),
    ] {
        let mut times = Vec::new();
        for _ in 0..51 {
            let (status, t) = call(
                &router,
                "/api/users/list",
                Some(&cookie),
                &serde_json::json!({"query": query}),
            )
            .await;
            assert_eq!(status, 200);
            times.push(t);
        }
        println!(
            "list_users among {users} users, {label}, median of 51: {}",
            ms(median(times))
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
