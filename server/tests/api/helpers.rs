//! Shared helpers: a real router on a fresh database per test, SQLite by
//! default, PostgreSQL when `PC_TEST_POSTGRES_URL` names a server
//! (`scripts/with-postgres.sh` starts one and sets it).

#![allow(dead_code)]

use app::state::AppState;
use axum::body::Body;
use axum::Router;
use http::{Request, StatusCode};
use tower::ServiceExt;

/// A router and its database, isolated from every other test.
pub struct TestApp {
    pub router: Router,
    pub db: app::db::Db,
    /// The database's URL, for server processes started on it.
    pub url: String,
    pub dir: TempDir,
}

/// A folder removed when dropped.
pub struct TempDir(pub std::path::PathBuf);
impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The environment variable naming a PostgreSQL server (an admin URL ending
/// in `/postgres`) to run the tests on instead of SQLite.
pub const POSTGRES_ENV: &str = "PC_TEST_POSTGRES_URL";

/// The PostgreSQL server the tests run on, if any.
fn postgres_admin_url() -> Option<String> {
    std::env::var(POSTGRES_ENV).ok().filter(|u| !u.is_empty())
}

/// The backend this run uses, as `db::Backend::name` says it.
/// Asserts that a table of kept counts (`user_count`, `customer_user_count`)
/// holds, per `key` and status, the number of rows of `table`.
pub async fn assert_kept_counts(db: &app::db::Db, counts: &str, table: &str, key: &str) {
    let kept: Vec<(String, String, i64)> = sqlx::query_as(&format!(
        "select {key}, status, cast(n as bigint) from {counts} where n <> 0 order by {key}, status"
    ))
    .fetch_all(db)
    .await
    .expect("kept counts");
    let counted: Vec<(String, String, i64)> = sqlx::query_as(&format!(
        "select {key}, status, cast(count(*) as bigint) from {table}
          group by {key}, status order by {key}, status"
    ))
    .fetch_all(db)
    .await
    .expect("counted rows");
    assert!(!counted.is_empty(), "{table} has rows");
    assert_eq!(kept, counted, "{counts} against {table}");
}

pub fn backend_name() -> &'static str {
    if postgres_admin_url().is_some() {
        "PostgreSQL"
    } else {
        "SQLite"
    }
}

/// A fresh database for one test, every migration applied, and a temporary
/// folder (for its files) removed when dropped: a copy of a template
/// migrated once per test run, which spares each test the migrations. With
/// [`POSTGRES_ENV`] set, a new database `pc_t_…` made from the template
/// (left there: the cluster is throwaway); otherwise a copy of a SQLite file.
pub async fn fresh_database() -> (String, TempDir) {
    let template = TEMPLATE.get_or_init(migrated_template).await;
    let (url, dir) = empty_database_from(Some(template)).await;
    if let Template::Sqlite(path) = template {
        std::fs::copy(path, dir.0.join("test.db")).expect("copy the template database");
    }
    (url, dir)
}

/// A fresh database with no migration applied yet, for the tests of
/// migrating itself.
pub async fn empty_database() -> (String, TempDir) {
    empty_database_from(None).await
}

/// The migrated database each test's database is copied from.
enum Template {
    /// A database on the PostgreSQL server, by name.
    Postgres(String),
    /// A SQLite file.
    Sqlite(std::path::PathBuf),
}

static TEMPLATE: tokio::sync::OnceCell<Template> = tokio::sync::OnceCell::const_new();

/// Makes and migrates the template, then closes it: PostgreSQL copies a
/// database only while nobody is connected to it.
async fn migrated_template() -> Template {
    let (url, dir) = empty_database_from(None).await;
    let db = app::db::connect(&url)
        .await
        .expect("migrate the template database");
    db.close().await;
    match postgres_admin_url() {
        Some(_) => {
            let name = url.rsplit('/').next().unwrap_or_default();
            Template::Postgres(name.split('?').next().unwrap_or_default().to_string())
        }
        None => {
            // Kept for the whole run (the folder is never dropped).
            let path = dir.0.join("test.db");
            std::mem::forget(dir);
            Template::Sqlite(path)
        }
    }
}

