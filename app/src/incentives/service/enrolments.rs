//! The program catalogue and the organization's enrolments.

use super::or_conflict;
use crate::access::{Capability, Identity, Role};
use crate::activity::service::{Target, Work};
use crate::activity::{FieldChange, Operation};
use crate::db::{new_id, now_millis};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::incentives::{
    ContactChoice, Enrolment, EnrolmentChoices, EnrolmentStatus, MigrationTarget, NewEnrolment,
    PartnerIdChoice, Program,
};
use crate::request::Ctx;
use sqlx::AnyConnection;

const PROGRAM_SQL: &str = "select p.program_id, p.name, p.description, p.is_open, p.successor_id,
        s.name as successor_name
   from incentive_program p left join incentive_program s on s.program_id = p.successor_id";

#[derive(sqlx::FromRow)]
struct ProgramRow {
    program_id: String,
    name: String,
    description: String,
    is_open: i64,
    successor_id: Option<String>,
    successor_name: Option<String>,
}

impl ProgramRow {
    fn into_program(self, me: &Identity) -> Program {
        let open = self.is_open != 0;
        Program {
            program_id: self.program_id,
            name: self.name,
            description: self.description,
            open,
            successor_id: self.successor_id,
            successor_name: self.successor_name,
            can_enrol: open && me.can(Capability::IncentivesEnroll),
        }
    }
}

const ENROLMENT_SQL: &str = "select e.enrolment_id, e.program_id, p.name as program_name,
        e.partner_id, l.location, e.contact_user_id, u.display_name as contact_name,
        u.email as contact_email, e.status, e.migrated_to, e.version, e.enrolled_at, e.ended_at
   from incentive_enrolment e
   join incentive_program p on p.program_id = e.program_id
   join app_user u on u.user_id = e.contact_user_id
   left join partner_location l on l.org_id = e.org_id and l.partner_id = e.partner_id";

#[derive(sqlx::FromRow)]
struct EnrolmentRow {
    enrolment_id: String,
    program_id: String,
    program_name: String,
    partner_id: String,
    location: Option<String>,
    contact_user_id: String,
    contact_name: String,
    contact_email: String,
    status: String,
    migrated_to: Option<String>,
    version: i64,
    enrolled_at: i64,
    ended_at: Option<i64>,
}

impl EnrolmentRow {
    /// The enrolment with the actions `me` may take on it.
    fn into_enrolment(self, me: &Identity) -> Enrolment {
        let status = EnrolmentStatus::from_key(&self.status);
        let active = status == EnrolmentStatus::Active;
        Enrolment {
            enrolment_id: self.enrolment_id,
            program_id: self.program_id,
            program_name: self.program_name,
            partner_id: self.partner_id,
            location: self.location,
            contact_user_id: self.contact_user_id,
            contact_name: self.contact_name,
            contact_email: self.contact_email,
            status,
            migrated_to: self.migrated_to,
            version: self.version,
            enrolled_at: self.enrolled_at,
            ended_at: self.ended_at,
            can_migrate: active && me.can(Capability::IncentivesMigrate),
            can_withdraw: active && me.can(Capability::IncentivesProgramsManage),
        }
    }
}

/// The activity log's name for an enrolment.
fn target(enrolment_id: &str, program_name: &str, partner_id: &str) -> Target {
    Target::incentive_enrolment(enrolment_id, &format!("{program_name} · {partner_id}"))
}

/// The vendor's programs, open ones first, each with whether the caller
/// may enrol in it.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn list_programs(ctx: &Ctx) -> AppResult<Vec<Program>> {
    ctx.require_any(&[
        Capability::IncentivesEnrolmentsView,
        Capability::IncentivesProgramsManage,
    ])?;
    let rows: Vec<ProgramRow> =
        sqlx::query_as(&format!("{PROGRAM_SQL} order by p.is_open desc, p.name"))
            .fetch_all(&ctx.db)
            .await?;
    Ok(rows.into_iter().map(|r| r.into_program(&ctx.me)).collect())
}

async fn program(conn: &mut AnyConnection, me: &Identity, program_id: &str) -> AppResult<Program> {
    sqlx::query_as::<_, ProgramRow>(&format!("{PROGRAM_SQL} where p.program_id = $1"))
        .bind(program_id.trim())
        .fetch_optional(conn)
        .await?
        .map(|r| r.into_program(me))
        .ok_or_else(|| AppError::not_found(crate::msg!("incentives-the-program")))
}

/// The organization's enrolments: active ones first, newest first.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn list_enrolments(ctx: &Ctx) -> AppResult<Vec<Enrolment>> {
    ctx.require(Capability::IncentivesEnrolmentsView)?;
    let rows: Vec<EnrolmentRow> = sqlx::query_as(&format!(
        "{ENROLMENT_SQL} where e.org_id = $1
          order by case when e.status = 'active' then 0 else 1 end, e.enrolled_at desc,
                   e.enrolment_id
          limit 500"
    ))
    .bind(ctx.org_id())
    .fetch_all(&ctx.db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| r.into_enrolment(&ctx.me))
        .collect())
}

