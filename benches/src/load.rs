//! `make bench`, third part: load on loopback against two replicas of the
//! release binary on one PostgreSQL database (started by
//! `scripts/with-postgres.sh`), for 60 s by default, with a mix of list,
//! search, edit and sign-in spread over both replicas.
//!
//! Every edit increments a counter kept in one customer's phone field,
//! through optimistic concurrency (read the version, save, re-read on a
//! conflict). Afterwards the counter must equal the number of edits that
//! succeeded: a lost update would leave it short. It prints figures and
//! exits non-zero on any error or lost update; it never judges times.
//! Then the million-row command-line import on the same PostgreSQL
//! (`PC_BENCH_IMPORT_ROWS`), beside bare multi-row inserts and a bare
//! `COPY` of the same rows.
//!
//! Settings: `PC_LOAD_SECONDS` (60), `PC_LOAD_CLIENTS` (8), `PC_SERVER_BIN`
//! (the release binary under `$CARGO_TARGET_DIR`).

use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper_util::client::legacy::{connect::HttpConnector, Client};
use hyper_util::rt::TokioExecutor;
use serde_json::{json, Value};
use sqlx::{Connection, Executor};
use std::net::{SocketAddr, TcpListener};
use std::process::{Child, Command, ExitCode, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

type Http = Client<HttpConnector, Full<Bytes>>;

/// What one kind of request did.
#[derive(Default)]
struct Tally {
    times: Vec<Duration>,
    errors: u64,
}

/// Per-client results, merged at the end.
#[derive(Default)]
struct Results {
    list: Tally,
    search: Tally,
    customer_users: Tally,
    edit: Tally,
    sign_in: Tally,
    edits_done: i64,
    conflicts: u64,
}

/// A replica process, killed when dropped.
struct Replica {
    child: Child,
    base: String,
}

impl Drop for Replica {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

async fn post(
    http: &Http,
    url: &str,
    cookie: Option<&str>,
    body: &Value,
) -> (u16, Value, Option<String>) {
    let mut req = hyper::Request::post(url)
        .header("content-type", "application/json")
        .header("accept", "application/json");
    if let Some(c) = cookie {
        req = req.header("cookie", c);
    }
    let Ok(req) = req.body(Full::new(Bytes::from(body.to_string()))) else {
        return (0, Value::Null, None);
    };
    let Ok(res) = http.request(req).await else {
        return (0, Value::Null, None);
    };
    let status = res.status().as_u16();
    let cookie = res
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(str::to_string);
    let bytes = match res.into_body().collect().await {
        Ok(b) => b.to_bytes(),
        Err(_) => return (0, Value::Null, None),
    };
    (
        status,
        serde_json::from_slice(&bytes).unwrap_or(Value::Null),
        cookie,
    )
}

/// Starts `serve` on a free port and waits for `/status`.
async fn start(bin: &str, url: &str, demo: bool, http: &Http) -> Result<Replica, String> {
    let addr: SocketAddr = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map_err(|e| e.to_string())?;
    let mut args = vec!["serve".to_string(), "--addr".into(), addr.to_string()];
    if demo {
        args.push("--demo".into());
    }
    let child = Command::new(bin)
        .args(&args)
        .env("DATABASE_URL", url)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .spawn()
        .map_err(|e| format!("{bin}: {e}"))?;
    let replica = Replica {
        child,
        base: format!("http://{addr}"),
    };
    for _ in 0..600 {
        let status = format!("{}/status", replica.base);
        if let Ok(uri) = status.parse::<hyper::Uri>() {
            let req = hyper::Request::get(uri).body(Full::new(Bytes::new()));
            if let Ok(req) = req {
                if http.request(req).await.is_ok_and(|r| r.status() == 200) {
                    return Ok(replica);
                }
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err(format!("the replica on {addr} did not answer"))
}

async fn sign_in(http: &Http, base: &str, email: &str) -> Result<String, String> {
    let body = json!({"email": email, "password": app::demo::DEMO_PASSWORD});
    match post(http, &format!("{base}/api/auth/sign-in"), None, &body).await {
        (200, _, Some(cookie)) => Ok(cookie),
        (status, body, _) => Err(format!("sign-in of {email}: {status} {body}")),
    }
}

/// One edit: +1 on the counter, retried on conflicts. `Err` on any other answer.
async fn edit(http: &Http, base: &str, cookie: &str, customer: &str, r: &mut Results) -> bool {
    loop {
        let (status, c, _) = post(
            http,
            &format!("{base}/api/customers/get"),
            Some(cookie),
            &json!({"customer_id": customer}),
        )
        .await;
        if status != 200 {
            return false;
        }
        let n: i64 = c["details"]["phone"]
            .as_str()
            .and_then(|p| p.parse().ok())
            .unwrap_or(0);
        let mut details = c["details"].clone();
        details["phone"] = json!((n + 1).to_string());
        let body = json!({"customer_id": customer, "version": c["version"], "details": details});
        match post(
            http,
            &format!("{base}/api/customers/update"),
            Some(cookie),
            &body,
        )
        .await
        .0
        {
            200 => {
                r.edits_done += 1;
                return true;
            }
            409 => r.conflicts += 1,
            _ => return false,
        }
    }
}

/// A read through the server function at `/api/{path}`: did it answer 200?
async fn read(http: &Http, base: &str, path: &str, cookie: &str, body: &Value) -> bool {
    post(http, &format!("{base}/api/{path}"), Some(cookie), body)
        .await
        .0
        == 200
}

struct Session {
    base: String,
    admin: String,
    sales: String,
}

async fn client(
    id: usize,
    http: Http,
    sessions: Arc<Vec<Session>>,
    customer: String,
    until: Instant,
) -> Results {
    let mut r = Results::default();
    let mut i = id;
    while Instant::now() < until {
        let s = &sessions[i % sessions.len()];
        let started = Instant::now();
        let (tally, ok) = match i % 20 {
            0..=7 => {
                let q = json!({"query": {"page": i % 3}});
                (
                    &mut r.list,
                    read(&http, &s.base, "users/list", &s.admin, &q).await,
                )
            }
            8..=11 => {
                let word = ["demo", "admin", "agent", "zz"][i % 4];
                let q = json!({"query": {"search": word}});
                (
                    &mut r.search,
                    read(&http, &s.base, "users/list", &s.admin, &q).await,
                )
            }
            12..=14 => {
                let q = json!({"query": {"customer_id": customer, "search": "a"}});
                let ok = read(&http, &s.base, "customer-users/list", &s.sales, &q).await;
                (&mut r.customer_users, ok)
            }
            15..=18 => {
                let ok = edit(&http, &s.base, &s.sales, &customer, &mut r).await;
                (&mut r.edit, ok)
            }
            _ => {
                let ok = sign_in(
                    &http,
                    &s.base,
                    &app::demo::demo_email(Some(app::access::Role::HelpdeskAgent)),
                )
                .await
                .is_ok();
                (&mut r.sign_in, ok)
            }
        };
        tally.times.push(started.elapsed());
        if !ok {
            tally.errors += 1;
        }
        i += 1;
    }
    r
}

fn merge(into: &mut Tally, from: Tally) {
    into.times.extend(from.times);
    into.errors += from.errors;
}

fn report(name: &str, t: &mut Tally, seconds: f64) {
    t.times.sort();
    let at = |q: f64| {
        t.times
            .get(((t.times.len() as f64 - 1.0) * q) as usize)
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    println!(
        "  {name:<22} {:>7} requests {:>8.1}/s  p50 {:>7.2} ms  p99 {:>7.2} ms  errors {}",
        t.times.len(),
        t.times.len() as f64 / seconds,
        at(0.5),
        at(0.99),
        t.errors
    );
}

async fn run() -> Result<bool, String> {
    let admin_url = std::env::var("PC_TEST_POSTGRES_URL").map_err(|_| {
        "PC_TEST_POSTGRES_URL is not set: run through scripts/with-postgres.sh".to_string()
    })?;
    let target = std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| "target".into());
    let bin = std::env::var("PC_SERVER_BIN")
        .unwrap_or_else(|_| format!("{target}/server-release/partner-console"));
    let seconds = env_number("PC_LOAD_SECONDS", 60);
    let clients = env_number("PC_LOAD_CLIENTS", 8) as usize;

    let name = format!("pc_load_{}", std::process::id());
    let mut conn = sqlx::PgConnection::connect(&admin_url)
        .await
        .map_err(|e| e.to_string())?;
    conn.execute(format!("create database {name}").as_str())
        .await
        .map_err(|e| e.to_string())?;
    let (server, _) = admin_url
        .rsplit_once('/')
        .ok_or("admin URL without a database")?;
    let url = format!("{server}/{name}");

    let http: Http = Client::builder(TokioExecutor::new()).build_http();
    // The first replica seeds the demo data; the second starts on it.
    let one = start(&bin, &url, true, &http).await?;
    let two = start(&bin, &url, false, &http).await?;
    let mut sessions = Vec::new();
    for base in [&one.base, &two.base] {
        sessions.push(Session {
            base: base.clone(),
            admin: sign_in(
                &http,
                base,
                &app::demo::demo_email(Some(app::access::Role::GlobalAdmin)),
            )
            .await?,
            sales: sign_in(
                &http,
                base,
                &app::demo::demo_email(Some(app::access::Role::SalesAgent)),
            )
            .await?,
        });
    }
    let sessions = Arc::new(sessions);
    let db = sqlx::PgPool::connect(&url)
        .await
        .map_err(|e| e.to_string())?;
    let customer: String =
        sqlx::query_scalar("select customer_id from customer where domain = 'fabrikam.example'")
            .fetch_one(&db)
            .await
            .map_err(|e| e.to_string())?;
    sqlx::query("update customer set phone = '0' where customer_id = $1")
        .bind(&customer)
        .execute(&db)
        .await
        .map_err(|e| e.to_string())?;

    println!("load: {clients} clients for {seconds} s against 2 replicas on PostgreSQL ({bin})");
    let started = Instant::now();
    let until = started + Duration::from_secs(seconds);
    let tasks: Vec<_> = (0..clients)
        .map(|i| {
            tokio::spawn(client(
                i,
                http.clone(),
                sessions.clone(),
                customer.clone(),
                until,
            ))
        })
        .collect();
    let mut all = Results::default();
    for t in tasks {
        let r = t.await.map_err(|e| e.to_string())?;
        merge(&mut all.list, r.list);
        merge(&mut all.search, r.search);
        merge(&mut all.customer_users, r.customer_users);
        merge(&mut all.edit, r.edit);
        merge(&mut all.sign_in, r.sign_in);
        all.edits_done += r.edits_done;
        all.conflicts += r.conflicts;
    }
    let elapsed = started.elapsed().as_secs_f64();
    let phone: String = sqlx::query_scalar("select phone from customer where customer_id = $1")
        .bind(&customer)
        .fetch_one(&db)
        .await
        .map_err(|e| e.to_string())?;
    let counter: i64 = phone.parse().unwrap_or(-1);
    let lost = all.edits_done - counter;
    report("list users", &mut all.list, elapsed);
    report("search users", &mut all.search, elapsed);
    report("list customer users", &mut all.customer_users, elapsed);
    report("edit (read + save)", &mut all.edit, elapsed);
    report("sign-in", &mut all.sign_in, elapsed);
    let total = all.list.times.len()
        + all.search.times.len()
        + all.customer_users.times.len()
        + all.edit.times.len()
        + all.sign_in.times.len();
    let errors = all.list.errors
        + all.search.errors
        + all.customer_users.errors
        + all.edit.errors
        + all.sign_in.errors;
    println!(
        "  all: {total} requests in {elapsed:.1} s ({:.1}/s), errors {errors}",
        total as f64 / elapsed
    );
    println!(
        "  edits: {} saved, {} conflicts retried, counter {counter}, lost updates {lost}",
        all.edits_done, all.conflicts
    );
    drop((one, two));
    db.close().await;
    import_figure(&bin, &url).await?;
    let _ = conn.execute(format!("drop database {name}").as_str()).await;
    Ok(errors == 0 && lost == 0)
}

/// The million-row command-line import on PostgreSQL (`PC_BENCH_IMPORT_ROWS`
/// rows, default 1,000,000) into a new organization of the same database,
/// beside the same rows by bare multi-row inserts ([`benches::import`]).
async fn import_figure(bin: &str, url: &str) -> Result<(), String> {
    let rows = env_number("PC_BENCH_IMPORT_ROWS", 1_000_000) as usize;
    let db = app::db::connect(url).await.map_err(|e| e.to_string())?;
    let org = app::orgs::service::create(&db, "Import Bench Org")
        .await
        .map_err(|e| e.to_string())?;
    let dir = std::env::temp_dir().join(format!("pc-load-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let figures = benches::import::million(bin, &db, url, &org, &dir, rows).await;
    let copy = benches::import::bare_copy(&db, url, &org, rows).await;
    let import = figures.import.as_secs_f64();
    println!(
        "  command-line import of {} rows on PostgreSQL: {import:.1} s (peak RSS {:.1} MB); \
         bare multi-row inserts: {:.1} s ({:.2}×); bare COPY: {:.1} s ({:.2}×)",
        figures.rows,
        figures.peak_mb,
        figures.bare.as_secs_f64(),
        import / figures.bare.as_secs_f64(),
        copy.as_secs_f64(),
        import / copy.as_secs_f64()
    );
    db.close().await;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

#[tokio::main]
async fn main() -> ExitCode {
    match run().await {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => {
            eprintln!("load: errors or lost updates (see above)");
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("load: {e}");
            ExitCode::FAILURE
        }
    }
}
