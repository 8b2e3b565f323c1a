//! Benchmarks of server-side work, through the real router (no socket):
//! sign-in (argon2id dominates) and one page of the user list among 10,000
//! users, a 100,000-row CSV import against a bare insert loop, and another
//! organization's sign-ins and edits while that import runs. Run with
//! `make bench`; it prints figures and never fails on time.

use app::state::AppState;
use axum::body::Body;
use benches::seed::PASSWORD;
use http::Request;
use std::time::{Duration, Instant};
use tower::ServiceExt;

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
    // `console-bench import-isolation` runs only that section.
    if std::env::args().nth(1).as_deref() != Some("import-isolation") {
        sign_in_list_and_import_benches(&dir).await;
    }
    isolation::run(&dir).await;
    let _ = std::fs::remove_dir_all(&dir);
}

/// Sign-in, the user list among 10,000 users and the 100,000-row import.
async fn sign_in_list_and_import_benches(dir: &std::path::Path) {
    let db = app::db::connect(&format!("sqlite://{}/bench.db", dir.display()))
        .await
        .expect("database");
    let org = app::orgs::service::create(&db, "Bench Org")
        .await
        .expect("org");
    let users = 10_000;
    let start = Instant::now();
    let admin_id = benches::seed::users(&db, &org, users).await;
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
            &serde_json::json!({"email": benches::seed::ADMIN_EMAIL, "password": PASSWORD}),
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
    let result =
        app::customer_users::import::import(&ctx, &cust.customer_id, &csv.as_str(), &|_| {})
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

/// Issue #13: a large import must not make other organizations' writes fail.
/// While a 100,000-row import into organization A runs (the service function
/// the CLI, the browser and the API call), loops in organization B sign in
/// and edit users until it returns; prints how many of their writes
/// succeeded and how long they waited. On SQLite, and also on PostgreSQL
/// when `PC_TEST_POSTGRES_URL` names a server (`scripts/with-postgres.sh
/// cargo run --release -p benches --bin console-bench import-isolation`).
/// `PC_ISOLATION_SIGNERS` / `PC_ISOLATION_EDITORS` (default 2 each) set the
/// number of loops, `PC_ISOLATION_ROWS` the rows.
mod isolation {
    use app::access::{Role, RoleSet};
    use app::activity::service::{Actor, Work};
    use app::request::Ctx;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    use std::sync::Arc;
    use std::time::{Duration, Instant};

    const PASSWORD: &str = super::PASSWORD;

    fn env_number(name: &str, default: usize) -> usize {
        std::env::var(name)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    }

    pub async fn run(dir: &std::path::Path) {
        let url = format!("sqlite://{}/isolation.db", dir.display());
        let db = app::db::connect(&url).await.expect("database");
        measure(&db).await;
        db.close().await;
        if let Ok(admin) = std::env::var("PC_TEST_POSTGRES_URL") {
            use sqlx::{Connection, Executor};
            let name = format!("pc_isolation_{}", std::process::id());
            let mut conn = sqlx::PgConnection::connect(&admin)
                .await
                .expect("connect to PC_TEST_POSTGRES_URL");
            conn.execute(format!("create database {name}").as_str())
                .await
                .expect("create database");
            let (server, _) = admin.rsplit_once('/').expect("URL with a database");
            let db = app::db::connect(&format!("{server}/{name}"))
                .await
                .expect("database");
            measure(&db).await;
            db.close().await;
        }
    }

    /// What one loop in organization B did.
    #[derive(Default)]
    struct Tally {
        /// Attempts, every one started while the import was running.
        attempted: usize,
        failures: Vec<String>,
        latencies: Vec<Duration>,
    }

    /// Rows the import has written so far, and whether it returned.
    #[derive(Default)]
    struct Progress {
        written: AtomicUsize,
        done: AtomicBool,
    }

    /// Runs `op` from the import's first batch until the import returns.
    async fn repeat<F, Fut>(progress: Arc<Progress>, mut op: F) -> Tally
    where
        F: FnMut(usize) -> Fut,
        Fut: std::future::Future<Output = Result<(), String>>,
    {
        while progress.written.load(Ordering::SeqCst) == 0 && !progress.done.load(Ordering::SeqCst)
        {
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
        let mut tally = Tally::default();
        while !progress.done.load(Ordering::SeqCst) {
            tally.attempted += 1;
            let start = Instant::now();
            let outcome = op(tally.attempted).await;
            tally.latencies.push(start.elapsed());
            if let Err(e) = outcome {
                tally.failures.push(e);
            }
        }
        tally
    }

    fn report(label: &str, tallies: &[Tally]) {
        let attempted: usize = tallies.iter().map(|t| t.attempted).sum();
        let failures: Vec<&String> = tallies.iter().flat_map(|t| &t.failures).collect();
        let mut all: Vec<Duration> = tallies
            .iter()
            .flat_map(|t| t.latencies.iter().copied())
            .collect();
        all.sort();
        let max = all.last().copied().unwrap_or_default();
        let p99 = all
            .get((all.len() * 99).div_ceil(100).saturating_sub(1))
            .copied()
            .unwrap_or_default();
        println!(
            "  {label}: {attempted} attempted, {} succeeded, {} failed; latency max {}, p99 {}, median {}",
            attempted - failures.len(),
            failures.len(),
            super::ms(max),
            super::ms(p99),
            super::ms(all.get(all.len() / 2).copied().unwrap_or_default()),
        );
        for f in failures.iter().take(3) {
            println!("    failure: {f}");
        }
    }

    /// A user of organization B with the bench password; returns the id.
    async fn add_user(
        db: &app::db::Db,
        org: &str,
        hash: &str,
        name: &str,
        roles: RoleSet,
    ) -> String {
        let new = app::users::NewUser {
            display_name: name.into(),
            email: format!("{}@busy.example", name.to_lowercase().replace(' ', ".")),
            roles,
            partner_id: String::new(),
            groups: Vec::new(),
        };
        let mut work = Work::begin(db, &Actor::operator(org)).await.expect("work");
        let id = app::users::service::insert_with_password(&mut work, org, &new, hash)
            .await
            .expect("user");
        work.commit().await.expect("commit");
        id
    }

    async fn measure(db: &app::db::Db) {
        let backend = app::db::Backend::of(db).name();
        let rows = env_number("PC_ISOLATION_ROWS", 100_000);
        let signers = env_number("PC_ISOLATION_SIGNERS", 2);
        let editors = env_number("PC_ISOLATION_EDITORS", 2);
        let org_a = app::orgs::service::create(db, "Importing Org")
            .await
            .expect("org a");
        let org_b = app::orgs::service::create(db, "Busy Org")
            .await
            .expect("org b");
        let ctx_a = Ctx::operator(db, &org_a);
        let customer = app::customers::service::create(
            &ctx_a,
            &app::customers::NewCustomer {
                details: app::customers::CustomerDetails {
                    name: "Bulk".into(),
                    ..Default::default()
                },
                domain: "bulk.example".into(),
            },
        )
        .await
        .expect("customer");
        app::subscriptions::service::create(&ctx_a, &customer.customer_id, "Suite", rows as i64)
            .await
            .expect("subscription");
        let mut csv = String::from("First name,Last name,Display name,Email,Licence\n");
        for i in 0..rows {
            csv.push_str(&format!(
                "First{i},Last{i},Person {i},person{i}@bulk.example,Suite\n"
            ));
        }

        let hash = app::auth::secrets::hash_password(PASSWORD).expect("hash");
        let admin = RoleSet {
            admin: Some(Role::GlobalAdmin),
            ..RoleSet::default()
        };
        // The key of temporary passwords exists before the import, as on
        // any database that has had a sign-in (else the import creates it,
        // and sign-ins on PostgreSQL wait for its commit to read it).
        app::auth::secrets::server_key(db)
            .await
            .expect("server key");
        let progress = Arc::new(Progress::default());
        let mut sign_in_loops = Vec::new();
        for i in 0..signers {
            let name = format!("Signer {i}");
            add_user(db, &org_b, &hash, &name, RoleSet::default()).await;
            let email = format!("{}@busy.example", name.to_lowercase().replace(' ', "."));
            let (db, progress) = (db.clone(), progress.clone());
            sign_in_loops.push(tokio::spawn(repeat(progress, move |_| {
                let (db, email) = (db.clone(), email.clone());
                async move {
                    app::auth::service::sign_in(&db, &email, PASSWORD, None)
                        .await
                        .map(|_| ())
                        .map_err(|e| format!("sign-in: {e:?}"))
                }
            })));
        }
        let mut edit_loops = Vec::new();
        for i in 0..editors {
            let admin_id = add_user(db, &org_b, &hash, &format!("Editor {i}"), admin).await;
            let target = add_user(
                db,
                &org_b,
                &hash,
                &format!("Target {i}"),
                RoleSet::default(),
            )
            .await;
            let token = app::auth::service::create_session(db, &admin_id, &org_b)
                .await
                .expect("session");
            let me = app::auth::service::identity_for_token(db, &token)
                .await
                .expect("identity")
                .expect("signed in");
            let ctx = Ctx::for_identity(db, me);
            let current = app::users::service::get(&ctx, &target)
                .await
                .expect("target");
            let current = Arc::new(tokio::sync::Mutex::new(current));
            edit_loops.push(tokio::spawn(repeat(progress.clone(), move |n| {
                let (ctx, current) = (ctx.clone(), current.clone());
                async move {
                    let mut current = current.lock().await;
                    let details = app::users::UserDetails {
                        display_name: format!("Target edit {n}"),
                        email: current.email.clone(),
                        partner_id: String::new(),
                    };
                    *current = app::users::service::update_details(
                        &ctx,
                        &current.user_id,
                        current.version,
                        &details,
                    )
                    .await
                    .map_err(|e| format!("edit: {e:?}"))?;
                    Ok(())
                }
            })));
        }

        let start = Instant::now();
        let written = progress.clone();
        let result = app::customer_users::import::import(
            &ctx_a,
            &customer.customer_id,
            &csv.as_str(),
            &move |step| {
                if let app::customer_users::ImportStep::Written { rows, .. } = step {
                    written.written.store(rows, Ordering::SeqCst);
                }
            },
        )
        .await;
        progress.done.store(true, Ordering::SeqCst);
        let import_time = start.elapsed();
        let mut sign_ins = Vec::new();
        for l in sign_in_loops {
            sign_ins.push(l.await.expect("loop"));
        }
        let mut edits = Vec::new();
        for l in edit_loops {
            edits.push(l.await.expect("loop"));
        }
        println!(
            "{backend}: import of {rows} rows into one organization: {} ({}), while {signers} sign-in and {editors} edit loops ran in another:",
            super::ms(import_time),
            match &result {
                Ok(r) => format!("{} users committed", r.users.len()),
                Err(e) => format!("failed: {e:?}"),
            }
        );
        report("sign-ins", &sign_ins);
        report("edits", &edits);
    }
}
