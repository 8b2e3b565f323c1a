//! The command line: create-org, create-admin, import-users, purge-deleted,
//! issue-invoices, run as the real binary on a fresh database.

use std::process::Command;

fn cli(db_url: &str, args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_partner-console"))
        .env("DATABASE_URL", db_url)
        .env("RUST_LOG", "warn")
        .args(args)
        .output()
        .expect("run the binary");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[tokio::test]
async fn operator_commands_work_end_to_end() {
    let (url, dir) = crate::helpers::fresh_database().await;

    let (ok, org_id, err) = cli(&url, &["create-org", "Cli Partners"]);
    assert!(ok, "{err}");
    let org_id = org_id.trim().to_string();
    let (ok, out, err) = cli(
        &url,
        &[
            "create-admin",
            "--org",
            "Cli Partners",
            "--email",
            "root@cli.example",
        ],
    );
    assert!(ok, "{err}");
    assert!(out.contains("Temporary password (shown once): "), "{out}");

    // A customer to import into, made through the services on the same file.
    let db = app::db::connect(&url).await.expect("db");
    let ctx = app::request::Ctx::operator(&db, &org_id);
    let customer = app::customers::service::create(
        &ctx,
        &app::customers::NewCustomer {
            details: app::customers::CustomerDetails {
                name: "Cli Customer".into(),
                ..Default::default()
            },
            domain: "clicust.example".into(),
        },
    )
    .await
    .expect("customer");
    app::subscriptions::service::create(&ctx, &customer.customer_id, "Suite", 10)
        .await
        .expect("subscription");

    let file = dir.0.join("users.csv");
    std::fs::write(
        &file,
        "First name,Last name,Display name,Email,Licence\nBad,Row,Bad Row,bad@elsewhere.example,\n",
    )
    .expect("write");
    let path = file.to_string_lossy().into_owned();
    let (ok, _, err) = cli(
        &url,
        &[
            "import-users",
            "--org",
            &org_id,
            "--customer",
            "clicust.example",
            &path,
        ],
    );
    assert!(!ok);
    assert!(
        err.contains("row 2, Email:") && err.contains("nothing was imported"),
        "{err}"
    );

    std::fs::write(
        &file,
        "First name,Last name,Display name,Email,Licence\nAna,One,Ana One,ana@clicust.example,Suite\nBo,Two,Bo Two,bo@clicust.example,\n",
    )
    .expect("write");
    let (ok, out, err) = cli(
        &url,
        &[
            "import-users",
            "--org",
            "Cli Partners",
            "--customer",
            "clicust.example",
            &path,
        ],
    );
    assert!(ok, "{err}");
    assert!(
        out.starts_with("Display name,User name,Temporary password"),
        "{out}"
    );
    assert!(out.contains("Ana One,ana@clicust.example,"), "{out}");
    assert!(err.contains("Imported 2 users"), "{err}");
    // The command line acts as the operator, and the log says so.
    let by_operator: i64 = sqlx::query_scalar(
        "select count(*) from activity where org_id = $1 and actor_kind = 'operator'
         and actor_name = 'Operator (command line)' and operation = 'customer-user-created'",
    )
    .bind(&org_id)
    .fetch_one(&db)
    .await
    .expect("count");
    assert_eq!(by_operator, 2);

    // Age one deletion past 30 days; purge-deleted removes it.
    let ids: Vec<String> = sqlx::query_scalar(
        "select customer_user_id from customer_user where customer_id = $1 order by display_name",
    )
    .bind(&customer.customer_id)
    .fetch_all(&db)
    .await
    .expect("ids");
    app::customer_users::service::delete(&ctx, &customer.customer_id, &ids[..1])
        .await
        .expect("delete");
    sqlx::query("update customer_user set deleted_at = 0 where customer_user_id = $1")
        .bind(&ids[0])
        .execute(&db)
        .await
        .expect("age");
    let (ok, out, err) = cli(&url, &["purge-deleted"]);
    assert!(ok, "{err}");
    assert!(out.contains("Purged 1 customer user"), "{out}");
    let left: i64 = sqlx::query_scalar("select count(*) from customer_user where customer_id = $1")
        .bind(&customer.customer_id)
        .fetch_one(&db)
        .await
        .expect("count");
    assert_eq!(left, 1);

    // A new deployment scripts itself: an application and its first secret.
    let (ok, out, err) = cli(
        &url,
        &[
            "create-application",
            "--org",
            "Cli Partners",
            "--name",
            "Provisioning",
            "--role",
            "user-management-admin",
            "--role",
            "helpdesk-agent",
        ],
    );
    assert!(ok, "{err}");
    let secret = out
        .split_whitespace()
        .find(|w| w.starts_with("pcs_"))
        .unwrap_or_else(|| panic!("no secret in {out}"));
    match app::applications::service::identity_for_secret(&db, secret)
        .await
        .expect("check")
    {
        app::applications::service::SecretCheck::Valid(me) => {
            assert_eq!(me.display_name, "Provisioning");
            assert!(me.can(app::access::Capability::UsersCreate));
            assert!(me.can(app::access::Capability::CustomerUsersManage));
        }
        other => panic!("secret not valid: {other:?}"),
    }
    let (ok, _, err) = cli(
        &url,
        &[
            "create-application",
            "--org",
            "Cli Partners",
            "--name",
            "Twice",
            "--role",
            "admin-agent",
            "--role",
            "sales-agent",
        ],
    );
    assert!(!ok);
    assert!(err.contains("same kind"), "{err}");
    let (ok, out, err) = cli(
        &url,
        &[
            "set-temp-password-days",
            "--org",
            "Cli Partners",
            "--days",
            "3",
        ],
    );
    assert!(ok, "{err}");
    assert!(out.contains("3 days"), "{out}");
    let days: i64 =
        sqlx::query_scalar("select temp_password_days from organization where org_id = $1")
            .bind(&org_id)
            .fetch_one(&db)
            .await
            .expect("days");
    assert_eq!(days, 3);
    let (ok, _, err) = cli(
        &url,
        &[
            "set-temp-password-days",
            "--org",
            "Cli Partners",
            "--days",
            "0",
        ],
    );
    assert!(!ok);
    assert!(err.contains("between 1 and 90"), "{err}");

    // The operator turns off a user's lost second factor, by email.
    sqlx::query("update app_user set totp_secret = 'JBSWY3DPEHPK3PXP', totp_enabled_at = 1 where email_lower = 'root@cli.example'")
        .execute(&db)
        .await
        .expect("enrol");
    let (ok, out, err) = cli(
        &url,
        &[
            "reset-second-factor",
            "--org",
            "Cli Partners",
            "--email",
            "ROOT@cli.example",
        ],
    );
    assert!(ok, "{err}");
    assert!(out.contains("root@cli.example"), "{out}");
    let secret: Option<String> = sqlx::query_scalar(
        "select totp_secret from app_user where email_lower = 'root@cli.example'",
    )
    .fetch_one(&db)
    .await
    .expect("secret");
    assert_eq!(secret, None);
    let (ok, _, err) = cli(
        &url,
        &[
            "reset-second-factor",
            "--org",
            "Cli Partners",
            "--email",
            "nobody@cli.example",
        ],
    );
    assert!(!ok);
    assert!(err.contains("nobody@cli.example"), "{err}");
}

/// Replicas starting together on a new database all migrate it, and each
/// migration is applied once (on PostgreSQL, under sqlx's advisory lock;
/// on SQLite, one writer at a time with the busy timeout).
#[tokio::test]
async fn migrate_is_safe_from_several_processes_at_once() {
    let (url, _dir) = crate::helpers::empty_database().await;
    let runs: Vec<_> = (0..4)
        .map(|_| {
            let url = url.clone();
            std::thread::spawn(move || cli(&url, &["migrate"]))
        })
        .collect();
    for run in runs {
        let (ok, _, err) = run.join().expect("thread");
        assert!(ok, "{err}");
    }
    let (ok, _, err) = cli(&url, &["migrate"]);
    assert!(ok, "again, nothing to do: {err}");
    let db = app::db::connect(&url).await.expect("db");
    let (applied, distinct): (i64, i64) =
        sqlx::query_as("select count(*), count(distinct version) from _sqlx_migrations")
            .fetch_one(&db)
            .await
            .expect("migrations");
    assert_eq!(applied, distinct, "each migration recorded once");
    let files = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../migrations/sqlite"))
        .expect("migrations folder")
        .count() as i64;
    assert_eq!(applied, files, "every migration file applied");
}

/// A new SQLite file gets pages of `db::PAGE_SIZE` (fewer index splits in
/// large imports); a file made with SQLite's default 4 KiB keeps them and
/// migrates and serves as before.
#[tokio::test]
async fn a_new_sqlite_file_gets_8_kib_pages_and_an_old_one_keeps_its_own() {
    if crate::helpers::backend_name() != "SQLite" {
        return;
    }
    let page_size = |db: app::db::Db| async move {
        let size: i64 = sqlx::query_scalar("pragma page_size")
            .fetch_one(&db)
            .await
            .expect("page size");
        db.close().await;
        size
    };
    let (url, _dir) = crate::helpers::empty_database().await;
    let db = app::db::connect(&url).await.expect("a new file");
    assert_eq!(page_size(db).await, i64::from(app::db::PAGE_SIZE));

    let (url, dir) = crate::helpers::empty_database().await;
    {
        use sqlx::{ConnectOptions, Connection, Executor};
        let mut old = sqlx::sqlite::SqliteConnectOptions::new()
            .filename(dir.0.join("test.db"))
            .create_if_missing(true)
            .connect()
            .await
            .expect("an old file");
        old.execute("pragma page_size = 4096; pragma journal_mode = wal; create table kept (x)")
            .await
            .expect("an old file's first table");
        old.close().await.expect("close");
    }
    let (ok, out, err) = cli(&url, &["create-org", "Old Pages"]);
    assert!(ok && !out.trim().is_empty(), "{err}");
    let db = app::db::connect(&url).await.expect("the old file");
    assert_eq!(page_size(db).await, 4096);
}

/// `issue-invoices`: by default last month's invoice of every organization
/// that existed then, once; `--org` and `--month` pick one; a month not over
/// or not a month is refused.
#[tokio::test]
async fn issue_invoices_issues_each_month_once() {
    let (url, _dir) = crate::helpers::fresh_database().await;
    let (ok, org_id, err) = cli(&url, &["create-org", "Cli Billing"]);
    assert!(ok, "{err}");
    let org_id = org_id.trim().to_string();
    let db = app::db::connect(&url).await.expect("db");
    sqlx::query("update organization set created_at = 0 where org_id = $1")
        .bind(&org_id)
        .execute(&db)
        .await
        .expect("age");
    let ctx = app::request::Ctx::operator(&db, &org_id);
    let customer = app::customers::service::create(
        &ctx,
        &app::customers::NewCustomer {
            details: app::customers::CustomerDetails {
                name: "Cli Customer".into(),
                ..Default::default()
            },
            domain: "clibill.example".into(),
        },
    )
    .await
    .expect("customer");
    app::subscriptions::service::create(&ctx, &customer.customer_id, "Microsoft 365 E3", 2)
        .await
        .expect("subscription");
    let last = app::billing::Month::of_millis(app::db::now_millis()).previous();

    let (ok, out, err) = cli(&url, &["issue-invoices"]);
    assert!(ok, "{err}");
    assert_eq!(
        out.trim(),
        format!("Cli Billing: invoice {last} issued: 1 line(s), total 86.40 USD.")
    );
    let (ok, out, err) = cli(&url, &["issue-invoices"]);
    assert!(ok, "{err}");
    assert!(out.contains("Every organization has its invoice"), "{out}");

    let (ok, out, err) = cli(
        &url,
        &[
            "issue-invoices",
            "--org",
            "Cli Billing",
            "--month",
            "2020-01",
        ],
    );
    assert!(ok, "{err}");
    assert!(out.contains("invoice 2020-01 issued"), "{out}");
    let (ok, out, err) = cli(
        &url,
        &["issue-invoices", "--org", &org_id, "--month", "2020-01"],
    );
    assert!(ok, "{err}");
    assert!(out.contains("invoice 2020-01 already issued"), "{out}");
    let invoices: i64 = sqlx::query_scalar("select count(*) from invoice where org_id = $1")
        .bind(&org_id)
        .fetch_one(&db)
        .await
        .expect("count");
    assert_eq!(invoices, 2);

    let (ok, _, err) = cli(&url, &["issue-invoices", "--month", "2999-01"]);
    assert!(!ok);
    assert!(err.contains("isn't over yet"), "{err}");
    let (ok, _, err) = cli(&url, &["issue-invoices", "--month", "last"]);
    assert!(!ok);
    assert!(err.contains("YYYY-MM"), "{err}");
    let (ok, _, err) = cli(
        &url,
        &["issue-invoices", "--org", "Nobody", "--month", "2020-01"],
    );
    assert!(!ok);
    assert!(err.contains("Nobody"), "{err}");
}

/// The command line reads an import file a buffer at a time, twice (check,
/// then write); a problem on the last row still writes nothing, and a good
/// file prints every user's temporary password once the import commits.
#[tokio::test]
async fn a_large_file_is_read_in_steps_and_imported_all_or_nothing() {
    let (url, dir) = crate::helpers::fresh_database().await;
    let db = app::db::connect(&url).await.expect("db");
    let org_id = app::orgs::service::create(&db, "Stream Partners")
        .await
        .expect("org");
    let ctx = app::request::Ctx::operator(&db, &org_id);
    let customer = app::customers::service::create(
        &ctx,
        &app::customers::NewCustomer {
            details: app::customers::CustomerDetails {
                name: "Stream Customer".into(),
                ..Default::default()
            },
            domain: "stream.example".into(),
        },
    )
    .await
    .expect("customer");
    app::subscriptions::service::create(&ctx, &customer.customer_id, "Suite", 500)
        .await
        .expect("subscription");
    // Over 4 steps of the check and 9 batches of the writing; a byte order
    // mark and CRLF line ends as a spreadsheet saves them.
    let rows = 9_000;
    let mut text = String::from("\u{FEFF}First name,Last name,Display name,Email,Licence\r\n");
    for i in 0..rows {
        let licence = if i % 20 == 0 { "suite" } else { "" };
        text.push_str(&format!(
            "P{i},Stream,P{i} Stream,p{i}@stream.example,{licence}\r\n"
        ));
    }
    let file = dir.0.join("large.csv");
    let count = || async {
        let n: i64 =
            sqlx::query_scalar("select count(*) from customer_user where customer_id = $1")
                .bind(&customer.customer_id)
                .fetch_one(&db)
                .await
                .expect("count");
        n
    };
    let import = |path: &str| {
        cli(
            &url,
            &[
                "import-users",
                "--org",
                &org_id,
                "--customer",
                "stream.example",
                path,
            ],
        )
    };
    let path = file.to_string_lossy().into_owned();

    std::fs::write(
        &file,
        format!("{text}Last,Row,Last Row,p1@stream.example,\r\n"),
    )
    .expect("write");
    let (ok, out, err) = import(&path);
    assert!(!ok);
    assert!(out.is_empty(), "{out}");
    assert!(
        err.contains(&format!("row {}, Email:", rows + 2)) && err.contains("nothing was imported"),
        "{err}"
    );
    assert_eq!(count().await, 0);

    std::fs::write(&file, &text).expect("write");
    let (ok, out, err) = import(&path);
    assert!(ok, "{err}");
    assert!(err.contains(&format!("Imported {rows} users")), "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), rows + 1);
    assert_eq!(lines[0], "Display name,User name,Temporary password");
    assert!(lines[rows].starts_with(&format!(
        "P{} Stream,p{}@stream.example,",
        rows - 1,
        rows - 1
    )));
    let passwords: std::collections::HashSet<&str> = lines[1..]
        .iter()
        .filter_map(|l| l.rsplit(',').next())
        .collect();
    assert_eq!(passwords.len(), rows, "each user has their own password");
    assert_eq!(count().await, rows as i64);
    let (entries, licences): (i64, i64) = (
        sqlx::query_scalar(
            "select count(*) from activity where org_id = $1 and operation = 'customer-user-created'",
        )
        .bind(&org_id)
        .fetch_one(&db)
        .await
        .expect("entries"),
        sqlx::query_scalar(
            "select count(*) from licence l join customer_user u on u.customer_user_id = l.customer_user_id
             where u.customer_id = $1",
        )
        .bind(&customer.customer_id)
        .fetch_one(&db)
        .await
        .expect("licences"),
    );
    assert_eq!((entries, licences), (rows as i64, rows as i64 / 20));
    // The temporary file that held the passwords has no name left.
    let left = std::fs::read_dir(std::env::temp_dir())
        .expect("temp dir")
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("partner-console-import-")
        })
        .count();
    assert_eq!(left, 0);
}
