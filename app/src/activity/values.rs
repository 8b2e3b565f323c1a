//! Recorded values in the reader's language.
//!
//! Services record values as people read them in English (a role's label,
//! a status's key, "yes"), and entries already written keep them. The log
//! page translates the words it knows, by field and by the kind of record
//! changed; anything else (names, emails, numbers) is shown as recorded.

use crate::access::{Level, Role, Workspace};
use crate::customer_users::{CustomerAdminRole, CustomerUserStatus};
use crate::delegated_admin::DapStatus;
use crate::devices::AccountType;
use crate::incentives::EnrolmentStatus;
use crate::support::{Severity, TicketCategory, TicketStatus};
use crate::users::UserStatus;

/// `value` of `field` on a record of `target_kind`, in the reader's
/// language when it is one of the words the services record; else as
/// recorded.
pub fn value_for_reader(target_kind: &str, field: &str, value: &str) -> String {
    translated(target_kind, field, value).unwrap_or_else(|| value.to_string())
}

fn translated(target_kind: &str, field: &str, value: &str) -> Option<String> {
    match value {
        "yes" => return Some(crate::tr!("activity-value-yes")),
        "no" => return Some(crate::tr!("activity-value-no")),
        _ => {}
    }
    match (field, target_kind) {
        ("admin role", "customer-user") => CustomerAdminRole::ALL
            .into_iter()
            .find(|r| r.label() == value)
            .map(CustomerAdminRole::name),
        ("admin role" | "agent role" | "incentives role" | "requested role", _) => roles(value),
        ("custom permissions", _) => permissions(value),
        ("status", "user") => UserStatus::from_key(value).map(UserStatus::name),
        ("status", "customer-user") => Some(crate::i18n::text(match CustomerUserStatus::from_key(
            value,
        ) {
            CustomerUserStatus::Active => crate::key!("activity-value-active"),
            CustomerUserStatus::Deleted => crate::key!("activity-value-deleted"),
        })),
        ("status", "incentive-enrolment") => EnrolmentStatus::ALL
            .into_iter()
            .find(|s| s.label() == value || s.key() == value)
            .map(EnrolmentStatus::name),
        ("status", "lead") => Some(crate::leads::lead_status_label(value)),
        ("status", "ticket") => TicketStatus::from_key(value).map(TicketStatus::name),
        ("delegated admin", _) => DapStatus::ALL
            .into_iter()
            .find(|s| s.key() == value)
            .map(DapStatus::name),
        ("severity", _) => Severity::ALL
            .into_iter()
            .find(|s| s.label() == value)
            .map(Severity::name),
        ("category", _) => TicketCategory::ALL
            .into_iter()
            .find(|c| c.label() == value)
            .map(TicketCategory::name),
        ("user account type", _) => AccountType::ALL
            .into_iter()
            .find(|a| a.label() == value)
            .map(AccountType::name),
        ("profile", _) if value == "none" => Some(crate::tr!("devices-no-profile")),
        ("sessions", _) => sessions(value),
        _ => word(value).map(crate::i18n::text),
    }
}

/// The fixed phrases some services record as values.
fn word(value: &str) -> Option<&'static str> {
    Some(match value {
        "directory sync" => crate::key!("activity-value-directory-sync"),
        "synced" => crate::key!("activity-value-synced"),
        "cloud" => crate::key!("activity-value-cloud"),
        "deleted by the directory" => crate::key!("activity-value-deleted-by-directory"),
        "wrong code" => crate::key!("activity-value-wrong-code"),
        "authenticator code" => crate::key!("activity-value-authenticator-code"),
        "recovery code" => crate::key!("activity-value-recovery-code"),
        "password change" => crate::key!("activity-value-password-change"),
        "turning off two-step verification" => crate::key!("activity-value-second-factor-off"),
        _ => return None,
    })
}

