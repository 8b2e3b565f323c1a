//! The wire types of customer users and import files, and the one check
//! of a new user's fields (compiled in the browser too, so forms can use it).

use crate::error::FieldErrors;
use serde::{Deserialize, Serialize};

/// A customer-side admin role (the customer's own directory roles, seed 002).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum CustomerAdminRole {
    #[default]
    None,
    Global,
    User,
    Billing,
    Helpdesk,
}

impl CustomerAdminRole {
    /// Every role, in the order the form offers them.
    pub const ALL: [CustomerAdminRole; 5] = [
        CustomerAdminRole::None,
        CustomerAdminRole::Global,
        CustomerAdminRole::User,
        CustomerAdminRole::Billing,
        CustomerAdminRole::Helpdesk,
    ];

    /// The stored and wire name.
    pub const fn key(self) -> &'static str {
        match self {
            CustomerAdminRole::None => "none",
            CustomerAdminRole::Global => "global",
            CustomerAdminRole::User => "user",
            CustomerAdminRole::Billing => "billing",
            CustomerAdminRole::Helpdesk => "helpdesk",
        }
    }

    /// What the UI shows.
    pub const fn label(self) -> &'static str {
        match self {
            CustomerAdminRole::None => "None",
            CustomerAdminRole::Global => "Global admin",
            CustomerAdminRole::User => "User admin",
            CustomerAdminRole::Billing => "Billing admin",
            CustomerAdminRole::Helpdesk => "Helpdesk admin",
        }
    }

    /// What the UI shows, in the reader's language.
    pub fn name(self) -> String {
        crate::i18n::text(match self {
            CustomerAdminRole::None => crate::key!("customer-users-role-none"),
            CustomerAdminRole::Global => crate::key!("customer-users-role-global"),
            CustomerAdminRole::User => crate::key!("customer-users-role-user"),
            CustomerAdminRole::Billing => crate::key!("customer-users-role-billing"),
            CustomerAdminRole::Helpdesk => crate::key!("customer-users-role-helpdesk"),
        })
    }

    /// Parses a stored or wire name.
    pub fn from_key(key: &str) -> Option<CustomerAdminRole> {
        CustomerAdminRole::ALL.into_iter().find(|r| r.key() == key)
    }
}

/// Whether a customer user is in the list or in "Deleted users".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum CustomerUserStatus {
    #[default]
    Active,
    Deleted,
}

impl CustomerUserStatus {
    /// The stored and wire name.
    pub const fn key(self) -> &'static str {
        match self {
            CustomerUserStatus::Active => "active",
            CustomerUserStatus::Deleted => "deleted",
        }
    }

    /// Parses a stored name; anything else counts as deleted (no access).
    pub fn from_key(key: &str) -> CustomerUserStatus {
        if key == "active" {
            CustomerUserStatus::Active
        } else {
            CustomerUserStatus::Deleted
        }
    }
}

/// Deleted users can be restored for this long, then they are purged.
pub const RESTORE_DAYS: i64 = 30;

/// A licence a user holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct HeldLicence {
    pub subscription_id: String,
    pub product: String,
}

/// A customer's user as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CustomerUser {
    pub customer_user_id: String,
    pub first_name: String,
    pub last_name: String,
    pub display_name: String,
    pub user_name: String,
    pub admin_role: CustomerAdminRole,
    pub status: CustomerUserStatus,
    pub deleted_at: Option<i64>,
    /// Licences held (for a deleted user: those a restore will try to bring back).
    pub licences: Vec<HeldLicence>,
}

/// Filters of the "Users and licences" list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CustomerUserQuery {
    pub customer_id: String,
    /// Part of the name or user name.
    #[serde(default)]
    pub search: String,
    /// A subscription id (users holding it), "none" (users without a licence) or empty.
    #[serde(default)]
    pub licence: String,
    /// The "Deleted users" tab.
    #[serde(default)]
    pub deleted: bool,
    #[serde(default)]
    pub page: u32,
}

/// One page of customer users, with the deleted-users count for the tab.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CustomerUserPage {
    pub users: Vec<CustomerUser>,
    pub total: i64,
    pub deleted_count: i64,
    pub page: u32,
    pub page_size: u32,
}

/// Users per page.
pub const CUSTOMER_USER_PAGE_SIZE: u32 = 50;

/// The form of "Add user" for a customer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewCustomerUser {
    pub first_name: String,
    pub last_name: String,
    pub display_name: String,
    /// The part before `@customer-domain`.
    pub alias: String,
    #[serde(default)]
    pub admin_role: CustomerAdminRole,
    /// Subscription ids to take a seat of.
    #[serde(default)]
    pub licences: Vec<String>,
}

/// Longest first, last and display name, in characters (after trimming).
pub const NAME_MAX: usize = 100;

impl NewCustomerUser {
    /// Every problem with the fields, keyed by field name (`first_name`,
    /// `last_name`, `display_name`, `alias`, `licences`).
    /// The one check of a new user: "Add user" and each import row use it,
    /// so both apply the same limits with the same messages.
    pub fn problems(&self) -> FieldErrors {
        let mut errors = FieldErrors::new();
        for (field, value) in [
            ("first_name", &self.first_name),
            ("last_name", &self.last_name),
            ("display_name", &self.display_name),
        ] {
            let n = value.trim().chars().count();
            if n == 0 || n > NAME_MAX {
                let message = match field {
                    "first_name" => crate::msg!("customer-users-enter-first-name", max = NAME_MAX),
                    "last_name" => crate::msg!("customer-users-enter-last-name", max = NAME_MAX),
                    _ => crate::msg!("customer-users-enter-display-name", max = NAME_MAX),
                };
                errors.insert(field.into(), vec![message]);
            }
        }
        if let Some(p) = alias_problem(&self.alias) {
            errors.insert("alias".into(), vec![p.into()]);
        }
        let mut seen = std::collections::BTreeSet::new();
        if self
            .licences
            .iter()
            .any(|l| l.trim().is_empty() || !seen.insert(l.as_str()))
        {
            errors.insert(
                "licences".into(),
                vec![crate::msg!("customer-users-licence-once")],
            );
        }
        errors
    }
}

