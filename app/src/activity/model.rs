use serde::{Deserialize, Serialize};

macro_rules! operations {
    ($( $name:ident => $key:literal, $label:literal; )+) => {
        /// Kinds of recorded activity.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
        #[serde(rename_all = "kebab-case")]
        pub enum Operation { $( $name, )+ }

        impl Operation {
            /// Every operation, for the filter menu.
            pub const ALL: &'static [Operation] = &[ $( Operation::$name, )+ ];
            /// Stable storage name.
            pub const fn key(self) -> &'static str {
                match self { $( Operation::$name => $key, )+ }
            }
            /// The name people read.
            pub const fn label(self) -> &'static str {
                match self { $( Operation::$name => $label, )+ }
            }
            /// The name the reader reads, in their language.
            pub fn name(self) -> String {
                match self { $( Operation::$name => $crate::i18n::text(concat!("activity-op-", $key)), )+ }
            }
            /// Parses a storage name.
            pub fn from_key(key: &str) -> Option<Operation> {
                Operation::ALL.iter().copied().find(|o| o.key() == key)
            }
        }
    };
}

operations! {
    OrganizationCreated => "organization-created", "Organization created";
    UserCreated => "user-created", "User added";
    UserUpdated => "user-updated", "User details changed";
    UserRolesChanged => "user-roles-changed", "Roles changed";
    UserPasswordReset => "user-password-reset", "Password reset";
    UserRemoved => "user-removed", "User removed";
    SignedIn => "signed-in", "Signed in";
    SignInFailed => "sign-in-failed", "Sign-in failed";
    SignedOut => "signed-out", "Signed out";
    PasswordChanged => "password-changed", "Password changed";
    CustomerCreated => "customer-created", "Customer created";
    CustomerUpdated => "customer-updated", "Customer details changed";
    CustomerBillingUpdated => "customer-billing-updated", "Customer billing information changed";
    RelationshipRequested => "relationship-requested", "Relationship requested";
    DelegatedAdminRequested => "delegated-admin-requested", "Delegated admin privileges requested";
    AgreementRecorded => "agreement-recorded", "Agreement acceptance recorded";
    SubscriptionCreated => "subscription-created", "Subscription added";
    SubscriptionSeatsChanged => "subscription-seats-changed", "Seats changed";
    CustomerUserCreated => "customer-user-created", "Customer user created";
    CustomerUserLicencesChanged => "customer-user-licences-changed", "Licences changed";
    CustomerUserPasswordReset => "customer-user-password-reset", "Customer user password reset";
    CustomerUserDeleted => "customer-user-deleted", "Customer user deleted";
    CustomerUserRestored => "customer-user-restored", "Customer user restored";
    CustomerUserPurged => "customer-user-purged", "Customer user purged";
    UserPermissionsChanged => "user-permissions-changed", "Custom permissions changed";
    GroupCreated => "group-created", "Group created";
    GroupRenamed => "group-renamed", "Group renamed";
    GroupAccessChanged => "group-access-changed", "Group roles and permissions changed";
    GroupDeleted => "group-deleted", "Group deleted";
    GroupMemberAdded => "group-member-added", "Added to group";
    GroupMemberRemoved => "group-member-removed", "Removed from group";
    RoleRequested => "role-requested", "Role requested";
    RoleRequestApproved => "role-request-approved", "Role request approved";
    RoleRequestDeclined => "role-request-declined", "Role request declined";
    OrganizationUpdated => "organization-updated", "Organization profile changed";
    PartnerIdAdded => "partner-id-added", "Partner ID added";
    PartnerIdUpdated => "partner-id-updated", "Partner ID changed";
    PartnerIdRemoved => "partner-id-removed", "Partner ID removed";
    ApplicationCreated => "application-created", "Application created";
    ApplicationUpdated => "application-updated", "Application changed";
    ApplicationDeleted => "application-deleted", "Application deleted";
    ApplicationSecretAdded => "application-secret-added", "Application secret added";
    ApplicationSecretRevoked => "application-secret-revoked", "Application secret revoked";
    SecondFactorEnabled => "second-factor-enabled", "Two-step verification turned on";
    SecondFactorDisabled => "second-factor-disabled", "Two-step verification turned off";
    UserSecondFactorReset => "user-second-factor-reset", "Two-step verification reset";
    SessionsEnded => "sessions-ended", "Sessions ended";
    LeadCreated => "lead-created", "Lead added";
    LeadStatusChanged => "lead-status-changed", "Lead status changed";
    LeadConverted => "lead-converted", "Lead converted to a customer";
    ResellerRegistered => "reseller-registered", "Reseller registered";
    DelegatedAdminGranted => "delegated-admin-granted", "Delegated admin privileges granted by the customer";
    DelegatedAdminDeclined => "delegated-admin-declined", "Delegated admin privileges declined by the customer";
    DelegatedAdminEnded => "delegated-admin-ended", "Delegated admin privileges ended";
    AdministeredOnBehalf => "administered-on-behalf", "Administered on behalf of the customer";
    TicketOpened => "ticket-opened", "Support ticket opened";
    TicketCommented => "ticket-commented", "Comment added to a support ticket";
    TicketResolved => "ticket-resolved", "Support ticket resolved";
    TicketReopened => "ticket-reopened", "Support ticket reopened";
    DeviceListAdded => "device-list-added", "Device list added";
    DeviceProfileCreated => "device-profile-created", "Device profile created";
    DeviceProfileUpdated => "device-profile-updated", "Device profile changed";
    DeviceProfileDeleted => "device-profile-deleted", "Device profile deleted";
    DeviceProfileApplied => "device-profile-applied", "Device profile applied";
    DeviceProfileRemoved => "device-profile-removed", "Device profile removed from devices";
    IncentiveEnrolled => "incentive-enrolled", "Enrolled in an incentive program";
    IncentiveEnrolmentMigrated => "incentive-enrolment-migrated", "Incentive enrolment migrated";
    IncentiveEnrolmentWithdrawn => "incentive-enrolment-withdrawn", "Withdrawn from an incentive program";
    IncentiveBankTaxChanged => "incentive-bank-tax-changed", "Bank and tax profile changed";
    IncentiveEarningRecorded => "incentive-earning-recorded", "Incentive earnings recorded";
    InvoiceIssued => "invoice-issued", "Invoice issued";
}

