//! Command line and environment configuration.

use clap::{Parser, Subcommand};
use std::net::SocketAddr;

/// Partner Console server and administration commands.
#[derive(Debug, Parser)]
#[command(name = "partner-console", version)]
pub struct Cli {
    /// Database URL: `sqlite://path/to/file.db` (created when missing) or `postgres://…`.
    #[arg(long, env = "DATABASE_URL", default_value = app::db::DEFAULT_DATABASE_URL, global = true)]
    pub database_url: String,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// What to do; `serve` when none is given.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Apply migrations, then serve HTTP.
    Serve(ServeArgs),
    /// Apply pending migrations and exit.
    Migrate,
    /// Create an organization and print its id.
    CreateOrg {
        /// The organization's name.
        name: String,
    },
    /// Add a Global admin to an organization and print the temporary password.
    CreateAdmin {
        /// The organization's id or exact name.
        #[arg(long)]
        org: String,
        /// The admin's email (sign-in name).
        #[arg(long)]
        email: String,
        /// The admin's full name.
        #[arg(long, default_value = "Global admin")]
        name: String,
    },
    /// Create an application (an identity for scripts calling the API) and
    /// print its first secret, once.
    CreateApplication {
        /// The organization's id or exact name.
        #[arg(long)]
        org: String,
        /// The application's name.
        #[arg(long)]
        name: String,
        /// A role to give it, by key (`global-admin`, `admin-agent`, …);
        /// repeat for one role of each kind.
        #[arg(long = "role")]
        roles: Vec<String>,
        /// Allow it to sync the organization's directory over SCIM (`/scim/v2`).
        #[arg(long)]
        directory_sync: bool,
    },
    /// Set how many days a new temporary password works in an organization
    /// (1–90, default 7).
    SetTempPasswordDays {
        /// The organization's id or exact name.
        #[arg(long)]
        org: String,
        /// Days, 1 to 90.
        #[arg(long)]
        days: i64,
    },
    /// Turn a partner user's two-step verification off (a lost phone, and
    /// nobody left to reset it in the console); their sessions end.
    ResetSecondFactor {
        /// The organization's id or exact name.
        #[arg(long)]
        org: String,
        /// The user's email.
        #[arg(long)]
        email: String,
    },
    /// Remove for good the customer users deleted more than 30 days ago.
    PurgeDeleted,
    /// Issue a month's invoice (one per organization and month; a month
    /// already invoiced is left as it is).
    IssueInvoices {
        /// Only this organization (id or exact name); default: every
        /// organization that existed before the month ended.
        #[arg(long)]
        org: Option<String>,
        /// The month, `YYYY-MM` (default: the previous month).
        #[arg(long)]
        month: Option<String>,
    },
    /// Import customer users from a CSV file of up to 1,000,000 rows (all or
    /// nothing), read a buffer at a time; prints each user's temporary
    /// password as CSV on standard output once the import has committed.
    ImportUsers {
        /// The organization's id or exact name.
        #[arg(long)]
        org: String,
        /// The customer's id or domain.
        #[arg(long)]
        customer: String,
        /// Only check the file; write nothing.
        #[arg(long)]
        validate_only: bool,
        /// The CSV file (First name, Last name, Display name, Email[, Licence]).
        file: std::path::PathBuf,
    },
}

/// Options of `serve`.
#[derive(Debug, Clone, clap::Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "PC_ADDR", default_value = "127.0.0.1:3000")]
    pub addr: SocketAddr,
    /// Folder with the built site (`pkg/` with the WASM, JS and CSS).
    #[arg(long, env = "LEPTOS_SITE_ROOT", default_value = "target/site")]
    pub site_root: String,
    /// Seed the demo organization (idempotent) before serving.
    #[arg(long)]
    pub demo: bool,
    /// Mark the session cookie `Secure` (set when users reach the console over TLS).
    #[arg(long, env = "PC_SECURE_COOKIES")]
    pub secure_cookies: bool,
    /// Read the client address from `X-Forwarded-For` (behind a load balancer).
    #[arg(long, env = "PC_TRUST_PROXY")]
    pub trust_proxy: bool,
    /// The number of trusted proxies in front of the server that append to
    /// `X-Forwarded-For` (`--trust-proxy` alone means 1).
    #[arg(long, env = "PC_PROXY_HOPS")]
    pub proxy_hops: Option<usize>,
    /// API calls an application may make at once (then refilled at
    /// `--api-per-second`), per replica.
    #[arg(long, env = "PC_API_BURST", default_value_t = 600)]
    pub api_burst: u32,
    /// API calls per second an application may make after its burst.
    #[arg(long, env = "PC_API_PER_SECOND", default_value_t = 100)]
    pub api_per_second: u32,
    /// Worker threads for requests (default: one per core, at least 2).
    #[arg(long, env = "PC_WORKERS")]
    pub workers: Option<usize>,
    /// Threads that render pages, apart from the request workers (default:
    /// two per core), so a stuck render never stalls the rest.
    #[arg(long, env = "PC_RENDER_THREADS")]
    pub render_threads: Option<usize>,
    /// Seconds a page may take to render before the visitor gets a 503.
    #[arg(
        long = "render-timeout",
        env = "PC_RENDER_TIMEOUT",
        default_value_t = 20
    )]
    pub render_timeout_secs: u64,
}

impl Default for ServeArgs {
    fn default() -> Self {
        ServeArgs {
            addr: SocketAddr::from(([127, 0, 0, 1], 3000)),
            site_root: "target/site".into(),
            demo: false,
            secure_cookies: false,
            trust_proxy: false,
            proxy_hops: None,
            api_burst: 600,
            api_per_second: 100,
            workers: None,
            render_threads: None,
            render_timeout_secs: 20,
        }
    }
}
