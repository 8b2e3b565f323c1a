//! Incentives: closed to Global admins, one active enrolment per program
//! and partner ID, migrations in one unit of work, reports by contact, the
//! bank and tax profile's IBAN check, masking and versions.

use crate::helpers::{spawn_app, TestApp};
use app::access::{Access, Permissions, Role, RoleSet};
use app::error::AppError;
use app::incentives::{
    service, BankTaxInput, EnrolmentStatus, MigrationTarget, NewEnrolment, ReportQuery,
};
use app::request::Ctx;
use http::StatusCode;
use serde_json::{json, Value};

async fn new_org(app: &TestApp, name: &str) -> String {
    app::orgs::service::create(&app.db, name)
        .await
        .expect("org")
}

async fn count(app: &TestApp, sql: &str, id: &str) -> i64 {
    sqlx::query_scalar(sql)
        .bind(id)
        .fetch_one(&app.db)
        .await
        .expect("count")
}

fn status<T: std::fmt::Debug>(result: Result<T, AppError>) -> (StatusCode, AppError) {
    let e = result.expect_err("refused");
    (e.status(), e)
}

fn enrolment(program: &str, partner: &str, contact: &str) -> NewEnrolment {
    NewEnrolment {
        program_id: program.into(),
        partner_id: partner.into(),
        contact_user_id: contact.into(),
    }
}

/// Seed 000: "to work on Incentives programs a user must be either
/// incentives admin or user". A Global admin gets 403 from every server
/// function of the workspace, and nothing is written.
#[tokio::test]
async fn a_global_admin_gets_403_on_everything() {
    use app::incentives::{
        Enrol, ExportIncentiveReport, GetBankTaxProfile, GetEnrolmentChoices, GetIncentiveReport,
        ListEnrolments, ListIncentivePrograms, MigrateEnrolment, SaveBankTaxProfile,
        WithdrawEnrolment,
    };
    use leptos::server_fn::ServerFn;
    let app = spawn_app().await;
    let org = new_org(&app, "Global Partners").await;
    let ga = app
        .add_user(
            &org,
            "Gloria Global",
            RoleSet {
                admin: Some(Role::GlobalAdmin),
                ..RoleSet::default()
            },
        )
        .await;
    let fx = app.add_enrolment(&org, "GA-1").await;
    let cookie = app.session_for(&ga.user_id, &org).await;
    let calls = [
        (ListIncentivePrograms::PATH, json!({})),
        (ListEnrolments::PATH, json!({})),
        (GetEnrolmentChoices::PATH, json!({})),
        (
            Enrol::PATH,
            json!({"enrolment": {"program_id": "cloud-reseller-2026", "partner_id": "GA-1", "contact_user_id": fx.contact}}),
        ),
        (
            MigrateEnrolment::PATH,
            json!({"enrolment_id": fx.enrolment_id, "version": 1, "to": {"program_id": "security-adoption", "partner_id": "GA-1"}}),
        ),
        (
            WithdrawEnrolment::PATH,
            json!({"enrolment_id": fx.enrolment_id, "version": 1}),
        ),
        (GetBankTaxProfile::PATH, json!({})),
        (
            SaveBankTaxProfile::PATH,
            json!({"version": 0, "profile": {"account_holder": "G", "bank_name": "B",
                   "account_number": "DE89370400440532013000", "tax_id": "DE1", "tax_country": "Germany"}}),
        ),
        (GetIncentiveReport::PATH, json!({"query": {}})),
        (ExportIncentiveReport::PATH, json!({"query": {}})),
    ];
    for (path, body) in &calls {
        let (status, text) = app.call_as(path, Some(&cookie), body).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{path}: {text}");
        assert!(!text.contains("Security Adoption"), "{path}: {text}");
    }
    // Over the API too, with a Global admin application.
    let secret = app
        .add_application(
            &org,
            "Global app",
            RoleSet {
                admin: Some(Role::GlobalAdmin),
                ..RoleSet::default()
            },
        )
        .await
        .secret;
    for path in [
        "/incentives/programs",
        "/incentives/enrolments",
        "/incentives/bank-tax-profile",
        "/incentives/reports",
    ] {
        let (status, text) = app.api("GET", path, Some(&secret), &Value::Null).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{path}: {text}");
    }
    assert_eq!(
        count(
            &app,
            "select count(*) from incentive_enrolment where org_id = $1",
            &org
        )
        .await,
        1
    );
    assert_eq!(
        count(
            &app,
            "select count(*) from incentive_bank_tax_profile where org_id = $1",
            &org
        )
        .await,
        0
    );
}

