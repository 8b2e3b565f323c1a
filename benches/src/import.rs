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
    let file = dir.join("million.csv");
    {
        use std::io::Write;
        let mut out = std::io::BufWriter::new(std::fs::File::create(&file).expect("file"));
        out.write_all(b"First name,Last name,Display name,Email,Licence\n")
            .expect("write");
        for i in 0..rows {
            writeln!(
                out,
                "First{i},Last{i},Person {i},person{i}@million.example,Suite"
            )
            .expect("write");
        }
        out.flush().expect("write");
    }
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
