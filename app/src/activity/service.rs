//! Writing and reading the activity log.

use super::{
    ActivityEntry, ActivityFilter, ActivityPage, FieldChange, Operation, ACTIVITY_PAGE_SIZE,
};
use crate::access::{Capability, Identity};
use crate::db::{bind, like, new_id, now_millis, rows_sql, Backend, Db, Prepared, Statement};
use crate::error::{AppError, AppResult};
use crate::request::Ctx;
use sqlx::any::AnyArguments;
use sqlx::{Any, AnyConnection, Transaction};

/// Who makes a change, and from where.
#[derive(Debug, Clone)]
pub struct Actor {
    pub org_id: String,
    /// "user", "application" or "operator".
    pub kind: &'static str,
    pub id: Option<String>,
    pub name: String,
    pub client_addr: Option<String>,
}

impl Actor {
    /// A signed-in user, or an application calling the API.
    pub fn user(me: &Identity, client_addr: Option<String>) -> Actor {
        Actor {
            org_id: me.org_id.clone(),
            kind: if me.application {
                "application"
            } else {
                "user"
            },
            id: Some(me.user_id.clone()),
            name: me.display_name.clone(),
            client_addr,
        }
    }

    /// The name the log shows for the operator.
    pub const OPERATOR_NAME: &'static str = "Operator (command line)";

    /// The operator at the command line (`create-org`, `create-admin`,
    /// `import-users`, `purge-deleted`, demo seeding).
    pub fn operator(org_id: &str) -> Actor {
        Actor {
            org_id: org_id.into(),
            kind: "operator",
            id: None,
            name: Actor::OPERATOR_NAME.into(),
            client_addr: None,
        }
    }
}

/// What an activity entry is about.
#[derive(Debug, Clone)]
pub struct Target {
    kind: &'static str,
    id: String,
    name: String,
    customer_id: Option<String>,
}

impl Target {
    /// A partner user.
    pub fn user(user_id: &str, name: &str) -> Target {
        Target::of("user", user_id, name, None)
    }

    /// The organization itself.
    pub fn organization(org_id: &str, name: &str) -> Target {
        Target::of("organization", org_id, name, None)
    }

    /// A group of partner users.
    pub fn group(group_id: &str, name: &str) -> Target {
        Target::of("group", group_id, name, None)
    }

    /// An application (a non-human identity).
    pub fn application(app_id: &str, name: &str) -> Target {
        Target::of("application", app_id, name, None)
    }

    /// A role request, named by its role.
    pub fn role_request(request_id: &str, name: &str) -> Target {
        Target::of("role-request", request_id, name, None)
    }

    /// A customer lead, named by its company.
    pub fn lead(lead_id: &str, company: &str) -> Target {
        Target::of("lead", lead_id, company, None)
    }

    /// A registered value-added reseller, named by its company.
    pub fn reseller(registration_id: &str, company: &str) -> Target {
        Target::of("reseller", registration_id, company, None)
    }

    /// A support ticket, named by its title; a customer ticket carries its
    /// customer.
    pub fn ticket(ticket_id: &str, title: &str, customer_id: Option<&str>) -> Target {
        Target::of("ticket", ticket_id, title, customer_id)
    }

    /// A device list (an upload) of a customer, named by its name.
    pub fn device_list(customer_id: &str, list_id: &str, name: &str) -> Target {
        Target::of("device-list", list_id, name, Some(customer_id))
    }

    /// A device profile of the organization.
    pub fn device_profile(profile_id: &str, name: &str) -> Target {
        Target::of("device-profile", profile_id, name, None)
    }

    /// The devices of a customer (a profile applied to some of them),
    /// named by the customer.
    pub fn customer_devices(customer_id: &str, name: &str) -> Target {
        Target::of("devices", customer_id, name, Some(customer_id))
    }

    /// An incentive program enrolment, named by its program and partner ID.
    pub fn incentive_enrolment(enrolment_id: &str, name: &str) -> Target {
        Target::of("incentive-enrolment", enrolment_id, name, None)
    }

    /// The organization's bank and tax profile for incentive payments.
    pub fn bank_tax_profile(org_id: &str) -> Target {
        Target::of("bank-tax-profile", org_id, "Bank and tax profile", None)
    }

    /// A month's invoice, named by its month.
    pub fn invoice(invoice_id: &str, month: &str) -> Target {
        Target::of("invoice", invoice_id, month, None)
    }

    /// A customer.
    pub fn customer(customer_id: &str, name: &str) -> Target {
        Target::of("customer", customer_id, name, Some(customer_id))
    }

    /// One of a customer's users.
    pub fn customer_user(customer_id: &str, user_id: &str, name: &str) -> Target {
        Target::of("customer-user", user_id, name, Some(customer_id))
    }

    /// One of a customer's subscriptions, named by its product.
    pub fn subscription(customer_id: &str, subscription_id: &str, product: &str) -> Target {
        Target::of("subscription", subscription_id, product, Some(customer_id))
    }