/// A created user and the temporary password, shown once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CreatedCustomerUser {
    pub user: CustomerUser,
    pub temporary_password: String,
}

/// "Manage licences" for several users at once.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct LicenceChange {
    pub customer_id: String,
    pub user_ids: Vec<String>,
    #[serde(default)]
    pub add: Vec<String>,
    #[serde(default)]
    pub remove: Vec<String>,
}

/// What a restore did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RestoreOutcome {
    /// Display names of the users restored.
    pub restored: Vec<String>,
    /// "Name: product" for each licence that could not come back (no free seat).
    pub licences_not_restored: Vec<String>,
}

/// Why an alias (the part before `@`) is not acceptable, if it isn't.
pub fn alias_problem(alias: &str) -> Option<&'static str> {
    let a = alias.trim();
    if a.is_empty() || a.len() > 64 {
        return Some(crate::key!("customer-users-enter-alias"));
    }
    let ok = a
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '\''))
        && !a.starts_with('.')
        && !a.ends_with('.')
        && !a.contains("..");
    if ok {
        None
    } else {
        Some(crate::key!("customer-users-alias-characters"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases() {
        assert_eq!(alias_problem("jane.doe"), None);
        assert!(alias_problem("jane doe").is_some());
        assert!(alias_problem("").is_some());
        assert!(alias_problem("a..b").is_some());
        assert_eq!(
            CustomerAdminRole::from_key("helpdesk").map(CustomerAdminRole::label),
            Some("Helpdesk admin")
        );
        assert_eq!(CustomerAdminRole::from_key("owner"), None);
    }

    #[test]
    fn new_user_problems() {
        let mut new = NewCustomerUser {
            first_name: " Jane ".into(),
            last_name: "Doe".into(),
            display_name: "x".repeat(NAME_MAX),
            alias: "jane.doe".into(),
            admin_role: CustomerAdminRole::None,
            licences: vec!["s1".into()],
        };
        assert_eq!(new.problems(), FieldErrors::new());
        new.display_name.push('x');
        new.first_name = "  ".into();
        new.licences.push("s1".into());
        let p = new.problems();
        assert_eq!(
            p.keys().map(String::as_str).collect::<Vec<_>>(),
            ["display_name", "first_name", "licences"]
        );
        assert_eq!(
            p["display_name"],
            [crate::msg!("customer-users-enter-display-name", max = 100)]
        );
        assert_eq!(
            crate::i18n::message(&p["display_name"][0]),
            "Enter the display name (1 to 100 characters)."
        );
    }
}

/// The header of the import file (the "Licence" column is optional).
pub const IMPORT_HEADER: [&str; 5] = [
    "First name",
    "Last name",
    "Display name",
    "Email",
    "Licence",
];

/// [`IMPORT_HEADER`] in French: the French template's, and accepted by
/// the import as well as the English one.
pub const IMPORT_HEADER_FR: [&str; 5] = ["Prénom", "Nom", "Nom d'affichage", "E-mail", "Licence"];

/// Most rows one import takes, from the browser, the API or the command
/// line: each reads the file a buffer at a time from disk and keeps the
/// users created, with their passwords, in a temporary file until the
/// import commits. On SQLite a million rows hold the write lock for less
/// than the 60 s other writers wait for it.
pub const IMPORT_MAX_ROWS: usize = 1_000_000;

/// The downloadable import template, its header in the reader's language.
pub fn import_template(domain: &str) -> String {
    let header = match crate::i18n::current() {
        crate::i18n::Locale::En => IMPORT_HEADER,
        crate::i18n::Locale::Fr => IMPORT_HEADER_FR,
    };
    format!(
        "{}\r\nJane,Doe,Jane Doe,jane.doe@{domain},\r\n",
        header.join(",")
    )
}

/// One problem in an import file.
pub use crate::csv::RowError;

/// What a validation found (nothing is written).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ImportCheck {
    /// User rows read.
    pub rows: usize,
    /// Problems, in file order (at most [`IMPORT_MAX_ERRORS`]).
    pub errors: Vec<RowError>,
    /// Problems beyond those listed.
    pub more_errors: usize,
}

/// Most problems listed by one validation.
pub const IMPORT_MAX_ERRORS: usize = 1_000;

/// One imported user and their temporary password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ImportedUser {
    pub display_name: String,
    pub user_name: String,
    pub temporary_password: String,
}

/// The result of an import: every user created, with the passwords shown once.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ImportResult {
    pub users: Vec<ImportedUser>,
}

impl ImportResult {
    /// The result as CSV (display name, user name, temporary password).
    pub fn to_csv(&self) -> String {
        let mut out = String::from(ImportedUser::CSV_HEADER);
        for u in &self.users {
            out.push_str(&u.csv_row());
        }
        out
    }
}

impl ImportedUser {
    /// The header line of [`ImportResult::to_csv`].
    pub const CSV_HEADER: &'static str = "Display name,User name,Temporary password\r\n";

    /// This user's line of [`ImportResult::to_csv`].
    pub fn csv_row(&self) -> String {
        format!(
            "{},{},{}\r\n",
            crate::csv::cell(&self.display_name),
            crate::csv::cell(&self.user_name),
            crate::csv::cell(&self.temporary_password)
        )
    }
}
