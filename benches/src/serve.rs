//! `make bench`, second part: the release server under load on loopback,
//! beside two baselines built here — bare axum answering the same users JSON
//! from memory (the ceiling) and bare axum running the same SQL through sqlx
//! on the same database (the fair peer) — all driven by one load generator
//! over kept-alive connections (`benches::drive`). Also sign-ins per second
//! against raw argon2id with the same parameters, and the server's memory.
//! Prints one table; never judges times.
//!
//! Then the million-row import through the API (the file sent as
//! `text/csv`, the answer read whole) and from the command line
//! ([`benches::import`]).
//!
//! Settings: `PC_BENCH_USERS` (100,000), `PC_BENCH_SECONDS` per run (10),
//! `PC_BENCH_IMPORT_ROWS` (1,000,000),
//! `PC_BENCH_CONNECTIONS` (32), `PC_SERVER_BIN` (the release binary under
//! `$CARGO_TARGET_DIR`).

use axum::extract::State;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::serve::ListenerExt;
use benches::drive::{self, Stats, Target};
use benches::{cpu_seconds, memory_mb, seed};
use hyper::body::Bytes;
use serde_json::{json, Value};
use sqlx::Row;
use std::net::SocketAddr;
use std::process::{Child, Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

/// The server process, killed when dropped.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn free_addr() -> SocketAddr {
    let l = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
    l.local_addr().expect("its address")
}

/// The fair peer's state: the same database and organization.
#[derive(Clone)]
struct Peer {
    db: app::db::Db,
    org: String,
    memory: Bytes,
}

