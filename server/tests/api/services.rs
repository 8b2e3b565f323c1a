//! Services enforce: called directly (no HTTP, no server function), each
//! feature's service refuses a context without the capability with 403 and
//! writes nothing. The authorization matrix checks the same over HTTP.

use app::access::{Identity, Role, RoleSet};
use app::error::AppError;
use app::request::Ctx;
use http::StatusCode;

/// A context for a user of `org_id` holding `admin` (or no role).
fn ctx_with(app: &crate::helpers::TestApp, org_id: &str, admin: Option<Role>) -> Ctx {
    let roles = RoleSet {
        admin,
        ..RoleSet::default()
    };
    let me = Identity::new(
        "no-such-user".into(),
        org_id.into(),
        "Org A".into(),
        "Direct Caller".into(),
        "direct@example.test".into(),
        roles,
        false,
    );
    Ctx::for_identity(&app.db, me)
}

fn assert_forbidden<T: std::fmt::Debug>(what: &str, result: Result<T, AppError>) {
    match result {
        Err(e) => assert_eq!(e.status(), StatusCode::FORBIDDEN, "{what}: {e:?}"),
        Ok(v) => panic!("{what}: allowed without the capability: {v:?}"),
    }
}

async fn count(app: &crate::helpers::TestApp, table: &str) -> i64 {
    sqlx::query_scalar(&format!("select count(*) from {table}"))
        .fetch_one(&app.db)
        .await
        .expect("count")
}

#[tokio::test]
async fn every_feature_refuses_a_context_without_the_capability() {
    let app = crate::helpers::spawn_app().await;
    let fx = app.fixture().await;
    let customer = app.add_customer(&fx.org_a, "Direct Co").await;
    // A Billing admin: signed in, but none of these capabilities.
    let ctx = ctx_with(&app, &fx.org_a, Some(Role::BillingAdmin));
    let (users, customers, activity) = (
        count(&app, "app_user").await,
        count(&app, "customer").await,
        count(&app, "activity").await,
    );

    assert_forbidden(
        "users::list",
        app::users::service::list(&ctx, &Default::default()).await,
    );
    assert_forbidden(
        "users::create_admin",
        app::users::service::create_admin(&ctx, "Sneaky", "sneaky@example.test").await,
    );
    assert_forbidden(
        "customers::list",
        app::customers::service::list(&ctx, &Default::default()).await,
    );
    assert_forbidden(
        "customers::create",
        app::customers::service::create(
            &ctx,
            &app::customers::NewCustomer {
                details: app::customers::CustomerDetails {
                    name: "Nope".into(),
                    ..Default::default()
                },
                domain: "nope.example".into(),
            },
        )
        .await,
    );
    assert_forbidden(
        "customers::subscriptions",
        app::subscriptions::service::list(&ctx, &customer.customer_id).await,
    );
    assert_forbidden(
        "customer_users::list",
        app::customer_users::service::list(
            &ctx,
            &app::customer_users::CustomerUserQuery {
                customer_id: customer.customer_id.clone(),
                ..Default::default()
            },
        )
        .await,
    );
    assert_forbidden(
        "customer_users::import::validate",
        app::customer_users::import::validate(&ctx, &customer.customer_id, "x").await,
    );
    assert_eq!(count(&app, "app_user").await, users);
    assert_eq!(count(&app, "customer").await, customers);
    assert_eq!(count(&app, "activity").await, activity);

    // A pending temporary password allows nothing but its own change.
    let mut pending = ctx_with(&app, &fx.org_a, Some(Role::GlobalAdmin));
    pending.me.must_change_password = true;
    let refused = app::activity::service::list(&pending, &Default::default()).await;
    assert!(
        matches!(refused, Err(AppError::PasswordChangeRequired)),
        "{refused:?}"
    );
    // The same call with the capability goes through.
    let admin = ctx_with(&app, &fx.org_a, Some(Role::GlobalAdmin));
    assert!(app::activity::service::list(&admin, &Default::default())
        .await
        .is_ok());
    assert!(app::users::service::list(&admin, &Default::default())
        .await
        .is_ok());
}

#[tokio::test]
async fn searches_take_wildcards_literally() {
    let app = crate::helpers::spawn_app().await;
    let fx = app.fixture().await;
    let ctx = Ctx::operator(&app.db, &fx.org_a);
    for (name, domain) in [
        ("Under_Score", "under-score.example"),
        ("UnderXScore", "underxscore.example"),
        ("Full 100%", "full.example"),
        ("Full 1000", "full1000.example"),
    ] {
        app::customers::service::create(
            &ctx,
            &app::customers::NewCustomer {
                details: app::customers::CustomerDetails {
                    name: name.into(),
                    ..Default::default()
                },
                domain: domain.into(),
            },
        )
        .await
        .expect("customer");
    }
    let names = |page: app::customers::CustomerPage| {
        page.customers
            .into_iter()
            .map(|c| c.details.name)
            .collect::<Vec<_>>()
    };
    let search = |s: &str| app::customers::CustomerQuery {
        search: s.into(),
        page: 0,
    };
    let found = app::customers::service::list(&ctx, &search("under_s"))
        .await
        .expect("list");
    assert_eq!(names(found), ["Under_Score"]);
    let found = app::customers::service::list(&ctx, &search("100%"))
        .await
        .expect("list");
    assert_eq!(names(found), ["Full 100%"]);
    // The same escaping in the partner user list.
    let found = app::users::service::list(
        &ctx,
        &app::users::UserQuery {
            search: "_".into(),
            ..Default::default()
        },
    )
    .await
    .expect("list");
    assert_eq!(found.total, 0, "no fixture user has an underscore");
}

#[tokio::test]
async fn duplicates_are_conflicts_even_when_created_in_parallel() {
    let app = crate::helpers::spawn_app().await;
    let fx = app.fixture().await;
    let ctx = Ctx::operator(&app.db, &fx.org_a);
    let attempts = (0..6).map(|i| {
        let ctx = ctx.clone();
        async move {
            app::customers::service::create(
                &ctx,
                &app::customers::NewCustomer {
                    details: app::customers::CustomerDetails {
                        name: format!("Twin {i}"),
                        ..Default::default()
                    },
                    domain: "twins.example".into(),
                },
            )
            .await
        }
    });
    let results = futures::future::join_all(attempts).await;
    assert_eq!(results.iter().filter(|r| r.is_ok()).count(), 1);
    for r in results.into_iter().filter_map(Result::err) {
        assert_eq!(r.status(), StatusCode::CONFLICT, "{r:?}");
        assert!(r.field("domain").is_some(), "{r:?}");
    }
    // A taken customer user name: 409 on the alias, nothing written.
    let customer = app.add_customer(&fx.org_a, "Alias Co").await;
    let before = count(&app, "customer_user").await;
    let again = app::customer_users::service::create(
        &ctx,
        &customer.customer_id,
        &app::customer_users::NewCustomerUser {
            first_name: "Ann".into(),
            last_name: "Again".into(),
            display_name: "Ann Again".into(),
            alias: "ANN".into(),
            admin_role: Default::default(),
            licences: vec![],
        },
    )
    .await;
    let err = again.expect_err("the alias is taken");
    assert_eq!(err.status(), StatusCode::CONFLICT);
    assert!(err.field("alias").is_some(), "{err:?}");
    assert_eq!(count(&app, "customer_user").await, before);
}
