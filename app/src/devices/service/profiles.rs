//! Device profiles (`DeviceProfilesManage`): create, edit from the version
//! read, delete once applied to no device, and apply to (or remove from)
//! devices of a customer in one unit of work.

use crate::access::Capability;
use crate::activity::service::{Target, Work};
use crate::activity::{FieldChange, Operation};
use crate::customers::service::lock_customer;
use crate::db::{new_id, now_millis, Arg, Backend, Statement};
use crate::devices::{
    check_profile, AccountType, DeviceProfile, NewDeviceProfile, ProfileActions, ProfileSettings,
    APPLY_MAX_DEVICES,
};
use crate::error::{AppError, AppResult};
use crate::request::Ctx;
use sqlx::AnyConnection;
use std::collections::BTreeSet;

const COLUMNS: &str = "p.profile_id, p.name, p.skip_privacy_settings, p.skip_licence_terms, \
     p.user_account_type, p.device_name_template, p.version, p.created_at, p.updated_at, \
     (select count(*) from device d where d.profile_id = p.profile_id) as device_count";

#[derive(sqlx::FromRow)]
struct ProfileRow {
    profile_id: String,
    name: String,
    skip_privacy_settings: i64,
    skip_licence_terms: i64,
    user_account_type: String,
    device_name_template: String,
    version: i64,
    created_at: i64,
    updated_at: i64,
    device_count: i64,
}

impl From<ProfileRow> for DeviceProfile {
    fn from(r: ProfileRow) -> DeviceProfile {
        DeviceProfile {
            profile_id: r.profile_id,
            name: r.name,
            settings: ProfileSettings {
                skip_privacy_settings: r.skip_privacy_settings != 0,
                skip_licence_terms: r.skip_licence_terms != 0,
                user_account_type: AccountType::from_key(&r.user_account_type).unwrap_or_default(),
                device_name_template: r.device_name_template,
            },
            device_count: r.device_count,
            version: r.version,
            created_at: r.created_at,
            updated_at: r.updated_at,
            // Only callers who manage profiles read them.
            actions: ProfileActions {
                can_edit: true,
                can_delete: r.device_count == 0,
            },
        }
    }
}

async fn load(
    conn: &mut AnyConnection,
    org_id: &str,
    profile_id: &str,
) -> AppResult<DeviceProfile> {
    sqlx::query_as::<_, ProfileRow>(&format!(
        "select {COLUMNS} from device_profile p where p.org_id = $1 and p.profile_id = $2"
    ))
    .bind(org_id)
    .bind(profile_id)
    .fetch_optional(&mut *conn)
    .await?
    .map(DeviceProfile::from)
    .ok_or_else(|| AppError::not_found(crate::msg!("devices-the-device-profile")))
}

/// Takes the profile's row lock (PostgreSQL; SQLite holds the write lock
/// already) and reads it: a change, a deletion and an "apply" of one
/// profile run one after the other.
async fn lock(work: &mut Work, org_id: &str, profile_id: &str) -> AppResult<DeviceProfile> {
    sqlx::query(
        "update device_profile set version = version where org_id = $1 and profile_id = $2",
    )
    .bind(org_id)
    .bind(profile_id)
    .execute(work.conn())
    .await?;
    load(work.conn(), org_id, profile_id).await
}

/// The organization's device profiles, by name, with how many devices each
/// is applied to.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn list_profiles(ctx: &Ctx) -> AppResult<Vec<DeviceProfile>> {
    ctx.require(Capability::DeviceProfilesManage)?;
    let rows: Vec<ProfileRow> = sqlx::query_as(&format!(
        "select {COLUMNS} from device_profile p where p.org_id = $1
          order by p.name_lower, p.profile_id limit 500"
    ))
    .bind(ctx.org_id())
    .fetch_all(&ctx.db)
    .await?;
    Ok(rows.into_iter().map(DeviceProfile::from).collect())
}

/// One device profile of the caller's organization.
pub async fn get_profile(ctx: &Ctx, profile_id: &str) -> AppResult<DeviceProfile> {
    ctx.require(Capability::DeviceProfilesManage)?;
    let mut conn = ctx.db.acquire().await?;
    load(&mut conn, ctx.org_id(), profile_id).await
}

fn validated(new: &NewDeviceProfile) -> AppResult<(String, ProfileSettings)> {
    let errors = check_profile(new);
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let settings = ProfileSettings {
        device_name_template: new.settings.device_name_template.trim().to_string(),
        ..new.settings.clone()
    };
    Ok((new.name.trim().to_string(), settings))
}