/// One changed field. Secrets (passwords, hashes) carry no values: they
/// are shown as "changed".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct FieldChange {
    pub field: String,
    pub before: Option<String>,
    pub after: Option<String>,
    #[serde(default)]
    pub secret: bool,
}

impl FieldChange {
    /// A plain before/after change.
    pub fn new(field: &str, before: Option<String>, after: Option<String>) -> FieldChange {
        FieldChange {
            field: field.into(),
            before,
            after,
            secret: false,
        }
    }

    /// A secret that changed; its values are never recorded.
    pub fn secret(field: &str) -> FieldChange {
        FieldChange {
            field: field.into(),
            before: None,
            after: None,
            secret: true,
        }
    }

    /// "before → after" for display and export.
    pub fn describe(&self) -> String {
        if self.secret {
            return format!("{}: changed", self.field);
        }
        let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "(none)".into());
        format!(
            "{}: {} → {}",
            self.field,
            show(&self.before),
            show(&self.after)
        )
    }
}

/// The catalogue key of a field name as the services record it (English),
/// if it has one.
fn field_key(field: &str) -> Option<&'static str> {
    Some(match field {
        "name" => crate::key!("activity-field-name"),
        "email" => crate::key!("activity-field-email"),
        "emails" => crate::key!("activity-field-emails"),
        "partner ID" => crate::key!("activity-field-partner-id"),
        "status" => crate::key!("activity-field-status"),
        "admin role" => crate::key!("activity-field-admin-role"),
        "agent role" => crate::key!("activity-field-agent-role"),
        "incentives role" => crate::key!("activity-field-incentives-role"),
        "agreement accepted" => crate::key!("activity-field-agreement-accepted"),
        "category" => crate::key!("activity-field-category"),
        "comment" => crate::key!("activity-field-comment"),
        "company" => crate::key!("activity-field-company"),
        "contact" => crate::key!("activity-field-contact"),
        "contact email" => crate::key!("activity-field-contact-email"),
        "phone" => crate::key!("activity-field-phone"),
        "address" => crate::key!("activity-field-address"),
        "billing email" => crate::key!("activity-field-billing-email"),
        "billing address" => crate::key!("activity-field-billing-address"),
        "tax ID" => crate::key!("activity-field-tax-id"),
        "country" => crate::key!("activity-field-country"),
        "custom permissions" => crate::key!("activity-field-custom-permissions"),
        "customer" => crate::key!("activity-field-customer"),
        "devices" => crate::key!("activity-field-devices"),
        "directory" => crate::key!("activity-field-directory"),
        "directory mode" => crate::key!("activity-field-directory-mode"),
        "directory sync" => crate::key!("activity-field-directory-sync"),
        "display name" => crate::key!("activity-field-display-name"),
        "domain" => crate::key!("activity-field-domain"),
        "during" => crate::key!("activity-field-during"),
        "expires" => crate::key!("activity-field-expires"),
        "external id" => crate::key!("activity-field-external-id"),
        "group" => crate::key!("activity-field-group"),
        "licences" => crate::key!("activity-field-licences"),
        "licences added" => crate::key!("activity-field-licences-added"),
        "licences removed" => crate::key!("activity-field-licences-removed"),
        "licences restored" => crate::key!("activity-field-licences-restored"),
        "lines" => crate::key!("activity-field-lines"),
        "location" => crate::key!("activity-field-location"),
        "members" => crate::key!("activity-field-members"),
        "migrated from" => crate::key!("activity-field-migrated-from"),
        "offer" => crate::key!("activity-field-offer"),
        "password" => crate::key!("activity-field-password"),
        "product" => crate::key!("activity-field-product"),
        "profile" => crate::key!("activity-field-profile"),
        "program" => crate::key!("activity-field-program"),
        "reason" => crate::key!("activity-field-reason"),
        "requested role" => crate::key!("activity-field-requested-role"),
        "seats" => crate::key!("activity-field-seats"),
        "second_factor" => crate::key!("activity-field-second-factor"),
        "secret" => crate::key!("activity-field-secret"),
        "serial numbers" => crate::key!("activity-field-serial-numbers"),
        "sessions" => crate::key!("activity-field-sessions"),
        "severity" => crate::key!("activity-field-severity"),
        "sign-in name" => crate::key!("activity-field-sign-in-name"),
        "source" => crate::key!("activity-field-source"),
        "temporary password" => crate::key!("activity-field-temporary-password"),
        "temporary password days" => crate::key!("activity-field-temporary-password-days"),
        "title" => crate::key!("activity-field-title"),
        "total" => crate::key!("activity-field-total"),
        "two-step verification required" => {
            crate::key!("activity-field-two-step-verification-required")
        }
        "user name" => crate::key!("activity-field-user-name"),
        "delegated admin" => crate::key!("activity-field-delegated-admin"),
        "account holder" => crate::key!("activity-field-account-holder"),
        "account number" => crate::key!("activity-field-account-number"),
        "bank name" => crate::key!("activity-field-bank-name"),
        "VAT registered" => crate::key!("activity-field-vat-registered"),
        "tax country" => crate::key!("activity-field-tax-country"),
        "skip privacy settings" => crate::key!("activity-field-skip-privacy-settings"),
        "skip licence terms" => crate::key!("activity-field-skip-licence-terms"),
        "user account type" => crate::key!("activity-field-user-account-type"),
        "device name template" => crate::key!("activity-field-device-name-template"),
        _ => return None,
    })
}

