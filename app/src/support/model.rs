//! Support tickets on the wire, and the rules both the pages and the service
//! read: who may do what to a ticket, and the checks of a new ticket.

use crate::access::{Capability, Identity};
use crate::error::FieldErrors;
use serde::{Deserialize, Serialize};

/// The two kinds of ticket. They share one shape but not their rules: an id
/// of one kind is "not found" when asked for as the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum TicketKind {
    /// A service request on behalf of one of the organization's customers.
    Customer,
    /// A problem with the console itself.
    Console,
}

impl TicketKind {
    /// The stored name.
    pub const fn key(self) -> &'static str {
        match self {
            TicketKind::Customer => "customer",
            TicketKind::Console => "console",
        }
    }

    /// What lists and reads tickets of this kind.
    pub const fn view_capability(self) -> Capability {
        match self {
            TicketKind::Customer => Capability::TicketsView,
            TicketKind::Console => Capability::ConsoleTicketsCreate,
        }
    }

    /// What opens a ticket of this kind.
    pub const fn open_capability(self) -> Capability {
        match self {
            TicketKind::Customer => Capability::CustomerTicketsCreate,
            TicketKind::Console => Capability::ConsoleTicketsCreate,
        }
    }

    /// Any one of these adds a comment: whoever opens customer tickets or
    /// resolves them (a Sales agent only reads).
    pub const fn comment_capabilities(self) -> &'static [Capability] {
        match self {
            TicketKind::Customer => &[
                Capability::CustomerTicketsCreate,
                Capability::TicketsResolve,
            ],
            TicketKind::Console => &[Capability::ConsoleTicketsCreate],
        }
    }

    /// What resolves and reopens a ticket of this kind. Console tickets are
    /// resolved by the vendor in real life; here the Global admin who files
    /// them marks them resolved (or reopens them).
    pub const fn resolve_capability(self) -> Capability {
        match self {
            TicketKind::Customer => Capability::TicketsResolve,
            TicketKind::Console => Capability::ConsoleTicketsCreate,
        }
    }

    /// The page listing tickets of this kind.
    pub const fn list_href(self) -> &'static str {
        match self {
            TicketKind::Customer => "/support",
            TicketKind::Console => "/support/console",
        }
    }

    /// The page of one ticket.
    pub fn ticket_href(self, ticket_id: &str) -> String {
        match self {
            TicketKind::Customer => format!("/support/tickets/{ticket_id}"),
            TicketKind::Console => format!("/support/console/{ticket_id}"),
        }
    }
}

/// Open, or resolved (and reopened when the problem comes back).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum TicketStatus {
    #[default]
    Open,
    Resolved,
}

impl TicketStatus {
    /// The stored name.
    pub const fn key(self) -> &'static str {
        match self {
            TicketStatus::Open => "open",
            TicketStatus::Resolved => "resolved",
        }
    }

    /// The name people read.
    pub const fn label(self) -> &'static str {
        match self {
            TicketStatus::Open => "Open",
            TicketStatus::Resolved => "Resolved",
        }
    }

    /// [`TicketStatus::label`] in the reader's language, for views.
    pub fn name(self) -> String {
        crate::i18n::text(match self {
            TicketStatus::Open => crate::key!("support-status-open"),
            TicketStatus::Resolved => crate::key!("support-status-resolved"),
        })
    }

    /// Parses a stored name.
    pub fn from_key(key: &str) -> Option<TicketStatus> {
        [TicketStatus::Open, TicketStatus::Resolved]
            .into_iter()
            .find(|s| s.key() == key)
    }
}

/// How badly the problem hurts the business.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    Low,
    #[default]
    Moderate,
    Critical,
}

impl Severity {
    /// Every severity, mildest first.
    pub const ALL: [Severity; 3] = [Severity::Low, Severity::Moderate, Severity::Critical];

