//! The organization profile: name and partner IDs per location.

use crate::access::Capability;
use crate::activity::service::{Target, Work};
use crate::activity::{FieldChange, Operation};
use crate::db::now_millis;
use crate::error::{AppError, AppResult};
use crate::orgs::{check_location, LocationInput, OrgProfile, PartnerLocation, SignInPolicy};
use crate::request::Ctx;
use sqlx::AnyConnection;

const READERS: &[Capability] = &[
    Capability::PartnerProfilesView,
    Capability::OrgProfileManage,
    Capability::UsersView,
];

async fn load(conn: &mut AnyConnection, ctx: &Ctx) -> AppResult<OrgProfile> {
    let (name, directory_mode, version, require_second_factor, temp_password_days): (
        String,
        String,
        i64,
        i64,
        i64,
    ) = sqlx::query_as(
        "select name, directory_mode, version, require_second_factor, temp_password_days
           from organization where org_id = $1",
    )
    .bind(ctx.org_id())
    .fetch_optional(&mut *conn)
    .await?
    .ok_or_else(|| AppError::not_found(crate::msg!("orgs-the-organization")))?;
    let locations = sqlx::query_as::<_, (String, String, String, i64)>(
        "select l.partner_id, l.location, l.country,
                (select count(*) from app_user u where u.org_id = l.org_id
                   and u.partner_id = l.partner_id and u.status = 'active') as users
           from partner_location l where l.org_id = $1
          order by lower(l.location), l.partner_id",
    )
    .bind(ctx.org_id())
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|(partner_id, location, country, users)| PartnerLocation {
        partner_id,
        location,
        country,
        users,
    })
    .collect();
    Ok(OrgProfile {
        name,
        directory_mode,
        version,
        locations,
        sign_in_policy: SignInPolicy {
            require_second_factor: require_second_factor != 0,
            temp_password_days,
        },
        can_manage: ctx.me.can(Capability::OrgProfileManage),
    })
}

/// The caller's organization profile.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn profile(ctx: &Ctx) -> AppResult<OrgProfile> {
    ctx.require_any(READERS)?;
    let mut conn = ctx.db.acquire().await?;
    load(&mut conn, ctx).await
}

/// Switches the directory mode: `synced` (users, groups and applications
/// come from the organization's directory over SCIM; the console refuses to
/// create them) or `cloud`.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn set_directory_mode(ctx: &Ctx, version: i64, mode: &str) -> AppResult<OrgProfile> {
    ctx.require(Capability::OrgProfileManage)?;
    if mode != "cloud" && mode != "synced" {
        return Err(AppError::invalid(
            "directory_mode",
            crate::msg!("orgs-choose-directory-mode"),
        ));
    }
    let mut work = Work::begin(&ctx.db, &ctx.actor).await?;
    let before = load(work.conn(), ctx).await?;
    if before.version != version {
        return Err(AppError::stale(crate::key!("error-stale-org-profile")));
    }
    if before.directory_mode == mode {
        return Ok(before);
    }
    let done = sqlx::query(
        "update organization set directory_mode = $1, version = version + 1
          where org_id = $2 and version = $3",
    )
    .bind(mode)
    .bind(ctx.org_id())
    .bind(version)
    .execute(work.conn())
    .await?;
    AppError::unless_one_row(done.rows_affected(), || {
        AppError::stale(crate::key!("error-stale-org-profile"))
    })?;
    work.record(
        Operation::OrganizationUpdated,
        Target::organization(ctx.org_id(), &before.name),
        vec![FieldChange::new(
            "directory mode",
            Some(before.directory_mode.clone()),
            Some(mode.to_string()),
        )],
    );
    let after = load(work.conn(), ctx).await?;
    work.commit().await?;
    Ok(after)
}

/// Sets how many days a new temporary password works (1–90) in the
/// caller's organization; passwords already given keep their expiry.
pub async fn set_temp_password_days(ctx: &Ctx, days: i64) -> AppResult<()> {
    let current = profile(ctx).await?;
    let policy = SignInPolicy {
        temp_password_days: days,
        ..current.sign_in_policy
    };
    set_sign_in_policy(ctx, current.version, &policy)
        .await
        .map(|_| ())
}