impl FieldChange {
    /// [`FieldChange::describe`] in the reader's language: the field's name
    /// translated when known (else as recorded), and the values the
    /// services record as words (statuses, roles, yes/no) translated for a
    /// record of `target_kind` ([`super::values`]).
    pub fn describe_for_reader(&self, target_kind: &str) -> String {
        let field = match field_key(&self.field) {
            Some(key) => crate::i18n::text(key),
            None => match self.field.strip_prefix("earnings ") {
                Some(month) => crate::tr!("activity-field-earnings", month = month),
                None => self.field.clone(),
            },
        };
        if self.secret {
            return crate::tr!("activity-change-secret", field = field);
        }
        let show = |v: &Option<String>| match v {
            Some(v) => super::values::value_for_reader(target_kind, &self.field, v),
            None => crate::tr!("activity-none"),
        };
        crate::tr!(
            "activity-change",
            field = field,
            before = show(&self.before),
            after = show(&self.after)
        )
    }
}

/// An entry as the log page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ActivityEntry {
    pub activity_id: String,
    pub at: i64,
    pub actor_kind: String,
    pub actor_id: Option<String>,
    pub actor_name: String,
    pub operation: String,
    pub target_kind: String,
    pub target_id: Option<String>,
    pub target_name: String,
    pub customer_id: Option<String>,
    pub changes: Vec<FieldChange>,
    pub client_addr: Option<String>,
}

