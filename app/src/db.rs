//! Database pool, connection set-up and migrations.
//!
//! We use sqlx's `Any` driver with runtime queries written in a portable SQL
//! subset, so the same service code runs on the embedded SQLite file (the
//! default) and on PostgreSQL (for several replicas). Portable choices the
//! schema relies on: ids are random UUID text, times are `bigint` unix
//! milliseconds, flags are `bigint` 0/1, placeholders are `$1`, `$2`, ….

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{ConnectOptions, Connection, Executor};
use std::str::FromStr;
use std::time::Duration;

/// The connection pool every service function takes.
pub type Db = sqlx::AnyPool;

/// Default database location: a SQLite file under `./data/`, created on first start.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/partner-console.db";

/// SQLite's page cache per connection for the server, in KiB: a bulk
/// import's emails land all over the unique index, which thrashes the
/// default 2 MiB cache; the server's eight connections share its memory,
/// so each gets 32 MiB (64 MiB made the page's million-row import peak
/// 20 MB higher, just over 200 MB, for no time won).
pub const SERVER_CACHE_KIB: u32 = 32 * 1024;

/// The page cache of a process that runs one bulk job (the command line's
/// import): 64 MiB, which its memory affords (162 MB at most for a million
/// rows). Against 32 MiB it ran 31.6-32.0 s to 31.4-37.4 s in the same
/// day's runs: within their noise, so kept as it was measured before.
pub const BULK_CACHE_KIB: u32 = 64 * 1024;

/// The page size of a new SQLite file, in bytes: the command line's
/// million-row import took 19.7-23.9 s with 8 KiB pages against 28.1-28.3 s
/// with SQLite's default 4 KiB (16 KiB: 19.7-21.0 s), the same binary and
/// file run by run on this machine kind; fewer, fuller pages mean fewer
/// splits of the indexes the rows land all over (user names, display
/// names) and fewer frames in the write-ahead log. 8 KiB rather than 16
/// keeps small transactions' log writes small (PostgreSQL's page size too).
pub const PAGE_SIZE: u32 = 8192;

/// How long a connection must have been idle before the pool checks it
/// (a ping) on its way out. sqlx checks every connection it hands out by
/// default: on SQLite a round trip to the connection's worker thread, on
/// PostgreSQL one to the server, before every statement run on the pool.
/// A connection in steady use was working a moment ago; one idle this long
/// may have been closed by a PostgreSQL restart or a proxy, and is then
/// replaced instead of failing the request that drew it.
pub const CHECK_AFTER_IDLE: Duration = Duration::from_secs(1);

/// Opens the server's pool ([`SERVER_CACHE_KIB`]); see [`connect_with_cache`].
pub async fn connect(url: &str) -> Result<Db, sqlx::Error> {
    connect_with_cache(url, SERVER_CACHE_KIB).await
}

/// Opens the pool, creating the SQLite file (and its folder) when missing,
/// and applies every pending migration. A failed migration aborts start-up.
/// `cache_kib` is each SQLite connection's page cache (unused on PostgreSQL).
pub async fn connect_with_cache(url: &str, cache_kib: u32) -> Result<Db, sqlx::Error> {
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
        // SQLite has one writer: while the largest import (200,000 rows,
        // about 10 s here) commits, other organizations' writes wait for the
        // lock and their requests for a connection. They must wait, never
        // fail (SPEC §6), so both limits sit well above the longest import.
        .acquire_timeout(Duration::from_secs(if sqlite { 60 } else { 10 }))
        .test_before_acquire(false)
        .before_acquire(|conn, meta| {
            Box::pin(async move {
                if meta.idle_for >= CHECK_AFTER_IDLE {
                    conn.ping().await?;
                }
                Ok(true)
            })
        })
        .after_connect(move |conn, _meta| {
            Box::pin(async move {
                if sqlite {
                    // A new file gets pages of 8 KiB before anything is
                    // written (an existing file keeps its own).
                    let pages = format!("pragma page_size = {PAGE_SIZE}");
                    conn.execute(pages.as_str()).await?;
                    // WAL lets readers work while one writer commits; the busy
                    // timeout makes a second writer wait instead of failing.
                    conn.execute("pragma journal_mode = wal").await?;
                    conn.execute("pragma busy_timeout = 60000").await?;
                    conn.execute("pragma foreign_keys = on").await?;
                    conn.execute("pragma synchronous = normal").await?;
                    let cache = format!("pragma cache_size = -{cache_kib}");
                    conn.execute(cache.as_str()).await?;
                    conn.execute("pragma temp_store = memory").await?;
                }
                Ok(())
            })
        })
        .connect_with(options)
        .await?;
    // One migrations folder per backend: the PostgreSQL copies fix what only
    // SQLite accepts without changing the checksums of applied SQLite files.
    // On PostgreSQL the migrator holds an advisory lock while it runs, so
    // replicas starting together apply each migration once.
    let migrator = if sqlite {
        sqlx::migrate!("../migrations/sqlite")
    } else {
        sqlx::migrate!("../migrations/postgres")
    };
    // SQLite's migrator takes no lock: processes starting together on one
    // file take turns through a lock file beside it.
    let _turn = if sqlite {
        migration_lock(&url).await?
    } else {
        None
    };
    migrator.run(&pool).await?;
    Ok(pool)
}