async fn load(conn: &mut AnyConnection, ctx: &Ctx, enrolment_id: &str) -> AppResult<Enrolment> {
    sqlx::query_as::<_, EnrolmentRow>(&format!(
        "{ENROLMENT_SQL} where e.org_id = $1 and e.enrolment_id = $2"
    ))
    .bind(ctx.org_id())
    .bind(enrolment_id)
    .fetch_optional(conn)
    .await?
    .map(|r| r.into_enrolment(&ctx.me))
    .ok_or_else(|| AppError::not_found(crate::msg!("incentives-the-enrolment")))
}

/// One enrolment of the caller's organization.
pub async fn get(ctx: &Ctx, enrolment_id: &str) -> AppResult<Enrolment> {
    ctx.require(Capability::IncentivesEnrolmentsView)?;
    let mut conn = ctx.db.acquire().await?;
    load(&mut conn, ctx, enrolment_id).await
}

/// Who may be an enrolment's contact: an active user holding an incentives
/// role, own or through a group (seed 000: "to work on Incentives programs
/// a user must be either incentives admin or user").
fn eligible_contact_sql() -> String {
    let roles = format!(
        "'{}', '{}'",
        Role::IncentivesAdmin.key(),
        Role::IncentivesUser.key()
    );
    format!(
        "u.status = 'active' and (u.incentives_role in ({roles}) or exists (
            select 1 from group_member m join user_group g on g.group_id = m.group_id
             where m.user_id = u.user_id and g.org_id = u.org_id
               and g.incentives_role in ({roles})))"
    )
}

/// What the enrolment and migration forms offer: the organization's
/// partner IDs and the users who may be a contact.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn choices(ctx: &Ctx) -> AppResult<EnrolmentChoices> {
    ctx.require_any(&[Capability::IncentivesEnroll, Capability::IncentivesMigrate])?;
    let partner_ids: Vec<(String, String)> = sqlx::query_as(
        "select partner_id, location from partner_location where org_id = $1 order by partner_id",
    )
    .bind(ctx.org_id())
    .fetch_all(&ctx.db)
    .await?;
    let contacts: Vec<(String, String, String)> = sqlx::query_as(&format!(
        "select u.user_id, u.display_name, u.email from app_user u
          where u.org_id = $1 and {} order by u.display_name, u.email limit 500",
        eligible_contact_sql()
    ))
    .bind(ctx.org_id())
    .fetch_all(&ctx.db)
    .await?;
    Ok(EnrolmentChoices {
        partner_ids: partner_ids
            .into_iter()
            .map(|(partner_id, location)| PartnerIdChoice {
                partner_id,
                location,
            })
            .collect(),
        contacts: contacts
            .into_iter()
            .map(|(user_id, display_name, email)| ContactChoice {
                user_id,
                display_name,
                email,
            })
            .collect(),
    })
}

/// A partner ID of the caller's organization (404 for any other).
async fn own_partner_id(
    conn: &mut AnyConnection,
    ctx: &Ctx,
    partner_id: &str,
) -> AppResult<String> {
    let found: Option<String> = sqlx::query_scalar(
        "select partner_id from partner_location where org_id = $1 and partner_id = $2",
    )
    .bind(ctx.org_id())
    .bind(partner_id.trim())
    .fetch_optional(conn)
    .await?;
    found.ok_or_else(|| AppError::not_found(crate::msg!("incentives-the-partner-id")))
}

/// The contact's name, when `user_id` is a user of the caller's
/// organization (404 otherwise) who may be a contact (422 otherwise).
async fn check_contact(conn: &mut AnyConnection, ctx: &Ctx, user_id: &str) -> AppResult<String> {
    let found: Option<(String, i64)> = sqlx::query_as(&format!(
        "select u.display_name, case when {} then 1 else 0 end
           from app_user u where u.org_id = $1 and u.user_id = $2",
        eligible_contact_sql()
    ))
    .bind(ctx.org_id())
    .bind(user_id)
    .fetch_optional(conn)
    .await?;
    match found {
        None => Err(AppError::not_found(crate::msg!("incentives-the-user"))),
        Some((name, 0)) => Err(AppError::invalid(
            "contact_user_id",
            crate::msg!("incentives-not-a-contact", name = name),
        )),
        Some((name, _)) => Ok(name),
    }
}

/// Names each empty field of a form.
fn require_fields(fields: &[(&str, &str, &str)]) -> AppResult<()> {
    let mut errors = FieldErrors::new();
    for (field, value, message) in fields {
        if value.trim().is_empty() {
            errors.insert((*field).into(), vec![(*message).into()]);
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AppError::Validation(errors))
    }
}

