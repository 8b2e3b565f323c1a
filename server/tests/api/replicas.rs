//! Several server processes on one database, as behind a load balancer:
//! every request may land on any replica, because sessions, roles and data
//! live in the database. And a server killed mid-import leaves nothing of
//! it behind. The processes are the real binary, on the backend of the run
//! (a SQLite file shared by both, or PostgreSQL).

use crate::pages::{http, sign_in};
use serde_json::{json, Value};
use std::io::{BufRead, BufReader};
use std::net::{SocketAddr, TcpListener};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(60);

/// A `partner-console serve` process; killed (SIGKILL) when dropped.
struct Replica {
    child: Child,
    addr: SocketAddr,
    log: Arc<Mutex<String>>,
}

impl Replica {
    /// Starts a replica on `url` and waits until `/status` answers.
    fn start(url: &str) -> Replica {
        let addr = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("free port");
        let mut child = Command::new(env!("CARGO_BIN_EXE_partner-console"))
            .args(["serve", "--addr", &addr.to_string()])
            .env("DATABASE_URL", url)
            .env("RUST_LOG", "warn,app=debug")
            .env("LEPTOS_SITE_ROOT", "target/site")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start the binary");
        let log = Arc::new(Mutex::new(String::new()));
        let out = child.stdout.take().expect("stdout");
        let sink = log.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(out).lines().map_while(Result::ok) {
                if let Ok(mut log) = sink.lock() {
                    log.push_str(&line);
                    log.push('\n');
                }
            }
        });
        let started = Instant::now();
        loop {
            let up = http(addr, "GET", "/status", None, None, Duration::from_secs(5));
            if up.is_ok_and(|r| r.status == 200) {
                break;
            }
            assert!(
                started.elapsed() < TIMEOUT,
                "replica on {addr} did not start"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        Replica { child, addr, log }
    }

    /// Whether the replica's log has a line containing `needle`.
    fn logged(&self, needle: &str) -> bool {
        self.log.lock().map(|l| l.contains(needle)).unwrap_or(false)
    }

    /// Calls a server function as the holder of `cookie`.
    fn call(&self, path: &str, cookie: &str, body: &Value) -> (u16, Value) {
        let reply = http(
            self.addr,
            "POST",
            path,
            Some(cookie),
            Some(&body.to_string()),
            TIMEOUT,
        )
        .expect("reply");
        let value = serde_json::from_str(&reply.body).unwrap_or(Value::Null);
        (reply.status, value)
    }
}