/// Gives back the page cache of every idle SQLite connection
/// (`pragma shrink_memory`): a connection that wrote a large import keeps
/// up to its 32 MiB cache filled until it closes, long after the import.
/// Connections in use are left alone; a no-op on PostgreSQL, whose cache
/// lives in its own server.
pub async fn release_idle_caches(db: &Db) {
    if Backend::of(db) != Backend::Sqlite {
        return;
    }
    // Held together, so each idle connection is taken once.
    let mut idle = Vec::new();
    for _ in 0..db.num_idle() {
        match db.try_acquire() {
            Some(conn) => idle.push(conn),
            None => break,
        }
    }
    for conn in &mut idle {
        if let Err(e) = conn.execute("pragma shrink_memory").await {
            tracing::warn!(error = %e, "cannot release an idle connection's page cache");
        }
    }
}

/// Waits for the exclusive lock on `<database file>.migrate-lock` (none for
/// an in-memory database); released when the returned file is dropped.
async fn migration_lock(url: &str) -> Result<Option<std::fs::File>, sqlx::Error> {
    let rest = url.trim_start_matches("sqlite:").trim_start_matches("//");
    let path = rest.split_once('?').map_or(rest, |(p, _)| p);
    if path.is_empty() || path == ":memory:" {
        return Ok(None);
    }
    let lock_path = format!("{path}.migrate-lock");
    let file = tokio::task::spawn_blocking(move || {
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)?;
        file.lock()?;
        Ok::<_, std::io::Error>(file)
    })
    .await
    .map_err(|e| sqlx::Error::Io(std::io::Error::other(e)))?
    .map_err(sqlx::Error::Io)?;
    Ok(Some(file))
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

/// Now, as unix milliseconds (the schema's time type).
pub fn now_millis() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// A new id: UUID v7 text, time-ordered (the millisecond, a counter
/// reseeded at random each millisecond, then 32 random bits). Rows written
/// together get neighbouring keys, so a large import appends to the
/// primary-key indexes instead of touching a random page per row (on
/// SQLite a million-row import took 97 s with random v4 ids, 43 s with
/// these). Ids grant nothing: every read checks the caller's organization
/// and capabilities. They say when a row was made, which its record shows
/// anyway.
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// `%text%`, lower-cased, with the LIKE wildcards `%` and `_` (and the
/// escape character itself) escaped, so a search for "a_b" finds "a_b" and
/// nothing else. Every `like` using it says `escape '\\'`.
pub fn like(text: &str) -> String {
    let mut pattern = String::from("%");
    for c in text.trim().to_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

/// The database behind a pool or a connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// The backend of a pool, from its connect options.
    pub fn of(db: &Db) -> Backend {
        let scheme = db.connect_options().database_url.scheme().to_owned();
        if scheme.starts_with("postgres") {
            Backend::Postgres
        } else {
            Backend::Sqlite
        }
    }

    /// The backend of a connection (inside a unit of work).
    pub fn of_conn(conn: &sqlx::AnyConnection) -> Backend {
        if conn.backend_name() == "SQLite" {
            Backend::Sqlite
        } else {
            Backend::Postgres
        }
    }

    /// "SQLite" or "PostgreSQL".
    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "SQLite",
            Backend::Postgres => "PostgreSQL",
        }
    }

    /// The `n`-th placeholder (1-based) of a statement built at run time.
    /// SQLite gets the anonymous `?` (arguments bind in order): its lookup
    /// of a named `$N` is linear, which makes a multi-row insert with
    /// thousands of parameters quadratic (seen with `perf` in the import
    /// benchmark). PostgreSQL needs `$N`.
    pub fn param(self, n: usize) -> String {
        match self {
            Backend::Sqlite => "?".to_string(),
            Backend::Postgres => format!("${n}"),
        }
    }

    /// `count` placeholders from the `start`-th, comma-separated: one row of
    /// a multi-row insert, or an `in (…)` list.
    pub fn params(self, start: usize, count: usize) -> String {
        (start..start + count)
            .map(|n| self.param(n))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// `head` followed by `rows` copies of `row`, comma-separated: a multi-row
/// insert. Each `?` in `row` becomes the backend's next placeholder
/// ([`Backend::param`]), numbered across the rows. Built in one buffer,
/// since an import builds one of these per thousand rows.
pub fn rows_sql(backend: Backend, head: &str, row: &str, rows: usize) -> String {
    use std::fmt::Write as _;
    let mut sql = String::with_capacity(head.len() + rows * (row.len() + 8));
    sql.push_str(head);
    let mut n = 0;
    for i in 0..rows {
        if i > 0 {
            sql.push(',');
        }
        match backend {
            Backend::Sqlite => sql.push_str(row),
            Backend::Postgres => {
                for (k, piece) in row.split('?').enumerate() {
                    if k > 0 {
                        n += 1;
                        let _ = write!(sql, "${n}");
                    }
                    sql.push_str(piece);
                }
            }
        }
    }
    sql
}

/// A statement built ahead of its run, owning its SQL and arguments: a bulk
/// write builds the next one while the database runs this one.
pub struct Prepared {
    sql: String,
    args: sqlx::any::AnyArguments<'static>,
}

impl Prepared {
    /// `sql` with `args` bound in order.
    pub fn new(sql: String, args: sqlx::any::AnyArguments<'static>) -> Prepared {
        Prepared { sql, args }
    }

    /// Runs it on `conn`.
    pub async fn run(self, conn: &mut sqlx::AnyConnection) -> Result<(), sqlx::Error> {
        sqlx::query_with(&self.sql, self.args).execute(conn).await?;
        Ok(())
    }
}

/// Adds `value` to `args`. Texts and integers always encode (only encoders
/// that reject a value fail).
pub fn bind<'q, T>(args: &mut sqlx::any::AnyArguments<'q>, value: T)
where
    T: 'q + sqlx::Encode<'q, sqlx::Any> + sqlx::Type<sqlx::Any>,
{
    let _ = sqlx::Arguments::add(args, value);
}

