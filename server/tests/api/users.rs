//! Partner user management rules, through the server functions.

use crate::helpers::{spawn_app, Caller, Fixture, TestApp, PASSWORD};
use app::access::{Role, RoleSet};
use http::StatusCode;
use serde_json::{json, Value};

fn by_role(fx: &Fixture, role: Role) -> Caller {
    fx.callers
        .iter()
        .find(|(r, _)| *r == Some(role))
        .expect("role")
        .1
        .clone()
}

async fn cookie(app: &TestApp, fx: &Fixture, c: &Caller) -> String {
    app.session_for(&c.user_id, &fx.org_a).await
}

#[tokio::test]
async fn user_management_admin_cannot_grant_or_touch_global_admin() {
    let app = spawn_app().await;
    let fx = app.fixture().await;
    let uma = by_role(&fx, Role::UserManagementAdmin);
    let ga = by_role(&fx, Role::GlobalAdmin);
    let c = cookie(&app, &fx, &uma).await;
    let t = app
        .add_user(&fx.org_a, "Plain User", RoleSet::default())
        .await;

    let (s, body) = app
        .call_as(
            "/api/users/roles",
            Some(&c),
            &json!({"user_id": t.user_id, "version": 1, "roles": {"admin": "global-admin"}}),
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN, "{body}");
    assert!(body.contains("Global admin"), "{body}");
    let (s, _) = app
        .call_as("/api/users/create", Some(&c), &json!({"user": {"display_name": "Sneaky", "email": "s@example.com", "roles": {"admin": "global-admin"}}}))
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    for path in ["/api/users/reset-password", "/api/users/remove"] {
        let (s, _) = app
            .call_as(path, Some(&c), &json!({"user_id": ga.user_id}))
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN, "{path}");
    }
    // The list says the same: no actions on the Global admin's row.
    let (_, body) = app
        .call_as(
            "/api/users/list",
            Some(&c),
            &json!({"query": {"role": "global-admin"}}),
        )
        .await;
    let page: Value = serde_json::from_str(&body).expect("page");
    let row = &page["users"][0];
    assert_eq!(row["display_name"], "Global admin");
    assert_eq!(
        row["actions"],
        json!({"can_edit": false, "can_change_roles": false, "can_reset_password": false, "can_remove": false})
    );
    // But a plain user's row offers them.
    let (_, body) = app
        .call_as("/api/users/get", Some(&c), &json!({"user_id": t.user_id}))
        .await;
    let user: Value = serde_json::from_str(&body).expect("user");
    assert_eq!(user["actions"]["can_remove"], true);
}

