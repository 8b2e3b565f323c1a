//! The authorization matrix: every server function × every role (and a
//! visitor), on the wire, against a real database. Allowed calls succeed;
//! forbidden ones get 403 and an error body with no data; an id from
//! another organization gets 404. A server function missing from `cases()`
//! fails `every_server_function_is_in_the_matrix`.

use crate::helpers::{spawn_app, AppFx, CustomerFx, DeviceFx, Fixture, TestApp, PASSWORD};
use app::access::{capabilities_of, Capability, Role, RoleSet};
use http::StatusCode;
use leptos::server_fn::ServerFn;
use serde_json::{json, Value};
use std::collections::BTreeSet;

/// What a server function requires of its caller.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Needs {
    /// Anyone, signed in or not.
    Public,
    /// Any signed-in identity.
    Login,
    /// A capability.
    Cap(Capability),
    /// The first capability and any one of the others.
    AllAndAny(Capability, &'static [Capability]),
    /// Any one of the capabilities.
    Any(&'static [Capability]),
    /// A sign-in challenge cookie (a right password waiting for its second
    /// factor): a session is not enough, so every caller here gets 401.
    Challenge,
}

/// The ids a call's body may use.
pub(crate) struct Ids<'a> {
    /// A fresh user of the caller's organization, with no role, version 1.
    pub(crate) target: &'a str,
    /// The caller's own email.
    pub(crate) me_email: &'a str,
    /// A fresh customer of the caller's organization (version 1) with a
    /// subscription, an active user and a deleted user.
    pub(crate) customer: &'a CustomerFx,
    /// A fresh group of the caller's organization (no roles, version 1).
    pub(crate) group: &'a str,
    /// A pending request of `target` for Sales agent.
    pub(crate) request: &'a str,
    /// A fresh partner ID of the caller's organization, no user on it.
    pub(crate) location: &'a str,
    /// A role the caller does not hold (to ask for).
    pub(crate) wanted: &'a str,
    /// A fresh application of the caller's organization (no roles,
    /// version 1) with one secret.
    pub(crate) app: &'a AppFx,
    /// A code of the caller's pending authenticator secret.
    pub(crate) totp_code: &'a str,
    /// Another session of the caller (its public id).
    pub(crate) session: &'a str,
    /// A fresh lead of the caller's organization (status new, version 1).
    pub(crate) lead: &'a str,
    /// An invoice of the caller's organization (last month's).
    pub(crate) invoice: &'a str,
    /// An active enrolment of the caller's organization (version 1) in
    /// Security Adoption, on a partner ID of its own.
    pub(crate) enrolment: &'a str,
    /// A user of the caller's organization with the Incentives user role.
    pub(crate) contact: &'a str,
    /// A fresh device profile of the caller's organization (version 1, on
    /// no device) and a device of `customer`.
    pub(crate) devices: &'a DeviceFx,
    /// A fresh open customer ticket of the caller's organization (version 1).
    pub(crate) ticket: &'a str,
    /// A fresh open console ticket of the caller's organization (version 1).
    pub(crate) console_ticket: &'a str,
}

struct Case {
    path: &'static str,
    needs: Needs,
    body: fn(&Ids) -> Value,
    /// Whether the body names an id of the caller's organization (a partner
    /// user, a customer, a group, a request, a partner ID) that can be
    /// swapped for another organization's.
    scoped: bool,
}