    fn of(kind: &'static str, id: &str, name: &str, customer_id: Option<&str>) -> Target {
        Target {
            kind,
            id: id.into(),
            name: name.into(),
            customer_id: customer_id.map(Into::into),
        }
    }
}

/// One entry to append: what was done, to what, and the fields it changed.
#[derive(Debug, Clone)]
pub struct Entry {
    operation: Operation,
    target: Target,
    changes: Vec<FieldChange>,
}

impl Entry {
    /// An entry of `operation` on `target`.
    pub fn new(operation: Operation, target: Target, changes: Vec<FieldChange>) -> Entry {
        Entry {
            operation,
            target,
            changes,
        }
    }
}

/// A unit of work: the only handle service functions write through.
///
/// Writes go to [`Work::conn`]; [`Work::record`] adds the activity entry;
/// [`Work::commit`] refuses to commit a change that recorded nothing, and
/// inserts the entries in the same transaction as the change. Dropping a
/// `Work` without committing rolls everything back.
pub struct Work {
    tx: Transaction<'static, Any>,
    actor: Actor,
    entries: Vec<Entry>,
    /// Entries already written by [`Work::flush`].
    flushed: usize,
}

impl Work {
    /// Starts a transaction on behalf of `actor`. On SQLite it takes the
    /// write lock at once (`begin immediate`): a transaction that read first
    /// could not take it later once another writer had committed.
    pub async fn begin(db: &Db, actor: &Actor) -> AppResult<Work> {
        let tx = match crate::db::Backend::of(db) {
            crate::db::Backend::Sqlite => db.begin_with("begin immediate").await?,
            crate::db::Backend::Postgres => db.begin().await?,
        };
        Ok(Work {
            tx,
            actor: actor.clone(),
            entries: Vec::new(),
            flushed: 0,
        })
    }

    /// The transaction's connection, for the change's own statements.
    pub fn conn(&mut self) -> &mut AnyConnection {
        &mut self.tx
    }

    /// Who this work is done for.
    pub fn actor(&self) -> &Actor {
        &self.actor
    }

    /// Records `operation` on `target`, written at commit.
    pub fn record(&mut self, operation: Operation, target: Target, changes: Vec<FieldChange>) {
        self.entries.push(Entry::new(operation, target, changes));
    }

    /// Adds an entry built beforehand, written at commit.
    pub fn push(&mut self, entry: Entry) {
        self.entries.push(entry);
    }

    /// Commits when something was recorded; otherwise (a change that turned
    /// out to change nothing) rolls back.
    pub async fn commit_if_changed(self) -> AppResult<()> {
        if self.entries.is_empty() && self.flushed == 0 {
            return Ok(());
        }
        self.commit().await
    }

    /// Writes the entries recorded so far, in the transaction: a bulk
    /// change calls it (or [`Work::run`]) as it goes so that its entries
    /// don't pile up in memory. They still commit or roll back with the rest.
    pub async fn flush(&mut self) -> AppResult<()> {
        let entries = std::mem::take(&mut self.entries);
        let backend = crate::db::Backend::of_conn(&self.tx);
        let statements = entry_statements(&self.actor, backend, now_millis(), &entries)?;
        self.run(statements, entries.len()).await
    }

    /// Runs statements built beforehand, in the transaction; `entries` is
    /// how many activity entries they insert ([`entry_statements`]).
    pub async fn run(&mut self, statements: Vec<Prepared>, entries: usize) -> AppResult<()> {
        for statement in statements {
            statement.run(&mut self.tx).await?;
        }
        self.flushed += entries;
        Ok(())
    }

    /// Appends the entries and commits, all or nothing.
    pub async fn commit(mut self) -> AppResult<()> {
        if self.entries.is_empty() && self.flushed == 0 {
            tracing::error!("a unit of work tried to commit without an activity entry");
            return Err(AppError::Internal);
        }
        self.flush().await?;
        self.tx.commit().await?;
        Ok(())
    }
}

/// The multi-row inserts of `entries` done by `actor` at `at`: a bulk change
/// (an import) records thousands of entries without thousands of round trips.
pub fn entry_statements(
    actor: &Actor,
    backend: Backend,
    at: i64,
    entries: &[Entry],
) -> AppResult<Vec<Prepared>> {
    let mut out = Vec::new();
    for batch in entries.chunks(1000) {
        let sql = rows_sql(
            backend,
            "insert into activity (activity_id, org_id, at, actor_kind, actor_id, actor_name,
                 operation, target_kind, target_id, target_name, customer_id, changes, client_addr) values ",
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            batch.len(),
        );
        let mut args = AnyArguments::default();
        for entry in batch {
            let changes = serde_json::to_string(&entry.changes).map_err(|e| {
                tracing::error!(error = %e, "activity changes not serializable");
                AppError::Internal
            })?;
            bind(&mut args, new_id());
            bind(&mut args, actor.org_id.clone());
            bind(&mut args, at);
            bind(&mut args, actor.kind);
            bind(&mut args, actor.id.clone());
            bind(&mut args, actor.name.clone());
            bind(&mut args, entry.operation.key());
            bind(&mut args, entry.target.kind);
            bind(&mut args, entry.target.id.clone());
            bind(&mut args, entry.target.name.clone());
            bind(&mut args, entry.target.customer_id.clone());
            bind(&mut args, changes);
            bind(&mut args, actor.client_addr.clone());
        }
        out.push(Prepared::new(sql, args));
    }
    Ok(out)
}