#[tokio::test]
async fn nobody_changes_their_own_roles() {
    let app = spawn_app().await;
    let fx = app.fixture().await;
    let ga = by_role(&fx, Role::GlobalAdmin);
    let c = cookie(&app, &fx, &ga).await;
    let (s, _) = app
        .call_as("/api/users/roles", Some(&c), &json!({"user_id": ga.user_id, "version": 1, "roles": {"agent": "admin-agent", "admin": "global-admin"}}))
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, _) = app
        .call_as(
            "/api/users/remove",
            Some(&c),
            &json!({"user_id": ga.user_id}),
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn role_changes_apply_on_the_next_request_and_removal_ends_sessions() {
    let app = spawn_app().await;
    let fx = app.fixture().await;
    let ga = by_role(&fx, Role::GlobalAdmin);
    let gc = cookie(&app, &fx, &ga).await;
    let t = app
        .add_user(&fx.org_a, "Rita Roles", RoleSet::default())
        .await;
    let tc = app.session_for(&t.user_id, &fx.org_a).await;

    let (s, _) = app
        .call_as("/api/users/list", Some(&tc), &json!({"query": {}}))
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, _) = app
        .call_as(
            "/api/users/roles",
            Some(&gc),
            &json!({"user_id": t.user_id, "version": 1, "roles": {"admin": "account-admin"}}),
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    let (s, _) = app
        .call_as("/api/users/list", Some(&tc), &json!({"query": {}}))
        .await;
    assert_eq!(s, StatusCode::OK, "the same session now has the new role");

    let (s, _) = app
        .call_as(
            "/api/users/remove",
            Some(&gc),
            &json!({"user_id": t.user_id}),
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    let (s, _) = app
        .call_as("/api/users/admins", Some(&tc), &json!({}))
        .await;
    assert_eq!(
        s,
        StatusCode::UNAUTHORIZED,
        "a removed user's session ends at once"
    );
    let (s, _) = app
        .call_as(
            "/api/auth/sign-in",
            None,
            &json!({"email": t.email, "password": PASSWORD}),
        )
        .await;
    assert_eq!(
        s,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a removed user can't sign in"
    );
    let status: String = sqlx::query_scalar("select status from app_user where user_id = $1")
        .bind(&t.user_id)
        .fetch_one(&app.db)
        .await
        .expect("record kept");
    assert_eq!(status, "removed");
}

#[tokio::test]
async fn new_user_must_change_the_temporary_password_first() {
    let app = spawn_app().await;
    let fx = app.fixture().await;
    let ac = by_role(&fx, Role::AccountAdmin);
    let c = cookie(&app, &fx, &ac).await;
    let (s, body) = app
        .call_as("/api/users/create", Some(&c), &json!({"user": {"display_name": "Fresh Face", "email": "Fresh@Example.com", "roles": {"agent": "sales-agent"}}}))
        .await;
    assert_eq!(s, StatusCode::OK, "{body}");
    let created: Value = serde_json::from_str(&body).expect("created");
    let temp = created["temporary_password"]
        .as_str()
        .expect("password")
        .to_string();
    assert_eq!(temp.len(), 29);

    // Case-insensitive unique email.
    let (s, body) = app
        .call_as(
            "/api/users/create",
            Some(&c),
            &json!({"user": {"display_name": "Dup", "email": "fresh@example.com", "roles": {}}}),
        )
        .await;
    assert_eq!(s, StatusCode::CONFLICT, "{body}");
    assert!(body.contains("already exists"));

    let res = app
        .send(
            http::Request::post("/api/auth/sign-in")
                .header("content-type", "application/json")
                .body(axum::body::Body::from(
                    json!({"email": "fresh@example.com", "password": temp}).to_string(),
                ))
                .expect("req"),
        )
        .await;
    assert_eq!(res.0, StatusCode::OK);
    assert_eq!(res.1, "\"change-password\"", "password change required");
    // Sign in again to get the cookie header.
    let req = http::Request::post("/api/auth/sign-in")
        .header("content-type", "application/json")
        .body(axum::body::Body::from(
            json!({"email": "fresh@example.com", "password": temp}).to_string(),
        ))
        .expect("req");
    let resp = tower::ServiceExt::oneshot(app.router.clone(), req)
        .await
        .expect("resp");
    let set_cookie = resp.headers()["set-cookie"]
        .to_str()
        .expect("cookie")
        .to_string();
    assert!(
        set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Strict"),
        "{set_cookie}"
    );
    let session = set_cookie.split(';').next().expect("pair").to_string();

    let (s, body) = app
        .call_as("/api/users/admins", Some(&session), &json!({}))
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN, "{body}");
    assert!(body.contains("password_change_required"), "{body}");
    let (s, body) = app
        .call_as(
            "/api/auth/change-password",
            Some(&session),
            &json!({"current_password": temp, "new_password": "password1234"}),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("password-too-common"), "{body}");
    let (s, _) = app
        .call_as(
            "/api/auth/change-password",
            Some(&session),
            &json!({"current_password": temp, "new_password": "violet-harbour-lantern"}),
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    let (s, body) = app
        .call_as("/api/users/admins", Some(&session), &json!({}))
        .await;
    assert_eq!(s, StatusCode::OK);
    assert!(body.contains("Account admin"), "{body}");
}

#[tokio::test]
async fn wrong_password_and_unknown_email_look_the_same_then_lock() {
    let app = spawn_app().await;
    let fx = app.fixture().await;
    let sa = by_role(&fx, Role::SalesAgent);
    let (s1, b1) = app
        .call_as(
            "/api/auth/sign-in",
            None,
            &json!({"email": sa.email, "password": "nope nope nope"}),
        )
        .await;
    let (s2, b2) = app
        .call_as(
            "/api/auth/sign-in",
            None,
            &json!({"email": "ghost@example.com", "password": "nope nope nope"}),
        )
        .await;
    assert_eq!((s1, &b1), (s2, &b2));
    for _ in 0..4 {
        app.call_as(
            "/api/auth/sign-in",
            None,
            &json!({"email": sa.email, "password": "still wrong!"}),
        )
        .await;
    }
    let (s, _) = app
        .call_as(
            "/api/auth/sign-in",
            None,
            &json!({"email": sa.email, "password": PASSWORD}),
        )
        .await;
    assert_eq!(
        s,
        StatusCode::TOO_MANY_REQUESTS,
        "locked after 5 failures, even with the right password"
    );
}

#[tokio::test]
async fn optimistic_concurrency_refuses_a_stale_edit() {
    let app = spawn_app().await;
    let fx = app.fixture().await;
    let ga = by_role(&fx, Role::GlobalAdmin);
    let c = cookie(&app, &fx, &ga).await;
    let t = app
        .add_user(&fx.org_a, "Vera Version", RoleSet::default())
        .await;
    let edit = |name: &str| json!({"user_id": t.user_id, "version": 1, "details": {"display_name": name, "email": t.email}});
    let (s, _) = app
        .call_as("/api/users/update", Some(&c), &edit("First Edit"))
        .await;
    assert_eq!(s, StatusCode::OK);
    let (s, body) = app
        .call_as("/api/users/update", Some(&c), &edit("Second Edit"))
        .await;
    assert_eq!(s, StatusCode::CONFLICT, "{body}");
    let (_, body) = app
        .call_as("/api/users/get", Some(&c), &json!({"user_id": t.user_id}))
        .await;
    let user: Value = serde_json::from_str(&body).expect("user");
    assert_eq!(
        (user["display_name"].as_str(), user["version"].as_i64()),
        (Some("First Edit"), Some(2))
    );
}

#[tokio::test]
async fn list_pages_searches_and_filters_on_the_server() {
    let app = spawn_app().await;
    let fx = app.fixture().await;
    for i in 0..30 {
        app.add_user(
            &fx.org_a,
            &format!("Bulk Person {i:02}"),
            RoleSet::default(),
        )
        .await;
    }
    let ga = by_role(&fx, Role::GlobalAdmin);
    let c = cookie(&app, &fx, &ga).await;
    let list = |q: Value| {
        let c = c.clone();
        let app = &app;
        async move {
            let (s, body) = app
                .call_as("/api/users/list", Some(&c), &json!({"query": q}))
                .await;
            assert_eq!(s, StatusCode::OK, "{body}");
            serde_json::from_str::<Value>(&body).expect("page")
        }
    };
    let p = list(json!({"search": "bulk person"})).await;
    assert_eq!(p["total"], 30);
    assert_eq!(p["users"].as_array().map(Vec::len), Some(25));
    let p2 = list(json!({"search": "bulk person", "page": 1})).await;
    assert_eq!(p2["users"][0]["display_name"], "Bulk Person 25");
    let admins = list(json!({"role": "global-admin"})).await;
    assert_eq!(admins["total"], 1);
    let none = list(json!({"search": "100%_"})).await;
    assert_eq!(none["total"], 0, "LIKE wildcards in the input are literal");
    let (s, body) = app
        .call_as(
            "/api/users/list",
            Some(&c),
            &json!({"query": {"role": "emperor"}}),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("role"), "{body}");
}

/// On PostgreSQL the search is index-backed (migration 0023, pg_trgm):
/// among 5,000 users, the search condition the list sends is served by the
/// name and email trigram indexes instead of reading every user, and the
/// list finds the same users through them.
#[tokio::test]
async fn the_users_search_is_index_backed_on_postgresql() {
    if crate::helpers::backend_name() != "PostgreSQL" {
        return;
    }
    let app = spawn_app().await;
    let fx = app.fixture().await;
    sqlx::query(
        "insert into app_user (user_id, org_id, display_name, email, email_lower, password_hash, created_at)
         select 'search-' || i, $1, 'Searched ' || lpad(i::text, 5, '0'),
                'searched' || i || '@search.example', 'searched' || i || '@search.example', 'x', 1
           from generate_series(0, 4999) i",
    )
    .bind(&fx.org_a)
    .execute(&app.db)
    .await
    .expect("5,000 users");
    // As autovacuum would by now: the rows join the trigram indexes' trees
    // (until then they wait in the indexes' pending lists, which every
    // search reads whole) and the planner learns the table's size.
    sqlx::query("vacuum analyze app_user")
        .execute(&app.db)
        .await
        .expect("vacuum");
    // 5,000 rows fit in a few pages, which PostgreSQL reads whole rather
    // than through any index: plans without a full read are compared here.
    let mut conn = app.db.acquire().await.expect("connection");
    sqlx::query("set enable_seqscan = off")
        .execute(&mut *conn)
        .await
        .expect("set");
    let plan: Vec<String> = sqlx::query_scalar(
        "explain select count(*) from app_user
          where org_id = $1 and status = $2
            and (lower(display_name) like $3 escape '\' or email_lower like $3 escape '\')",
    )
    .bind(&fx.org_a)
    .bind("active")
    .bind("%ched 0412%")
    .fetch_all(&mut *conn)
    .await
    .expect("plan");
    let plan = plan.join("\n");
    assert!(
        plan.contains("app_user_name_trgm") && plan.contains("app_user_email_trgm"),
        "the search reads both trigram indexes:\n{plan}"
    );
    let ga = by_role(&fx, Role::GlobalAdmin);
    let c = cookie(&app, &fx, &ga).await;
    let (s, body) = app
        .call_as(
            "/api/users/list",
            Some(&c),
            &json!({"query": {"search": "CHED 0412"}}),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{body}");
    let page: Value = serde_json::from_str(&body).expect("page");
    assert_eq!(page["total"], 10, "Searched 04120 to 04129");
    assert_eq!(page["users"][0]["display_name"], "Searched 04120");
}

/// The total of an unfiltered list comes from the counts the database keeps
/// (triggers on `app_user`); it must equal the users counted row by row (a
/// search matching every email counts them), per status and organization,
/// after adds and removals.
#[tokio::test]
async fn the_kept_user_counts_match_the_rows() {
    let app = spawn_app().await;
    let fx = app.fixture().await;
    let ga = by_role(&fx, Role::GlobalAdmin);
    let c = cookie(&app, &fx, &ga).await;
    let mut added = Vec::new();
    for name in ["Count One", "Count Two", "Count Three"] {
        added.push(app.add_user(&fx.org_a, name, RoleSet::default()).await);
    }
    app.add_user(&fx.org_b, "Elsewhere", RoleSet::default())
        .await;
    let (s, body) = app
        .call_as(
            "/api/users/remove",
            Some(&c),
            &json!({"user_id": added[0].user_id}),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{body}");

    let total = |query: Value| {
        let app = &app;
        let c = &c;
        async move {
            let (s, body) = app
                .call_as("/api/users/list", Some(c), &json!({ "query": query }))
                .await;
            assert_eq!(s, StatusCode::OK, "{body}");
            let v: Value = serde_json::from_str(&body).expect("json");
            v["total"].as_i64().expect("total")
        }
    };
    let mut totals = Vec::new();
    for status in ["", "active", "removed", "all"] {
        let kept = total(json!({ "status": status })).await;
        let counted = total(json!({ "status": status, "search": "@" })).await;
        assert_eq!(kept, counted, "status {status:?}");
        totals.push(kept);
    }
    assert_eq!(totals[2], 1, "one removed user");
    assert_eq!(totals[0] + totals[2], totals[3], "active + removed = all");
    assert_eq!(totals[0], totals[1]);

    // Every organization's kept counts, against a count of the rows.
    crate::helpers::assert_kept_counts(&app.db, "user_count", "app_user", "org_id").await;
}

/// "Last sign-in" lists the most recent sign-ins first and the users who
/// never signed in last, on both databases (PostgreSQL puts nulls first in
/// a descending order unless told otherwise).
#[tokio::test]
async fn last_sign_in_order_puts_those_who_never_signed_in_last() {
    let app = spawn_app().await;
    let fx = app.fixture().await;
    let mut ids = Vec::new();
    for name in ["Order Never", "Order Early", "Order Late"] {
        ids.push(
            app.add_user(&fx.org_a, name, RoleSet::default())
                .await
                .user_id,
        );
    }
    for (id, at) in [(&ids[1], 1_000_i64), (&ids[2], 2_000)] {
        sqlx::query("update app_user set last_sign_in_at = $1 where user_id = $2")
            .bind(at)
            .bind(id.as_str())
            .execute(&app.db)
            .await
            .expect("signed in");
    }
    let ga = by_role(&fx, Role::GlobalAdmin);
    let c = cookie(&app, &fx, &ga).await;
    let (s, body) = app
        .call_as(
            "/api/users/list",
            Some(&c),
            &json!({"query": {"search": "order ", "sort": "last-sign-in"}}),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{body}");
    let page: Value = serde_json::from_str(&body).expect("page");
    let names: Vec<&str> = page["users"]
        .as_array()
        .map(|u| {
            u.iter()
                .filter_map(|u| u["display_name"].as_str())
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(names, ["Order Late", "Order Early", "Order Never"]);
}

/// The admins a person may ask for a role include those who are Global
/// admin through a group, once each, with the highest role they hold.
#[tokio::test]
async fn the_admins_to_ask_include_global_admins_through_a_group() {
    let app = spawn_app().await;
    let fx = app.fixture().await;
    let grouped = app
        .add_user(&fx.org_a, "Grouped Admin", RoleSet::default())
        .await;
    for sql in [
        "insert into user_group (group_id, org_id, name, name_lower, admin_role, permissions, created_at)
         values ('g-ask', $1, 'Askable', 'askable', 'global-admin', '', 1)",
        "insert into group_member (group_id, user_id, org_id, added_at) values ('g-ask', $2, $1, 1)",
    ] {
        sqlx::query(sql)
            .bind(&fx.org_a)
            .bind(&grouped.user_id)
            .execute(&app.db)
            .await
            .expect(sql);
    }
    let plain = by_role(&fx, Role::SalesAgent);
    let c = cookie(&app, &fx, &plain).await;
    let (s, body) = app.call_as("/api/users/admins", Some(&c), &json!({})).await;
    assert_eq!(s, StatusCode::OK, "{body}");
    let admins: Value = serde_json::from_str(&body).expect("admins");
    let found: Vec<&Value> = admins
        .as_array()
        .map(|a| {
            a.iter()
                .filter(|a| a["display_name"] == "Grouped Admin")
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(found.len(), 1, "{admins}");
    assert_eq!(found[0]["role"], "Global admin");
}