/// One argument of a statement built at run time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    Int(i64),
}

impl From<String> for Arg {
    fn from(v: String) -> Arg {
        Arg::Text(v)
    }
}

impl From<&str> for Arg {
    fn from(v: &str) -> Arg {
        Arg::Text(v.to_string())
    }
}

impl From<i64> for Arg {
    fn from(v: i64) -> Arg {
        Arg::Int(v)
    }
}

/// SQL assembled at run time from optional parts (filters), with its
/// arguments in binding order: the one way statements are built from
/// pieces. Each `?` in a pushed piece becomes the backend's next placeholder
/// ([`Backend::param`]).
#[derive(Debug, Clone)]
pub struct Statement {
    backend: Backend,
    sql: String,
    args: Vec<Arg>,
    placeholders: usize,
}

impl Statement {
    /// An empty statement for `backend`.
    pub fn new(backend: Backend) -> Statement {
        Statement {
            backend,
            sql: String::new(),
            args: Vec::new(),
            placeholders: 0,
        }
    }

    /// Appends `sql`; its `?`s take `args` in order (as many as there are).
    pub fn push<I, A>(&mut self, sql: &str, args: I) -> &mut Statement
    where
        I: IntoIterator<Item = A>,
        A: Into<Arg>,
    {
        self.args.extend(args.into_iter().map(Into::into));
        for c in sql.chars() {
            if c == '?' {
                self.placeholders += 1;
                self.sql.push_str(&self.backend.param(self.placeholders));
            } else {
                self.sql.push(c);
            }
        }
        debug_assert_eq!(self.placeholders, self.args.len(), "one argument per `?`");
        self
    }

    /// The SQL so far.
    pub fn sql(&self) -> &str {
        &self.sql
    }

    /// The arguments, ready for `query_with` / `query_as_with` /
    /// `query_scalar_with`.
    pub fn arguments(&self) -> sqlx::any::AnyArguments<'static> {
        use sqlx::Arguments;
        let mut out = sqlx::any::AnyArguments::default();
        for a in &self.args {
            // Adding a text or an integer cannot fail (only encoders that
            // reject a value do).
            let _ = match a {
                Arg::Text(t) => out.add(t.clone()),
                Arg::Int(i) => out.add(*i),
            };
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_number_placeholders_per_backend() {
        let mut pg = Statement::new(Backend::Postgres);
        pg.push("where org_id = ?", ["o"])
            .push(" and (a like ? or b like ?)", ["%x%", "%x%"]);
        assert_eq!(pg.sql(), "where org_id = $1 and (a like $2 or b like $3)");
        let mut lite = Statement::new(Backend::Sqlite);
        lite.push("where org_id = ?", ["o"])
            .push(" and at >= ?", [5i64]);
        assert_eq!(lite.sql(), "where org_id = ? and at >= ?");
        assert_eq!(lite.args, vec![Arg::from("o"), Arg::Int(5)]);
        assert_eq!(Backend::Postgres.params(3, 2), "$3, $4");
        assert_eq!(Backend::Sqlite.params(3, 2), "?, ?");
    }

    #[test]
    fn rows_sql_numbers_placeholders_across_rows() {
        assert_eq!(
            rows_sql(
                Backend::Postgres,
                "insert into t (a, b) values ",
                "(?, 1, ?)",
                3
            ),
            "insert into t (a, b) values ($1, 1, $2),($3, 1, $4),($5, 1, $6)"
        );
        assert_eq!(
            rows_sql(Backend::Sqlite, "insert into t (a) values ", "(?)", 2),
            "insert into t (a) values (?),(?)"
        );
        assert_eq!(rows_sql(Backend::Sqlite, "x ", "(?)", 0), "x ");
    }
}
