//! `partner-console`: serve the console or run an administration command.

use app::state::AppState;
use axum::serve::ListenerExt;
use clap::Parser;
use server::config::{Cli, Command, ServeArgs};
use std::process::ExitCode;

fn main() -> ExitCode {
    server::memory::configure();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn".into()),
        )
        .init();
    let cli = Cli::parse();
    let workers = match &cli.command {
        Some(Command::Serve(args)) => args.workers,
        _ => None,
    }
    .unwrap_or_else(server::runtime::default_workers);
    let runtime = match server::runtime::build(workers) {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<(), String> {
    // The command line's import is the process's one job: a larger cache.
    let cache = match cli.command {
        Some(Command::ImportUsers { .. }) => app::db::BULK_CACHE_KIB,
        _ => app::db::SERVER_CACHE_KIB,
    };
    let db = app::db::connect_with_cache(&cli.database_url, cache)
        .await
        .map_err(|e| format!("cannot open the database {}: {e}", cli.database_url))?;
    match cli.command.unwrap_or(Command::Serve(ServeArgs::default())) {
        Command::Migrate => {
            println!("Migrations applied.");
            Ok(())
        }
        Command::CreateOrg { name } => {
            let id = app::orgs::service::create(&db, &name)
                .await
                .map_err(|e| e.to_string())?;
            println!("{id}");
            Ok(())
        }
        Command::CreateAdmin { org, email, name } => {
            let org_id = app::orgs::service::find(&db, &org)
                .await
                .map_err(|e| e.to_string())?
                .ok_or_else(|| format!("no organization has the id or name {org:?}"))?;
            let ctx = app::request::Ctx::operator(&db, &org_id);
            let (_, password) = app::users::service::create_admin(&ctx, &name, &email)
                .await
                .map_err(|e| e.to_string())?;
            println!("Global admin {email} added.");
            println!("Temporary password (shown once): {password}");
            Ok(())
        }
        Command::CreateApplication {
            org,
            name,
            roles,
            directory_sync,
        } => {
            let org_id = app::orgs::service::find(&db, &org)
                .await
                .map_err(|e| e.to_string())?
                .ok_or_else(|| format!("no organization has the id or name {org:?}"))?;
            let access = app::access::Access {
                roles: app::access::RoleSet::from_keys(&roles)?,
                permissions: Default::default(),
            };
            let ctx = app::request::Ctx::operator(&db, &org_id);
            let new = app::applications::NewApplication {
                name,
                access,
                directory_sync,
            };
            let created = app::applications::service::create(&ctx, &new)
                .await
                .map_err(|e| e.to_string())?;
            println!(
                "Application {} created (id {}).",
                created.name, created.app_id
            );
            println!(
                "Secret (shown once; send it as `Authorization: Bearer …`): {}",
                created.secret.secret
            );
            Ok(())
        }
        Command::SetTempPasswordDays { org, days } => {
            let org_id = app::orgs::service::find(&db, &org)
                .await
                .map_err(|e| e.to_string())?
                .ok_or_else(|| format!("no organization has the id or name {org:?}"))?;
            let ctx = app::request::Ctx::operator(&db, &org_id);
            app::orgs::service::set_temp_password_days(&ctx, days)
                .await
                .map_err(|e| e.to_string())?;
            println!("New temporary passwords in {org} now work for {days} days.");
            Ok(())
        }
        Command::ResetSecondFactor { org, email } => {
            let org_id = app::orgs::service::find(&db, &org)
                .await
                .map_err(|e| e.to_string())?
                .ok_or_else(|| format!("no organization has the id or name {org:?}"))?;
            let ctx = app::request::Ctx::operator(&db, &org_id);
            let user_id = app::users::service::id_by_email(&ctx, &email)
                .await
                .map_err(|e| e.to_string())?;
            let user = app::users::service::reset_second_factor(&ctx, &user_id)
                .await
                .map_err(|e| e.to_string())?;
            println!(
                "Two-step verification of {} is off; they sign in with their password and set it up again.",
                user.email
            );
            Ok(())
        }
        Command::PurgeDeleted => {
            let n = app::customer_users::service::purge_expired(&db, app::db::now_millis())
                .await
                .map_err(|e| e.to_string())?;
            println!(
                "Purged {n} customer user(s) deleted more than {} days ago.",
                app::customer_users::RESTORE_DAYS
            );
            Ok(())
        }
        Command::IssueInvoices { org, month } => issue_invoices(&db, org, month).await,
        Command::ImportUsers {
            org,
            customer,
            validate_only,
            file,
        } => import_users(&db, &org, &customer, validate_only, &file).await,
        Command::Serve(args) => serve(db, args).await,
    }
}

async fn issue_invoices(
    db: &app::db::Db,
    org: Option<String>,
    month: Option<String>,
) -> Result<(), String> {
    use app::billing::{service, Month};
    let month = match month {
        Some(m) => m,
        None => Month::of_millis(app::db::now_millis())
            .previous()
            .to_string(),
    };
    let outcomes = match org {
        Some(org) => {
            let org_id = app::orgs::service::find(db, &org)
                .await
                .map_err(|e| e.to_string())?
                .ok_or_else(|| format!("no organization has the id or name {org:?}"))?;
            let ctx = app::request::Ctx::operator(db, &org_id);
            vec![(org, service::issue(&ctx, &month).await)]
        }
        None => {
            let parsed = Month::parse(&month)
                .ok_or_else(|| format!("month {month:?}: enter a month as YYYY-MM"))?;
            service::issue_missing(db, parsed)
                .await
                .map_err(|e| e.to_string())?
        }
    };
    if outcomes.is_empty() {
        println!("Every organization has its invoice for {month}.");
    }
    let mut failed = 0;
    for (name, outcome) in outcomes {
        match outcome {
            Ok(i) => println!(
                "{name}: invoice {} {}: {} line(s), total {} {}.",
                i.invoice.month,
                if i.created {
                    "issued"
                } else {
                    "already issued"
                },
                i.invoice.lines,
                app::pricing::decimal(i.invoice.total_cents),
                i.invoice.currency
            ),
            Err(e) => {
                failed += 1;
                eprintln!("{name}: {e}");
            }
        }
    }
    match failed {
        0 => Ok(()),
        n => Err(format!("{n} invoice(s) not issued")),
    }
}

async fn import_users(
    db: &app::db::Db,
    org: &str,
    customer: &str,
    validate_only: bool,
    file: &std::path::Path,
) -> Result<(), String> {
    use app::customer_users::{import, ImportStep, ImportedUser, IMPORT_MAX_ROWS};
    let org_id = app::orgs::service::find(db, org)
        .await
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("no organization has the id or name {org:?}"))?;
    let ctx = app::request::Ctx::operator(db, &org_id);
    let customer_id = app::customers::service::find(&ctx, customer)
        .await
        .map_err(|e| format!("customer {customer:?}: {e}"))?;
    std::fs::File::open(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let input = import::FileInput(file);
    let bar = indicatif::ProgressBar::new(0);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{msg:8} {bar:40} {pos}/{len} ({elapsed})")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let progress = |step| match step {
        ImportStep::Checked { read, size, .. } => {
            bar.set_message("checked");
            bar.set_length(size as u64);
            bar.set_position(read as u64);
        }
        ImportStep::Written { rows, total } => {
            bar.set_message("written");
            bar.set_length(total as u64);
            bar.set_position(rows as u64);
        }
        _ => {}
    };
    let refused = |check: app::customer_users::ImportCheck| {
        for e in &check.errors {
            let column = if e.column.is_empty() {
                String::new()
            } else {
                format!(", {}", e.column)
            };
            eprintln!("row {}{column}: {}", e.row, app::i18n::message(&e.reason));
        }
        if check.more_errors > 0 {
            eprintln!("… and {} more problems", check.more_errors);
        }
        format!("{} rows read; nothing was imported", check.rows)
    };
    if validate_only {
        let check =
            import::validate_with(&ctx, &customer_id, &input, IMPORT_MAX_ROWS, &progress).await;
        bar.finish_and_clear();
        let check = check.map_err(|e| e.to_string())?;
        if !check.errors.is_empty() {
            return Err(refused(check));
        }
        eprintln!("{} rows are valid.", check.rows);
        return Ok(());
    }
    // The users and their temporary passwords go to a file that has no
    // name from the start (so nothing is left on disk whatever happens),
    // and to standard output once the import has committed.
    let mut kept = import::kept::Kept::new().map_err(|e| format!("temporary file: {e}"))?;
    let imported = import::import_into(
        &ctx,
        &customer_id,
        &input,
        IMPORT_MAX_ROWS,
        &progress,
        &mut |user: ImportedUser| kept.add(&user),
    )
    .await;
    bar.finish_and_clear();
    let imported = imported.map_err(|e| e.to_string())?.map_err(refused)?;
    eprintln!("Imported {imported} users (in one transaction).");
    print_passwords(kept).map_err(|e| {
        format!("the users were imported, but their passwords could not be printed: {e}")
    })
}

