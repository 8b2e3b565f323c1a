//! Groups, custom permissions, bulk actions, role requests and the
//! organization profile, through the server functions.

use crate::helpers::{spawn_app, Caller, Fixture, TestApp};
use app::access::{Capability, Identity, Role, RoleSet};
use http::StatusCode;
use leptos::server_fn::ServerFn;
use serde_json::{json, Value};

/// Fixture callers by position in `Role::ALL` (the last one has no role).
const GLOBAL_ADMIN: usize = 3;
const BILLING_ADMIN: usize = 4;
const USER_MANAGEMENT_ADMIN: usize = 5;
const ACCOUNT_ADMIN: usize = 6;
const NO_ROLE: usize = 9;

/// The fixture's caller at `index`, checking it holds `role`.
fn caller(fx: &Fixture, index: usize, role: Option<Role>) -> Caller {
    let (held, c) = &fx.callers[index];
    assert_eq!(*held, role, "fixture caller {index}");
    c.clone()
}

async fn cookie(app: &TestApp, fx: &Fixture, c: &Caller) -> String {
    app.session_for(&c.user_id, &fx.org_a).await
}

/// Calls a server function and parses the body as JSON (`Null` if it isn't).
async fn call(app: &TestApp, cookie: &str, path: &str, body: Value) -> (StatusCode, Value) {
    let (status, text) = app.call_as(path, Some(cookie), &body).await;
    let value = serde_json::from_str(&text).unwrap_or(Value::Null);
    (status, value)
}

/// Like [`call`], asserting success.
async fn ok(app: &TestApp, cookie: &str, path: &str, body: Value) -> Value {
    let (status, value) = call(app, cookie, path, body.clone()).await;
    assert_eq!(status, StatusCode::OK, "{path} {body}: {value}");
    value
}

/// The identity of the holder of `cookie`, as the identity call returns it.
async fn identity(app: &TestApp, cookie: &str) -> Identity {
    let body = ok(app, cookie, app::auth::GetIdentity::PATH, json!({})).await;
    serde_json::from_value::<Option<Identity>>(body.clone())
        .unwrap_or_else(|e| panic!("identity {body}: {e}"))
        .expect("signed in")
}

/// The status of the customers list for the holder of `cookie`.
async fn customers_status(app: &TestApp, cookie: &str) -> StatusCode {
    let path = app::customers::ListCustomers::PATH;
    app.call_as(path, Some(cookie), &json!({"query": {}}))
        .await
        .0
}

/// The names in a result's `changed` list, sorted.
fn changed(result: &Value) -> Vec<String> {
    let mut names: Vec<String> = result["changed"]
        .as_array()
        .unwrap_or_else(|| panic!("changed: {result}"))
        .iter()
        .map(|n| n.as_str().expect("name").to_string())
        .collect();
    names.sort();
    names
}

/// The (name, reason) pairs in a result's `skipped` list.
fn skipped(result: &Value) -> Vec<(String, String)> {
    result["skipped"]
        .as_array()
        .unwrap_or_else(|| panic!("skipped: {result}"))
        .iter()
        .map(|s| {
            (
                s["name"].as_str().expect("name").to_string(),
                s["reason"].as_str().expect("reason").to_string(),
            )
        })
        .collect()
}

/// Whether a 422 body names `field`.
fn names_field(body: &Value, field: &str) -> bool {
    body["kind"] == "validation" && body[field].is_array()
}

async fn count(app: &TestApp, sql: &str, bind: &str) -> i64 {
    sqlx::query_scalar(sql)
        .bind(bind)
        .fetch_one(&app.db)
        .await
        .expect("count")
}

