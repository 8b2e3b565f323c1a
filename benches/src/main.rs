//! Benchmarks of server-side work, through the real router (no socket):
//! sign-in (argon2id dominates) and one page of the user list among 10,000
//! users, and a 100,000-row CSV import against a bare insert loop. Run with
//! `make bench`; it prints figures and never fails on time.

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
    let mut work = Work::begin(&db, &Actor::operator(&org))
        .await
        .expect("work");
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
            groups: Vec::new(),
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
        proxy_hops: 0,
        api_rate: Default::default(),
    })
    .expect("router");

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
    let cookie = format!("{}={token}", app::request::SESSION_COOKIE);
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
    import_bench(&db, &org, Some(format!("{}/bench.db", dir.display()))).await;
    let _ = std::fs::remove_dir_all(&dir);
}

/// 100,000-row CSV import: validation, the import itself, and the same rows
/// inserted by a bare sqlx loop in one transaction (the floor).
pub async fn import_bench(db: &app::db::Db, org: &str, db_path: Option<String>) {
    let ctx = app::request::Ctx::operator(db, org);
    let rows = 100_000;
    let make_customer = |name: &str, domain: &str| app::customers::NewCustomer {
        details: app::customers::CustomerDetails {
            name: name.into(),
            ..Default::default()
        },
        domain: domain.into(),
    };
    let cust = app::customers::service::create(&ctx, &make_customer("Bulk", "bulk.example"))
        .await
        .expect("customer");
    app::subscriptions::service::create(&ctx, &cust.customer_id, "Suite", 200_000)
        .await
        .expect("subscription");
    let mut csv = String::from("First name,Last name,Display name,Email,Licence\n");
    for i in 0..rows {
        csv.push_str(&format!(
            "First{i},Last{i},Person {i},person{i}@bulk.example,Suite\n"
        ));
    }
    let start = Instant::now();
    let check = app::customer_users::import::validate(&ctx, &cust.customer_id, &csv)
        .await
        .expect("validate");
    let validate = start.elapsed();
    assert!(
        check.errors.is_empty() && check.rows == rows,
        "the file must be valid"
    );
    let start = Instant::now();
    let result = app::customer_users::import::import(&ctx, &cust.customer_id, &csv, &|_, _| {})
        .await
        .expect("import");
    let import = start.elapsed();
    assert_eq!(result.users.len(), rows);

    // The floor: the same user and licence rows, one insert each, one transaction.
    let floor_cust =
        app::customers::service::create(&ctx, &make_customer("Floor", "floor.example"))
            .await
            .expect("customer");
    let sub = app::subscriptions::service::create(&ctx, &floor_cust.customer_id, "Suite", 200_000)
        .await
        .expect("subscription");
    let start = Instant::now();
    let mut tx = db.begin().await.expect("tx");
    for i in 0..rows {
        let id = app::db::new_id();
        let user_name = format!("person{i}@floor.example");
        sqlx::query(
            "insert into customer_user (customer_user_id, org_id, customer_id, first_name, last_name, display_name,
                 user_name, user_name_lower, admin_role, password_hash, must_change_password, status, created_at)
             values ($1, $2, $3, $4, $5, $6, $7, $8, 'none', $9, 1, 'active', $10)",
        )
        .bind(&id)
        .bind(org)
        .bind(&floor_cust.customer_id)
        .bind(format!("First{i}"))
        .bind(format!("Last{i}"))
        .bind(format!("Person {i}"))
        .bind(&user_name)
        .bind(&user_name)
        .bind("hmac-sha256$0")
        .bind(0i64)
        .execute(&mut *tx)
        .await
        .expect("insert");
        sqlx::query("insert into licence (customer_user_id, subscription_id, released, assigned_at) values ($1, $2, 0, 0)")
            .bind(&id)
            .bind(&sub.subscription_id)
            .execute(&mut *tx)
            .await
            .expect("licence");
    }
    tx.commit().await.expect("commit");
    let floor = start.elapsed();
    // The same floor through sqlx's native SQLite driver (not `Any`), to see
    // what the portable driver costs.
    if let Some(path) = db_path.as_deref() {
        let native = sqlx::SqlitePool::connect(&format!("sqlite://{path}"))
            .await
            .expect("native pool");
        let native_cust =
            app::customers::service::create(&ctx, &make_customer("Native", "native.example"))
                .await
                .expect("customer");
        let start = Instant::now();
        let mut tx = native.begin().await.expect("tx");
        for i in 0..rows {
            let user_name = format!("person{i}@native.example");
            sqlx::query(
                "insert into customer_user (customer_user_id, org_id, customer_id, first_name, last_name, display_name,
                     user_name, user_name_lower, admin_role, password_hash, must_change_password, status, created_at)
                 values ($1, $2, $3, $4, $5, $6, $7, $8, 'none', $9, 1, 'active', $10)",
            )
            .bind(app::db::new_id())
            .bind(org)
            .bind(&native_cust.customer_id)
            .bind(format!("First{i}"))
            .bind(format!("Last{i}"))
            .bind(format!("Person {i}"))
            .bind(&user_name)
            .bind(&user_name)
            .bind("hmac-sha256$0")
            .bind(0i64)
            .execute(&mut *tx)
            .await
            .expect("insert");
        }
        tx.commit().await.expect("commit");
        println!(
            "native sqlx SQLite driver, {rows} user rows (no licences) in one transaction: {}",
            ms(start.elapsed())
        );
    }
    println!("import of {rows} rows: validate {}, import {} (with passwords and activity entries), total {}",
        ms(validate), ms(import), ms(validate + import));
    println!(
        "bare sqlx loop, same user + licence rows in one transaction: {}",
        ms(floor)
    );
    println!(
        "ratio (validate + import) / bare loop: {:.2}×",
        (validate + import).as_secs_f64() / floor.as_secs_f64()
    );
}
