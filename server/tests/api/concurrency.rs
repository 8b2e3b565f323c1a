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
        // Eight users without the licence.
        let mut ids = Vec::new();
        for i in 0..8 {
            let u = app::customer_users::service::create(
                &ctx,
                &customer.customer_id,
                &new_user(&format!("m{round}x{i}"), vec![]),
            )
            .await
            .expect("user");
            ids.push(u.user.customer_user_id);
        }
        // Eight "Manage licences" and eight creations with the licence, at once.
        let mut tasks = Vec::new();
        for (i, id) in ids.iter().enumerate() {
            let (c, change) = (
                ctx.clone(),
                LicenceChange {
                    customer_id: customer.customer_id.clone(),
                    user_ids: vec![id.clone()],
                    add: vec![sub.subscription_id.clone()],
                    remove: vec![],
                },
            );
            tasks.push(tokio::spawn(async move {
                app::customer_users::service::manage_licences(&c, &change).await
            }));
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
    let mut ids = Vec::new();
    for i in 0..4 {
        let u = app::customer_users::service::create(
            &ctx,
            &customer.customer_id,
            &new_user(&format!("s{i}"), vec![]),
        )
        .await
        .expect("user");
        ids.push(u.user.customer_user_id);
    }
    let mut tasks = Vec::new();
    for (i, id) in ids.iter().enumerate() {
        let (c, change) = (
            ctx.clone(),
            LicenceChange {
                customer_id: customer.customer_id.clone(),
                user_ids: vec![id.clone()],
                add: vec![sub.subscription_id.clone()],
                remove: vec![],
            },
        );
        tasks.push(tokio::spawn(async move {
            app::customer_users::service::manage_licences(&c, &change)
                .await
                .map(|_| ())
        }));
        let (c, sid) = (ctx.clone(), sub.subscription_id.clone());
        let seats = 1 + i as i64;
        tasks.push(tokio::spawn(async move {
            app::subscriptions::service::set_seats(&c, &sid, seats)
                .await
                .map(|_| ())
        }));
    }
    for task in tasks {
        if let Err(e) = task.await.expect("task") {
            assert_eq!(e.status(), StatusCode::UNPROCESSABLE_ENTITY, "{e:?}");
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