fn closed(program: &Program) -> AppError {
    let message = match &program.successor_name {
        Some(s) => crate::msg!(
            "incentives-program-closed-successor",
            program = program.name,
            successor = s
        ),
        None => crate::msg!("incentives-program-closed", program = program.name),
    };
    AppError::invalid("program_id", message)
}

fn already_enrolled(partner_id: &str, program: &Program) -> AppError {
    AppError::Conflict {
        field: "partner_id".into(),
        message: crate::msg!(
            "incentives-already-enrolled",
            partner_id = partner_id,
            program = program.name
        ),
    }
}

async fn insert(
    work: &mut Work,
    ctx: &Ctx,
    program: &Program,
    partner_id: &str,
    contact_user_id: &str,
) -> AppResult<String> {
    let id = new_id();
    sqlx::query(
        "insert into incentive_enrolment
           (enrolment_id, org_id, program_id, partner_id, contact_user_id, enrolled_at)
         values ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&id)
    .bind(ctx.org_id())
    .bind(&program.program_id)
    .bind(partner_id)
    .bind(contact_user_id)
    .bind(now_millis())
    .execute(work.conn())
    .await
    // The partial unique index answers a second active enrolment, even
    // two made at the same moment.
    .map_err(|e| or_conflict(e, || already_enrolled(partner_id, program)))?;
    Ok(id)
}

/// Enrols one of the organization's partner IDs in an open program, with a
/// contact holding an incentives role; one active enrolment per program and
/// partner ID.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn enrol(ctx: &Ctx, new: &NewEnrolment) -> AppResult<Enrolment> {
    ctx.require(Capability::IncentivesEnroll)?;
    require_fields(&[
        (
            "program_id",
            &new.program_id,
            crate::key!("incentives-choose-program"),
        ),
        (
            "partner_id",
            &new.partner_id,
            crate::key!("incentives-choose-partner-id"),
        ),
        (
            "contact_user_id",
            &new.contact_user_id,
            crate::key!("incentives-choose-contact"),
        ),
    ])?;
    let mut work = Work::begin(&ctx.db, &ctx.actor).await?;
    let partner_id = own_partner_id(work.conn(), ctx, &new.partner_id).await?;
    let contact = check_contact(work.conn(), ctx, &new.contact_user_id).await?;
    let program = program(work.conn(), &ctx.me, &new.program_id).await?;
    if !program.open {
        return Err(closed(&program));
    }
    let id = insert(&mut work, ctx, &program, &partner_id, &new.contact_user_id).await?;
    work.record(
        Operation::IncentiveEnrolled,
        target(&id, &program.name, &partner_id),
        vec![
            FieldChange::new("program", None, Some(program.name.clone())),
            FieldChange::new("partner ID", None, Some(partner_id.clone())),
            FieldChange::new("contact", None, Some(contact)),
        ],
    );
    let enrolment = load(work.conn(), ctx, &id).await?;
    work.commit().await?;
    Ok(enrolment)
}

/// Reads an enrolment inside `work`, checks the version the caller read
/// and that it is still active.
async fn begin_on(
    work: &mut Work,
    ctx: &Ctx,
    enrolment_id: &str,
    version: i64,
) -> AppResult<Enrolment> {
    // Takes the write lock first (SQLite) / the row lock (PostgreSQL), so
    // two changes of one enrolment run one after the other.
    sqlx::query(
        "update incentive_enrolment set version = version where org_id = $1 and enrolment_id = $2",
    )
    .bind(ctx.org_id())
    .bind(enrolment_id)
    .execute(work.conn())
    .await?;
    let enrolment = load(work.conn(), ctx, enrolment_id).await?;
    if enrolment.version != version {
        return Err(AppError::stale(crate::key!("error-stale-enrolment")));
    }
    if enrolment.status != EnrolmentStatus::Active {
        return Err(AppError::Conflict {
            field: "status".into(),
            message: match enrolment.status {
                EnrolmentStatus::Migrated => crate::msg!("incentives-enrolment-migrated-already"),
                _ => crate::msg!("incentives-enrolment-withdrawn-already"),
            },
        });
    }
    Ok(enrolment)
}

/// Ends an active enrolment: `migrated` (pointing at its replacement) or
/// `withdrawn`.
async fn end(
    work: &mut Work,
    ctx: &Ctx,
    enrolment_id: &str,
    status: EnrolmentStatus,
) -> AppResult<()> {
    sqlx::query(
        "update incentive_enrolment set status = $1, ended_at = $2, version = version + 1
          where org_id = $3 and enrolment_id = $4",
    )
    .bind(status.key())
    .bind(now_millis())
    .bind(ctx.org_id())
    .bind(enrolment_id)
    .execute(work.conn())
    .await?;
    Ok(())
}

