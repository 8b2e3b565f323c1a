//! Filing, listing and deciding role requests.

use super::{text_problem, RequestStatus, RoleRequest};
use crate::access::{Capability, Identity, Role};
use crate::activity::service::{Target, Work};
use crate::activity::{FieldChange, Operation};
use crate::db::{new_id, now_millis, Db};
use crate::error::{AppError, AppResult};
use crate::request::Ctx;
use sqlx::AnyConnection;

const SELECT: &str = "select r.request_id, r.user_id, u.display_name as user_name,
        u.email as user_email, r.role_key, r.reason, r.status, r.created_at, r.decided_at,
        r.decided_by_name, r.decision_comment
   from role_request r join app_user u on u.user_id = r.user_id";

#[derive(sqlx::FromRow)]
struct Row {
    request_id: String,
    user_id: String,
    user_name: String,
    user_email: String,
    role_key: String,
    reason: String,
    status: String,
    created_at: i64,
    decided_at: Option<i64>,
    decided_by_name: Option<String>,
    decision_comment: Option<String>,
}

impl Row {
    /// The request, or `None` for a role this build no longer knows.
    fn into_request(self) -> Option<RoleRequest> {
        Some(RoleRequest {
            role: Role::from_key(&self.role_key)?,
            status: RequestStatus::from_key(&self.status)?,
            request_id: self.request_id,
            user_id: self.user_id,
            user_name: self.user_name,
            user_email: self.user_email,
            reason: self.reason,
            created_at: self.created_at,
            decided_at: self.decided_at,
            decided_by_name: self.decided_by_name,
            comment: self.decision_comment,
        })
    }
}

fn checked(text: &str, field: &str, required: bool) -> AppResult<String> {
    match text_problem(text, required) {
        Some(problem) => Err(AppError::invalid(field, problem)),
        None => Ok(text.trim().to_string()),
    }
}

async fn load(conn: &mut AnyConnection, org_id: &str, request_id: &str) -> AppResult<RoleRequest> {
    sqlx::query_as::<_, Row>(&format!(
        "{SELECT} where r.org_id = $1 and r.request_id = $2"
    ))
    .bind(org_id)
    .bind(request_id)
    .fetch_optional(conn)
    .await?
    .and_then(Row::into_request)
    .ok_or_else(|| AppError::not_found(crate::msg!("role-requests-the-request")))
}

/// Files a request for `role`.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn create(ctx: &Ctx, role: Role, reason: &str) -> AppResult<RoleRequest> {
    ctx.require_login()?;
    let reason = checked(reason, "reason", true)?;
    if ctx.me.holds(role) {
        return Err(AppError::invalid(
            "role",
            crate::msg!("role-requests-already-have", role = role.name()),
        ));
    }
    let mut work = Work::begin(&ctx.db, &ctx.actor).await?;
    let pending: i64 = sqlx::query_scalar(
        "select count(*) from role_request where user_id = $1 and role_key = $2 and status = 'pending'",
    )
    .bind(&ctx.me.user_id)
    .bind(role.key())
    .fetch_one(work.conn())
    .await?;
    if pending > 0 {
        return Err(AppError::invalid(
            "role",
            crate::msg!("role-requests-already-asked"),
        ));
    }
    let request_id = new_id();
    sqlx::query(
        "insert into role_request (request_id, org_id, user_id, role_key, reason, status, created_at)
         values ($1, $2, $3, $4, $5, 'pending', $6)",
    )
    .bind(&request_id)
    .bind(ctx.org_id())
    .bind(&ctx.me.user_id)
    .bind(role.key())
    .bind(&reason)
    .bind(now_millis())
    .execute(work.conn())
    .await?;
    work.record(
        Operation::RoleRequested,
        Target::user(&ctx.me.user_id, &ctx.me.display_name),
        vec![
            FieldChange::new("requested role", None, Some(role.label().into())),
            FieldChange::new("reason", None, Some(reason)),
        ],
    );
    let created = load(work.conn(), ctx.org_id(), &request_id).await?;
    work.commit().await?;
    Ok(created)
}