/// The fields of a profile as the activity log shows them.
fn described(name: &str, s: &ProfileSettings) -> [(&'static str, String); 5] {
    let yes_no = |b: bool| if b { "yes" } else { "no" }.to_string();
    [
        ("name", name.to_string()),
        ("skip privacy settings", yes_no(s.skip_privacy_settings)),
        ("skip licence terms", yes_no(s.skip_licence_terms)),
        ("user account type", s.user_account_type.label().to_string()),
        ("device name template", s.device_name_template.clone()),
    ]
}

/// Creates a profile; a name the organization has already is a conflict.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn create_profile(ctx: &Ctx, new: &NewDeviceProfile) -> AppResult<DeviceProfile> {
    ctx.require(Capability::DeviceProfilesManage)?;
    let (name, s) = validated(new)?;
    let id = new_id();
    let now = now_millis();
    let mut work = Work::begin(&ctx.db, &ctx.actor).await?;
    sqlx::query(
        "insert into device_profile (profile_id, org_id, name, name_lower, skip_privacy_settings,
             skip_licence_terms, user_account_type, device_name_template, created_at, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(&id)
    .bind(ctx.org_id())
    .bind(&name)
    .bind(name.to_lowercase())
    .bind(i64::from(s.skip_privacy_settings))
    .bind(i64::from(s.skip_licence_terms))
    .bind(s.user_account_type.key())
    .bind(&s.device_name_template)
    .bind(now)
    .bind(now)
    .execute(work.conn())
    .await?;
    work.record(
        Operation::DeviceProfileCreated,
        Target::device_profile(&id, &name),
        described(&name, &s)
            .into_iter()
            .map(|(f, v)| FieldChange::new(f, None, Some(v)))
            .collect(),
    );
    let profile = load(work.conn(), ctx.org_id(), &id).await?;
    work.commit().await?;
    Ok(profile)
}

/// Changes a profile's name and settings, from the `version` the caller
/// read (a stale one is a conflict); devices that have it keep it.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn update_profile(
    ctx: &Ctx,
    profile_id: &str,
    version: i64,
    new: &NewDeviceProfile,
) -> AppResult<DeviceProfile> {
    ctx.require(Capability::DeviceProfilesManage)?;
    let mut work = Work::begin(&ctx.db, &ctx.actor).await?;
    let before = lock(&mut work, ctx.org_id(), profile_id).await?;
    if before.version != version {
        return Err(AppError::stale(crate::key!("error-stale-device-profile")));
    }
    let (name, s) = validated(new)?;
    let changes: Vec<FieldChange> = described(&before.name, &before.settings)
        .into_iter()
        .zip(described(&name, &s))
        .filter(|((_, b), (_, a))| b != a)
        .map(|((f, b), (_, a))| FieldChange::new(f, Some(b), Some(a)))
        .collect();
    if changes.is_empty() {
        return Ok(before);
    }
    sqlx::query(
        "update device_profile set name = $1, name_lower = $2, skip_privacy_settings = $3,
             skip_licence_terms = $4, user_account_type = $5, device_name_template = $6,
             updated_at = $7, version = version + 1
          where org_id = $8 and profile_id = $9",
    )
    .bind(&name)
    .bind(name.to_lowercase())
    .bind(i64::from(s.skip_privacy_settings))
    .bind(i64::from(s.skip_licence_terms))
    .bind(s.user_account_type.key())
    .bind(&s.device_name_template)
    .bind(now_millis())
    .bind(ctx.org_id())
    .bind(profile_id)
    .execute(work.conn())
    .await?;
    work.record(
        Operation::DeviceProfileUpdated,
        Target::device_profile(profile_id, &name),
        changes,
    );
    let after = load(work.conn(), ctx.org_id(), profile_id).await?;
    work.commit().await?;
    Ok(after)
}

/// Deletes a profile read at `version`; one applied to any device is kept
/// (409 saying how many devices have it).
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn delete_profile(ctx: &Ctx, profile_id: &str, version: i64) -> AppResult<()> {
    ctx.require(Capability::DeviceProfilesManage)?;
    let mut work = Work::begin(&ctx.db, &ctx.actor).await?;
    let profile = lock(&mut work, ctx.org_id(), profile_id).await?;
    if profile.version != version {
        return Err(AppError::stale(crate::key!("error-stale-device-profile")));
    }
    if profile.device_count > 0 {
        return Err(AppError::Conflict {
            field: "profile".into(),
            message: crate::msg!(
                "devices-profile-applied-cannot-delete",
                name = profile.name,
                count = profile.device_count
            ),
        });
    }
    sqlx::query("delete from device_profile where org_id = $1 and profile_id = $2")
        .bind(ctx.org_id())
        .bind(profile_id)
        .execute(work.conn())
        .await?;
    work.record(
        Operation::DeviceProfileDeleted,
        Target::device_profile(profile_id, &profile.name),
        vec![FieldChange::new("name", Some(profile.name.clone()), None)],
    );
    work.commit().await
}

