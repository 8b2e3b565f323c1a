//! Races: parallel requests on the same seats or the same record, run on a
//! multi-threaded runtime so they really overlap (on PostgreSQL, on several
//! connections at READ COMMITTED).

use app::customer_users::{LicenceChange, NewCustomerUser};
use app::error::AppError;
use app::request::Ctx;
use http::StatusCode;

/// Seats of `subscription_id` held by a licence.
async fn held(app: &crate::helpers::TestApp, subscription_id: &str) -> i64 {
    sqlx::query_scalar("select count(*) from licence where subscription_id = $1 and released = 0")
        .bind(subscription_id)
        .fetch_one(&app.db)
        .await
        .expect("count")
}

fn new_user(alias: &str, licences: Vec<String>) -> NewCustomerUser {
    NewCustomerUser {
        first_name: alias.into(),
        last_name: "Racer".into(),
        display_name: format!("{alias} Racer"),
        alias: alias.into(),
        admin_role: Default::default(),
        licences,
    }
}

/// `n` new users of the customer, without licences; their ids.
async fn add_users(ctx: &Ctx, customer_id: &str, prefix: &str, n: usize) -> Vec<String> {
    let mut ids = Vec::new();
    for i in 0..n {
        let new = new_user(&format!("{prefix}{i}"), vec![]);
        let u = app::customer_users::service::create(ctx, customer_id, &new)
            .await
            .expect("user");
        ids.push(u.user.customer_user_id);
    }
    ids
}

/// "Manage licences" giving one user a licence of `subscription_id`, on a
/// task of its own.
fn assign(
    ctx: &Ctx,
    customer_id: &str,
    user_id: &str,
    subscription_id: &str,
) -> tokio::task::JoinHandle<Result<(), AppError>> {
    let ctx = ctx.clone();
    let change = LicenceChange {
        customer_id: customer_id.into(),
        user_ids: vec![user_id.into()],
        add: vec![subscription_id.into()],
        remove: vec![],
    };
    tokio::spawn(async move { app::customer_users::service::manage_licences(&ctx, &change).await })
}