impl Drop for Replica {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A fresh database with the demo organization; its URL and the app handle.
async fn demo_database() -> (crate::helpers::TestApp, String) {
    let app = crate::helpers::spawn_app().await;
    let seeded = app::demo::seed(&app.db).await.expect("demo data");
    (app, seeded.org_id)
}

async fn customer_id(app: &crate::helpers::TestApp, domain: &str) -> String {
    sqlx::query_scalar("select customer_id from customer where domain = $1")
        .bind(domain)
        .fetch_one(&app.db)
        .await
        .expect("demo customer")
}

/// A CSV of `n` new users of `domain`.
fn csv(n: usize, domain: &str) -> String {
    let mut text = String::from("First name,Last name,Display name,Email\n");
    for i in 0..n {
        text.push_str(&format!(
            "Bulk,User{i},Bulk User{i},bulk.user{i}@{domain}\n"
        ));
    }
    text
}

fn total(reply: &(u16, Value)) -> i64 {
    assert_eq!(reply.0, 200, "{}", reply.1);
    reply.1["total"].as_i64().expect("total")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_replicas_share_sessions_roles_and_imports() {
    use app::access::Role;
    use app::demo::demo_email;
    let (app, _org) = demo_database().await;
    let customer = customer_id(&app, "fabrikam.example").await;
    let url = app.url.clone();
    let (a, b) = tokio::task::spawn_blocking(move || (Replica::start(&url), Replica::start(&url)))
        .await
        .expect("replicas");

    let outcome = tokio::task::spawn_blocking(move || {
        // Signed in through A, served by B.
        let admin = sign_in(a.addr, &demo_email(Some(Role::GlobalAdmin)));
        let (status, page) = b.call("/api/users/list", &admin, &json!({"query": {}}));
        assert_eq!(status, 200, "{page}");
        assert!(page["total"].as_i64().unwrap_or(0) >= 9, "{page}");

        // A User management admin works through B until A takes the role.
        let uma = sign_in(b.addr, &demo_email(Some(Role::UserManagementAdmin)));
        let (status, _) = b.call("/api/users/list", &uma, &json!({"query": {}}));
        assert_eq!(status, 200);
        let (_, listed) = a.call(
            "/api/users/list",
            &admin,
            &json!({"query": {"search": "Demo User management admin"}}),
        );
        let user = &listed["users"][0];
        let (status, changed) = a.call(
            "/api/users/roles",
            &admin,
            &json!({
                "user_id": user["user_id"],
                "version": user["version"],
                "roles": {"agent": null, "admin": null, "incentives": null}
            }),
        );
        assert_eq!(status, 200, "{changed}");
        let (status, refused) = b.call("/api/users/list", &uma, &json!({"query": {}}));
        assert_eq!(
            status, 403,
            "the role is gone on the other replica: {refused}"
        );
        assert!(
            refused.get("users").is_none(),
            "no data with a 403: {refused}"
        );

        // An import through A shows through B.
        let sales = sign_in(a.addr, &demo_email(Some(Role::SalesAgent)));
        let query = json!({"query": {"customer_id": customer}});
        let before = total(&b.call("/api/customer-users/list", &sales, &query));
        let (status, imported) = a.call(
            "/api/customer-users/import",
            &sales,
            &json!({"customer_id": customer, "csv": csv(500, "fabrikam.example")}),
        );
        assert_eq!(status, 200, "{imported}");
        let after = total(&b.call("/api/customer-users/list", &sales, &query));
        assert_eq!(after, before + 500);
    })
    .await;
    if let Err(e) = outcome {
        std::panic::resume_unwind(e.into_panic());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_killed_mid_import_leaves_nothing_of_it() {
    use app::access::Role;
    use app::demo::demo_email;
    const ROWS: usize = 100_000;
    let (app, _org) = demo_database().await;
    let customer = customer_id(&app, "northwind.example").await;
    let count = |db: app::db::Db, customer: String| async move {
        sqlx::query_scalar::<_, i64>("select count(*) from customer_user where customer_id = $1")
            .bind(customer)
            .fetch_one(&db)
            .await
            .expect("count")
    };
    let before = count(app.db.clone(), customer.clone()).await;
    let url = app.url.clone();
    let (cid, file) = (customer.clone(), csv(ROWS, "northwind.example"));
    let killed_after = tokio::task::spawn_blocking(move || {
        let mut server = Replica::start(&url);
        let sales = sign_in(server.addr, &demo_email(Some(Role::SalesAgent)));
        let addr = server.addr;
        let body = json!({"customer_id": cid, "csv": file}).to_string();
        let request = std::thread::spawn(move || {
            http(
                addr,
                "POST",
                "/api/customer-users/import",
                Some(&sales),
                Some(&body),
                Duration::from_secs(300),
            )
        });
        // Kill once 30,000 rows are written but the import has not ended.
        let started = Instant::now();
        while !server.logged("import: 30000 of") {
            assert!(
                !request.is_finished(),
                "the import ended before it was killed"
            );
            assert!(
                started.elapsed() < Duration::from_secs(240),
                "no batch written"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        let killed_after = started.elapsed();
        server.child.kill().expect("SIGKILL");
        let _ = server.child.wait();
        let reply = request.join().expect("request thread");
        assert!(
            reply.as_ref().map_or(true, |r| r.status != 200),
            "the import answered before the kill"
        );
        killed_after
    })
    .await
    .expect("import and kill");
    eprintln!("killed the server {killed_after:?} into the import");

    // Nothing of the import is visible; the database is sound.
    drop(app.db.clone());
    let db = app::db::connect(&app.url).await.expect("reopen");
    assert_eq!(count(db.clone(), customer.clone()).await, before);
    if app.url.starts_with("sqlite:") {
        let check: String = sqlx::query_scalar("pragma integrity_check")
            .fetch_one(&db)
            .await
            .expect("integrity check");
        assert_eq!(check, "ok");
    }
    // The server starts again and serves.
    let url = app.url.clone();
    tokio::task::spawn_blocking(move || {
        let server = Replica::start(&url);
        let sales = sign_in(server.addr, &demo_email(Some(Role::SalesAgent)));
        let query = json!({"query": {"customer_id": customer}});
        assert_eq!(
            total(&server.call("/api/customer-users/list", &sales, &query)),
            before
        );
    })
    .await
    .expect("restart");
}
