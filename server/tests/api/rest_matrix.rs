//! The authorization matrix of `/api/v1`: every API route × an application
//! of every role (and one with none), on the wire. Allowed calls succeed;
//! forbidden ones get 403 with an error body and no data; no secret gets
//! 401; another organization's ids get 404. A route missing from `cases()`
//! fails `every_api_route_is_in_the_matrix`, and one missing from the
//! OpenAPI document fails `the_openapi_document_lists_every_route`.

use crate::helpers::{spawn_app, TestApp};
use crate::matrix::{allowed, wanted, Ids, Needs};
use app::access::{Capability, Role, RoleKind, RoleSet};
use http::StatusCode;
use serde_json::{json, Value};
use std::collections::BTreeSet;

struct ApiCase {
    method: &'static str,
    /// The route as declared (`/users/{user_id}`).
    route: &'static str,
    needs: Needs,
    /// The concrete path for these ids.
    path: fn(&Ids) -> String,
    /// The JSON body (`Null` for none).
    body: fn(&Ids) -> Value,
    /// Whether the path or body names an id of the caller's organization.
    scoped: bool,
}

fn none(_: &Ids) -> Value {
    Value::Null
}

macro_rules! case {
    ($method:literal $route:literal, $needs:expr, $path:expr, $body:expr, $scoped:expr) => {
        ApiCase {
            method: $method,
            route: $route,
            needs: $needs,
            path: $path,
            body: $body,
            scoped: $scoped,
        }
    };
}