/// A refusal for want of seats, naming the field.
fn assert_no_seat(e: &AppError) {
    assert_eq!(e.status(), StatusCode::UNPROCESSABLE_ENTITY, "{e:?}");
    let message = e.field("licences").unwrap_or_default();
    assert!(message.contains("Not enough seats"), "{e:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_licence_assignments_never_oversubscribe() {
    let app = crate::helpers::spawn_app().await;
    let fx = app.fixture().await;
    let customer = app.add_customer(&fx.org_a, "Race Co").await;
    let ctx = Ctx::operator(&app.db, &fx.org_a);
    // Three rounds: a race that lets a request through unlocked shows up
    // in at least one of them.
    for round in 0..3 {
        let sub = app::subscriptions::service::create(
            &ctx,
            &customer.customer_id,
            &format!("Scarce {round}"),
            2,
        )
        .await
        .expect("subscription");
        let ids = add_users(&ctx, &customer.customer_id, &format!("m{round}x"), 8).await;
        // Eight "Manage licences" and eight creations with the licence, at once.
        let mut tasks = Vec::new();
        for (i, id) in ids.iter().enumerate() {
            tasks.push(assign(
                &ctx,
                &customer.customer_id,
                id,
                &sub.subscription_id,
            ));
            let (c, customer_id, new) = (
                ctx.clone(),
                customer.customer_id.clone(),
                new_user(&format!("c{round}x{i}"), vec![sub.subscription_id.clone()]),
            );
            tasks.push(tokio::spawn(async move {
                app::customer_users::service::create(&c, &customer_id, &new)
                    .await
                    .map(|_| ())
            }));
        }
        let mut granted = 0;
        for task in tasks {
            match task.await.expect("task") {
                Ok(()) => granted += 1,
                Err(e) => assert_no_seat(&e),
            }
        }
        assert_eq!(granted, 2, "two seats, two successes");
        assert_eq!(held(&app, &sub.subscription_id).await, 2);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn seats_lowered_while_licences_are_assigned_stay_covered() {
    let app = crate::helpers::spawn_app().await;
    let fx = app.fixture().await;
    let customer = app.add_customer(&fx.org_a, "Shrink Co").await;
    let ctx = Ctx::operator(&app.db, &fx.org_a);
    let sub = app::subscriptions::service::create(&ctx, &customer.customer_id, "Shrinking", 6)
        .await
        .expect("subscription");
    let ids = add_users(&ctx, &customer.customer_id, "s", 4).await;
    let mut tasks = Vec::new();
    for (i, id) in ids.iter().enumerate() {
        tasks.push(assign(
            &ctx,
            &customer.customer_id,
            id,
            &sub.subscription_id,
        ));
        let (c, sid, customer_id) = (
            ctx.clone(),
            sub.subscription_id.clone(),
            customer.customer_id.clone(),
        );
        let seats = 1 + i as i64;
        tasks.push(tokio::spawn(async move {
            // From the version just read: another change may still come first.
            let subs = app::subscriptions::service::list(&c, &customer_id).await?;
            let version = subs
                .iter()
                .find(|s| s.subscription_id == sid)
                .map_or(0, |s| s.version);
            app::subscriptions::service::set_seats(&c, &sid, version, seats)
                .await
                .map(|_| ())
        }));
    }
    for task in tasks {
        if let Err(e) = task.await.expect("task") {
            let refused = e.status() == StatusCode::UNPROCESSABLE_ENTITY || e.is_stale();
            assert!(refused, "{e:?}");
        }
    }
    let seats: i64 =
        sqlx::query_scalar("select seats from subscription where subscription_id = $1")
            .bind(&sub.subscription_id)
            .fetch_one(&app.db)
            .await
            .expect("seats");
    let held = held(&app, &sub.subscription_id).await;
    assert!(held <= seats, "{held} licences on {seats} seats");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_second_save_from_one_version_is_a_conflict() {
    use app::customers::CustomerDetails;
    let app = crate::helpers::spawn_app().await;
    let fx = app.fixture().await;
    let customer = app.add_customer(&fx.org_a, "Twice Co").await;
    let ctx = Ctx::operator(&app.db, &fx.org_a);

    // Customers: two editors opened version 1; both save at once.
    let saves = ["First Name", "Second Name"].map(|name| {
        let (c, id) = (ctx.clone(), customer.customer_id.clone());
        tokio::spawn(async move {
            let details = CustomerDetails {
                name: name.into(),
                ..Default::default()
            };
            app::customers::service::update_details(&c, &id, 1, &details).await
        })
    });
    let mut saved = Vec::new();
    for save in saves {
        match save.await.expect("task") {
            Ok(c) => saved.push(c),
            Err(e) => assert!(e.is_stale(), "{e:?}"),
        }
    }
    assert_eq!(saved.len(), 1, "exactly one save wins");
    let fresh = app::customers::service::get(&ctx, &customer.customer_id)
        .await
        .expect("customer");
    assert_eq!(
        fresh.details.name, saved[0].details.name,
        "the winner's values stay"
    );
    assert_eq!(fresh.version, 2);

    // Subscriptions: the same for seats.
    let sid = customer.subscription_id.clone();
    let first = app::subscriptions::service::set_seats(&ctx, &sid, 1, 8)
        .await
        .expect("first save");
    let second = app::subscriptions::service::set_seats(&ctx, &sid, 1, 9).await;
    assert!(second.as_ref().is_err_and(AppError::is_stale), "{second:?}");
    let subs = app::subscriptions::service::list(&ctx, &customer.customer_id)
        .await
        .expect("list");
    let now = subs.iter().find(|s| s.subscription_id == sid).expect("sub");
    assert_eq!((now.seats, now.version), (8, first.version));
}

/// Groups and the organization's profile: two changes saved at once from
/// the version both editors opened, one wins and the other is a conflict
/// (on PostgreSQL both used to read the version before either wrote, and
/// the second silently undid the first: a group's Global admin role taken
/// away by an editor who may not take it, two-step verification turned
/// off again by a save of the password days).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn groups_and_the_profile_keep_the_first_of_two_saves_from_one_version() {
    use app::access::{Access, Role, RoleSet};
    let app = crate::helpers::spawn_app().await;
    let fx = app.fixture().await;
    let ctx = Ctx::operator(&app.db, &fx.org_a);
    for round in 0..5 {
        let group =
            app::groups::service::create(&ctx, &format!("Race {round}"), &Access::default())
                .await
                .expect("group");
        let saves = [Role::SalesAgent, Role::HelpdeskAgent].map(|role| {
            let (c, id) = (ctx.clone(), group.group_id.clone());
            tokio::spawn(async move {
                let access = Access {
                    roles: RoleSet {
                        agent: Some(role),
                        ..RoleSet::default()
                    },
                    ..Access::default()
                };
                app::groups::service::set_access(&c, &id, 1, &access).await
            })
        });
        let mut saved = 0;
        for save in saves {
            match save.await.expect("task") {
                Ok(_) => saved += 1,
                Err(e) => assert!(e.is_stale(), "{e:?}"),
            }
        }
        assert_eq!(saved, 1, "round {round}: exactly one group save wins");

        let profile = app::orgs::service::profile(&ctx).await.expect("profile");
        let renames = ["Left", "Right"].map(|name| {
            let c = ctx.clone();
            let name = format!("{name} {round}");
            tokio::spawn(
                async move { app::orgs::service::rename(&c, profile.version, &name).await },
            )
        });
        let mut renamed = 0;
        for rename in renames {
            match rename.await.expect("task") {
                Ok(_) => renamed += 1,
                Err(e) => assert!(e.is_stale(), "{e:?}"),
            }
        }
        assert_eq!(renamed, 1, "round {round}: exactly one rename wins");
    }
}

/// A role request approved and declined at once is answered once: the
/// answer that wins is the request's status, and the role is held exactly
/// when it was approved (five rounds, a new person each).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_role_request_answered_twice_at_once_is_answered_once() {
    use app::access::{Identity, Role, RoleSet};
    use app::role_requests::RequestStatus;
    let app = crate::helpers::spawn_app().await;
    let fx = app.fixture().await;
    let admin = Ctx::operator(&app.db, &fx.org_a);
    for round in 0..5 {
        let asker = app
            .add_user(&fx.org_a, &format!("Asker {round}"), RoleSet::default())
            .await;
        let me = Identity::new(
            asker.user_id.clone(),
            fx.org_a.clone(),
            "Org A".into(),
            asker.name.clone(),
            asker.email.clone(),
            RoleSet::default(),
            false,
        );
        let request = app::role_requests::service::create(
            &Ctx::for_identity(&app.db, me),
            Role::SalesAgent,
            "I sell",
        )
        .await
        .expect("request");
        let answers = [true, false].map(|approve| {
            let (c, id) = (admin.clone(), request.request_id.clone());
            tokio::spawn(
                async move { app::role_requests::service::decide(&c, &id, approve, "").await },
            )
        });
        let mut decided = Vec::new();
        for answer in answers {
            match answer.await.expect("task") {
                Ok(r) => decided.push(r.status),
                Err(e) => assert_eq!(e.status(), StatusCode::CONFLICT, "{e:?}"),
            }
        }
        assert_eq!(decided.len(), 1, "round {round}: one answer wins");
        let agent: Option<String> =
            sqlx::query_scalar("select agent_role from app_user where user_id = $1")
                .bind(&asker.user_id)
                .fetch_one(&app.db)
                .await
                .expect("user");
        assert_eq!(
            agent.as_deref() == Some("sales-agent"),
            decided[0] == RequestStatus::Approved,
            "round {round}: {:?} and the role {agent:?}",
            decided[0]
        );
    }
}