/// A new database (PostgreSQL: copied from `template` when given) and a
/// new folder; on SQLite the file is left to the caller.
async fn empty_database_from(template: Option<&Template>) -> (String, TempDir) {
    let unique = uuid_like();
    let dir = std::env::temp_dir().join(format!("pc-test-{unique}"));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let admin = postgres_admin_url();
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| eprintln!("api tests: database backend {}", backend_name()));
    let url = match admin {
        Some(admin) => {
            use sqlx::{Connection, Executor};
            let name = format!("pc_t_{}", unique.replace('-', "_"));
            let mut conn = sqlx::PgConnection::connect(&admin)
                .await
                .expect("connect to PC_TEST_POSTGRES_URL");
            let create = match template {
                Some(Template::Postgres(t)) => format!("create database {name} template {t}"),
                _ => format!("create database {name}"),
            };
            conn.execute(create.as_str())
                .await
                .expect("create database");
            let _ = conn.close().await;
            let (base, query) = admin.split_once('?').unwrap_or((&admin, ""));
            let (server, _) = base.rsplit_once('/').expect("URL with a database");
            let query = if query.is_empty() {
                String::new()
            } else {
                format!("?{query}")
            };
            format!("{server}/{name}{query}")
        }
        None => format!("sqlite://{}/test.db", dir.display()),
    };
    (url, TempDir(dir))
}

/// Runs `check` on every case, four at a time as tasks of the test's
/// runtime (each case builds its own app and database), and gathers the
/// failures, in the cases' order, and the number of pairs checked.
pub async fn check_all<C, F, Fut>(cases: Vec<C>, check: F) -> (Vec<String>, usize)
where
    C: Send + 'static,
    F: Fn(C) -> Fut,
    Fut: std::future::Future<Output = (Vec<String>, usize)> + Send + 'static,
{
    use futures::StreamExt;
    let results: Vec<_> = futures::stream::iter(cases)
        .map(|case| tokio::spawn(check(case)))
        .buffered(4)
        .collect()
        .await;
    let mut failures = Vec::new();
    let mut pairs = 0;
    for result in results {
        let (f, p) = result.expect("a case's check panicked");
        failures.extend(f);
        pairs += p;
    }
    (failures, pairs)
}

/// Builds the real router on a fresh database.
pub async fn spawn_app() -> TestApp {
    spawn_app_with(false).await
}

/// [`spawn_app`], trusting `X-Forwarded-For` when `trust_proxy` says so.
pub async fn spawn_app_with(trust_proxy: bool) -> TestApp {
    spawn_app_full(usize::from(trust_proxy), false, Default::default()).await
}

/// [`spawn_app`] behind `hops` trusted proxies.
pub async fn spawn_app_behind(hops: usize) -> TestApp {
    spawn_app_full(hops, false, Default::default()).await
}

/// [`spawn_app`] with a chosen limit on each application's API calls.
pub async fn spawn_app_rate(rate: app::rest::throttle::RateLimit) -> TestApp {
    spawn_app_full(0, false, rate).await
}

/// [`spawn_app`] as deployed behind TLS (`--secure-cookies`).
pub async fn spawn_app_tls() -> TestApp {
    spawn_app_full(0, true, Default::default()).await
}

async fn spawn_app_full(
    proxy_hops: usize,
    secure_cookies: bool,
    api_rate: app::rest::throttle::RateLimit,
) -> TestApp {
    let (url, dir) = fresh_database().await;
    let db = app::db::connect(&url).await.expect("database");
    app_on(db, url, dir, proxy_hops, secure_cookies, api_rate)
}

/// Where the cases of a long check (the authorization matrices) get their
/// app: each case makes organizations of its own and a new router (so its
/// own in-memory limits and throttles). On PostgreSQL the cases share one
/// database, its connections warm: a database per case cost more than the
/// cases (copying the template and starting backends for a new database
/// took most of the CPU). On SQLite each case keeps a database of its own:
/// a file copy is cheap, and cases sharing a file wait on its one writer
/// (the matrices took twice as long).
#[derive(Clone)]
pub struct CaseApps(Option<(app::db::Db, String)>);

impl CaseApps {
    /// The shared database on PostgreSQL, nothing yet on SQLite.
    pub async fn new() -> Self {
        if postgres_admin_url().is_none() {
            return Self(None);
        }
        let (url, _dir) = fresh_database().await;
        let db = app::db::connect(&url).await.expect("database");
        Self(Some((db, url)))
    }