#[tokio::test]
async fn group_role_reaches_members_on_next_request() {
    use app::groups::{AddGroupMembers, CreateGroup, GetGroup, RemoveGroupMembers, SetGroupAccess};
    let app = spawn_app().await;
    let fx = app.fixture().await;
    let ga = caller(&fx, GLOBAL_ADMIN, Some(Role::GlobalAdmin));
    let member = caller(&fx, NO_ROLE, None);
    let gc = cookie(&app, &fx, &ga).await;
    let mc = cookie(&app, &fx, &member).await;

    let created = ok(
        &app,
        &gc,
        CreateGroup::PATH,
        json!({"name": "Sales team", "access": {"roles": {"agent": "sales-agent", "admin": null, "incentives": null}}}),
    )
    .await;
    let group_id = created["group_id"].as_str().expect("group id").to_string();
    assert_eq!(created["name"], "Sales team");

    assert_eq!(customers_status(&app, &mc).await, StatusCode::FORBIDDEN);
    let added = ok(
        &app,
        &gc,
        AddGroupMembers::PATH,
        json!({"group_id": group_id, "user_ids": [member.user_id]}),
    )
    .await;
    assert_eq!(changed(&added), vec![member.name.clone()], "{added}");
    assert!(skipped(&added).is_empty(), "{added}");
    assert_eq!(
        customers_status(&app, &mc).await,
        StatusCode::OK,
        "the same session gets the group's role on its next request"
    );
    let me = identity(&app, &mc).await;
    assert!(me.holds(Role::SalesAgent), "{me:?}");
    assert!(me.roles.roles().next().is_none(), "no role of their own");
    assert!(me.can(Capability::LeadsManage));
    assert_eq!(me.groups.len(), 1);
    assert_eq!(me.groups[0].group_id, group_id);

    // The group's access changes: the member has the new role next time.
    let detail = ok(&app, &gc, GetGroup::PATH, json!({"group_id": group_id})).await;
    assert_eq!(detail["group"]["member_count"], 1, "{detail}");
    assert_eq!(detail["members"][0]["user_id"], member.user_id.as_str());
    let version = detail["group"]["version"].as_i64().expect("version");
    let helpdesk = json!({"roles": {"agent": "helpdesk-agent", "admin": null, "incentives": null}, "permissions": {}});
    let updated = ok(
        &app,
        &gc,
        SetGroupAccess::PATH,
        json!({"group_id": group_id, "version": version, "access": helpdesk}),
    )
    .await;
    assert_eq!(updated["access"]["roles"]["agent"], "helpdesk-agent");
    assert_eq!(updated["version"], version + 1);
    let me = identity(&app, &mc).await;
    assert!(me.holds(Role::HelpdeskAgent), "{me:?}");
    assert!(!me.holds(Role::SalesAgent), "{me:?}");
    assert!(!me.can(Capability::LeadsManage), "Sales agent only");
    assert!(me.can(Capability::CustomerInvoicesView), "Helpdesk agent");
    // A stale version is refused and changes nothing.
    let (s, body) = call(
        &app,
        &gc,
        SetGroupAccess::PATH,
        json!({"group_id": group_id, "version": version, "access": {"roles": {"agent": "admin-agent"}}}),
    )
    .await;
    assert_eq!(s, StatusCode::CONFLICT, "{body}");
    assert!(identity(&app, &mc).await.holds(Role::HelpdeskAgent));

    let removed = ok(
        &app,
        &gc,
        RemoveGroupMembers::PATH,
        json!({"group_id": group_id, "user_ids": [member.user_id]}),
    )
    .await;
    assert_eq!(changed(&removed), vec![member.name.clone()], "{removed}");
    assert_eq!(customers_status(&app, &mc).await, StatusCode::FORBIDDEN);
    let me = identity(&app, &mc).await;
    assert!(me.groups.is_empty() && me.capabilities.is_empty(), "{me:?}");
    let ops: Vec<String> = sqlx::query_scalar(
        "select operation from activity where target_id = $1 and operation like 'group-member-%' order by at",
    )
    .bind(&member.user_id)
    .fetch_all(&app.db)
    .await
    .expect("activity");
    assert_eq!(ops, vec!["group-member-added", "group-member-removed"]);
}

