//! The authorization matrix: every server function × every role (and a
//! visitor), on the wire, against a real database. Allowed calls succeed;
//! forbidden ones get 403 and an error body with no data; an id from
//! another organization gets 404. A server function missing from `cases()`
//! fails `every_server_function_is_in_the_matrix`.

use crate::helpers::{spawn_app, Fixture, TestApp, PASSWORD};
use app::access::{capabilities_of, Capability, Role, RoleSet};
use http::StatusCode;
use leptos::server_fn::ServerFn;
use serde_json::{json, Value};
use std::collections::BTreeSet;

/// What a server function requires of its caller.
#[derive(Clone, Copy, Debug)]
enum Needs {
    /// Anyone, signed in or not.
    Public,
    /// Any signed-in identity.
    Login,
    /// A capability.
    Cap(Capability),
}

/// The ids a call's body may use.
struct Ids<'a> {
    /// A fresh user of the caller's organization, with no role, version 1.
    target: &'a str,
    /// The caller's own email.
    me_email: &'a str,
}

struct Case {
    path: &'static str,
    needs: Needs,
    body: fn(&Ids) -> Value,
    /// Whether the body names a user id that can be swapped for another
    /// organization's.
    takes_user_id: bool,
}

fn cases() -> Vec<Case> {
    use app::activity::{ExportActivity, ListActivity};
    use app::auth::{ChangePassword, GetIdentity, SignIn, SignOut};
    use app::system::ServerStatus;
    use app::users::{
        CreateUser, GetUser, ListAdmins, ListUsers, RemoveUser, ResetUserPassword, SetUserRoles,
        UpdateUser,
    };
    vec![
        Case {
            path: ServerStatus::PATH,
            needs: Needs::Public,
            body: |_| json!({}),
            takes_user_id: false,
        },
        Case {
            path: GetIdentity::PATH,
            needs: Needs::Public,
            body: |_| json!({}),
            takes_user_id: false,
        },
        Case {
            path: SignIn::PATH,
            needs: Needs::Public,
            body: |ids| json!({"email": ids.me_email, "password": PASSWORD}),
            takes_user_id: false,
        },
        Case {
            path: SignOut::PATH,
            needs: Needs::Login,
            body: |_| json!({"everywhere": false}),
            takes_user_id: false,
        },
        Case {
            path: ChangePassword::PATH,
            needs: Needs::Login,
            body: |_| json!({"current_password": PASSWORD, "new_password": "a-brand-new-passphrase"}),
            takes_user_id: false,
        },
        Case {
            path: ListUsers::PATH,
            needs: Needs::Cap(Capability::UsersView),
            body: |_| json!({"query": {}}),
            takes_user_id: false,
        },
        Case {
            path: GetUser::PATH,
            needs: Needs::Cap(Capability::UsersView),
            body: |ids| json!({"user_id": ids.target}),
            takes_user_id: true,
        },
        Case {
            path: CreateUser::PATH,
            needs: Needs::Cap(Capability::UsersCreate),
            body: |ids| {
                json!({"user": {"display_name": "New Person", "email": format!("new.{}@example.com", ids.target),
                                      "roles": {"agent": "sales-agent", "admin": null, "incentives": null}}})
            },
            takes_user_id: false,
        },
        Case {
            path: UpdateUser::PATH,
            needs: Needs::Cap(Capability::UsersEdit),
            body: |ids| {
                json!({"user_id": ids.target, "version": 1,
                               "details": {"display_name": "Renamed Target", "email": format!("renamed.{}@example.com", ids.target)}})
            },
            takes_user_id: true,
        },
        Case {
            path: SetUserRoles::PATH,
            needs: Needs::Cap(Capability::RolesAssign),
            body: |ids| {
                json!({"user_id": ids.target, "version": 1,
                               "roles": {"agent": "admin-agent", "admin": null, "incentives": null}})
            },
            takes_user_id: true,
        },
        Case {
            path: ResetUserPassword::PATH,
            needs: Needs::Cap(Capability::UsersResetPassword),
            body: |ids| json!({"user_id": ids.target}),
            takes_user_id: true,
        },
        Case {
            path: RemoveUser::PATH,
            needs: Needs::Cap(Capability::UsersRemove),
            body: |ids| json!({"user_id": ids.target}),
            takes_user_id: true,
        },
        Case {
            path: ListAdmins::PATH,
            needs: Needs::Login,
            body: |_| json!({}),
            takes_user_id: false,
        },
        Case {
            path: ListActivity::PATH,
            needs: Needs::Login,
            body: |_| json!({"filter": {}}),
            takes_user_id: false,
        },
        Case {
            path: ExportActivity::PATH,
            needs: Needs::Login,
            body: |_| json!({"filter": {}}),
            takes_user_id: false,
        },
    ]
}