/// Changes how the organization's people sign in: whether everyone must use
/// two-step verification, and how long a new temporary password works
/// (1–90 days; passwords already given keep their expiry). People without
/// a second factor are led to set one up at their next request.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn set_sign_in_policy(
    ctx: &Ctx,
    version: i64,
    policy: &SignInPolicy,
) -> AppResult<OrgProfile> {
    ctx.require(Capability::OrgProfileManage)?;
    if !(1..=90).contains(&policy.temp_password_days) {
        return Err(AppError::invalid(
            "temp_password_days",
            crate::msg!("orgs-temp-password-days-between-1-and-90"),
        ));
    }
    let mut work = Work::begin(&ctx.db, &ctx.actor).await?;
    let before = load(work.conn(), ctx).await?;
    if before.version != version {
        return Err(AppError::stale(crate::key!("error-stale-org-profile")));
    }
    let old = before.sign_in_policy;
    if old == *policy {
        return Ok(before);
    }
    let done = sqlx::query(
        "update organization set require_second_factor = $1, temp_password_days = $2,
                version = version + 1
         where org_id = $3 and version = $4",
    )
    .bind(i64::from(policy.require_second_factor))
    .bind(policy.temp_password_days)
    .bind(ctx.org_id())
    .bind(version)
    .execute(work.conn())
    .await?;
    AppError::unless_one_row(done.rows_affected(), || {
        AppError::stale(crate::key!("error-stale-org-profile"))
    })?;
    let yes_no = |b: bool| if b { "yes" } else { "no" }.to_string();
    let mut changes = Vec::new();
    if old.require_second_factor != policy.require_second_factor {
        changes.push(FieldChange::new(
            "two-step verification required",
            Some(yes_no(old.require_second_factor)),
            Some(yes_no(policy.require_second_factor)),
        ));
    }
    if old.temp_password_days != policy.temp_password_days {
        changes.push(FieldChange::new(
            "temporary password days",
            Some(old.temp_password_days.to_string()),
            Some(policy.temp_password_days.to_string()),
        ));
    }
    work.record(
        Operation::OrganizationUpdated,
        Target::organization(ctx.org_id(), &before.name),
        changes,
    );
    let after = load(work.conn(), ctx).await?;
    work.commit().await?;
    Ok(after)
}

/// Refuses, in a synced organization, to create what its directory brings
/// (`what`: "users", "groups", "applications"), except for the operator at
/// the command line and a directory-sync application.
pub async fn refuse_if_synced(conn: &mut AnyConnection, ctx: &Ctx, what: &str) -> AppResult<()> {
    if ctx.actor.kind == "operator" || ctx.me.directory_sync {
        return Ok(());
    }
    let mode: Option<String> =
        sqlx::query_scalar("select directory_mode from organization where org_id = $1")
            .bind(ctx.org_id())
            .fetch_optional(conn)
            .await?;
    if mode.as_deref() == Some("synced") {
        return Err(AppError::Conflict {
            field: "directory_mode".into(),
            message: match what {
                "users" => crate::msg!("orgs-synced-users"),
                "groups" => crate::msg!("orgs-synced-groups"),
                "applications" => crate::msg!("orgs-synced-applications"),
                _ => crate::msg!("orgs-synced-other", what = what),
            },
        });
    }
    Ok(())
}

/// Renames the organization.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn rename(ctx: &Ctx, version: i64, name: &str) -> AppResult<OrgProfile> {
    ctx.require(Capability::OrgProfileManage)?;
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        return Err(AppError::invalid("name", crate::msg!("orgs-name-invalid")));
    }
    let mut work = Work::begin(&ctx.db, &ctx.actor).await?;
    let before = load(work.conn(), ctx).await?;
    if before.version != version {
        return Err(AppError::stale(crate::key!("error-stale-org-profile")));
    }
    if before.name != name {
        let done = sqlx::query(
            "update organization set name = $1, version = version + 1
              where org_id = $2 and version = $3",
        )
        .bind(name)
        .bind(ctx.org_id())
        .bind(version)
        .execute(work.conn())
        .await?;
        AppError::unless_one_row(done.rows_affected(), || {
            AppError::stale(crate::key!("error-stale-org-profile"))
        })?;
        work.record(
            Operation::OrganizationUpdated,
            Target::organization(ctx.org_id(), name),
            vec![FieldChange::new(
                "name",
                Some(before.name),
                Some(name.into()),
            )],
        );
    }
    let after = load(work.conn(), ctx).await?;
    work.commit_if_changed().await?;
    Ok(after)
}

fn checked(input: &LocationInput) -> AppResult<LocationInput> {
    let errors = check_location(input);
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    Ok(LocationInput {
        partner_id: input.partner_id.trim().to_string(),
        location: input.location.trim().to_string(),
        country: input.country.trim().to_string(),
    })
}

