//! Every page loads by its URL (server-rendered), repeatedly and under
//! parallel requests, for several roles; afterwards the server still answers.
//!
//! The server runs on its own threads and runtime (as `main` builds it) and is
//! reached over real TCP by a blocking client with timeouts, so a render that
//! hangs or deadlocks the server fails this test instead of hanging it.
//! Routes come from the router itself (`server::route_list`), so a new page
//! is covered without editing this file; a route with a parameter this file
//! has no sample value for fails the test.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

/// How long one page may take before the test calls it stuck.
const PAGE_TIMEOUT: Duration = Duration::from_secs(20);
/// Parallel loads of each route.
const BURST: usize = 8;

/// A plain HTTP/1.1 response.
pub struct Reply {
    pub status: u16,
    pub headers: String,
    pub body: String,
}

impl Reply {
    /// The value of a response header (first occurrence, case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.trim().eq_ignore_ascii_case(name).then_some(v.trim())
        })
    }
}

/// One request on a fresh connection, with a deadline for the whole reply.
pub fn http(
    addr: SocketAddr,
    method: &str,
    path: &str,
    cookie: Option<&str>,
    json: Option<&str>,
    timeout: Duration,
) -> Result<Reply, String> {
    let started = Instant::now();
    let mut stream =
        TcpStream::connect_timeout(&addr, timeout).map_err(|e| format!("connect: {e}"))?;
    stream
        .set_read_timeout(Some(timeout))
        .map_err(|e| e.to_string())?;
    let mut req = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    if let Some(c) = cookie {
        req.push_str(&format!("Cookie: {c}\r\n"));
    }
    if let Some(body) = json {
        let (content_type, body) = match serde_json::from_str(body) {
            Ok(value) => crate::helpers::encode_body(path, &value),
            Err(_) => ("application/json".into(), body.to_string()),
        };
        req.push_str(&format!(
            "Content-Type: {content_type}\r\nAccept: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        ));
    } else {
        req.push_str("\r\n");
    }
    stream
        .write_all(req.as_bytes())
        .map_err(|e| format!("write: {e}"))?;
    let mut raw = Vec::new();
    let mut buf = [0u8; 16 * 1024];
    loop {
        if started.elapsed() > timeout {
            return Err(format!("no complete reply after {timeout:?}"));
        }
        match stream.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => raw.extend_from_slice(&buf[..n]),
            Err(e) => {
                return Err(format!(
                    "read after {:?} ({} bytes so far): {e}",
                    started.elapsed(),
                    raw.len()
                ))
            }
        }
    }
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text
        .split_once("\r\n\r\n")
        .ok_or_else(|| format!("no header end in {} bytes", raw.len()))?;
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("bad status line: {head}"))?;
    let chunked = head.lines().any(|l| {
        l.to_ascii_lowercase()
            .replace(' ', "")
            .starts_with("transfer-encoding:chunked")
    });
    let body = if chunked {
        dechunk(body)?
    } else {
        body.to_string()
    };
    let declared = head.lines().find_map(|l| {
        let (k, v) = l.split_once(':')?;
        k.trim()
            .eq_ignore_ascii_case("content-length")
            .then(|| v.trim().parse::<usize>().ok())?
    });
    if declared.is_some_and(|n| n != body.len()) {
        return Err(format!(
            "body of {} bytes, {declared:?} declared",
            body.len()
        ));
    }
    Ok(Reply {
        status,
        headers: head.to_string(),
        body,
    })
}

/// Decodes a chunked body; an unterminated one (the server stopped midway)
/// is an error.
fn dechunk(mut s: &str) -> Result<String, String> {
    let mut out = String::new();
    loop {
        let (size, rest) = s
            .split_once("\r\n")
            .ok_or("chunked body cut off before its end")?;
        let n = usize::from_str_radix(size.trim(), 16).map_err(|_| "bad chunk size")?;
        if n == 0 {
            return Ok(out);
        }
        let chunk = rest.get(..n).ok_or("chunked body cut off inside a chunk")?;
        out.push_str(chunk);
        s = rest
            .get(n + 2..)
            .ok_or("chunked body cut off after a chunk")?;
    }
}