fn cases() -> Vec<ApiCase> {
    use Capability as C;
    const GROUP_READERS: &[Capability] = &[C::GroupsManage, C::UsersView];
    const PROFILE_READERS: &[Capability] =
        &[C::PartnerProfilesView, C::OrgProfileManage, C::UsersView];
    const DEVICE_VIEWERS: &[Capability] = &[C::DeviceListsAdd, C::DeviceProfilesManage];
    const SUBSCRIPTION_READERS: &[Capability] = &[C::SubscriptionsView, C::CustomerUsersManage];
    let cu = Needs::Cap(C::CustomerUsersManage);
    vec![
        case!("GET" "/me", Needs::Login, |_| "/me".into(), none, false),
        case!("GET" "/leads", Needs::Cap(C::LeadsManage), |_| "/leads".into(), none, false),
        case!("POST" "/leads", Needs::Cap(C::LeadsManage), |_| "/leads".into(),
            |_| json!({"company": "Fourth Coffee", "contact_name": "Flo", "contact_email": "flo@fourth.example"}), false),
        case!("PUT" "/leads/{lead_id}/status", Needs::Cap(C::LeadsManage), |ids| format!("/leads/{}/status", ids.lead),
            |_| json!({"version": 1, "status": "qualified"}), true),
        case!("POST" "/leads/{lead_id}/convert", Needs::AllAndAny(C::LeadsManage, &[C::CustomersCreate]),
            |ids| format!("/leads/{}/convert", ids.lead),
            |ids| json!({"version": 1, "domain": format!("c{}.example", crate::helpers::unique_part(ids.target))}), true),
        case!("GET" "/resellers", Needs::Cap(C::ResellerRegister), |_| "/resellers".into(), none, false),
        case!("POST" "/resellers", Needs::Cap(C::ResellerRegister), |_| "/resellers".into(),
            |ids| json!({"company": "Litware", "country": "France", "contact_email": "var@litware.example",
                         "reseller_id": format!("V{}", crate::helpers::unique_part(ids.target))}), false),
        case!("GET" "/delegated-admin", Needs::Any(&[C::DelegatedAdminRequest, C::AdministerOnBehalf]),
            |_| "/delegated-admin?status=granted".into(), none, false),
        case!("POST" "/customers/{customer_id}/delegated-admin/answer", Needs::Cap(C::DelegatedAdminRequest),
            |ids| format!("/customers/{}/delegated-admin/answer", ids.customer.customer_id),
            |_| json!({"version": 1, "accepted": true}), true),
        case!("POST" "/customers/{customer_id}/delegated-admin/end", Needs::Cap(C::DelegatedAdminRequest),
            |ids| format!("/customers/{}/delegated-admin/end?version=1", ids.customer.customer_id), none, true),
        case!("POST" "/customers/{customer_id}/administer-on-behalf", Needs::Cap(C::AdministerOnBehalf),
            |ids| format!("/customers/{}/administer-on-behalf", ids.customer.customer_id), none, true),
        // Incentives.
        case!("GET" "/incentives/programs", Needs::Any(&[C::IncentivesEnrolmentsView, C::IncentivesProgramsManage]),
            |_| "/incentives/programs".into(), none, false),
        case!("GET" "/incentives/enrolments", Needs::Cap(C::IncentivesEnrolmentsView),
            |_| "/incentives/enrolments".into(), none, false),
        case!("POST" "/incentives/enrolments", Needs::Cap(C::IncentivesEnroll), |_| "/incentives/enrolments".into(),
            |ids| json!({"program_id": "security-adoption", "partner_id": ids.location, "contact_user_id": ids.contact}), true),
        case!("GET" "/incentives/enrolment-choices", Needs::Any(&[C::IncentivesEnroll, C::IncentivesMigrate]),
            |_| "/incentives/enrolment-choices".into(), none, false),
        case!("POST" "/incentives/enrolments/{enrolment_id}/migrate", Needs::Cap(C::IncentivesMigrate),
            |ids| format!("/incentives/enrolments/{}/migrate", ids.enrolment),
            |ids| json!({"version": 1, "program_id": "security-adoption", "partner_id": ids.location}), true),
        case!("POST" "/incentives/enrolments/{enrolment_id}/withdraw", Needs::Cap(C::IncentivesProgramsManage),
            |ids| format!("/incentives/enrolments/{}/withdraw", ids.enrolment), |_| json!({"version": 1}), true),
        case!("GET" "/incentives/bank-tax-profile", Needs::Cap(C::IncentivesBankTaxEdit),
            |_| "/incentives/bank-tax-profile".into(), none, false),
        case!("PUT" "/incentives/bank-tax-profile", Needs::Cap(C::IncentivesBankTaxEdit),
            |_| "/incentives/bank-tax-profile".into(),
            |_| json!({"version": 0, "account_holder": "Org A", "bank_name": "Bank",
                       "account_number": "GB29 NWBK 6016 1331 9268 19", "tax_id": "GB123456789",
                       "tax_country": "United Kingdom", "vat_registered": false}), false),
        case!("GET" "/incentives/reports", Needs::Any(&[C::IncentivesReportsView, C::IncentivesReportsViewAll]),
            |_| "/incentives/reports?from=2026-01&to=2026-12".into(), none, false),
        case!("GET" "/incentives/reports/export", Needs::Any(&[C::IncentivesReportsView, C::IncentivesReportsViewAll]),
            |_| "/incentives/reports/export".into(), none, false),
        // Pricing and billing.
        case!("GET" "/pricing", Needs::Cap(C::PricingView), |_| "/pricing?search=exchange".into(), none, false),
        case!("GET" "/customers/{customer_id}/offers", Needs::Cap(C::SubscriptionsManage),
            |ids| format!("/customers/{}/offers", ids.customer.customer_id), none, true),
        case!("POST" "/customers/{customer_id}/purchases", Needs::Cap(C::SubscriptionsManage),
            |ids| format!("/customers/{}/purchases", ids.customer.customer_id),
            |_| json!({"offer_id": "m365-e3-annual", "seats": 5}), true),
        case!("GET" "/invoices", Needs::Cap(C::Billing), |_| "/invoices".into(), none, false),
        case!("GET" "/invoices/{invoice_id}", Needs::Cap(C::Billing), |ids| format!("/invoices/{}", ids.invoice), none, true),
        case!("GET" "/invoices/{invoice_id}/csv", Needs::Cap(C::Billing), |ids| format!("/invoices/{}/csv", ids.invoice), none, true),
        case!("GET" "/customers/{customer_id}/invoices", Needs::Cap(C::CustomerInvoicesView),
            |ids| format!("/customers/{}/invoices", ids.customer.customer_id), none, true),
        // Devices.
        case!("GET" "/device-customers", Needs::Any(DEVICE_VIEWERS), |_| "/device-customers?search=customer".into(), none, false),
        case!("GET" "/customers/{customer_id}/devices", Needs::Any(DEVICE_VIEWERS),
            |ids| format!("/customers/{}/devices?search=sn", ids.customer.customer_id), none, true),
        case!("POST" "/customers/{customer_id}/device-lists/validate", Needs::Cap(C::DeviceListsAdd),
            |ids| format!("/customers/{}/device-lists/validate", ids.customer.customer_id),
            |_| json!({"csv": "Device serial number,Hardware hash\nV-1,not base64\n"}), true),
        case!("POST" "/customers/{customer_id}/device-lists", Needs::Cap(C::DeviceListsAdd),
            |ids| format!("/customers/{}/device-lists", ids.customer.customer_id),
            |ids| json!({"name": "Batch", "csv": format!("Device serial number\nA-{}\n", crate::helpers::unique_part(ids.target))}), true),
        case!("POST" "/customers/{customer_id}/devices/profile", Needs::Cap(C::DeviceProfilesManage),
            |ids| format!("/customers/{}/devices/profile", ids.customer.customer_id),
            |ids| json!({"device_ids": [ids.devices.device_id], "profile_id": ids.devices.profile_id}), true),
        case!("GET" "/device-profiles", Needs::Cap(C::DeviceProfilesManage), |_| "/device-profiles".into(), none, false),
        case!("POST" "/device-profiles", Needs::Cap(C::DeviceProfilesManage), |_| "/device-profiles".into(),
            |ids| json!({"name": format!("New {}", crate::helpers::unique_part(ids.target)), "settings": {"skip_licence_terms": true}}), false),
        case!("PUT" "/device-profiles/{profile_id}", Needs::Cap(C::DeviceProfilesManage),
            |ids| format!("/device-profiles/{}", ids.devices.profile_id),
            |ids| json!({"version": 1, "name": format!("Renamed {}", crate::helpers::unique_part(ids.target))}), true),
        case!("DELETE" "/device-profiles/{profile_id}", Needs::Cap(C::DeviceProfilesManage),
            |ids| format!("/device-profiles/{}?version=1", ids.devices.profile_id), none, true),
        case!("GET" "/agreements", Needs::Cap(C::AgreementsView), |_| "/agreements".into(), none, false),
        // Support tickets.
        case!("GET" "/support/tickets", Needs::Cap(C::TicketsView),
            |ids| format!("/support/tickets?status=open&customer_id={}", ids.customer.customer_id), none, true),
        case!("POST" "/support/tickets", Needs::Cap(C::CustomerTicketsCreate), |_| "/support/tickets".into(),
            |ids| json!({"customer_id": ids.customer.customer_id, "title": "Invoice too high",
                         "description": "Two seats too many.", "severity": "low", "category": "billing"}), true),
        case!("GET" "/support/tickets/{ticket_id}", Needs::Cap(C::TicketsView),
            |ids| format!("/support/tickets/{}", ids.ticket), none, true),
        case!("POST" "/support/tickets/{ticket_id}/comments", Needs::Any(&[C::CustomerTicketsCreate, C::TicketsResolve]),
            |ids| format!("/support/tickets/{}/comments", ids.ticket), |_| json!({"body": "The customer called back."}), true),
        case!("PUT" "/support/tickets/{ticket_id}/status", Needs::Cap(C::TicketsResolve),
            |ids| format!("/support/tickets/{}/status", ids.ticket), |_| json!({"version": 1, "status": "resolved"}), true),
        case!("GET" "/support/console-tickets", Needs::Cap(C::ConsoleTicketsCreate),
            |_| "/support/console-tickets?search=problem".into(), none, false),
        case!("POST" "/support/console-tickets", Needs::Cap(C::ConsoleTicketsCreate), |_| "/support/console-tickets".into(),
            |_| json!({"title": "Export is slow", "description": "A year takes a minute.", "category": "console-feature"}), false),
        case!("GET" "/support/console-tickets/{ticket_id}", Needs::Cap(C::ConsoleTicketsCreate),
            |ids| format!("/support/console-tickets/{}", ids.console_ticket), none, true),
        case!("POST" "/support/console-tickets/{ticket_id}/comments", Needs::Cap(C::ConsoleTicketsCreate),
            |ids| format!("/support/console-tickets/{}/comments", ids.console_ticket), |_| json!({"body": "Still slow."}), true),
        case!("PUT" "/support/console-tickets/{ticket_id}/status", Needs::Cap(C::ConsoleTicketsCreate),
            |ids| format!("/support/console-tickets/{}/status", ids.console_ticket), |_| json!({"version": 1, "status": "resolved"}), true),
        case!("GET" "/support/customers", Needs::Any(&[C::CustomerTicketsCreate, C::TicketsView]),
            |_| "/support/customers?search=customer".into(), none, false),
        case!("GET" "/service-health", Needs::Cap(C::ServiceHealthView), |_| "/service-health".into(), none, false),
        // Users.
        case!("GET" "/users", Needs::Cap(C::UsersView), |_| "/users?search=target".into(), none, false),
        case!("POST" "/users", Needs::Cap(C::UsersCreate), |_| "/users".into(),
            |ids| json!({"display_name": "New Person", "email": format!("new.{}@example.com", ids.target),
                         "roles": {"agent": "sales-agent"}}), false),
        case!("GET" "/users/{user_id}", Needs::Cap(C::UsersView), |ids| format!("/users/{}", ids.target), none, true),
        case!("PATCH" "/users/{user_id}", Needs::Cap(C::UsersEdit), |ids| format!("/users/{}", ids.target),
            |ids| json!({"version": 1, "display_name": "Renamed Target", "email": format!("renamed.{}@example.com", ids.target)}), true),
        case!("PUT" "/users/{user_id}/roles", Needs::Cap(C::RolesAssign), |ids| format!("/users/{}/roles", ids.target),
            |_| json!({"version": 1, "roles": {"agent": "admin-agent"}}), true),
        case!("PUT" "/users/{user_id}/permissions", Needs::Cap(C::RolesAssign), |ids| format!("/users/{}/permissions", ids.target),
            |_| json!({"version": 1, "permissions": {"customers": "read"}}), true),
        case!("POST" "/users/{user_id}/reset-password", Needs::Cap(C::UsersResetPassword),
            |ids| format!("/users/{}/reset-password", ids.target), none, true),
        case!("POST" "/users/{user_id}/reset-second-factor", Needs::Cap(C::UsersResetPassword),
            |ids| format!("/users/{}/reset-second-factor", ids.target), none, true),
        case!("DELETE" "/users/{user_id}", Needs::Cap(C::UsersRemove), |ids| format!("/users/{}", ids.target), none, true),
        case!("GET" "/users/{user_id}/access", Needs::Cap(C::UsersView), |ids| format!("/users/{}/access", ids.target), none, true),
        case!("POST" "/users/bulk", Needs::Cap(C::RolesAssign), |_| "/users/bulk".into(),
            |ids| json!({"target": {"ids": [ids.target]}, "action": {"assign-role": "sales-agent"}}), true),
        case!("GET" "/admins", Needs::Login, |_| "/admins".into(), none, false),
        // Groups.
        case!("GET" "/groups", Needs::Any(GROUP_READERS), |_| "/groups".into(), none, false),
        case!("POST" "/groups", Needs::Cap(C::GroupsManage), |_| "/groups".into(),
            |ids| json!({"name": format!("Group {}", crate::helpers::unique_part(ids.target)), "access": {"roles": {"agent": "sales-agent"}}}), false),
        case!("GET" "/groups/{group_id}", Needs::Any(GROUP_READERS), |ids| format!("/groups/{}", ids.group), none, true),
        case!("PATCH" "/groups/{group_id}", Needs::Cap(C::GroupsManage), |ids| format!("/groups/{}", ids.group),
            |ids| json!({"version": 1, "name": format!("Renamed {}", crate::helpers::unique_part(ids.target))}), true),
        case!("PUT" "/groups/{group_id}/access", Needs::Cap(C::GroupsManage), |ids| format!("/groups/{}/access", ids.group),
            |_| json!({"version": 1, "access": {"roles": {"agent": "helpdesk-agent"}, "permissions": {"subscriptions": "read"}}}), true),
        case!("DELETE" "/groups/{group_id}", Needs::Cap(C::GroupsManage), |ids| format!("/groups/{}?version=1", ids.group), none, true),
        case!("POST" "/groups/{group_id}/members", Needs::Cap(C::GroupsManage), |ids| format!("/groups/{}/members", ids.group),
            |ids| json!({"user_ids": [ids.target]}), true),
        case!("POST" "/groups/{group_id}/members/remove", Needs::Cap(C::GroupsManage),
            |ids| format!("/groups/{}/members/remove", ids.group), |ids| json!({"user_ids": [ids.target]}), true),
        // Applications.
        case!("GET" "/applications", Needs::Cap(C::ApplicationsManage), |_| "/applications".into(), none, false),
        case!("POST" "/applications", Needs::Cap(C::ApplicationsManage), |_| "/applications".into(),
            |ids| json!({"name": format!("App {}", crate::helpers::unique_part(ids.target))}), false),
        case!("GET" "/applications/{app_id}", Needs::Cap(C::ApplicationsManage),
            |ids| format!("/applications/{}", ids.app.app_id), none, true),
        case!("PATCH" "/applications/{app_id}", Needs::Cap(C::ApplicationsManage),
            |ids| format!("/applications/{}", ids.app.app_id),
            |ids| json!({"version": 1, "name": format!("Renamed {}", crate::helpers::unique_part(ids.target))}), true),
        case!("PUT" "/applications/{app_id}/access", Needs::Cap(C::ApplicationsManage),
            |ids| format!("/applications/{}/access", ids.app.app_id),
            |_| json!({"version": 1, "access": {"roles": {"agent": "helpdesk-agent"}}}), true),
        case!("DELETE" "/applications/{app_id}", Needs::Cap(C::ApplicationsManage),
            |ids| format!("/applications/{}?version=1", ids.app.app_id), none, true),
        case!("PUT" "/applications/{app_id}/directory-sync", Needs::Cap(C::ApplicationsManage),
            |ids| format!("/applications/{}/directory-sync", ids.app.app_id), |_| json!({"version": 1, "on": true}), true),
        case!("POST" "/applications/{app_id}/secrets", Needs::Cap(C::ApplicationsManage),
            |ids| format!("/applications/{}/secrets", ids.app.app_id), |_| json!({"description": "Nightly sync"}), true),
        case!("DELETE" "/applications/{app_id}/secrets/{secret_id}", Needs::Cap(C::ApplicationsManage),
            |ids| format!("/applications/{}/secrets/{}", ids.app.app_id, ids.app.secret_id), none, true),
        // Role requests.
        case!("GET" "/role-requests", Needs::Cap(C::RolesAssign), |_| "/role-requests".into(), none, false),
        case!("POST" "/role-requests/{request_id}/decision", Needs::Cap(C::RolesAssign),
            |ids| format!("/role-requests/{}/decision", ids.request), |_| json!({"approve": true, "comment": "Welcome"}), true),
        // Organization.
        case!("GET" "/organization", Needs::Any(PROFILE_READERS), |_| "/organization".into(), none, false),
        case!("PATCH" "/organization", Needs::Cap(C::OrgProfileManage), |_| "/organization".into(),
            |_| json!({"version": 1, "name": "Org A"}), false),
        case!("PUT" "/organization/directory-mode", Needs::Cap(C::OrgProfileManage), |_| "/organization/directory-mode".into(),
            |_| json!({"version": 1, "mode": "cloud"}), false),
        case!("PUT" "/organization/sign-in-policy", Needs::Cap(C::OrgProfileManage), |_| "/organization/sign-in-policy".into(),
            |_| json!({"version": 1, "policy": {"require_second_factor": false, "temp_password_days": 7}}), false),
        case!("POST" "/organization/locations", Needs::Cap(C::OrgProfileManage), |_| "/organization/locations".into(),
            |ids| json!({"partner_id": format!("N{}", crate::helpers::unique_part(ids.target)), "location": "Lyon", "country": "France"}), false),
        case!("PUT" "/organization/locations/{partner_id}", Needs::Cap(C::OrgProfileManage),
            |ids| format!("/organization/locations/{}", ids.location), |_| json!({"location": "Paris HQ", "country": "France"}), true),
        case!("DELETE" "/organization/locations/{partner_id}", Needs::Cap(C::OrgProfileManage),
            |ids| format!("/organization/locations/{}", ids.location), none, true),
        // Customers.
        case!("GET" "/customers", Needs::Cap(C::CustomersView), |_| "/customers".into(), none, false),
        case!("POST" "/customers", Needs::Cap(C::CustomersCreate), |_| "/customers".into(),
            |ids| json!({"details": {"name": "Contoso Ltd"}, "domain": format!("c{}.example", crate::helpers::unique_part(ids.target))}), false),
        case!("GET" "/customers/{customer_id}", Needs::Cap(C::CustomersView),
            |ids| format!("/customers/{}", ids.customer.customer_id), none, true),
        case!("PATCH" "/customers/{customer_id}", Needs::Cap(C::CustomersEditDetails),
            |ids| format!("/customers/{}", ids.customer.customer_id), |_| json!({"version": 1, "name": "Renamed Customer"}), true),
        case!("PUT" "/customers/{customer_id}/billing", Needs::Cap(C::CustomersEditBilling),
            |ids| format!("/customers/{}/billing", ids.customer.customer_id), |_| json!({"version": 1, "tax_id": "FR123"}), true),
        case!("POST" "/customers/{customer_id}/relationship-request", Needs::Cap(C::CustomersRequestRelationship),
            |ids| format!("/customers/{}/relationship-request?version=1", ids.customer.customer_id), none, true),
        case!("POST" "/customers/{customer_id}/delegated-admin-request", Needs::Cap(C::DelegatedAdminRequest),
            |ids| format!("/customers/{}/delegated-admin-request?version=1", ids.customer.customer_id), none, true),
        case!("PUT" "/customers/{customer_id}/agreement", Needs::Cap(C::CustomersRecordAgreement),
            |ids| format!("/customers/{}/agreement", ids.customer.customer_id), |_| json!({"version": 1, "accepted_on": "2026-01-15"}), true),
        // Subscriptions.
        case!("GET" "/customers/{customer_id}/subscriptions", Needs::AllAndAny(C::CustomersView, SUBSCRIPTION_READERS),
            |ids| format!("/customers/{}/subscriptions", ids.customer.customer_id), none, true),
        case!("POST" "/customers/{customer_id}/subscriptions", Needs::Cap(C::SubscriptionsManage),
            |ids| format!("/customers/{}/subscriptions", ids.customer.customer_id), |_| json!({"product": "Extra product", "seats": 3}), true),
        case!("PATCH" "/subscriptions/{subscription_id}", Needs::Cap(C::SubscriptionsManage),
            |ids| format!("/subscriptions/{}", ids.customer.subscription_id), |_| json!({"version": 1, "seats": 7}), true),
        // Customer users.
        case!("GET" "/customers/{customer_id}/users", cu,
            |ids| format!("/customers/{}/users?licence=none", ids.customer.customer_id), none, true),
        case!("POST" "/customers/{customer_id}/users", cu,
            |ids| format!("/customers/{}/users", ids.customer.customer_id),
            |ids| json!({"first_name": "Cy", "last_name": "New", "display_name": "Cy New", "alias": "cy",
                         "licences": [ids.customer.subscription_id]}), true),
        case!("POST" "/customers/{customer_id}/users/licences", cu,
            |ids| format!("/customers/{}/users/licences", ids.customer.customer_id),
            |ids| json!({"user_ids": [ids.customer.user_id], "remove": [ids.customer.subscription_id]}), true),
        case!("POST" "/customers/{customer_id}/users/{user_id}/reset-password", cu,
            |ids| format!("/customers/{}/users/{}/reset-password", ids.customer.customer_id, ids.customer.user_id), none, true),
        case!("POST" "/customers/{customer_id}/users/delete", cu,
            |ids| format!("/customers/{}/users/delete", ids.customer.customer_id), |ids| json!({"user_ids": [ids.customer.user_id]}), true),
        case!("POST" "/customers/{customer_id}/users/restore", cu,
            |ids| format!("/customers/{}/users/restore", ids.customer.customer_id),
            |ids| json!({"user_ids": [ids.customer.deleted_user_id]}), true),
        case!("POST" "/customers/{customer_id}/users/import-validate", cu,
            |ids| format!("/customers/{}/users/import-validate", ids.customer.customer_id),
            |_| json!({"csv": "First name,Last name,Display name,Email\nA,B,C,d@x.example\n"}), true),
        case!("POST" "/customers/{customer_id}/users/import", cu,
            |ids| format!("/customers/{}/users/import", ids.customer.customer_id),
            |ids| json!({"csv": format!("First name,Last name,Display name,Email\nI,M,Im Ported,im@{}\n", ids.customer.domain)}), true),
        case!("GET" "/customers/{customer_id}/users/export", cu,
            |ids| format!("/customers/{}/users/export", ids.customer.customer_id), none, true),
        // Activity.
        case!("GET" "/activity", Needs::Login, |_| "/activity?operation=user-created".into(), none, false),
        case!("GET" "/activity/export", Needs::Login, |_| "/activity/export".into(), none, false),
    ]
}