/// The users list's first page as the console reads it (the kept count,
/// the page by name, the page's group memberships), with no session,
/// policy or activity around it.
async fn same_sql(State(p): State<Peer>) -> axum::response::Response {
    let result: Result<Value, sqlx::Error> = async {
        // One connection for the three statements, as the console does.
        let mut conn = p.db.acquire().await?;
        let total: Option<i64> = sqlx::query_scalar(
            "select cast(sum(n) as bigint) from user_count \
             where org_id = $1 and ($2 = '' or status = $2)",
        )
        .bind(&p.org)
        .bind("active")
        .fetch_one(&mut *conn)
        .await?;
        let rows = sqlx::query(
            "select user_id, display_name, email, status, agent_role, admin_role, \
             incentives_role, permissions, partner_id, created_at, last_sign_in_at, version, \
             case when totp_secret is null then 0 else 1 end as second_factor \
             from app_user where org_id = $1 and status = $2 \
             order by lower(display_name), user_id limit 25 offset 0",
        )
        .bind(&p.org)
        .bind("active")
        .fetch_all(&mut *conn)
        .await?;
        let mut users = Vec::new();
        let mut ids = Vec::new();
        for r in &rows {
            let id: String = r.try_get("user_id")?;
            users.push(json!({
                "user_id": id,
                "display_name": r.try_get::<String, _>("display_name")?,
                "email": r.try_get::<String, _>("email")?,
                "status": r.try_get::<String, _>("status")?,
                "agent_role": r.try_get::<Option<String>, _>("agent_role")?,
                "admin_role": r.try_get::<Option<String>, _>("admin_role")?,
                "incentives_role": r.try_get::<Option<String>, _>("incentives_role")?,
                "permissions": r.try_get::<String, _>("permissions")?,
                "partner_id": r.try_get::<Option<String>, _>("partner_id")?,
                "created_at": r.try_get::<i64, _>("created_at")?,
                "last_sign_in_at": r.try_get::<Option<i64>, _>("last_sign_in_at")?,
                "version": r.try_get::<i64, _>("version")?,
                "second_factor": r.try_get::<i64, _>("second_factor")? != 0,
            }));
            ids.push(id);
        }
        if !ids.is_empty() {
            let marks: Vec<String> = (0..ids.len()).map(|i| format!("${}", i + 2)).collect();
            let sql = format!(
                "select m.user_id, g.group_id, g.name from group_member m \
                 join user_group g on g.group_id = m.group_id \
                 where g.org_id = $1 and m.user_id in ({}) order by g.name_lower",
                marks.join(", ")
            );
            let mut q = sqlx::query(&sql).bind(&p.org);
            for id in &ids {
                q = q.bind(id);
            }
            q.fetch_all(&mut *conn).await?;
        }
        Ok(json!({ "users": users, "total": total.unwrap_or(0), "page": 0, "page_size": 25 }))
    }
    .await;
    match result {
        Ok(v) => axum::Json(v).into_response(),
        Err(e) => (http::StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response(),
    }
}

async fn from_memory(State(p): State<Peer>) -> axum::response::Response {
    ([(http::header::CONTENT_TYPE, "application/json")], p.memory).into_response()
}

/// Starts the two baselines on one free port; returns its address.
async fn start_baselines(peer: Peer) -> SocketAddr {
    let app = axum::Router::new()
        .route("/memory", get(from_memory))
        .route("/sql", get(same_sql))
        .with_state(peer);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("baseline port");
    let addr = listener.local_addr().expect("baseline address");
    let listener = listener.tap_io(|tcp| {
        let _ = tcp.set_nodelay(true);
    });
    tokio::spawn(async move { axum::serve(listener, app).await });
    addr
}

/// Raw argon2id verifications per second on `threads` threads for `duration`.
fn raw_argon2(threads: usize, duration: Duration) -> f64 {
    let hash = app::auth::secrets::hash_password(seed::PASSWORD).expect("hash");
    let start = Instant::now();
    let counts: Vec<u64> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                let hash = hash.clone();
                s.spawn(move || {
                    let mut n = 0;
                    while start.elapsed() < duration {
                        assert!(app::auth::secrets::verify_password(
                            &hash,
                            seed::PASSWORD,
                            &[0; 32]
                        ));
                        n += 1;
                    }
                    n
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap_or(0)).collect()
    });
    counts.iter().sum::<u64>() as f64 / start.elapsed().as_secs_f64()
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn rate(s: &Stats) -> String {
    format!("{:.0}/s", s.per_second())
}

fn ratio(ours: f64, peer: f64) -> String {
    format!("{:.0} %", 100.0 * ours / peer)
}

/// CPU milliseconds per answered call: less at the mercy of the load
/// generator and the baselines sharing the cores than requests per second.
fn per_call_ms(cpu_seconds: f64, s: &Stats) -> f64 {
    1000.0 * cpu_seconds / s.ok.max(1) as f64
}

fn print_run(label: &str, s: &Stats) {
    println!(
        "  {label}: {} requests, {} errors, {}, p50 {}, p99 {}",
        s.ok,
        s.errors,
        rate(s),
        ms(s.p50),
        ms(s.p99)
    );
}

/// One import through the running server, in a line.
fn print_import(what: &str, how: &str, f: &benches::import::ApiFigures) {
    println!(
        "  {what} of {} rows {how} ({:.1} MB; answer {:.1} MB): {} \
         (server RSS {:.1} MB before, {:.1} MB at most during it)",
        f.rows,
        f.file_mb,
        f.answer_mb,
        ms(f.import),
        f.server_before_mb,
        f.server_peak_mb
    );
}

#[tokio::main]
async fn main() -> ExitCode {
    let users = env_number("PC_BENCH_USERS", 100_000) as usize;
    let seconds = Duration::from_secs(env_number("PC_BENCH_SECONDS", 10));
    let conns = env_number("PC_BENCH_CONNECTIONS", 32) as usize;
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let target = std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| "target".into());
    let bin = std::env::var("PC_SERVER_BIN")
        .unwrap_or_else(|_| format!("{target}/server-release/partner-console"));

    let dir = std::env::temp_dir().join(format!("pc-serve-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let url = format!("sqlite://{}/serve.db", dir.display());
    let db = app::db::connect(&url).await.expect("database");
    let org = app::orgs::service::create(&db, "Bench Org")
        .await
        .expect("org");
    let t = Instant::now();
    let admin = seed::users(&db, &org, users).await;
    println!(
        "seeded {users} users in {:.1} s; {cores} cores; {conns} connections, {} s per run",
        t.elapsed().as_secs_f64(),
        seconds.as_secs()
    );
    let token = app::auth::service::create_session(&db, &admin, &org)
        .await
        .expect("session");
    let cookie = format!("{}={token}", app::request::SESSION_COOKIE);

    let addr = free_addr();
    let child = Command::new(&bin)
        .arg("serve")
        .env("DATABASE_URL", &url)
        .env("PC_ADDR", addr.to_string())
        .env("LEPTOS_SITE_ROOT", "target/site")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
    let server = match child {
        Ok(c) => Server(c),
        Err(e) => {
            eprintln!("serve-bench: cannot start {bin}: {e} (build it with `cargo build --profile server-release -p server`)");
            return ExitCode::FAILURE;
        }
    };
    let pid = server.0.id();
    let list =
        Target::post_json(addr, "/api/users/list", &json!({"query": {}})).with_cookie(&cookie);
    let mut first = None;
    let mut last = String::from("no answer");
    for _ in 0..600 {
        match drive::once(&list).await {
            Some((200, body)) => {
                first = Some(body);
                break;
            }
            Some((status, body)) => {
                last = format!("{status} {}", String::from_utf8_lossy(&body));
            }
            None => {}
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let Some(memory) = first else {
        eprintln!("serve-bench: the server at {addr} never answered the users list ({last})");
        return ExitCode::FAILURE;
    };
    let idle_mb = memory_mb(pid, "VmRSS:");
    // RSS is the program's own memory (anonymous) plus the pages of the
    // binary it has touched (file-backed: clean, shared, reclaimable).
    let idle_anon_mb = memory_mb(pid, "RssAnon:");
    let idle_file_mb = memory_mb(pid, "RssFile:");
    println!(
        "users/list answers {} bytes of JSON; server idle RSS {idle_mb:.1} MB \
         ({idle_anon_mb:.1} MB its own memory, {idle_file_mb:.1} MB pages of the binary)",
        memory.len()
    );

    let base = start_baselines(Peer {
        db: db.clone(),
        org: org.clone(),
        memory,
    })
    .await;
    let ceiling = Target::get(base, "/memory");
    let peer = Target::get(base, "/sql");
    let page = Target::get(addr, "/users").with_cookie(&cookie);
    let roles = Target::get(addr, "/roles").with_cookie(&cookie);
    let sign_in = |i: usize| {
        Target::post_json(
            addr,
            "/api/auth/sign-in",
            &json!({"email": format!("person{i:05}@bench.example"), "password": seed::PASSWORD}),
        )
    };
    // Sign-ins are measured at saturation: two people per core signing in
    // at once, each from their own connection, so the hashing threads have
    // the next password while a sign-in is in HTTP or the database (with
    // one connection per core they sat idle then). One person per core is
    // printed too: that is each sign-in's own time.
    let sign_in_each: Vec<Target> = (0..2 * cores).map(sign_in).collect();

    println!("runs:");
    let ceiling = drive::closed(&ceiling, conns, seconds).await;
    print_run("bare axum, the JSON from memory", &ceiling);
    let peer = drive::closed(&peer, conns, seconds).await;
    print_run("bare axum, the same SQL through sqlx", &peer);
    let cpu_before = cpu_seconds(pid);
    let ours_list = drive::closed(&list, conns, seconds).await;
    let list_cpu = per_call_ms(cpu_seconds(pid) - cpu_before, &ours_list);
    print_run("console, users/list server function", &ours_list);
    let cpu_before = cpu_seconds(pid);
    let ours_page = drive::closed(&page, conns, seconds).await;
    let page_cpu = per_call_ms(cpu_seconds(pid) - cpu_before, &ours_page);
    print_run("console, /users server-rendered", &ours_page);
    println!(
        "  the server's CPU time per call: users/list {list_cpu:.3} ms, /users {page_cpu:.3} ms"
    );
    let load_mb = memory_mb(pid, "VmHWM:");
    let paced_page = drive::paced(&page, conns, 500.0, seconds).await;
    print_run("console, /users at 500 requests/s", &paced_page);
    let one_conn = drive::closed(&roles, 1, seconds / 2).await;
    print_run("console, /roles on one kept-alive connection", &one_conn);
    let sign_ins_one_each = drive::closed_each(&sign_in_each[..cores], cores, seconds).await;
    print_run("console, sign-in, one person per core", &sign_ins_one_each);
    let sign_ins = drive::closed_each(&sign_in_each, 2 * cores, seconds).await;
    print_run("console, sign-in, two people per core", &sign_ins);
    let argon2 = raw_argon2(cores, seconds);
    println!("  raw argon2id verify on {cores} threads: {argon2:.1}/s");
    let peak_mb = memory_mb(pid, "VmHWM:");
    let import_rows = env_number("PC_BENCH_IMPORT_ROWS", 1_000_000) as usize;
    let api = benches::import::through_api(&db, &org, addr, pid, &dir, import_rows).await;
    print_import("API import", "sent as text/csv", &api);
    // Each import starts from an idle server: the one before has had its
    // page cache and freed memory given back (every 30 s).
    tokio::time::sleep(Duration::from_secs(35)).await;
    let page_import =
        benches::import::through_page(&db, &org, addr, pid, &cookie, &dir, import_rows).await;
    print_import("page's import", "uploaded as the page does", &page_import);
    // The server gives idle connections' page caches and freed memory back
    // every 30 s: what it holds once that has run.
    tokio::time::sleep(Duration::from_secs(35)).await;
    let after_imports_mb = memory_mb(pid, "VmRSS:");
    println!("  server RSS 35 s after the imports: {after_imports_mb:.1} MB");
    drop(server);
    let import = benches::import::million(&bin, &db, &url, &org, &dir, import_rows).await;
    println!(
        "  command-line import of {} rows: {} (peak RSS {:.1} MB); bare multi-row inserts: {}",
        import.rows,
        ms(import.import),
        import.peak_mb,
        ms(import.bare)
    );

    println!();
    println!("| figure | ours | peer or limit | ratio | goal |");
    println!("|---|---|---|---|---|");
    let row = |f: &str, o: String, p: String, r: String, g: &str| {
        println!("| {f} | {o} | {p} | {r} | {g} |")
    };
    row(
        "users/list, requests/s vs bare axum from memory",
        rate(&ours_list),
        rate(&ceiling),
        ratio(ours_list.per_second(), ceiling.per_second()),
        "≥ 25 %",
    );
    row(
        "users/list, requests/s vs the same SQL",
        rate(&ours_list),
        rate(&peer),
        ratio(ours_list.per_second(), peer.per_second()),
        "≥ 50 %",
    );
    row(
        "users/list, p50 / p99 vs the same SQL",
        format!("{} / {}", ms(ours_list.p50), ms(ours_list.p99)),
        format!("{} / {}", ms(peer.p50), ms(peer.p99)),
        format!(
            "{:.1}× / {:.1}×",
            ours_list.p50.as_secs_f64() / peer.p50.as_secs_f64(),
            ours_list.p99.as_secs_f64() / peer.p99.as_secs_f64()
        ),
        "",
    );
    row(
        "server CPU per call, users/list / /users page",
        format!("{list_cpu:.3} ms / {page_cpu:.3} ms"),
        String::new(),
        String::new(),
        "",
    );
    row(
        "/users page, requests/s vs the same SQL / from memory",
        rate(&ours_page),
        format!("{} / {}", rate(&peer), rate(&ceiling)),
        format!(
            "{} / {}",
            ratio(ours_page.per_second(), peer.per_second()),
            ratio(ours_page.per_second(), ceiling.per_second())
        ),
        "",
    );
    row(
        "/users page, p50 / p99 (closed loop)",
        format!("{} / {}", ms(ours_page.p50), ms(ours_page.p99)),
        format!("{} / {}", ms(peer.p50), ms(peer.p99)),
        String::new(),
        "",
    );
    row(
        "/users page at 500 requests/s, p99",
        ms(paced_page.p99),
        "20 ms".into(),
        format!("{:.0} %", 100.0 * paced_page.p99.as_secs_f64() / 0.020),
        "≤ 100 %",
    );
    row(
        "/roles on one kept-alive connection, p50",
        ms(one_conn.p50),
        "40 ms (a Nagle wait)".into(),
        String::new(),
        "well under",
    );
    row(
        "sign-ins/s per core vs raw argon2id (two people per core)",
        format!("{:.1}", sign_ins.per_second() / cores as f64),
        format!("{:.1}", argon2 / cores as f64),
        ratio(sign_ins.per_second(), argon2),
        "≥ 90 %",
    );
    row(
        "sign-ins/s per core vs raw argon2id (one person per core)",
        format!("{:.1}", sign_ins_one_each.per_second() / cores as f64),
        format!("{:.1}", argon2 / cores as f64),
        ratio(sign_ins_one_each.per_second(), argon2),
        "",
    );
    row(
        "server RSS idle (MB)",
        format!("{idle_mb:.1}"),
        "20".into(),
        String::new(),
        "≤ 20",
    );
    row(
        "of which its own memory / pages of the binary (MB)",
        format!("{idle_anon_mb:.1} / {idle_file_mb:.1}"),
        String::new(),
        String::new(),
        "",
    );
    row(
        "server RSS peak under the list and page load (MB)",
        format!("{load_mb:.1}"),
        "100".into(),
        String::new(),
        "≤ 100",
    );
    row(
        "server RSS peak with the sign-ins (MB; argon2id takes 19 MiB each)",
        format!("{peak_mb:.1}"),
        String::new(),
        String::new(),
        "",
    );
    row(
        &format!("command-line import of {} rows on SQLite, s", import.rows),
        format!("{:.1}", import.import.as_secs_f64()),
        format!("bare multi-row inserts {:.1}", import.bare.as_secs_f64()),
        format!(
            "{:.2}×",
            import.import.as_secs_f64() / import.bare.as_secs_f64()
        ),
        "≤ 30 s",
    );
    row(
        "command-line import, peak RSS (MB)",
        format!("{:.1}", import.peak_mb),
        "200".into(),
        String::new(),
        "≤ 200",
    );
    for (what, how, f) in [
        ("API import", "text/csv in", &api),
        ("page's import", "upload in", &page_import),
    ] {
        row(
            &format!("{what} of {} rows ({how}, every password out), s", f.rows),
            format!("{:.1}", f.import.as_secs_f64()),
            format!("command-line import {:.1}", import.import.as_secs_f64()),
            format!(
                "{:.2}×",
                f.import.as_secs_f64() / import.import.as_secs_f64()
            ),
            "",
        );
        row(
            &format!("{what}, server RSS peak during it (MB)"),
            format!("{:.1}", f.server_peak_mb),
            "200".into(),
            String::new(),
            "≤ 200",
        );
    }
    row(
        "server RSS 35 s after the imports, idle (MB)",
        format!("{after_imports_mb:.1}"),
        format!("idle before them {idle_mb:.1}"),
        String::new(),
        "",
    );
    let _ = std::fs::remove_dir_all(&dir);
    let errors = ceiling.errors
        + peer.errors
        + ours_list.errors
        + ours_page.errors
        + paced_page.errors
        + one_conn.errors
        + sign_ins_one_each.errors
        + sign_ins.errors;
    if errors > 0 {
        eprintln!("serve-bench: {errors} requests failed");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
