//! Database pool, connection set-up and migrations.
//!
//! We use sqlx's `Any` driver with runtime queries written in a portable SQL
//! subset, so the same service code runs on the embedded SQLite file (the
//! default) and on PostgreSQL (for several replicas). Portable choices the
//! schema relies on: ids are random UUID text, times are `bigint` unix
//! milliseconds, flags are `bigint` 0/1, placeholders are `$1`, `$2`, ….

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{ConnectOptions, Executor};
use std::str::FromStr;
use std::time::Duration;

/// The connection pool every service function takes.
pub type Db = sqlx::AnyPool;

/// Default database location: a SQLite file under `./data/`, created on first start.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/partner-console.db";

/// Opens the pool, creating the SQLite file (and its folder) when missing,
/// and applies every pending migration. A failed migration aborts start-up.
pub async fn connect(url: &str) -> Result<Db, sqlx::Error> {
    sqlx::any::install_default_drivers();
    let sqlite = url.starts_with("sqlite:");
    let url = if sqlite {
        sqlite_url(url)?
    } else {
        url.to_string()
    };
    let options = AnyConnectOptions::from_str(&url)?.disable_statement_logging();
    let pool = AnyPoolOptions::new()
        .max_connections(if sqlite { 8 } else { 16 })
        .acquire_timeout(Duration::from_secs(10))
        .after_connect(move |conn, _meta| {
            Box::pin(async move {
                if sqlite {
                    // WAL lets readers work while one writer commits; the busy
                    // timeout makes a second writer wait instead of failing.
                    conn.execute("pragma journal_mode = wal").await?;
                    conn.execute("pragma busy_timeout = 10000").await?;
                    conn.execute("pragma foreign_keys = on").await?;
                    conn.execute("pragma synchronous = normal").await?;
                    // A 64 MiB page cache per connection: random UUID keys
                    // touch pages all over the B-trees, and bulk imports
                    // thrash the default 2 MiB cache.
                    conn.execute("pragma cache_size = -65536").await?;
                    conn.execute("pragma temp_store = memory").await?;
                }
                Ok(())
            })
        })
        .connect_with(options)
        .await?;
    sqlx::migrate!("../migrations").run(&pool).await?;
    Ok(pool)
}

/// Makes sure the SQLite file's folder exists and that the file is created
/// when missing (`mode=rwc`).
fn sqlite_url(url: &str) -> Result<String, sqlx::Error> {
    let rest = url.trim_start_matches("sqlite:").trim_start_matches("//");
    let (path, query) = match rest.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (rest, None),
    };
    if path != ":memory:" && !path.is_empty() {
        if let Some(parent) = std::path::Path::new(path).parent() {
            if !parent.as_os_str().is_empty() {
                std::fs::create_dir_all(parent).map_err(sqlx::Error::Io)?;
            }
        }
    }
    Ok(match query {
        Some(q) if q.contains("mode=") => format!("sqlite://{path}?{q}"),
        Some(q) => format!("sqlite://{path}?{q}&mode=rwc"),
        None => format!("sqlite://{path}?mode=rwc"),
    })
}

/// "SQLite" or "PostgreSQL", from the pool's connect options.
pub fn backend_name(db: &Db) -> &'static str {
    if db
        .connect_options()
        .database_url
        .scheme()
        .starts_with("postgres")
    {
        "PostgreSQL"
    } else {
        "SQLite"
    }
}

/// Now, as unix milliseconds (the schema's time type).
pub fn now_millis() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// A new random id (UUID v4 text).
pub fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// The `n`-th placeholder of a statement built at run time. SQLite gets the
/// anonymous `?`: its lookup of a named `$N` parameter is linear, which makes
/// a multi-row insert with thousands of parameters quadratic (seen with
/// `perf` in the import benchmark). PostgreSQL needs `$N`.
pub fn param(sqlite: bool, n: usize) -> String {
    if sqlite {
        "?".to_string()
    } else {
        format!("${n}")
    }
}

/// Whether a connection talks to SQLite.
pub fn is_sqlite(conn: &sqlx::AnyConnection) -> bool {
    conn.backend_name() == "SQLite"
}
