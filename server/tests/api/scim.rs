//! SCIM 2.0 at `/scim/v2`: what a directory does (create, filter, page,
//! replace, patch, delete users and groups), who may call it, the synced
//! directory mode, and every endpoint × every role in a matrix. The
//! conformance tool (scim2-tester) runs against the live server in
//! `make e2e`; it checks neither filters nor paging, which these tests do.

use crate::helpers::{spawn_app, TestApp};
use crate::matrix::Needs;
use app::access::{capabilities_of, Capability, Role, RoleKind, RoleSet};
use http::StatusCode;
use serde_json::{json, Value};

const USER: &str = "urn:ietf:params:scim:schemas:core:2.0:User";
const GROUP: &str = "urn:ietf:params:scim:schemas:core:2.0:Group";
const PATCH: &str = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

fn uma() -> RoleSet {
    RoleSet {
        admin: Some(Role::UserManagementAdmin),
        ..RoleSet::default()
    }
}

async fn setup() -> (TestApp, String, String) {
    let app = spawn_app().await;
    let org = app::orgs::service::create(&app.db, "Scim Partners")
        .await
        .expect("org");
    let sync = app.add_sync_application(&org, "Directory", uma()).await;
    (app, org, sync.secret)
}

async fn new_user(
    app: &TestApp,
    s: &str,
    name: &str,
    display: &str,
    active: bool,
    ext: Option<&str>,
) -> String {
    let mut body = json!({"schemas": [USER], "userName": name, "displayName": display, "active": active,
                          "emails": [{"value": name, "type": "work", "primary": true}]});
    if let Some(x) = ext {
        body["externalId"] = json!(x);
    }
    let (status, v) = app.scim("POST", "/Users", Some(s), &body, &[]).await;
    assert_eq!(status, StatusCode::CREATED, "{v}");
    v["id"].as_str().expect("id").to_string()
}