    /// The app for one case.
    pub async fn app(&self) -> TestApp {
        let Some((db, url)) = &self.0 else {
            return spawn_app().await;
        };
        let dir = std::env::temp_dir().join(format!("pc-test-{}", uuid_like()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        app_on(
            db.clone(),
            url.clone(),
            TempDir(dir),
            0,
            false,
            Default::default(),
        )
    }
}

/// The real router on `db`.
fn app_on(
    db: app::db::Db,
    url: String,
    dir: TempDir,
    proxy_hops: usize,
    secure_cookies: bool,
    api_rate: app::rest::throttle::RateLimit,
) -> TestApp {
    let options = server::leptos_options("target/site", ([127, 0, 0, 1], 0).into());
    let router = server::router(AppState {
        leptos_options: options,
        db: db.clone(),
        secure_cookies,
        proxy_hops,
        api_rate,
    })
    .expect("router");
    TestApp {
        router,
        db,
        url,
        dir,
    }
}

pub fn uuid_like() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    format!(
        "{}-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0)
    )
}

impl TestApp {
    /// Sends a request and returns status and body text.
    pub async fn send(&self, req: Request<Body>) -> (StatusCode, String) {
        let res = self.router.clone().oneshot(req).await.expect("response");
        let status = res.status();
        let bytes = axum::body::to_bytes(res.into_body(), 16 * 1024 * 1024)
            .await
            .expect("body");
        (status, String::from_utf8_lossy(&bytes).into_owned())
    }

    /// Calls a server function by path with a JSON body, anonymously.
    pub async fn call(&self, path: &str, body: &str) -> (StatusCode, String) {
        let req = Request::post(path)
            .header("content-type", "application/json")
            .header("accept", "application/json")
            .body(Body::from(body.to_string()))
            .expect("request");
        self.send(req).await
    }
}

/// The steps of a streamed check or import (`ImportStep`s, one JSON object
/// per line); a line that is not JSON is `null`.
pub fn steps(body: &str) -> Vec<serde_json::Value> {
    body.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or(serde_json::Value::Null))
        .collect()
}

/// The last step of a streamed check or import: `{"Report": …}`,
/// `{"Imported": …}` or `{"Failed": …}`.
pub fn last_step(body: &str) -> serde_json::Value {
    steps(body).pop().unwrap_or(serde_json::Value::Null)
}

/// A signed-in caller: their user id and a session cookie.
#[derive(Clone, Debug)]
pub struct Caller {
    pub user_id: String,
    pub name: String,
    pub email: String,
}

/// The password every fixture user has.
pub const PASSWORD: &str = "fixture-password-2026";

/// An organization with one user per role, a user with no role, and a
/// second organization with one user (for "another organization's ids").
pub struct Fixture {
    pub org_a: String,
    pub org_b: String,
    /// Index = position in `Role::ALL`; the last one has no role.
    pub callers: Vec<(Option<app::access::Role>, Caller)>,
    pub foreign_user: String,
}

fn argon_hash() -> &'static str {
    static HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HASH.get_or_init(|| app::auth::secrets::hash_password(PASSWORD).expect("hash"))
}

impl TestApp {
    /// Adds a user with `roles` and the fixture password to `org_id`.
    pub async fn add_user(&self, org_id: &str, name: &str, roles: app::access::RoleSet) -> Caller {
        use app::activity::service::{Actor, Work};
        let email = format!(
            "{}@{}.example",
            name.to_lowercase().replace(' ', "."),
            crate::helpers::unique_part(org_id)
        );
        let new = app::users::NewUser {
            display_name: name.into(),
            email: email.clone(),
            roles,
            partner_id: String::new(),
            groups: Vec::new(),
        };
        let mut work = Work::begin(&self.db, &Actor::operator(org_id))
            .await
            .expect("work");
        let user_id =
            app::users::service::insert_with_password(&mut work, org_id, &new, argon_hash())
                .await
                .expect("insert user");
        work.commit().await.expect("commit");
        Caller {
            user_id,
            name: name.into(),
            email,
        }
    }

