//! A large import must not make other organizations' writes fail (#13):
//! while an import into organization A runs, sign-ins and edits in
//! organization B may wait, but every one of them succeeds. On SQLite the
//! import holds the database's one write lock for its whole transaction, so
//! B's writes wait for its commit; on PostgreSQL they go ahead beside it.
//! Timings are printed (`--nocapture`), never asserted; `make bench` measures
//! the same with 100,000 rows.

use crate::helpers::{backend_name, spawn_app, TestApp, PASSWORD};
use app::access::{Role, RoleSet};
use app::request::Ctx;
use app::users::UserDetails;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Rows imported into organization A: a few seconds on a debug build.
const ROWS: usize = 10_000;
/// Loops signing in to organization B, each as a user of its own.
const SIGNERS: usize = 2;
/// Loops editing a user of organization B, each its own user.
const EDITORS: usize = 2;

/// What one loop in organization B did.
#[derive(Default)]
struct Tally {
    /// Attempts, every one started while the import was running.
    attempted: usize,
    failures: Vec<String>,
    latencies: Vec<Duration>,
}

/// Where the import is: rows written so far, and whether it returned.
#[derive(Default)]
struct Progress {
    written: AtomicUsize,
    done: AtomicBool,
}

impl Progress {
    /// Waits until the import has written its first batch (its transaction
    /// is open and holds rows) or has returned.
    async fn started(&self) {
        while self.written.load(Ordering::SeqCst) == 0 && !self.done.load(Ordering::SeqCst) {
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
    }
}

/// Runs `op` over and over from the import's first batch until it returns,
/// counting and timing every attempt.
async fn repeat<F, Fut>(progress: Arc<Progress>, mut op: F) -> Tally
where
    F: FnMut(usize) -> Fut,
    Fut: std::future::Future<Output = Result<(), String>>,
{
    progress.started().await;
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

/// A user of `org_id` with `roles`; returns their email and id.
async fn user(app: &TestApp, org_id: &str, name: &str, roles: RoleSet) -> (String, String) {
    let caller = app.add_user(org_id, name, roles).await;
    (caller.email, caller.user_id)
}

fn summary(label: &str, tallies: &[Tally]) -> String {
    let attempted: usize = tallies.iter().map(|t| t.attempted).sum();
    let failed: usize = tallies.iter().map(|t| t.failures.len()).sum();
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
    format!(
        "{label}: {attempted} attempted, {} succeeded, {failed} failed, \
         max {:.0} ms, p99 {:.0} ms",
        attempted - failed,
        max.as_secs_f64() * 1000.0,
        p99.as_secs_f64() * 1000.0
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn another_organizations_sign_ins_and_edits_succeed_during_a_large_import() {
    let app = spawn_app().await;
    let org_a = app::orgs::service::create(&app.db, "Importing Org")
        .await
        .expect("org a");
    let org_b = app::orgs::service::create(&app.db, "Busy Org")
        .await
        .expect("org b");

    // Organization A: a customer with seats for every row, and the file.
    let ctx_a = Ctx::operator(&app.db, &org_a);
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
    app::subscriptions::service::create(&ctx_a, &customer.customer_id, "Suite", ROWS as i64)
        .await
        .expect("subscription");
    let mut csv = String::from("First name,Last name,Display name,Email,Licence\n");
    for i in 0..ROWS {
        csv.push_str(&format!(
            "First{i},Last{i},Person {i},person{i}@bulk.example,Suite\n"
        ));
    }

    // Organization B: one user per sign-in loop; per edit loop, a Global
    // admin (signed in) and the user they edit.
    let mut signers = Vec::new();
    for i in 0..SIGNERS {
        signers.push(user(&app, &org_b, &format!("Signer {i}"), RoleSet::default()).await);
    }
    let admin = RoleSet {
        admin: Some(Role::GlobalAdmin),
        ..RoleSet::default()
    };
    let mut editors = Vec::new();
    for i in 0..EDITORS {
        let (_, admin_id) = user(&app, &org_b, &format!("Editor {i}"), admin).await;
        let token = app::auth::service::create_session(&app.db, &admin_id, &org_b)
            .await
            .expect("session");
        let me = app::auth::service::identity_for_token(&app.db, &token)
            .await
            .expect("identity")
            .expect("signed in");
        let ctx = Ctx::for_identity(&app.db, me);
        let (_, target) = user(&app, &org_b, &format!("Target {i}"), RoleSet::default()).await;
        let current = app::users::service::get(&ctx, &target)
            .await
            .expect("target");
        editors.push((ctx, current));
    }

    // The key of temporary passwords exists before the import, as on any
    // database that has had a sign-in: otherwise the import creates it, and
    // sign-ins on PostgreSQL wait for its commit to read it.
    app::auth::secrets::server_key(&app.db)
        .await
        .expect("server key");

    let progress = Arc::new(Progress::default());
    let mut loops = Vec::new();
    for (email, _) in signers {
        let (db, progress) = (app.db.clone(), progress.clone());
        loops.push(tokio::spawn(async move {
            let tally = repeat(progress, |_| {
                let (db, email) = (db.clone(), email.clone());
                async move {
                    app::auth::service::sign_in(&db, &email, PASSWORD, None)
                        .await
                        .map(|_| ())
                        .map_err(|e| format!("sign-in as {email}: {e:?}"))
                }
            })
            .await;
            ("sign-in", tally)
        }));
    }
    for (ctx, current) in editors {
        let progress = progress.clone();
        let current = Arc::new(tokio::sync::Mutex::new(current));
        loops.push(tokio::spawn(async move {
            let tally = repeat(progress, |n| {
                let (ctx, current) = (ctx.clone(), current.clone());
                async move {
                    let mut current = current.lock().await;
                    let details = UserDetails {
                        display_name: format!("Target edit {n}"),
                        email: current.email.clone(),
                        partner_id: String::new(),
                    };
                    let saved = app::users::service::update_details(
                        &ctx,
                        &current.user_id,
                        current.version,
                        &details,
                    )
                    .await
                    .map_err(|e| format!("edit of {}: {e:?}", current.user_id))?;
                    *current = saved;
                    Ok(())
                }
            })
            .await;
            ("edit", tally)
        }));
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
    let mut edits = Vec::new();
    for handle in loops {
        let (kind, tally) = handle.await.expect("loop");
        if kind == "sign-in" {
            sign_ins.push(tally);
        } else {
            edits.push(tally);
        }
    }
    eprintln!(
        "{}: import of {ROWS} rows in {:.2} s; {}; {}",
        backend_name(),
        import_time.as_secs_f64(),
        summary("sign-ins", &sign_ins),
        summary("edits", &edits)
    );

    // The import itself committed every row.
    let imported = result.expect("import");
    assert_eq!(imported.users.len(), ROWS);
    let rows: i64 = sqlx::query_scalar("select count(*) from customer_user where customer_id = $1")
        .bind(&customer.customer_id)
        .fetch_one(&app.db)
        .await
        .expect("count");
    assert_eq!(rows, ROWS as i64);

    // Every loop tried at least once while the import ran (so a write that
    // fails because of the import fails this test), and nothing failed.
    for (kind, tallies) in [("sign-in", &sign_ins), ("edit", &edits)] {
        for tally in tallies {
            assert!(
                tally.attempted >= 1,
                "a {kind} loop never ran while the import did"
            );
            assert!(
                tally.failures.is_empty(),
                "{} of {} {kind}s failed during the import on {}: {:?}",
                tally.failures.len(),
                tally.attempted,
                backend_name(),
                tally.failures
            );
        }
    }
    // The edits are there.
    let ctx_b = Ctx::operator(&app.db, &org_b);
    let page = app::users::service::list(&ctx_b, &Default::default())
        .await
        .expect("list");
    let edited = page
        .users
        .iter()
        .filter(|u| u.display_name.starts_with("Target edit "))
        .count();
    assert_eq!(edited, EDITORS, "each edited user shows its last edit");
}