/// Moves an active enrolment to its program's successor and/or another
/// partner ID of the organization, keeping its contact, in one unit of
/// work: the old enrolment marked migrated and pointing at the new one,
/// both activity entries, or nothing. Returns the new enrolment.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn migrate(
    ctx: &Ctx,
    enrolment_id: &str,
    version: i64,
    to: &MigrationTarget,
) -> AppResult<Enrolment> {
    ctx.require(Capability::IncentivesMigrate)?;
    let mut work = Work::begin(&ctx.db, &ctx.actor).await?;
    let before = begin_on(&mut work, ctx, enrolment_id, version).await?;
    require_fields(&[
        (
            "program_id",
            &to.program_id,
            crate::key!("incentives-choose-program-to-move-to"),
        ),
        (
            "partner_id",
            &to.partner_id,
            crate::key!("incentives-choose-partner-id-to-move-to"),
        ),
    ])?;
    let partner_id = own_partner_id(work.conn(), ctx, &to.partner_id).await?;
    let current = program(work.conn(), &ctx.me, &before.program_id).await?;
    let program = program(work.conn(), &ctx.me, &to.program_id).await?;
    if program.program_id != current.program_id
        && current.successor_id.as_deref() != Some(program.program_id.as_str())
    {
        let message = match &current.successor_name {
            Some(s) => crate::msg!(
                "incentives-move-to-successor-only",
                program = current.name,
                successor = s
            ),
            None => crate::msg!("incentives-no-successor", program = current.name),
        };
        return Err(AppError::invalid("program_id", message));
    }
    if !program.open {
        return Err(closed(&program));
    }
    if program.program_id == before.program_id && partner_id == before.partner_id {
        return Err(AppError::invalid(
            "partner_id",
            crate::msg!("incentives-enrolment-there-already"),
        ));
    }
    // The old enrolment leaves the active ones before the new one joins
    // them; a refusal of the new one (its partner ID already enrolled in
    // that program) rolls both back.
    end(&mut work, ctx, enrolment_id, EnrolmentStatus::Migrated).await?;
    let new_id = insert(
        &mut work,
        ctx,
        &program,
        &partner_id,
        &before.contact_user_id,
    )
    .await?;
    sqlx::query(
        "update incentive_enrolment set migrated_to = $1 where org_id = $2 and enrolment_id = $3",
    )
    .bind(&new_id)
    .bind(ctx.org_id())
    .bind(enrolment_id)
    .execute(work.conn())
    .await?;
    let mut changes = vec![FieldChange::new(
        "status",
        Some(EnrolmentStatus::Active.label().into()),
        Some(EnrolmentStatus::Migrated.label().into()),
    )];
    if program.program_id != before.program_id {
        changes.push(FieldChange::new(
            "program",
            Some(before.program_name.clone()),
            Some(program.name.clone()),
        ));
    }
    if partner_id != before.partner_id {
        changes.push(FieldChange::new(
            "partner ID",
            Some(before.partner_id.clone()),
            Some(partner_id.clone()),
        ));
    }
    work.record(
        Operation::IncentiveEnrolmentMigrated,
        target(enrolment_id, &before.program_name, &before.partner_id),
        changes,
    );
    work.record(
        Operation::IncentiveEnrolled,
        target(&new_id, &program.name, &partner_id),
        vec![
            FieldChange::new("program", None, Some(program.name.clone())),
            FieldChange::new("partner ID", None, Some(partner_id.clone())),
            FieldChange::new("contact", None, Some(before.contact_name.clone())),
            FieldChange::new(
                "migrated from",
                None,
                Some(format!("{} · {}", before.program_name, before.partner_id)),
            ),
        ],
    );
    let after = load(work.conn(), ctx, &new_id).await?;
    work.commit().await?;
    Ok(after)
}

/// Withdraws an active enrolment from its program (kept, as history).
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn withdraw(ctx: &Ctx, enrolment_id: &str, version: i64) -> AppResult<Enrolment> {
    ctx.require(Capability::IncentivesProgramsManage)?;
    let mut work = Work::begin(&ctx.db, &ctx.actor).await?;
    let before = begin_on(&mut work, ctx, enrolment_id, version).await?;
    end(&mut work, ctx, enrolment_id, EnrolmentStatus::Withdrawn).await?;
    work.record(
        Operation::IncentiveEnrolmentWithdrawn,
        target(enrolment_id, &before.program_name, &before.partner_id),
        vec![FieldChange::new(
            "status",
            Some(EnrolmentStatus::Active.label().into()),
            Some(EnrolmentStatus::Withdrawn.label().into()),
        )],
    );
    let after = load(work.conn(), ctx, enrolment_id).await?;
    work.commit().await?;
    Ok(after)
}