    /// Builds the two-organization fixture.
    pub async fn fixture(&self) -> Fixture {
        use app::access::{Role, RoleKind, RoleSet};
        let org_a = app::orgs::service::create(&self.db, "Org A")
            .await
            .expect("org a");
        let org_b = app::orgs::service::create(&self.db, "Org B")
            .await
            .expect("org b");
        let mut callers = Vec::new();
        for role in Role::ALL.into_iter().map(Some).chain([None]) {
            let mut roles = RoleSet::default();
            match role.map(Role::kind) {
                Some(RoleKind::Agent) => roles.agent = role,
                Some(RoleKind::Admin) => roles.admin = role,
                Some(RoleKind::Incentives) => roles.incentives = role,
                None => {}
            }
            let name = role.map(|r| r.label()).unwrap_or("No Role").to_string();
            callers.push((role, self.add_user(&org_a, &name, roles).await));
        }
        let foreign = self
            .add_user(&org_b, "Foreign User", RoleSet::default())
            .await;
        Fixture {
            org_a,
            org_b,
            callers,
            foreign_user: foreign.user_id,
        }
    }

    /// Adds a group (no roles) to `org_id`; returns its id.
    pub async fn add_group(&self, org_id: &str, name: &str) -> String {
        let ctx = app::request::Ctx::operator(&self.db, org_id);
        app::groups::service::create(&ctx, name, &Default::default())
            .await
            .expect("group")
            .group_id
    }

    /// Files a pending request for `role` by `user_id`; returns its id.
    pub async fn add_role_request(&self, org_id: &str, user_id: &str, role: &str) -> String {
        let id = uuid_like();
        sqlx::query(
            "insert into role_request (request_id, org_id, user_id, role_key, reason, status, created_at)
             values ($1, $2, $3, $4, 'Fixture reason', 'pending', 1)",
        )
        .bind(&id)
        .bind(org_id)
        .bind(user_id)
        .bind(role)
        .execute(&self.db)
        .await
        .expect("role request");
        id
    }

    /// Adds a location with `partner_id` to `org_id`.
    pub async fn add_location(&self, org_id: &str, partner_id: &str) {
        let ctx = app::request::Ctx::operator(&self.db, org_id);
        let input = app::orgs::LocationInput {
            partner_id: partner_id.into(),
            location: format!("Office {partner_id}"),
            country: "France".into(),
        };
        app::orgs::service::add_location(&ctx, &input)
            .await
            .expect("location");
    }

    /// A fresh session cookie for a user.
    pub async fn session_for(&self, user_id: &str, org_id: &str) -> String {
        let token = app::auth::service::create_session(&self.db, user_id, org_id)
            .await
            .expect("session");
        format!("{}={token}", app::request::SESSION_COOKIE)
    }

    /// A new lead in `org_id` (version 1); returns its id.
    pub async fn add_lead(&self, org_id: &str, company: &str) -> String {
        let ctx = app::request::Ctx::operator(&self.db, org_id);
        app::leads::service::create(
            &ctx,
            &app::leads::NewLead {
                company: company.into(),
                contact_name: "Lee Lead".into(),
                contact_email: "lee@lead.example".into(),
                notes: String::new(),
            },
        )
        .await
        .expect("lead")
        .lead_id
    }

    /// A new open ticket (version 1) of `kind` in `org_id`, for `customer_id`
    /// when it is a customer ticket; returns its id.
    pub async fn add_ticket(
        &self,
        org_id: &str,
        kind: app::support::TicketKind,
        customer_id: Option<&str>,
        title: &str,
    ) -> String {
        let ctx = app::request::Ctx::operator(&self.db, org_id);
        let new = app::support::NewTicket {
            customer_id: customer_id.map(Into::into),
            title: title.into(),
            description: "Fixture problem.".into(),
            ..Default::default()
        };
        app::support::service::open(&ctx, kind, &new)
            .await
            .expect("ticket")
            .ticket
            .ticket_id
    }

    /// Last month's invoice of `org_id` (issued now, or the one already
    /// there); returns its id.
    pub async fn add_invoice(&self, org_id: &str) -> String {
        let ctx = app::request::Ctx::operator(&self.db, org_id);
        let month = app::billing::Month::of_millis(app::db::now_millis()).previous();
        app::billing::service::issue(&ctx, &month.to_string())
            .await
            .expect("invoice")
            .invoice
            .invoice_id
    }