    /// The stored name.
    pub const fn key(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Moderate => "moderate",
            Severity::Critical => "critical",
        }
    }

    /// The name people read.
    pub const fn label(self) -> &'static str {
        match self {
            Severity::Low => "Low",
            Severity::Moderate => "Moderate",
            Severity::Critical => "Critical",
        }
    }

    /// What it means, for the form.
    pub const fn hint(self) -> &'static str {
        match self {
            Severity::Low => "Low: minimal impact, work goes on",
            Severity::Moderate => "Moderate: work is degraded",
            Severity::Critical => "Critical: work has stopped",
        }
    }

    /// [`Severity::label`] in the reader's language, for views.
    pub fn name(self) -> String {
        crate::i18n::text(match self {
            Severity::Low => crate::key!("support-severity-low"),
            Severity::Moderate => crate::key!("support-severity-moderate"),
            Severity::Critical => crate::key!("support-severity-critical"),
        })
    }

    /// [`Severity::hint`] in the reader's language, for views.
    pub fn hint_name(self) -> String {
        crate::i18n::text(match self {
            Severity::Low => crate::key!("support-severity-low-hint"),
            Severity::Moderate => crate::key!("support-severity-moderate-hint"),
            Severity::Critical => crate::key!("support-severity-critical-hint"),
        })
    }

    /// Parses a stored name.
    pub fn from_key(key: &str) -> Option<Severity> {
        Severity::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// What a ticket is about. Each kind offers its own categories; two of the
/// customer ones need an Admin agent (seed 000: a Helpdesk agent requests
/// support on behalf of customers, "but you must be an admin agent for
/// Office 365 subscriptions", and can't request Azure technical support):
/// they take `AdministerOnBehalf`, the capability that tells the two apart.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum TicketCategory {
    Billing,
    Subscriptions,
    UsersAndLicences,
    Office365,
    AzureTechnical,
    ConsoleAccess,
    ConsoleFeature,
    ConsoleApi,
    #[default]
    Other,
}

impl TicketCategory {
    /// Every category.
    pub const ALL: [TicketCategory; 9] = [
        TicketCategory::Billing,
        TicketCategory::Subscriptions,
        TicketCategory::UsersAndLicences,
        TicketCategory::Office365,
        TicketCategory::AzureTechnical,
        TicketCategory::ConsoleAccess,
        TicketCategory::ConsoleFeature,
        TicketCategory::ConsoleApi,
        TicketCategory::Other,
    ];

    /// The stored and wire name.
    pub const fn key(self) -> &'static str {
        match self {
            TicketCategory::Billing => "billing",
            TicketCategory::Subscriptions => "subscriptions",
            TicketCategory::UsersAndLicences => "users-and-licences",
            TicketCategory::Office365 => "office365",
            TicketCategory::AzureTechnical => "azure-technical",
            TicketCategory::ConsoleAccess => "console-access",
            TicketCategory::ConsoleFeature => "console-feature",
            TicketCategory::ConsoleApi => "console-api",
            TicketCategory::Other => "other",
        }
    }

    /// The name people read.
    pub const fn label(self) -> &'static str {
        match self {
            TicketCategory::Billing => "Billing and invoices",
            TicketCategory::Subscriptions => "Subscriptions",
            TicketCategory::UsersAndLicences => "Users and licences",
            TicketCategory::Office365 => "Office 365 subscription",
            TicketCategory::AzureTechnical => "Azure technical support",
            TicketCategory::ConsoleAccess => "Sign-in and access",
            TicketCategory::ConsoleFeature => "A console page or feature",
            TicketCategory::ConsoleApi => "API and directory sync",
            TicketCategory::Other => "Something else",
        }
    }

    /// [`TicketCategory::label`] in the reader's language, for views.
    pub fn name(self) -> String {
        crate::i18n::text(match self {
            TicketCategory::Billing => crate::key!("support-category-billing"),
            TicketCategory::Subscriptions => crate::key!("support-category-subscriptions"),
            TicketCategory::UsersAndLicences => crate::key!("support-category-users-and-licences"),
            TicketCategory::Office365 => crate::key!("support-category-office365"),
            TicketCategory::AzureTechnical => crate::key!("support-category-azure-technical"),
            TicketCategory::ConsoleAccess => crate::key!("support-category-console-access"),
            TicketCategory::ConsoleFeature => crate::key!("support-category-console-feature"),
            TicketCategory::ConsoleApi => crate::key!("support-category-console-api"),
            TicketCategory::Other => crate::key!("support-category-other"),
        })
    }

    /// Parses a stored name.
    pub fn from_key(key: &str) -> Option<TicketCategory> {
        TicketCategory::ALL.into_iter().find(|c| c.key() == key)
    }

    /// Whether tickets of `kind` may have this category.
    pub const fn fits(self, kind: TicketKind) -> bool {
        use TicketCategory as C;
        match kind {
            TicketKind::Customer => matches!(
                self,
                C::Billing
                    | C::Subscriptions
                    | C::UsersAndLicences
                    | C::Office365
                    | C::AzureTechnical
                    | C::Other
            ),
            TicketKind::Console => matches!(
                self,
                C::ConsoleAccess | C::ConsoleFeature | C::ConsoleApi | C::Billing | C::Other
            ),
        }
    }

    /// The capability this category needs beyond opening the ticket.
    pub const fn needs(self) -> Option<Capability> {
        match self {
            TicketCategory::Office365 | TicketCategory::AzureTechnical => {
                Some(Capability::AdministerOnBehalf)
            }
            _ => None,
        }
    }

    /// The categories `me` may choose for a ticket of `kind`, in form order.
    pub fn offered(kind: TicketKind, me: &Identity) -> Vec<TicketCategory> {
        TicketCategory::ALL
            .into_iter()
            .filter(|c| c.fits(kind) && c.needs().is_none_or(|cap| me.can(cap)))
            .collect()
    }
}