/// One active enrolment per program and partner ID (even two requests at
/// once); a closed program, another organization's partner ID or contact,
/// and a contact without an incentives role are refused with the reason.
#[tokio::test]
async fn one_active_enrolment_per_program_and_partner_id() {
    let app = spawn_app().await;
    let org = new_org(&app, "Enrol Partners").await;
    let other = new_org(&app, "Other Partners").await;
    app.add_location(&org, "P-1").await;
    app.add_location(&other, "P-FOREIGN").await;
    let (ia, _) = app
        .incentives_ctx(&org, "Ida Admin", Role::IncentivesAdmin)
        .await;
    let (_, user) = app
        .incentives_ctx(&org, "Uma User", Role::IncentivesUser)
        .await;
    let (_, foreign_user) = app
        .incentives_ctx(&other, "Fred Foreign", Role::IncentivesUser)
        .await;
    let plain = app.add_user(&org, "Paul Plain", RoleSet::default()).await;

    // Empty fields are named.
    let (code, e) = status(service::enrol(&ia, &enrolment("", "", "")).await);
    assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY);
    for field in ["program_id", "partner_id", "contact_user_id"] {
        assert!(e.field(field).is_some(), "{field}: {e:?}");
    }
    // Another organization's partner ID, or contact: 404, as if absent.
    let (code, _) = status(
        service::enrol(
            &ia,
            &enrolment("security-adoption", "P-FOREIGN", &user.user_id),
        )
        .await,
    );
    assert_eq!(code, StatusCode::NOT_FOUND);
    let (code, _) = status(
        service::enrol(
            &ia,
            &enrolment("security-adoption", "P-1", &foreign_user.user_id),
        )
        .await,
    );
    assert_eq!(code, StatusCode::NOT_FOUND);
    // A contact without an incentives role.
    let (code, e) =
        status(service::enrol(&ia, &enrolment("security-adoption", "P-1", &plain.user_id)).await);
    assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        e.field("contact_user_id")
            .is_some_and(|m| m.contains("Paul Plain")),
        "{e:?}"
    );
    // A closed program names its successor.
    let (code, e) =
        status(service::enrol(&ia, &enrolment("cloud-reseller-2025", "P-1", &user.user_id)).await);
    assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        e.field("program_id")
            .is_some_and(|m| m.contains("Cloud Reseller Incentive 2026")),
        "{e:?}"
    );

    // Two enrolments of P-1 in one program at the same moment: one wins.
    let twice = enrolment("security-adoption", "P-1", &user.user_id);
    let (a, b) = tokio::join!(service::enrol(&ia, &twice), service::enrol(&ia, &twice));
    let (won, lost) = match (a, b) {
        (Ok(w), Err(l)) | (Err(l), Ok(w)) => (w, l),
        other => panic!("exactly one enrolment must succeed: {other:?}"),
    };
    assert_eq!(lost.status(), StatusCode::CONFLICT, "{lost:?}");
    assert_eq!(
        lost.to_string(),
        "Partner ID P-1 is already enrolled in Security Adoption."
    );
    assert_eq!(won.status, EnrolmentStatus::Active);
    assert!(won.can_migrate && won.can_withdraw);
    // Another program for the same partner ID is fine.
    service::enrol(
        &ia,
        &enrolment("deployment-accelerator", "P-1", &user.user_id),
    )
    .await
    .expect("another program");
    // Once withdrawn, the partner ID may enrol in the program again.
    let withdrawn = service::withdraw(&ia, &won.enrolment_id, won.version)
        .await
        .expect("withdraw");
    assert_eq!(withdrawn.status, EnrolmentStatus::Withdrawn);
    assert!(!withdrawn.can_migrate && !withdrawn.can_withdraw);
    let (code, _) = status(service::withdraw(&ia, &won.enrolment_id, withdrawn.version).await);
    assert_eq!(code, StatusCode::CONFLICT);
    service::enrol(&ia, &enrolment("security-adoption", "P-1", &user.user_id))
        .await
        .expect("enrolled again");

    // An incentives role through a group makes a contact too.
    let operator = Ctx::operator(&app.db, &org);
    let group = app::groups::service::create(
        &operator,
        "Incentives desk",
        &Access {
            roles: RoleSet {
                incentives: Some(Role::IncentivesUser),
                ..RoleSet::default()
            },
            permissions: Permissions::default(),
        },
    )
    .await
    .expect("group");
    app::groups::service::add_members(
        &operator,
        &group.group_id,
        std::slice::from_ref(&plain.user_id),
    )
    .await
    .expect("member");
    let choices = service::choices(&ia).await.expect("choices");
    let names: Vec<&str> = choices
        .contacts
        .iter()
        .map(|c| c.display_name.as_str())
        .collect();
    assert_eq!(names, ["Ida Admin", "Paul Plain", "Uma User"]);
    assert_eq!(choices.partner_ids.len(), 1);
    service::enrol(
        &ia,
        &enrolment("cloud-reseller-2026", "P-1", &plain.user_id),
    )
    .await
    .expect("contact through a group");

    // The list: active first, each with the caller's actions; an
    // Incentives user sees them all, with no action.
    let (iu, _) = app
        .incentives_ctx(&org, "Ugo User", Role::IncentivesUser)
        .await;
    let listed = service::list_enrolments(&iu).await.expect("list");
    assert_eq!(listed.len(), 4);
    assert_eq!(listed[3].status, EnrolmentStatus::Withdrawn);
    assert!(listed.iter().all(|e| !e.can_migrate && !e.can_withdraw));
    let (code, _) =
        status(service::enrol(&iu, &enrolment("security-adoption", "P-1", &user.user_id)).await);
    assert_eq!(code, StatusCode::FORBIDDEN);
    let ops: Vec<String> = sqlx::query_scalar(
        "select operation from activity where org_id = $1 and target_kind = 'incentive-enrolment'
          order by at, operation",
    )
    .bind(&org)
    .fetch_all(&app.db)
    .await
    .expect("activity");
    assert_eq!(ops.iter().filter(|o| *o == "incentive-enrolled").count(), 4);
    assert_eq!(
        ops.iter()
            .filter(|o| *o == "incentive-enrolment-withdrawn")
            .count(),
        1
    );
}