fn cases() -> Vec<Case> {
    use app::activity::{ExportActivity, ListActivity};
    use app::agreements::ListPartnerAgreements;
    use app::applications::{
        AddApplicationSecret, CreateApplication, DeleteApplication, GetApplication,
        ListApplications, RenameApplication, RevokeApplicationSecret, SetApplicationAccess,
        SetApplicationDirectorySync,
    };
    use app::auth::{ChangePassword, GetIdentity, SignIn, SignOut, VerifySecondFactor};
    use app::billing::{ExportInvoice, GetInvoice, ListCustomerInvoices, ListInvoices};
    use app::customer_users::{
        CreateCustomerUser, DeleteCustomerUsers, ExportCustomerUsers, ImportCustomerUsers,
        ListCustomerUsers, ManageLicences, ResetCustomerUserPassword, RestoreCustomerUsers,
        ValidateCustomerUserImport,
    };
    use app::customers::{
        CreateCustomer, GetCustomer, ListCustomers, RecordAgreement, RequestDelegatedAdmin,
        RequestRelationship, UpdateCustomer, UpdateCustomerBilling,
    };
    use app::delegated_admin::{
        AdministerOnBehalf, EndDelegatedAdmin, ListDelegatedAdmin, RecordDelegatedAdminAnswer,
    };
    use app::devices::{
        AddDeviceList, ApplyDeviceProfile, CreateDeviceProfile, DeleteDeviceProfile,
        ListDeviceCustomers, ListDeviceProfiles, ListDevices, UpdateDeviceProfile,
        ValidateDeviceList,
    };
    use app::groups::{
        AddGroupMembers, CreateGroup, DeleteGroup, GetGroup, ListGroups, RemoveGroupMembers,
        RenameGroup, SetGroupAccess,
    };
    use app::health::GetServiceHealth;
    use app::incentives::{
        Enrol, ExportIncentiveReport, GetBankTaxProfile, GetEnrolmentChoices, GetIncentiveReport,
        ListEnrolments, ListIncentivePrograms, MigrateEnrolment, SaveBankTaxProfile,
        WithdrawEnrolment,
    };
    use app::leads::{ConvertLead, CreateLead, ListLeads, SetLeadStatus};
    use app::orgs::{
        AddLocation, GetOrgProfile, RemoveLocation, RenameOrg, SetDirectoryMode, SetSignInPolicy,
        UpdateLocation,
    };
    use app::pricing::{BuyOffer, GetPriceList, ListCustomerOffers};
    use app::reference::GetApiReference;
    use app::resellers::{ListResellers, RegisterReseller};
    use app::role_requests::{DecideRoleRequest, MyRoleRequests, RequestRole, RoleRequestInbox};
    use app::security::{
        BeginSecondFactor, ConfirmSecondFactor, EndOtherSessions, EndSession, GetSecurity,
        TurnOffSecondFactor,
    };
    use app::subscriptions::{CreateSubscription, ListSubscriptions, SetSeats};
    use app::support::{
        CommentConsoleTicket, CommentCustomerTicket, GetConsoleTicket, GetCustomerTicket,
        ListConsoleTickets, ListCustomerTickets, ListTicketCustomers, OpenConsoleTicket,
        OpenCustomerTicket, SetConsoleTicketStatus, SetCustomerTicketStatus,
    };
    use app::system::ServerStatus;
    use app::users::{
        BulkUsers, CreateUser, ExplainUserAccess, GetUser, ListAdmins, ListUsers, RemoveUser,
        ResetUserPassword, ResetUserSecondFactor, SetUserPermissions, SetUserRoles, UpdateUser,
    };
    const GROUP_READERS: &[Capability] = &[Capability::GroupsManage, Capability::UsersView];
    const DEVICE_VIEWERS: &[Capability] =
        &[Capability::DeviceListsAdd, Capability::DeviceProfilesManage];
    const PROFILE_READERS: &[Capability] = &[
        Capability::PartnerProfilesView,
        Capability::OrgProfileManage,
        Capability::UsersView,
    ];
    vec![
        Case {
            path: ServerStatus::PATH,
            needs: Needs::Public,
            body: |_| json!({}),
            scoped: false,
        },
        Case {
            path: app::i18n::SetLanguage::PATH,
            needs: Needs::Public,
            body: |_| json!({"language": "fr"}),
            scoped: false,
        },
        Case {
            path: app::ui::SetTheme::PATH,
            needs: Needs::Public,
            body: |_| json!({"theme": "dark"}),
            scoped: false,
        },
        Case {
            path: GetIdentity::PATH,
            needs: Needs::Public,
            body: |_| json!({}),
            scoped: false,
        },
        Case {
            path: SignIn::PATH,
            needs: Needs::Public,
            body: |ids| json!({"email": ids.me_email, "password": PASSWORD}),
            scoped: false,
        },
        Case {
            path: SignOut::PATH,
            needs: Needs::Login,
            body: |_| json!({"everywhere": false}),
            scoped: false,
        },
        Case {
            path: ChangePassword::PATH,
            needs: Needs::Login,
            body: |_| json!({"current_password": PASSWORD, "new_password": "a-brand-new-passphrase"}),
            scoped: false,
        },
        Case {
            path: VerifySecondFactor::PATH,
            needs: Needs::Challenge,
            body: |_| json!({"code": "123456"}),
            scoped: false,
        },
        Case {
            path: GetSecurity::PATH,
            needs: Needs::Login,
            body: |_| json!({}),
            scoped: false,
        },
        Case {
            path: BeginSecondFactor::PATH,
            needs: Needs::Login,
            body: |_| json!({}),
            scoped: false,
        },
        Case {
            path: ConfirmSecondFactor::PATH,
            needs: Needs::Login,
            body: |ids| json!({"code": ids.totp_code}),
            scoped: false,
        },
        Case {
            path: TurnOffSecondFactor::PATH,
            // Off already: the password is checked, nothing else changes.
            needs: Needs::Login,
            body: |_| json!({"password": PASSWORD}),
            scoped: false,
        },
        Case {
            path: EndSession::PATH,
            needs: Needs::Login,
            body: |ids| json!({"session_id": ids.session}),
            scoped: true,
        },
        Case {
            path: EndOtherSessions::PATH,
            needs: Needs::Login,
            body: |_| json!({}),
            scoped: false,
        },
        Case {
            path: ResetUserSecondFactor::PATH,
            needs: Needs::Cap(Capability::UsersResetPassword),
            body: |ids| json!({"user_id": ids.target}),
            scoped: true,
        },
        Case {
            path: SetSignInPolicy::PATH,
            // The current policy: allowed callers succeed without a change.
            needs: Needs::Cap(Capability::OrgProfileManage),
            body: |_| json!({"version": 1, "policy": {"require_second_factor": false, "temp_password_days": 7}}),
            scoped: false,
        },
        Case {
            path: ListIncentivePrograms::PATH,
            needs: Needs::Any(&[
                Capability::IncentivesEnrolmentsView,
                Capability::IncentivesProgramsManage,
            ]),
            body: |_| json!({}),
            scoped: false,
        },
        Case {
            path: ListEnrolments::PATH,
            needs: Needs::Cap(Capability::IncentivesEnrolmentsView),
            body: |_| json!({}),
            scoped: false,
        },
        Case {
            path: GetEnrolmentChoices::PATH,
            needs: Needs::Any(&[Capability::IncentivesEnroll, Capability::IncentivesMigrate]),
            body: |_| json!({}),
            scoped: false,
        },
        Case {
            path: Enrol::PATH,
            needs: Needs::Cap(Capability::IncentivesEnroll),
            body: |ids| {
                json!({"enrolment": {"program_id": "security-adoption", "partner_id": ids.location,
                "contact_user_id": ids.contact}})
            },
            scoped: true,
        },
        Case {
            path: MigrateEnrolment::PATH,
            needs: Needs::Cap(Capability::IncentivesMigrate),
            body: |ids| {
                json!({"enrolment_id": ids.enrolment, "version": 1,
                "to": {"program_id": "security-adoption", "partner_id": ids.location}})
            },
            scoped: true,
        },
        Case {
            path: WithdrawEnrolment::PATH,
            needs: Needs::Cap(Capability::IncentivesProgramsManage),
            body: |ids| json!({"enrolment_id": ids.enrolment, "version": 1}),
            scoped: true,
        },
        Case {
            path: GetBankTaxProfile::PATH,
            needs: Needs::Cap(Capability::IncentivesBankTaxEdit),
            body: |_| json!({}),
            scoped: false,
        },
        Case {
            path: SaveBankTaxProfile::PATH,
            needs: Needs::Cap(Capability::IncentivesBankTaxEdit),
            body: |_| {
                json!({"version": 0, "profile": {"account_holder": "Org A", "bank_name": "Bank",
                "account_number": "DE89 3704 0044 0532 0130 00", "tax_id": "DE123456789",
                "tax_country": "Germany", "vat_registered": true}})
            },
            scoped: false,
        },
        Case {
            path: GetIncentiveReport::PATH,
            needs: Needs::Any(&[
                Capability::IncentivesReportsView,
                Capability::IncentivesReportsViewAll,
            ]),
            body: |_| json!({"query": {}}),
            scoped: false,
        },
        Case {
            path: ExportIncentiveReport::PATH,
            needs: Needs::Any(&[
                Capability::IncentivesReportsView,
                Capability::IncentivesReportsViewAll,
            ]),
            body: |_| json!({"query": {}}),
            scoped: false,
        },
        Case {
            path: GetPriceList::PATH,
            needs: Needs::Cap(Capability::PricingView),
            body: |_| json!({"query": {"search": "microsoft"}}),
            scoped: false,
        },
        Case {
            path: ListCustomerOffers::PATH,
            needs: Needs::Cap(Capability::SubscriptionsManage),
            body: |ids| json!({"customer_id": ids.customer.customer_id}),
            scoped: true,
        },
        Case {
            path: BuyOffer::PATH,
            needs: Needs::Cap(Capability::SubscriptionsManage),
            body: |ids| {
                json!({"customer_id": ids.customer.customer_id,
                "purchase": {"offer_id": "teams-essentials-monthly", "seats": 3}})
            },
            scoped: true,
        },
        Case {
            path: ListInvoices::PATH,
            needs: Needs::Cap(Capability::Billing),
            body: |_| json!({}),
            scoped: false,
        },
        Case {
            path: GetInvoice::PATH,
            needs: Needs::Cap(Capability::Billing),
            body: |ids| json!({"invoice_id": ids.invoice}),
            scoped: true,
        },
        Case {
            path: ExportInvoice::PATH,
            needs: Needs::Cap(Capability::Billing),
            body: |ids| json!({"invoice_id": ids.invoice}),
            scoped: true,
        },
        Case {
            path: ListCustomerInvoices::PATH,
            needs: Needs::Cap(Capability::CustomerInvoicesView),
            body: |ids| json!({"customer_id": ids.customer.customer_id}),
            scoped: true,
        },
        Case {
            path: ListLeads::PATH,
            needs: Needs::Cap(Capability::LeadsManage),
            body: |_| json!({}),
            scoped: false,
        },
        Case {
            path: CreateLead::PATH,
            needs: Needs::Cap(Capability::LeadsManage),
            body: |_| json!({"lead": {"company": "Fourth Coffee", "contact_name": "Flo", "contact_email": "flo@fourth.example"}}),
            scoped: false,
        },
        Case {
            path: SetLeadStatus::PATH,
            needs: Needs::Cap(Capability::LeadsManage),
            body: |ids| json!({"lead_id": ids.lead, "version": 1, "status": "qualified"}),
            scoped: true,
        },
        Case {
            path: ConvertLead::PATH,
            needs: Needs::AllAndAny(Capability::LeadsManage, &[Capability::CustomersCreate]),
            body: |ids| json!({"lead_id": ids.lead, "version": 1, "domain": format!("c{}.example", crate::helpers::unique_part(ids.target))}),
            scoped: true,
        },
        Case {
            path: ListDelegatedAdmin::PATH,
            needs: Needs::Any(&[
                Capability::DelegatedAdminRequest,
                Capability::AdministerOnBehalf,
            ]),
            body: |_| json!({"query": {"status": "granted"}}),
            scoped: false,
        },
        Case {
            path: RecordDelegatedAdminAnswer::PATH,
            // The fixture customer has granted privileges: the same answer
            // again succeeds without a change.
            needs: Needs::Cap(Capability::DelegatedAdminRequest),
            body: |ids| json!({"customer_id": ids.customer.customer_id, "version": 1, "accepted": true}),
            scoped: true,
        },
        Case {
            path: EndDelegatedAdmin::PATH,
            needs: Needs::Cap(Capability::DelegatedAdminRequest),
            body: |ids| json!({"customer_id": ids.customer.customer_id, "version": 1}),
            scoped: true,
        },
        Case {
            path: AdministerOnBehalf::PATH,
            needs: Needs::Cap(Capability::AdministerOnBehalf),
            body: |ids| json!({"customer_id": ids.customer.customer_id}),
            scoped: true,
        },
        Case {
            path: ListResellers::PATH,
            needs: Needs::Cap(Capability::ResellerRegister),
            body: |_| json!({}),
            scoped: false,
        },
        Case {
            path: RegisterReseller::PATH,
            needs: Needs::Cap(Capability::ResellerRegister),
            body: |ids| {
                json!({"reseller": {"company": "Litware", "country": "France",
                "contact_email": "var@litware.example", "reseller_id": format!("V{}", crate::helpers::unique_part(ids.target))}})
            },
            scoped: false,
        },
        Case {
            path: ListPartnerAgreements::PATH,
            needs: Needs::Cap(Capability::AgreementsView),
            body: |_| json!({}),
            scoped: false,
        },
        Case {
            path: ListCustomerTickets::PATH,
            needs: Needs::Cap(Capability::TicketsView),
            body: |ids| json!({"query": {"customer_id": ids.customer.customer_id, "status": "open"}}),
            scoped: true,
        },
        Case {
            path: GetCustomerTicket::PATH,
            needs: Needs::Cap(Capability::TicketsView),
            body: |ids| json!({"ticket_id": ids.ticket}),
            scoped: true,
        },
        Case {
            path: OpenCustomerTicket::PATH,
            needs: Needs::Cap(Capability::CustomerTicketsCreate),
            body: |ids| {
                json!({"ticket": {"customer_id": ids.customer.customer_id, "title": "Invoice too high",
                "description": "Two seats too many.", "severity": "low", "category": "billing"}})
            },
            scoped: true,
        },
        Case {
            path: CommentCustomerTicket::PATH,
            needs: Needs::Any(&[
                Capability::CustomerTicketsCreate,
                Capability::TicketsResolve,
            ]),
            body: |ids| json!({"ticket_id": ids.ticket, "body": "The customer called back."}),
            scoped: true,
        },
        Case {
            path: SetCustomerTicketStatus::PATH,
            needs: Needs::Cap(Capability::TicketsResolve),
            body: |ids| json!({"ticket_id": ids.ticket, "version": 1, "status": "resolved"}),
            scoped: true,
        },
        Case {
            path: ListConsoleTickets::PATH,
            needs: Needs::Cap(Capability::ConsoleTicketsCreate),
            body: |_| json!({"query": {"status": "open"}}),
            scoped: false,
        },
        Case {
            path: GetConsoleTicket::PATH,
            needs: Needs::Cap(Capability::ConsoleTicketsCreate),
            body: |ids| json!({"ticket_id": ids.console_ticket}),
            scoped: true,
        },
        Case {
            path: OpenConsoleTicket::PATH,
            needs: Needs::Cap(Capability::ConsoleTicketsCreate),
            body: |_| {
                json!({"ticket": {"title": "Export is slow", "description": "A year takes a minute.",
                "severity": "moderate", "category": "console-feature"}})
            },
            scoped: false,
        },
        Case {
            path: CommentConsoleTicket::PATH,
            needs: Needs::Cap(Capability::ConsoleTicketsCreate),
            body: |ids| json!({"ticket_id": ids.console_ticket, "body": "Still slow today."}),
            scoped: true,
        },
        Case {
            path: SetConsoleTicketStatus::PATH,
            needs: Needs::Cap(Capability::ConsoleTicketsCreate),
            body: |ids| json!({"ticket_id": ids.console_ticket, "version": 1, "status": "resolved"}),
            scoped: true,
        },
        Case {
            path: ListTicketCustomers::PATH,
            needs: Needs::Any(&[Capability::CustomerTicketsCreate, Capability::TicketsView]),
            body: |_| json!({"search": "customer"}),
            scoped: false,
        },
        Case {
            path: ListDeviceCustomers::PATH,
            needs: Needs::Any(DEVICE_VIEWERS),
            body: |_| json!({"search": ""}),
            scoped: false,
        },
        Case {
            path: ListDevices::PATH,
            needs: Needs::Any(DEVICE_VIEWERS),
            body: |ids| json!({"query": {"customer_id": ids.customer.customer_id}}),
            scoped: true,
        },
        Case {
            path: ValidateDeviceList::PATH,
            needs: Needs::Cap(Capability::DeviceListsAdd),
            body: |ids| {
                json!({"customer_id": ids.customer.customer_id,
                "csv": "Device serial number,Hardware hash\nV-1,QUJD\n"})
            },
            scoped: true,
        },
        Case {
            path: AddDeviceList::PATH,
            needs: Needs::Cap(Capability::DeviceListsAdd),
            body: |ids| {
                json!({"customer_id": ids.customer.customer_id, "list": {"name": "Batch",
                "csv": format!("Device serial number\nA-{}\n", crate::helpers::unique_part(ids.target))}})
            },
            scoped: true,
        },
        Case {
            path: ApplyDeviceProfile::PATH,
            needs: Needs::Cap(Capability::DeviceProfilesManage),
            body: |ids| {
                json!({"customer_id": ids.customer.customer_id,
                "device_ids": [ids.devices.device_id], "profile_id": ids.devices.profile_id})
            },
            scoped: true,
        },
        Case {
            path: ListDeviceProfiles::PATH,
            needs: Needs::Cap(Capability::DeviceProfilesManage),
            body: |_| json!({}),
            scoped: false,
        },
        Case {
            path: CreateDeviceProfile::PATH,
            needs: Needs::Cap(Capability::DeviceProfilesManage),
            body: |ids| {
                json!({"profile": {"name": format!("New {}", crate::helpers::unique_part(ids.target)),
                "settings": {"skip_privacy_settings": true, "user_account_type": "administrator",
                "device_name_template": "CONTOSO-%SERIAL%"}}})
            },
            scoped: false,
        },
        Case {
            path: UpdateDeviceProfile::PATH,
            needs: Needs::Cap(Capability::DeviceProfilesManage),
            body: |ids| {
                json!({"profile_id": ids.devices.profile_id, "version": 1,
                "profile": {"name": format!("Renamed {}", crate::helpers::unique_part(ids.target))}})
            },
            scoped: true,
        },
        Case {
            path: DeleteDeviceProfile::PATH,
            needs: Needs::Cap(Capability::DeviceProfilesManage),
            body: |ids| json!({"profile_id": ids.devices.profile_id, "version": 1}),
            scoped: true,
        },
        Case {
            path: GetServiceHealth::PATH,
            needs: Needs::Cap(Capability::ServiceHealthView),
            body: |_| json!({}),
            scoped: false,
        },
        Case {
            path: ListUsers::PATH,
            needs: Needs::Cap(Capability::UsersView),
            body: |_| json!({"query": {}}),
            scoped: false,
        },
        Case {
            path: GetUser::PATH,
            needs: Needs::Cap(Capability::UsersView),
            body: |ids| json!({"user_id": ids.target}),
            scoped: true,
        },
        Case {
            path: CreateUser::PATH,
            needs: Needs::Cap(Capability::UsersCreate),
            body: |ids| {
                json!({"user": {"display_name": "New Person", "email": format!("new.{}@example.com", ids.target),
                                      "roles": {"agent": "sales-agent", "admin": null, "incentives": null}}})
            },
            scoped: false,
        },
        Case {
            path: UpdateUser::PATH,
            needs: Needs::Cap(Capability::UsersEdit),
            body: |ids| {
                json!({"user_id": ids.target, "version": 1,
                               "details": {"display_name": "Renamed Target", "email": format!("renamed.{}@example.com", ids.target)}})
            },
            scoped: true,
        },
        Case {
            path: SetUserRoles::PATH,
            needs: Needs::Cap(Capability::RolesAssign),
            body: |ids| {
                json!({"user_id": ids.target, "version": 1,
                               "roles": {"agent": "admin-agent", "admin": null, "incentives": null}})
            },
            scoped: true,
        },
        Case {
            path: ResetUserPassword::PATH,
            needs: Needs::Cap(Capability::UsersResetPassword),
            body: |ids| json!({"user_id": ids.target}),
            scoped: true,
        },
        Case {
            path: RemoveUser::PATH,
            needs: Needs::Cap(Capability::UsersRemove),
            body: |ids| json!({"user_id": ids.target}),
            scoped: true,
        },
        Case {
            path: ListAdmins::PATH,
            needs: Needs::Login,
            body: |_| json!({}),
            scoped: false,
        },
        Case {
            path: ListActivity::PATH,
            needs: Needs::Login,
            body: |_| json!({"filter": {}}),
            scoped: false,
        },
        Case {
            path: ListCustomers::PATH,
            needs: Needs::Cap(Capability::CustomersView),
            body: |_| json!({"query": {}}),
            scoped: false,
        },
        Case {
            path: GetCustomer::PATH,
            needs: Needs::Cap(Capability::CustomersView),
            body: |ids| json!({"customer_id": ids.customer.customer_id}),
            scoped: true,
        },
        Case {
            path: CreateCustomer::PATH,
            needs: Needs::Cap(Capability::CustomersCreate),
            body: |ids| json!({"customer": {"details": {"name": "Contoso Ltd"}, "domain": format!("c{}.example", crate::helpers::unique_part(ids.target))}}),
            scoped: false,
        },
        Case {
            path: UpdateCustomer::PATH,
            needs: Needs::Cap(Capability::CustomersEditDetails),
            body: |ids| json!({"customer_id": ids.customer.customer_id, "version": 1, "details": {"name": "Renamed Customer"}}),
            scoped: true,
        },
        Case {
            path: UpdateCustomerBilling::PATH,
            needs: Needs::Cap(Capability::CustomersEditBilling),
            body: |ids| json!({"customer_id": ids.customer.customer_id, "version": 1, "billing": {"tax_id": "FR123"}}),
            scoped: true,
        },
        Case {
            path: RequestRelationship::PATH,
            needs: Needs::Cap(Capability::CustomersRequestRelationship),
            body: |ids| json!({"customer_id": ids.customer.customer_id, "version": 1}),
            scoped: true,
        },
        Case {
            path: RequestDelegatedAdmin::PATH,
            needs: Needs::Cap(Capability::DelegatedAdminRequest),
            body: |ids| json!({"customer_id": ids.customer.customer_id, "version": 1}),
            scoped: true,
        },
        Case {
            path: RecordAgreement::PATH,
            needs: Needs::Cap(Capability::CustomersRecordAgreement),
            body: |ids| json!({"customer_id": ids.customer.customer_id, "version": 1, "accepted_on": "2026-01-15"}),
            scoped: true,
        },
        Case {
            path: ListSubscriptions::PATH,
            needs: Needs::AllAndAny(
                Capability::CustomersView,
                &[
                    Capability::SubscriptionsView,
                    Capability::CustomerUsersManage,
                ],
            ),
            body: |ids| json!({"customer_id": ids.customer.customer_id}),
            scoped: true,
        },
        Case {
            path: CreateSubscription::PATH,
            needs: Needs::Cap(Capability::SubscriptionsManage),
            body: |ids| json!({"customer_id": ids.customer.customer_id, "product": "Extra product", "seats": 3}),
            scoped: true,
        },
        Case {
            path: SetSeats::PATH,
            needs: Needs::Cap(Capability::SubscriptionsManage),
            body: |ids| json!({"subscription_id": ids.customer.subscription_id, "version": 1, "seats": 7}),
            scoped: true,
        },
        Case {
            path: ListCustomerUsers::PATH,
            needs: Needs::Cap(Capability::CustomerUsersManage),
            body: |ids| json!({"query": {"customer_id": ids.customer.customer_id}}),
            scoped: true,
        },
        Case {
            path: CreateCustomerUser::PATH,
            needs: Needs::Cap(Capability::CustomerUsersManage),
            body: |ids| {
                json!({"customer_id": ids.customer.customer_id, "user": {"first_name": "Cy", "last_name": "New",
                               "display_name": "Cy New", "alias": "cy", "licences": [ids.customer.subscription_id]}})
            },
            scoped: true,
        },
        Case {
            path: ManageLicences::PATH,
            needs: Needs::Cap(Capability::CustomerUsersManage),
            body: |ids| {
                json!({"change": {"customer_id": ids.customer.customer_id, "user_ids": [ids.customer.user_id],
                               "remove": [ids.customer.subscription_id]}})
            },
            scoped: true,
        },
        Case {
            path: ResetCustomerUserPassword::PATH,
            needs: Needs::Cap(Capability::CustomerUsersManage),
            body: |ids| json!({"customer_id": ids.customer.customer_id, "user_id": ids.customer.user_id}),
            scoped: true,
        },
        Case {
            path: DeleteCustomerUsers::PATH,
            needs: Needs::Cap(Capability::CustomerUsersManage),
            body: |ids| json!({"customer_id": ids.customer.customer_id, "user_ids": [ids.customer.user_id]}),
            scoped: true,
        },
        Case {
            path: ValidateCustomerUserImport::PATH,
            needs: Needs::Cap(Capability::CustomerUsersManage),
            body: |ids| json!({"customer_id": ids.customer.customer_id, "csv": "First name,Last name,Display name,Email\nA,B,C,d@x.example\n"}),
            scoped: true,
        },
        Case {
            path: ImportCustomerUsers::PATH,
            needs: Needs::Cap(Capability::CustomerUsersManage),
            body: |ids| {
                json!({"customer_id": ids.customer.customer_id,
                               "csv": format!("First name,Last name,Display name,Email\nI,M,Im Ported,im@{}\n", ids.customer.domain)})
            },
            scoped: true,
        },
        Case {
            path: ExportCustomerUsers::PATH,
            needs: Needs::Cap(Capability::CustomerUsersManage),
            body: |ids| json!({"customer_id": ids.customer.customer_id}),
            scoped: true,
        },
        Case {
            path: RestoreCustomerUsers::PATH,
            needs: Needs::Cap(Capability::CustomerUsersManage),
            body: |ids| json!({"customer_id": ids.customer.customer_id, "user_ids": [ids.customer.deleted_user_id]}),
            scoped: true,
        },
        Case {
            path: ExportActivity::PATH,
            needs: Needs::Login,
            body: |_| json!({"filter": {}}),
            scoped: false,
        },
        Case {
            path: SetUserPermissions::PATH,
            needs: Needs::Cap(Capability::RolesAssign),
            body: |ids| json!({"user_id": ids.target, "version": 1, "permissions": {"customers": "read"}}),
            scoped: true,
        },
        Case {
            path: ExplainUserAccess::PATH,
            needs: Needs::Cap(Capability::UsersView),
            body: |ids| json!({"user_id": ids.target}),
            scoped: true,
        },
        Case {
            path: BulkUsers::PATH,
            needs: Needs::Cap(Capability::RolesAssign),
            body: |ids| json!({"target": {"ids": [ids.target]}, "action": {"assign-role": "sales-agent"}}),
            scoped: true,
        },
        Case {
            path: ListGroups::PATH,
            needs: Needs::Any(GROUP_READERS),
            body: |_| json!({}),
            scoped: false,
        },
        Case {
            path: GetGroup::PATH,
            needs: Needs::Any(GROUP_READERS),
            body: |ids| json!({"group_id": ids.group}),
            scoped: true,
        },
        Case {
            path: CreateGroup::PATH,
            needs: Needs::Cap(Capability::GroupsManage),
            body: |ids| json!({"name": format!("Group {}", crate::helpers::unique_part(ids.target)), "access": {"roles": {"agent": "sales-agent"}}}),
            scoped: false,
        },
        Case {
            path: RenameGroup::PATH,
            needs: Needs::Cap(Capability::GroupsManage),
            body: |ids| json!({"group_id": ids.group, "version": 1, "name": format!("Renamed {}", crate::helpers::unique_part(ids.target))}),
            scoped: true,
        },
        Case {
            path: SetGroupAccess::PATH,
            needs: Needs::Cap(Capability::GroupsManage),
            body: |ids| {
                json!({"group_id": ids.group, "version": 1,
                               "access": {"roles": {"agent": "helpdesk-agent"}, "permissions": {"subscriptions": "read"}}})
            },
            scoped: true,
        },
        Case {
            path: DeleteGroup::PATH,
            needs: Needs::Cap(Capability::GroupsManage),
            body: |ids| json!({"group_id": ids.group, "version": 1}),
            scoped: true,
        },
        Case {
            path: AddGroupMembers::PATH,
            needs: Needs::Cap(Capability::GroupsManage),
            body: |ids| json!({"group_id": ids.group, "user_ids": [ids.target]}),
            scoped: true,
        },
        Case {
            path: RemoveGroupMembers::PATH,
            needs: Needs::Cap(Capability::GroupsManage),
            body: |ids| json!({"group_id": ids.group, "user_ids": [ids.target]}),
            scoped: true,
        },
        Case {
            path: RequestRole::PATH,
            needs: Needs::Login,
            body: |ids| json!({"role": ids.wanted, "reason": "I look after the incentive programs."}),
            scoped: false,
        },
        Case {
            path: MyRoleRequests::PATH,
            needs: Needs::Login,
            body: |_| json!({}),
            scoped: false,
        },
        Case {
            path: RoleRequestInbox::PATH,
            needs: Needs::Cap(Capability::RolesAssign),
            body: |_| json!({}),
            scoped: false,
        },
        Case {
            path: DecideRoleRequest::PATH,
            needs: Needs::Cap(Capability::RolesAssign),
            body: |ids| json!({"request_id": ids.request, "approve": true, "comment": "Welcome aboard"}),
            scoped: true,
        },
        Case {
            path: GetOrgProfile::PATH,
            needs: Needs::Any(PROFILE_READERS),
            body: |_| json!({}),
            scoped: false,
        },
        Case {
            path: RenameOrg::PATH,
            // The same name: allowed callers succeed without bumping the version.
            needs: Needs::Cap(Capability::OrgProfileManage),
            body: |_| json!({"version": 1, "name": "Org A"}),
            scoped: false,
        },
        Case {
            path: AddLocation::PATH,
            needs: Needs::Cap(Capability::OrgProfileManage),
            body: |ids| json!({"location": {"partner_id": format!("N{}", crate::helpers::unique_part(ids.target)), "location": "Lyon", "country": "France"}}),
            scoped: false,
        },
        Case {
            path: UpdateLocation::PATH,
            needs: Needs::Cap(Capability::OrgProfileManage),
            body: |ids| json!({"location": {"partner_id": ids.location, "location": "Paris HQ", "country": "France"}}),
            scoped: true,
        },
        Case {
            path: RemoveLocation::PATH,
            needs: Needs::Cap(Capability::OrgProfileManage),
            body: |ids| json!({"partner_id": ids.location}),
            scoped: true,
        },
        Case {
            path: ListApplications::PATH,
            needs: Needs::Cap(Capability::ApplicationsManage),
            body: |_| json!({}),
            scoped: false,
        },
        Case {
            path: GetApplication::PATH,
            needs: Needs::Cap(Capability::ApplicationsManage),
            body: |ids| json!({"app_id": ids.app.app_id}),
            scoped: true,
        },
        Case {
            path: CreateApplication::PATH,
            needs: Needs::Cap(Capability::ApplicationsManage),
            body: |ids| json!({"application": {"name": format!("App {}", crate::helpers::unique_part(ids.target))}}),
            scoped: false,
        },
        Case {
            path: RenameApplication::PATH,
            needs: Needs::Cap(Capability::ApplicationsManage),
            body: |ids| json!({"app_id": ids.app.app_id, "version": 1, "name": format!("Renamed {}", crate::helpers::unique_part(ids.target))}),
            scoped: true,
        },
        Case {
            path: SetApplicationAccess::PATH,
            needs: Needs::Cap(Capability::ApplicationsManage),
            body: |ids| json!({"app_id": ids.app.app_id, "version": 1, "access": {"roles": {"agent": "helpdesk-agent"}}}),
            scoped: true,
        },
        Case {
            path: DeleteApplication::PATH,
            needs: Needs::Cap(Capability::ApplicationsManage),
            body: |ids| json!({"app_id": ids.app.app_id, "version": 1}),
            scoped: true,
        },
        Case {
            path: AddApplicationSecret::PATH,
            needs: Needs::Cap(Capability::ApplicationsManage),
            body: |ids| json!({"app_id": ids.app.app_id, "secret": {"description": "Nightly sync", "expires_in_days": 30}}),
            scoped: true,
        },
        Case {
            path: RevokeApplicationSecret::PATH,
            needs: Needs::Cap(Capability::ApplicationsManage),
            body: |ids| json!({"app_id": ids.app.app_id, "secret_id": ids.app.secret_id}),
            scoped: true,
        },
        Case {
            path: SetApplicationDirectorySync::PATH,
            needs: Needs::Cap(Capability::ApplicationsManage),
            body: |ids| json!({"app_id": ids.app.app_id, "version": 1, "on": true}),
            scoped: true,
        },
        Case {
            path: GetApiReference::PATH,
            needs: Needs::Login,
            body: |_| json!({}),
            scoped: false,
        },
        Case {
            path: SetDirectoryMode::PATH,
            // The current mode: allowed callers succeed without a change.
            needs: Needs::Cap(Capability::OrgProfileManage),
            body: |_| json!({"version": 1, "mode": "cloud"}),
            scoped: false,
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

pub(crate) fn allowed(needs: Needs, role: Option<Role>) -> bool {
    match needs {
        Needs::Public | Needs::Login => true,
        Needs::Cap(cap) => role.is_some_and(|r| capabilities_of(r).has(cap)),
        Needs::AllAndAny(first, any) => role.is_some_and(|r| {
            let have = capabilities_of(r);
            have.has(first) && any.iter().any(|c| have.has(*c))
        }),
        Needs::Any(any) => role.is_some_and(|r| any.iter().any(|c| capabilities_of(r).has(*c))),
        Needs::Challenge => false,
    }
}

/// A role `role`'s holder does not have, to ask for.
pub(crate) fn wanted(role: Option<Role>) -> &'static str {
    if role == Some(Role::IncentivesAdmin) {
        "incentives-user"
    } else {
        "incentives-admin"
    }
}

/// Checks one (caller, call) pair; returns a description of a failure.
async fn check(app: &TestApp, fx: &Fixture, case: &Case, who: usize) -> Option<String> {
    let (role, caller) = &fx.callers[who];
    let target = app
        .add_user(&fx.org_a, &format!("Target {who}"), RoleSet::default())
        .await;
    let customer = app
        .add_customer(&fx.org_a, &format!("Customer {who}"))
        .await;
    let group = app.add_group(&fx.org_a, &format!("Group of {who}")).await;
    let request = app
        .add_role_request(&fx.org_a, &target.user_id, "sales-agent")
        .await;
    let location = format!("L{}", crate::helpers::unique_part(&target.user_id));
    app.add_location(&fx.org_a, &location).await;
    let application = app
        .add_application(&fx.org_a, &format!("App of {who}"), RoleSet::default())
        .await;
    let (_, totp_code) = app.pending_totp(&caller.user_id).await;
    let session = app.other_session(&caller.user_id, &fx.org_a).await;
    let lead = app.add_lead(&fx.org_a, &format!("Lead of {who}")).await;
    let (ticket, console_ticket) = add_tickets(app, &fx.org_a, &customer.customer_id).await;
    let devices = app
        .add_devices(&fx.org_a, &customer.customer_id, &format!("of {who}"))
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
        lead: &lead,
        totp_code: &totp_code,
        session: &session,
        app: &application,
        target: &target.user_id,
        me_email: &caller.email,
        customer: &customer,
        group: &group,
        request: &request,
        location: &location,
        wanted: wanted(*role),
    };
    let cookie = app.session_for(&caller.user_id, &fx.org_a).await;
    let (status, body) = app
        .call_as(case.path, Some(&cookie), &(case.body)(&ids))
        .await;
    let label = role.map(|r| r.label()).unwrap_or("No role");
    if matches!(case.needs, Needs::Challenge) {
        if status != StatusCode::UNAUTHORIZED {
            return Some(format!(
                "{label} → {}: a session is no challenge: expected 401, got {status}: {body}",
                case.path
            ));
        }
        return None;
    }
    if allowed(case.needs, *role) {
        if !status.is_success() {
            return Some(format!(
                "{label} → {}: expected success, got {status}: {body}",
                case.path
            ));
        }
        // A streamed answer (the import) sends its status first: its
        // last step must not be a failure either.
        if crate::helpers::last_step(&body).get("Failed").is_some() {
            return Some(format!(
                "{label} → {}: expected success, the stream failed: {body}",
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

/// One server function against every caller, then a visitor, in
/// organizations of its own: the failures and the number of pairs checked.
async fn check_case(case: Case, app: TestApp) -> (Vec<String>, usize) {
    let mut failures = Vec::new();
    let mut pairs = 0;
    // New organizations (and a new router) per server function keep calls
    // independent.
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
    let customer = app.add_customer(&fx.org_a, "Visitor Customer").await;
    let group = app.add_group(&fx.org_a, "Visitor Group").await;
    let application = app
        .add_application(&fx.org_a, "Visitor App", RoleSet::default())
        .await;
    let devices = app
        .add_devices(&fx.org_a, &customer.customer_id, "of the visitor")
        .await;
    let ids = Ids {
        devices: &devices,
        invoice: "no-invoice",
        enrolment: "no-enrolment",
        contact: &target.user_id,
        ticket: "no-ticket",
        console_ticket: "no-ticket",
        lead: "no-lead",
        totp_code: "000000",
        session: "no-session",
        app: &application,
        target: &target.user_id,
        me_email: "nobody@example.com",
        customer: &customer,
        group: &group,
        request: &target.user_id,
        location: "L-visitor",
        wanted: "incentives-admin",
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
    (failures, pairs)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_role_against_every_server_function() {
    let apps = crate::helpers::CaseApps::new().await;
    let (failures, pairs) = crate::helpers::check_all(cases(), |case| {
        let apps = apps.clone();
        async move { check_case(case, apps.app().await).await }
    })
    .await;
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
    let foreign_customer = app.add_customer(&fx.org_b, "Foreign Customer").await;
    let foreign_group = app.add_group(&fx.org_b, "Foreign Group").await;
    let foreign_request = app
        .add_role_request(&fx.org_b, &fx.foreign_user, "sales-agent")
        .await;
    app.add_location(&fx.org_b, "FOREIGN-1").await;
    let foreign_app = app
        .add_application(&fx.org_b, "Foreign App", RoleSet::default())
        .await;
    let foreign_session = app.other_session(&fx.foreign_user, &fx.org_b).await;
    let foreign_lead = app.add_lead(&fx.org_b, "Foreign Lead").await;
    let (foreign_ticket, foreign_console_ticket) =
        add_tickets(&app, &fx.org_b, &foreign_customer.customer_id).await;
    let foreign_devices = app
        .add_devices(&fx.org_b, &foreign_customer.customer_id, "foreign")
        .await;
    let foreign_enrolment = app.add_enrolment(&fx.org_b, "FOREIGN-E").await;
    let foreign_invoice = app.add_invoice(&fx.org_b).await;
    for case in cases().into_iter().filter(|c| c.scoped) {
        // A Global admin, or where the case is closed to one (Incentives),
        // the first caller it allows.
        let who = if allowed(case.needs, Some(Role::GlobalAdmin)) {
            ga
        } else {
            fx.callers
                .iter()
                .position(|(r, _)| allowed(case.needs, *r))
                .unwrap_or(ga)
        };
        let cookie = app.session_for(&fx.callers[who].1.user_id, &fx.org_a).await;
        let ids = Ids {
            ticket: &foreign_ticket,
            console_ticket: &foreign_console_ticket,
            devices: &foreign_devices,
            invoice: &foreign_invoice,
            enrolment: &foreign_enrolment.enrolment_id,
            contact: &foreign_enrolment.contact,
            lead: &foreign_lead,
            totp_code: "000000",
            session: &foreign_session,
            app: &foreign_app,
            target: &fx.foreign_user,
            me_email: &fx.callers[who].1.email,
            customer: &foreign_customer,
            group: &foreign_group,
            request: &foreign_request,
            location: "FOREIGN-1",
            wanted: "incentives-admin",
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

/// A fresh open customer ticket (for `customer_id`) and console ticket of
/// `org_id`.
pub(crate) async fn add_tickets(
    app: &TestApp,
    org_id: &str,
    customer_id: &str,
) -> (String, String) {
    use app::support::TicketKind;
    let ticket = app
        .add_ticket(
            org_id,
            TicketKind::Customer,
            Some(customer_id),
            "Customer problem",
        )
        .await;
    let console = app
        .add_ticket(org_id, TicketKind::Console, None, "Console problem")
        .await;
    (ticket, console)
}

/// A ticket asked for as the other kind is not found: a console ticket's id
/// given to the customer-ticket calls, and the reverse, get 404 (even for a
/// Global admin, who may use both), and neither ticket changes.
#[tokio::test]
async fn a_ticket_of_the_other_kind_is_not_found() {
    use app::support::{
        CommentConsoleTicket, CommentCustomerTicket, GetConsoleTicket, GetCustomerTicket,
        SetConsoleTicketStatus, SetCustomerTicketStatus,
    };
    let app = spawn_app().await;
    let fx = app.fixture().await;
    let (role, ga) = &fx.callers[3];
    assert_eq!(*role, Some(Role::GlobalAdmin));
    let cookie = app.session_for(&ga.user_id, &fx.org_a).await;
    let customer = app.add_customer(&fx.org_a, "Kind Customer").await;
    let group = app.add_group(&fx.org_a, "Kind Group").await;
    let application = app
        .add_application(&fx.org_a, "Kind App", RoleSet::default())
        .await;
    let (ticket, console_ticket) = add_tickets(&app, &fx.org_a, &customer.customer_id).await;
    let devices = app
        .add_devices(&fx.org_a, &customer.customer_id, "of a kind")
        .await;
    let enrolment = app.add_enrolment(&fx.org_a, "KIND-E").await;
    // Swapped: each kind's calls get the other kind's ticket.
    let ids = Ids {
        devices: &devices,
        invoice: "no-invoice",
        enrolment: &enrolment.enrolment_id,
        contact: &enrolment.contact,
        ticket: &console_ticket,
        console_ticket: &ticket,
        lead: "no-lead",
        totp_code: "000000",
        session: "no-session",
        app: &application,
        target: &ga.user_id,
        me_email: &ga.email,
        customer: &customer,
        group: &group,
        request: "no-request",
        location: "L-none",
        wanted: "incentives-admin",
    };
    let paths = [
        GetCustomerTicket::PATH,
        CommentCustomerTicket::PATH,
        SetCustomerTicketStatus::PATH,
        GetConsoleTicket::PATH,
        CommentConsoleTicket::PATH,
        SetConsoleTicketStatus::PATH,
    ];
    let all = cases();
    for path in paths {
        let case = all.iter().find(|c| c.path == path).expect("a matrix case");
        let (status, body) = app.call_as(path, Some(&cookie), &(case.body)(&ids)).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}: {body}");
        assert!(
            body.contains(r#""what":"support-the-ticket""#),
            "{path}: {body}"
        );
    }
    let untouched: Vec<(String, i64, i64)> = sqlx::query_as(
        "select status, comment_count, version from support_ticket order by ticket_id",
    )
    .fetch_all(&app.db)
    .await
    .expect("tickets");
    assert_eq!(untouched, vec![("open".to_string(), 0, 1); 2]);
}

/// Calls that pair two ids: each of the caller's organization with one of
/// another organization's gets 404, and nothing is written.
#[tokio::test]
async fn mixed_pairs_of_own_and_foreign_ids_are_not_found() {
    use app::groups::{AddGroupMembers, RemoveGroupMembers};
    use app::users::BulkUsers;
    let app = spawn_app().await;
    let fx = app.fixture().await;
    let ga = &fx.callers[3].1;
    assert_eq!(fx.callers[3].0, Some(Role::GlobalAdmin));
    let cookie = app.session_for(&ga.user_id, &fx.org_a).await;
    let own_group = app.add_group(&fx.org_a, "Own Group").await;
    let foreign_group = app.add_group(&fx.org_b, "Foreign Group").await;
    let own_user = app
        .add_user(&fx.org_a, "Own User", RoleSet::default())
        .await;
    let calls = [
        (
            AddGroupMembers::PATH,
            json!({"group_id": own_group, "user_ids": [own_user.user_id, fx.foreign_user]}),
        ),
        (
            AddGroupMembers::PATH,
            json!({"group_id": foreign_group, "user_ids": [own_user.user_id]}),
        ),
        (
            RemoveGroupMembers::PATH,
            json!({"group_id": foreign_group, "user_ids": [own_user.user_id]}),
        ),
        (
            BulkUsers::PATH,
            json!({"target": {"ids": [own_user.user_id, fx.foreign_user]}, "action": {"assign-role": "sales-agent"}}),
        ),
        (
            BulkUsers::PATH,
            json!({"target": {"ids": [own_user.user_id]}, "action": {"add-to-group": foreign_group}}),
        ),
    ];
    for (path, body) in &calls {
        let (status, text) = app.call_as(path, Some(&cookie), body).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path} {body}: {text}");
        assert!(!text.contains("Foreign"), "{path}: leaks data: {text}");
    }
    println!("mixed-pair checks: {} calls", calls.len());
    // Nothing was written: no membership, the own user kept no role.
    let members: i64 = sqlx::query_scalar("select count(*) from group_member")
        .fetch_one(&app.db)
        .await
        .expect("count");
    assert_eq!(members, 0);
    let agent: Option<String> =
        sqlx::query_scalar("select agent_role from app_user where user_id = $1")
            .bind(&own_user.user_id)
            .fetch_one(&app.db)
            .await
            .expect("user");
    assert_eq!(agent, None);
}