#[tokio::test]
async fn custom_permissions_grant_and_cannot_escalate() {
    use app::users::{ExplainUserAccess, GetUser, SetUserPermissions};
    let app = spawn_app().await;
    let fx = app.fixture().await;
    let ga = caller(&fx, GLOBAL_ADMIN, Some(Role::GlobalAdmin));
    let uma = caller(&fx, USER_MANAGEMENT_ADMIN, Some(Role::UserManagementAdmin));
    let gc = cookie(&app, &fx, &ga).await;
    let uc = cookie(&app, &fx, &uma).await;
    let carla = app
        .add_user(&fx.org_a, "Custom Carla", RoleSet::default())
        .await;
    let other = app
        .add_user(&fx.org_a, "Other Otto", RoleSet::default())
        .await;
    let cc = cookie(&app, &fx, &carla).await;

    let user = ok(
        &app,
        &gc,
        SetUserPermissions::PATH,
        json!({"user_id": carla.user_id, "version": 1, "permissions": {"billing": "read"}}),
    )
    .await;
    assert_eq!(user["permissions"], json!({"billing": "read"}));
    assert_eq!(user["version"], 2);
    let me = identity(&app, &cc).await;
    assert!(me.can(Capability::CustomerInvoicesView), "{me:?}");
    assert!(!me.can(Capability::Billing), "read gives no write: {me:?}");
    assert!(
        !me.can(Capability::CustomersView),
        "other workspaces: {me:?}"
    );
    assert!(me.roles.roles().next().is_none());

    // Account settings (read) include the organization's activity log,
    // which only a Global admin holds: a User management admin can't give it.
    let (s, body) = call(
        &app,
        &uc,
        SetUserPermissions::PATH,
        json!({"user_id": other.user_id, "version": 1, "permissions": {"account-settings": "read"}}),
    )
    .await;
    assert_eq!(s, StatusCode::FORBIDDEN, "{body}");
    assert!(
        body.to_string().contains("Account settings"),
        "the refusal says what: {body}"
    );
    let row: (String, i64) =
        sqlx::query_as("select permissions, version from app_user where user_id = $1")
            .bind(&other.user_id)
            .fetch_one(&app.db)
            .await
            .expect("row");
    assert_eq!(row, (String::new(), 1), "the row is unchanged");
    let seen = ok(&app, &gc, GetUser::PATH, json!({"user_id": other.user_id})).await;
    assert_eq!(seen["permissions"], json!({}));
    // What the User management admin can grant, they can give.
    let given = ok(
        &app,
        &uc,
        SetUserPermissions::PATH,
        json!({"user_id": other.user_id, "version": 1, "permissions": {"customers": "read"}}),
    )
    .await;
    assert_eq!(given["permissions"], json!({"customers": "read"}));

    let explained = ok(
        &app,
        &gc,
        ExplainUserAccess::PATH,
        json!({"user_id": carla.user_id}),
    )
    .await;
    let rows = explained.as_array().expect("list");
    let invoices = rows
        .iter()
        .find(|r| r["capability"] == "customer-invoices-view")
        .unwrap_or_else(|| panic!("customer-invoices-view explained: {explained}"));
    let sources: Vec<&str> = invoices["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(
        sources.iter().any(|s| s.starts_with("Custom: Billing")),
        "{sources:?}"
    );
    assert!(
        rows.iter().all(|r| r["capability"] != "billing"),
        "{explained}"
    );
    // Anyone may read their own explanation.
    let own = ok(
        &app,
        &cc,
        ExplainUserAccess::PATH,
        json!({"user_id": carla.user_id}),
    )
    .await;
    assert_eq!(own, explained);
}

