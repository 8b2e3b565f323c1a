//! The million-row import (`make bench`, in `serve-bench`): the release
//! binary's `import-users` command on a generated file, timed, with its
//! peak memory read from `/proc` while it runs; beside it the limit, the
//! same user and licence rows sent by bare multi-row inserts (1,000 rows a
//! statement) in one transaction.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What the import bench measured.
pub struct Figures {
    pub rows: usize,
    /// The whole command: check, write, commit, print the passwords.
    pub import: Duration,
    /// The command's peak resident memory, in MB.
    pub peak_mb: f64,
    /// The same rows by bare multi-row inserts.
    pub bare: Duration,
}

/// A customer of `org` at `domain`, with `seats` seats of "Suite".
async fn customer(db: &app::db::Db, org: &str, domain: &str, seats: i64) -> (String, String) {
    let ctx = app::request::Ctx::operator(db, org);
    let c = app::customers::service::create(
        &ctx,
        &app::customers::NewCustomer {
            details: app::customers::CustomerDetails {
                name: domain.into(),
                ..Default::default()
            },
            domain: domain.into(),
        },
    )
    .await
    .expect("customer");
    let sub = app::subscriptions::service::create(&ctx, &c.customer_id, "Suite", seats)
        .await
        .expect("subscription");
    (c.customer_id, sub.subscription_id)
}

/// A CSV file of `rows` users at `domain`, each with a "Suite" licence.
fn write_file(dir: &Path, domain: &str, rows: usize) -> std::path::PathBuf {
    use std::io::Write;
    let file = dir.join(format!("{domain}.csv"));
    let mut out = std::io::BufWriter::new(std::fs::File::create(&file).expect("file"));
    out.write_all(b"First name,Last name,Display name,Email,Licence\n")
        .expect("write");
    for i in 0..rows {
        writeln!(out, "First{i},Last{i},Person {i},person{i}@{domain},Suite").expect("write");
    }
    out.flush().expect("write");
    file
}

/// What an import through the running server measured.
pub struct ApiFigures {
    pub rows: usize,
    /// From the first byte sent to the answer's last byte read.
    pub import: Duration,
    /// The server's largest resident memory while it ran, in MB.
    pub server_peak_mb: f64,
    /// The server's resident memory just before, in MB.
    pub server_before_mb: f64,
    /// The file sent and the answer read, in MB.
    pub file_mb: f64,
    pub answer_mb: f64,
}

/// Imports `rows` generated users into a new customer of `org` through the
/// running server at `addr` (process `pid`) as a script does: the file is
/// sent as `text/csv` as it is read from disk, with an application's
/// secret, and the answer (every user's temporary password) read to its
/// end.
pub async fn through_api(
    db: &app::db::Db,
    org: &str,
    addr: std::net::SocketAddr,
    pid: u32,
    dir: &Path,
    rows: usize,
) -> ApiFigures {
    let (customer_id, _) = customer(db, org, "api-million.example", rows as i64).await;
    let file = write_file(dir, "api-million.example", rows);
    let ctx = app::request::Ctx::operator(db, org);
    let script = app::applications::service::create(
        &ctx,
        &app::applications::NewApplication {
            name: "Bench importer".into(),
            access: app::access::Access {
                roles: app::access::RoleSet {
                    agent: Some(app::access::Role::AdminAgent),
                    ..Default::default()
                },
                permissions: Default::default(),
            },
            directory_sync: false,
        },
    )
    .await
    .expect("application");
    let request = hyper::Request::post(format!("/api/v1/customers/{customer_id}/users/import"))
        .header("authorization", format!("Bearer {}", script.secret.secret))
        .header("content-type", "text/csv");
    let figures = send_file(rows, addr, pid, request, "", &file, "").await;
    let _ = std::fs::remove_file(&file);
    figures
}

/// Imports `rows` generated users into a new customer of `org` through the
/// running server at `addr` (process `pid`) as the page does: the file is
/// sent as multipart form data after the customer's id, with a session
/// `cookie`, and the answer (the steps, then the users created in parts)
/// read to its end.
pub async fn through_page(
    db: &app::db::Db,
    org: &str,
    addr: std::net::SocketAddr,
    pid: u32,
    cookie: &str,
    dir: &Path,
    rows: usize,
) -> ApiFigures {
    let (customer_id, _) = customer(db, org, "page-million.example", rows as i64).await;
    let file = write_file(dir, "page-million.example", rows);
    let boundary = "pc-bench-boundary";
    let head = format!(
        "--{boundary}\r\ncontent-disposition: form-data; name=\"customer_id\"\r\n\r\n{customer_id}\r\n\
         --{boundary}\r\ncontent-disposition: form-data; name=\"csv\"; filename=\"users.csv\"\r\n\
         content-type: text/csv\r\n\r\n"
    );
    let tail = format!("\r\n--{boundary}--\r\n");
    let request = hyper::Request::post("/api/customer-users/import")
        .header("cookie", cookie)
        .header("accept", "application/json")
        .header(
            "content-type",
            format!("multipart/form-data; boundary={boundary}"),
        );
    let figures = send_file(rows, addr, pid, request, &head, &file, &tail).await;
    let _ = std::fs::remove_file(&file);
    figures
}