/// Role labels joined by ", " (one role, or a list).
fn roles(value: &str) -> Option<String> {
    let names: Option<Vec<String>> = value
        .split(", ")
        .map(|label| {
            Role::ALL
                .into_iter()
                .find(|r| r.label() == label)
                .map(Role::name)
        })
        .collect();
    names.map(|n| n.join(", "))
}

/// `Permissions::describe`'s text: "Custom: Customers (read and write), …".
fn permissions(value: &str) -> Option<String> {
    let list = value.strip_prefix("Custom: ")?;
    let parts: Option<Vec<String>> = list
        .split(", ")
        .map(|part| {
            let (workspace, level) = part.strip_suffix(')')?.split_once(" (")?;
            let workspace = Workspace::ALL
                .into_iter()
                .find(|w| w.label() == workspace)?;
            let level = Level::ALL
                .into_iter()
                .find(|l| l.label().eq_ignore_ascii_case(level))?;
            Some(crate::tr!(
                "activity-value-permission",
                workspace = workspace.name(),
                level = level.name().to_lowercase()
            ))
        })
        .collect();
    parts.map(|p| crate::tr!("activity-value-custom", list = p.join(", ")))
}

/// "all ended" or "3 ended".
fn sessions(value: &str) -> Option<String> {
    if value == "all ended" {
        return Some(crate::tr!("activity-value-sessions-all-ended"));
    }
    let count: i64 = value.strip_suffix(" ended")?.parse().ok()?;
    Some(crate::tr!(
        "activity-value-sessions-ended",
        count = crate::i18n::number(count)
    ))
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::i18n::Locale;
    use leptos::prelude::{provide_context, Owner};

    fn in_french<T>(f: impl FnOnce() -> T) -> T {
        let owner = Owner::new_root(None);
        owner.with(|| {
            provide_context(Locale::Fr);
            f()
        })
    }

    fn fr(kind: &str, field: &str, value: &str) -> String {
        in_french(|| value_for_reader(kind, field, value))
    }

    #[test]
    fn statuses_roles_and_yes_no_are_translated_by_field_and_record() {
        assert_eq!(fr("user", "status", "removed"), "Supprimé");
        assert_eq!(
            fr("user", "admin role", "Global admin"),
            "Administrateur général"
        );
        assert_eq!(
            fr("group", "agent role", "Admin agent, Global admin"),
            "Agent administrateur, Administrateur général"
        );
        assert_eq!(fr("application", "directory sync", "yes"), "oui");
        assert_eq!(fr("customer-user", "status", "deleted"), "supprimé");
        assert_eq!(fr("lead", "status", "qualified"), "Qualifié");
        assert_eq!(fr("user", "sessions", "3 ended"), "terminées : 3");
        assert_eq!(
            fr("ticket", "severity", "Critical"),
            in_french(|| Severity::Critical.name())
        );
        assert_ne!(fr("ticket", "severity", "Critical"), "Critical");
        assert_eq!(fr("devices", "profile", "none"), "Aucun");
    }

    #[test]
    fn custom_permissions_are_rebuilt_in_the_readers_language() {
        let mut p = crate::access::Permissions::default();
        p.set(Workspace::Customers, Level::ReadWrite);
        p.set(Workspace::Billing, Level::Read);
        let shown = fr("group", "custom permissions", &p.describe());
        assert!(shown.starts_with("Personnalisées : "), "{shown}");
        let customers = in_french(|| Workspace::Customers.name());
        assert!(shown.contains(&customers), "{shown}");
        assert!(!shown.contains("Custom"), "{shown}");
    }

    #[test]
    fn names_and_unknown_words_stay_as_recorded() {
        assert_eq!(fr("user", "name", "yes man"), "yes man");
        assert_eq!(fr("user", "admin role", "Chief"), "Chief");
        assert_eq!(fr("lead", "company", "Contoso"), "Contoso");
        assert_eq!(
            fr("group", "custom permissions", "Custom: Moon (read)"),
            "Custom: Moon (read)"
        );
    }
}