    /// A session of the user, as another browser would have; returns its
    /// public id (what the sessions page shows and ends).
    pub async fn other_session(&self, user_id: &str, org_id: &str) -> String {
        let token = app::auth::service::create_session(&self.db, user_id, org_id)
            .await
            .expect("session");
        sqlx::query_scalar("select session_id from session where token_hash = $1")
            .bind(app::auth::secrets::token_hash(&token))
            .fetch_one(&self.db)
            .await
            .expect("session id")
    }

    /// Gives the user a pending authenticator secret (as "Set up" does) and
    /// returns it with the code it shows now.
    pub async fn pending_totp(&self, user_id: &str) -> (String, String) {
        use app::security::service::totp;
        let secret = totp::new_secret();
        sqlx::query("update app_user set totp_pending_secret = $1 where user_id = $2")
            .bind(&secret)
            .bind(user_id)
            .execute(&self.db)
            .await
            .expect("pending secret");
        let code = totp::code_at(&secret, totp::step_of(app::db::now_millis()));
        (secret, code)
    }

    /// Calls a server function with a JSON body (multipart form data for
    /// an upload, see [`encode_body`]), as the holder of `cookie`.
    pub async fn call_as(
        &self,
        path: &str,
        cookie: Option<&str>,
        body: &serde_json::Value,
    ) -> (StatusCode, String) {
        self.send(upload_request(path, cookie, body)).await
    }
}

/// A customer with one subscription (5 seats), an active user holding a
/// licence and a deleted user; it has granted delegated admin privileges
/// (its version is still 1).
#[derive(Clone, Debug)]
pub struct CustomerFx {
    pub customer_id: String,
    pub domain: String,
    pub subscription_id: String,
    pub user_id: String,
    pub deleted_user_id: String,
}

impl TestApp {
    /// Adds a customer fixture to `org_id` (through the services, as the operator).
    pub async fn add_customer(&self, org_id: &str, name: &str) -> CustomerFx {
        use app::customer_users::NewCustomerUser;
        use app::customers::{CustomerDetails, NewCustomer};
        let ctx = app::request::Ctx::operator(&self.db, org_id);
        let domain = format!("{}.example", name.to_lowercase().replace(' ', "-"));
        let domain_copy = domain.clone();
        let customer = app::customers::service::create(
            &ctx,
            &NewCustomer {
                details: CustomerDetails {
                    name: name.into(),
                    ..CustomerDetails::default()
                },
                domain,
            },
        )
        .await
        .expect("customer");
        let sub = app::subscriptions::service::create(&ctx, &customer.customer_id, "Suite", 5)
            .await
            .expect("subscription");
        let mut ids = Vec::new();
        for alias in ["ann", "ben"] {
            let new = NewCustomerUser {
                first_name: alias.into(),
                last_name: "Customer".into(),
                display_name: format!("{alias} Customer"),
                alias: alias.into(),
                admin_role: Default::default(),
                licences: vec![sub.subscription_id.clone()],
            };
            let created = app::customer_users::service::create(&ctx, &customer.customer_id, &new)
                .await
                .expect("customer user");
            ids.push(created.user.customer_user_id);
        }
        app::customer_users::service::delete(&ctx, &customer.customer_id, &ids[1..])
            .await
            .expect("delete");
        sqlx::query(
            "update customer set delegated_admin_status = 'granted' where customer_id = $1",
        )
        .bind(&customer.customer_id)
        .execute(&self.db)
        .await
        .expect("privileges");
        CustomerFx {
            customer_id: customer.customer_id,
            domain: domain_copy,
            subscription_id: sub.subscription_id,
            user_id: ids[0].clone(),
            deleted_user_id: ids[1].clone(),
        }
    }
}

/// A device profile (version 1, applied to no device) and a device of a
/// customer, for the Devices workspace's calls.
#[derive(Clone, Debug)]
pub struct DeviceFx {
    pub profile_id: String,
    pub device_id: String,
}

