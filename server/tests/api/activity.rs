//! Issue 5: each mutating server function writes its activity entry, with
//! the right actor and fields, in the same transaction as the change.

use crate::helpers::{spawn_app, Fixture, TestApp, PASSWORD};
use app::access::{Role, RoleSet};
use http::StatusCode;
use serde_json::{json, Value};

/// (operation, actor_id, target_id, changes JSON) of every entry, oldest first.
async fn entries(
    app: &TestApp,
    org_id: &str,
) -> Vec<(String, Option<String>, Option<String>, String)> {
    sqlx::query_as(
        "select operation, actor_id, target_id, changes from activity where org_id = $1 order by at, activity_id",
    )
    .bind(org_id)
    .fetch_all(&app.db)
    .await
    .expect("activity")
}

async fn count(app: &TestApp) -> i64 {
    sqlx::query_scalar("select count(*) from activity")
        .fetch_one(&app.db)
        .await
        .expect("count")
}

fn ga(fx: &Fixture) -> &crate::helpers::Caller {
    &fx.callers
        .iter()
        .find(|(r, _)| *r == Some(Role::GlobalAdmin))
        .expect("ga")
        .1
}

/// Calls `path` as the fixture's Global admin and returns the newest entry.
async fn call_and_last(
    app: &TestApp,
    fx: &Fixture,
    path: &str,
    body: Value,
) -> (String, Option<String>, Option<String>, Vec<Value>) {
    let me = ga(fx);
    let cookie = app.session_for(&me.user_id, &fx.org_a).await;
    let (status, text) = app.call_as(path, Some(&cookie), &body).await;
    assert!(status.is_success(), "{path}: {status} {text}");
    let all = entries(app, &fx.org_a).await;
    let (op, actor, target, changes) = all.last().cloned().expect("an entry");
    let changes: Vec<Value> = serde_json::from_str(&changes).expect("changes json");
    (op, actor, target, changes)
}

fn change<'a>(changes: &'a [Value], field: &str) -> &'a Value {
    changes
        .iter()
        .find(|c| c["field"] == field)
        .unwrap_or(&Value::Null)
}

#[tokio::test]
async fn create_user_records_fields_and_hides_the_password() {
    let app = spawn_app().await;
    let fx = app.fixture().await;
    let (op, actor, target, changes) = call_and_last(
        &app,
        &fx,
        "/api/users/create",
        json!({"user": {"display_name": "Nora New", "email": "nora@example.com",
                        "roles": {"agent": "helpdesk-agent", "admin": null, "incentives": null}}}),
    )
    .await;
    assert_eq!(op, "user-created");
    assert_eq!(actor.as_deref(), Some(ga(&fx).user_id.as_str()));
    assert!(target.is_some());
    assert_eq!(change(&changes, "email")["after"], "nora@example.com");
    assert_eq!(change(&changes, "agent role")["after"], "Helpdesk agent");
    let secret = change(&changes, "temporary password");
    assert_eq!(secret["secret"], true);
    assert!(secret["after"].is_null());
}

#[tokio::test]
async fn update_roles_reset_and_remove_record_before_and_after() {
    let app = spawn_app().await;
    let fx = app.fixture().await;
    let t = app
        .add_user(&fx.org_a, "Tom Target", RoleSet::default())
        .await;

    let (op, _, target, changes) = call_and_last(
        &app,
        &fx,
        "/api/users/update",
        json!({"user_id": t.user_id, "version": 1, "details": {"display_name": "Tom Renamed", "email": t.email}}),
    )
    .await;
    assert_eq!(
        (op.as_str(), target.as_deref()),
        ("user-updated", Some(t.user_id.as_str()))
    );
    assert_eq!(change(&changes, "name")["before"], "Tom Target");
    assert_eq!(change(&changes, "name")["after"], "Tom Renamed");
    assert!(
        change(&changes, "email").is_null(),
        "unchanged fields are not listed"
    );

    let (op, _, _, changes) = call_and_last(
        &app,
        &fx,
        "/api/users/roles",
        json!({"user_id": t.user_id, "version": 2, "roles": {"agent": null, "admin": "billing-admin", "incentives": null}}),
    )
    .await;
    assert_eq!(op, "user-roles-changed");
    assert!(change(&changes, "admin role")["before"].is_null());
    assert_eq!(change(&changes, "admin role")["after"], "Billing admin");

    let (op, _, _, changes) = call_and_last(
        &app,
        &fx,
        "/api/users/reset-password",
        json!({"user_id": t.user_id}),
    )
    .await;
    assert_eq!(op, "user-password-reset");
    assert_eq!(change(&changes, "password")["secret"], true);

    let (op, _, _, changes) = call_and_last(
        &app,
        &fx,
        "/api/users/remove",
        json!({"user_id": t.user_id}),
    )
    .await;
    assert_eq!(op, "user-removed");
    assert_eq!(change(&changes, "status")["after"], "removed");
}