/// An enrolment made while a program was open (the program closed since).
async fn legacy_enrolment(app: &TestApp, org: &str, partner: &str, contact: &str) -> String {
    let id = app::db::new_id();
    sqlx::query(
        "insert into incentive_enrolment
           (enrolment_id, org_id, program_id, partner_id, contact_user_id, enrolled_at)
         values ($1, $2, 'cloud-reseller-2025', $3, $4, 0)",
    )
    .bind(&id)
    .bind(org)
    .bind(partner)
    .bind(contact)
    .execute(&app.db)
    .await
    .expect("legacy enrolment");
    id
}

fn to(program: &str, partner: &str) -> MigrationTarget {
    MigrationTarget {
        program_id: program.into(),
        partner_id: partner.into(),
    }
}

/// A migration to the successor program or another partner ID: the old
/// enrolment marked migrated and pointing at the new one, with both
/// activity entries, or nothing at all.
#[tokio::test]
async fn a_migration_happens_in_one_unit_of_work() {
    let app = spawn_app().await;
    let org = new_org(&app, "Migrating Partners").await;
    for p in ["M-1", "M-2"] {
        app.add_location(&org, p).await;
    }
    let (ia, _) = app
        .incentives_ctx(&org, "Ida Admin", Role::IncentivesAdmin)
        .await;
    let (_, user) = app
        .incentives_ctx(&org, "Uma User", Role::IncentivesUser)
        .await;
    let old = legacy_enrolment(&app, &org, "M-1", &user.user_id).await;
    let entries = |app: &TestApp| {
        let org = org.clone();
        let db = app.db.clone();
        async move {
            sqlx::query_scalar::<_, i64>("select count(*) from activity where org_id = $1")
                .bind(&org)
                .fetch_one(&db)
                .await
                .expect("entries")
        }
    };
    let before_entries = entries(&app).await;

    // Where it may not go: a program that is not the successor, the same
    // place, another organization's partner ID; an old version.
    let (code, e) = status(service::migrate(&ia, &old, 1, &to("security-adoption", "M-1")).await);
    assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        e.field("program_id")
            .is_some_and(|m| m.contains("Cloud Reseller Incentive 2026")),
        "{e:?}"
    );
    let (code, _) = status(service::migrate(&ia, &old, 1, &to("cloud-reseller-2025", "M-2")).await);
    assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY, "closed");
    let (code, _) =
        status(service::migrate(&ia, &old, 1, &to("cloud-reseller-2026", "NOPE")).await);
    assert_eq!(code, StatusCode::NOT_FOUND);
    let (code, e) = status(service::migrate(&ia, &old, 7, &to("cloud-reseller-2026", "M-1")).await);
    assert_eq!(code, StatusCode::CONFLICT);
    assert!(e.is_stale(), "{e:?}");

    // Atomic: M-2 is already in the successor, so moving there fails after
    // the old enrolment was ended, and that is rolled back.
    let blocker = service::enrol(&ia, &enrolment("cloud-reseller-2026", "M-2", &user.user_id))
        .await
        .expect("blocker");
    let after_blocker = entries(&app).await;
    assert_eq!(after_blocker, before_entries + 1);
    let (code, e) = status(service::migrate(&ia, &old, 1, &to("cloud-reseller-2026", "M-2")).await);
    assert_eq!(code, StatusCode::CONFLICT, "{e:?}");
    assert!(e.to_string().contains("M-2"), "{e}");
    let unchanged = service::get(&ia, &old).await.expect("old");
    assert_eq!(
        (
            unchanged.status,
            unchanged.version,
            unchanged.migrated_to,
            unchanged.ended_at
        ),
        (EnrolmentStatus::Active, 1, None, None)
    );
    assert_eq!(entries(&app).await, after_blocker);
    service::withdraw(&ia, &blocker.enrolment_id, 1)
        .await
        .expect("withdraw blocker");

    // Two admins migrate it at once from the same version: one wins.
    let (to_m1, to_m2) = (
        to("cloud-reseller-2026", "M-1"),
        to("cloud-reseller-2026", "M-2"),
    );
    let (a, b) = tokio::join!(
        service::migrate(&ia, &old, 1, &to_m1),
        service::migrate(&ia, &old, 1, &to_m2),
    );
    let (new, lost) = match (a, b) {
        (Ok(w), Err(l)) | (Err(l), Ok(w)) => (w, l),
        other => panic!("exactly one migration must succeed: {other:?}"),
    };
    assert_eq!(lost.status(), StatusCode::CONFLICT, "{lost:?}");
    assert_eq!(new.program_id, "cloud-reseller-2026");
    assert_eq!(new.contact_user_id, user.user_id);
    assert_eq!((new.status, new.version), (EnrolmentStatus::Active, 1));
    let migrated = service::get(&ia, &old).await.expect("old");
    assert_eq!(migrated.status, EnrolmentStatus::Migrated);
    assert_eq!(
        migrated.migrated_to.as_deref(),
        Some(new.enrolment_id.as_str())
    );
    assert_eq!(migrated.version, 2);
    assert!(migrated.ended_at.is_some() && !migrated.can_migrate);
    let ops: Vec<(String, String)> = sqlx::query_as(
        "select operation, target_id from activity
          where org_id = $1 and operation in ('incentive-enrolment-migrated', 'incentive-enrolled')
            and target_id in ($2, $3) order by operation",
    )
    .bind(&org)
    .bind(&old)
    .bind(&new.enrolment_id)
    .fetch_all(&app.db)
    .await
    .expect("activity");
    assert_eq!(
        ops,
        [
            ("incentive-enrolled".to_string(), new.enrolment_id.clone()),
            ("incentive-enrolment-migrated".to_string(), old.clone()),
        ]
    );
    // Migrated once: not again.
    let (code, _) = status(service::migrate(&ia, &old, 2, &to("cloud-reseller-2026", "M-2")).await);
    assert_eq!(code, StatusCode::CONFLICT);
    // The new one moves on to the other partner ID (same program).
    let moved = service::migrate(
        &ia,
        &new.enrolment_id,
        1,
        &to(
            "cloud-reseller-2026",
            if new.partner_id == "M-1" {
                "M-2"
            } else {
                "M-1"
            },
        ),
    )
    .await
    .expect("partner ID move");
    assert_ne!(moved.partner_id, new.partner_id);
    let (code, e) = status(
        service::migrate(
            &ia,
            &moved.enrolment_id,
            1,
            &to("cloud-reseller-2026", &moved.partner_id),
        )
        .await,
    );
    assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(e.field("partner_id").is_some(), "{e:?}");
    // Migrating needs IncentivesMigrate.
    let (iu, _) = app
        .incentives_ctx(&org, "Ugo User", Role::IncentivesUser)
        .await;
    let (code, _) = status(
        service::migrate(
            &iu,
            &moved.enrolment_id,
            1,
            &to("cloud-reseller-2026", "M-1"),
        )
        .await,
    );
    assert_eq!(code, StatusCode::FORBIDDEN);
}