impl TestApp {
    /// Adds a device profile named after `tag` to `org_id`, and a one-device
    /// list to its customer `customer_id` (as the operator).
    pub async fn add_devices(&self, org_id: &str, customer_id: &str, tag: &str) -> DeviceFx {
        use app::devices::{service, DeviceQuery, NewDeviceList, NewDeviceProfile};
        let ctx = app::request::Ctx::operator(&self.db, org_id);
        let profile = service::create_profile(
            &ctx,
            &NewDeviceProfile {
                name: format!("Profile {tag}"),
                settings: Default::default(),
            },
        )
        .await
        .expect("device profile");
        let list = NewDeviceList {
            name: format!("List {tag}"),
            csv: format!("Device serial number\nSN-{}\n", uuid_like()),
        };
        service::add_list(&ctx, customer_id, &list)
            .await
            .expect("device list");
        let query = DeviceQuery {
            customer_id: customer_id.into(),
            ..DeviceQuery::default()
        };
        let devices = service::list_devices(&ctx, &query).await.expect("devices");
        DeviceFx {
            profile_id: profile.profile_id,
            device_id: devices.devices[0].device_id.clone(),
        }
    }
}

/// An application of the fixture and its first secret.
#[derive(Clone, Debug)]
pub struct AppFx {
    pub app_id: String,
    pub secret: String,
    pub secret_id: String,
}

impl TestApp {
    /// Adds an application with `roles` to `org_id` (as the operator).
    pub async fn add_application(
        &self,
        org_id: &str,
        name: &str,
        roles: app::access::RoleSet,
    ) -> AppFx {
        self.add_application_with(org_id, name, roles, false).await
    }

    /// [`TestApp::add_application`], allowed to sync the directory (SCIM).
    pub async fn add_sync_application(
        &self,
        org_id: &str,
        name: &str,
        roles: app::access::RoleSet,
    ) -> AppFx {
        self.add_application_with(org_id, name, roles, true).await
    }

    async fn add_application_with(
        &self,
        org_id: &str,
        name: &str,
        roles: app::access::RoleSet,
        directory_sync: bool,
    ) -> AppFx {
        let ctx = app::request::Ctx::operator(&self.db, org_id);
        let new = app::applications::NewApplication {
            name: name.into(),
            access: app::access::Access {
                roles,
                permissions: Default::default(),
            },
            directory_sync,
        };
        let created = app::applications::service::create(&ctx, &new)
            .await
            .expect("application");
        AppFx {
            app_id: created.app_id,
            secret: created.secret.secret,
            secret_id: created.secret.secret_id,
        }
    }

    /// Calls `/api/v1` with `method` and `path` (under `/api/v1`), a JSON body
    /// (`Null` for none) and, when given, a bearer secret.
    pub async fn api(
        &self,
        method: &str,
        path: &str,
        secret: Option<&str>,
        body: &serde_json::Value,
    ) -> (StatusCode, String) {
        let mut req = Request::builder()
            .method(method)
            .uri(format!("/api/v1{path}"))
            .header("accept", "application/json");
        if let Some(s) = secret {
            req = req.header("authorization", format!("Bearer {s}"));
        }
        let body = if body.is_null() {
            Body::empty()
        } else {
            req = req.header("content-type", "application/json");
            Body::from(body.to_string())
        };
        self.send(req.body(body).expect("request")).await
    }
}

impl TestApp {
    /// Calls `/scim/v2` with `method` and `path` (under `/scim/v2`), a JSON
    /// body (`Null` for none), a bearer secret and extra headers.
    pub async fn scim(
        &self,
        method: &str,
        path: &str,
        secret: Option<&str>,
        body: &serde_json::Value,
        headers: &[(&str, &str)],
    ) -> (StatusCode, serde_json::Value) {
        let mut req = Request::builder()
            .method(method)
            .uri(format!("/scim/v2{path}"))
            .header("host", "scim.test");
        if let Some(s) = secret {
            req = req.header("authorization", format!("Bearer {s}"));
        }
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let body = if body.is_null() {
            Body::empty()
        } else {
            req = req.header("content-type", "application/scim+json");
            Body::from(body.to_string())
        };
        let (status, text) = self.send(req.body(body).expect("request")).await;
        (
            status,
            serde_json::from_str(&text).unwrap_or(serde_json::Value::Null),
        )
    }
}