/// Sends `head`, the file of `rows` rows, then `tail` as the body of `request` on a new
/// connection, reads the answer to its end, and samples the server's
/// resident memory every 20 ms meanwhile. Panics on an answer other than
/// 200, or a page's answer that does not end with the import.
async fn send_file(
    rows: usize,
    addr: std::net::SocketAddr,
    pid: u32,
    request: http::request::Builder,
    head: &str,
    file: &Path,
    tail: &str,
) -> ApiFigures {
    use futures::StreamExt;
    use http_body_util::BodyExt;
    let file_mb = std::fs::metadata(file).expect("file").len() as f64 / 1e6;
    let server_before_mb = crate::memory_mb(pid, "VmRSS:");
    let sampling = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
    let sampler = {
        let sampling = sampling.clone();
        std::thread::spawn(move || {
            let mut peak: f64 = 0.0;
            while sampling.load(std::sync::atomic::Ordering::Relaxed) {
                let rss = crate::memory_mb(pid, "VmRSS:");
                if rss.is_finite() {
                    peak = peak.max(rss);
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            peak
        })
    };
    let start = Instant::now();
    let stream = tokio::net::TcpStream::connect(addr).await.expect("connect");
    let (mut sender, conn) =
        hyper::client::conn::http1::handshake(hyper_util::rt::TokioIo::new(stream))
            .await
            .expect("handshake");
    tokio::spawn(conn);
    let frame = |text: &str| {
        Ok::<_, std::io::Error>(hyper::body::Frame::data(hyper::body::Bytes::from(
            text.to_string(),
        )))
    };
    let body = futures::stream::iter([frame(head)])
        .chain(file_frames(
            tokio::fs::File::open(file).await.expect("open"),
        ))
        .chain(futures::stream::iter([frame(tail)]));
    let request = request
        .header("host", addr.to_string())
        .body(http_body_util::StreamBody::new(body))
        .expect("request");
    let res = sender.send_request(request).await.expect("the answer");
    let status = res.status();
    let mut body = res.into_body();
    let mut answer = 0usize;
    let mut ends = Vec::new();
    while let Some(frame) = body.frame().await {
        if let Ok(data) = frame.expect("the answer's body").into_data() {
            answer += data.len();
            ends.extend_from_slice(&data);
            let keep = ends.len().saturating_sub(300);
            ends.drain(..keep);
        }
    }
    let import = start.elapsed();
    sampling.store(false, std::sync::atomic::Ordering::Relaxed);
    let server_peak_mb = sampler.join().expect("sampler");
    let ends = String::from_utf8_lossy(&ends);
    if !status.is_success() || ends.contains("\"Failed\"") {
        panic!("the import failed: {status} …{ends}");
    }
    ApiFigures {
        rows,
        import,
        server_peak_mb,
        server_before_mb,
        file_mb,
        answer_mb: answer as f64 / 1e6,
    }
}

/// A file's bytes as body frames of 64 KiB, read as they are sent.
fn file_frames(
    file: tokio::fs::File,
) -> impl futures::Stream<Item = Result<hyper::body::Frame<hyper::body::Bytes>, std::io::Error>> {
    futures::stream::unfold(file, |mut file| async move {
        use tokio::io::AsyncReadExt;
        let mut buf = vec![0; 64 * 1024];
        match file.read(&mut buf).await {
            Ok(0) => None,
            Ok(n) => {
                buf.truncate(n);
                Some((
                    Ok(hyper::body::Frame::data(hyper::body::Bytes::from(buf))),
                    file,
                ))
            }
            Err(e) => Some((Err(e), file)),
        }
    })
}

/// Imports `rows` generated users into a new customer of `org` with the
/// server binary `bin` on `db_url`, then the bare inserts of the same rows.
pub async fn million(
    bin: &str,
    db: &app::db::Db,
    db_url: &str,
    org: &str,
    dir: &Path,
    rows: usize,
) -> Figures {
    let seats = rows as i64;
    customer(db, org, "million.example", seats).await;
    let file = write_file(dir, "million.example", rows);
    let passwords = std::fs::File::create(dir.join("million-passwords.csv")).expect("file");
    let start = Instant::now();
    let mut child = Command::new(bin)
        .args([
            "import-users",
            "--org",
            org,
            "--customer",
            "million.example",
        ])
        .arg(&file)
        .env("DATABASE_URL", db_url)
        .env("RUST_LOG", "warn")
        .stdout(passwords)
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the import");
    let pid = child.id();
    let mut peak_mb: f64 = 0.0;
    let status = loop {
        // VmHWM only grows; the last reading before the exit is the peak.
        let hwm = crate::memory_mb(pid, "VmHWM:");
        if hwm.is_finite() {
            peak_mb = peak_mb.max(hwm);
        }
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let import = start.elapsed();
    if !status.success() {
        let mut err = String::new();
        if let Some(mut e) = child.stderr.take() {
            let _ = std::io::Read::read_to_string(&mut e, &mut err);
        }
        panic!("the import failed: {err}");
    }
    let _ = std::fs::remove_file(dir.join("million-passwords.csv"));
    let _ = std::fs::remove_file(&file);

    let (bare_customer, sub) = customer(db, org, "bare.example", seats).await;
    let backend = app::db::Backend::of(db);
    let start = Instant::now();
    let mut tx = db.begin().await.expect("tx");
    for first in (0..rows).step_by(1000) {
        let n = 1000.min(rows - first);
        let users: Vec<String> = (0..n)
            .map(|k| {
                let p: Vec<String> = (1..=10).map(|j| backend.param(k * 10 + j)).collect();
                format!(
                    "({}, {}, {}, {}, {}, {}, {}, {}, 'none', {}, 1, 'active', {})",
                    p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9]
                )
            })
            .collect();
        let sql = format!(
            "insert into customer_user (customer_user_id, org_id, customer_id, first_name, last_name, display_name,
                 user_name, user_name_lower, admin_role, password_hash, must_change_password, status, created_at)
             values {}",
            users.join(",")
        );
        let ids: Vec<String> = (0..n).map(|_| app::db::new_id()).collect();
        let mut q = sqlx::query(&sql);
        for (k, id) in ids.iter().enumerate() {
            let i = first + k;
            let user_name = format!("person{i}@bare.example");
            q = q
                .bind(id)
                .bind(org)
                .bind(&bare_customer)
                .bind(format!("First{i}"))
                .bind(format!("Last{i}"))
                .bind(format!("Person {i}"))
                .bind(user_name.clone())
                .bind(user_name)
                .bind("hmac-sha256$0")
                .bind(0i64);
        }
        q.execute(&mut *tx).await.expect("users");
        let licences: Vec<String> = (0..n)
            .map(|k| {
                format!(
                    "({}, {}, 0, 0)",
                    backend.param(2 * k + 1),
                    backend.param(2 * k + 2)
                )
            })
            .collect();
        let sql = format!(
            "insert into licence (customer_user_id, subscription_id, released, assigned_at) values {}",
            licences.join(",")
        );
        let mut q = sqlx::query(&sql);
        for id in &ids {
            q = q.bind(id).bind(&sub);
        }
        q.execute(&mut *tx).await.expect("licences");
    }
    tx.commit().await.expect("commit");
    Figures {
        rows,
        import,
        peak_mb,
        bare: start.elapsed(),
    }
}

/// PostgreSQL's fastest bulk path, beside the import on PostgreSQL: the same
/// user and licence rows as the bare inserts of [`million`], into a new
/// customer of `org`, sent by `COPY … FROM STDIN` (CSV) in one transaction
/// on a connection of its own (the console's `Any` driver has no `COPY`).
pub async fn bare_copy(db: &app::db::Db, url: &str, org: &str, rows: usize) -> Duration {
    use sqlx::Connection;
    let (customer_id, sub) = customer(db, org, "copy.example", rows as i64).await;
    let start = Instant::now();
    let mut conn = sqlx::PgConnection::connect(url).await.expect("connect");
    let mut tx = conn.begin().await.expect("tx");
    let ids: Vec<String> = (0..rows).map(|_| app::db::new_id()).collect();
    let mut copy = tx
        .copy_in_raw(
            "copy customer_user (customer_user_id, org_id, customer_id, first_name, last_name,
                 display_name, user_name, user_name_lower, admin_role, password_hash,
                 must_change_password, status, created_at) from stdin (format csv)",
        )
        .await
        .expect("copy users");
    for (n, ids) in ids.chunks(1000).enumerate() {
        let mut text = String::new();
        for (k, id) in ids.iter().enumerate() {
            let i = n * 1000 + k;
            text.push_str(&format!(
                "{id},{org},{customer_id},First{i},Last{i},Person {i},person{i}@copy.example,\
                 person{i}@copy.example,none,hmac-sha256$0,1,active,0\n"
            ));
        }
        copy.send(text.into_bytes()).await.expect("copy users");
    }
    copy.finish().await.expect("copy users");
    let mut copy = tx
        .copy_in_raw(
            "copy licence (customer_user_id, subscription_id, released, assigned_at) \
             from stdin (format csv)",
        )
        .await
        .expect("copy licences");
    for ids in ids.chunks(1000) {
        let text: String = ids.iter().map(|id| format!("{id},{sub},0,0\n")).collect();
        copy.send(text.into_bytes()).await.expect("copy licences");
    }
    copy.finish().await.expect("copy licences");
    tx.commit().await.expect("commit");
    start.elapsed()
}