/// What the caller may do to one ticket, computed by the same rules the
/// service enforces. Comments go on open tickets only.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TicketActions {
    pub can_comment: bool,
    pub can_resolve: bool,
    pub can_reopen: bool,
}

impl TicketActions {
    /// The actions `me` has on a ticket of `kind` in `status`.
    pub fn of(me: &Identity, kind: TicketKind, status: TicketStatus) -> TicketActions {
        let open = status == TicketStatus::Open;
        let resolves = me.can(kind.resolve_capability());
        TicketActions {
            can_comment: open && me.can_any(kind.comment_capabilities()),
            can_resolve: open && resolves,
            can_reopen: !open && resolves,
        }
    }
}

/// A customer, as the ticket pages name and choose them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TicketCustomer {
    pub customer_id: String,
    pub name: String,
    pub domain: String,
}

/// A support ticket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Ticket {
    pub ticket_id: String,
    pub kind: TicketKind,
    /// The customer of a customer ticket; none for a console ticket.
    pub customer: Option<TicketCustomer>,
    pub title: String,
    pub description: String,
    pub severity: Severity,
    pub category: TicketCategory,
    pub status: TicketStatus,
    /// Who opened it (a person or an application), by name as it was then.
    pub opened_by: String,
    /// `user`, `application` or `operator`.
    pub opened_by_kind: String,
    pub opened_at: i64,
    /// Who resolved it, while it is resolved.
    pub resolved_by: Option<String>,
    pub resolved_at: Option<i64>,
    /// The last comment or status change.
    pub updated_at: i64,
    pub comment_count: i64,
    /// Row version for optimistic concurrency: send it back with a status
    /// change. A comment moves it too, so nobody resolves a ticket over a
    /// comment they have not seen.
    pub version: i64,
    pub actions: TicketActions,
}

/// One comment: appended, never edited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TicketComment {
    pub comment_id: String,
    pub author: String,
    /// `user`, `application` or `operator`.
    pub author_kind: String,
    pub body: String,
    pub created_at: i64,
}

/// A ticket with its comments, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TicketThread {
    pub ticket: Ticket,
    pub comments: Vec<TicketComment>,
}

/// The form of a new ticket.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewTicket {
    /// The customer (customer tickets only; none for a console ticket).
    #[serde(default)]
    pub customer_id: Option<String>,
    pub title: String,
    pub description: String,
    #[serde(default)]
    pub severity: Severity,
    #[serde(default)]
    pub category: TicketCategory,
}

/// Filters and page of a ticket list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TicketQuery {
    /// Only tickets in this status (all when absent).
    #[serde(default)]
    pub status: Option<TicketStatus>,
    /// Only this customer's tickets (customer tickets only).
    #[serde(default)]
    pub customer_id: Option<String>,
    /// Words of the title.
    #[serde(default)]
    pub search: String,
    #[serde(default)]
    pub page: u32,
}

/// One page of tickets, most recently active first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TicketPage {
    pub tickets: Vec<Ticket>,
    pub total: i64,
    pub page: u32,
    pub page_size: u32,
    /// The customer the list is filtered to, if any.
    pub customer: Option<TicketCustomer>,
}

/// Tickets per page.
pub const TICKET_PAGE_SIZE: u32 = 25;
/// The longest title, in characters.
pub const MAX_TITLE: usize = 200;
/// The longest description or comment, in characters.
pub const MAX_TEXT: usize = 5000;
/// Customers offered by one search of the ticket form's picker.
pub const CUSTOMER_CHOICES: u32 = 50;

/// Checks a new ticket's fields; the same messages in the form and the
/// server. (Whether the customer exists and the caller may use the category
/// is the service's to say.)
pub fn check_ticket(kind: TicketKind, new: &NewTicket) -> FieldErrors {
    let mut errors = FieldErrors::new();
    let customer = new.customer_id.as_deref().map(str::trim).unwrap_or("");
    match kind {
        TicketKind::Customer if customer.is_empty() => {
            errors.insert(
                "customer_id".into(),
                vec![crate::msg!("support-choose-customer-for-ticket")],
            );
        }
        TicketKind::Console if !customer.is_empty() => {
            errors.insert(
                "customer_id".into(),
                vec![crate::msg!("support-console-ticket-no-customer")],
            );
        }
        _ => {}
    }
    let title = new.title.trim();
    if title.is_empty() {
        errors.insert("title".into(), vec![crate::msg!("support-enter-title")]);
    } else if title.chars().count() > MAX_TITLE {
        errors.insert(
            "title".into(),
            vec![crate::msg!("support-title-too-long", max = MAX_TITLE)],
        );
    } else if title.chars().any(char::is_control) {
        errors.insert("title".into(), vec![crate::msg!("support-title-one-line")]);
    }
    if let Some(problem) = text_problem(&new.description, crate::key!("support-describe-problem")) {
        errors.insert("description".into(), vec![problem]);
    }
    if !new.category.fits(kind) {
        errors.insert(
            "category".into(),
            vec![crate::msg!("support-choose-offered-category")],
        );
    }
    errors
}

