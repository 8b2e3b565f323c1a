//! The organization's bank and tax profile. Reading it needs the same
//! capability as editing it (`IncentivesBankTaxEdit`): it is where the
//! money goes. The account number never leaves the server in full, and the
//! activity log (which Global admins read) records it and the tax ID masked.

use super::or_conflict;
use crate::access::Capability;
use crate::activity::service::{Target, Work};
use crate::activity::{FieldChange, Operation};
use crate::db::now_millis;
use crate::error::{AppError, AppResult};
use crate::incentives::{
    check_bank_tax, mask_account_number, normalize_account_number, BankTaxInput, BankTaxProfile,
};
use crate::request::Ctx;
use sqlx::AnyConnection;

#[derive(sqlx::FromRow)]
struct ProfileRow {
    account_holder: String,
    bank_name: String,
    account_number: String,
    tax_id: String,
    tax_country: String,
    vat_registered: i64,
    version: i64,
    updated_at: i64,
}

impl From<ProfileRow> for BankTaxProfile {
    fn from(r: ProfileRow) -> BankTaxProfile {
        BankTaxProfile {
            account_number_masked: mask_account_number(&r.account_number),
            account_holder: r.account_holder,
            bank_name: r.bank_name,
            tax_id: r.tax_id,
            tax_country: r.tax_country,
            vat_registered: r.vat_registered != 0,
            version: r.version,
            updated_at: Some(r.updated_at),
        }
    }
}

async fn load(conn: &mut AnyConnection, org_id: &str) -> AppResult<Option<ProfileRow>> {
    Ok(sqlx::query_as(
        "select account_holder, bank_name, account_number, tax_id, tax_country, vat_registered,
                version, updated_at
           from incentive_bank_tax_profile where org_id = $1",
    )
    .bind(org_id)
    .fetch_optional(conn)
    .await?)
}

/// The organization's profile; an empty one at version 0 until saved.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn get_bank_tax(ctx: &Ctx) -> AppResult<BankTaxProfile> {
    ctx.require(Capability::IncentivesBankTaxEdit)?;
    let mut conn = ctx.db.acquire().await?;
    Ok(load(&mut conn, ctx.org_id())
        .await?
        .map(BankTaxProfile::from)
        .unwrap_or_default())
}

/// Saves the profile from the version the caller read (0: none yet). An
/// empty account number keeps the saved one.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn save_bank_tax(
    ctx: &Ctx,
    version: i64,
    input: &BankTaxInput,
) -> AppResult<BankTaxProfile> {
    ctx.require(Capability::IncentivesBankTaxEdit)?;
    let mut work = Work::begin(&ctx.db, &ctx.actor).await?;
    // The row lock (PostgreSQL) before reading: two saves run one after
    // the other, and the second sees the first's version.
    sqlx::query("update incentive_bank_tax_profile set version = version where org_id = $1")
        .bind(ctx.org_id())
        .execute(work.conn())
        .await?;
    let before = load(work.conn(), ctx.org_id()).await?;
    if before.as_ref().map_or(0, |b| b.version) != version {
        return Err(AppError::stale(crate::key!("error-stale-bank-tax")));
    }
    let errors = check_bank_tax(input, before.is_some());
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let account_number = match (&before, input.account_number.trim()) {
        (Some(b), "") => b.account_number.clone(),
        (_, typed) => normalize_account_number(typed),
    };
    let after = ProfileRow {
        account_holder: input.account_holder.trim().into(),
        bank_name: input.bank_name.trim().into(),
        account_number,
        tax_id: input.tax_id.trim().into(),
        tax_country: input.tax_country.trim().into(),
        vat_registered: i64::from(input.vat_registered),
        version: version + 1,
        updated_at: now_millis(),
    };
    let changes = changes(before.as_ref(), &after);
    if changes.is_empty() {
        return Ok(before.map(BankTaxProfile::from).unwrap_or_default());
    }
    let sql = if before.is_some() {
        "update incentive_bank_tax_profile
            set account_holder = $1, bank_name = $2, account_number = $3, tax_id = $4,
                tax_country = $5, vat_registered = $6, version = $7, updated_at = $8
          where org_id = $9"
    } else {
        "insert into incentive_bank_tax_profile
           (account_holder, bank_name, account_number, tax_id, tax_country, vat_registered,
            version, updated_at, org_id)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
    };
    sqlx::query(sql)
        .bind(&after.account_holder)
        .bind(&after.bank_name)
        .bind(&after.account_number)
        .bind(&after.tax_id)
        .bind(&after.tax_country)
        .bind(after.vat_registered)
        .bind(after.version)
        .bind(after.updated_at)
        .bind(ctx.org_id())
        .execute(work.conn())
        .await
        // Two first saves at once: the second finds the row the first made.
        .map_err(|e| or_conflict(e, || AppError::stale(crate::key!("error-stale-bank-tax"))))?;
    work.record(
        Operation::IncentiveBankTaxChanged,
        Target::bank_tax_profile(ctx.org_id()),
        changes,
    );
    work.commit().await?;
    Ok(BankTaxProfile::from(after))
}

/// The changed fields, the account number and the tax ID masked.
fn changes(before: Option<&ProfileRow>, after: &ProfileRow) -> Vec<FieldChange> {
    let yes_no = |v: i64| if v != 0 { "yes" } else { "no" }.to_string();
    let pairs = [
        (
            "account holder",
            before.map(|b| b.account_holder.clone()),
            after.account_holder.clone(),
        ),
        (
            "bank name",
            before.map(|b| b.bank_name.clone()),
            after.bank_name.clone(),
        ),
        (
            "tax country",
            before.map(|b| b.tax_country.clone()),
            after.tax_country.clone(),
        ),
        (
            "VAT registered",
            before.map(|b| yes_no(b.vat_registered)),
            yes_no(after.vat_registered),
        ),
    ];
    let masked = [
        (
            "account number",
            before.map(|b| b.account_number.as_str()),
            after.account_number.as_str(),
        ),
        (
            "tax ID",
            before.map(|b| b.tax_id.as_str()),
            after.tax_id.as_str(),
        ),
    ];
    let mut out: Vec<FieldChange> = pairs
        .into_iter()
        .filter(|(_, b, a)| b.as_ref() != Some(a))
        .map(|(f, b, a)| FieldChange::new(f, b, Some(a)))
        .collect();
    out.extend(
        masked
            .into_iter()
            .filter(|(_, b, a)| *b != Some(*a))
            .map(|(f, b, a)| {
                FieldChange::new(f, b.map(mask_account_number), Some(mask_account_number(a)))
            }),
    );
    out
}