/// An active enrolment and its contact (an Incentives user).
pub struct EnrolmentFx {
    pub enrolment_id: String,
    pub contact: String,
}

impl TestApp {
    /// A context acting as a new user of `org_id` holding `role` (an
    /// incentives role: the operator, a Global admin, holds none).
    pub async fn incentives_ctx(
        &self,
        org_id: &str,
        name: &str,
        role: app::access::Role,
    ) -> (app::request::Ctx, Caller) {
        use app::access::{Identity, RoleSet};
        let roles = RoleSet {
            incentives: Some(role),
            ..RoleSet::default()
        };
        let caller = self.add_user(org_id, name, roles).await;
        let me = Identity::new(
            caller.user_id.clone(),
            org_id.into(),
            "Org".into(),
            name.into(),
            caller.email.clone(),
            roles,
            false,
        );
        (app::request::Ctx::for_identity(&self.db, me), caller)
    }

    /// An active enrolment (version 1) of a new partner ID `partner_id` of
    /// `org_id` in the open program Security Adoption, its contact a new
    /// Incentives user.
    pub async fn add_enrolment(&self, org_id: &str, partner_id: &str) -> EnrolmentFx {
        use app::access::Role;
        self.add_location(org_id, partner_id).await;
        let (ctx, _) = self
            .incentives_ctx(
                org_id,
                &format!("Enroller {partner_id}"),
                Role::IncentivesAdmin,
            )
            .await;
        let (_, contact) = self
            .incentives_ctx(
                org_id,
                &format!("Contact {partner_id}"),
                Role::IncentivesUser,
            )
            .await;
        let enrolment = app::incentives::service::enrol(
            &ctx,
            &app::incentives::NewEnrolment {
                program_id: "security-adoption".into(),
                partner_id: partner_id.into(),
                contact_user_id: contact.user_id.clone(),
            },
        )
        .await
        .expect("enrolment");
        EnrolmentFx {
            enrolment_id: enrolment.enrolment_id,
            contact: contact.user_id,
        }
    }
}

/// The part of an id that differs between ids made at the same moment (its
/// last 8 characters: ids are time-ordered UUID v7, whose first characters
/// are the time), for names and codes a test derives from an id.
pub fn unique_part(id: &str) -> &str {
    id.get(id.len().saturating_sub(8)..).unwrap_or(id)
}

/// The server functions that take a file as multipart form data, as the
/// import page sends it.
pub const UPLOADS: [&str; 2] = [
    "/api/customer-users/import",
    "/api/customer-users/import-validate",
];

/// The content type and body of a call to `path` with the fields of
/// `body`: JSON as it is, or for an [`UPLOADS`] path multipart form data,
/// the text fields first and the file (`csv`) last, as the page sends them.
pub fn encode_body(path: &str, body: &serde_json::Value) -> (String, String) {
    if !UPLOADS.contains(&path) {
        return ("application/json".into(), body.to_string());
    }
    const BOUNDARY: &str = "partner-console-test-boundary";
    let fields = body.as_object().cloned().unwrap_or_default();
    let text = |v: &serde_json::Value| v.as_str().map(str::to_string).unwrap_or(v.to_string());
    let mut out = String::new();
    for (name, value) in fields.iter().filter(|(n, _)| n.as_str() != "csv") {
        out.push_str(&format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{}\r\n",
            text(value)
        ));
    }
    if let Some(csv) = fields.get("csv") {
        out.push_str(&format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"csv\"; filename=\"users.csv\"\r\nContent-Type: text/csv\r\n\r\n{}\r\n",
            text(csv)
        ));
    }
    out.push_str(&format!("--{BOUNDARY}--\r\n"));
    (format!("multipart/form-data; boundary={BOUNDARY}"), out)
}

/// A POST of `body` to the server function at `path` ([`encode_body`]).
pub fn upload_request(path: &str, cookie: Option<&str>, body: &serde_json::Value) -> Request<Body> {
    let (content_type, body) = encode_body(path, body);
    let mut req = Request::post(path)
        .header("content-type", content_type)
        .header("accept", "application/json");
    if let Some(c) = cookie {
        req = req.header("cookie", c);
    }
    req.body(Body::from(body)).expect("request")
}