/// An Incentives user sees the reports of the enrolments they are the
/// contact of; an Incentives admin sees all; the CSV follows the same rule
/// and defuses formulas.
#[tokio::test]
async fn a_user_sees_their_enrolments_reports_and_an_admin_all() {
    let app = spawn_app().await;
    let org = new_org(&app, "Reporting Partners").await;
    let other = new_org(&app, "Other Reporting").await;
    let (ia, _) = app
        .incentives_ctx(&org, "Ida Admin", Role::IncentivesAdmin)
        .await;
    let (uma, uma_user) = app
        .incentives_ctx(&org, "Uma User", Role::IncentivesUser)
        .await;
    let mine = app.add_enrolment(&org, "R-1").await;
    // Uma is the contact of R-1's enrolment.
    sqlx::query("update incentive_enrolment set contact_user_id = $1 where enrolment_id = $2")
        .bind(&uma_user.user_id)
        .bind(&mine.enrolment_id)
        .execute(&app.db)
        .await
        .expect("contact");
    let theirs = app.add_enrolment(&org, "R-2").await;
    let foreign = app.add_enrolment(&other, "R-3").await;
    // A contact whose name a spreadsheet would run.
    sqlx::query("update app_user set display_name = '=HYPERLINK(\"x\")' where user_id = $1")
        .bind(&theirs.contact)
        .execute(&app.db)
        .await
        .expect("name");
    for (id, month, cents, currency) in [
        (&mine.enrolment_id, "2026-01", 10_000, "EUR"),
        (&mine.enrolment_id, "2026-02", 12_550, "EUR"),
        (&theirs.enrolment_id, "2026-02", 30_000, "EUR"),
        (&theirs.enrolment_id, "2026-03", 5_000, "USD"),
        (&foreign.enrolment_id, "2026-02", 99_900, "EUR"),
    ] {
        service::record_earning(&app.db, id, month, cents, currency)
            .await
            .expect("earning");
    }
    // A month is recorded once.
    let (code, _) =
        status(service::record_earning(&app.db, &mine.enrolment_id, "2026-01", 1, "EUR").await);
    assert_eq!(code, StatusCode::CONFLICT);

    let own = service::report(&uma, &ReportQuery::default())
        .await
        .expect("own report");
    assert!(!own.whole_organization);
    let months: Vec<&str> = own.lines.iter().map(|l| l.month.as_str()).collect();
    assert_eq!(months, ["2026-02", "2026-01"]);
    assert!(own
        .lines
        .iter()
        .all(|l| l.enrolment_id == mine.enrolment_id));
    assert_eq!(own.totals.len(), 1);
    assert_eq!(
        (own.totals[0].currency.as_str(), own.totals[0].amount_cents),
        ("EUR", 22_550)
    );

    let all = service::report(&ia, &ReportQuery::default())
        .await
        .expect("all");
    assert!(all.whole_organization);
    assert_eq!(all.lines.len(), 4, "not another organization's");
    let totals: Vec<(String, i64)> = all
        .totals
        .iter()
        .map(|t| (t.currency.clone(), t.amount_cents))
        .collect();
    assert_eq!(
        totals,
        [("EUR".to_string(), 52_550), ("USD".to_string(), 5_000)]
    );
    let february = service::report(
        &ia,
        &ReportQuery {
            from: "2026-02".into(),
            to: "2026-02".into(),
        },
    )
    .await
    .expect("february");
    assert_eq!(february.lines.len(), 2);
    let (code, e) = status(
        service::report(
            &ia,
            &ReportQuery {
                from: "2026-2".into(),
                to: String::new(),
            },
        )
        .await,
    );
    assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(e.field("from").is_some(), "{e:?}");

    let own_csv = service::export_csv(&uma, &ReportQuery::default())
        .await
        .expect("own csv");
    assert_eq!(own_csv.lines().count(), 3, "{own_csv}");
    assert!(
        own_csv.contains("2026-02,Security Adoption,R-1,Uma User,125.50,EUR"),
        "{own_csv}"
    );
    let all_csv = service::export_csv(&ia, &ReportQuery::default())
        .await
        .expect("all csv");
    assert_eq!(all_csv.lines().count(), 5, "{all_csv}");
    assert!(
        all_csv.contains(",\"'=HYPERLINK(\"\"x\"\")\",300.00,EUR"),
        "{all_csv}"
    );
    assert!(!all_csv.contains("999.00"), "{all_csv}");

    // Over the wire, as Uma.
    let cookie = app.session_for(&uma_user.user_id, &org).await;
    let (code, body) = app
        .call_as(
            "/api/incentives/reports",
            Some(&cookie),
            &json!({"query": {}}),
        )
        .await;
    assert_eq!(code, StatusCode::OK, "{body}");
    assert!(!body.contains("R-2") && body.contains("R-1"), "{body}");
}

