//! Support tickets (server only). Both kinds live in one table; every
//! statement names the kind along with the organization, so a ticket is
//! only ever found as its own kind (a console ticket asked for as a
//! customer ticket is "not found", and so a Sales agent never reads one).

use super::{
    check_comment, check_ticket, NewTicket, Severity, Ticket, TicketActions, TicketCategory,
    TicketComment, TicketCustomer, TicketKind, TicketPage, TicketQuery, TicketStatus, TicketThread,
    CUSTOMER_CHOICES, TICKET_PAGE_SIZE,
};
use crate::access::{Capability, Identity};
use crate::activity::service::{Target, Work};
use crate::activity::{FieldChange, Operation};
use crate::db::{like, new_id, now_millis, Backend, Statement};
use crate::error::{AppError, AppResult};
use crate::request::Ctx;
use sqlx::AnyConnection;

const COLUMNS: &str = "t.ticket_id, t.kind, t.customer_id, c.name as customer_name,
    c.domain as customer_domain, t.title, t.description, t.severity, t.category, t.status,
    t.opened_by_kind, t.opened_by_name, t.opened_at, t.resolved_by_name, t.resolved_at,
    t.updated_at, t.comment_count, t.version";

const FROM: &str = "support_ticket t left join customer c on c.customer_id = t.customer_id";

#[derive(sqlx::FromRow)]
struct TicketRow {
    ticket_id: String,
    kind: String,
    customer_id: Option<String>,
    customer_name: Option<String>,
    customer_domain: Option<String>,
    title: String,
    description: String,
    severity: String,
    category: String,
    status: String,
    opened_by_kind: String,
    opened_by_name: String,
    opened_at: i64,
    resolved_by_name: Option<String>,
    resolved_at: Option<i64>,
    updated_at: i64,
    comment_count: i64,
    version: i64,
}

impl TicketRow {
    /// The ticket as `me` sees it, with `me`'s actions on it.
    fn into_ticket(self, me: &Identity) -> Ticket {
        let kind = if self.kind == TicketKind::Console.key() {
            TicketKind::Console
        } else {
            TicketKind::Customer
        };
        let status = TicketStatus::from_key(&self.status).unwrap_or_default();
        let customer = self.customer_id.map(|customer_id| TicketCustomer {
            customer_id,
            name: self.customer_name.unwrap_or_default(),
            domain: self.customer_domain.unwrap_or_default(),
        });
        Ticket {
            ticket_id: self.ticket_id,
            kind,
            customer,
            title: self.title,
            description: self.description,
            severity: Severity::from_key(&self.severity).unwrap_or_default(),
            category: TicketCategory::from_key(&self.category).unwrap_or_default(),
            status,
            opened_by: self.opened_by_name,
            opened_by_kind: self.opened_by_kind,
            opened_at: self.opened_at,
            resolved_by: self.resolved_by_name,
            resolved_at: self.resolved_at,
            updated_at: self.updated_at,
            comment_count: self.comment_count,
            version: self.version,
            actions: TicketActions::of(me, kind, status),
        }
    }
}

#[derive(sqlx::FromRow)]
struct CommentRow {
    comment_id: String,
    author_name: String,
    author_kind: String,
    body: String,
    created_at: i64,
}

impl From<CommentRow> for TicketComment {
    fn from(r: CommentRow) -> TicketComment {
        TicketComment {
            comment_id: r.comment_id,
            author: r.author_name,
            author_kind: r.author_kind,
            body: r.body,
            created_at: r.created_at,
        }
    }
}

/// An id no row can have: one with control characters (PostgreSQL refuses
/// a NUL in a text parameter, which would otherwise answer 500).
fn impossible_id(id: &str) -> bool {
    id.chars().any(char::is_control)
}

/// One ticket of `kind` in the organization, or 404.
async fn load(
    conn: &mut AnyConnection,
    org_id: &str,
    kind: TicketKind,
    ticket_id: &str,
) -> AppResult<TicketRow> {
    if impossible_id(ticket_id) {
        return Err(AppError::not_found(crate::msg!("support-the-ticket")));
    }
    sqlx::query_as::<_, TicketRow>(&format!(
        "select {COLUMNS} from {FROM} where t.org_id = $1 and t.kind = $2 and t.ticket_id = $3"
    ))
    .bind(org_id)
    .bind(kind.key())
    .bind(ticket_id)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or_else(|| AppError::not_found(crate::msg!("support-the-ticket")))
}