fn names(v: &Value) -> Vec<String> {
    let mut n: Vec<String> = v["Resources"]
        .as_array()
        .map(|r| {
            r.iter()
                .filter_map(|u| u["userName"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    n.sort();
    n
}

#[tokio::test]
async fn filters_and_paging_find_exactly_the_matching_users() {
    let (app, _org, s) = setup().await;
    new_user(
        &app,
        &s,
        "ana@contoso.example",
        "Ana Lima",
        true,
        Some("ext-1"),
    )
    .await;
    new_user(&app, &s, "bo@contoso.example", "Bo Berg", false, None).await;
    new_user(
        &app,
        &s,
        "cy@fabrikam.example",
        "Cy Ames",
        true,
        Some("ext-3"),
    )
    .await;
    let q = |f: &str| format!("/Users?filter={}", urlencode(f));
    let cases: &[(&str, &[&str])] = &[
        (
            r#"userName eq "ANA@contoso.example""#,
            &["ana@contoso.example"],
        ),
        (
            r#"userName ne "ana@contoso.example""#,
            &["bo@contoso.example", "cy@fabrikam.example"],
        ),
        (r#"displayName co "er""#, &["bo@contoso.example"]),
        (r#"userName sw "c""#, &["cy@fabrikam.example"]),
        (r#"emails co "fabrikam""#, &["cy@fabrikam.example"]),
        (
            r#"emails[type eq "work" and value ew "contoso.example"]"#,
            &["ana@contoso.example", "bo@contoso.example"],
        ),
        (
            "externalId pr",
            &["ana@contoso.example", "cy@fabrikam.example"],
        ),
        (r#"externalId eq "ext-3""#, &["cy@fabrikam.example"]),
        ("active eq false", &["bo@contoso.example"]),
        (
            r#"active eq true and userName ew "contoso.example""#,
            &["ana@contoso.example"],
        ),
        (
            r#"displayName sw "Bo" or externalId eq "ext-3""#,
            &["bo@contoso.example", "cy@fabrikam.example"],
        ),
        (r#"not (active eq true)"#, &["bo@contoso.example"]),
    ];
    for (filter, want) in cases {
        let (status, v) = app
            .scim("GET", &q(filter), Some(&s), &Value::Null, &[])
            .await;
        assert_eq!(status, StatusCode::OK, "{filter}: {v}");
        assert_eq!(names(&v), want.to_vec(), "{filter}");
        assert_eq!(v["totalResults"], want.len(), "{filter}");
    }
    // Paging: 3 users, two pages of 2.
    let (_, p1) = app
        .scim(
            "GET",
            "/Users?startIndex=1&count=2",
            Some(&s),
            &Value::Null,
            &[],
        )
        .await;
    let (_, p2) = app
        .scim(
            "GET",
            "/Users?startIndex=3&count=2",
            Some(&s),
            &Value::Null,
            &[],
        )
        .await;
    assert_eq!(p1["totalResults"], 3);
    assert_eq!(p1["itemsPerPage"], 2);
    assert_eq!(p2["itemsPerPage"], 1);
    assert_eq!(p2["startIndex"], 3);
    let mut all = names(&p1);
    all.extend(names(&p2));
    all.sort();
    assert_eq!(all.len(), 3);
    // attributes / excludedAttributes.
    let (_, v) = app
        .scim(
            "GET",
            "/Users?attributes=userName",
            Some(&s),
            &Value::Null,
            &[],
        )
        .await;
    let first = &v["Resources"][0];
    assert!(
        first["userName"].is_string() && first["displayName"].is_null() && first["id"].is_string(),
        "{first}"
    );
    let (_, v) = app
        .scim(
            "GET",
            "/Users?excludedAttributes=emails",
            Some(&s),
            &Value::Null,
            &[],
        )
        .await;
    assert!(v["Resources"][0]["emails"].is_null() && v["Resources"][0]["displayName"].is_string());
    // A filter that can't be read is a SCIM error naming it.
    let (status, v) = app
        .scim("GET", &q(r#"userName zz "x""#), Some(&s), &Value::Null, &[])
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(v["scimType"], "invalidFilter");
    assert_eq!(
        v["schemas"][0],
        "urn:ietf:params:scim:api:messages:2.0:Error"
    );
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[tokio::test]
async fn a_directory_user_is_a_console_user_without_a_password_until_reset() {
    let (app, org, s) = setup().await;
    let id = new_user(
        &app,
        &s,
        "dee@contoso.example",
        "Dee Dorn",
        true,
        Some("x-9"),
    )
    .await;
    // The console lists the user, with no role; a script with a plain secret sees the same.
    let admin = app
        .add_application(
            &org,
            "Admin",
            RoleSet {
                admin: Some(Role::GlobalAdmin),
                ..RoleSet::default()
            },
        )
        .await;
    let (status, body) = app
        .api(
            "GET",
            &format!("/users/{id}"),
            Some(&admin.secret),
            &Value::Null,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(body.contains("Dee Dorn"), "{body}");
    // No password works until an admin resets it.
    let (status, _) = app
        .call(
            "/api/auth/sign-in",
            &json!({"email": "dee@contoso.example", "password": ""}).to_string(),
        )
        .await;
    assert_ne!(status, StatusCode::OK);
    let hash: String = sqlx::query_scalar("select password_hash from app_user where user_id = $1")
        .bind(&id)
        .fetch_one(&app.db)
        .await
        .expect("hash");
    assert!(!app::auth::secrets::verify_password(&hash, "", b"k"));
    assert!(!app::auth::secrets::verify_password(&hash, &hash, b"k"));
    let (status, body) = app
        .api(
            "POST",
            &format!("/users/{id}/reset-password"),
            Some(&admin.secret),
            &Value::Null,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");

    // PATCH active=false deactivates (the console shows the user removed);
    // the ETag follows the version, and a stale If-Match gets 412.
    let (status, v) = app
        .scim("GET", &format!("/Users/{id}"), Some(&s), &Value::Null, &[])
        .await;
    assert_eq!(status, StatusCode::OK);
    let tag = v["meta"]["version"].as_str().expect("etag").to_string();
    let off = json!({"schemas": [PATCH], "Operations": [{"op": "Replace", "path": "active", "value": false}]});
    let (status, v) = app
        .scim(
            "PATCH",
            &format!("/Users/{id}"),
            Some(&s),
            &off,
            &[("if-match", &tag)],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{v}");
    assert_eq!(v["active"], false);
    let (status, _) = app
        .scim(
            "PATCH",
            &format!("/Users/{id}"),
            Some(&s),
            &off,
            &[("if-match", &tag)],
        )
        .await;
    assert_eq!(status, StatusCode::PRECONDITION_FAILED);
    let status_now: String = sqlx::query_scalar("select status from app_user where user_id = $1")
        .bind(&id)
        .fetch_one(&app.db)
        .await
        .expect("status");
    assert_eq!(status_now, "removed");
    // DELETE: 204, then 404 for the directory; the record stays for audit.
    let (status, _) = app
        .scim(
            "DELETE",
            &format!("/Users/{id}"),
            Some(&s),
            &Value::Null,
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, v) = app
        .scim("GET", &format!("/Users/{id}"), Some(&s), &Value::Null, &[])
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{v}");
    let kept: i64 = sqlx::query_scalar("select count(*) from app_user where user_id = $1")
        .bind(&id)
        .fetch_one(&app.db)
        .await
        .expect("count");
    assert_eq!(kept, 1);
    // A duplicate userName is a uniqueness conflict.
    new_user(&app, &s, "eve@contoso.example", "Eve", true, None).await;
    let (status, v) = app
        .scim(
            "POST",
            "/Users",
            Some(&s),
            &json!({"schemas": [USER], "userName": "EVE@contoso.example"}),
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{v}");
    assert_eq!(v["scimType"], "uniqueness");
}

#[tokio::test]
async fn groups_members_follow_the_directory() {
    let (app, _org, s) = setup().await;
    let a = new_user(&app, &s, "a@contoso.example", "A", true, None).await;
    let b = new_user(&app, &s, "b@contoso.example", "B", true, None).await;
    let (status, g) = app
        .scim(
            "POST",
            "/Groups",
            Some(&s),
            &json!({"schemas": [GROUP], "displayName": "Sales", "members": [{"value": a}]}),
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{g}");
    let gid = g["id"].as_str().expect("id").to_string();
    let add = json!({"schemas": [PATCH], "Operations": [{"op": "add", "path": "members", "value": [{"value": b}]}]});
    let (_, g) = app
        .scim("PATCH", &format!("/Groups/{gid}"), Some(&s), &add, &[])
        .await;
    assert_eq!(g["members"].as_array().map(Vec::len), Some(2), "{g}");
    let remove = json!({"schemas": [PATCH], "Operations": [{"op": "remove", "path": format!("members[value eq \"{a}\"]")}]});
    let (_, g) = app
        .scim("PATCH", &format!("/Groups/{gid}"), Some(&s), &remove, &[])
        .await;
    assert_eq!(
        g["members"],
        json!([{"value": b, "$ref": format!("http://scim.test/scim/v2/Users/{b}")}])
    );
    let members: Vec<String> =
        sqlx::query_scalar("select user_id from group_member where group_id = $1")
            .bind(&gid)
            .fetch_all(&app.db)
            .await
            .expect("members");
    assert_eq!(members, vec![b.clone()]);
    let (_, v) = app
        .scim(
            "GET",
            &format!("/Groups?filter={}", urlencode("displayName eq \"sales\"")),
            Some(&s),
            &Value::Null,
            &[],
        )
        .await;
    assert_eq!(v["totalResults"], 1);
    let (status, _) = app
        .scim(
            "DELETE",
            &format!("/Groups/{gid}"),
            Some(&s),
            &Value::Null,
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) = app
        .scim(
            "GET",
            &format!("/Groups/{gid}"),
            Some(&s),
            &Value::Null,
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn only_a_directory_sync_secret_gets_in_and_never_to_another_organization() {
    let (app, org, s) = setup().await;
    let (status, v) = app.scim("GET", "/Users", None, &Value::Null, &[]).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{v}");
    assert_eq!(
        v["schemas"][0],
        "urn:ietf:params:scim:api:messages:2.0:Error"
    );
    let plain = app.add_application(&org, "Plain", uma()).await;
    let (status, v) = app
        .scim("GET", "/Users", Some(&plain.secret), &Value::Null, &[])
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{v}");
    assert!(
        v["detail"]
            .as_str()
            .is_some_and(|d| d.contains("may not sync")),
        "{v}"
    );

    let id = new_user(&app, &s, "own@contoso.example", "Own", true, None).await;
    let other = app::orgs::service::create(&app.db, "Other Partners")
        .await
        .expect("org");
    let foreign = app.add_sync_application(&other, "Foreign dir", uma()).await;
    for (method, body) in [
        ("GET", Value::Null),
        (
            "PUT",
            json!({"schemas": [USER], "userName": "stolen@x.example", "displayName": "Stolen"}),
        ),
        (
            "PATCH",
            json!({"schemas": [PATCH], "Operations": [{"op": "replace", "path": "displayName", "value": "X"}]}),
        ),
        ("DELETE", Value::Null),
    ] {
        let (status, v) = app
            .scim(
                method,
                &format!("/Users/{id}"),
                Some(&foreign.secret),
                &body,
                &[],
            )
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{method}: {v}");
    }
    let (_, v) = app
        .scim("GET", "/Users", Some(&foreign.secret), &Value::Null, &[])
        .await;
    assert_eq!(v["totalResults"], 0);
    let (_, v) = app
        .scim("GET", &format!("/Users/{id}"), Some(&s), &Value::Null, &[])
        .await;
    assert_eq!(v["displayName"], "Own");
}

#[tokio::test]
async fn a_synced_organization_refuses_creation_outside_the_directory() {
    let (app, org, s) = setup().await;
    let admin = app
        .add_application(
            &org,
            "Admin",
            RoleSet {
                admin: Some(Role::GlobalAdmin),
                ..RoleSet::default()
            },
        )
        .await;
    let (status, body) = app
        .api(
            "PUT",
            "/organization/directory-mode",
            Some(&admin.secret),
            &json!({"version": 1, "mode": "synced"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    for (path, body) in [
        (
            "/users",
            json!({"display_name": "X", "email": "x@contoso.example", "roles": {}}),
        ),
        ("/groups", json!({"name": "Console group"})),
        ("/applications", json!({"name": "Another app"})),
    ] {
        let (status, text) = app.api("POST", path, Some(&admin.secret), &body).await;
        assert_eq!(status, StatusCode::CONFLICT, "{path}: {text}");
        assert!(text.contains("come from its directory"), "{path}: {text}");
    }
    // The directory still creates; roles are still assigned in the console.
    let id = new_user(&app, &s, "syn@contoso.example", "Syn", true, None).await;
    let (status, body) = app
        .api(
            "PUT",
            &format!("/users/{id}/roles"),
            Some(&admin.secret),
            &json!({"version": 1, "roles": {"agent": "sales-agent"}}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = app
        .api(
            "PUT",
            "/organization/directory-mode",
            Some(&admin.secret),
            &json!({"version": 2, "mode": "sideways"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
}

/// SCIM endpoints with what each needs of the directory application's roles.
fn endpoints() -> Vec<(&'static str, &'static str, Needs)> {
    use Capability as C;
    const GROUP_READERS: &[Capability] = &[C::GroupsManage, C::UsersView];
    vec![
        ("GET", "/ServiceProviderConfig", Needs::Login),
        ("GET", "/ResourceTypes", Needs::Login),
        ("GET", "/ResourceTypes/User", Needs::Login),
        ("GET", "/Schemas", Needs::Login),
        (
            "GET",
            "/Schemas/urn:ietf:params:scim:schemas:core:2.0:User",
            Needs::Login,
        ),
        ("GET", "/Users", Needs::Cap(C::UsersView)),
        ("POST", "/Users", Needs::Cap(C::UsersCreate)),
        ("POST", "/Users/.search", Needs::Cap(C::UsersView)),
        ("POST", "/.search", Needs::Cap(C::UsersView)),
        ("GET", "/Users/{user}", Needs::Cap(C::UsersView)),
        ("PUT", "/Users/{user}", Needs::Cap(C::UsersEdit)),
        ("PATCH", "/Users/{user}", Needs::Cap(C::UsersEdit)),
        ("DELETE", "/Users/{user}", Needs::Cap(C::UsersRemove)),
        ("GET", "/Groups", Needs::Any(GROUP_READERS)),
        ("POST", "/Groups", Needs::Cap(C::GroupsManage)),
        ("POST", "/Groups/.search", Needs::Any(GROUP_READERS)),
        ("GET", "/Groups/{group}", Needs::Any(GROUP_READERS)),
        ("PUT", "/Groups/{group}", Needs::Cap(C::GroupsManage)),
        ("PATCH", "/Groups/{group}", Needs::Cap(C::GroupsManage)),
        ("DELETE", "/Groups/{group}", Needs::Cap(C::GroupsManage)),
    ]
}

fn body_for(method: &str, path: &str, n: usize) -> Value {
    match (method, path) {
        ("POST", "/Users") => {
            json!({"schemas": [USER], "userName": format!("new{n}@contoso.example"), "displayName": "New"})
        }
        ("PUT", "/Users/{user}") => {
            json!({"schemas": [USER], "userName": format!("put{n}@contoso.example"), "displayName": "Put", "active": true})
        }
        ("POST", "/Groups") => json!({"schemas": [GROUP], "displayName": format!("New group {n}")}),
        ("PUT", "/Groups/{group}") => {
            json!({"schemas": [GROUP], "displayName": format!("Put group {n}")})
        }
        ("PATCH", _) => {
            json!({"schemas": [PATCH], "Operations": [{"op": "replace", "path": "displayName", "value": format!("Patched {n}")}]})
        }
        (_, p) if p.ends_with(".search") => {
            json!({"schemas": ["urn:ietf:params:scim:api:messages:2.0:SearchRequest"], "count": 5})
        }
        _ => Value::Null,
    }
}

#[tokio::test]
async fn every_role_against_every_scim_endpoint() {
    let app = spawn_app().await;
    let org = app::orgs::service::create(&app.db, "Matrix Partners")
        .await
        .expect("org");
    let seeder = app.add_sync_application(&org, "Seeder", uma()).await;
    let mut failures = Vec::new();
    let mut pairs = 0;
    let roles: Vec<Option<Role>> = Role::ALL.into_iter().map(Some).chain([None]).collect();
    for (n, role) in roles.iter().enumerate() {
        let mut set = RoleSet::default();
        match role.map(Role::kind) {
            Some(RoleKind::Agent) => set.agent = *role,
            Some(RoleKind::Admin) => set.admin = *role,
            Some(RoleKind::Incentives) => set.incentives = *role,
            None => {}
        }
        let caller = app
            .add_sync_application(&org, &format!("Dir {n}"), set)
            .await;
        let have = role.map(capabilities_of);
        for (i, (method, route, needs)) in endpoints().into_iter().enumerate() {
            let k = n * 100 + i;
            let user = new_user(
                &app,
                &seeder.secret,
                &format!("t{k}@contoso.example"),
                "Target",
                true,
                None,
            )
            .await;
            let (_, g) = app
                .scim(
                    "POST",
                    "/Groups",
                    Some(&seeder.secret),
                    &json!({"schemas": [GROUP], "displayName": format!("G{k}")}),
                    &[],
                )
                .await;
            let group = g["id"].as_str().unwrap_or_default().to_string();
            let path = route.replace("{user}", &user).replace("{group}", &group);
            let (status, v) = app
                .scim(
                    method,
                    &path,
                    Some(&caller.secret),
                    &body_for(method, route, k),
                    &[],
                )
                .await;
            let allowed = match needs {
                Needs::Login => true,
                Needs::Cap(c) => have.is_some_and(|h| h.has(c)),
                Needs::Any(cs) => have.is_some_and(|h| cs.iter().any(|c| h.has(*c))),
                _ => false,
            };
            let label = role.map(|r| r.label()).unwrap_or("No role");
            if allowed && !status.is_success() {
                failures.push(format!(
                    "{label} → {method} {route}: expected success, got {status}: {v}"
                ));
            }
            if !allowed
                && (status != StatusCode::FORBIDDEN
                    || v.get("Resources").is_some()
                    || v.get("id").is_some())
            {
                failures.push(format!(
                    "{label} → {method} {route}: expected 403 without data, got {status}: {v}"
                ));
            }
            pairs += 1;
        }
    }
    println!("SCIM authorization matrix: {pairs} (role, endpoint) pairs checked");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// A directory application that is a User management admin can't bring
/// back, rename or delete a Global admin, also one who is Global admin only
/// through a group (only direct Global admins were spared before).
#[tokio::test]
async fn a_user_management_directory_leaves_a_group_global_admin_alone() {
    let (app, org, s) = setup().await;
    let id = new_user(&app, &s, "gga@contoso.example", "Group GA", true, None).await;
    for sql in [
        "insert into user_group (group_id, org_id, name, name_lower, admin_role, permissions, created_at)
         values ('g-admins', $1, 'Admins', 'admins', 'global-admin', '', 1)",
        "insert into group_member (group_id, user_id, org_id, added_at) values ('g-admins', $2, $1, 1)",
        "update app_user set status = 'removed', removed_at = 1 where user_id = $2 and org_id = $1",
    ] {
        sqlx::query(sql)
            .bind(&org)
            .bind(&id)
            .execute(&app.db)
            .await
            .expect(sql);
    }
    let on = json!({"schemas": [PATCH], "Operations": [{"op": "Replace", "path": "active", "value": true}]});
    let (status, v) = app
        .scim("PATCH", &format!("/Users/{id}"), Some(&s), &on, &[])
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{v}");
    let rename = json!({"schemas": [USER], "userName": "gga@contoso.example", "displayName": "Renamed", "active": false});
    let (status, v) = app
        .scim("PUT", &format!("/Users/{id}"), Some(&s), &rename, &[])
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{v}");
    let (status, v) = app
        .scim(
            "DELETE",
            &format!("/Users/{id}"),
            Some(&s),
            &Value::Null,
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{v}");
    let (status, name): (String, String) =
        sqlx::query_as("select status, display_name from app_user where user_id = $1")
            .bind(&id)
            .fetch_one(&app.db)
            .await
            .expect("user");
    assert_eq!((status.as_str(), name.as_str()), ("removed", "Group GA"));
}