/// A running server on its own runtime, with the demo organization.
pub struct LiveServer {
    pub addr: SocketAddr,
    pub db: app::db::Db,
    /// The server's runtime: queries on `db` run there, never on a runtime
    /// of the test's own (a pool connection dropped on a runtime that ends
    /// is returned by a task that never runs).
    pub runtime: tokio::runtime::Handle,
    _dir: crate::helpers::TempDir,
}

/// Starts the real router on a fresh demo database, on a runtime built as
/// `main` builds it, in threads the test does not share.
pub fn live_server(
    extra: axum::Router<app::state::AppState>,
    guard: server::PageGuard,
) -> LiveServer {
    let (tx, rx) = std::sync::mpsc::channel();
    // `PC_TEST_LOG=1` prints the server's log (e.g. the cause of a 500).
    if std::env::var_os("PC_TEST_LOG").is_some() {
        let _ = tracing_subscriber::fmt().try_init();
    }
    std::thread::spawn(move || {
        let rt = server::runtime::build(server::runtime::default_workers()).expect("runtime");
        rt.block_on(async move {
            let (url, dir) = crate::helpers::fresh_database().await;
            let db = app::db::connect(&url).await.expect("database");
            app::demo::seed(&db).await.expect("demo data");
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                .await
                .expect("bind");
            let addr = listener.local_addr().expect("addr");
            let state = app::state::AppState {
                leptos_options: server::leptos_options("target/site", addr),
                db: db.clone(),
                secure_cookies: false,
                proxy_hops: 0,
                api_rate: Default::default(),
            };
            let router = server::router_with(state, extra, guard).expect("router");
            tx.send((addr, db, dir, tokio::runtime::Handle::current()))
                .expect("send address");
            let service = router.into_make_service_with_connect_info::<SocketAddr>();
            let _ = axum::serve(listener, service).await;
        });
    });
    let (addr, db, dir, runtime) = rx
        .recv_timeout(Duration::from_secs(60))
        .expect("server started");
    LiveServer {
        addr,
        db,
        runtime,
        _dir: dir,
    }
}

/// Signs in as a demo user through the sign-in server function; returns the
/// session cookie.
pub fn sign_in(addr: SocketAddr, email: &str) -> String {
    let body = serde_json::json!({ "email": email, "password": app::demo::DEMO_PASSWORD });
    let reply = http(
        addr,
        "POST",
        "/api/auth/sign-in",
        None,
        Some(&body.to_string()),
        PAGE_TIMEOUT,
    )
    .expect("sign-in answered");
    assert_eq!(reply.status, 200, "sign-in of {email}: {}", reply.body);
    let cookie = reply.header("set-cookie").expect("session cookie");
    cookie.split(';').next().unwrap_or_default().to_string()
}