/// Applies `profile_id` to devices of a customer, or removes their profile
/// (`None`), in one unit of work. Every device must be the customer's and
/// the profile the organization's (404 otherwise, and nothing changes).
/// Returns how many devices changed.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn apply_profile(
    ctx: &Ctx,
    customer_id: &str,
    device_ids: &[String],
    profile_id: Option<&str>,
) -> AppResult<usize> {
    ctx.require(Capability::DeviceProfilesManage)?;
    let ids: BTreeSet<&str> = device_ids.iter().map(String::as_str).collect();
    if ids.is_empty() {
        return Err(AppError::invalid(
            "device_ids",
            crate::msg!("devices-choose-at-least-one"),
        ));
    }
    if ids.len() > APPLY_MAX_DEVICES {
        return Err(AppError::invalid(
            "device_ids",
            crate::msg!("devices-choose-at-most", max = APPLY_MAX_DEVICES),
        ));
    }
    let mut work = Work::begin(&ctx.db, &ctx.actor).await?;
    let (customer_name, _) = lock_customer(work.conn(), ctx.org_id(), customer_id).await?;
    let profile = match profile_id {
        Some(id) => Some(lock(&mut work, ctx.org_id(), id).await?),
        None => None,
    };
    let backend = Backend::of_conn(work.conn());
    let mut read = Statement::new(backend);
    read.push(
        "select d.device_id, d.serial_number, d.profile_id, p.name from device d
           left join device_profile p on p.profile_id = d.profile_id
          where d.org_id = ? and d.customer_id = ? and d.device_id in (",
        [ctx.org_id(), customer_id],
    );
    in_list(&mut read, &ids);
    read.push(") order by d.serial_lower", Vec::<Arg>::new());
    let found: Vec<(String, String, Option<String>, Option<String>)> =
        sqlx::query_as_with(read.sql(), read.arguments())
            .fetch_all(work.conn())
            .await?;
    if found.len() != ids.len() {
        return Err(AppError::not_found(crate::msg!("devices-the-device")));
    }
    let wanted = profile.as_ref().map(|p| p.profile_id.clone());
    let changing: Vec<_> = found.iter().filter(|d| d.2 != wanted).collect();
    if changing.is_empty() {
        return Ok(0);
    }
    let mut update = Statement::new(backend);
    match &wanted {
        Some(id) => update.push(
            "update device set profile_id = ?, profile_applied_at = ?",
            [Arg::from(id.as_str()), Arg::Int(now_millis())],
        ),
        None => update.push(
            "update device set profile_id = null, profile_applied_at = null",
            Vec::<Arg>::new(),
        ),
    };
    update.push(
        " where org_id = ? and customer_id = ? and device_id in (",
        [ctx.org_id(), customer_id],
    );
    let changing_ids: BTreeSet<&str> = changing.iter().map(|d| d.0.as_str()).collect();
    in_list(&mut update, &changing_ids);
    update.push(")", Vec::<Arg>::new());
    sqlx::query_with(update.sql(), update.arguments())
        .execute(work.conn())
        .await?;
    let before: BTreeSet<&str> = changing
        .iter()
        .map(|d| d.3.as_deref().unwrap_or("none"))
        .collect();
    let serials: Vec<&str> = changing.iter().take(10).map(|d| d.1.as_str()).collect();
    let more = changing.len() - serials.len();
    let more = if more > 0 {
        format!(" and {more} more")
    } else {
        String::new()
    };
    let (operation, after) = match &profile {
        Some(p) => (Operation::DeviceProfileApplied, p.name.clone()),
        None => (Operation::DeviceProfileRemoved, "none".to_string()),
    };
    work.record(
        operation,
        Target::customer_devices(customer_id, &customer_name),
        vec![
            FieldChange::new(
                "profile",
                Some(before.into_iter().collect::<Vec<_>>().join(", ")),
                Some(after),
            ),
            FieldChange::new(
                "devices",
                None,
                Some(format!("{}: {}{more}", changing.len(), serials.join(", "))),
            ),
        ],
    );
    work.commit().await?;
    Ok(changing.len())
}

/// Appends `?, ?, …` for `ids` to `statement`.
fn in_list(statement: &mut Statement, ids: &BTreeSet<&str>) {
    let marks = vec!["?"; ids.len()].join(", ");
    statement.push(&marks, ids.iter().copied());
}