fn declared() -> BTreeSet<(String, String)> {
    app::rest::routes()
        .iter()
        .map(|r| (r.method.to_string(), r.path.to_string()))
        .collect()
}

#[test]
fn every_api_route_is_in_the_matrix() {
    let covered: BTreeSet<(String, String)> = cases()
        .iter()
        .map(|c| (c.method.to_string(), c.route.to_string()))
        .collect();
    let routes = declared();
    let missing: Vec<_> = routes.difference(&covered).collect();
    let stale: Vec<_> = covered.difference(&routes).collect();
    assert!(
        missing.is_empty(),
        "API routes missing from the matrix: {missing:?}"
    );
    assert!(
        stale.is_empty(),
        "matrix cases with no API route: {stale:?}"
    );
}

#[tokio::test]
async fn the_openapi_document_lists_every_route() {
    let app = spawn_app().await;
    let (status, body) = app.api("GET", "/openapi.json", None, &Value::Null).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let doc: Value = serde_json::from_str(&body).expect("json");
    assert!(
        doc["openapi"]
            .as_str()
            .is_some_and(|v| v.starts_with("3.1")),
        "{}",
        doc["openapi"]
    );
    let mut listed = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for (method, op) in item.as_object().expect("item") {
            let route = path.strip_prefix("/api/v1").expect("under /api/v1");
            listed.insert((method.to_uppercase(), route.to_string()));
            // Every operation says what it answers, including its errors.
            for status in ["200", "401", "403", "404", "422"] {
                assert!(
                    op["responses"][status].is_object(),
                    "{method} {path} lacks {status}"
                );
            }
        }
    }
    let routes = declared();
    let missing: Vec<_> = routes.difference(&listed).collect();
    assert!(
        missing.is_empty(),
        "routes missing from the OpenAPI document: {missing:?}"
    );
    assert_eq!(listed, routes);
    // Schemas the operations refer to are in the components.
    let schemas = doc["components"]["schemas"].as_object().expect("schemas");
    for name in ["ApiError", "Role", "RoleSet", "Access", "UserQuery"] {
        assert!(schemas.contains_key(name), "components lack {name}");
    }
    println!("OpenAPI document: {} operations", listed.len());
}