fn profile(number: &str) -> BankTaxInput {
    BankTaxInput {
        account_holder: "Contoso Partners SAS".into(),
        bank_name: "Banque Exemple".into(),
        account_number: number.into(),
        tax_id: "FR 12 345678901".into(),
        tax_country: "France".into(),
        vat_registered: true,
    }
}

/// The bank and tax profile: the IBAN's checksum is verified, the number
/// never comes back in full (nor goes into the log), saves from an old
/// version are refused, and only `IncentivesBankTaxEdit` reads it.
#[tokio::test]
async fn the_bank_and_tax_profile_checks_the_iban_masks_it_and_keeps_versions() {
    let app = spawn_app().await;
    let org = new_org(&app, "Paid Partners").await;
    let (ia, admin) = app
        .incentives_ctx(&org, "Ida Admin", Role::IncentivesAdmin)
        .await;
    let (iu, _) = app
        .incentives_ctx(&org, "Uma User", Role::IncentivesUser)
        .await;
    let empty = service::get_bank_tax(&ia).await.expect("empty");
    assert_eq!(
        (empty.version, empty.account_number_masked.as_str()),
        (0, "")
    );

    // A mistyped IBAN (one digit off) and a missing number are named.
    let (code, e) =
        status(service::save_bank_tax(&ia, 0, &profile("FR76 3000 6000 0112 3456 7890 188")).await);
    assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        e.field("account_number")
            .is_some_and(|m| m.contains("IBAN")),
        "{e:?}"
    );
    let (code, e) = status(service::save_bank_tax(&ia, 0, &profile("")).await);
    assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(e.field("account_number").is_some(), "{e:?}");

    let saved = service::save_bank_tax(&ia, 0, &profile("fr76 3000 6000 0112 3456 7890 189"))
        .await
        .expect("saved");
    assert_eq!(saved.version, 1);
    assert_eq!(saved.account_number_masked, "•••• 0189");
    let stored: String = sqlx::query_scalar(
        "select account_number from incentive_bank_tax_profile where org_id = $1",
    )
    .bind(&org)
    .fetch_one(&app.db)
    .await
    .expect("stored");
    assert_eq!(stored, "FR7630006000011234567890189");
    // Saved from version 0 again: someone saved in between.
    let (code, e) =
        status(service::save_bank_tax(&ia, 0, &profile("DE89370400440532013000")).await);
    assert_eq!(code, StatusCode::CONFLICT);
    assert!(e.is_stale(), "{e:?}");
    // An empty number keeps the one on file.
    let renamed = service::save_bank_tax(
        &ia,
        1,
        &BankTaxInput {
            bank_name: "Banque Nouvelle".into(),
            ..profile("")
        },
    )
    .await
    .expect("renamed");
    assert_eq!(
        (
            renamed.version,
            renamed.account_number_masked.as_str(),
            renamed.bank_name.as_str()
        ),
        (2, "•••• 0189", "Banque Nouvelle")
    );
    // A domestic number.
    let domestic = service::save_bank_tax(&ia, 2, &profile("000123456789"))
        .await
        .expect("domestic");
    assert_eq!(domestic.account_number_masked, "•••• 6789");

    // The log names what changed, with the number and tax ID masked.
    let changes: Vec<String> = sqlx::query_scalar(
        "select changes from activity where org_id = $1 and operation = 'incentive-bank-tax-changed'
          order by at",
    )
    .bind(&org)
    .fetch_all(&app.db)
    .await
    .expect("activity");
    assert_eq!(changes.len(), 3);
    let log = changes.join("\n");
    assert!(
        log.contains("•••• 0189") && log.contains("•••• 6789"),
        "{log}"
    );
    assert!(log.contains("Banque Nouvelle"), "{log}");
    for secret in ["FR7630006000011234567890189", "000123456789", "345678901"] {
        assert!(!log.contains(secret), "{secret} in the log: {log}");
    }

    // Over the wire the number never comes back in full; an Incentives
    // user may not read the profile at all.
    let cookie = app.session_for(&admin.user_id, &org).await;
    let (code, body) = app
        .call_as("/api/incentives/bank-tax", Some(&cookie), &json!({}))
        .await;
    assert_eq!(code, StatusCode::OK, "{body}");
    assert!(!body.contains("000123456789"), "{body}");
    let (code, _) = status(service::get_bank_tax(&iu).await);
    assert_eq!(code, StatusCode::FORBIDDEN);
    let (code, _) = status(service::save_bank_tax(&iu, 3, &profile("")).await);
    assert_eq!(code, StatusCode::FORBIDDEN);
}