/// The ticket with its comments, oldest first.
async fn thread(
    conn: &mut AnyConnection,
    me: &Identity,
    kind: TicketKind,
    ticket_id: &str,
) -> AppResult<TicketThread> {
    let ticket = load(conn, &me.org_id, kind, ticket_id)
        .await?
        .into_ticket(me);
    let comments: Vec<CommentRow> = sqlx::query_as(
        "select comment_id, author_name, author_kind, body, created_at
           from support_ticket_comment where ticket_id = $1 order by seq",
    )
    .bind(ticket_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(TicketThread {
        ticket,
        comments: comments.into_iter().map(TicketComment::from).collect(),
    })
}

/// The customer named by `customer_id`, if it is one of the organization's.
async fn customer_of_org(
    conn: &mut AnyConnection,
    org_id: &str,
    customer_id: &str,
) -> AppResult<TicketCustomer> {
    if impossible_id(customer_id) {
        return Err(AppError::not_found(crate::msg!("support-the-customer")));
    }
    let (name, domain) =
        crate::customers::service::require_customer(conn, org_id, customer_id).await?;
    Ok(TicketCustomer {
        customer_id: customer_id.into(),
        name,
        domain,
    })
}

/// The activity target of a ticket: its title, and the customer for a
/// customer ticket (so the log's customer filter finds it).
fn target(ticket_id: &str, title: &str, customer_id: Option<&str>) -> Target {
    Target::ticket(ticket_id, title, customer_id)
}

/// A page of the organization's tickets of `kind`, most recently active
/// first, filtered by status, customer and words of the title.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id(), kind = kind.key()))]
pub async fn list(ctx: &Ctx, kind: TicketKind, q: &TicketQuery) -> AppResult<TicketPage> {
    ctx.require(kind.view_capability())?;
    let Ctx { db, me, .. } = ctx;
    let mut conn = db.acquire().await?;
    let wanted = q.customer_id.as_deref().map(str::trim).unwrap_or("");
    let customer = match (kind, wanted.is_empty()) {
        (_, true) => None,
        (TicketKind::Console, false) => {
            return Err(AppError::invalid(
                "customer_id",
                crate::msg!("support-console-tickets-no-customer"),
            ))
        }
        (TicketKind::Customer, false) => {
            Some(customer_of_org(&mut conn, &me.org_id, wanted).await?)
        }
    };
    let mut filter = Statement::new(Backend::of(db));
    filter.push(
        "where t.org_id = ? and t.kind = ?",
        [me.org_id.as_str(), kind.key()],
    );
    if let Some(status) = q.status {
        filter.push(" and t.status = ?", [status.key()]);
    }
    if let Some(c) = &customer {
        filter.push(" and t.customer_id = ?", [c.customer_id.as_str()]);
    }
    if q.search.chars().any(char::is_control) {
        return Err(AppError::invalid(
            "search",
            crate::msg!("support-search-no-control-characters"),
        ));
    }
    if !q.search.trim().is_empty() {
        filter.push(" and lower(t.title) like ? escape '\\'", [like(&q.search)]);
    }
    let clause = filter.sql();
    let total: i64 = sqlx::query_scalar_with(
        &format!("select count(*) from support_ticket t {clause}"),
        filter.arguments(),
    )
    .fetch_one(&mut *conn)
    .await?;
    let sql = format!(
        "select {COLUMNS} from {FROM} {clause}
          order by t.updated_at desc, t.ticket_id limit {TICKET_PAGE_SIZE} offset {}",
        u64::from(q.page) * u64::from(TICKET_PAGE_SIZE)
    );
    let rows = sqlx::query_as_with::<_, TicketRow, _>(&sql, filter.arguments())
        .fetch_all(&mut *conn)
        .await?;
    Ok(TicketPage {
        tickets: rows.into_iter().map(|r| r.into_ticket(me)).collect(),
        total,
        page: q.page,
        page_size: TICKET_PAGE_SIZE,
        customer,
    })
}

/// One ticket of `kind` with its comments.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id(), kind = kind.key()))]
pub async fn get(ctx: &Ctx, kind: TicketKind, ticket_id: &str) -> AppResult<TicketThread> {
    ctx.require(kind.view_capability())?;
    let mut conn = ctx.db.acquire().await?;
    thread(&mut conn, &ctx.me, kind, ticket_id).await
}

/// Opens a ticket of `kind` (for a customer of the organization, for a
/// customer ticket), recorded as opened by the caller.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id(), kind = kind.key()))]
pub async fn open(ctx: &Ctx, kind: TicketKind, new: &NewTicket) -> AppResult<TicketThread> {
    ctx.require(kind.open_capability())?;
    let errors = check_ticket(kind, new);
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    if let Some(cap) = new.category.needs() {
        if !ctx.me.can(cap) {
            return Err(AppError::Forbidden {
                action: match new.category {
                    TicketCategory::Office365 => crate::msg!("support-forbidden-office365"),
                    TicketCategory::AzureTechnical => crate::msg!("support-forbidden-azure"),
                    other => crate::msg!("support-forbidden-category", category = other.label()),
                },
            });
        }
    }
    let mut work = Work::begin(&ctx.db, &ctx.actor).await?;
    let customer_id = match kind {
        TicketKind::Customer => {
            let id = new.customer_id.as_deref().unwrap_or("").trim();
            Some(
                customer_of_org(work.conn(), ctx.org_id(), id)
                    .await?
                    .customer_id,
            )
        }
        TicketKind::Console => None,
    };
    let id = new_id();
    let now = now_millis();
    let title = new.title.trim();
    let actor = work.actor().clone();
    sqlx::query(
        "insert into support_ticket
           (ticket_id, org_id, kind, customer_id, title, description, severity, category,
            opened_by_kind, opened_by_id, opened_by_name, opened_at, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)",
    )
    .bind(&id)
    .bind(ctx.org_id())
    .bind(kind.key())
    .bind(&customer_id)
    .bind(title)
    .bind(new.description.trim())
    .bind(new.severity.key())
    .bind(new.category.key())
    .bind(actor.kind)
    .bind(&actor.id)
    .bind(&actor.name)
    .bind(now)
    .execute(work.conn())
    .await?;
    work.record(
        Operation::TicketOpened,
        target(&id, title, customer_id.as_deref()),
        vec![
            FieldChange::new("title", None, Some(title.into())),
            FieldChange::new("severity", None, Some(new.severity.label().into())),
            FieldChange::new("category", None, Some(new.category.label().into())),
        ],
    );
    let opened = thread(work.conn(), &ctx.me, kind, &id).await?;
    work.commit().await?;
    Ok(opened)
}

/// Locks a ticket of `kind` for the rest of `work` and reads it: the
/// write lock first (SQLite) / the row lock (PostgreSQL), so two changes of
/// one ticket run one after the other and comments number in order.
async fn lock(
    work: &mut Work,
    ctx: &Ctx,
    kind: TicketKind,
    ticket_id: &str,
) -> AppResult<TicketRow> {
    if impossible_id(ticket_id) {
        return Err(AppError::not_found(crate::msg!("support-the-ticket")));
    }
    sqlx::query(
        "update support_ticket set version = version
          where org_id = $1 and kind = $2 and ticket_id = $3",
    )
    .bind(ctx.org_id())
    .bind(kind.key())
    .bind(ticket_id)
    .execute(work.conn())
    .await?;
    load(work.conn(), ctx.org_id(), kind, ticket_id).await
}

/// Appends a comment to an open ticket of `kind`. Comments never conflict
/// (no version asked), but each moves the ticket's version, so a status
/// change made from a page that had not seen it gets a conflict.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id(), kind = kind.key()))]
pub async fn comment(
    ctx: &Ctx,
    kind: TicketKind,
    ticket_id: &str,
    body: &str,
) -> AppResult<TicketThread> {
    ctx.require_any(kind.comment_capabilities())?;
    if let Some(problem) = check_comment(body) {
        return Err(AppError::invalid("body", problem));
    }
    let mut work = Work::begin(&ctx.db, &ctx.actor).await?;
    let row = lock(&mut work, ctx, kind, ticket_id).await?;
    if row.status != TicketStatus::Open.key() {
        return Err(AppError::Conflict {
            field: "status".into(),
            message: crate::msg!("support-ticket-resolved-reopen"),
        });
    }
    let body = body.trim();
    let now = now_millis();
    let actor = work.actor().clone();
    sqlx::query(
        "insert into support_ticket_comment
           (comment_id, ticket_id, seq, author_kind, author_id, author_name, body, created_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(new_id())
    .bind(ticket_id)
    .bind(row.comment_count + 1)
    .bind(actor.kind)
    .bind(&actor.id)
    .bind(&actor.name)
    .bind(body)
    .bind(now)
    .execute(work.conn())
    .await?;
    sqlx::query(
        "update support_ticket
            set comment_count = comment_count + 1, updated_at = $1, version = version + 1
          where org_id = $2 and ticket_id = $3",
    )
    .bind(now)
    .bind(ctx.org_id())
    .bind(ticket_id)
    .execute(work.conn())
    .await?;
    work.record(
        Operation::TicketCommented,
        target(ticket_id, &row.title, row.customer_id.as_deref()),
        vec![FieldChange::new("comment", None, Some(excerpt(body)))],
    );
    let after = thread(work.conn(), &ctx.me, kind, ticket_id).await?;
    work.commit().await?;
    Ok(after)
}

/// The start of a comment, as the activity log keeps it.
fn excerpt(body: &str) -> String {
    const KEEP: usize = 200;
    if body.chars().count() <= KEEP {
        return body.into();
    }
    let mut cut: String = body.chars().take(KEEP).collect();
    cut.push('…');
    cut
}

/// Resolves or reopens a ticket of `kind`, from the version the caller read.
/// Asking for the status it has already changes nothing.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id(), kind = kind.key()))]
pub async fn set_status(
    ctx: &Ctx,
    kind: TicketKind,
    ticket_id: &str,
    version: i64,
    status: TicketStatus,
) -> AppResult<TicketThread> {
    ctx.require(kind.resolve_capability())?;
    let mut work = Work::begin(&ctx.db, &ctx.actor).await?;
    let row = lock(&mut work, ctx, kind, ticket_id).await?;
    if row.version != version {
        return Err(AppError::stale(crate::key!("error-stale-ticket")));
    }
    if row.status == status.key() {
        return thread(work.conn(), &ctx.me, kind, ticket_id).await;
    }
    let now = now_millis();
    let actor_name = work.actor().name.clone();
    let (resolved_by, resolved_at, operation) = match status {
        TicketStatus::Resolved => (Some(actor_name), Some(now), Operation::TicketResolved),
        TicketStatus::Open => (None, None, Operation::TicketReopened),
    };
    sqlx::query(
        "update support_ticket
            set status = $1, resolved_by_name = $2, resolved_at = $3, updated_at = $4,
                version = version + 1
          where org_id = $5 and ticket_id = $6",
    )
    .bind(status.key())
    .bind(resolved_by)
    .bind(resolved_at)
    .bind(now)
    .bind(ctx.org_id())
    .bind(ticket_id)
    .execute(work.conn())
    .await?;
    work.record(
        operation,
        target(ticket_id, &row.title, row.customer_id.as_deref()),
        vec![FieldChange::new(
            "status",
            Some(row.status.clone()),
            Some(status.key().into()),
        )],
    );
    let after = thread(work.conn(), &ctx.me, kind, ticket_id).await?;
    work.commit().await?;
    Ok(after)
}

/// The organization's customers whose name or domain contains `search`, or
/// whose id it is, by name (at most [`CUSTOMER_CHOICES`]): the ticket
/// form's picker, which starts with the customer named in the address.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn customers(ctx: &Ctx, search: &str) -> AppResult<Vec<TicketCustomer>> {
    ctx.require_any(&[Capability::CustomerTicketsCreate, Capability::TicketsView])?;
    if search.chars().any(char::is_control) {
        return Err(AppError::invalid(
            "search",
            crate::msg!("support-search-no-control-characters"),
        ));
    }
    let rows: Vec<(String, String, String)> = sqlx::query_as(&format!(
        "select customer_id, name, domain from customer
          where org_id = $1
            and (customer_id = $3 or lower(name) like $2 escape '\\' or domain like $2 escape '\\')
          order by lower(name), customer_id limit {CUSTOMER_CHOICES}"
    ))
    .bind(ctx.org_id())
    .bind(like(search))
    .bind(search.trim())
    .fetch_all(&ctx.db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(customer_id, name, domain)| TicketCustomer {
            customer_id,
            name,
            domain,
        })
        .collect())
}