/// Records an event that changes nothing else (a sign-in, a failed sign-in).
pub async fn record_event(db: &Db, actor: &Actor, entry: Entry) -> AppResult<()> {
    let mut work = Work::begin(db, actor).await?;
    work.push(entry);
    work.commit().await
}

/// The columns an [`ActivityRow`] reads.
pub(super) const ENTRY_COLUMNS: &str =
    "activity_id, at, actor_kind, actor_id, actor_name, operation, \
     target_kind, target_id, target_name, customer_id, changes, client_addr";

#[derive(sqlx::FromRow)]
pub(super) struct ActivityRow {
    activity_id: String,
    at: i64,
    actor_kind: String,
    actor_id: Option<String>,
    actor_name: String,
    operation: String,
    target_kind: String,
    target_id: Option<String>,
    target_name: String,
    customer_id: Option<String>,
    changes: String,
    client_addr: Option<String>,
}

impl From<ActivityRow> for ActivityEntry {
    fn from(r: ActivityRow) -> Self {
        ActivityEntry {
            activity_id: r.activity_id,
            at: r.at,
            actor_kind: r.actor_kind,
            actor_id: r.actor_id,
            actor_name: r.actor_name,
            operation: r.operation,
            target_kind: r.target_kind,
            target_id: r.target_id,
            target_name: r.target_name,
            customer_id: r.customer_id,
            changes: serde_json::from_str(&r.changes).unwrap_or_default(),
            client_addr: r.client_addr,
        }
    }
}

/// The `where` clause and its arguments for a filter, scoped to what `me`
/// may read.
pub(super) fn filter_sql(db: &Db, me: &Identity, f: &ActivityFilter) -> AppResult<Statement> {
    let mut filter = Statement::new(Backend::of(db));
    filter.push("where org_id = ?", [me.org_id.as_str()]);
    if !me.can(Capability::ActivityViewAll) {
        filter.push(" and actor_id = ?", [me.user_id.as_str()]);
    }
    if !f.operation.is_empty() {
        if Operation::from_key(&f.operation).is_none() {
            return Err(AppError::invalid(
                "operation",
                crate::msg!("activity-choose-operation"),
            ));
        }
        filter.push(" and operation = ?", [f.operation.as_str()]);
    }
    if !f.actor.trim().is_empty() {
        filter.push(
            " and lower(actor_name) like ? escape '\\'",
            [like(&f.actor)],
        );
    }
    if !f.target.trim().is_empty() {
        filter.push(
            " and lower(target_name) like ? escape '\\'",
            [like(&f.target)],
        );
    }
    if !f.target_id.trim().is_empty() {
        filter.push(" and target_id = ?", [f.target_id.trim()]);
    }
    if !f.from.trim().is_empty() {
        let from = crate::time::parse_date(&f.from)
            .ok_or_else(|| AppError::invalid("from", crate::msg!("activity-enter-start-date")))?;
        filter.push(" and at >= ?", [from]);
    }
    if !f.to.trim().is_empty() {
        let to = crate::time::parse_date(&f.to)
            .ok_or_else(|| AppError::invalid("to", crate::msg!("activity-enter-end-date")))?;
        filter.push(" and at < ?", [to + 86_400_000]);
    }
    Ok(filter)
}

async fn query_entries(
    db: &Db,
    me: &Identity,
    f: &ActivityFilter,
    limit: Option<(u32, u32)>,
) -> AppResult<(Vec<ActivityEntry>, i64)> {
    let filter = filter_sql(db, me, f)?;
    let clause = filter.sql();
    let total: i64 = sqlx::query_scalar_with(
        &format!("select count(*) from activity {clause}"),
        filter.arguments(),
    )
    .fetch_one(db)
    .await?;
    let mut sql =
        format!("select {ENTRY_COLUMNS} from activity {clause} order by at desc, activity_id desc");
    if let Some((page, size)) = limit {
        sql.push_str(&format!(
            " limit {} offset {}",
            size,
            u64::from(page) * u64::from(size)
        ));
    }
    let rows = sqlx::query_as_with::<_, ActivityRow, _>(&sql, filter.arguments())
        .fetch_all(db)
        .await?;
    Ok((rows.into_iter().map(ActivityEntry::from).collect(), total))
}

/// One page of the log, newest first, limited to what `me` may read.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn list(ctx: &Ctx, f: &ActivityFilter) -> AppResult<ActivityPage> {
    ctx.require_login()?;
    let Ctx { db, me, .. } = ctx;
    let (entries, total) = query_entries(db, me, f, Some((f.page, ACTIVITY_PAGE_SIZE))).await?;
    Ok(ActivityPage {
        entries,
        total,
        page: f.page,
        page_size: ACTIVITY_PAGE_SIZE,
        whole_organization: me.can(Capability::ActivityViewAll),
    })
}