#[tokio::test]
async fn sign_in_out_and_password_change_are_recorded() {
    let app = spawn_app().await;
    let fx = app.fixture().await;
    let me = ga(&fx).clone();
    let (status, _) = app
        .call_as(
            "/api/auth/sign-in",
            None,
            &json!({"email": me.email, "password": "wrong password!"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, _) = app
        .call_as(
            "/api/auth/sign-in",
            None,
            &json!({"email": me.email, "password": PASSWORD}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (op, ..) = call_and_last(
        &app,
        &fx,
        "/api/auth/change-password",
        json!({"current_password": PASSWORD, "new_password": "a-brand-new-passphrase"}),
    )
    .await;
    assert_eq!(op, "password-changed");
    let (op, ..) = call_and_last(
        &app,
        &fx,
        "/api/auth/sign-out",
        json!({"everywhere": false}),
    )
    .await;
    assert_eq!(op, "signed-out");
    let ops: Vec<String> = entries(&app, &fx.org_a)
        .await
        .into_iter()
        .map(|e| e.0)
        .collect();
    let tail: Vec<&str> = ops.iter().rev().take(4).rev().map(String::as_str).collect();
    assert_eq!(
        tail,
        [
            "sign-in-failed",
            "signed-in",
            "password-changed",
            "signed-out"
        ]
    );
}

#[tokio::test]
async fn failed_changes_write_nothing() {
    let app = spawn_app().await;
    let fx = app.fixture().await;
    let t = app
        .add_user(&fx.org_a, "Tina Target", RoleSet::default())
        .await;
    let before = count(&app).await;
    let me = ga(&fx);
    let cookie = app.session_for(&me.user_id, &fx.org_a).await;
    // Validation error.
    let (s, _) = app
        .call_as(
            "/api/users/create",
            Some(&cookie),
            &json!({"user": {"display_name": "", "email": "bad", "roles": {}}}),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    // Conflict: stale version.
    let (s, _) = app
        .call_as(
            "/api/users/update",
            Some(&cookie),
            &json!({"user_id": t.user_id, "version": 7, "details": {"display_name": "X", "email": t.email}}),
        )
        .await;
    assert_eq!(s, StatusCode::CONFLICT);
    // 403: a Helpdesk agent may not remove users.
    let helpdesk = &fx
        .callers
        .iter()
        .find(|(r, _)| *r == Some(Role::HelpdeskAgent))
        .expect("ha")
        .1;
    let hcookie = app.session_for(&helpdesk.user_id, &fx.org_a).await;
    let (s, _) = app
        .call_as(
            "/api/users/remove",
            Some(&hcookie),
            &json!({"user_id": t.user_id}),
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    assert_eq!(count(&app).await, before, "no entry for failed changes");
    let name: String = sqlx::query_scalar("select display_name from app_user where user_id = $1")
        .bind(&t.user_id)
        .fetch_one(&app.db)
        .await
        .expect("user");
    assert_eq!(name, "Tina Target");
}

#[tokio::test]
async fn a_failure_after_the_entry_rolls_back_both() {
    // A change runs, its entry is recorded, then a later statement fails and
    // the unit of work is dropped: neither the change nor the entry remains.
    let app = spawn_app().await;
    let org = app::orgs::service::create(&app.db, "Solo")
        .await
        .expect("org");
    let ga1 = app
        .add_user(
            &org,
            "Only Admin",
            RoleSet {
                admin: Some(Role::GlobalAdmin),
                ..RoleSet::default()
            },
        )
        .await;
    let ga2 = app
        .add_user(
            &org,
            "Second Admin",
            RoleSet {
                admin: Some(Role::GlobalAdmin),
                ..RoleSet::default()
            },
        )
        .await;
    use app::activity::service::{Actor, Target, Work};
    use app::activity::Operation;
    let before = count(&app).await;
    {
        let mut work = Work::begin(&app.db, &Actor::operator(&org))
            .await
            .expect("work");
        sqlx::query("update app_user set display_name = 'Changed' where user_id = $1")
            .bind(&ga2.user_id)
            .execute(work.conn())
            .await
            .expect("update");
        work.record(
            Operation::UserUpdated,
            Target::user(&ga2.user_id, "Changed"),
            vec![],
        );
        // A later statement fails: the work is dropped without commit.
        let failed = sqlx::query("insert into app_user (user_id) values ($1)")
            .bind(&ga1.user_id)
            .execute(work.conn())
            .await;
        assert!(failed.is_err());
    }
    assert_eq!(count(&app).await, before);
    let name: String = sqlx::query_scalar("select display_name from app_user where user_id = $1")
        .bind(&ga2.user_id)
        .fetch_one(&app.db)
        .await
        .expect("user");
    assert_eq!(name, "Second Admin");
}

#[tokio::test]
async fn a_commit_without_an_entry_is_refused() {
    let app = spawn_app().await;
    let org = app::orgs::service::create(&app.db, "Strict")
        .await
        .expect("org");
    let mut work = app::activity::service::Work::begin(
        &app.db,
        &app::activity::service::Actor::operator(&org),
    )
    .await
    .expect("work");
    sqlx::query("update organization set name = 'Renamed silently' where org_id = $1")
        .bind(&org)
        .execute(work.conn())
        .await
        .expect("update");
    assert!(work.commit().await.is_err());
    let name: String = sqlx::query_scalar("select name from organization where org_id = $1")
        .bind(&org)
        .fetch_one(&app.db)
        .await
        .expect("org");
    assert_eq!(name, "Strict");
}

#[tokio::test]
async fn visibility_and_export() {
    let app = spawn_app().await;
    let fx = app.fixture().await;
    // A user whose name a spreadsheet would run as a formula.
    let t = app
        .add_user(&fx.org_a, "=HYPERLINK(1)", RoleSet::default())
        .await;
    let me = ga(&fx);
    let cookie = app.session_for(&me.user_id, &fx.org_a).await;
    let (s, _) = app
        .call_as(
            "/api/users/reset-password",
            Some(&cookie),
            &json!({"user_id": t.user_id}),
        )
        .await;
    assert_eq!(s, StatusCode::OK);

    let (s, body) = app
        .call_as(
            "/api/activity/export",
            Some(&cookie),
            &json!({"filter": {}}),
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    // Streamed in parts after the number of entries, ending with `Done`.
    let steps = crate::helpers::steps(&body);
    let total = steps[0]["Started"]["total"].as_u64().unwrap_or(0);
    assert!(total >= 12, "{body}");
    assert_eq!(steps.last(), Some(&json!("Done")), "{body}");
    let csv: String = steps
        .iter()
        .filter_map(|s| s["Part"]["csv"].as_str())
        .collect();
    assert_eq!(
        csv.lines().count() as u64,
        total + 1,
        "the header and every entry"
    );
    assert!(csv.contains("'=HYPERLINK(1)"), "{csv}");
    assert!(!csv.contains(",=HYPERLINK"), "{csv}");

    // The Global admin sees the whole organization; a Sales agent only their own.
    let (_, body) = app
        .call_as("/api/activity/list", Some(&cookie), &json!({"filter": {}}))
        .await;
    let page: Value = serde_json::from_str(&body).expect("page");
    assert_eq!(page["whole_organization"], true);
    assert!(page["total"].as_i64().unwrap_or(0) >= 12);
    let sales = &fx
        .callers
        .iter()
        .find(|(r, _)| *r == Some(Role::SalesAgent))
        .expect("sa")
        .1;
    let scookie = app.session_for(&sales.user_id, &fx.org_a).await;
    let (_, body) = app
        .call_as("/api/activity/list", Some(&scookie), &json!({"filter": {}}))
        .await;
    let page: Value = serde_json::from_str(&body).expect("page");
    assert_eq!(page["whole_organization"], false);
    assert_eq!(page["total"], 0, "{body}");

    // Filters: by target name and operation.
    let (_, body) = app
        .call_as(
            "/api/activity/list",
            Some(&cookie),
            &json!({"filter": {"target": "hyperlink", "operation": "user-password-reset"}}),
        )
        .await;
    let page: Value = serde_json::from_str(&body).expect("page");
    assert_eq!(page["total"], 1, "{body}");
    let (s, body) = app
        .call_as(
            "/api/activity/list",
            Some(&cookie),
            &json!({"filter": {"from": "not a date"}}),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
}

/// Behind trusted proxies the activity log records the address the
/// outermost one saw (the entry as many places from the right of
/// `X-Forwarded-For` as there are proxies), never one the client made up.
#[tokio::test]
async fn behind_a_trusted_proxy_the_log_keeps_the_proxys_address() {
    // The client wrote "6.6.6.6"; the outer proxy saw 203.0.113.7; the inner
    // one saw the outer proxy (10.0.0.2).
    for (hops, expected) in [(1, Some("10.0.0.2")), (2, Some("203.0.113.7")), (0, None)] {
        let app = crate::helpers::spawn_app_behind(hops).await;
        let fx = app.fixture().await;
        let email = &fx.callers[0].1.email;
        let req = http::Request::post("/api/auth/sign-in")
            .header("content-type", "application/json")
            .header("x-forwarded-for", "6.6.6.6, 203.0.113.7, 10.0.0.2")
            .body(axum::body::Body::from(
                json!({"email": email, "password": "wrong password here"}).to_string(),
            ))
            .expect("request");
        let (status, _) = app.send(req).await;
        assert_ne!(status, StatusCode::OK);
        let addr: Option<String> = sqlx::query_scalar(
            "select client_addr from activity where operation = 'sign-in-failed'",
        )
        .fetch_one(&app.db)
        .await
        .expect("entry");
        assert_eq!(addr.as_deref(), expected, "proxy hops = {hops}");
    }
}

/// The log's export comes in parts of 2,000 entries, newest first; entries
/// at the same millisecond are neither lost nor repeated between parts.
#[tokio::test]
async fn the_export_comes_in_parts_with_every_entry_once_newest_first() {
    let app = spawn_app().await;
    let fx = app.fixture().await;
    let me = ga(&fx);
    let cookie = app.session_for(&me.user_id, &fx.org_a).await;
    let mut tx = app.db.begin().await.expect("transaction");
    for i in 0..4_500i64 {
        // Five instants only: a thousand entries share each.
        sqlx::query(
            "insert into activity (activity_id, org_id, at, actor_kind, actor_name, operation,
                                   target_kind, target_name, changes)
             values ($1, $2, $3, 'user', 'Bulk', 'user-created', 'user', $4, '[]')",
        )
        .bind(format!("bulk-{i:05}"))
        .bind(&fx.org_a)
        .bind(1_000 + i / 1_000)
        .bind(format!("Bulk target {i}"))
        .execute(&mut *tx)
        .await
        .expect("entry");
    }
    tx.commit().await.expect("commit");
    let (s, body) = app
        .call_as(
            "/api/activity/export",
            Some(&cookie),
            &json!({"filter": {"target": "bulk target"}}),
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    let steps = crate::helpers::steps(&body);
    assert_eq!(steps[0], json!({"Started": {"total": 4500}}));
    let rows: Vec<i64> = steps
        .iter()
        .filter_map(|s| s["Part"]["rows"].as_i64())
        .collect();
    assert_eq!(rows, [2_000, 4_000, 4_500]);
    assert_eq!(steps.last(), Some(&json!("Done")));
    let csv: String = steps
        .iter()
        .filter_map(|s| s["Part"]["csv"].as_str())
        .collect();
    let targets: Vec<&str> = csv
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').nth(4))
        .collect();
    let distinct: std::collections::BTreeSet<&str> = targets.iter().copied().collect();
    assert_eq!((targets.len(), distinct.len()), (4_500, 4_500));
    assert_eq!(targets.first(), Some(&"Bulk target 4499"), "newest first");
    assert_eq!(targets.last(), Some(&"Bulk target 0"));
}
