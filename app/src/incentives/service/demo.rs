//! The demo's incentives (`serve --demo`): two enrolments with a few months
//! of earnings, and a bank and tax profile.

use crate::access::{Identity, Role, RoleSet};
use crate::activity::service::{Actor, Target, Work};
use crate::activity::{FieldChange, Operation};
use crate::db::{new_id, now_millis, Db};
use crate::error::{AppError, AppResult};
use crate::incentives::{BankTaxInput, NewEnrolment};
use crate::request::Ctx;

/// `YYYY-MM` of the month `back` months before now.
fn month_back(back: i64) -> String {
    let now = crate::time::format_millis(now_millis());
    let year: i64 = now.get(..4).and_then(|y| y.parse().ok()).unwrap_or(2026);
    let month: i64 = now.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(1);
    let index = year * 12 + (month - 1) - back;
    format!(
        "{:04}-{:02}",
        index.div_euclid(12),
        index.rem_euclid(12) + 1
    )
}

/// The demo user of `role` in `org_id`: id and name.
async fn demo_user(db: &Db, org_id: &str, role: Role) -> AppResult<(String, String)> {
    sqlx::query_as(
        "select user_id, display_name from app_user where org_id = $1 and email_lower = $2",
    )
    .bind(org_id)
    .bind(crate::demo::demo_email(Some(role)))
    .fetch_optional(db)
    .await?
    .ok_or_else(|| AppError::not_found("The demo user"))
}

/// Seeds the demo organization's incentives, acting as its Incentives
/// admin: an enrolment of partner ID 4567890 made while Cloud Reseller
/// Incentive 2025 was open (closed since, so it awaits migration to 2026;
/// its contact is the demo Incentives user), one of 4567891 in Deployment
/// Accelerator (contact: the admin), earnings of the last months, and the
/// bank and tax profile.
pub async fn seed_demo(db: &Db, org_id: &str) -> AppResult<()> {
    let (admin_id, admin_name) = demo_user(db, org_id, Role::IncentivesAdmin).await?;
    let (user_id, _) = demo_user(db, org_id, Role::IncentivesUser).await?;
    let me = Identity::new(
        admin_id.clone(),
        org_id.into(),
        crate::demo::DEMO_ORG.into(),
        admin_name,
        crate::demo::demo_email(Some(Role::IncentivesAdmin)),
        RoleSet {
            incentives: Some(Role::IncentivesAdmin),
            ..RoleSet::default()
        },
        false,
    );
    let ctx = Ctx::for_identity(db, me);
    // A closed program takes no new enrolment, so the one made while it
    // was open is written as the program's records have it.
    let legacy = new_id();
    let year = 365 * 24 * 60 * 60 * 1000;
    let mut work = Work::begin(db, &Actor::operator(org_id)).await?;
    sqlx::query(
        "insert into incentive_enrolment
           (enrolment_id, org_id, program_id, partner_id, contact_user_id, enrolled_at)
         values ($1, $2, 'cloud-reseller-2025', '4567890', $3, $4)",
    )
    .bind(&legacy)
    .bind(org_id)
    .bind(&user_id)
    .bind(now_millis() - year)
    .execute(work.conn())
    .await?;
    work.record(
        Operation::IncentiveEnrolled,
        Target::incentive_enrolment(&legacy, "Cloud Reseller Incentive 2025 · 4567890"),
        vec![FieldChange::new(
            "program",
            None,
            Some("Cloud Reseller Incentive 2025".into()),
        )],
    );
    work.commit().await?;
    let deployment = super::enrol(
        &ctx,
        &NewEnrolment {
            program_id: "deployment-accelerator".into(),
            partner_id: "4567891".into(),
            contact_user_id: admin_id,
        },
    )
    .await?;
    for (back, cents) in [
        (6, 184_250),
        (5, 201_775),
        (4, 176_040),
        (3, 222_910),
        (2, 240_300),
        (1, 198_615),
    ] {
        super::record_earning(db, &legacy, &month_back(back), cents, "EUR").await?;
    }
    for (back, cents) in [(3, 95_000), (2, 112_500), (1, 87_250)] {
        super::record_earning(
            db,
            &deployment.enrolment_id,
            &month_back(back),
            cents,
            "EUR",
        )
        .await?;
    }
    super::save_bank_tax(
        &ctx,
        0,
        &BankTaxInput {
            account_holder: "Contoso Partners SAS".into(),
            bank_name: "Banque Exemple".into(),
            account_number: "FR76 3000 6000 0112 3456 7890 189".into(),
            tax_id: "FR 12 345678901".into(),
            tax_country: "France".into(),
            vat_registered: true,
        },
    )
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn months_back_cross_years() {
        let now = super::month_back(0);
        assert_eq!(now.len(), 7);
        let twelve = super::month_back(12);
        assert_eq!(&twelve[5..], &now[5..]);
        assert_eq!(
            twelve[..4].parse::<i32>().unwrap() + 1,
            now[..4].parse::<i32>().unwrap()
        );
    }
}