impl ActivityEntry {
    /// The operation's label (the raw key when unknown).
    pub fn operation_label(&self) -> String {
        Operation::from_key(&self.operation)
            .map(|o| o.label().to_string())
            .unwrap_or_else(|| self.operation.clone())
    }

    /// The actor's name as recorded, but the operator's in the reader's
    /// language.
    pub fn actor_name_for_reader(&self) -> String {
        if self.actor_kind == "operator" && self.actor_name == "Operator (command line)" {
            crate::tr!("activity-operator")
        } else {
            self.actor_name.clone()
        }
    }

    /// The target's name as recorded, but the bank and tax profile's in the
    /// reader's language.
    pub fn target_name_for_reader(&self) -> String {
        if self.target_kind == "bank-tax-profile" && self.target_name == "Bank and tax profile" {
            crate::tr!("activity-bank-tax-profile")
        } else {
            self.target_name.clone()
        }
    }

    /// The operation's name in the reader's language (the raw key when
    /// unknown).
    pub fn operation_name(&self) -> String {
        Operation::from_key(&self.operation)
            .map(Operation::name)
            .unwrap_or_else(|| self.operation.clone())
    }
}

/// Filters of the log page; empty fields don't filter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ActivityFilter {
    /// First day included, `YYYY-MM-DD` (UTC).
    #[serde(default)]
    pub from: String,
    /// Last day included, `YYYY-MM-DD` (UTC).
    #[serde(default)]
    pub to: String,
    /// An [`Operation`] key.
    #[serde(default)]
    pub operation: String,
    /// Part of the actor's name.
    #[serde(default)]
    pub actor: String,
    /// Part of the target's name.
    #[serde(default)]
    pub target: String,
    /// An exact target id (links from a user's page).
    #[serde(default)]
    pub target_id: String,
    #[serde(default)]
    pub page: u32,
}

/// One page of entries, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ActivityPage {
    pub entries: Vec<ActivityEntry>,
    pub total: i64,
    pub page: u32,
    pub page_size: u32,
    /// Whether the caller sees the whole organization (else only their own actions).
    pub whole_organization: bool,
}

/// Entries per page.
pub const ACTIVITY_PAGE_SIZE: u32 = 50;