#[tokio::test]
async fn members_cannot_change_their_own_group_and_nobody_adds_themselves() {
    use app::groups::{AddGroupMembers, CreateGroup, GetGroup, SetGroupAccess};
    use app::users::BulkUsers;
    let app = spawn_app().await;
    let fx = app.fixture().await;
    let ga = caller(&fx, GLOBAL_ADMIN, Some(Role::GlobalAdmin));
    let uma = caller(&fx, USER_MANAGEMENT_ADMIN, Some(Role::UserManagementAdmin));
    let gc = cookie(&app, &fx, &ga).await;
    let uc = cookie(&app, &fx, &uma).await;

    let created = ok(
        &app,
        &gc,
        CreateGroup::PATH,
        json!({"name": "Support desk", "access": {"roles": {"agent": "helpdesk-agent"}, "permissions": {"subscriptions": "read"}}}),
    )
    .await;
    let group_id = created["group_id"].as_str().expect("id").to_string();
    ok(
        &app,
        &gc,
        AddGroupMembers::PATH,
        json!({"group_id": group_id, "user_ids": [uma.user_id]}),
    )
    .await;

    // The member manages groups, but not the one they belong to.
    let detail = ok(&app, &uc, GetGroup::PATH, json!({"group_id": group_id})).await;
    assert_eq!(detail["group"]["actions"]["can_change_access"], false);
    assert!(
        detail["locked_reason"]
            .as_str()
            .is_some_and(|r| r.contains("belong")),
        "{detail}"
    );
    let (s, body) = call(
        &app,
        &uc,
        SetGroupAccess::PATH,
        json!({"group_id": group_id, "version": 1, "access": {"roles": {"agent": "admin-agent"}}}),
    )
    .await;
    assert_eq!(s, StatusCode::FORBIDDEN, "{body}");
    let stored: (Option<String>, i64) =
        sqlx::query_as("select agent_role, version from user_group where group_id = $1")
            .bind(&group_id)
            .fetch_one(&app.db)
            .await
            .expect("group");
    assert_eq!(stored, (Some("helpdesk-agent".into()), 1), "unchanged");
    // The Global admin, not a member, may.
    let (s, body) = call(
        &app,
        &gc,
        SetGroupAccess::PATH,
        json!({"group_id": group_id, "version": 1, "access": {"roles": {"agent": "admin-agent"}}}),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{body}");

    // Nobody adds themselves to a group, by the group's page or in bulk.
    let empty = app.add_group(&fx.org_a, "Empty group").await;
    for (c, who) in [(&gc, &ga), (&uc, &uma)] {
        let result = ok(
            &app,
            c,
            AddGroupMembers::PATH,
            json!({"group_id": empty, "user_ids": [who.user_id]}),
        )
        .await;
        assert!(changed(&result).is_empty(), "{result}");
        let skips = skipped(&result);
        assert_eq!(skips.len(), 1, "{result}");
        assert_eq!(skips[0].0, who.name);
        assert!(skips[0].1.starts_with("users-skip-thats-you"), "{result}");
        let result = ok(
            &app,
            c,
            BulkUsers::PATH,
            json!({"target": {"ids": [who.user_id]}, "action": {"add-to-group": empty}}),
        )
        .await;
        assert!(changed(&result).is_empty(), "{result}");
        assert_eq!(skipped(&result).len(), 1, "{result}");
        assert!(skipped(&result)[0].1.starts_with("users-skip-thats-you"));
    }
    let members = count(
        &app,
        "select count(*) from group_member where group_id = $1",
        &empty,
    )
    .await;
    assert_eq!(members, 0);
}

#[tokio::test]
async fn bulk_assign_skips_what_the_caller_cannot_touch() {
    use app::groups::{AddGroupMembers, CreateGroup};
    use app::users::BulkUsers;
    let app = spawn_app().await;
    let fx = app.fixture().await;
    let ga = caller(&fx, GLOBAL_ADMIN, Some(Role::GlobalAdmin));
    let uma = caller(&fx, USER_MANAGEMENT_ADMIN, Some(Role::UserManagementAdmin));
    let gc = cookie(&app, &fx, &ga).await;
    let uc = cookie(&app, &fx, &uma).await;
    let mut plain = Vec::new();
    for name in ["Bulk Ada", "Bulk Bob", "Bulk Cy"] {
        plain.push(app.add_user(&fx.org_a, name, RoleSet::default()).await);
    }
    let ids: Vec<&str> = plain.iter().map(|u| u.user_id.as_str()).collect();
    let names: Vec<String> = plain.iter().map(|u| u.name.clone()).collect();

    let roles_changed = "select count(*) from activity where operation = 'user-roles-changed'";
    let before = count(&app, &format!("{roles_changed} and org_id = $1"), &fx.org_a).await;
    assert_eq!(before, 0, "no role changed yet");
    let result = ok(
        &app,
        &uc,
        BulkUsers::PATH,
        json!({"target": {"ids": [ids[0], ids[1], ids[2], ga.user_id]}, "action": {"assign-role": "admin-agent"}}),
    )
    .await;
    assert_eq!(changed(&result), names, "{result}");
    let skips = skipped(&result);
    assert_eq!(skips.len(), 1, "{result}");
    assert_eq!(skips[0].0, ga.name);
    assert!(skips[0].1.contains("global-admin"), "a reason: {result}");
    let after = count(&app, &format!("{roles_changed} and org_id = $1"), &fx.org_a).await;
    assert_eq!(after - before, 3, "one entry per user changed");
    let by_uma = count(
        &app,
        &format!("{roles_changed} and actor_id = $1"),
        &uma.user_id,
    )
    .await;
    assert_eq!(by_uma, 3);
    for id in &ids {
        let agent: Option<String> =
            sqlx::query_scalar("select agent_role from app_user where user_id = $1")
                .bind(id)
                .fetch_one(&app.db)
                .await
                .expect("user");
        assert_eq!(agent.as_deref(), Some("admin-agent"));
    }
    let ga_agent: Option<String> =
        sqlx::query_scalar("select agent_role from app_user where user_id = $1")
            .bind(&ga.user_id)
            .fetch_one(&app.db)
            .await
            .expect("ga");
    assert_eq!(ga_agent, None, "the Global admin is untouched");

    // "Every matching user" with a group filter covers that group's members only.
    let group = app.add_group(&fx.org_a, "Bulk pair").await;
    ok(
        &app,
        &gc,
        AddGroupMembers::PATH,
        json!({"group_id": group, "user_ids": [ids[0], ids[1]]}),
    )
    .await;
    let matching = json!({"search": "", "role": "", "group": group, "partner_id": "", "status": "", "sort": "", "page": 0});
    let result = ok(
        &app,
        &uc,
        BulkUsers::PATH,
        json!({"target": {"matching": matching}, "action": {"remove-role": "admin-agent"}}),
    )
    .await;
    assert_eq!(changed(&result), names[..2].to_vec(), "{result}");
    assert!(skipped(&result).is_empty(), "{result}");
    let cy: Option<String> =
        sqlx::query_scalar("select agent_role from app_user where user_id = $1")
            .bind(ids[2])
            .fetch_one(&app.db)
            .await
            .expect("cy");
    assert_eq!(cy.as_deref(), Some("admin-agent"), "not in the group");

    // Removing: the Global admin can't remove themselves.
    let result = ok(
        &app,
        &gc,
        BulkUsers::PATH,
        json!({"target": {"ids": [ga.user_id]}, "action": "remove"}),
    )
    .await;
    assert!(changed(&result).is_empty(), "{result}");
    let skips = skipped(&result);
    assert_eq!(skips.len(), 1, "{result}");
    assert!(skips[0].1.starts_with("users-skip-thats-you"), "{result}");
    // A Global admin through a group may act on the only Global admin by
    // role, but the organization's last Global admin stays.
    let admins = ok(
        &app,
        &gc,
        CreateGroup::PATH,
        json!({"name": "Admins", "access": {"roles": {"admin": "global-admin"}}}),
    )
    .await;
    let via_group = &plain[2];
    ok(
        &app,
        &gc,
        AddGroupMembers::PATH,
        json!({"group_id": admins["group_id"], "user_ids": [via_group.user_id]}),
    )
    .await;
    let vc = cookie(&app, &fx, via_group).await;
    for action in [json!("remove"), json!({"remove-role": "global-admin"})] {
        let result = ok(
            &app,
            &vc,
            BulkUsers::PATH,
            json!({"target": {"ids": [ga.user_id]}, "action": action}),
        )
        .await;
        assert!(changed(&result).is_empty(), "{action}: {result}");
        let skips = skipped(&result);
        assert_eq!(skips.len(), 1, "{result}");
        assert!(skips[0].1.contains("last-global-admin"), "{result}");
    }
    let ga_row: (String, Option<String>) =
        sqlx::query_as("select status, admin_role from app_user where user_id = $1")
            .bind(&ga.user_id)
            .fetch_one(&app.db)
            .await
            .expect("ga");
    assert_eq!(ga_row, ("active".into(), Some("global-admin".into())));
}

#[tokio::test]
async fn role_request_flow() {
    use app::role_requests::{DecideRoleRequest, MyRoleRequests, RequestRole, RoleRequestInbox};
    let app = spawn_app().await;
    let fx = app.fixture().await;
    let ga = caller(&fx, GLOBAL_ADMIN, Some(Role::GlobalAdmin));
    let billing = caller(&fx, BILLING_ADMIN, Some(Role::BillingAdmin));
    let asker = caller(&fx, NO_ROLE, None);
    let gc = cookie(&app, &fx, &ga).await;
    let bc = cookie(&app, &fx, &billing).await;
    let ac = cookie(&app, &fx, &asker).await;

    let (s, body) = call(
        &app,
        &ac,
        RequestRole::PATH,
        json!({"role": "helpdesk-agent", "reason": "   "}),
    )
    .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(names_field(&body, "reason"), "{body}");
    let reason = "I answer customers' tickets.";
    let filed = ok(
        &app,
        &ac,
        RequestRole::PATH,
        json!({"role": "helpdesk-agent", "reason": reason}),
    )
    .await;
    assert_eq!(filed["status"], "pending");
    assert_eq!(filed["reason"], reason);
    let request_id = filed["request_id"].as_str().expect("id").to_string();
    let (s, body) = call(
        &app,
        &ac,
        RequestRole::PATH,
        json!({"role": "helpdesk-agent", "reason": "Again, please."}),
    )
    .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "duplicate: {body}");
    assert!(names_field(&body, "role"), "{body}");
    let pending = count(
        &app,
        "select count(*) from role_request where user_id = $1",
        &asker.user_id,
    )
    .await;
    assert_eq!(pending, 1);

    assert!(identity(&app, &gc).await.pending_role_requests >= 1);
    let inbox = ok(&app, &gc, RoleRequestInbox::PATH, json!({})).await;
    let listed = inbox
        .as_array()
        .expect("list")
        .iter()
        .find(|r| r["request_id"] == request_id.as_str())
        .unwrap_or_else(|| panic!("in the inbox: {inbox}"));
    assert_eq!(listed["user_id"], asker.user_id.as_str());
    assert_eq!(listed["role"], "helpdesk-agent");
    let (s, body) = call(&app, &bc, RoleRequestInbox::PATH, json!({})).await;
    assert_eq!(s, StatusCode::FORBIDDEN, "{body}");

    assert_eq!(customers_status(&app, &ac).await, StatusCode::FORBIDDEN);
    let comment = "Welcome to the helpdesk";
    let decided = ok(
        &app,
        &gc,
        DecideRoleRequest::PATH,
        json!({"request_id": request_id, "approve": true, "comment": comment}),
    )
    .await;
    assert_eq!(decided["status"], "approved", "{decided}");
    assert_eq!(
        customers_status(&app, &ac).await,
        StatusCode::OK,
        "the role is given at once"
    );
    assert!(identity(&app, &ac).await.roles.has(Role::HelpdeskAgent));
    let mine = ok(&app, &ac, MyRoleRequests::PATH, json!({})).await;
    assert_eq!(mine[0]["request_id"], request_id.as_str(), "{mine}");
    assert_eq!(mine[0]["status"], "approved");
    assert_eq!(mine[0]["comment"], comment);
    assert_eq!(mine[0]["decided_by_name"], ga.name.as_str());
    assert_eq!(identity(&app, &gc).await.pending_role_requests, 0);

    let (s, body) = call(
        &app,
        &gc,
        DecideRoleRequest::PATH,
        json!({"request_id": request_id, "approve": false, "comment": ""}),
    )
    .await;
    assert_eq!(s, StatusCode::CONFLICT, "{body}");
    let mine = ok(&app, &ac, MyRoleRequests::PATH, json!({})).await;
    assert_eq!(mine[0]["status"], "approved", "unchanged");

    let requested: Vec<Option<String>> =
        sqlx::query_scalar("select actor_id from activity where operation = 'role-requested'")
            .fetch_all(&app.db)
            .await
            .expect("activity");
    assert_eq!(requested, vec![Some(asker.user_id.clone())]);
    let approved: Vec<(Option<String>, Option<String>)> = sqlx::query_as(
        "select actor_id, target_id from activity where operation = 'role-request-approved'",
    )
    .fetch_all(&app.db)
    .await
    .expect("activity");
    assert_eq!(
        approved,
        vec![(Some(ga.user_id.clone()), Some(asker.user_id.clone()))]
    );
}