/// The imported users and their temporary passwords as CSV on standard
/// output.
fn print_passwords(kept: app::customer_users::import::kept::Kept) -> Result<(), String> {
    use std::io::Write;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let write = |e: std::io::Error| e.to_string();
    out.write_all(app::customer_users::ImportedUser::CSV_HEADER.as_bytes())
        .map_err(write)?;
    for part in kept.parts(1_000).map_err(|e| e.to_string())? {
        for user in part.map_err(|e| e.to_string())? {
            out.write_all(user.csv_row().as_bytes()).map_err(write)?;
        }
    }
    out.flush().map_err(write)
}

async fn serve(db: app::db::Db, args: ServeArgs) -> Result<(), String> {
    if args.demo {
        let seeded = app::demo::seed(&db).await.map_err(|e| e.to_string())?;
        println!(
            "Demo organization \"{}\" {}. Sign-ins (password for all: {}):",
            app::demo::DEMO_ORG,
            if seeded.created {
                "created"
            } else {
                "already present"
            },
            app::demo::DEMO_PASSWORD
        );
        for u in &seeded.users {
            println!("  {:<24} {}", u.role, u.email);
        }
        if let Some(secret) = &seeded.api_secret {
            println!(
                "API secret of the demo application \"Directory sync (demo)\" (shown once):\n  {secret}\n  try: curl -H 'Authorization: Bearer {secret}' http://{}/api/v1/users",
                args.addr
            );
        }
    }
    // Daily purge of customer users deleted more than 30 days ago. Safe on
    // several replicas: each purge runs in one transaction and finds nothing
    // the second time.
    let purge_db = db.clone();
    tokio::spawn(async move {
        let mut every = tokio::time::interval(std::time::Duration::from_secs(6 * 60 * 60));
        loop {
            every.tick().await;
            match app::customer_users::service::purge_expired(&purge_db, app::db::now_millis())
                .await
            {
                Ok(0) => {}
                Ok(n) => tracing::info!(purged = n, "purged deleted customer users"),
                Err(e) => tracing::warn!(error = %e, "purge of deleted customer users failed"),
            }
        }
    });
    // The previous month's invoice of every organization, once the month is
    // over: checked at start and every hour. Safe on several replicas:
    // issuing is idempotent per organization and month.
    let billing_db = db.clone();
    tokio::spawn(async move {
        let mut every = tokio::time::interval(std::time::Duration::from_secs(60 * 60));
        loop {
            every.tick().await;
            let month = app::billing::Month::of_millis(app::db::now_millis()).previous();
            match app::billing::service::issue_missing(&billing_db, month).await {
                Ok(done) => {
                    for (org, outcome) in done {
                        match outcome {
                            Ok(_) => tracing::info!(%month, %org, "invoice issued"),
                            Err(e) => {
                                tracing::warn!(error = %e, %month, %org, "invoice not issued")
                            }
                        }
                    }
                }
                Err(e) => tracing::warn!(error = %e, %month, "issuing invoices failed"),
            }
        }
    });
    let leptos_options = server::leptos_options(&args.site_root, args.addr);
    server::memory::spawn_trimmer(db.clone());
    let state = AppState {
        leptos_options,
        db,
        secure_cookies: args.secure_cookies,
        proxy_hops: args.proxy_hops.unwrap_or(usize::from(args.trust_proxy)),
        api_rate: app::rest::throttle::RateLimit {
            burst: args.api_burst,
            per_second: args.api_per_second,
        },
    };
    let mut guard = server::PageGuard::default();
    if let Some(n) = args.render_threads {
        guard.render_threads = n;
    }
    guard.timeout = std::time::Duration::from_secs(args.render_timeout_secs.max(1));
    let router = server::router_with(state, axum::Router::new(), guard)
        .map_err(|e| format!("cannot start the page renderer: {e}"))?;
    // TCP_NODELAY on every connection: a streamed page is many small writes,
    // and with Nagle's algorithm each waited for the browser's delayed ACK
    // (about 40 ms per signed-in page on a kept-alive connection).
    let listener = tokio::net::TcpListener::bind(args.addr)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", args.addr))?
        .tap_io(|tcp| {
            if let Err(e) = tcp.set_nodelay(true) {
                tracing::warn!(error = %e, "cannot set TCP_NODELAY");
            }
        });
    server::memory::trim();
    println!("Partner Console is listening on http://{}", args.addr);
    let service = router.into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, service)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .map_err(|e| e.to_string())
}