/// Finds a location of the caller's organization (404 otherwise).
async fn find(work: &mut Work, ctx: &Ctx, partner_id: &str) -> AppResult<PartnerLocation> {
    load(work.conn(), ctx)
        .await?
        .locations
        .into_iter()
        .find(|l| l.partner_id == partner_id.trim())
        .ok_or_else(|| AppError::not_found(crate::msg!("orgs-the-partner-id")))
}

fn location_target(ctx: &Ctx, l: &str) -> Target {
    Target::organization(ctx.org_id(), &format!("Partner ID {l}"))
}

/// Adds a location with its partner ID (unique in the organization).
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn add_location(ctx: &Ctx, input: &LocationInput) -> AppResult<OrgProfile> {
    ctx.require(Capability::OrgProfileManage)?;
    let l = checked(input)?;
    let mut work = Work::begin(&ctx.db, &ctx.actor).await?;
    if find(&mut work, ctx, &l.partner_id).await.is_ok() {
        return Err(AppError::invalid(
            "partner_id",
            crate::msg!("orgs-partner-id-listed"),
        ));
    }
    sqlx::query(
        "insert into partner_location (org_id, partner_id, location, country, created_at)
         values ($1, $2, $3, $4, $5)",
    )
    .bind(ctx.org_id())
    .bind(&l.partner_id)
    .bind(&l.location)
    .bind(&l.country)
    .bind(now_millis())
    .execute(work.conn())
    .await?;
    work.record(
        Operation::PartnerIdAdded,
        location_target(ctx, &l.partner_id),
        vec![
            FieldChange::new("partner ID", None, Some(l.partner_id.clone())),
            FieldChange::new("location", None, Some(l.location.clone())),
            FieldChange::new("country", None, Some(l.country.clone())),
        ],
    );
    let after = load(work.conn(), ctx).await?;
    work.commit_if_changed().await?;
    Ok(after)
}

/// Changes a location's name and country.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn update_location(ctx: &Ctx, input: &LocationInput) -> AppResult<OrgProfile> {
    ctx.require(Capability::OrgProfileManage)?;
    let mut work = Work::begin(&ctx.db, &ctx.actor).await?;
    let before = find(&mut work, ctx, &input.partner_id).await?;
    let l = checked(input)?;
    sqlx::query(
        "update partner_location set location = $1, country = $2 where org_id = $3 and partner_id = $4",
    )
    .bind(&l.location)
    .bind(&l.country)
    .bind(ctx.org_id())
    .bind(&l.partner_id)
    .execute(work.conn())
    .await?;
    let changes: Vec<FieldChange> = [
        ("location", before.location, l.location.clone()),
        ("country", before.country, l.country.clone()),
    ]
    .into_iter()
    .filter(|(_, b, a)| b != a)
    .map(|(f, b, a)| FieldChange::new(f, Some(b), Some(a)))
    .collect();
    if !changes.is_empty() {
        work.record(
            Operation::PartnerIdUpdated,
            location_target(ctx, &l.partner_id),
            changes,
        );
    }
    let after = load(work.conn(), ctx).await?;
    work.commit_if_changed().await?;
    Ok(after)
}

/// Removes a location; refused while active users are associated with it.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn remove_location(ctx: &Ctx, partner_id: &str) -> AppResult<OrgProfile> {
    ctx.require(Capability::OrgProfileManage)?;
    let mut work = Work::begin(&ctx.db, &ctx.actor).await?;
    let l = find(&mut work, ctx, partner_id).await?;
    if l.users > 0 {
        return Err(AppError::invalid(
            "partner_id",
            crate::msg!(
                "orgs-partner-id-in-use",
                count = l.users,
                partner_id = l.partner_id
            ),
        ));
    }
    sqlx::query("delete from partner_location where org_id = $1 and partner_id = $2")
        .bind(ctx.org_id())
        .bind(&l.partner_id)
        .execute(work.conn())
        .await?;
    work.record(
        Operation::PartnerIdRemoved,
        location_target(ctx, &l.partner_id),
        vec![
            FieldChange::new("partner ID", Some(l.partner_id.clone()), None),
            FieldChange::new("location", Some(l.location.clone()), None),
        ],
    );
    let after = load(work.conn(), ctx).await?;
    work.commit_if_changed().await?;
    Ok(after)
}