/// An application holding `role` (or none).
async fn caller_app(app: &TestApp, org: &str, role: Option<Role>, n: usize) -> String {
    let mut roles = RoleSet::default();
    match role.map(Role::kind) {
        Some(RoleKind::Agent) => roles.agent = role,
        Some(RoleKind::Admin) => roles.admin = role,
        Some(RoleKind::Incentives) => roles.incentives = role,
        None => {}
    }
    let name = format!("Caller {n} {}", role.map(|r| r.label()).unwrap_or("none"));
    app.add_application(org, &name, roles).await.secret
}

/// One route against an application of every role, and without a secret,
/// in organizations of its own: the failures and the number of pairs
/// checked.
async fn check_case(case: ApiCase, app: TestApp) -> (Vec<String>, usize) {
    let mut failures = Vec::new();
    let mut pairs = 0;
    let roles: Vec<Option<Role>> = Role::ALL.into_iter().map(Some).chain([None]).collect();
    let fx = app.fixture().await;
    for (n, role) in roles.iter().enumerate() {
        let secret = caller_app(&app, &fx.org_a, *role, n).await;
        let target = app
            .add_user(&fx.org_a, &format!("Target {n}"), RoleSet::default())
            .await;
        let customer = app.add_customer(&fx.org_a, &format!("Customer {n}")).await;
        let group = app.add_group(&fx.org_a, &format!("Group of {n}")).await;
        let request = app
            .add_role_request(&fx.org_a, &target.user_id, "sales-agent")
            .await;
        let location = format!("L{}", crate::helpers::unique_part(&target.user_id));
        app.add_location(&fx.org_a, &location).await;
        let other_app = app
            .add_application(&fx.org_a, &format!("Other {n}"), RoleSet::default())
            .await;
        let lead = app.add_lead(&fx.org_a, &format!("Lead {n}")).await;
        let (ticket, console_ticket) =
            crate::matrix::add_tickets(&app, &fx.org_a, &customer.customer_id).await;
        let devices = app
            .add_devices(&fx.org_a, &customer.customer_id, &format!("{n}"))
            .await;
        let enrolment = app
            .add_enrolment(
                &fx.org_a,
                &format!("E{}", crate::helpers::unique_part(&target.user_id)),
            )
            .await;
        let invoice = app.add_invoice(&fx.org_a).await;
        let ids = Ids {
            invoice: &invoice,
            enrolment: &enrolment.enrolment_id,
            contact: &enrolment.contact,
            devices: &devices,
            ticket: &ticket,
            console_ticket: &console_ticket,
            target: &target.user_id,
            me_email: "",
            customer: &customer,
            group: &group,
            request: &request,
            location: &location,
            wanted: wanted(*role),
            app: &other_app,
            totp_code: "",
            session: "",
            lead: &lead,
        };
        let (status, body) = app
            .api(
                case.method,
                &(case.path)(&ids),
                Some(&secret),
                &(case.body)(&ids),
            )
            .await;
        let label = role.map(|r| r.label()).unwrap_or("No role");
        let what = format!("{label} app → {} {}", case.method, case.route);
        if allowed(case.needs, *role) {
            if !status.is_success() {
                failures.push(format!("{what}: expected success, got {status}: {body}"));
            }
        } else if status != StatusCode::FORBIDDEN {
            failures.push(format!("{what}: expected 403, got {status}: {body}"));
        } else {
            let v: Value = serde_json::from_str(&body).unwrap_or(Value::Null);
            if v.get("code") != Some(&json!("forbidden"))
                || v.as_object().map(|o| o.len()) != Some(2)
            {
                failures.push(format!(
                    "{what}: 403 body carries more than the error: {body}"
                ));
            }
        }
        pairs += 1;
        // Without a secret: 401 with WWW-Authenticate, whatever the route.
        if n == 0 {
            let (status, body) = app
                .api(case.method, &(case.path)(&ids), None, &(case.body)(&ids))
                .await;
            if status != StatusCode::UNAUTHORIZED || !body.contains("\"unauthenticated\"") {
                failures.push(format!(
                    "no secret → {}: expected 401, got {status}: {body}",
                    case.route
                ));
            }
            pairs += 1;
        }
    }
    (failures, pairs)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_role_against_every_api_route() {
    let apps = crate::helpers::CaseApps::new().await;
    let (failures, pairs) = crate::helpers::check_all(cases(), |case| {
        let apps = apps.clone();
        async move { check_case(case, apps.app().await).await }
    })
    .await;
    println!("API authorization matrix: {pairs} (caller, route) pairs checked");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[tokio::test]
async fn another_organizations_ids_are_not_found_over_the_api() {
    let app = spawn_app().await;
    let fx = app.fixture().await;
    let foreign_customer = app.add_customer(&fx.org_b, "Foreign Customer").await;
    let foreign_group = app.add_group(&fx.org_b, "Foreign Group").await;
    let foreign_request = app
        .add_role_request(&fx.org_b, &fx.foreign_user, "sales-agent")
        .await;
    app.add_location(&fx.org_b, "FOREIGN-1").await;
    let foreign_app = app
        .add_application(&fx.org_b, "Foreign App", RoleSet::default())
        .await;
    let foreign_lead = app.add_lead(&fx.org_b, "Foreign Lead").await;
    let (foreign_ticket, foreign_console_ticket) =
        crate::matrix::add_tickets(&app, &fx.org_b, &foreign_customer.customer_id).await;
    let foreign_devices = app
        .add_devices(&fx.org_b, &foreign_customer.customer_id, "abroad")
        .await;
    let foreign_enrolment = app.add_enrolment(&fx.org_b, "FOREIGN-E").await;
    let foreign_invoice = app.add_invoice(&fx.org_b).await;
    let mut checked = 0;
    let mut failures = Vec::new();
    for case in cases().into_iter().filter(|c| c.scoped) {
        // A fresh Global admin application per call (each may change state),
        // or where the route is closed to one (Incentives), of the first
        // role it allows.
        let role = Some(Role::GlobalAdmin)
            .filter(|r| allowed(case.needs, Some(*r)))
            .or_else(|| {
                Role::ALL
                    .into_iter()
                    .find(|r| allowed(case.needs, Some(*r)))
            });
        let secret = caller_app(&app, &fx.org_a, role, checked).await;
        let ids = Ids {
            devices: &foreign_devices,
            invoice: &foreign_invoice,
            enrolment: &foreign_enrolment.enrolment_id,
            contact: &foreign_enrolment.contact,
            target: &fx.foreign_user,
            me_email: "",
            customer: &foreign_customer,
            group: &foreign_group,
            request: &foreign_request,
            location: "FOREIGN-1",
            wanted: "incentives-admin",
            app: &foreign_app,
            totp_code: "",
            session: "",
            lead: &foreign_lead,
            ticket: &foreign_ticket,
            console_ticket: &foreign_console_ticket,
        };
        let (status, body) = app
            .api(
                case.method,
                &(case.path)(&ids),
                Some(&secret),
                &(case.body)(&ids),
            )
            .await;
        if status != StatusCode::NOT_FOUND || body.contains("Foreign") {
            failures.push(format!("{} {}: {status}: {body}", case.method, case.route));
        }
        checked += 1;
    }
    println!("API cross-organization checks: {checked} routes");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // The foreign records are untouched.
    let foreign: (String, String) =
        sqlx::query_as("select display_name, status from app_user where user_id = $1")
            .bind(&fx.foreign_user)
            .fetch_one(&app.db)
            .await
            .expect("foreign user");
    assert_eq!(foreign, ("Foreign User".to_string(), "active".to_string()));
    let secrets: i64 = sqlx::query_scalar(
        "select count(*) from application_secret where app_id = $1 and revoked_at is null",
    )
    .bind(&foreign_app.app_id)
    .fetch_one(&app.db)
    .await
    .expect("secrets");
    assert_eq!(secrets, 1);
}

/// Over the API too, a ticket asked for as the other kind is not found, and
/// neither ticket changes.
#[tokio::test]
async fn a_ticket_of_the_other_kind_is_not_found_over_the_api() {
    let app = spawn_app().await;
    let fx = app.fixture().await;
    let secret = caller_app(&app, &fx.org_a, Some(Role::GlobalAdmin), 0).await;
    let customer = app.add_customer(&fx.org_a, "Kind Customer").await;
    let application = app
        .add_application(&fx.org_a, "Kind App", RoleSet::default())
        .await;
    let (ticket, console_ticket) =
        crate::matrix::add_tickets(&app, &fx.org_a, &customer.customer_id).await;
    let devices = app
        .add_devices(&fx.org_a, &customer.customer_id, "of a kind")
        .await;
    let enrolment = app.add_enrolment(&fx.org_a, "KIND-E").await;
    let ids = Ids {
        invoice: "no-invoice",
        devices: &devices,
        enrolment: &enrolment.enrolment_id,
        contact: &enrolment.contact,
        target: "",
        me_email: "",
        customer: &customer,
        group: "",
        request: "",
        location: "",
        wanted: "incentives-admin",
        app: &application,
        totp_code: "",
        session: "",
        lead: "",
        // Swapped: each kind's routes get the other kind's ticket.
        ticket: &console_ticket,
        console_ticket: &ticket,
    };
    let mut checked = 0;
    for case in cases()
        .into_iter()
        .filter(|c| c.route.starts_with("/support/") && c.route.contains("{ticket_id}"))
    {
        let (status, body) = app
            .api(
                case.method,
                &(case.path)(&ids),
                Some(&secret),
                &(case.body)(&ids),
            )
            .await;
        assert_eq!(
            status,
            StatusCode::NOT_FOUND,
            "{} {}: {body}",
            case.method,
            case.route
        );
        checked += 1;
    }
    assert_eq!(checked, 6);
    let untouched: Vec<(String, i64, i64)> = sqlx::query_as(
        "select status, comment_count, version from support_ticket order by ticket_id",
    )
    .fetch_all(&app.db)
    .await
    .expect("tickets");
    assert_eq!(untouched, vec![("open".to_string(), 0, 1); 2]);
}