#[test]
fn every_server_function_is_in_the_matrix() {
    let registered: BTreeSet<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(p, _)| p.to_string())
        .collect();
    let covered: BTreeSet<String> = cases().iter().map(|c| c.path.to_string()).collect();
    let missing: Vec<_> = registered.difference(&covered).collect();
    let stale: Vec<_> = covered.difference(&registered).collect();
    assert!(
        missing.is_empty(),
        "server functions missing from the matrix: {missing:?}"
    );
    assert!(
        stale.is_empty(),
        "matrix cases with no server function: {stale:?}"
    );
}

fn allowed(needs: Needs, role: Option<Role>) -> bool {
    match needs {
        Needs::Public | Needs::Login => true,
        Needs::Cap(cap) => role.is_some_and(|r| capabilities_of(r).has(cap)),
    }
}

/// Checks one (caller, call) pair; returns a description of a failure.
async fn check(app: &TestApp, fx: &Fixture, case: &Case, who: usize) -> Option<String> {
    let (role, caller) = &fx.callers[who];
    let target = app
        .add_user(&fx.org_a, &format!("Target {who}"), RoleSet::default())
        .await;
    let ids = Ids {
        target: &target.user_id,
        me_email: &caller.email,
    };
    let cookie = app.session_for(&caller.user_id, &fx.org_a).await;
    let (status, body) = app
        .call_as(case.path, Some(&cookie), &(case.body)(&ids))
        .await;
    let label = role.map(|r| r.label()).unwrap_or("No role");
    if allowed(case.needs, *role) {
        if !status.is_success() {
            return Some(format!(
                "{label} → {}: expected success, got {status}: {body}",
                case.path
            ));
        }
    } else {
        if status != StatusCode::FORBIDDEN {
            return Some(format!(
                "{label} → {}: expected 403, got {status}: {body}",
                case.path
            ));
        }
        // No data: the body is exactly an error object.
        let v: Value = serde_json::from_str(&body).unwrap_or(Value::Null);
        if v.get("kind") != Some(&json!("forbidden")) || v.as_object().map(|o| o.len()) != Some(2) {
            return Some(format!(
                "{label} → {}: 403 body carries more than the error: {body}",
                case.path
            ));
        }
    }
    None
}

#[tokio::test]
async fn every_role_against_every_server_function() {
    let mut failures = Vec::new();
    let mut pairs = 0;
    for case in cases() {
        // A fresh database per server function keeps calls independent.
        let app = spawn_app().await;
        let fx = app.fixture().await;
        for who in 0..fx.callers.len() {
            if let Some(f) = check(&app, &fx, &case, who).await {
                failures.push(f);
            }
            pairs += 1;
        }
        // A visitor: public calls answer, every other gets 401.
        let target = app
            .add_user(&fx.org_a, "Visitor Target", RoleSet::default())
            .await;
        let ids = Ids {
            target: &target.user_id,
            me_email: "nobody@example.com",
        };
        let (status, body) = app.call_as(case.path, None, &(case.body)(&ids)).await;
        match case.needs {
            Needs::Public => {}
            _ if status != StatusCode::UNAUTHORIZED => failures.push(format!(
                "visitor → {}: expected 401, got {status}: {body}",
                case.path
            )),
            _ => {}
        }
        pairs += 1;
    }
    println!("authorization matrix: {pairs} (caller, server function) pairs checked");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[tokio::test]
async fn another_organizations_ids_are_not_found() {
    let app = spawn_app().await;
    let fx = app.fixture().await;
    let ga = fx
        .callers
        .iter()
        .position(|(r, _)| *r == Some(Role::GlobalAdmin))
        .unwrap_or(3);
    let mut checked = 0;
    for case in cases().into_iter().filter(|c| c.takes_user_id) {
        let cookie = app.session_for(&fx.callers[ga].1.user_id, &fx.org_a).await;
        let ids = Ids {
            target: &fx.foreign_user,
            me_email: &fx.callers[ga].1.email,
        };
        let (status, body) = app
            .call_as(case.path, Some(&cookie), &(case.body)(&ids))
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{}: {body}", case.path);
        assert!(
            !body.contains("Foreign User"),
            "{}: leaks data: {body}",
            case.path
        );
        checked += 1;
    }
    println!("cross-organization checks: {checked} server functions");
    assert!(checked >= 5);
    // The foreign user is untouched.
    let foreign: (String, String) =
        sqlx::query_as("select display_name, status from app_user where user_id = $1")
            .bind(&fx.foreign_user)
            .fetch_one(&app.db)
            .await
            .expect("foreign user");
    assert_eq!(foreign, ("Foreign User".to_string(), "active".to_string()));
    let _ = fx.org_b;
}