/// Every route of the app with its parameters filled from the demo data.
fn concrete_paths(server: &LiveServer) -> Vec<String> {
    let rt = &server.runtime;
    let (ticket_id, console_ticket_id): (String, String) = rt.block_on(async {
        let first = |kind: &'static str| {
            sqlx::query_scalar::<_, String>(
                "select ticket_id from support_ticket where kind = $1 order by title limit 1",
            )
            .bind(kind)
            .fetch_one(&server.db)
        };
        (
            first("customer").await.expect("a demo customer ticket"),
            first("console").await.expect("a demo console ticket"),
        )
    });
    let invoice_id: String = rt.block_on(async {
        sqlx::query_scalar("select invoice_id from invoice order by month limit 1")
            .fetch_one(&server.db)
            .await
            .expect("a demo invoice")
    });
    let (user_id, customer_id, group_id, app_id): (String, String, String, String) =
        rt.block_on(async {
            let user: String =
                sqlx::query_scalar("select user_id from app_user order by email limit 1")
                    .fetch_one(&server.db)
                    .await
                    .expect("a demo user");
            let customer: String =
                sqlx::query_scalar("select customer_id from customer order by name limit 1")
                    .fetch_one(&server.db)
                    .await
                    .expect("a demo customer");
            let group: String =
                sqlx::query_scalar("select group_id from user_group order by name limit 1")
                    .fetch_one(&server.db)
                    .await
                    .expect("a demo group");
            let application: String =
                sqlx::query_scalar("select app_id from application order by name limit 1")
                    .fetch_one(&server.db)
                    .await
                    .expect("a demo application");
            (user, customer, group, application)
        });
    let mut paths = Vec::new();
    for route in server::route_list() {
        let path = route.path().to_string();
        let mut variants = vec![String::new()];
        for segment in path.split('/').filter(|s| !s.is_empty()) {
            let param = segment
                .strip_prefix(':')
                .or_else(|| segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')));
            let values: Vec<String> = match param {
                None => vec![segment.to_string()],
                Some("id") if path.starts_with("/users/") => vec![user_id.clone()],
                Some("id") if path.starts_with("/customers/") => vec![customer_id.clone()],
                Some("id") if path.starts_with("/groups/") => vec![group_id.clone()],
                Some("id") if path.starts_with("/applications/") => vec![app_id.clone()],
                Some("id") if path.starts_with("/support/tickets/") => vec![ticket_id.clone()],
                Some("id") if path.starts_with("/support/console/") => {
                    vec![console_ticket_id.clone()]
                }
                Some("id") if path.starts_with("/billing/") => vec![invoice_id.clone()],
                Some("slug") if path.starts_with("/workspace/") => app::access::Workspace::ALL
                    .iter()
                    .map(|w| w.slug().to_string())
                    .collect(),
                Some(other) => {
                    panic!("route {path}: no sample value for parameter {other:?}; add one here")
                }
            };
            variants = variants
                .iter()
                .flat_map(|v| values.iter().map(move |s| format!("{v}/{s}")))
                .collect();
        }
        for v in variants {
            paths.push(if v.is_empty() { "/".to_string() } else { v });
        }
    }
    paths.sort();
    paths.dedup();
    paths
}

/// A complete page: a final status, and for 200 the whole document (the
/// transfer itself was checked complete by [`http`]; streamed pages carry
/// their resolved data after `</html>`).
fn check_page(reply: Result<Reply, String>, who: &str, path: &str) -> Result<(), String> {
    let reply = reply.map_err(|e| format!("{who} {path}: {e}"))?;
    match reply.status {
        200 | 404 => {
            if reply.body.contains(r#"\"kind\":\"internal\""#) {
                // A resource failed on the server ("Something went wrong"):
                // its serialized error would also break hydration.
                Err(format!("{who} {path}: the page carries an internal error"))
            } else if reply.body.contains("</html>") {
                Ok(())
            } else {
                Err(format!(
                    "{who} {path}: status {} but the document does not end ({} bytes)",
                    reply.status,
                    reply.body.len()
                ))
            }
        }
        302 | 303 | 307 if reply.header("location").is_some() => Ok(()),
        s => Err(format!("{who} {path}: status {s}")),
    }
}