#[tokio::test]
async fn org_profile_and_partner_ids() {
    use app::orgs::{AddLocation, GetOrgProfile, RemoveLocation, RenameOrg};
    use app::users::{CreateUser, ListUsers};
    let app = spawn_app().await;
    let fx = app.fixture().await;
    let aa = caller(&fx, ACCOUNT_ADMIN, Some(Role::AccountAdmin));
    let c = cookie(&app, &fx, &aa).await;

    let location = |id: &str, place: &str| json!({"location": {"partner_id": id, "location": place, "country": "France"}});
    ok(&app, &c, AddLocation::PATH, location("P-100", "Paris")).await;
    let profile = ok(&app, &c, AddLocation::PATH, location("P-200", "Lyon")).await;
    let ids: Vec<&str> = profile["locations"]
        .as_array()
        .expect("locations")
        .iter()
        .filter_map(|l| l["partner_id"].as_str())
        .collect();
    assert_eq!(ids, vec!["P-200", "P-100"], "by location name");
    let (s, body) = call(&app, &c, AddLocation::PATH, location("P-100", "Nice")).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(names_field(&body, "partner_id"), "{body}");

    let new_user = |email: &str, partner_id: &str| json!({"user": {"display_name": "Pat Partner", "email": email, "roles": {}, "partner_id": partner_id}});
    let (s, body) = call(
        &app,
        &c,
        CreateUser::PATH,
        new_user("pat@example.com", "P-999"),
    )
    .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(names_field(&body, "partner_id"), "{body}");
    let created = ok(
        &app,
        &c,
        CreateUser::PATH,
        new_user("pat@example.com", "P-100"),
    )
    .await;
    let pat = created["user"]["user_id"].as_str().expect("id").to_string();
    assert_eq!(created["user"]["partner_id"], "P-100");

    let listed = ok(
        &app,
        &c,
        ListUsers::PATH,
        json!({"query": {"partner_id": "P-100"}}),
    )
    .await;
    assert_eq!(listed["total"], 1, "{listed}");
    assert_eq!(listed["users"][0]["user_id"], pat.as_str());
    let other = ok(
        &app,
        &c,
        ListUsers::PATH,
        json!({"query": {"partner_id": "P-200"}}),
    )
    .await;
    assert_eq!(other["total"], 0, "{other}");

    let (s, body) = call(
        &app,
        &c,
        RemoveLocation::PATH,
        json!({"partner_id": "P-100"}),
    )
    .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(names_field(&body, "partner_id"), "{body}");
    let profile = ok(
        &app,
        &c,
        RemoveLocation::PATH,
        json!({"partner_id": "P-200"}),
    )
    .await;
    let left: Vec<(&str, i64)> = profile["locations"]
        .as_array()
        .expect("locations")
        .iter()
        .map(|l| {
            (
                l["partner_id"].as_str().expect("id"),
                l["users"].as_i64().expect("users"),
            )
        })
        .collect();
    assert_eq!(left, vec![("P-100", 1)]);

    let profile = ok(&app, &c, GetOrgProfile::PATH, json!({})).await;
    let version = profile["version"].as_i64().expect("version");
    let renamed = ok(
        &app,
        &c,
        RenameOrg::PATH,
        json!({"version": version, "name": "Org A Renamed"}),
    )
    .await;
    assert_eq!(renamed["name"], "Org A Renamed");
    assert_eq!(renamed["version"], version + 1);
    let (s, body) = call(
        &app,
        &c,
        RenameOrg::PATH,
        json!({"version": version, "name": "Org A Again"}),
    )
    .await;
    assert_eq!(s, StatusCode::CONFLICT, "{body}");
    let name: String = sqlx::query_scalar("select name from organization where org_id = $1")
        .bind(&fx.org_a)
        .fetch_one(&app.db)
        .await
        .expect("org");
    assert_eq!(name, "Org A Renamed");
}
