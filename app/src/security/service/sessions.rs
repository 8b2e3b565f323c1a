//! The caller's own sessions: list them, end one, end all the others.

use crate::activity::service::{Target, Work};
use crate::activity::{FieldChange, Operation};
use crate::auth::secrets::token_hash;
use crate::auth::service::IDLE_TIMEOUT_MS;
use crate::db::now_millis;
use crate::error::{AppError, AppResult};
use crate::request::Ctx;
use crate::security::{describe_device, SessionInfo};

#[derive(sqlx::FromRow)]
struct SessionRow {
    token_hash: String,
    session_id: Option<String>,
    client_addr: Option<String>,
    user_agent: Option<String>,
    created_at: i64,
    last_seen_at: i64,
}

/// The caller's live sessions (idle or absolute expiry not reached), the
/// current one first, then by last use.
pub async fn list(ctx: &Ctx) -> AppResult<Vec<SessionInfo>> {
    ctx.require_password_changed()?;
    let now = now_millis();
    let current = ctx.session.as_deref().map(token_hash);
    let rows: Vec<SessionRow> = sqlx::query_as(
        "select token_hash, session_id, client_addr, user_agent, created_at, last_seen_at
           from session
          where user_id = $1 and expires_at > $2 and last_seen_at > $3
          order by last_seen_at desc",
    )
    .bind(&ctx.me.user_id)
    .bind(now)
    .bind(now - IDLE_TIMEOUT_MS)
    .fetch_all(&ctx.db)
    .await?;
    let mut sessions: Vec<SessionInfo> = rows
        .into_iter()
        .map(|r| SessionInfo {
            current: current.as_deref() == Some(r.token_hash.as_str()),
            session_id: r.session_id.unwrap_or_default(),
            device: describe_device(r.user_agent.as_deref()),
            address: r.client_addr,
            created_at: r.created_at,
            last_seen_at: r.last_seen_at,
        })
        .collect();
    sessions.sort_by_key(|s| !s.current);
    Ok(sessions)
}

/// Ends one of the caller's other sessions (404 for an id that is not one of
/// theirs; the current session ends with "Sign out").
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn end_one(ctx: &Ctx, session_id: &str) -> AppResult<()> {
    ctx.require_password_changed()?;
    let current = ctx.session.as_deref().map(token_hash).unwrap_or_default();
    let mut work = Work::begin(&ctx.db, &ctx.actor).await?;
    let found: Option<String> =
        sqlx::query_scalar("select token_hash from session where user_id = $1 and session_id = $2")
            .bind(&ctx.me.user_id)
            .bind(session_id)
            .fetch_optional(work.conn())
            .await?;
    let Some(hash) = found else {
        return Err(AppError::not_found(crate::msg!("security-the-session")));
    };
    if hash == current {
        return Err(AppError::invalid(
            "session_id",
            crate::msg!("security-current-session"),
        ));
    }
    sqlx::query("delete from session where token_hash = $1")
        .bind(&hash)
        .execute(work.conn())
        .await?;
    work.record(
        Operation::SessionsEnded,
        Target::user(&ctx.me.user_id, &ctx.me.display_name),
        vec![FieldChange::new("sessions", None, Some("1 ended".into()))],
    );
    work.commit().await
}

/// Ends every session of the caller but this one; returns how many ended.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn end_others(ctx: &Ctx) -> AppResult<u64> {
    ctx.require_password_changed()?;
    let current = ctx.session_token().map(token_hash)?;
    let mut work = Work::begin(&ctx.db, &ctx.actor).await?;
    let ended = sqlx::query("delete from session where user_id = $1 and token_hash <> $2")
        .bind(&ctx.me.user_id)
        .bind(&current)
        .execute(work.conn())
        .await?
        .rows_affected();
    if ended == 0 {
        return Ok(0);
    }
    work.record(
        Operation::SessionsEnded,
        Target::user(&ctx.me.user_id, &ctx.me.display_name),
        vec![FieldChange::new(
            "sessions",
            None,
            Some(format!("{ended} ended")),
        )],
    );
    work.commit().await?;
    Ok(ended)
}
