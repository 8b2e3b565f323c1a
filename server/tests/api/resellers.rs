//! Value-added reseller registrations: one per partner ID, fields named,
//! recorded.

use crate::helpers::spawn_app;
use http::StatusCode;

/// A reseller is registered once per partner ID (as typed, any case), with
/// the field named when something is wrong; the registration is recorded.
#[tokio::test]
async fn a_reseller_is_registered_once_per_partner_id() {
    use app::resellers::{service, NewReseller};
    let app = spawn_app().await;
    let org = app::orgs::service::create(&app.db, "Var Partners")
        .await
        .expect("org");
    let ctx = app::request::Ctx::operator(&app.db, &org);
    let new = NewReseller {
        company: "Litware".into(),
        country: "France".into(),
        contact_email: "var@litware.example".into(),
        reseller_id: "var-77".into(),
    };
    let bad = service::register(
        &ctx,
        &NewReseller {
            reseller_id: "no spaces!".into(),
            ..new.clone()
        },
    )
    .await
    .expect_err("bad id");
    assert!(bad.field("reseller_id").is_some(), "{bad:?}");
    let registered = service::register(&ctx, &new).await.expect("registered");
    assert_eq!(registered.reseller_id, "VAR-77");
    let again = service::register(
        &ctx,
        &NewReseller {
            company: "Someone Else".into(),
            reseller_id: "VAR-77".into(),
            ..new.clone()
        },
    )
    .await
    .expect_err("taken");
    assert_eq!(again.status(), StatusCode::CONFLICT);
    assert!(again.to_string().contains("Litware"), "{again}");
    let listed = service::list(&ctx).await.expect("list");
    assert_eq!(listed.len(), 1);
    let ops: Vec<String> = sqlx::query_scalar(
        "select operation from activity where org_id = $1 and target_kind = 'reseller'",
    )
    .bind(&org)
    .fetch_all(&app.db)
    .await
    .expect("activity");
    assert_eq!(ops, ["reseller-registered"]);
}