/// Checks a comment; `None` when it is fine.
pub fn check_comment(body: &str) -> Option<String> {
    text_problem(body, crate::key!("support-write-comment"))
}

fn text_problem(text: &str, when_empty: &str) -> Option<String> {
    let text = text.trim();
    if text.is_empty() {
        Some(when_empty.into())
    } else if text.chars().count() > MAX_TEXT {
        Some(crate::msg!(
            "support-text-too-long",
            max = crate::i18n::number(MAX_TEXT as i64),
            count = crate::i18n::number(text.chars().count() as i64)
        ))
    } else if text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        // A NUL would not even reach PostgreSQL's text columns.
        Some(crate::msg!("support-remove-control-characters"))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::access::{Role, RoleSet};

    fn agent(role: Role) -> Identity {
        Identity::new(
            "u".into(),
            "o".into(),
            "O".into(),
            "U".into(),
            "u@o.example".into(),
            RoleSet {
                agent: Some(role),
                ..RoleSet::default()
            },
            false,
        )
    }

    #[test]
    fn actions_follow_the_seed() {
        let open = TicketStatus::Open;
        let sales = TicketActions::of(&agent(Role::SalesAgent), TicketKind::Customer, open);
        assert_eq!(sales, TicketActions::default());
        let helpdesk = TicketActions::of(&agent(Role::HelpdeskAgent), TicketKind::Customer, open);
        assert!(helpdesk.can_comment && !helpdesk.can_resolve);
        let admin = TicketActions::of(&agent(Role::AdminAgent), TicketKind::Customer, open);
        assert!(admin.can_comment && admin.can_resolve && !admin.can_reopen);
        let resolved = TicketActions::of(
            &agent(Role::AdminAgent),
            TicketKind::Customer,
            TicketStatus::Resolved,
        );
        assert!(!resolved.can_comment && !resolved.can_resolve && resolved.can_reopen);
        let console = TicketActions::of(&agent(Role::AdminAgent), TicketKind::Console, open);
        assert_eq!(console, TicketActions::default());
    }

    #[test]
    fn office365_and_azure_need_an_admin_agent() {
        let helpdesk = TicketCategory::offered(TicketKind::Customer, &agent(Role::HelpdeskAgent));
        assert!(!helpdesk.contains(&TicketCategory::Office365));
        assert!(!helpdesk.contains(&TicketCategory::AzureTechnical));
        assert!(helpdesk.contains(&TicketCategory::Billing));
        let admin = TicketCategory::offered(TicketKind::Customer, &agent(Role::AdminAgent));
        assert!(admin.contains(&TicketCategory::Office365));
        assert!(!admin.contains(&TicketCategory::ConsoleApi));
    }

    #[test]
    fn checks_name_the_field() {
        let mut new = NewTicket {
            customer_id: None,
            title: " ".into(),
            description: "x".repeat(MAX_TEXT + 1),
            severity: Severity::Low,
            category: TicketCategory::ConsoleApi,
        };
        let errors = check_ticket(TicketKind::Customer, &new);
        let fields: Vec<&str> = errors.keys().map(String::as_str).collect();
        assert_eq!(fields, ["category", "customer_id", "description", "title"]);
        assert_eq!(
            errors["description"],
            [crate::msg!(
                "support-text-too-long",
                max = "5,000",
                count = "5,001"
            )]
        );
        new.title = "Sign-in loops".into();
        new.description = "After the password, the sign-in page shows again.".into();
        assert!(check_ticket(TicketKind::Console, &new).is_empty());
        new.customer_id = Some("c".into());
        assert!(check_ticket(TicketKind::Console, &new).contains_key("customer_id"));
        assert_eq!(check_comment("  "), Some("support-write-comment".into()));
        assert_eq!(check_comment("Line one\nline\ttwo"), None);
        assert!(check_comment("nul \u{0} here").is_some());
        new.title = "Two\nlines".into();
        assert!(check_ticket(TicketKind::Console, &new).contains_key("title"));
    }
}