#[test]
fn every_page_loads_by_url_repeatedly_and_in_parallel() {
    use app::access::Role;
    let server = live_server(axum::Router::new(), server::PageGuard::default());
    let addr = server.addr;
    let paths = concrete_paths(&server);
    assert!(
        paths
            .iter()
            .any(|p| p.ends_with("/users") && p.starts_with("/customers/")),
        "the customer users page is among the routes: {paths:?}"
    );
    let mut callers: Vec<(String, Option<String>)> = vec![("visitor".into(), None)];
    for role in [
        Some(Role::GlobalAdmin),
        Some(Role::HelpdeskAgent),
        Some(Role::BillingAdmin),
        // The only role whose Incentives pages show data.
        Some(Role::IncentivesAdmin),
        None,
    ] {
        let who = role.map(|r| r.label()).unwrap_or("no role").to_string();
        callers.push((who, Some(sign_in(addr, &app::demo::demo_email(role)))));
    }
    let mut failures = Vec::new();
    let mut loads = 0usize;
    for path in &paths {
        // Reloads, one after another, per caller.
        for (who, cookie) in &callers {
            for _ in 0..2 {
                loads += 1;
                let reply = http(addr, "GET", path, cookie.as_deref(), None, PAGE_TIMEOUT);
                if let Err(e) = check_page(reply, who, path) {
                    failures.push(e);
                }
            }
        }
        // The same page opened in many tabs at once, by every caller.
        let handles: Vec<_> = (0..BURST)
            .map(|i| {
                let (who, cookie) = callers[i % callers.len()].clone();
                let path = path.clone();
                std::thread::spawn(move || {
                    let reply = http(addr, "GET", &path, cookie.as_deref(), None, PAGE_TIMEOUT);
                    check_page(reply, &who, &path)
                })
            })
            .collect();
        for h in handles {
            loads += 1;
            match h.join() {
                Ok(Ok(())) => {}
                Ok(Err(e)) => failures.push(e),
                Err(_) => failures.push(format!("{path}: client thread panicked")),
            }
        }
        if !failures.is_empty() {
            break;
        }
    }
    // After the burst the server still answers, page and server function.
    let status_page = http(addr, "GET", "/status", None, None, Duration::from_secs(10));
    if let Err(e) = check_page(status_page, "visitor", "/status") {
        failures.push(format!("after the burst: {e}"));
    }
    match http(
        addr,
        "POST",
        "/api/system/status",
        None,
        Some("{}"),
        Duration::from_secs(10),
    ) {
        Ok(r) if r.status == 200 => {}
        Ok(r) => failures.push(format!("after the burst: status fn gave {}", r.status)),
        Err(e) => failures.push(format!("after the burst: status fn: {e}")),
    }
    println!(
        "page loads: {loads} over {} routes × {} callers",
        paths.len(),
        callers.len()
    );
    assert!(
        failures.is_empty(),
        "pages that did not load:\n{}",
        failures.join("\n")
    );
}

/// A page whose render blocks its thread (as a deadlocked render does).
async fn stuck_page() -> &'static str {
    std::thread::sleep(Duration::from_secs(4));
    "too late"
}

#[test]
fn a_stuck_render_does_not_take_the_server_down() {
    let guard = server::PageGuard {
        render_threads: 2,
        timeout: Duration::from_secs(1),
    };
    let extra = axum::Router::new().route("/stuck", axum::routing::get(stuck_page));
    let server = live_server(extra, guard);
    let addr = server.addr;
    // More stuck renders than the page pool has threads.
    let stuck: Vec<_> = (0..6)
        .map(|_| {
            std::thread::spawn(move || {
                let started = Instant::now();
                let reply = http(addr, "GET", "/stuck", None, None, Duration::from_secs(30));
                (reply.map(|r| r.status), started.elapsed())
            })
        })
        .collect();
    std::thread::sleep(Duration::from_millis(300));
    // Meanwhile server functions answer at once: they never wait for pages.
    let started = Instant::now();
    let status = http(
        addr,
        "POST",
        "/api/system/status",
        None,
        Some("{}"),
        Duration::from_secs(3),
    )
    .expect("the status server function answers while renders are stuck");
    assert_eq!(status.status, 200, "{}", status.body);
    assert!(started.elapsed() < Duration::from_secs(3));
    // A page asked for while the pool is blocked gets a complete error page,
    // not a hang.
    let blocked = http(addr, "GET", "/login", None, None, Duration::from_secs(5))
        .expect("a page answers while the pool is blocked");
    assert!(
        blocked.status == 503 || blocked.status == 200,
        "status {}",
        blocked.status
    );
    assert!(blocked.body.contains("</html>"));
    // Each stuck render ends with a 503 at its deadline.
    for h in stuck {
        let (status, took) = h.join().expect("client thread");
        assert_eq!(status, Ok(503));
        assert!(took < Duration::from_secs(4), "took {took:?}");
    }
    // Once the blocked threads are free again, pages render as usual.
    std::thread::sleep(Duration::from_secs(4));
    let page = http(addr, "GET", "/login", None, None, Duration::from_secs(10));
    check_page(page, "visitor", "/login").expect("pages render again");
}