/// The caller's own requests, newest first.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn mine(ctx: &Ctx) -> AppResult<Vec<RoleRequest>> {
    ctx.require_login()?;
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "{SELECT} where r.org_id = $1 and r.user_id = $2 order by r.created_at desc limit 20"
    ))
    .bind(ctx.org_id())
    .bind(&ctx.me.user_id)
    .fetch_all(&ctx.db)
    .await?;
    Ok(rows.into_iter().filter_map(Row::into_request).collect())
}

/// Whether `me` may decide a request: someone else's, for a role `me` may grant.
fn decides(me: &Identity, r: &RoleRequest) -> bool {
    r.user_id != me.user_id && me.may_grant(r.role)
}

async fn pending(db: &Db, me: &Identity) -> AppResult<Vec<RoleRequest>> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "{SELECT} where r.org_id = $1 and r.status = 'pending' and u.status = 'active'
          order by r.created_at"
    ))
    .bind(&me.org_id)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(Row::into_request)
        .filter(|r| decides(me, r))
        .collect())
}

/// Pending requests the caller may decide, oldest first.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn inbox(ctx: &Ctx) -> AppResult<Vec<RoleRequest>> {
    ctx.require(Capability::RolesAssign)?;
    pending(&ctx.db, &ctx.me).await
}

/// How many requests wait for `me` (0 without `RolesAssign`): the count in
/// the navigation.
pub async fn pending_count(db: &Db, me: &Identity) -> AppResult<i64> {
    if !me.can(Capability::RolesAssign) || me.must_change_password || me.must_enrol_second_factor {
        return Ok(0);
    }
    Ok(pending(db, me).await?.len() as i64)
}

/// "Already answered", naming the answer.
fn already_answered(status: RequestStatus) -> AppError {
    AppError::Conflict {
        field: "status".into(),
        message: crate::msg!("role-requests-already-answered", status = status.name()),
    }
}

/// Approves (giving the role at once) or declines a pending request.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn decide(
    ctx: &Ctx,
    request_id: &str,
    approve: bool,
    comment: &str,
) -> AppResult<RoleRequest> {
    ctx.require(Capability::RolesAssign)?;
    let comment = checked(comment, "comment", false)?;
    let mut work = Work::begin(&ctx.db, &ctx.actor).await?;
    let request = load(work.conn(), ctx.org_id(), request_id).await?;
    if !decides(&ctx.me, &request) {
        return Err(AppError::Forbidden {
            action: crate::msg!("role-requests-forbidden-decide", role = request.role.name()),
        });
    }
    if request.status != RequestStatus::Pending {
        return Err(already_answered(request.status));
    }
    let status = if approve {
        RequestStatus::Approved
    } else {
        RequestStatus::Declined
    };
    let comment = (!comment.is_empty()).then_some(comment);
    // The answer first, and only while the request is pending: of two
    // admins answering at once, the second one's update waits for the
    // first to commit (PostgreSQL), then finds the request answered and
    // gives no role.
    let done = sqlx::query(
        "update role_request set status = $1, decided_at = $2, decided_by_name = $3, decision_comment = $4
          where request_id = $5 and org_id = $6 and status = 'pending'",
    )
    .bind(status.key())
    .bind(now_millis())
    .bind(&ctx.me.display_name)
    .bind(&comment)
    .bind(request_id)
    .bind(ctx.org_id())
    .execute(work.conn())
    .await?;
    if done.rows_affected() != 1 {
        let now = load(work.conn(), ctx.org_id(), request_id).await?;
        return Err(already_answered(now.status));
    }
    if approve {
        crate::users::service::give_role(&mut work, ctx, &request.user_id, request.role).await?;
    }
    let mut changes = vec![FieldChange::new(
        "requested role",
        None,
        Some(request.role.label().into()),
    )];
    if let Some(c) = &comment {
        changes.push(FieldChange::new("comment", None, Some(c.clone())));
    }
    work.record(
        if approve {
            Operation::RoleRequestApproved
        } else {
            Operation::RoleRequestDeclined
        },
        Target::user(&request.user_id, &request.user_name),
        changes,
    );
    let decided = load(work.conn(), ctx.org_id(), request_id).await?;
    work.commit().await?;
    Ok(decided)
}
